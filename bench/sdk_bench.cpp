// Google Benchmark figures of the SDK's own hot paths, with no plugin loaded: SHA-256
// throughput (the hardware path this CPU picks and the portable one), and the report-XML
// reader against the bare pugixml parse of the same bytes (the floor; audit_bench steps
// (a) and (b), repeated here so they can be measured without building the plugins).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

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

BENCHMARK_CAPTURE(parse_only, wuhan, "wuhan-hanyang-jiguan-gongwei-2024.xml")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(load_report, wuhan, "wuhan-hanyang-jiguan-gongwei-2024.xml")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(parse_only, putuo, "putuo-finance-bureau-2024.xml")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(load_report, putuo, "putuo-finance-bureau-2024.xml")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
