// structure-wrong-level: text copied from a template of another administrative level
// (「市级财政」 or 「市直部门」 in a district report). The report's level comes from
// Metadata::level; the phrases come from data a region can extend.
#pragma once

#include <memory>

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"
#include "text_scan.hpp"

namespace fincheck::structure {

class WrongLevelRule final : public Rule {
public:
    // With the plugin's scanner, shared with structure-placeholder-text: one pass per report.
    WrongLevelRule(const PhraseData& data, std::shared_ptr<const TextScanner> scanner);
    explicit WrongLevelRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::vector<WrongLevelGroup> groups_;
    std::shared_ptr<const TextScanner> scanner_;
    // Scanner phrase index of groups_[g].phrases[p], at group_phrase_ids_[g][p].
    std::vector<std::vector<std::uint32_t>> group_phrase_ids_;
};

}  // namespace fincheck::structure
