// years-title-mismatch: a title, heading or table-of-contents entry names a year other
// than the report's fiscal year (an attachment titled 「2023年度…项目绩效自评表」 inside the
// 2024 report). Comparisons, ranges that include the fiscal year and cited document titles
// are not labels of the report's own year and are left alone.
#include <array>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "comparison_text.hpp"
#include "year_index.hpp"
#include "year_phrases.hpp"
#include "year_text.hpp"

namespace fincheck::years {

class TitleMismatchRule final : public DeclaredRule {
public:
    TitleMismatchRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "years-title-mismatch";

// A heading about next year's plans may name Y+1 (「2025年工作计划」).
bool is_planning_text(std::string_view text) {
    constexpr std::array<std::string_view, 5> kWords = {"计划", "打算", "展望", "思路", "安排"};
    for (std::string_view w : kWords)
        if (text.find(w) != std::string_view::npos) return true;
    return false;
}

// History told in a heading (「从2015年开始」, 「2021年以来」) is not a year label.
bool is_history_mention(std::string_view text, const YearMention& m) {
    const std::string_view after = text.substr(m.end, 12);
    constexpr std::array<std::string_view, 3> kWords = {"开始", "以来", "起"};
    for (std::string_view w : kWords)
        if (after.find(w) != std::string_view::npos) return true;
    return false;
}

// The first year mention that labels `text` with a year other than `fiscal_year`, if any.
// A title that compares periods (「2023年与2024年收支对比表」, 「比上年增减情况」) may name
// another year; one that merely holds 比 (比例, 比率, 比重, 占比) may not.
std::optional<YearMention> other_year_label(std::string_view text, std::span<const YearMention> mentions,
                                            int fiscal_year) {
    if (mentions.empty() || mentions_year(mentions, fiscal_year)) return std::nullopt;
    if (has_comparison_phrase(text)) return std::nullopt;
    for (const YearMention& m : mentions) {
        if (m.quoted) continue;
        if (m.year == fiscal_year + 1 && is_planning_text(text)) continue;
        if (is_history_mention(text, m)) continue;
        return m;
    }
    return std::nullopt;
}

std::string attachment_table_id(const Report& report, const Attachment& attachment) {
    for (int index : attachment.tables)
        if (index >= 0 && static_cast<std::size_t>(index) < report.tables.size())
            return std::string(report.tables[static_cast<std::size_t>(index)].id);
    return {};
}

}  // namespace

TitleMismatchRule::TitleMismatchRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "years")
          .title("标题年度与报告年度不符",
                 "Title names a year other than the fiscal year")
          .severity(Severity::error)
          .page_in("plugins/years")
          .messages({
              {"title-year",
               "{place}「{text}」标注为{year}年，与报告年度{fiscal_year}年不符",
               "{place_en} \"{text}\" is labelled {year}, but the report covers fiscal year {fiscal_year}"},
          })
          .build()) {}

void TitleMismatchRule::check(const Report& report, const RuleContext& context,
                              FindingSink& sink) const {
    const int fiscal_year = report.meta.fiscal_year;
    if (fiscal_year == 0) {
        context.log().write(LogLevel::debug, "years-title-mismatch: no fiscal year; skipped");
        return;
    }
    auto report_label = [&](std::string_view place_zh, std::string_view place_en,
                            std::string_view text, const YearMention& m, Location location) {
        sink.add(FindingBuilder(kRuleId, "title-year")
                     .at(std::move(location))
                     .arg("place", place_zh)
                     .arg("place_en", place_en)
                     .arg("text", text)
                     .arg("year", std::to_string(m.year))
                     .arg("fiscal_year", std::to_string(fiscal_year))
                     .expected(std::to_string(fiscal_year))
                     .actual(std::to_string(m.year))
                     .build());
    };

    const YearIndex& index = YearIndex::of(report);
    std::set<std::string_view> reported_titles;  // an attachment form repeats its title
    for (std::size_t t = 0; t < report.tables.size(); ++t) {
        const Table& table = report.tables[t];
        if (auto m = other_year_label(table.title, index.table_title(t), fiscal_year)) {
            report_label("表格标题", "Table title", table.title, *m, Location::at_table(table));
            reported_titles.insert(table.title);
        }
    }
    for (std::size_t a = 0; a < report.attachments.size(); ++a) {
        const Attachment& attachment = report.attachments[a];
        if (auto m = other_year_label(attachment.title, index.attachment_title(a), fiscal_year)) {
            if (reported_titles.count(attachment.title) != 0) continue;
            Location location = Location::at_line(attachment.line);
            location.table = attachment_table_id(report, attachment);
            report_label("附件标题", "Attachment title", attachment.title, *m, std::move(location));
        }
    }
    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        const Section& section = report.sections[i];
        if (auto m = other_year_label(section.heading, index.section_heading(i), fiscal_year)) {
            Location location = Location::at_line(section.line);
            location.section = report.section_path(static_cast<int>(i));
            const std::string text = std::string(section.number) + std::string(section.heading);
            report_label("章节标题", "Heading", text, *m, std::move(location));
        }
    }
    for (std::size_t e = 0; e < report.toc.size(); ++e) {
        const TocEntry& entry = report.toc[e];
        if (auto m = other_year_label(entry.text, index.toc_entry(e), fiscal_year))
            report_label("目录条目", "Contents entry", entry.text, *m, Location::at_line(entry.line));
    }
}

}  // namespace fincheck::years

FINCHECK_RULE(years_title_mismatch, fincheck::years::YearPhrases) {
    return std::make_unique<fincheck::years::TitleMismatchRule>();
}
