// UTF-8 to code points and back, for text a rule reads character by character. The decoding
// is utf8.hpp's (structural: a byte that starts no complete sequence reads as U+FFFD, alone),
// with the ASCII and three-byte cases inline: Chinese text is almost all three-byte
// characters, and rules decode every paragraph of a report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "fincheck/utf8.hpp"

namespace fincheck::text {

// Decodes the code point at bytes[i] (i < n) and moves i past it.
inline char32_t next_code_point(const unsigned char* bytes, std::size_t n, std::size_t& i) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    if ((lead & 0xF0) == 0xE0 && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
        const auto cp = static_cast<char32_t>(((lead & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
        i += 3;
        return cp;
    }
    const std::string_view rest(reinterpret_cast<const char*>(bytes), n);
    return utf8::next_code_point(rest, i);
}

// The code points of `utf8`, decoded into a buffer sized for the worst case (one code point
// per byte) and trimmed: one allocation per text.
std::u32string decode(std::string_view utf8);
// The UTF-8 of `code_points` (utf8::append: a value that is no character becomes U+FFFD).
std::string encode(std::u32string_view code_points);

}  // namespace fincheck::text
