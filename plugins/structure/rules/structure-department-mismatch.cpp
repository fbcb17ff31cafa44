// structure-department-mismatch: the department printed above a table (「部门：…」) or in an
// attachment form (「单位名称：…」) is not the report's department. Abbreviations pass when
// they keep the department's region chain down to its own level and abbreviate its body;
// 「中共武汉市委直属机关工委」 in the 汉阳区委 report names a different, higher-level body.
#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "org_name.hpp"
#include "rule_data.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

class DepartmentMismatchRule final : public DeclaredRule {
public:
    DepartmentMismatchRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "structure-department-mismatch";
constexpr std::string_view kUnitNameLabel = "单位名称";

std::string_view message_for(OrgMatch match) {
    switch (match) {
        case OrgMatch::other_region: return "other-region";
        case OrgMatch::higher_level: return "higher-level";
        case OrgMatch::variant_spelling: return "variant-spelling";
        case OrgMatch::other_body:
        case OrgMatch::same: break;
    }
    return "other-body";
}

// The unit name in 「单位名称：中共… 填报日期：2025年3月28日」: up to the next label or the end.
std::string_view unit_name_in(std::string_view text) {
    // Horspool skips ahead by up to the label's length; find() stopped at every byte E5, the
    // lead byte of a good share of all Chinese characters.
    static const std::boyer_moore_horspool_searcher<std::string_view::const_iterator> kLabel(kUnitNameLabel.begin(),
                                                                                              kUnitNameLabel.end());
    const auto found = std::search(text.begin(), text.end(), kLabel);
    if (found == text.end()) return {};
    std::size_t at = static_cast<std::size_t>(found - text.begin());
    at += kUnitNameLabel.size();
    std::string_view rest = text.substr(at);
    for (std::string_view colon : {std::string_view("："), std::string_view(":")}) {
        std::string_view trimmed = rest;
        while (trimmed.starts_with(" ")) trimmed.remove_prefix(1);
        if (trimmed.starts_with(colon)) {
            rest = trimmed.substr(colon.size());
            break;
        }
    }
    while (rest.starts_with(" ")) rest.remove_prefix(1);
    std::size_t end = rest.size();
    for (std::string_view stop : {std::string_view("填报日期"), std::string_view("  "),
                                  std::string_view("\t"), std::string_view("\n")}) {
        const std::size_t s = rest.find(stop);
        if (s != std::string_view::npos && s < end) end = s;
    }
    rest = rest.substr(0, end);
    while (rest.ends_with(" ")) rest.remove_suffix(1);
    return rest;
}

// The body a title names before what the document is (「上海市普陀区财政局2024年度部门决算表」,
// 「…概况」, 「2023年度…项目绩效自评表」); empty when the title names none. Titles are compacted.
std::u32string body_named_in_title(std::u32string_view title) {
    auto year_at = [&](std::size_t at) {
        return at + 5 <= title.size() && title[at] == U'2' && title[at + 1] == U'0' && title[at + 2] >= U'0' &&
               title[at + 2] <= U'9' && title[at + 3] >= U'0' && title[at + 3] <= U'9' && title[at + 4] == U'年';
    };
    if (year_at(0)) {
        title.remove_prefix(5);
        if (title.starts_with(U"度")) title.remove_prefix(1);
    }
    static constexpr std::u32string_view kWhatFollows[] = {
        U"概况", U"部门决算", U"单位决算", U"决算", U"收入支出", U"财政拨款", U"项目绩效", U"部门整体",
        U"整体支出", U"绩效自评", U"情况说明", U"主要职责", U"机构设置"};
    std::size_t end = title.size();
    for (std::size_t at = 0; at < title.size(); ++at)
        if (year_at(at)) {
            end = at;
            break;
        }
    for (std::u32string_view word : kWhatFollows) end = std::min(end, title.find(word));
    if (end == std::u32string_view::npos || end == title.size()) return {};
    std::u32string_view body = title.substr(0, end);
    // 「部门」, 「本单位」 are no name; four characters is the shortest real one (审计局 has a region).
    if (body.size() < 4 || !ends_like_a_body(body)) return {};
    // 「上海市普陀区XX局」 is a placeholder left in, structure-placeholder-text's finding.
    if (body.find_first_of(U"XxＸｘ×〇○") != std::u32string_view::npos) return {};
    return std::u32string(body);
}

bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\u00A0' || c == U'\t'; }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Where `text` holds a year written 「2024年」 (spaces allowed around the digits, as extraction
// leaves them) starting at `at`; the index after 年, or 0 when none starts there.
std::size_t year_end(std::u32string_view text, std::size_t at) {
    std::size_t i = at;
    std::size_t digits = 0;
    if (i + 1 >= text.size() || text[i] != U'2' || text[i + 1] != U'0') return 0;
    for (; i < text.size() && (is_digit(text[i]) || (digits > 0 && is_space(text[i]))); ++i)
        if (is_digit(text[i])) ++digits;
    return digits == 4 && i < text.size() && text[i] == U'年' ? i + 1 : 0;
}

struct Subject {
    std::size_t begin = 0;  // code points into the paragraph
    std::size_t end = 0;
};

// Words that put a body after them as the source or the addressee, not as the subject:
// 「根据上海市…局2024年度…」, 「经…批准」.
bool starts_with_a_preposition(std::u32string_view name) {
    static constexpr std::u32string_view kWords[] = {U"根据", U"按照", U"依据", U"依照", U"经", U"由", U"向", U"对",
                                                     U"在", U"与", U"和", U"为", U"从", U"受", U"据", U"及",
                                                     U"会同", U"配合", U"协助", U"联合", U"报", U"纳入", U"截至"};
    for (std::u32string_view word : kWords)
        if (name.starts_with(word)) return true;
    return false;
}

// A name the template puts where the reporting body goes: four characters or more, ending like
// a body, starting with a region or 中共 (so not 「本部门」, not a phrase that cites a body), and
// neither a placeholder (structure-placeholder-text's) nor a piece of a list.
bool reads_as_the_body(std::u32string_view name) {
    if (name.size() < 4 || !ends_like_a_body(name) || starts_with_a_preposition(name)) return false;
    if (name.find_first_of(U"XxＸｘ×，,：:、（）()“”\"") != std::u32string_view::npos) return false;
    const OrgName parsed = parse_org_name(name);
    return !parsed.regions.empty() || !parsed.party_prefix.empty();
}

// The places the 说明 and 概况 sentences of both templates name the reporting body, by
// construction of the template's wording:
// - the subject before the fiscal year (年度) that opens a sentence: 「<单位>2024年度收入、支出决算总计…」,
//   「<单位>2024年度无政府性基金…」, and after 纳入: 「纳入<单位>2024年度部门决算编制范围…」;
// - a clause before 共有车辆 or (部门)决算包括: 「截至2024年12月31日，<单位>共有车辆…」,
//   「从预算单位构成看，<单位>部门决算包括：…」.
std::vector<Subject> sentence_subjects(std::u32string_view text) {
    static constexpr std::u32string_view kSentenceEnd = U"。；！？;!?";
    static constexpr std::u32string_view kClauseEnd = U"。；！？;!?，,";
    static constexpr std::u32string_view kClauseTails[] = {U"共有车辆", U"部门决算包括", U"决算包括"};
    constexpr std::size_t kLongestName = 40;
    std::vector<Subject> out;
    auto add = [&](std::size_t begin, std::size_t end) {
        while (end > begin && is_space(text[end - 1])) --end;
        if (reads_as_the_body(text.substr(begin, end - begin))) out.push_back({begin, end});
    };
    bool sentence_start = true;
    bool after_date = false;  // the clause before opens with 截至 (截至2024年12月31日，…)
    for (std::size_t start = 0; start < text.size();) {
        while (start < text.size() && is_space(text[start])) ++start;
        std::size_t clause_end = text.find_first_of(kClauseEnd, start);
        if (clause_end == std::u32string_view::npos) clause_end = text.size();
        const std::u32string_view clause = text.substr(start, std::min(clause_end - start, kLongestName + 8));
        bool found = false;
        for (std::u32string_view tail : kClauseTails) {
            const std::size_t at = clause.find(tail);
            if (at == std::u32string_view::npos || at > kLongestName) continue;
            // 「其中，…中心共有车辆1辆」 counts a subordinate unit's cars: only the clause right
            // after the date is the reporting body's.
            if (tail == U"共有车辆" && !after_date) break;
            add(start, start + at);
            found = true;
            break;
        }
        after_date = clause.starts_with(U"截至");
        if (!found && sentence_start) {
            std::size_t name_begin = start;
            if (clause.starts_with(U"纳入")) name_begin += 2;
            std::size_t end = name_begin;
            while (end < clause_end && !is_digit(text[end]) && end - name_begin < kLongestName) ++end;
            // 「2024年度」, the template's: 「中共上海市委2024年印发…」 tells what another body did.
            const std::size_t year = end < clause_end ? year_end(text, end) : 0;
            if (year > 0 && year < text.size() && text[year] == U'度') add(name_begin, end);
        }
        if (clause_end >= text.size()) break;
        sentence_start = kSentenceEnd.find(text[clause_end]) != std::u32string_view::npos;
        start = clause_end + 1;
    }
    return out;
}

}  // namespace

