// A plugin that declares a rule id another plugin (test_good) already provides, next to a
// rule of its own. The duplicate is skipped and reported; its own rule still loads.
#include <memory>

#include "fincheck/fincheck.hpp"

namespace {

using namespace fincheck;

class NamedRule final : public Rule {
public:
    explicit NamedRule(const char* id) {
        meta_.id = id;
        meta_.title_zh = "重复测试";
        meta_.title_en = "Duplicate test";
        meta_.category = "structure";
    }
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report&, const RuleContext&, FindingSink&) const override {}

private:
    RuleMeta meta_;
};

class DuplicatePlugin final : public Plugin {
public:
    std::vector<const Rule*> rules() const override { return {&duplicate_, &own_}; }

private:
    NamedRule duplicate_{"test-blank-total"};
    NamedRule own_{"test-unique"};
};

std::unique_ptr<Plugin> create_plugin(const PluginEnvironment&) { return std::make_unique<DuplicatePlugin>(); }

}  // namespace

FINCHECK_PLUGIN("test-duplicate", "0.1.0", "重复规则 / duplicate rule id", &create_plugin)
