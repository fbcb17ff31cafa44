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

// Same, with the content produced by `produce`. If `produce` throws, the temporary file is
// removed, `target` is untouched and the exception propagates.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& produce);

}  // namespace fincheck::engine
