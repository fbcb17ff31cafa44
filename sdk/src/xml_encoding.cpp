// Turning the bytes of an XML file a person saved into UTF-8, the one encoding fincheck parses
// and counts positions in. Editors on Chinese Windows save GBK/GB18030 by default, some tools
// UTF-16: a declared encoding is converted with glibc's iconv (no hand-written tables), and
// undeclared bytes that are not UTF-8 are an error that says so, never mojibake.
#include <cerrno>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "fincheck/data_file.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck {

namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

bool starts_with_bytes(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// The encoding="…" of an XML declaration at the very start, upper-cased; empty when none.
std::string declared_encoding(std::string_view text) {
    if (!starts_with_bytes(text, "<?xml")) return {};
    const std::size_t end = text.find("?>");
    const std::string_view declaration = text.substr(0, end);
    const std::size_t key = declaration.find("encoding");
    if (key == std::string_view::npos) return {};
    std::size_t pos = declaration.find_first_of("\"'", key);
    if (pos == std::string_view::npos) return {};
    const char quote = declaration[pos];
    const std::size_t close = declaration.find(quote, pos + 1);
    if (close == std::string_view::npos) return {};
    return upper(declaration.substr(pos + 1, close - pos - 1));
}

DataFileError error_at(std::string_view name, std::string_view utf8_before, std::string message) {
    return DataFileError{std::string(name), text_position(utf8_before, utf8_before.size()), std::move(message)};
}

// Converts `bytes` from `encoding` with iconv. On a byte sequence that is not valid in that
// encoding, the error's position is where the valid text before it ends.
std::optional<DataFileError> convert(std::string_view bytes, const std::string& encoding, std::string_view name,
                                     std::string& out) {
    iconv_t cd = iconv_open("UTF-8", encoding.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return DataFileError{std::string(name), TextPosition{},
                             "不支持的编码 " + encoding + "（请改用 UTF-8 或 GB18030）/ unsupported encoding " + encoding +
                                 " (use UTF-8 or GB18030)"};
    out.clear();
    std::string input(bytes);
    char* in = input.data();
    std::size_t in_left = input.size();
    std::string buffer(4096, '\0');
    std::optional<DataFileError> error;
    while (in_left > 0) {
        char* dest = buffer.data();
        std::size_t dest_left = buffer.size();
        const std::size_t done = iconv(cd, &in, &in_left, &dest, &dest_left);
        out.append(buffer.data(), buffer.size() - dest_left);
        if (done != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        error = error_at(name, out,
                         "文件声明为 " + encoding + " 编码，但含有该编码中无效的字节 / the file is declared " + encoding +
                             " but holds bytes that are not valid " + encoding);
        break;
    }
    iconv_close(cd);
    return error;
}

bool is_utf8_name(const std::string& encoding) { return encoding.empty() || encoding == "UTF-8" || encoding == "UTF8"; }

}  // namespace

std::optional<DataFileError> xml_text_as_utf8(std::string_view bytes, std::string_view name, std::string& out) {
    if (bytes.empty())
        return DataFileError{std::string(name), TextPosition{}, "文件为空 / the file is empty"};
    // A byte-order mark says what the file is, whatever a declaration claims.
    if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    else if (starts_with_bytes(bytes, "\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE", name, out);
    else if (starts_with_bytes(bytes, "\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE", name, out);
    else if (starts_with_bytes(bytes, std::string_view("<\0?\0", 4))) return convert(bytes, "UTF-16LE", name, out);
    else if (starts_with_bytes(bytes, std::string_view("\0<\0?", 4))) return convert(bytes, "UTF-16BE", name, out);

    const std::string encoding = declared_encoding(bytes);
    if (!is_utf8_name(encoding)) return convert(bytes, encoding, name, out);
    const std::size_t invalid = utf8::first_invalid(bytes);
    if (invalid != std::string_view::npos) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(bytes[invalid]);
        const std::string hex{'0', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
        return error_at(name, bytes.substr(0, invalid),
                        "文件不是 UTF-8 编码（字节 " + hex + "）；请在 XML 声明中注明 encoding=\"GB18030\"（或文件实际的编码），"
                        "或另存为 UTF-8 / the file is not UTF-8 (byte " + hex + "): declare its encoding in the XML "
                        "declaration, e.g. <?xml version=\"1.0\" encoding=\"GB18030\"?>, or save it as UTF-8");
    }
    out.assign(bytes);
    return std::nullopt;
}

}  // namespace fincheck
