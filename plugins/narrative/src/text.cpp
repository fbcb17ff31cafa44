#include "text.hpp"

namespace fincheck::narrative {

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto lead = static_cast<unsigned char>(s[i]);
        int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + static_cast<std::size_t>(length) > s.size()) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t cp = length == 1 ? lead : static_cast<char32_t>(lead & (0xFF >> (length + 1)));
        bool ok = true;
        for (int k = 1; k < length; ++k) {
            auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((c & 0xC0) != 0x80) { ok = false; break; }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) { out.push_back(U'\uFFFD'); ++i; continue; }
        out.push_back(cp);
        i += static_cast<std::size_t>(length);
    }
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
    out.text.reserve(original.size());
    out.offset.reserve(original.size());
    out.space_before.reserve(original.size());
    out.original_length = static_cast<std::uint32_t>(original.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < original.size(); ++i) {
        char32_t c = original[i];
        if (is_space(c)) { pending_space = true; continue; }
        out.text.push_back(fold(c));
        out.offset.push_back(static_cast<std::uint32_t>(i));
        out.space_before.push_back(pending_space ? 1 : 0);
        pending_space = false;
    }
    return out;
}

std::u32string normalize_phrase(std::u32string_view phrase) {
    std::u32string out;
    out.reserve(phrase.size());
    for (char32_t raw : phrase) {
        char32_t c = fold(raw);
        if (is_space(c)) continue;
        if (c == U'“' || c == U'”' || c == U'"' || c == U'‘' || c == U'’' || c == U'\'' || c == U'、') continue;
        out.push_back(c);
    }
    for (std::u32string_view marker : {U"（类）", U"（款）", U"（项）"}) {
        for (auto at = out.find(marker); at != std::u32string::npos; at = out.find(marker)) out.erase(at, marker.size());
    }
    for (auto at = out.find(U"支出支出"); at != std::u32string::npos; at = out.find(U"支出支出")) out.erase(at, 2);
    return out;
}

bool contains(std::u32string_view text, std::u32string_view word) { return text.find(word) != std::u32string_view::npos; }
bool ends_with(std::u32string_view text, std::u32string_view word) {
    return text.size() >= word.size() && text.substr(text.size() - word.size()) == word;
}
bool starts_with(std::u32string_view text, std::u32string_view word) {
    return text.size() >= word.size() && text.substr(0, word.size()) == word;
}

}  // namespace fincheck::narrative
