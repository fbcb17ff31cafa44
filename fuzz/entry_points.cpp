#include "entry_points.hpp"

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "fincheck/engine/config.hpp"
#include "fincheck/import.hpp"
#include "fincheck/report_xml.hpp"
#include "pack/pack_parser.hpp"

namespace fincheck::fuzz {
namespace {

std::string_view as_text(Bytes input) {
    return {reinterpret_cast<const char*>(input.data()), input.size()};
}

// Every parser promises a result or an error naming what is wrong; neither is a silent
// failure, which the fuzzer must see as a finding, not as a clean run.
void require(bool holds, const char* what) {
    if (holds) return;
    std::cerr << "fuzz invariant broken: " << what << '\n';
    std::abort();
}

}  // namespace

void report_xml(Bytes input) {
    LoadResult loaded = load_report_xml_buffer(std::string(as_text(input)), "fuzz.xml");
    require(loaded.report.has_value() != loaded.error.has_value(), "report XML: exactly one of report and error");
    if (loaded.error) require(!loaded.error->message.empty(), "report XML: an error says what is wrong");
    if (loaded.report) (void)write_report_xml(*loaded.report);
}

void import_text(Bytes input) {
    ImportResult imported = fincheck::import_text(std::string(as_text(input)), "fuzz.txt");
    require(imported.report.has_value() != imported.error.has_value(), "import: exactly one of report and error");
    if (imported.error) require(!imported.error->message.empty(), "import: an error says what is wrong");
    if (imported.report) (void)write_report_xml(*imported.report);
}

void rulepack(Bytes input) {
    tables::PackParseResult parsed = tables::parse_pack_buffer(as_text(input), "fuzz-pack.xml");
    require(parsed.pack.has_value() != parsed.error.has_value(), "rule pack: exactly one of pack and error");
    if (parsed.error) require(!parsed.error->message.empty(), "rule pack: an error says what is wrong");
}

void config(Bytes input) {
    engine::ConfigResult parsed = engine::parse_config(as_text(input), "/fuzz/fincheck.xml");
    require(parsed.config.has_value() != parsed.error.has_value(), "config: exactly one of config and error");
    if (parsed.error) require(!parsed.error->message.empty(), "config: an error says what is wrong");
}

}  // namespace fincheck::fuzz
