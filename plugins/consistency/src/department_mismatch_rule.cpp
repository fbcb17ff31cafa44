#include "department_mismatch_rule.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "fincheck/rule_meta.hpp"

#include "org_name.hpp"
#include "text_util.hpp"

namespace fincheck::consistency {
namespace {

constexpr std::string_view kRuleId = "structure-department-mismatch";
constexpr std::string_view kUnitNameLabel = "单位名称";

std::string_view message_for(OrgMatch match) {
    switch (match) {
        case OrgMatch::other_region: return "other-region";
        case OrgMatch::higher_level: return "higher-level";
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

// Characters an organisation's name ends with (局, 委员会, 办公室, 中心, 医院, 学校, 人民政府 …).
bool ends_like_a_body(std::u32string_view name) {
    static constexpr std::u32string_view kLast = U"局委会部办院所心室厅处站队馆校府署社团联";
    return !name.empty() && kLast.find(name.back()) != std::u32string_view::npos;
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

}  // namespace

DepartmentMismatchRule::DepartmentMismatchRule() {
    meta_ = RuleMetaBuilder(std::string(kRuleId), "structure")
                .title("表头或表单单位与报告部门不一致",
                       "Department printed on a table or form differs from the report's")
                .severity(Severity::error)
                .page_in("plugins/consistency")
                .messages({
                    {"other-region", "{place}所列单位「{printed}」与报告部门「{department}」不属于同一行政区划",
                     "The {place_en} names \"{printed}\", in another region than the report's department \"{department}\""},
                    {"higher-level", "{place}所列单位「{printed}」是上级机构，不是报告部门「{department}」",
                     "The {place_en} names \"{printed}\", a higher-level body than the report's department \"{department}\""},
                    {"other-body", "{place}所列单位「{printed}」与报告部门「{department}」不是同一机构",
                     "The {place_en} names \"{printed}\", not the report's department \"{department}\""},
                })
                .build();
}

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
        sink.add(FindingBuilder(kRuleId, message_for(match))
                     .at(std::move(location))
                     .arg("place", place_zh)
                     .arg("place_en", place_en)
                     .arg("printed", printed)
                     .arg("department", report.meta.department)
                     .expected(report.meta.department)
                     .actual(printed)
                     .build());
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
}

}  // namespace fincheck::consistency
