#include "fincheck/text/compact.hpp"

#include <algorithm>

#include "fincheck/text/chars.hpp"
#include "fincheck/text/decode.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::text {

CompactText compact(std::u32string_view original) {
    CompactText out;
    const std::size_t n = original.size();
    out.text.resize(n);
    out.offset.resize(n);
    out.space_before.resize(n);
    out.original_length = static_cast<std::uint32_t>(n);
    std::size_t kept = 0;
    std::uint8_t pending_space = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = original[i];
        if (is_whitespace(c)) {
            pending_space = 1;
            continue;
        }
        out.text[kept] = fold(c);
        out.offset[kept] = static_cast<std::uint32_t>(i);
        out.space_before[kept] = pending_space;
        pending_space = 0;
        ++kept;
    }
    out.text.resize(kept);
    out.offset.resize(kept);
    out.space_before.resize(kept);
    return out;
}

CompactText compact(std::string_view utf8) { return compact(std::u32string_view(decode(utf8))); }

void compare_key_into(std::string_view utf8, std::u32string& out, std::size_t max_bytes) {
    const std::size_t limit = std::min(max_bytes, utf8.size());
    out.resize(limit);  // at most one code point per byte; written in place, trimmed below
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < limit;) {
        const char32_t cp = next_code_point(bytes, utf8.size(), pos);
        if (pos > limit) break;  // the character runs past the prefix
        if (!is_key_space(cp)) out[n++] = narrow(cp);
    }
    out.resize(n);
}

std::u32string compare_key(std::string_view utf8) {
    std::u32string out;
    compare_key_into(utf8, out);
    return out;
}

bool compare_key_equals(std::string_view text, std::string_view word) {
    std::size_t pos = 0;
    std::size_t at = 0;
    while (true) {
        char32_t cp = 0;
        bool have = false;
        while (pos < text.size()) {
            cp = utf8::next_code_point(text, pos);
            if (!is_key_space(cp)) {
                have = true;
                break;
            }
        }
        if (!have) return at == word.size();
        if (at == word.size() || narrow(cp) != utf8::next_code_point(word, at)) return false;
    }
}

namespace {

// Length of the blank contains_spaced skips at utf8[k], 0 if none.
std::size_t blank_length(std::string_view utf8, std::size_t k) {
    const char c = utf8[k];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c == '\xE3' && k + 2 < utf8.size() && utf8[k + 1] == '\x80' && utf8[k + 2] == '\x80') return 3;
    return 0;
}

}  // namespace

bool contains_spaced(std::string_view utf8, std::string_view word) {
    if (word.empty()) return true;
    for (std::size_t at = utf8.find(word.front()); at != std::string_view::npos; at = utf8.find(word.front(), at + 1)) {
        std::size_t k = at, j = 0;
        while (j < word.size() && k < utf8.size()) {
            if (utf8[k] == word[j]) {
                ++k;
                ++j;
                continue;
            }
            // A blank may sit between two characters of the word, never inside one.
            const std::size_t blank = j > 0 && !utf8::is_continuation(word[j]) ? blank_length(utf8, k) : 0;
            if (blank == 0) break;
            k += blank;
        }
        if (j == word.size()) return true;
    }
    return false;
}

namespace {

// Past the spaces equal_ignoring_spaces drops (' ', tab, U+3000) at byte `i`.
std::size_t skip_label_spaces(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t') ++i;
        else if (s.compare(i, 3, "\u3000") == 0) i += 3;
        else break;
    }
    return i;
}

}  // namespace

bool equal_ignoring_spaces(std::string_view a, std::string_view b) {
    std::size_t i = skip_label_spaces(a, 0);
    std::size_t j = skip_label_spaces(b, 0);
    while (i < a.size() && j < b.size()) {
        if (a[i] != b[j]) return false;
        i = skip_label_spaces(a, i + 1);
        j = skip_label_spaces(b, j + 1);
    }
    return i == a.size() && j == b.size();
}

std::string remove_spaces(std::string_view utf8) {
    // Byte-wise: the spaces dropped are ASCII space and tab, U+00A0 (C2 A0), U+2009 and
    // U+202F (E2 80 89 / E2 80 AF) and U+3000 (E3 80 80); no other sequence starts alike.
    std::string out;
    out.reserve(utf8.size());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if (c == ' ' || c == '\t') continue;
        if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(utf8[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        if ((c == 0xE2 || c == 0xE3) && i + 2 < n && static_cast<unsigned char>(utf8[i + 1]) == 0x80) {
            auto third = static_cast<unsigned char>(utf8[i + 2]);
            if ((c == 0xE3 && third == 0x80) || (c == 0xE2 && (third == 0x89 || third == 0xAF))) {
                i += 2;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

namespace {

// Byte length of the line space at utf8[pos], 0 when there is none.
std::size_t line_space_at(std::string_view utf8, std::size_t pos) {
    std::size_t next = pos;
    const char32_t cp = utf8::next_code_point(utf8, next);
    return is_line_space(cp) ? next - pos : 0;
}

bool is_ascii_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string_view trim(std::string_view utf8) {
    std::size_t begin = 0;
    while (begin < utf8.size()) {
        const std::size_t n = line_space_at(utf8, begin);
        if (n == 0) break;
        begin += n;
    }
    std::size_t end = utf8.size();
    while (end > begin) {
        // Step back to the start of the last code point.
        std::size_t start = end - 1;
        while (start > begin && utf8::is_continuation(utf8[start])) --start;
        if (line_space_at(utf8, start) != end - start) break;
        end = start;
    }
    return utf8.substr(begin, end - begin);
}

std::string_view trim_ascii(std::string_view text) {
    while (!text.empty() && is_ascii_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_blank(text.back())) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split_list(std::string_view text, char separator) {
    std::vector<std::string_view> items;
    while (true) {
        const std::size_t at = text.find(separator);
        const std::string_view item = trim_ascii(text.substr(0, at));
        if (!item.empty()) items.push_back(item);
        if (at == std::string_view::npos) break;
        text.remove_prefix(at + 1);
    }
    return items;
}

std::size_t skip_spaces(std::string_view utf8, std::size_t pos) {
    while (pos < utf8.size()) {
        const auto c = static_cast<unsigned char>(utf8[pos]);
        if (c == ' ' || c == '\t') ++pos;
        else if (c == 0xE3 && utf8.substr(pos, 3) == "\u3000") pos += 3;
        else if (c == 0xC2 && utf8.substr(pos, 2) == "\u00A0") pos += 2;
        else break;
    }
    return pos;
}

std::size_t skip_spaces_back(std::string_view utf8, std::size_t end) {
    while (end > 0) {
        const std::string_view head = utf8.substr(0, end);
        if (head.back() == ' ' || head.back() == '\t') --end;
        else if (head.ends_with("\u3000")) end -= 3;
        else if (head.ends_with("\u00A0")) end -= 2;
        else break;
    }
    return end;
}

}  // namespace fincheck::text
