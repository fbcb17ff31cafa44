// Helpers that append to a Report in document order, interning every string in the report
// and numbering source lines as an extracted text would.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "finances.hpp"
#include "fincheck/report.hpp"

namespace fincheck::gen {

// Who the report is about; drawn once per report.
struct Profile {
    std::string department;   // 武汉市汉阳区财政局
    std::string short_name;   // 本部门's name as the prose repeats it
    const Region* region = nullptr;
    const Archetype* archetype = nullptr;
    int year = 0;
    std::string level_word;   // 区级 / 市级 / 省级: 名词解释 says whose 财政 pays
    bool subtotal_rows = false;  // 02/03/05/07 print 类 and 款 subtotal rows
};

std::string chinese_number(int n);  // 1 → 一, 12 → 十二, 26 → 二十六
std::string amount_text(Yuan amount);  // printed 万元 figure: 592.29
std::string percent_text(Decimal value);  // 25.92
// 100 × part / whole of the printed figures, as the narrative states it; "0.00" for whole 0.
std::string share_text(Yuan part, Yuan whole);
// "增加63.94万元，增长9.74%" / "减少…，下降…%" / "持平", from the printed figures.
std::string change_text(Yuan now, Yuan prior);

class ReportBuilder {
public:
    explicit ReportBuilder(Report& report) : report_(report) {}

    Report& report() { return report_; }
    std::string_view own(std::string_view text) { return report_.own(text); }
    SourceLine next_line(SourceLine advance = 1) {
        const SourceLine line = line_;
        line_ += advance;
        return line;
    }

    int section(std::string_view number, std::string_view heading, int level);
    int block(std::string_view text, BlockKind kind = BlockKind::paragraph);
    int current_section() const { return section_; }
    void set_attachment(int attachment) { attachment_ = attachment; }

    Table& table(std::string_view id, TableKind kind, std::string_view title);
    void column(Table& table, std::string_view key, std::string_view header, int number = 0,
                std::string_view part = {});
    Row& row(Table& table, std::string_view key, std::string_view label, RowLevel level,
             std::string_view code = {}, std::string_view part = {});
    // Appends a cell to the last row of `table`: an amount (blank when nullopt), or text.
    void amount(Table& table, std::optional<Yuan> value);
    void zero_or_amount(Table& table, Yuan value);  // prints 0.00 for zero
    void text(Table& table, std::string_view raw);
    void decimal(Table& table, Decimal value, std::string_view suffix = {});

private:
    Report& report_;
    SourceLine line_ = 1;
    int section_ = -1;
    int attachment_ = -1;
    int parents_[5] = {-1, -1, -1, -1, -1};
};

void add_standard_tables(ReportBuilder& builder, const Profile& profile, const Finances& finances);
// Where the narrative put the sentences error injection alters.
struct NarrativeAnchors {
    int spending_block = -1;  // 三、支出决算情况说明: shares of 基本支出 and 项目支出
};
NarrativeAnchors add_narrative(ReportBuilder& builder, const Profile& profile, const Finances& finances);
void add_attachments(ReportBuilder& builder, const Profile& profile, const Finances& finances);
void add_front_matter(ReportBuilder& builder, const Profile& profile, const Finances& finances);
// Lines reserved for the contents list; fill_toc lists the level-1 and level-2 headings.
inline constexpr SourceLine kTocLines = 60;
void fill_toc(Report& report);

}  // namespace fincheck::gen
