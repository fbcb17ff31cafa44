// Reading a whole file, shared by read_whole_file (text_position.hpp) and the data-file
// loader (data_file.hpp), which word the failure differently around the same reason.
#pragma once

#include <filesystem>
#include <string>

namespace fincheck::detail {

// Reads the whole file into out. Returns nullptr, or why it failed (zh-CN and English).
const char* read_file_bytes(const std::filesystem::path& file, std::string& out);

}  // namespace fincheck::detail
