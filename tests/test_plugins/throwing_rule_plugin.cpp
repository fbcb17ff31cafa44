// Rules that fail while running: one throws a std::exception after reporting a finding,
// one throws something that is not a std::exception. The host must contain both.
#include <memory>
#include <stdexcept>

#include "fincheck/fincheck.hpp"

namespace {

using namespace fincheck;

RuleMeta make_meta(const char* id) {
    RuleMeta meta;
    meta.id = id;
    meta.title_zh = "会抛异常的规则";
    meta.title_en = "A rule that throws";
    meta.category = "structure";
    meta.messages = {{"before", "抛出前的发现", "finding before the throw"}};
    return meta;
}

class ThrowsStdException final : public Rule {
public:
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report&, const RuleContext&, FindingSink& sink) const override {
        sink.add(FindingBuilder(meta_.id, "before").build());
        throw std::runtime_error("表格索引越界 / table index out of range");
    }

private:
    RuleMeta meta_ = make_meta("test-throws-std");
};

class ThrowsInteger final : public Rule {
public:
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report&, const RuleContext&, FindingSink&) const override { throw 42; }

private:
    RuleMeta meta_ = make_meta("test-throws-int");
};

class ThrowingRulePlugin final : public Plugin {
public:
    std::vector<const Rule*> rules() const override { return {&std_, &integer_}; }

private:
    ThrowsStdException std_;
    ThrowsInteger integer_;
};

std::unique_ptr<Plugin> create_plugin(const PluginEnvironment&) { return std::make_unique<ThrowingRulePlugin>(); }

}  // namespace

FINCHECK_PLUGIN("test-throwing-rule", "0.1.0", "规则会抛异常 / rules that throw", &create_plugin)
