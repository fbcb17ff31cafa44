// Google Benchmark figures of one audit, step by step, on real example reports: the pugixml
// parse alone (the floor), load_report_xml, the audit with every rule of every plugin, the
// audit XML writer, the whole chain, and the audit per plugin. The target is the whole chain
// within 2x the bare parse. Plugins are found the way the host finds them: next to the
// executable (<exe dir>/../lib/fincheck/plugins) or through FINCHECK_PLUGIN_PATH.
//
// Rules may share an analysis of a report through Report::derived(), which lives with the
// Report: every audit iteration therefore gets a freshly loaded Report (loaded with the
// timer paused), or the shared analysis would be measured as free.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <cstdlib>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include "reader_steps.hpp"

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "fincheck/report_xml.hpp"

namespace {

struct Example {
    const char* name;  // benchmark label
    const char* file;  // a corpus report (fincheck_test/corpus.hpp)
};

constexpr Example kExamples[] = {
    {"wuhan", "wuhan-hanyang-jiguan-gongwei-2024"},
    {"putuo", "putuo-finance-bureau-2024"},
};

std::string example_xml(const Example& example) {
    return fincheck::bench::example_xml(example.file);
}

const fincheck::engine::Engine& engine() {
    static const std::unique_ptr<fincheck::engine::Engine> loaded = [] {
        fincheck::engine::EngineOptions options;  // default search: exe dir, FINCHECK_PLUGIN_PATH
        auto created = fincheck::engine::Engine::create(options);
        if (created.error || !created.engine || created.engine->plugins().plugins().empty()) {
            std::fprintf(stderr, "audit_bench: no plugins loaded (build them, or set FINCHECK_PLUGIN_PATH)\n");
            std::exit(2);
        }
        return std::move(created.engine);
    }();
    return *loaded;
}

fincheck::Report load(const std::string& xml) {
    auto loaded = fincheck::load_report_xml_buffer(xml, "bench.xml");
    if (!loaded.report) {
        std::fprintf(stderr, "audit_bench: %s\n", loaded.error->to_string().c_str());
        std::exit(2);
    }
    return std::move(*loaded.report);
}

// (a) The floor: pugixml parsing the same bytes into a DOM, nothing else.
void parse_only(benchmark::State& state, const Example& example) {
    fincheck::bench::time_parse_only(state, example_xml(example));
}

// (b) The report model the rules see, from the same bytes (copy of the buffer included).
void load_report(benchmark::State& state, const Example& example) {
    fincheck::bench::time_load_report(state, example_xml(example));
}

// (c) Every enabled rule of every plugin, on a report no rule has seen yet.
void audit(benchmark::State& state, const Example& example, const fincheck::engine::AuditPlan* plan) {
    const auto& host = engine();
    const std::string xml = example_xml(example);
    std::size_t findings = 0;
    for (auto _ : state) {
        state.PauseTiming();
        fincheck::Report report = load(xml);
        state.ResumeTiming();
        auto result = plan == nullptr
                          ? host.audit(report)
                          : fincheck::engine::run_audit(*plan, host.plugins(), report, {}, {}, fincheck::engine::null_log());
        findings = result.findings.size();
        benchmark::DoNotOptimize(result.findings.data());
        state.PauseTiming();
        {
            fincheck::Report done = std::move(report);  // free the report (and its analyses) untimed
        }
        state.ResumeTiming();
    }
    state.counters["findings"] = static_cast<double>(findings);
}

// (d) The audit XML of one result.
void write_audit(benchmark::State& state, const Example& example) {
    fincheck::Report report = load(example_xml(example));
    auto result = engine().audit(report);
    for (auto _ : state) {
        std::string xml = fincheck::engine::write_audit_xml(result);
        benchmark::DoNotOptimize(xml.data());
    }
}

// (a+b+c+d) What a batch does per report once the plugins are loaded.
void full(benchmark::State& state, const Example& example) {
    const auto& host = engine();
    const std::string xml = example_xml(example);
    for (auto _ : state) {
        fincheck::Report report = load(xml);
        std::string out = fincheck::engine::write_audit_xml(host.audit(report));
        benchmark::DoNotOptimize(out.data());
    }
}

// The plan with only `plugin`'s rules enabled.
fincheck::engine::AuditPlan plan_for(const std::string& plugin) {
    fincheck::engine::AuditPlan plan = engine().plan();
    for (auto& rule : plan.rules) rule.enabled = rule.enabled && rule.entry->plugin == plugin;
    return plan;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    static std::vector<std::unique_ptr<fincheck::engine::AuditPlan>> plans;  // outlive the run
    for (const Example& example : kExamples) {
        std::string name(example.name);
        benchmark::RegisterBenchmark(("parse_only/" + name).c_str(), parse_only, example)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("load_report_xml/" + name).c_str(), load_report, example)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("audit_all/" + name).c_str(), audit, example, nullptr)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("write_audit_xml/" + name).c_str(), write_audit, example)->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("full/" + name).c_str(), full, example)->Unit(benchmark::kMicrosecond);
        for (const auto& plugin : engine().plugins().plugins()) {
            plans.push_back(std::make_unique<fincheck::engine::AuditPlan>(plan_for(plugin.name)));
            benchmark::RegisterBenchmark(("audit_plugin/" + plugin.name + "/" + name).c_str(), audit, example,
                                         plans.back().get())
                ->Unit(benchmark::kMicrosecond);
        }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
