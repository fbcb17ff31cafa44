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

#include "fincheck/import.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck_test/corpus.hpp"

namespace fincheck::bench {

// The report XML of a corpus report (its text imported, as `fincheck import` writes it); the
// corpus is outside the tree, so a missing one ends the benchmark saying where it was looked for.
inline std::string example_xml(const char* key) {
    if (!corpus::available(key)) {
        std::fprintf(stderr, "bench: %s\n", corpus::missing_message(key).c_str());
        std::exit(2);
    }
    ImportResult imported = import_text_file(corpus::text(key));
    if (!imported.report) {
        std::fprintf(stderr, "bench: %s\n", imported.error->to_string().c_str());
        std::exit(2);
    }
    return write_report_xml(*imported.report);
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
