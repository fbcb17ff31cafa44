// years-body-mention: prose that labels the report's own figures or documents with another
// year — 「上海市普陀区财政局2023年度收入支出总计2995.39万元」 or 「本部门2023年度部门决算」 in
// the 2024 report, a sentence copied from last year's report. The decision is the sentence's
// own: the year must stand right before a 决算 noun phrase of the report (data, see
// year_phrases.hpp) in a clause that compares nothing, outside cited titles, ranges, history,
// balance dates and next year's plans.
#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/utf8.hpp"

#include "clause_text.hpp"
#include "comparison_text.hpp"
#include "year_index.hpp"
#include "year_phrases.hpp"
#include "year_text.hpp"

namespace fincheck::years {

class BodyMentionRule final : public DeclaredRule {
public:
    explicit BodyMentionRule(YearPhrases phrases);
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    YearPhrases phrases_;
};

namespace {

constexpr std::string_view kRuleId = "years-body-mention";
constexpr std::size_t kNoMatch = std::string_view::npos;

// Matches `word` at byte `pos` of `text`, spaces ignored on both sides (extraction puts
// spaces around digits and inside names: 「中共上海市普陀区委社会工作部 2024 年度」).
// Returns the offset just past the match, or kNoMatch.
std::size_t match_loose(std::string_view text, std::size_t pos, std::string_view word) {
    std::size_t i = skip_spaces(word, 0);
    if (i >= word.size()) return kNoMatch;
    while (i < word.size()) {
        pos = skip_spaces(text, pos);
        const std::size_t length = std::max<std::size_t>(1, utf8::sequence_length(static_cast<unsigned char>(word[i])));
        if (!starts_with_at(text, pos, word.substr(i, length))) return kNoMatch;
        pos += length;
        i = skip_spaces(word, i + length);
    }
    return pos;
}

// True when `word` can match at `pos`: its first character is there (spaces skipped). Checked
// before match_loose so that the common miss costs one short compare.
bool first_char_matches(std::string_view text, std::size_t pos, std::string_view word) {
    const std::size_t at = skip_spaces(text, pos);
    const std::size_t start = skip_spaces(word, 0);
    if (start >= word.size() || at >= text.size()) return false;
    const std::size_t length = std::max<std::size_t>(1, utf8::sequence_length(static_cast<unsigned char>(word[start])));
    return starts_with_at(text, at, word.substr(start, length));
}

std::size_t skip_word(std::string_view text, std::size_t pos, std::string_view word) {
    const std::size_t at = skip_spaces(text, pos);
    return starts_with_at(text, at, word) ? at + word.size() : pos;
}

struct FigureMatch {
    std::string_view phrase;
    std::size_t end = 0;  // byte offset just past the phrase in the text
};

class PhraseMatcher {
public:
    PhraseMatcher(const YearPhrases& phrases, const Report& report)
        : phrases_(phrases), template_(report.meta.template_name), department_(report.meta.department) {}

    // The own-figure phrase a year ending at `year_end` labels: right after 「年」/「年度」 (and
    // 「的」), or after a subject (the department's name, 本部门 …).
    std::optional<FigureMatch> labelled_figure(std::string_view text, std::size_t year_end) const {
        std::size_t pos = skip_word(text, year_end, "度");
        pos = skip_word(text, pos, "的");
        if (auto figure = figure_at(text, pos)) return figure;
        if (!department_.empty())
            if (auto figure = figure_after_subject(text, pos, department_)) return figure;
        for (const PhraseGroup& group : phrases_.subjects) {
            if (!YearPhrases::applies(group.template_name, template_)) continue;
            for (const std::string& subject : group.phrases)
                if (auto figure = figure_after_subject(text, pos, subject)) return figure;
        }
        return std::nullopt;
    }

    // True when an activity word follows the phrase (「部门决算编报工作」).
    bool activity_after(std::string_view text, std::size_t pos) const {
        for (const PhraseGroup& group : phrases_.activities) {
            if (!YearPhrases::applies(group.template_name, template_)) continue;
            for (const std::string& word : group.phrases)
                if (match_loose(text, pos, word) != kNoMatch) return true;
        }
        return false;
    }

private:
    std::optional<FigureMatch> figure_at(std::string_view text, std::size_t pos) const {
        for (const PhraseGroup& group : phrases_.own_figures) {
            if (!YearPhrases::applies(group.template_name, template_)) continue;
            for (const std::string& phrase : group.phrases) {
                if (!first_char_matches(text, pos, phrase)) continue;
                if (const std::size_t end = match_loose(text, pos, phrase); end != kNoMatch)
                    return FigureMatch{phrase, end};
            }
        }
        return std::nullopt;
    }

    std::optional<FigureMatch> figure_after_subject(std::string_view text, std::size_t pos,
                                                    std::string_view subject) const {
        if (!first_char_matches(text, pos, subject)) return std::nullopt;
        const std::size_t end = match_loose(text, pos, subject);
        if (end == kNoMatch) return std::nullopt;
        return figure_at(text, skip_word(text, end, "的"));
    }

