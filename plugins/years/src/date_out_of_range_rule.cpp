#include "date_out_of_range_rule.hpp"

#include <string>

#include "year_text.hpp"

namespace fincheck::years {
namespace {

constexpr std::string_view kRuleId = "years-date-out-of-range";
constexpr std::string_view kFillDateLabel = "填报日期";

struct DatedItem {
    std::string_view what_zh;
    std::string_view what_en;
    std::string_view date_text;
    int year = 0;
    Location location;
};

}  // namespace

DateOutOfRangeRule::DateOutOfRangeRule() {
    meta_.id = std::string(kRuleId);
    meta_.title_zh = "填报日期或公开日期不在报告年度次年";
    meta_.title_en = "Fill-in or publication date outside the year after the fiscal year";
    meta_.category = "years";
    meta_.default_severity = Severity::warning;
    meta_.docs = "docs/rules/years-date-out-of-range.md";
    meta_.options = {
        {"max-years-after", OptionType::integer, "1",
         "日期最多可晚于报告年度几年（默认 1，即只允许 Y+1 年）",
         "How many years after the fiscal year a date may fall (default 1: only Y+1)"},
    };
    meta_.messages = {
        {"too-early", "{what}「{date}」早于{fiscal_year}年度结束，决算不可能在当年填报或公开",
         "{what_en} \"{date}\" is before fiscal year {fiscal_year} has closed"},
        {"too-late", "{what}「{date}」晚于{latest}年，与{fiscal_year}年度决算不符",
         "{what_en} \"{date}\" is later than {latest}, implausible for fiscal year {fiscal_year}"},
    };
}

void DateOutOfRangeRule::check(const Report& report, const RuleContext& context,
                               FindingSink& sink) const {
    const int fiscal_year = report.meta.fiscal_year;
    if (fiscal_year == 0) return;
    const long long max_after = context.option_integer("max-years-after").value_or(1);
    const int latest = fiscal_year + static_cast<int>(max_after);

    std::vector<DatedItem> items;
    if (auto year = iso_date_year(report.meta.publication_date)) {
        items.push_back({"公开日期", "Publication date", report.meta.publication_date, *year,
                         Location::at_line(report.meta.title_line)});
    }
    std::vector<bool> attachment_has_date(report.attachments.size(), false);
    for (std::size_t i = 0; i < report.attachments.size(); ++i) {
        const Attachment& attachment = report.attachments[i];
        auto year = iso_date_year(attachment.fill_date);
        if (!year) continue;
        attachment_has_date[i] = true;
        Location location = Location::at_line(attachment.line);
        for (int index : attachment.tables) {
            if (index >= 0 && static_cast<std::size_t>(index) < report.tables.size()) {
                location.table = report.tables[static_cast<std::size_t>(index)].id;
                break;
            }
        }
        items.push_back({"填报日期", "Fill-in date", attachment.fill_date, *year, std::move(location)});
    }
    // A 填报日期 printed in prose (not captured as an attachment's field).
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        if (block.attachment >= 0 && static_cast<std::size_t>(block.attachment) < attachment_has_date.size() &&
            attachment_has_date[static_cast<std::size_t>(block.attachment)])
            continue;
        const std::size_t at = block.text.find(kFillDateLabel);
        if (at == std::string_view::npos) continue;
        const std::size_t from = at + kFillDateLabel.size();
        const std::string_view rest = block.text.substr(from, 24);  // 「：2025年3月28日」
        const auto mentions = find_year_mentions(rest);
        if (mentions.empty() || mentions.front().begin > 6) continue;
        const YearMention& m = mentions.front();
        // The date runs to its 日 when printed in full, else to the 年.
        std::size_t date_end = rest.find("日", m.end);
        date_end = date_end == std::string_view::npos ? m.end : date_end + std::string_view("日").size();
        items.push_back({"填报日期", "Fill-in date", rest.substr(m.begin, date_end - m.begin), m.year,
                         Location::at_block(report, static_cast<int>(b),
                                            code_point_offset(block.text, from + m.begin),
                                            code_point_offset(block.text, from + m.end))});
    }

    for (DatedItem& item : items) {
        std::string_view message;
        if (item.year <= fiscal_year) message = "too-early";
        else if (item.year > latest) message = "too-late";
        else continue;
        const std::string date(item.date_text);
        sink.add(FindingBuilder(kRuleId, message)
                     .at(std::move(item.location))
                     .arg("what", item.what_zh)
                     .arg("what_en", item.what_en)
                     .arg("date", date)
                     .arg("fiscal_year", std::to_string(fiscal_year))
                     .arg("latest", std::to_string(latest))
                     .expected(std::to_string(fiscal_year + 1) + (latest > fiscal_year + 1 ? "–" + std::to_string(latest) : ""))
                     .actual(std::to_string(item.year))
                     .build());
    }
}

}  // namespace fincheck::years
