// Tests on the UTF-8 bytes of report text, before or instead of decoding them. The only
// place where fincheck reads report text byte by byte: plugins ask these questions and never
// spell a byte pattern themselves.
//
// Most of a report is prose without a figure, and a rule that needs a digit, or one of a few
// characters, can pass a text over after one pass over its bytes. The scans below are written
// without branches inside a chunk of bytes so that the compiler turns them into vector code.
#pragma once

#include <array>
#include <cstddef>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace fincheck::text {

namespace bytes_detail {
constexpr unsigned char bit(bool b) { return static_cast<unsigned char>(b); }
// The code point of the three-byte sequence in the low three bytes of `w` (first byte
// lowest), once its bit pattern is known to be 1110xxxx 10xxxxxx 10xxxxxx.
constexpr std::uint32_t three_byte_code_point(std::uint32_t w) {
    return (w & 0x0Fu) << 12 | (w >> 2 & 0xFC0u) | (w >> 16 & 0x3Fu);
}
}  // namespace bytes_detail

// True when the bytes hold an ASCII digit.
bool has_ascii_digit(std::string_view utf8);
// True when the bytes hold an ASCII digit or a full-width one (０-９ = EF BC 90-99).
bool has_digit(std::string_view utf8);
// True when some byte could open an overlong sequence (C0, C1, E0, F0), which the lenient
// decoder of utf8.hpp reads as some character: a byte search for a character is then not
// enough to rule it out.
bool has_overlong_lead(std::string_view utf8);

// True when one of `chars` (each a three-byte character, U+0800–U+FFFF) occurs whole in the
// bytes. Branch-free over the bytes, so a handful of characters cost one vectorised pass.
template <std::size_t N>
bool has_any_char3(std::string_view utf8, const std::array<char32_t, N>& chars) {
    using bytes_detail::bit;
    std::array<unsigned char, N> b0{}, b1{}, b2{};
    for (std::size_t k = 0; k < N; ++k) {
        b0[k] = static_cast<unsigned char>(0xE0 | (chars[k] >> 12));
        b1[k] = static_cast<unsigned char>(0x80 | ((chars[k] >> 6) & 0x3F));
        b2[k] = static_cast<unsigned char>(0x80 | (chars[k] & 0x3F));
    }
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    unsigned char hit = 0;
    for (std::size_t i = 2; i < utf8.size(); ++i)
        for (std::size_t k = 0; k < N; ++k)
            hit |= static_cast<unsigned char>(bit(b[i - 2] == b0[k]) & bit(b[i - 1] == b1[k]) & bit(b[i] == b2[k]));
    return hit != 0;
}

// Steps over the ASCII and three-byte characters from byte `pos` on for which `stops(cp)`
// is false, and returns where it stopped: at the first character that stops, is of another
// length or malformed (the caller decodes it), or at the end. `last` is set to the start of
// the last character stepped over (left alone when none). Eight or four bytes are tested at a
// time, "two (one) lead bytes 1110xxxx with two continuation bytes each", instead of three
// tests per character: where a scan that looks for a few characters spends its time.
template <class Stops>
std::size_t skip_quiet(std::string_view utf8, std::size_t pos, std::size_t& last, Stops stops) {
    const std::size_t size = utf8.size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t at = pos;
    if constexpr (std::endian::native == std::endian::little) {
        // Eight or four bytes at a time: one test for "two (one) lead bytes 1110xxxx,
        // each with two continuation bytes" instead of three per character; the tail
        // is left to the byte loop below.
        for (;;) {
            const std::size_t left = size - at;
            if (left >= 8) {
                std::uint64_t w = 0;
                std::memcpy(&w, bytes + at, 8);
                if ((w & 0xC0C0F0C0C0F0ull) == 0x8080E08080E0ull &&
                    !stops(bytes_detail::three_byte_code_point(static_cast<std::uint32_t>(w))) &&
                    !stops(bytes_detail::three_byte_code_point(static_cast<std::uint32_t>(w >> 24)))) {
                    last = at + 3;
                    at += 6;
                    continue;
                }
            }
            if (left < 4) break;
            std::uint32_t w = 0;
            std::memcpy(&w, bytes + at, 4);
            if ((w & 0x80u) == 0) {
                if (stops(w & 0x7Fu)) break;
                last = at++;
                continue;
            }
            if ((w & 0xC0C0F0u) != 0x8080E0u || stops(bytes_detail::three_byte_code_point(w))) break;
            last = at;
            at += 3;
        }
    }
    while (at < size) {
        const unsigned lead = bytes[at];
        if (lead < 0x80) {
            if (stops(lead)) break;
            last = at++;
            continue;
        }
        if ((lead & 0xF0u) != 0xE0u || size - at < 3) break;
        const unsigned b1 = bytes[at + 1];
        const unsigned b2 = bytes[at + 2];
        if (((b1 & 0xC0u) ^ 0x80u) | ((b2 & 0xC0u) ^ 0x80u)) break;  // not two continuation bytes
        if (stops((lead & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu))) break;
        last = at;
        at += 3;
    }
    return at;
}

// Byte length of the digit (ASCII or full-width) at byte `pos`, 0 when there is none there
// (or `pos` is past the end).
std::size_t digit_length_at(std::string_view utf8, std::size_t pos);
// The value of the digit (ASCII or full-width) that ends just before byte `end`, with its
// byte length in `length`; -1 when there is none.
int digit_before(std::string_view utf8, std::size_t end, std::size_t& length);

// The code point that ends just before byte `end` (0 < end <= size), and in `begin` the byte
// where it starts. A byte that ends no structurally complete sequence is read alone, as
// U+FFFD (or as itself when it is ASCII), as the forward decoder reads it.
char32_t code_point_before(std::string_view utf8, std::size_t end, std::size_t& begin);
// The last character of the text that is not whitespace (chars.hpp, is_whitespace); 0 when
// there is none.
char32_t last_non_whitespace(std::string_view utf8);

// Byte offset of the next whole occurrence of the three-byte character `c` (U+0800–U+FFFF)
// at or after `from`; npos when there is none. Searched by its last byte (memchr), which in
// Chinese text is far rarer than a lead byte: a text without the character costs next to
// nothing.
std::size_t find_char3(std::string_view utf8, std::size_t from, char32_t c);

// Code-point index of byte offset `byte` (the characters that start before it): how a byte
// position becomes a Location's span. An offset past the end counts the whole text.
std::uint32_t code_point_offset(std::string_view utf8, std::size_t byte);

// The next occurrence of one byte at or after a position, found with memchr and remembered:
// a scan that asks again and again for the nearer of two lead bytes searches each once.
class ByteFinder {
public:
    ByteFinder(std::string_view text, char byte) : text_(text), byte_(byte) {}
    // The first offset >= from holding the byte, or the text's size when there is none.
    std::size_t next(std::size_t from);

private:
    std::string_view text_;
    char byte_;
    std::size_t found_ = 0;
    bool searched_ = false;
};

}  // namespace fincheck::text