    const YearPhrases& phrases_;
    std::string_view template_;
    std::string_view department_;
};

bool contains_any(std::string_view text, std::span<const std::string_view> words) {
    for (std::string_view word : words)
        if (text.find(word) != std::string_view::npos) return true;
    return false;
}

// Words of a sentence about next year's plans or budget (「2025年预算安排」).
constexpr std::array<std::string_view, 7> kPlanWords = {"计划", "预算", "安排", "拟", "将", "目标", "展望"};
// Words naming the fiscal year without digits (「本年决算数为592.29万元」).
constexpr std::array<std::string_view, 3> kCurrentPeriodWords = {"本年", "当年", "今年"};

// True when the sentence names the fiscal year, by digits or by a current-period word.
bool names_fiscal_year(std::string_view sentence, TextSpan span, std::span<const YearMention> mentions,
                       int fiscal_year) {
    for (const YearMention& other : mentions)
        if (other.begin >= span.begin && other.end <= span.end && !other.quoted && fiscal_year >= other.range_low &&
            fiscal_year <= other.range_high)
            return true;
    return contains_any(sentence, kCurrentPeriodWords);
}

// True when the mention is a legitimate other year: a balance date, history, a comparison
// in its clause, a sentence that compares it with the fiscal year, or next year's plans.
bool legitimate_other_year(std::string_view text, std::span<const YearMention> mentions, const YearMention& m,
                           int fiscal_year) {
    if (preceded_by(text, m.begin, "截至") || preceded_by(text, m.begin, "截止") ||
        preceded_by(text, m.begin, "截至到"))
        return true;
    if (preceded_by(text, m.begin, "自") || preceded_by(text, m.begin, "从")) return true;
    const TextSpan clause_span = clause_around(text, m.begin);
    const std::string_view clause = clause_span.of(text);
    if (clause.find("以来") != std::string_view::npos || states_change(clause)) return true;
    // 「关于做好2023年度部门决算公开工作的通知」: the subject of a cited document.
    if (text.substr(clause_span.begin, m.begin - clause_span.begin).find("关于") != std::string_view::npos) return true;
    const TextSpan sentence_span = sentence_around(text, m.begin);
    const std::string_view sentence = sentence_span.of(text);
    if (m.year == fiscal_year + 1 && contains_any(sentence, kPlanWords)) return true;
    // The fiscal year and a change in the same sentence: the other year is the base.
    return states_change(sentence) && names_fiscal_year(sentence, sentence_span, mentions, fiscal_year);
}

std::string_view trimmed(std::string_view text) {
    const std::size_t begin = skip_spaces(text, 0);
    const std::size_t end = skip_spaces_back(text, text.size());
    return end > begin ? text.substr(begin, end - begin) : std::string_view();
}

}  // namespace

BodyMentionRule::BodyMentionRule(YearPhrases phrases)
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "years")
          .title("正文以其他年度标注本报告的决算数据",
                 "Prose labels the report's own figures with another year")
          .severity(Severity::warning)
          .page_in("plugins/years")
          .messages({
              {"other-year", "「{text}」将本报告的{phrase}标注为{year}年，与报告年度{fiscal_year}年不符",
               "\"{text}\" labels the report's {phrase} with {year}, but the report covers fiscal year {fiscal_year}"},
          })
          .build()),
      phrases_(std::move(phrases)) {}

void BodyMentionRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    const int fiscal_year = report.meta.fiscal_year;
    if (fiscal_year == 0) {
        context.log().write(LogLevel::debug, "years-body-mention: no fiscal year; skipped");
        return;
    }
    const YearIndex& index = YearIndex::of(report);
    const PhraseMatcher matcher(phrases_, report);
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::span<const YearMention> mentions = index.block(b);
        if (mentions.empty()) continue;
        const std::string_view text = report.blocks[b].text;
        for (const YearMention& m : mentions) {
            if (m.year == fiscal_year || m.quoted || !m.single()) continue;
            const auto figure = matcher.labelled_figure(text, m.end);
            if (!figure || matcher.activity_after(text, figure->end)) continue;
            if (legitimate_other_year(text, mentions, m, fiscal_year)) continue;
            const std::string_view clause = trimmed(clause_around(text, m.begin).of(text));
            sink.add(FindingBuilder(kRuleId, "other-year")
                         .at(Location::at_block(report, static_cast<int>(b), code_point_offset(text, m.begin),
                                                code_point_offset(text, figure->end)))
                         .arg("text", clause)
                         .arg("phrase", figure->phrase)
                         .arg("year", std::to_string(m.year))
                         .arg("fiscal_year", std::to_string(fiscal_year))
                         .expected(std::to_string(fiscal_year))
                         .actual(std::to_string(m.year))
                         .build());
        }
    }
}

}  // namespace fincheck::years

FINCHECK_RULE(years_body_mention, fincheck::years::YearPhrases) {
    return std::make_unique<fincheck::years::BodyMentionRule>(context);
}
