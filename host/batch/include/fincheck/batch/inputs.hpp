// The inputs of a batch: files, directories (recursive) and @list files expanded into one
// sorted, de-duplicated list, each with a stable key and a collision-free output name.
#pragma once

#include <cstddef>
#include <cstdint>
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
    std::string problem;         // non-empty: the argument named nothing readable, or why it is skipped
    bool skipped = false;        // an input the batch does not audit by its kind (PDF, unknown type, …)
};

struct Shard {
    std::size_t index = 1;  // 1-based
    std::size_t count = 1;
    bool contains(std::string_view key) const;
};

// "I/N" with 1 ≤ I ≤ N; nullopt when malformed.
std::optional<Shard> parse_shard(std::string_view text);

// The expanded inputs, held compactly: every path, key and problem in one character
// arena with offsets, about 100 bytes per input instead of four strings (~300 bytes with
// their allocations), and the output name derived from the key when asked for. A night's
// list of 10,000 or 100,000 reports then costs little next to one report being audited.
class InputList {
public:
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    // The input at `index`, materialised (a few short strings).
    InputFile operator[](std::size_t index) const;

    // Appends an input; the output name is derived from the key unless `problem` is set.
    // `size` (bytes) enters the fingerprint of the input set.
    void add(std::string_view path, std::string_view key, std::string_view problem = {}, std::uint64_t size = 0);
    // Appends an input that is listed in the summary as skipped, with the reason.
    void add_skipped(std::string_view path, std::string_view key, std::string_view reason);
    // Sorts by key, drops repeated keys, gives inputs whose short output names clash the
    // full hash, fingerprints the whole set, then keeps only the shard's inputs. Called once,
    // after the last add().
    void finish(const Shard& shard);

    // SHA-256 over every input of the set before sharding (key, size, skipped or not), the
    // same on every node that sees the same files: merge checks that shards ran on one set.
    const std::string& fingerprint() const { return fingerprint_; }
    // How many inputs the whole set has, before sharding.
    std::size_t total_inputs() const { return total_inputs_; }

private:
    struct Entry {
        std::uint32_t path_offset = 0, path_size = 0;
        std::uint32_t key_offset = 0, key_size = 0;
        std::uint32_t problem_offset = 0, problem_size = 0;
        std::uint64_t size = 0;
        bool full_hash = false;  // the 12-hex output name clashes with another input's
        bool skipped = false;
    };
    std::string_view view(std::uint32_t offset, std::uint32_t size) const { return {arena_.data() + offset, size}; }
    std::string_view key(const Entry& entry) const { return view(entry.key_offset, entry.key_size); }
    std::uint32_t store(std::string_view text);

    std::string arena_;
    std::vector<Entry> entries_;
    std::string fingerprint_;
    std::size_t total_inputs_ = 0;
};

struct InputExpansion {
    // Sorted by key. An argument that names nothing readable is kept, with its problem, so
    // that the summary records it as a failed input instead of it vanishing.
    InputList files;
};

// Directory walks take .xml and .txt files (any case) and ignore generator ground truth
// (*.truth.xml), audit outputs (*.audit.xml, summary.xml) and hidden files and directories.
// Everything else they find (a PDF, another type, a dangling link, a FIFO, an unreadable
// directory) is kept as a skipped input with its reason. A file named explicitly is taken
// whatever its extension, unless it is a PDF or not a regular file (skipped as well).
InputExpansion expand_inputs(const std::vector<std::string>& arguments, const Shard& shard = {});

// "<file name>-<12 hex of SHA-256(key)>.audit.xml". Bytes of the file name that are not XML
// text become '_'; a name longer than kMaxOutputStem bytes is cut (at a character boundary):
// the hash of the whole key keeps the name distinct and the summary maps input to output.
std::string output_name(std::string_view key);
inline constexpr std::size_t kMaxOutputStem = 160;  // + "-<64 hex>.audit.xml" stays within NAME_MAX (255)

}  // namespace fincheck::batch
