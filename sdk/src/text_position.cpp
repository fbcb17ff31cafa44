#include "fincheck/text_position.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "fincheck/utf8.hpp"
#include "read_file.hpp"

namespace fincheck {

TextPosition text_position(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    TextPosition position;
    std::size_t line_start = 0;
    for (std::size_t at = 0; at < offset;) {
        const void* newline = std::memchr(text.data() + at, '\n', offset - at);
        if (!newline) break;
        at = static_cast<std::size_t>(static_cast<const char*>(newline) - text.data()) + 1;
        line_start = at;
        ++position.line;
    }
    position.column = static_cast<std::uint32_t>(
        1 + utf8::lead_byte_count(text.substr(line_start, offset - line_start)));
    return position;
}

std::string located_error(std::string_view name, std::string_view text, std::size_t offset,
                          std::string_view message) {
    const TextPosition position = text_position(text, offset);
    std::string out(name);
    out += ':';
    out += std::to_string(position.line);
    out += ':';
    out += std::to_string(position.column);
    out += ": ";
    out += message;
    return out;
}

const char* detail::read_file_bytes(const std::filesystem::path& file, std::string& out) {
    // Only a regular file: reading a directory throws from the stream, a FIFO never ends.
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status)) return "no such file (文件不存在)";
    if (!std::filesystem::is_regular_file(status)) return "not a regular file (不是普通文件)";
    std::ifstream in(file, std::ios::binary);
    if (!in) return "cannot open the file (无法打开文件)";
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return "cannot read the file (无法读取文件)";
    return nullptr;
}

bool read_whole_file(const std::filesystem::path& file, std::string& out, std::string& error) {
    if (const char* why = detail::read_file_bytes(file, out)) {
        error = file.string() + ": " + why;
        return false;
    }
    return true;
}

}  // namespace fincheck