DepartmentMismatchRule::DepartmentMismatchRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("表头或表单单位与报告部门不一致",
                 "Department printed on a table or form differs from the report's")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"other-region", "{place}所列单位「{printed}」与报告部门「{department}」不属于同一行政区划",
               "The {place_en} names \"{printed}\", in another region than the report's department \"{department}\""},
              {"higher-level", "{place}所列单位「{printed}」是上级机构，不是报告部门「{department}」",
               "The {place_en} names \"{printed}\", a higher-level body than the report's department \"{department}\""},
              {"variant-spelling", "{place}所列单位「{printed}」与报告部门「{department}」的名称写法不同（「和」「与」「及」不可互换）",
               "The {place_en} spells the department \"{printed}\", not as its name \"{department}\" (和, 与 and 及 are not interchangeable)"},
              {"other-body", "{place}所列单位「{printed}」与报告部门「{department}」不是同一机构",
               "The {place_en} names \"{printed}\", not the report's department \"{department}\""},
          })
          .build()) {}

void DepartmentMismatchRule::check(const Report& report, const RuleContext& context,
                                   FindingSink& sink) const {
    if (report.meta.department.empty()) {
        context.log().write(LogLevel::debug, "structure-department-mismatch: no department; skipped");
        return;
    }
    const std::u32string department = compact(report.meta.department);
    std::set<std::pair<std::string, SourceLine>> seen;
    auto compare = [&](std::string_view printed, std::string_view place_zh, std::string_view place_en,
                       Location location) {
        if (printed.empty()) return;
        const OrgMatch match = compare_org_names(compact(printed), department);
        if (match == OrgMatch::same) return;
        if (!seen.emplace(std::string(printed), location.line).second) return;
        FindingBuilder finding(kRuleId, message_for(match));
        finding.at(std::move(location))
            .arg("place", place_zh)
            .arg("place_en", place_en)
            .arg("printed", printed)
            .arg("department", report.meta.department)
            .expected(report.meta.department)
            .actual(printed);
        // The right body, its name misspelt: inconsistent wording, not another body's report.
        if (match == OrgMatch::variant_spelling) finding.severity(Severity::warning);
        sink.add(finding.build());
    };
    for (const Table& table : report.tables)
        compare(table.department, "表头「部门」", "department line above the table", Location::at_table(table));
    // Titles name the reporting body too; another body there is the same copy-paste error.
    auto compare_title = [&](std::string_view title, std::string_view place_zh, std::string_view place_en,
                             Location location) {
        std::u32string compacted = compact(title);
        if (const std::optional<Ordinal> ordinal = leading_ordinal(compacted)) compacted.erase(0, ordinal->length);
        const std::u32string body = body_named_in_title(compacted);
        if (!body.empty()) compare(encode_utf8(body), place_zh, place_en, std::move(location));
    };
    compare_title(report.meta.title, "报告标题", "report title", Location::at_line(report.meta.title_line));
    for (std::size_t s = 0; s < report.sections.size(); ++s) {
        const Section& section = report.sections[s];
        if (section.level != 1) continue;
        Location location = Location::at_line(section.line);
        location.section = report.section_path(static_cast<int>(s));
        compare_title(section.heading, "部分标题", "part heading", std::move(location));
    }
    for (const Table& table : report.tables)
        compare_title(table.title, "表格标题", "table title", Location::at_table(table));
    for (const Attachment& attachment : report.attachments)
        compare_title(attachment.title, "附件标题", "attachment title", Location::at_line(attachment.line));
    for (const TocEntry& entry : report.toc)
        if (entry.level == 1) compare_title(entry.text, "目录", "contents", Location::at_line(entry.line));
    for (const Attachment& attachment : report.attachments) {
        for (const Field& field : attachment.fields) {
            if (!compact_equals(field.name, kUnitNameLabel)) continue;
            Location location = Location::at_line(field.line);
            for (int index : attachment.tables) {
                if (index >= 0 && static_cast<std::size_t>(index) < report.tables.size()) {
                    location.table = report.tables[static_cast<std::size_t>(index)].id;
                    break;
                }
            }
            compare(field.raw, "附件表单「单位名称」", "unit name of the attachment form", std::move(location));
        }
    }
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::string_view name = unit_name_in(report.blocks[b].text);
        if (!name.empty())
            compare(name, "「单位名称」", "unit name line", Location::at_block(report, static_cast<int>(b)));
    }
    // The narrative names the reporting body where the template's sentences put it
    // (sentence_subjects); another body there (the parent, the city's, another unit's report
    // copied) is the same error.
    // A department's report covers its subordinate units, listed in the 概况's table of units
    // (「纳入…编制范围的单位包括」): a sentence about one of them names it rightly.
    std::set<std::u32string> listed_units;
    for (const Table& table : report.tables) {
        if (table.kind == TableKind::standard) continue;
        for (const Row& row : table.rows) {
            listed_units.insert(compact(row.label));
            for (const Cell& cell : row.cells)
                if (!cell.value) listed_units.insert(compact(cell.raw));
        }
    }
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        if ((block.kind != BlockKind::paragraph && block.kind != BlockKind::list_item) || block.attachment >= 0) continue;
        const std::u32string text = decode_utf8(block.text);
        for (const Subject& subject : sentence_subjects(text)) {
            const std::u32string_view name = std::u32string_view(text).substr(subject.begin, subject.end - subject.begin);
            if (listed_units.contains(compact(encode_utf8(name)))) continue;
            compare(encode_utf8(name), "正文中指称本单位处", "narrative where the template names the reporting body",
                    Location::at_block(report, static_cast<int>(b), static_cast<std::uint32_t>(subject.begin),
                                       static_cast<std::uint32_t>(subject.end)));
        }
    }
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_department_mismatch, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::DepartmentMismatchRule>();
}
