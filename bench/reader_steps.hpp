// Steps (a) and (b) of the report-reader measurement, shared by audit_bench (with plugins) and
// sdk_bench (without), so both binaries time exactly the same code.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include "fincheck/report_xml.hpp"

namespace fincheck::bench {

// The bytes of examples/<file>; a missing example ends the benchmark with a message.
inline std::string example_xml(const char* file) {
    const std::string path = std::string(FINCHECK_SOURCE_DIR) + "/examples/" + file;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "bench: cannot read %s\n", path.c_str());
        std::exit(2);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One step each, kept out of line so that callgrind can count exactly one of them
// (--toggle-collect='fincheck::bench::parse_once*' or '…load_once*'): DOM or Report freed
// included, as in the timed loops below.

// (a) The floor: pugixml parsing the bytes into a DOM, nothing else.
[[gnu::noinline]] inline void parse_once(const std::string& xml) {
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size());
    benchmark::DoNotOptimize(result.status);
    benchmark::DoNotOptimize(doc.first_child());
}

// (b) The report model the rules see, from the same bytes (the copy of the buffer included).
[[gnu::noinline]] inline void load_once(const std::string& xml) {
    auto loaded = load_report_xml_buffer(xml, "bench.xml");
    benchmark::DoNotOptimize(loaded.report);
}

inline void time_parse_only(benchmark::State& state, const std::string& xml) {
    for (auto _ : state) parse_once(xml);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(xml.size()));
}

inline void time_load_report(benchmark::State& state, const std::string& xml) {
    for (auto _ : state) load_once(xml);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(xml.size()));
}

}  // namespace fincheck::bench
