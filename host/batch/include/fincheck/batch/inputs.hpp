// The inputs of a batch: files, directories (recursive) and @list files expanded into one
// sorted, de-duplicated list, each with a stable key and a collision-free output name.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fincheck::batch {

struct InputFile {
    std::filesystem::path path;  // where to read it
    // Stable name of the input, independent of where the data is mounted: for a file found
    // in directory D, "<name of D>/<path inside D>"; for a file named directly or in a
    // list, the path as written. Keys order the summary and pick the shard.
    std::string key;
    std::string output;          // audit file name inside the output directory
    std::string problem;         // non-empty: the argument named nothing readable
};

struct Shard {
    std::size_t index = 1;  // 1-based
    std::size_t count = 1;
    bool contains(std::string_view key) const;
};

// "I/N" with 1 ≤ I ≤ N; nullopt when malformed.
std::optional<Shard> parse_shard(std::string_view text);

struct InputExpansion {
    // Sorted by key. An argument that names nothing readable is kept, with its problem, so
    // that the summary records it as a failed input instead of it vanishing.
    std::vector<InputFile> files;
};

// Directory walks take .xml and .txt files and skip generator ground truth (*.truth.xml),
// audit outputs (*.audit.xml) and hidden files. A file named explicitly is always taken.
InputExpansion expand_inputs(const std::vector<std::string>& arguments, const Shard& shard = {});

// "<file name>-<12 hex of SHA-256(key)>.audit.xml".
std::string output_name(std::string_view key);

}  // namespace fincheck::batch
