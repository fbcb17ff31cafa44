#include "fincheck/text/bytes.hpp"

#include <algorithm>
#include <cstring>

#include "fincheck/text/chars.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::text {
namespace {

using bytes_detail::bit;

constexpr unsigned char ascii_digit(unsigned char c) { return bit(static_cast<unsigned char>(c - '0') < 10); }
// C0, C1, E0, F0: the lead bytes an over-long (malformed) sequence can start with.
constexpr unsigned char overlong_lead(unsigned char c) {
    return static_cast<unsigned char>(bit((c & 0xFE) == 0xC0) | bit(c == 0xE0) | bit(c == 0xF0));
}
// EF BC 90-99: a full-width digit ０-９.
constexpr unsigned char fullwidth_digit(unsigned char c0, unsigned char c1, unsigned char c2) {
    return static_cast<unsigned char>(bit(c0 == 0xEF) & bit(c1 == 0xBC) & bit(static_cast<unsigned char>(c2 - 0x90) < 10));
}

// Branch-free ORs within a chunk of 64 bytes (vector code); a text with a hit early on stops
// looking after that chunk. `chunk(b, start, end)` ORs its test over b[start, end).
template <class Chunk>
bool any_chunk(std::string_view utf8, Chunk chunk) {
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    for (std::size_t start = 0; start < utf8.size(); start += 64)
        if (chunk(b, start, std::min(utf8.size(), start + 64)) != 0) return true;
    return false;
}

template <unsigned char (*Test)(unsigned char)>
unsigned char any_byte_in(const unsigned char* b, std::size_t start, std::size_t end) {
    unsigned char found = 0;
    for (std::size_t i = start; i < end; ++i) found |= Test(b[i]);
    return found;
}

}  // namespace

bool has_ascii_digit(std::string_view utf8) { return any_chunk(utf8, any_byte_in<ascii_digit>); }

bool has_overlong_lead(std::string_view utf8) { return any_chunk(utf8, any_byte_in<overlong_lead>); }

bool has_digit(std::string_view utf8) {
    return any_chunk(utf8, [](const unsigned char* b, std::size_t start, std::size_t end) {
        unsigned char digit = any_byte_in<ascii_digit>(b, start, end);
        for (std::size_t i = std::max<std::size_t>(start, 2); i < end; ++i) digit |= fullwidth_digit(b[i - 2], b[i - 1], b[i]);
        return digit;
    });
}

std::size_t digit_length_at(std::string_view utf8, std::size_t pos) {
    if (pos >= utf8.size()) return 0;
    const auto c = static_cast<unsigned char>(utf8[pos]);
    if (c >= '0' && c <= '9') return 1;
    if (utf8.size() - pos < 3) return 0;
    return fullwidth_digit(c, static_cast<unsigned char>(utf8[pos + 1]), static_cast<unsigned char>(utf8[pos + 2])) ? 3 : 0;
}

int digit_before(std::string_view utf8, std::size_t end, std::size_t& length) {
    if (end == 0 || end > utf8.size()) return -1;
    const auto last = static_cast<unsigned char>(utf8[end - 1]);
    if (last >= '0' && last <= '9') {
        length = 1;
        return last - '0';
    }
    if (end >= 3 && fullwidth_digit(static_cast<unsigned char>(utf8[end - 3]), static_cast<unsigned char>(utf8[end - 2]), last)) {
        length = 3;
        return last - 0x90;
    }
    return -1;
}

char32_t code_point_before(std::string_view utf8, std::size_t end, std::size_t& begin) {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && utf8::is_continuation(utf8[start])) --start;
    if (utf8::structural_length(utf8, start) == end - start) {
        begin = start;
        std::size_t pos = start;
        return utf8::next_code_point(utf8, pos);
    }
    begin = end - 1;
    const auto byte = static_cast<unsigned char>(utf8[begin]);
    return byte < 0x80 ? byte : utf8::kReplacement;
}

char32_t last_non_whitespace(std::string_view utf8) {
    std::size_t end = utf8.size();
    while (end > 0) {
        std::size_t begin = 0;
        const char32_t c = code_point_before(utf8, end, begin);
        if (!is_whitespace(c)) return c;
        end = begin;
    }
    return 0;
}

std::size_t find_char3(std::string_view utf8, std::size_t from, char32_t c) {
    const auto lead = static_cast<char>(0xE0 | (c >> 12));
    const auto middle = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    const auto last = static_cast<char>(0x80 | (c & 0x3F));
    for (std::size_t at = from + 2; at < utf8.size();) {
        const void* hit = std::memchr(utf8.data() + at, last, utf8.size() - at);
        if (hit == nullptr) break;
        const auto end = static_cast<std::size_t>(static_cast<const char*>(hit) - utf8.data());
        if (utf8[end - 2] == lead && utf8[end - 1] == middle) return end - 2;
        at = end + 1;
    }
    return std::string_view::npos;
}

std::uint32_t code_point_offset(std::string_view utf8, std::size_t byte) {
    return static_cast<std::uint32_t>(utf8::lead_byte_count(utf8.substr(0, std::min(byte, utf8.size()))));
}

std::size_t ByteFinder::next(std::size_t from) {
    if (found_ < from || !searched_) {
        const void* at = from < text_.size() ? std::memchr(text_.data() + from, byte_, text_.size() - from) : nullptr;
        found_ = at == nullptr ? text_.size() : static_cast<std::size_t>(static_cast<const char*>(at) - text_.data());
        searched_ = true;
    }
    return found_;
}

}  // namespace fincheck::text
