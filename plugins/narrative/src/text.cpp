#include "text.hpp"

namespace fincheck::narrative {

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

bool ends_with(std::u32string_view text, std::u32string_view word) {
    return text.size() >= word.size() && text.substr(text.size() - word.size()) == word;
}
bool starts_with(std::u32string_view text, std::u32string_view word) {
    return text.size() >= word.size() && text.substr(0, word.size()) == word;
}

}  // namespace fincheck::narrative
