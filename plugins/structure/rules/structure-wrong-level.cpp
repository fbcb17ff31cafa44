// structure-wrong-level: text copied from a template of another administrative level
// (「市级财政」 or 「市直部门」 in a district report). The report's level comes from
// Metadata::level; the phrases come from data a region can extend.
#include <memory>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "phrase_data.hpp"
#include "report_text.hpp"
#include "rule_data.hpp"
#include "text_scan.hpp"

namespace fincheck::structure {

class WrongLevelRule final : public DeclaredRule {
public:
    // With the plugin's scanner, shared with structure-placeholder-text: one pass per report.
    WrongLevelRule(const PhraseData& data, std::shared_ptr<const TextScanner> scanner);
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    std::vector<WrongLevelGroup> groups_;
    std::shared_ptr<const TextScanner> scanner_;
    // Scanner phrase index of groups_[g].phrases[p], at group_phrase_ids_[g][p].
    std::vector<std::vector<std::uint32_t>> group_phrase_ids_;
};

namespace {

constexpr std::string_view kRuleId = "structure-wrong-level";

// True when byte `pos` of `text` lies inside 《…》: a cited document may name any level.
bool inside_book_title(std::string_view text, std::size_t pos) {
    const std::size_t open = text.rfind("《", pos);
    if (open == std::string_view::npos) return false;
    const std::size_t close = text.rfind("》", pos);
    return close == std::string_view::npos || close < open;
}

}  // namespace

WrongLevelRule::WrongLevelRule(const PhraseData& data, std::shared_ptr<const TextScanner> scanner)
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("出现其他行政层级的模板表述",
                 "Text from another administrative level's template")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"wrong-level", "{level}报告的{place}中出现其他层级的表述「{phrase}」",
               "The {place_en} of a {level_en}-level report uses \"{phrase}\", text of another level"},
          })
          .build()),
      groups_(data.wrong_level), scanner_(std::move(scanner)), group_phrase_ids_(groups_.size()) {
    const auto& phrases = scanner_->phrases();
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        for (const std::string& phrase : groups_[g].phrases) {
            std::uint32_t id = static_cast<std::uint32_t>(phrases.size());  // none: an empty phrase
            for (std::size_t i = 0; i < phrases.size(); ++i)
                if (phrases[i].use == TextScanner::Use::wrong_level && phrases[i].group == g &&
                    phrases[i].text == phrase) {
                    id = static_cast<std::uint32_t>(i);
                    break;
                }
            group_phrase_ids_[g].push_back(id);
        }
    }
}

void WrongLevelRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    const AdminLevel level = report.meta.level;
    if (level == AdminLevel::unknown) {
        context.log().write(LogLevel::debug, "structure-wrong-level: report level unknown; skipped");
        return;
    }
    std::vector<std::size_t> groups;  // the groups for this report's level and template
    for (std::size_t g = 0; g < groups_.size(); ++g)
        if (groups_[g].report_level == level && PhraseGroup::applies(groups_[g].template_name, report.meta.template_name))
            groups.push_back(g);
    if (groups.empty()) return;
    const ReportScan& scan = scanner_->scan(report);
    for (const TextHits& found : scan.texts) {
        switch (found.ref.place) {
            case TextPlace::cell:
            case TextPlace::field:
            case TextPlace::toc: continue;  // cells hold names, the contents repeat the headings
            default: break;
        }
        if (found.hit_count == 0) continue;
        const std::string_view text = text_at(report, found.ref);
        const PhraseHit* hits = scan.hits.data() + found.first_hit;
        for (std::size_t g : groups) {
            const WrongLevelGroup& group = groups_[g];
            for (std::size_t p = 0; p < group.phrases.size(); ++p) {
                const std::string& phrase = group.phrases[p];
                const std::uint32_t id = group_phrase_ids_[g][p];
                // Occurrences one after another, each search starting after the previous one.
                std::size_t next_from = 0;
                for (std::uint32_t h = 0; h < found.hit_count; ++h) {
                    if (hits[h].phrase != id || hits[h].begin < next_from) continue;
                    const std::size_t at = hits[h].begin;
                    next_from = at + phrase.size();
                    if (inside_book_title(text, at)) continue;
                    const std::string_view after = text.substr(at + phrase.size());
                    bool allowed = false;
                    for (const std::string& word : group.allow_after)
                        if (after.starts_with(word)) allowed = true;
                    if (allowed) continue;
                    sink.add(FindingBuilder(kRuleId, "wrong-level")
                                 .at(location_of(report, found.ref, at, at + phrase.size()))
                                 .arg("level", name_zh(level))
                                 .arg("level_en", to_string(level))
                                 .arg("place", place_name_zh(found.ref.place))
                                 .arg("place_en", place_name_en(found.ref.place))
                                 .arg("phrase", phrase)
                                 .expected("本级表述 / wording of the report's own level")
                                 .actual(phrase)
                                 .build());
                    break;  // one finding per phrase and text is enough to fix it
                }
            }
        }
    }
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_wrong_level, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::WrongLevelRule>(context.phrases, context.scanner);
}
