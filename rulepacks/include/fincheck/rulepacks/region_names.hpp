// The region names fincheck knows (data: regions/*.xml in the data directories), against
// which a pack's <match region-prefix> is checked: a prefix that names no known region
// (上海普陀区 for 上海市普陀区) would never select the pack, silently.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fincheck/data_file.hpp"

namespace fincheck::rulepacks {

class RegionNames {
public:
    // Reads every regions/*.xml under the data directories (schemas/regions.xsd). A file
    // that cannot be read or parsed is an error.
    static std::variant<RegionNames, std::vector<DataFileError>> load(
        const std::vector<std::filesystem::path>& data_dirs);
    // The same from in-memory texts: (name, text) pairs.
    static std::variant<RegionNames, std::vector<DataFileError>> load_texts(
        const std::vector<std::pair<std::string, std::string>>& texts);

    bool empty() const { return names_.empty(); }
    // A region prefix is known when it is a region's name, or the names along a path down
    // the hierarchy written together (上海市普陀区, 湖北省武汉市汉阳区, 武汉市汉阳区).
    bool known(std::string_view prefix) const;
    // Every known prefix, for "did you mean".
    const std::vector<std::string>& names() const { return names_; }

private:
    std::vector<std::string> names_;  // sorted
};

}  // namespace fincheck::rulepacks
