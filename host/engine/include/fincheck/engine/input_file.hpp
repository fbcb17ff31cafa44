// Reading the bytes of a report to audit or import, which may come from anyone: only a
// regular file (or standard input, spelled "-"), never more than a size limit, and without
// blocking on a FIFO or a device. Also tells whether an output path names that same file.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fincheck/report_xml.hpp"

namespace fincheck::engine {

// 64 MiB: a real report's extracted text or XML is under 1 MB, a published PDF may later be
// tens of MB; the limit only stops what would exhaust memory (docs/cli.md, "Limits").
inline constexpr std::uint64_t kDefaultMaxInputSize = std::uint64_t{64} << 20;

// The path that names standard input (and, for -o, standard output).
inline constexpr std::string_view kStdioPath = "-";

// Which file was read: device and inode, to refuse an output that would overwrite it.
struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
};

struct InputBytes {
    std::string bytes;
    std::optional<FileIdentity> identity;  // absent for standard input
    std::optional<LoadError> error;        // file name and reason (line and column 0)
};

// Reads `path` whole, or standard input for "-". Refuses, with an error naming the file:
// anything but a regular file (directories, FIFOs, sockets, devices; opened non-blocking so
// that refusing one never waits), and more than `max_size` bytes (the message gives both).
InputBytes read_input_bytes(const std::filesystem::path& path, std::uint64_t max_size = kDefaultMaxInputSize);

// True when `output` exists and is the file `input` identifies (the same path, another path
// to it, a symbolic or a hard link): writing there would replace the input.
bool is_same_file(const std::filesystem::path& output, const FileIdentity& input);

// A file name as fincheck writes it in messages and outputs: bytes that are not UTF-8, and
// control characters, as \xNN (a file system name is any bytes but '/' and NUL; a name that
// is not text must neither make an output invalid nor reach a terminal raw).
std::string display_name(std::string_view name);

// "64M", "512K", "1G", "1048576", with an optional "iB" or "B" after the unit (binary
// multiples: 1K = 1024). nullopt for anything else, zero, or a value past 2^64.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// "64 MiB", "512 KiB", "11373 B": a size for messages, exact (the largest unit that divides it).
std::string describe_byte_size(std::uint64_t bytes);

}  // namespace fincheck::engine
