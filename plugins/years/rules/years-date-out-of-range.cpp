// years-date-out-of-range: a 填报日期 or the publication date falls outside year Y+1. Final
// accounts for year Y can only be filled in and published after Y closes, and a date years
// later is a typing error.
#include <span>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "year_index.hpp"
#include "year_phrases.hpp"
#include "year_text.hpp"

namespace fincheck::years {

class DateOutOfRangeRule final : public DeclaredRule {
public:
    DateOutOfRangeRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "years-date-out-of-range";
constexpr std::string_view kFillDateLabel = "填报日期";

// How far after the label the year may start, and how far the date may run.
constexpr std::size_t kMaxLabelGap = 6;
constexpr std::size_t kDateWindow = 24;

// The offset just past a 填报日期 label that ends at most kMaxLabelGap bytes before `pos`,
// or npos. Looks only at those few offsets, never back through the paragraph.
std::size_t label_end_before(std::string_view text, std::size_t pos) {
    for (std::size_t gap = 0; gap <= kMaxLabelGap && gap + kFillDateLabel.size() <= pos; ++gap) {
        if (text[pos - gap - 1] != kFillDateLabel.back()) continue;  // the last byte of 期 first
        if (starts_with_at(text, pos - gap - kFillDateLabel.size(), kFillDateLabel)) return pos - gap;
    }
    return std::string_view::npos;
}

}  // namespace

DateOutOfRangeRule::DateOutOfRangeRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "years")
          .title("填报日期或公开日期不在报告年度次年",
                 "Fill-in or publication date outside the year after the fiscal year")
          .severity(Severity::warning)
          .page_in("plugins/years")
          .options({
              {"max-years-after", OptionType::integer, "1",
               "日期最多可晚于报告年度几年（默认 1，即只允许 Y+1 年）",
               "How many years after the fiscal year a date may fall (default 1: only Y+1)"},
          })
          .messages({
              {"too-early", "{what}「{date}」早于{fiscal_year}年度结束，决算不可能在当年填报或公开",
               "{what_en} \"{date}\" is before fiscal year {fiscal_year} has closed"},
              {"too-late", "{what}「{date}」晚于{latest}年，与{fiscal_year}年度决算不符",
               "{what_en} \"{date}\" is later than {latest}, implausible for fiscal year {fiscal_year}"},
          })
          .build()) {}

void DateOutOfRangeRule::check(const Report& report, const RuleContext& context,
                               FindingSink& sink) const {
    const int fiscal_year = report.meta.fiscal_year;
    if (fiscal_year == 0) return;
    const long long max_after = context.option_integer("max-years-after").value_or(1);
    const int latest = fiscal_year + static_cast<int>(max_after);

    // Nothing is built or copied for a date that is in range: the common case.
    auto check_date = [&](std::string_view what_zh, std::string_view what_en, std::string_view date_text,
                          int year, auto&& location) {
        std::string_view message;
        if (year <= fiscal_year) message = "too-early";
        else if (year > latest) message = "too-late";
        else return;
        sink.add(FindingBuilder(kRuleId, message)
                     .at(location())
                     .arg("what", what_zh)
                     .arg("what_en", what_en)
                     .arg("date", std::string(date_text))
                     .arg("fiscal_year", std::to_string(fiscal_year))
                     .arg("latest", std::to_string(latest))
                     .expected(std::to_string(fiscal_year + 1) + (latest > fiscal_year + 1 ? "–" + std::to_string(latest) : ""))
                     .actual(std::to_string(year))
                     .build());
    };

    if (auto year = iso_date_year(report.meta.publication_date))
        check_date("公开日期", "Publication date", report.meta.publication_date, *year,
                   [&] { return Location::at_line(report.meta.title_line); });
    for (const Attachment& attachment : report.attachments) {
        auto year = iso_date_year(attachment.fill_date);
        if (!year) continue;
        check_date("填报日期", "Fill-in date", attachment.fill_date, *year, [&] {
            Location location = Location::at_line(attachment.line);
            for (int index : attachment.tables) {
                if (index >= 0 && static_cast<std::size_t>(index) < report.tables.size()) {
                    location.table = report.tables[static_cast<std::size_t>(index)].id;
                    break;
                }
            }
            return location;
        });
    }
    // A 填报日期 printed in prose (not captured as an attachment's field): a year that follows
    // the label within a few bytes (「填报日期：2025年3月28日」).
    const YearIndex& index = YearIndex::of(report);
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        const std::span<const YearMention> mentions = index.block(b);
        if (mentions.empty()) continue;
        if (block.attachment >= 0 && static_cast<std::size_t>(block.attachment) < report.attachments.size() &&
            iso_date_year(report.attachments[static_cast<std::size_t>(block.attachment)].fill_date))
            continue;
        const std::string_view text = block.text;
        for (const YearMention& m : mentions) {
            const std::size_t label_end = label_end_before(text, m.begin);
            if (label_end == std::string_view::npos) continue;
            const std::string_view rest = text.substr(label_end, kDateWindow);  // 「：2025年3月28日」
            if (m.end > label_end + rest.size()) continue;
            // The date runs to its 日 when printed in full, else to the 年.
            const std::size_t year_end = m.end - label_end;
            std::size_t date_end = rest.find("日", year_end);
            date_end = date_end == std::string_view::npos ? year_end : date_end + std::string_view("日").size();
            const std::size_t date_begin = m.begin - label_end;
            check_date("填报日期", "Fill-in date", rest.substr(date_begin, date_end - date_begin), m.year, [&] {
                return Location::at_block(report, static_cast<int>(b), code_point_offset(text, m.begin),
                                          code_point_offset(text, m.end));
            });
        }
    }
}

}  // namespace fincheck::years

FINCHECK_RULE(years_date_out_of_range, fincheck::years::YearPhrases) {
    return std::make_unique<fincheck::years::DateOutOfRangeRule>();
}
