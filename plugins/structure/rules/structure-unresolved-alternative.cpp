// structure-unresolved-alternative: a choice the template offers in parentheses, left as printed
// instead of resolved (「比上年增加（减少）12.5万元」, 「我部门（单位）组织…」). The published sentence
// then states both directions, or both kinds of body, at once.
#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "phrase_data.hpp"
#include "report_text.hpp"
#include "rule_data.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

class UnresolvedAlternativeRule final : public DeclaredRule {
public:
    explicit UnresolvedAlternativeRule(const PhraseData& data);
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    std::vector<AlternativeGroup> groups_;
};

namespace {

constexpr std::string_view kRuleId = "structure-unresolved-alternative";

struct Paren {
    std::string_view open;
    std::string_view close;
};
constexpr std::array<Paren, 2> kParens = {{{"（", "）"}, {"(", ")"}}};

// Prose the author wrote: not table cells or form fields, whose header texts legitimately
// read 「增（减）」 as a column name.
bool is_prose(TextPlace place) {
    return place == TextPlace::heading || place == TextPlace::block || place == TextPlace::table_title ||
           place == TextPlace::table_note || place == TextPlace::attachment_title || place == TextPlace::toc ||
           place == TextPlace::report_title;
}

struct Match {
    std::size_t begin = 0;  // of W1
    std::size_t end = 0;    // after the closing parenthesis
};

// Where the next opening parenthesis (either kind) starts, at or after `from`: only there can a
// choice end, so the search jumps from one to the next instead of trying every byte.
std::size_t next_paren(std::string_view text, std::size_t from) {
    std::size_t next = std::string_view::npos;
    for (const Paren& paren : kParens) next = std::min(next, text.find(paren.open, from));
    return next;
}

// The first 「W1（W2）」 of `group` in `text` at or after `from`.
std::optional<Match> find_choice(std::string_view text, const AlternativeGroup& group, std::size_t from) {
    for (std::size_t at = next_paren(text, from); at != std::string_view::npos; at = next_paren(text, at + 1)) {
        for (const Paren& paren : kParens) {
            if (text.compare(at, paren.open.size(), paren.open) != 0) continue;
            const std::string_view before_paren = text.substr(0, at);
            const std::string_view after_paren = text.substr(at + paren.open.size());
            for (const std::string& first : group.words) {
                if (!before_paren.ends_with(first)) continue;
                const std::string_view lead = before_paren.substr(0, before_paren.size() - first.size());
                if (!group.before.empty()) {
                    bool preceded = false;
                    for (const std::string& b : group.before) preceded = preceded || lead.ends_with(b);
                    if (!preceded) continue;
                }
                for (const std::string& second : group.words) {
                    if (second == first || !after_paren.starts_with(second)) continue;
                    if (!after_paren.substr(second.size()).starts_with(paren.close)) continue;
                    return Match{lead.size(), at + paren.open.size() + second.size() + paren.close.size()};
                }
            }
        }
    }
    return std::nullopt;
}

}  // namespace

UnresolvedAlternativeRule::UnresolvedAlternativeRule(const PhraseData& data)
    // The sentence states both alternatives: the wording is inconsistent, and the figure it
    // describes may be right or wrong, so this is a warning, not an error.
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("模板中的可选写法未择一",
                 "Alternative wording of the template left unresolved")
          .severity(Severity::warning)
          .page_in("plugins/structure")
          .messages({
              {"alternative", "{place}中保留了模板的可选写法「{mark}」，应按实际情况择一：{excerpt}",
               "The {place_en} keeps the template's alternative \"{mark}\"; one of them should have been chosen: "
               "{excerpt}"},
          })
          .build()),
      groups_(data.alternatives) {}

void UnresolvedAlternativeRule::check(const Report& report, const RuleContext& /*context*/,
                                      FindingSink& sink) const {
    std::set<std::pair<std::string_view, std::string_view>> reported;  // (text, mark): forms repeat
    for_each_text(report, false, [&](const TextRef& ref, std::string_view text) {
        if (!is_prose(ref.place) || text.empty()) return;
        for (const AlternativeGroup& group : groups_) {
            if (!PhraseGroup::applies(group.template_name, report.meta.template_name)) continue;
            for (std::size_t from = 0; from < text.size();) {
                const std::optional<Match> match = find_choice(text, group, from);
                if (!match) break;
                from = match->end;
                const std::size_t mark_begin = match->begin;
                const std::string_view mark = text.substr(mark_begin, match->end - mark_begin);
                if (!reported.emplace(text, mark).second) continue;
                sink.add(finding_in_text(kRuleId, "alternative", report, ref, text, mark_begin, match->end)
                             .arg("mark", std::string(mark))
                             .expected("择一 / one of the alternatives")
                             .actual(std::string(mark))
                             .build());
            }
        }
    });
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_unresolved_alternative, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::UnresolvedAlternativeRule>(context.phrases);
}
