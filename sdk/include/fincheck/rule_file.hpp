// A plugin's rule is one file, rules/<id>.cpp: the rule's class, and at its end the function
// that makes it, written with FINCHECK_RULE:
//
//   FINCHECK_RULE(years_balance_date, fincheck::years::RuleData) {
//       return std::make_unique<BalanceDateRule>(context.phrases);
//   }
//
// The first argument is the file's name, the rule id, with '-' written '_'; the second is what
// the plugin hands each rule when it is created (fincheck::PluginEnvironment unless the plugin
// says otherwise in CMake). fincheck_add_rules() lists the files of rules/ when CMake runs and
// generates the one function that makes them all, so a new rule is its file, its page
// rules/<id>.md and its fixtures: nothing registers it by hand, and a file whose rule has
// another id fails when the plugin is created.
#pragma once

#include <memory>
#include <vector>

#include "fincheck/plugin.hpp"
#include "fincheck/rule.hpp"

// Declared, then defined, so the compiler sees the generated list's declaration and this one agree.
#define FINCHECK_RULE(symbol, Context)                                                       \
    std::unique_ptr<::fincheck::Rule> fincheck_rule_##symbol(const Context& context);       \
    std::unique_ptr<::fincheck::Rule> fincheck_rule_##symbol([[maybe_unused]] const Context& context)

namespace fincheck {

// The base of a rule file's class: the metadata is declared once, when the rule is made, and
// nothing changes it afterwards.
//
//   class BalanceDateRule final : public DeclaredRule {
//   public:
//       BalanceDateRule() : DeclaredRule(RuleMetaBuilder("years-balance-date", "years")…build()) {}
//       void check(const Report&, const RuleContext&, FindingSink&) const override;
//   };
class DeclaredRule : public Rule {
public:
    explicit DeclaredRule(RuleMeta meta) : meta_(std::move(meta)) {}
    const RuleMeta& meta() const final { return meta_; }

private:
    RuleMeta meta_;
};

// The rules a plugin made, as the Plugin interface hands them to the host.
inline std::vector<const Rule*> rule_pointers(const std::vector<std::unique_ptr<Rule>>& rules) {
    std::vector<const Rule*> out;
    out.reserve(rules.size());
    for (const auto& rule : rules) out.push_back(rule.get());
    return out;
}

// A plugin that is its rules and nothing else, as most are: `create` reads the plugin's data,
// fails closed on any problem, and returns std::make_unique<RuleListPlugin>(make_rules(data)).
class RuleListPlugin final : public Plugin {
public:
    explicit RuleListPlugin(std::vector<std::unique_ptr<Rule>> rules) : rules_(std::move(rules)) {}
    std::vector<const Rule*> rules() const override { return rule_pointers(rules_); }

private:
    std::vector<std::unique_ptr<Rule>> rules_;
};

}  // namespace fincheck
