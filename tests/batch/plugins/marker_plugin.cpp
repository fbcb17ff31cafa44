// A test plugin whose behaviour the report dictates: it reports every paragraph that holds
// the marker 「【标记】」, crashes (SIGSEGV) on a department named with CRASH, aborts on one
// named with ABORT and never returns on one named with HANG, so the batch's isolation and
// diffing can be exercised.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

#include "fincheck/plugin.hpp"

namespace {

using namespace fincheck;

class MarkerRule final : public Rule {
public:
    MarkerRule() {
        meta_.id = "test-batch-marker";
        meta_.title_zh = "测试标记";
        meta_.title_en = "Test marker";
        meta_.category = "structure";
        meta_.default_severity = Severity::warning;
        meta_.messages = {{"marker", "段落含标记", "paragraph holds the marker"}};
    }
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext&, FindingSink& sink) const override {
        if (report.meta.department.find("CRASH") != std::string_view::npos) std::raise(SIGSEGV);
        if (report.meta.department.find("ABORT") != std::string_view::npos) std::abort();
        if (report.meta.department.find("HANG") != std::string_view::npos)
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
        for (std::size_t i = 0; i < report.blocks.size(); ++i)
            if (report.blocks[i].text.find("【标记】") != std::string_view::npos)
                sink.add(FindingBuilder(meta_.id, "marker")
                             .at(Location::at_block(report, static_cast<int>(i)))
                             .actual(report.blocks[i].text)
                             .build());
    }

private:
    RuleMeta meta_;
};

class MarkerPlugin final : public Plugin {
public:
    std::vector<const Rule*> rules() const override { return {&rule_}; }

private:
    MarkerRule rule_;
};

std::unique_ptr<Plugin> create(const PluginEnvironment&) { return std::make_unique<MarkerPlugin>(); }

}  // namespace

FINCHECK_PLUGIN("batch-marker", "1.0.0", "批量测试插件 / batch test plugin", &create)
