#include "fincheck/rulepacks/region_names.hpp"

#include <algorithm>
#include <variant>

namespace fincheck::rulepacks {

namespace {

// Every chain of names down from `node`'s children: each child's name, and that name
// followed by each chain of its own children.
void collect(pugi::xml_node node, const std::string& above, std::vector<std::string>& out) {
    for (pugi::xml_node child : node.children("region")) {
        const std::string chain = above + child.attribute("name").value();
        out.push_back(chain);
        collect(child, chain, out);
    }
}

void add_file(const DataFile& file, std::vector<std::string>& names) {
    // A chain may start at any level: 武汉市汉阳区 is printed without 湖北省.
    std::vector<pugi::xml_node> starts;
    std::vector<pugi::xml_node> pending{file.root()};
    while (!pending.empty()) {
        pugi::xml_node node = pending.back();
        pending.pop_back();
        for (pugi::xml_node child : node.children("region")) {
            starts.push_back(child);
            pending.push_back(child);
        }
    }
    for (pugi::xml_node start : starts) {
        const std::string name = start.attribute("name").value();
        names.push_back(name);
        collect(start, name, names);
    }
}

// The errors of every file that failed; the names of the others.
std::vector<DataFileError> read_all(std::vector<DataFileResult> loaded, std::vector<std::string>& names) {
    std::vector<DataFileError> errors;
    for (DataFileResult& result : loaded) {
        if (result.error) errors.push_back(std::move(*result.error));
        else add_file(*result.file, names);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return errors;
}

}  // namespace

std::variant<RegionNames, std::vector<DataFileError>> RegionNames::load(
    const std::vector<std::filesystem::path>& data_dirs) {
    std::vector<DataFileResult> loaded;
    for (const auto& dir : data_dirs)
        for (const auto& file : data_files_in(dir / "regions")) loaded.push_back(load_data_file(file, "regions"));
    RegionNames regions;
    std::vector<DataFileError> errors = read_all(std::move(loaded), regions.names_);
    if (!errors.empty()) return errors;
    return regions;
}

std::variant<RegionNames, std::vector<DataFileError>> RegionNames::load_texts(
    const std::vector<std::pair<std::string, std::string>>& texts) {
    std::vector<DataFileResult> loaded;
    for (const auto& [name, text] : texts) loaded.push_back(parse_data_file(text, name, "regions"));
    RegionNames regions;
    std::vector<DataFileError> errors = read_all(std::move(loaded), regions.names_);
    if (!errors.empty()) return errors;
    return regions;
}

bool RegionNames::known(std::string_view prefix) const {
    return std::binary_search(names_.begin(), names_.end(), prefix);
}

}  // namespace fincheck::rulepacks
