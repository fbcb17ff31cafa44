// Reading a whole file in one read(2) into a string sized from fstat, instead of an
// ifstream copied through a growing ostringstream (several reallocations and copies of
// every input, thousands of times a night).
#pragma once

#include <filesystem>
#include <string>

namespace fincheck::batch {

// Replaces `out` with the file's bytes (its capacity is reused). False when the file
// cannot be opened or read; `out` is then unspecified.
bool read_file_into(const std::filesystem::path& path, std::string& out);

}  // namespace fincheck::batch
