// One rule id of the loaded packs as a fincheck::Rule. The same id may have a different
// relation, severity or tolerance in each pack (or be disabled there); check() asks the
// library which pack applies to the report and runs that pack's form of the rule.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "fincheck/rule.hpp"
#include "pack_library.hpp"

namespace fincheck::rulepacks {

class PackRule final : public Rule {
public:
    // `page_home`: the plugin folder that holds the rule's page (plugins/xtab).
    // `forced_pack`: a pack id from the plugin settings that overrides selection.
    PackRule(std::shared_ptr<const PackLibrary> library, std::string rule_id, std::string_view page_home,
             std::string forced_pack = {});

    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    void run(const Report& report, const RuleContext& context, const ResolvedPack& pack,
             const EffectiveRule& rule, FindingSink& sink) const;

    std::shared_ptr<const PackLibrary> library_;
    std::string forced_pack_;
    RuleMeta meta_;
};

}  // namespace fincheck::rulepacks
