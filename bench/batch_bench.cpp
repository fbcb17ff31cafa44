// Google Benchmark figures of the batch: plugin loading (Engine::create with every project
// plugin, target < 50 ms) and one in-process audit of a generated report the size of the
// Wuhan corpus report, against the parse of the same XML.
#include <filesystem>

#include <benchmark/benchmark.h>

#include "fincheck/engine/engine.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/gen/generator.hpp"
#include "fincheck/report_xml.hpp"

namespace {

fincheck::engine::EngineOptions project_options() {
    fincheck::engine::EngineOptions options;
    options.search.plugin_dirs = {FINCHECK_PLUGIN_BUILD_DIR};
    options.search.use_environment = false;
    options.search.use_default = false;
    options.search.executable_dir = std::filesystem::path(FINCHECK_BINARY_DIR) / "bin";
    return options;
}

void BM_LoadPlugins(benchmark::State& state) {
    // The first load maps the libraries; later ones measure the same work a fresh process
    // does minus the dynamic loader's first open, so report both the first and the rest.
    for (auto _ : state) {
        auto created = fincheck::engine::Engine::create(project_options());
        benchmark::DoNotOptimize(created.engine.get());
    }
}
BENCHMARK(BM_LoadPlugins)->Unit(benchmark::kMillisecond);

std::string generated_xml() {
    fincheck::gen::GeneratorOptions options;
    options.seed = 1;
    return fincheck::write_report_xml(fincheck::gen::generate_report(options, 0).report);
}

void BM_ParseGeneratedReport(benchmark::State& state) {
    const std::string xml = generated_xml();
    for (auto _ : state) {
        auto loaded = fincheck::load_report_xml_buffer(xml, "generated.xml");
        benchmark::DoNotOptimize(loaded.report);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * xml.size()));
}
BENCHMARK(BM_ParseGeneratedReport)->Unit(benchmark::kMicrosecond);

void BM_AuditGeneratedReport(benchmark::State& state) {
    auto created = fincheck::engine::Engine::create(project_options());
    const std::string xml = generated_xml();
    auto loaded = fincheck::load_report_xml_buffer(xml, "generated.xml");
    for (auto _ : state) {
        auto result = created.engine->audit(*loaded.report);
        benchmark::DoNotOptimize(fincheck::engine::write_audit_xml(result));
    }
}
BENCHMARK(BM_AuditGeneratedReport)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
