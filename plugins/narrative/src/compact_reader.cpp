#include "compact_reader.hpp"

#include <array>

#include "comparison_words.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

// A 1024-bit filter on the low bits of every non-ASCII character that can be a stop:
// most Chinese characters of a block fail it with one load and one test.
using StopFilter = std::array<std::uint64_t, 16>;

constexpr void add_to_filter(StopFilter& filter, char32_t c) { filter[(c >> 6) & 15U] |= std::uint64_t{1} << (c & 63U); }

constexpr StopFilter kStopFilter = [] {
    StopFilter filter{};
    for (char32_t c : std::u32string_view(U"。！？；，：中")) add_to_filter(filter, c);
    for (const ComparisonWord& word : kComparisonWords) add_to_filter(filter, word.text.front());
    return filter;
}();

constexpr bool may_stop(char32_t c) { return ((kStopFilter[(c >> 6) & 15U] >> (c & 63U)) & 1U) != 0; }

}  // namespace

bool is_sentence_end_char(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'；'; }
bool is_clause_end_char(char32_t c) { return c == U'，' || c == U'：' || c == U','; }

bool may_start_comparison(char32_t c) {
    for (const ComparisonWord& word : kComparisonWords) {
        if (word.text.front() == c) return true;
    }
    return false;
}

void CompactReader::reserve(std::size_t code_points) {
    // Grow only: a buffer sized for the longest block so far serves every later one.
    if (text_.size() < code_points) {
        text_.resize(code_points);
        offset_.resize(code_points);
        space_before_.resize(code_points);
        original_.resize(code_points);
    }
    size_ = 0;
    original_size_ = 0;
    pending_space_ = false;
    may_hold_claim_ = false;
    stops_.clear();
}

// Takes one code point of the block: keeps it in the original, and unless it is whitespace
// writes it folded to the compact text, noting a stop when the scanner has work there.
inline void CompactReader::accept(char32_t raw) {
    const std::size_t index = original_size_++;
    original_[index] = raw;
    if (is_space(raw)) {
        pending_space_ = true;
        return;
    }
    const char32_t c = fold(raw);
    const std::size_t k = size_++;
    const auto at = static_cast<std::uint32_t>(k);
    text_[k] = c;
    offset_[k] = static_cast<std::uint32_t>(index);
    space_before_[k] = pending_space_ ? 1 : 0;
    pending_space_ = false;
    if (c < 0x80) {
        if (is_digit(c)) {
            // A digit right after a digit or '.' continues a number the scanner reads from its start.
            if (k == 0 || (!is_digit(text_[k - 1]) && text_[k - 1] != U'.')) {
                stops_.push_back({at, StopKind::number_start});
                may_hold_claim_ = true;
            }
        } else if (c == U',') {
            stops_.push_back({at, StopKind::clause_end});
        }
        return;
    }
    if (!may_stop(c)) return;
    if (is_sentence_end_char(c)) {
        stops_.push_back({at, StopKind::sentence_end});
    } else if (c == U'，' || c == U'：') {
        stops_.push_back({at, StopKind::clause_end});
    } else if (c == U'中') {
        // 其中: the stop sits on 其, where the scanner has always noted it. No stop lies
        // between the two characters, so the stops stay in order.
        if (k > 0 && text_[k - 1] == U'其') stops_.push_back({at - 1, StopKind::qi});
    } else if (may_start_comparison(c)) {
        stops_.push_back({at, StopKind::comparison_start});
    }
}

void CompactReader::read(std::string_view utf8) {
    reserve(utf8.size());  // never more code points than bytes
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n;) accept(next_code_point(bytes, n, i));
    if (!may_hold_claim_) {
        // No digit: only a whole comparison word makes a claim. Its characters are all in
        // the compact text now, so test the words where they may start.
        const std::u32string_view text = view().text;
        for (const Stop& stop : stops_) {
            if (stop.kind != StopKind::comparison_start) continue;
            for (const ComparisonWord& word : kComparisonWords) {
                if (text.substr(stop.at, word.text.size()) == word.text) may_hold_claim_ = true;
            }
            if (may_hold_claim_) break;
        }
    }
}

void CompactReader::read(std::u32string_view code_points) {
    reserve(code_points.size());
    for (char32_t c : code_points) accept(c);
    // Text handed in decoded is scanned whole: no claim is skipped on this path.
    may_hold_claim_ = true;
}

bool CompactReader::ends_with_colon() const { return size_ > 0 && text_[size_ - 1] == U'：'; }

}  // namespace fincheck::narrative
