// A rule that is nothing but its id: the loader tests need rules whose ids are wrong in some
// way (a duplicate, not kebab case), never rules that find anything.
#pragma once

#include "fincheck/fincheck.hpp"

namespace fincheck::test_plugins {

class NamedRule final : public Rule {
public:
    explicit NamedRule(const char* id) {
        meta_.id = id;
        meta_.title_zh = "规则标识测试";
        meta_.title_en = "Rule id test";
        meta_.category = "structure";
    }
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report&, const RuleContext&, FindingSink&) const override {}

private:
    RuleMeta meta_;
};

}  // namespace fincheck::test_plugins
