#include "entry_points.hpp"

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "fincheck/engine/config.hpp"
#include "fincheck/import.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/rulepacks/pack_library.hpp"
#include "fincheck/rulepacks/pack_parser.hpp"

namespace fincheck::fuzz {
namespace {

std::string_view as_text(Bytes input) {
    return {reinterpret_cast<const char*>(input.data()), input.size()};
}

// Every parser promises a result or an error naming what is wrong; neither is a silent
// failure, which the fuzzer must see as a finding, not as a clean run.
void require(bool holds, const char* what, const std::string& detail = {}) {
    if (holds) return;
    std::cerr << "fuzz invariant broken: " << what << '\n' << detail << '\n';
    std::abort();
}

// What fincheck writes, it must read back, and to the same bytes: `fincheck import` output is
// the input of `fincheck check`, and audits are byte-identical for the same report.
void require_round_trip(const Report& report, const char* what) {
    std::string written = write_report_xml(report);
    LoadResult reloaded = load_report_xml_buffer(written, "fuzz-written.xml");
    require(reloaded.report.has_value(), what, reloaded.error ? reloaded.error->to_string() : std::string());
    require(write_report_xml(*reloaded.report) == written, what, "the second write differs from the first");
}

}  // namespace

void report_xml(Bytes input) {
    LoadResult loaded = load_report_xml_buffer(std::string(as_text(input)), "fuzz.xml");
    require(loaded.report.has_value() != loaded.error.has_value(), "report XML: exactly one of report and error");
    if (loaded.error) require(!loaded.error->message.empty(), "report XML: an error says what is wrong");
    if (loaded.report) require_round_trip(*loaded.report, "report XML: a loaded report writes and reloads unchanged");
}

void import_text(Bytes input) {
    ImportResult imported = fincheck::import_text(std::string(as_text(input)), "fuzz.txt");
    require(imported.report.has_value() != imported.error.has_value(), "import: exactly one of report and error");
    if (imported.error) require(!imported.error->message.empty(), "import: an error says what is wrong");
    if (imported.report) require_round_trip(*imported.report, "import: an imported report writes and reloads unchanged");
}

void rulepack(Bytes input) {
    // NUL cannot occur in XML, so it separates packs: one input is a set of packs that extend,
    // override and disable each other, as national.xml and shanghai.xml do.
    std::vector<std::pair<std::string, std::string>> packs;
    std::string_view text = as_text(input);
    while (true) {
        std::size_t end = text.find('\0');
        packs.emplace_back("fuzz-pack-" + std::to_string(packs.size() + 1) + ".xml", text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    for (const auto& [name, pack] : packs) {
        rulepacks::PackParseResult parsed = rulepacks::parse_pack_buffer(pack, name);
        require(parsed.pack.has_value() != parsed.error.has_value(), "rule pack: exactly one of pack and error");
        if (parsed.error) require(!parsed.error->message.empty(), "rule pack: an error says what is wrong");
    }
    auto library = rulepacks::PackLibrary::load_texts(packs);
    if (const auto* errors = std::get_if<rulepacks::PackErrors>(&library)) {
        require(!errors->errors.empty(), "rule packs: a rejected set names at least one problem");
        for (const rulepacks::PackError& error : errors->errors)
            require(!error.message.empty(), "rule packs: a link error says what is wrong");
    }
}

void config(Bytes input) {
    engine::ConfigResult parsed = engine::parse_config(as_text(input), "/fuzz/fincheck.xml");
    require(parsed.config.has_value() != parsed.error.has_value(), "config: exactly one of config and error");
    if (parsed.error) require(!parsed.error->message.empty(), "config: an error says what is wrong");
}

}  // namespace fincheck::fuzz
