// UTF-8 primitives shared by the SDK, the host and the plugins, so that decoding lives in one
// place. Header-only and constexpr: rules and the importer call these per character, and
// they must cost no more than the hand-written loops they replace.
//
// Two levels of strictness, chosen on purpose:
//  - Decoding (next_code_point, code_point_count) checks structure only: the lead byte's bit
//    pattern announces a length and that many continuation bytes must follow. It is total on
//    any bytes (never loops, never reads past the end): a byte that does not start a complete
//    sequence decodes as U+FFFD and the decoder moves on by that one byte. It does not reject
//    overlong forms or encoded surrogates; text reaches rules only after the input boundary
//    (the report loader, the importer) has validated it, and the hot paths need not pay twice.
//  - Validation (well_formed_length, first_invalid) follows Unicode's table of well-formed
//    byte sequences (The Unicode Standard, §3.9, Table 3-7): no overlong forms, no surrogates,
//    nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fincheck::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

// 10xxxxxx: a byte that continues a multi-byte sequence and starts none.
constexpr bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }
constexpr bool is_continuation(char byte) { return is_continuation(static_cast<unsigned char>(byte)); }

// The length a lead byte announces by its bit pattern: 1 (ASCII), 2, 3 or 4; 0 for a
// continuation byte or F8–FF. Says nothing about whether the sequence is well-formed.
constexpr std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 0;
}

// Length of the structurally complete sequence at text[pos] (pos < text.size()): the length
// its lead byte announces when the text holds that many bytes and all but the first are
// continuation bytes; 0 otherwise. Overlong forms and surrogates pass (see the file comment).
constexpr std::size_t structural_length(std::string_view text, std::size_t pos) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(text[pos]));
    if (length == 0 || length > text.size() - pos) return 0;
    for (std::size_t i = 1; i < length; ++i)
        if (!is_continuation(text[pos + i])) return 0;
    return length;
}

// Length of the well-formed sequence at text[pos] (pos < text.size()), 0 when the bytes there
// do not start one: bad lead (C0, C1, F5–FF, a continuation byte), truncated, overlong,
// a surrogate (U+D800–U+DFFF) or beyond U+10FFFF.
constexpr std::size_t well_formed_length(std::string_view text, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const std::size_t available = text.size() - pos;
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    auto cont = [&](std::size_t i) { return i < available && is_continuation(byte(i)); };
    if (lead >= 0xC2 && lead <= 0xDF) return cont(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if (lead == 0xE0 && byte(1) < 0xA0) return 0;   // overlong: fits in two bytes
        if (lead == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (lead == 0xF0 && byte(1) < 0x90) return 0;   // overlong: fits in three bytes
        if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // beyond U+10FFFF
        return 4;
    }
    return 0;
}

// Decodes the code point at text[pos] (pos < text.size()) and advances pos past it. A byte
// that does not start a structurally complete sequence yields U+FFFD and advances pos by one.
constexpr char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {  // ASCII first: most bytes of a report's markup and figures
        ++pos;
        return lead;
    }
    const std::size_t length = structural_length(text, pos);
    if (length == 0) {
        ++pos;
        return kReplacement;
    }
    char32_t cp = lead & (0xFFu >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3Fu);
    pos += length;
    return cp;
}

// Number of code points next_code_point yields over text (each malformed byte counts one).
constexpr std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) next_code_point(text, pos);
    return count;
}

// Number of code points that start in text: the bytes that are not continuation bytes.
// Equal to code_point_count on well-formed text; unlike it, a range that ends inside a
// character counts that character once, which is what a column number wants.
constexpr std::size_t lead_byte_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += is_continuation(c) ? 0 : 1;
    return count;
}

// Byte offset of the first sequence that is not well-formed, or std::string_view::npos when
// the whole text is valid UTF-8.
constexpr std::size_t first_invalid(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t length = well_formed_length(text, pos);
        if (length == 0) return pos;
        pos += length;
    }
    return std::string_view::npos;
}

constexpr bool is_valid(std::string_view text) { return first_invalid(text) == std::string_view::npos; }

// Length of the well-formed sequence at text[pos] (pos < text.size()) when it is also a
// character XML 1.0 allows, else 0: C0 controls other than tab, LF and CR, surrogates and
// U+FFFE/U+FFFF are refused along with everything well_formed_length refuses. What every
// XML writer of fincheck checks before copying a byte, so its output is always well formed.
constexpr std::size_t xml_char_length(std::string_view text, std::size_t pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
    const std::size_t length = well_formed_length(text, pos);
    if (length == 3 && c == 0xEF && static_cast<unsigned char>(text[pos + 1]) == 0xBF &&
        static_cast<unsigned char>(text[pos + 2]) >= 0xBE)
        return 0;  // U+FFFE, U+FFFF
    return length;
}

// The longest prefix of text of at most max_bytes that does not end inside a multi-byte
// sequence: where a message may be cut without leaving half a character behind.
constexpr std::string_view prefix_at_boundary(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && is_continuation(text[cut])) --cut;
    return text.substr(0, cut);
}

// Appends the UTF-8 encoding of cp. Surrogates and values above U+10FFFF are not characters
// and are written as U+FFFD, so the output is always valid UTF-8.
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = kReplacement;
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp <= kMaxCodePoint) {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        append(out, kReplacement);
    }
}

inline std::string encode(char32_t cp) {
    std::string out;
    append(out, cp);
    return out;
}

}  // namespace fincheck::utf8
