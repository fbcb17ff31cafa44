// Writes an output file so that readers see either the old file or the complete new one,
// never a partial write: a temporary file in the same directory, fsync, then rename.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

namespace fincheck::engine {

// Writes `content` to `target` atomically. Throws std::runtime_error (naming the file and
// the system error) on failure; the temporary file is removed and `target` is untouched.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Still atomic (readers see the old or the complete new file, also when the process is
// killed), but returns without waiting for the disk: for a batch that writes thousands of
// files and makes them durable once, with sync_filesystem(), before it reports success.
void write_file_atomically_deferred(const std::filesystem::path& target, std::string_view content);

// Flushes every deferred write on the file system holding `dir` (syncfs). Throws on failure.
void sync_filesystem(const std::filesystem::path& dir);

// Same, with the content produced by `produce`. If `produce` throws, the temporary file is
// removed, `target` is untouched and the exception propagates.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& produce);

}  // namespace fincheck::engine
