// batch_recall DATA_DIR OUT_DIR: recall of the errors the generator planted (DATA_DIR/*.truth.xml)
// among the findings of a batch run (OUT_DIR), per error kind. A planted error counts as found
// when a finding of a rule of its family points at its table (for a cross-table error: at
// 01, 04 or 05, the tables the swap puts at odds) or at its paragraph.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/record.hpp"
#include "fincheck/engine/engine.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

bool family_matches(const std::string& family, const std::string& category) {
    if (family == "metadata") return category == "metadata" || category == "structure";
    return family == category;
}

bool location_matches(const pugi::xml_node& error, const std::string& location) {
    if (error.attribute("block")) return location == std::string("block:") + error.attribute("block").as_string();
    const std::string table = location.substr(0, location.find('/'));
    if (std::string_view(error.attribute("family").as_string()) == "cross-table")
        return table == "01" || table == "04" || table == "05";
    return table == error.attribute("table").as_string();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: batch_recall DATA_DIR OUT_DIR\n");
        return 2;
    }
    const fs::path data = argv[1], out = argv[2];
    fincheck::engine::EngineOptions options;
    options.search.plugin_dirs = {FINCHECK_PLUGIN_BUILD_DIR};
    options.search.use_default = false;
    options.search.use_environment = false;
    options.search.executable_dir = fs::path(FINCHECK_BINARY_DIR) / "bin";
    auto created = fincheck::engine::Engine::create(options);
    if (!created.engine) return 2;
    const auto& registry = created.engine->registry();
    const std::string dir_name = fs::weakly_canonical(data).filename().string();

    std::map<std::string, std::pair<std::size_t, std::size_t>> by_kind;  // planted, found
    for (const auto& entry : fs::directory_iterator(data)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".truth.xml")) continue;
        pugi::xml_document truth;
        if (!truth.load_file(entry.path().c_str())) continue;
        const std::string report = truth.child("truth").attribute("report").as_string();
        const std::string audit = read(out / fincheck::batch::output_name(dir_name + "/" + report));
        const auto outcome = fincheck::batch::read_audit_outcome(audit);
        for (pugi::xml_node error : truth.child("truth").children("error")) {
            auto& [planted, found] = by_kind[error.attribute("kind").as_string()];
            ++planted;
            if (!outcome) continue;
            for (const fincheck::batch::FindingKey& f : outcome->findings) {
                const auto* rule = registry.find(f.rule);
                if (rule && family_matches(error.attribute("family").as_string(), rule->meta->category) &&
                    location_matches(error, f.location)) {
                    ++found;
                    break;
                }
            }
        }
    }
    std::printf("| planted error | planted | found | recall |\n|---|---|---|---|\n");
    std::size_t all = 0, all_found = 0;
    for (const auto& [kind, counts] : by_kind) {
        all += counts.first;
        all_found += counts.second;
        std::printf("| %s | %zu | %zu | %.1f %% |\n", kind.c_str(), counts.first, counts.second,
                    counts.first ? 100.0 * static_cast<double>(counts.second) / static_cast<double>(counts.first) : 0.0);
    }
    std::printf("| all | %zu | %zu | %.1f %% |\n", all, all_found,
                all ? 100.0 * static_cast<double>(all_found) / static_cast<double>(all) : 0.0);
    return 0;
}
