// Google Benchmark figures of the SDK's own hot paths, with no plugin loaded: SHA-256
// throughput (the hardware path this CPU picks and the portable one), and the report-XML
// reader against the bare pugixml parse of the same bytes (the floor; audit_bench steps
// (a) and (b), repeated here so they can be measured without building the plugins), on the
// two examples and on generated reports like those of the nightly batch (issue #6).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include "fincheck/gen/generator.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/sha256.hpp"
#include "reader_steps.hpp"

namespace {

std::string pseudo_random_bytes(std::size_t size) {
    std::string bytes(size, '\0');
    std::uint32_t x = 2024;
    for (char& c : bytes) {
        x = x * 1664525u + 1013904223u;
        c = static_cast<char>(x >> 24);
    }
    return bytes;
}

void hash(benchmark::State& state, bool portable) {
    const std::string bytes = pseudo_random_bytes(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        fincheck::Sha256 h = portable ? fincheck::Sha256::portable() : fincheck::Sha256();
        h.update(bytes);
        auto digest = h.finish();
        benchmark::DoNotOptimize(digest);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
    state.SetLabel(portable ? "portable" : fincheck::Sha256::hardware_accelerated() ? "sha-ni" : "portable");
}

void BM_Sha256(benchmark::State& state) { hash(state, false); }
void BM_Sha256Portable(benchmark::State& state) { hash(state, true); }
BENCHMARK(BM_Sha256)->Arg(64)->Arg(4096)->Arg(160 * 1024)->Arg(1 << 20);
BENCHMARK(BM_Sha256Portable)->Arg(64)->Arg(4096)->Arg(160 * 1024)->Arg(1 << 20);

void parse_only(benchmark::State& state, const char* file) {
    fincheck::bench::time_parse_only(state, fincheck::bench::example_xml(file));
}

void load_report(benchmark::State& state, const char* file) {
    fincheck::bench::time_load_report(state, fincheck::bench::example_xml(file));
}

// Report `index` of the series bench/batch_bench.sh generates (seed 2024, errors planted at
// rate 0.2), as fincheck_gen_reports writes it: the same bytes on every run and machine.
std::string generated_xml(std::uint64_t index) {
    fincheck::gen::GeneratorOptions options;
    options.seed = 2024;
    options.error_rate = 0.2;
    return fincheck::write_report_xml(fincheck::gen::generate_report(options, index).report);
}

void parse_only_generated(benchmark::State& state) {
    fincheck::bench::time_parse_only(state, generated_xml(static_cast<std::uint64_t>(state.range(0))));
}

void load_report_generated(benchmark::State& state) {
    fincheck::bench::time_load_report(state, generated_xml(static_cast<std::uint64_t>(state.range(0))));
}

BENCHMARK_CAPTURE(parse_only, wuhan, "wuhan-hanyang-jiguan-gongwei-2024")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(load_report, wuhan, "wuhan-hanyang-jiguan-gongwei-2024")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(parse_only, putuo, "putuo-finance-bureau-2024")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(load_report, putuo, "putuo-finance-bureau-2024")->Unit(benchmark::kMicrosecond);
// Three generated reports (sizes differ with the department drawn); the argument is the index.
BENCHMARK(parse_only_generated)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(load_report_generated)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
