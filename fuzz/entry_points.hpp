// The untrusted-input entry points that the fuzzers drive, one function per parser. The
// libFuzzer targets (fuzz/*_fuzzer.cpp, clang only) and the regression replay test
// (tests/fuzz_regressions, the normal suite) call the same functions, so an input that once
// crashed a fuzzer is replayed through exactly the code it crashed.
//
// Each function returns normally for any input: a clean error or a result. A crash, a
// sanitizer report, a leak or a broken invariant (no result and no error) is the finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace fincheck::fuzz {

using Bytes = std::span<const std::uint8_t>;

// Report XML reader (load_report_xml_buffer); a loaded report must write, reload and write
// again to the same bytes.
void report_xml(Bytes input);
// Text importer (import_text); the imported report must write (as `fincheck import` does),
// reload and write again to the same bytes.
void import_text(Bytes input);
// Rule packs (rulepacks/, run by the arith and xtab plugins): each pack parsed alone
// (parse_pack_buffer), then all of them linked (PackLibrary::load_texts). Packs are separated by NUL bytes.
void rulepack(Bytes input);
// Configuration parser (parse_config), as for fincheck.xml.
void config(Bytes input);

}  // namespace fincheck::fuzz
