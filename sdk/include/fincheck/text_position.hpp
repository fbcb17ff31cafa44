// Where in an input file something is: every error about a file a person edits (a report, a
// rule pack, a lexicon, a phrase list) names the file, the line and the column, so the person
// can go straight to it. Parsers report byte offsets; this turns them into positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace fincheck {

struct TextPosition {
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, in code points: what an editor shows for CJK text
};

// Position of a byte offset into text; an offset past the end is clamped to the end.
TextPosition text_position(std::string_view text, std::size_t offset);

// "name:line:column: message", the one form of a located error.
std::string located_error(std::string_view name, std::string_view text, std::size_t offset,
                          std::string_view message);

// Reads a whole file into out. On failure returns false and sets error to a message that
// names the file (zh-CN and English).
bool read_whole_file(const std::filesystem::path& file, std::string& out, std::string& error);

}  // namespace fincheck
