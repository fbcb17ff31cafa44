// Runs one rule over an in-memory report with its declared option defaults, for tests that
// build reports in C++ (the fixture tests use fincheck::testing::run_fixture instead).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fincheck/rule.hpp"

namespace fincheck::test_support {

class SilentLog final : public Log {
public:
    void write(LogLevel, std::string_view) const override {}
};

class DefaultsContext final : public RuleContext {
public:
    DefaultsContext(const RuleMeta& meta, std::map<std::string, std::string> overrides)
        : meta_(meta), overrides_(std::move(overrides)) {}
    std::optional<std::string_view> option(std::string_view name) const override {
        if (auto it = overrides_.find(std::string(name)); it != overrides_.end()) return it->second;
        if (const OptionSpec* spec = meta_.option(name)) return spec->default_value;
        return std::nullopt;
    }
    const Tolerance& tolerance() const override { return tolerance_; }
    const Log& log() const override { return log_; }

private:
    const RuleMeta& meta_;
    std::map<std::string, std::string> overrides_;
    Tolerance tolerance_{};
    SilentLog log_;
};

class CollectingSink final : public FindingSink {
public:
    void add(Finding finding) override { findings.push_back(std::move(finding)); }
    std::vector<Finding> findings;
};

inline std::vector<Finding> run(const Rule& rule, const Report& report,
                                std::map<std::string, std::string> options = {}) {
    DefaultsContext context(rule.meta(), std::move(options));
    CollectingSink sink;
    rule.check(report, context, sink);
    return std::move(sink.findings);
}

}  // namespace fincheck::test_support
