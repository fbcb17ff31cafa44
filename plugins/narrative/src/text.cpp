#include "text.hpp"

namespace fincheck::narrative {

char32_t next_code_point_slow(const unsigned char* bytes, std::size_t n, std::size_t& i) {
    const unsigned char lead = bytes[i];
    const std::size_t length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    bool ok = length != 0 && i + length <= n;
    auto cp = static_cast<char32_t>(lead & (0xFF >> (length + 1)));
    for (std::size_t k = 1; ok && k < length; ++k) {
        const unsigned char c = bytes[i + k];
        ok = (c & 0xC0) == 0x80;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
        ++i;
        return U'\uFFFD';
    }
    i += length;
    return cp;
}

// Decodes into a buffer sized for the worst case (one code point per byte) and trims it:
// one allocation per text, no per-character capacity checks.
std::u32string to_u32(std::string_view s) {
    std::u32string out(s.size(), U'\0');
    char32_t* write = out.data();
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) *write++ = next_code_point(bytes, n, i);
    out.resize(static_cast<std::size_t>(write - out.data()));
    return out;
}

std::string to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

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
        char32_t c = original[i];
        if (is_space(c)) { pending_space = 1; continue; }
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

std::u32string normalize_phrase(std::u32string_view phrase) {
    std::u32string out(phrase.size(), U'\0');
    std::size_t kept = 0;
    bool bracket = false, expense = false;  // whether the marker and 支出支出 passes can match
    for (char32_t raw : phrase) {
        char32_t c = fold(raw);
        if (is_space(c)) continue;
        if (c == U'“' || c == U'”' || c == U'"' || c == U'‘' || c == U'’' || c == U'\'' || c == U'、') continue;
        bracket = bracket || c == U'（';
        expense = expense || c == U'支';
        out[kept++] = c;
    }
    out.resize(kept);
    if (bracket) {
        for (std::u32string_view marker : {U"（类）", U"（款）", U"（项）"}) {
            // An erase can join a new marker just before `at`: look again from there.
            for (auto at = out.find(marker); at != std::u32string::npos; at = out.find(marker, at < 2 ? 0 : at - 2))
                out.erase(at, marker.size());
        }
    }
    if (expense) {
        for (auto at = out.find(U"支出支出"); at != std::u32string::npos; at = out.find(U"支出支出", at < 3 ? 0 : at - 3))
            out.erase(at, 2);
    }
    return out;
}

bool contains(std::u32string_view text, std::u32string_view word) { return text.find(word) != std::u32string_view::npos; }

namespace {
// Whitespace bytes normalize_phrase drops: ASCII blanks and U+3000 (E3 80 80). Returns the
// length of the blank at text[k], 0 if none.
std::size_t blank_length(std::string_view text, std::size_t k) {
    char c = text[k];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c == '\xE3' && k + 2 < text.size() && text[k + 1] == '\x80' && text[k + 2] == '\x80') return 3;
    return 0;
}
}  // namespace

bool contains_utf8(std::string_view text, std::string_view word) {
    if (word.empty()) return true;
    for (std::size_t at = text.find(word.front()); at != std::string_view::npos; at = text.find(word.front(), at + 1)) {
        std::size_t k = at, j = 0;
        while (j < word.size() && k < text.size()) {
            if (text[k] == word[j]) { ++k; ++j; continue; }
            // A blank may sit between two characters of the word, never inside one.
            std::size_t blank = j > 0 && (static_cast<unsigned char>(word[j]) & 0xC0) != 0x80 ? blank_length(text, k) : 0;
            if (blank == 0) break;
            k += blank;
        }
        if (j == word.size()) return true;
    }
    return false;
}
bool ends_with(std::u32string_view text, std::u32string_view word) {
    return text.size() >= word.size() && text.substr(text.size() - word.size()) == word;
}
bool starts_with(std::u32string_view text, std::u32string_view word) {
    return text.size() >= word.size() && text.substr(0, word.size()) == word;
}

}  // namespace fincheck::narrative
