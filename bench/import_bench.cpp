// Importing the Wuhan corpus report (814 lines, nine tables, seven attachments) from text
// already in memory: the per-report cost of the importer. Target: < 5 ms median.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "fincheck/import.hpp"
#include "fincheck_test/corpus.hpp"

namespace {

std::string read_corpus(const char* name) {
    if (!fincheck::corpus::available(name)) {
        std::fprintf(stderr, "import_bench: %s\n", fincheck::corpus::missing_message(name).c_str());
        std::exit(2);
    }
    std::ifstream in(fincheck::corpus::text(name), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void BM_ImportWuhanReport(benchmark::State& state) {
    const std::string text = read_corpus("wuhan-hanyang-jiguan-gongwei-2024.txt");
    for (auto _ : state) {
        auto result = fincheck::import_text(text, "wuhan-hanyang-jiguan-gongwei-2024.txt");
        if (!result) state.SkipWithError("import failed");
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ImportWuhanReport)->Unit(benchmark::kMillisecond);

void BM_ImportShanghaiReport(benchmark::State& state) {
    const std::string text = read_corpus("putuo-finance-bureau-2024.txt");
    for (auto _ : state) {
        auto result = fincheck::import_text(text, "putuo-finance-bureau-2024.txt");
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_ImportShanghaiReport)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
