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

// (a) The floor: pugixml parsing the bytes into a DOM, nothing else.
inline void time_parse_only(benchmark::State& state, const std::string& xml) {
    for (auto _ : state) {
        pugi::xml_document doc;
        auto result = doc.load_buffer(xml.data(), xml.size());
        benchmark::DoNotOptimize(result.status);
        benchmark::DoNotOptimize(doc.first_child());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(xml.size()));
}

// (b) The report model the rules see, from the same bytes (the copy of the buffer included).
inline void time_load_report(benchmark::State& state, const std::string& xml) {
    for (auto _ : state) {
        auto loaded = load_report_xml_buffer(xml, "bench.xml");
        benchmark::DoNotOptimize(loaded.report);
    }
}

}  // namespace fincheck::bench
