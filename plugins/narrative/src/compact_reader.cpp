#include "compact_reader.hpp"

#include <algorithm>
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

// Byte tests that answer 0 or 1 without branching, so that the loops over a block's bytes
// below compile to vector code.
constexpr unsigned char bit(bool b) { return static_cast<unsigned char>(b); }
constexpr unsigned char ascii_digit(unsigned char c) { return bit(static_cast<unsigned char>(c - '0') < 10); }
// C0, C1, E0, F0: the lead bytes an over-long (malformed) sequence can start with.
constexpr unsigned char overlong_lead(unsigned char c) {
    return static_cast<unsigned char>(bit((c & 0xFE) == 0xC0) | bit(c == 0xE0) | bit(c == 0xF0));
}
// EF BC 90-99: a full-width digit ０-９.
constexpr unsigned char fullwidth_digit(unsigned char c0, unsigned char c1, unsigned char c2) {
    return static_cast<unsigned char>(bit(c0 == 0xEF) & bit(c1 == 0xBC) & bit(static_cast<unsigned char>(c2 - 0x90) < 10));
}

}  // namespace

bool is_sentence_end_char(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'；'; }
bool is_clause_end_char(char32_t c) { return c == U'，' || c == U'：' || c == U','; }

bool may_start_comparison(char32_t c) {
    for (const ComparisonWord& word : kComparisonWords) {
        if (word.text.front() == c) return true;
    }
    return false;
}

bool may_hold_claim(std::string_view utf8) {
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    // Digits first, 64 bytes at a time: branch-free ORs within a chunk (vector code), and a
    // block with a number early on stops looking there.
    for (std::size_t start = 0; start < n; start += 64) {
        const std::size_t end = std::min(n, start + 64);
        unsigned char digit_or_overlong = 0;
        for (std::size_t i = start; i < end; ++i)
            digit_or_overlong |= static_cast<unsigned char>(ascii_digit(b[i]) | overlong_lead(b[i]));
        if (digit_or_overlong != 0) return true;
    }
    // No digit: a comparison word's last character, or a full-width digit. Byte-wise ANDs
    // rather than && keep this loop branch-free too.
    unsigned char hit = 0;
    for (std::size_t i = 2; i < n; ++i) {
        const unsigned char c0 = b[i - 2], c1 = b[i - 1], c2 = b[i];
        const unsigned char e5 = bit(c0 == 0xE5);
        hit |= static_cast<unsigned char>(
            fullwidth_digit(c0, c1, c2)                                                                        // ０-９
            | (e5 & bit(c1 == 0xB9) & bit(c2 == 0xB3))                                                         // 平
            | (bit(c0 == 0xE4) & bit(c1 == 0xBA) & bit(c2 == 0x8E))                                            // 于
            | (e5 & bit(c1 == 0x8F) & bit(c2 == 0x98))                                                         // 变
            | (e5 & bit(c1 == 0x8C) & bit(c2 == 0x96)));                                                             // 化
    }
    return hit != 0;
}

bool has_overlong_lead(std::string_view utf8) {
    unsigned char found = 0;  // branch-free: the compiler turns this into vector code
    for (const char byte : utf8) found |= overlong_lead(static_cast<unsigned char>(byte));
    return found != 0;
}

bool has_digit(std::string_view utf8) {
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    // 64 bytes at a time, branch-free within a chunk (vector code), stopping at the first
    // chunk with a digit.
    for (std::size_t start = 0; start < n; start += 64) {
        const std::size_t end = std::min(n, start + 64);
        unsigned char digit = 0;
        for (std::size_t i = start; i < end; ++i) digit |= ascii_digit(b[i]);
        for (std::size_t i = std::max<std::size_t>(start, 2); i < end; ++i) digit |= fullwidth_digit(b[i - 2], b[i - 1], b[i]);
        if (digit != 0) return true;
    }
    return false;
}

bool ends_with_colon(std::string_view utf8) {
    // Bytes below 0x80 and lead bytes always start a character of their own (a malformed
    // sequence is replaced one byte at a time), so the whitespace and the colon at the end
    // of the bytes are the ones the decoder would read there.
    auto ends_with = [&](std::string_view tail) { return utf8.size() >= tail.size() && utf8.substr(utf8.size() - tail.size()) == tail; };
    while (!utf8.empty()) {
        const char last = utf8.back();
        if (last == ' ' || last == '\t' || last == '\n' || last == '\r') utf8.remove_suffix(1);
        else if (ends_with("\u3000") || ends_with("\u2009") || ends_with("\u202F")) utf8.remove_suffix(3);
        else if (ends_with("\u00A0")) utf8.remove_suffix(2);
        else break;
    }
    return ends_with(":") || ends_with("：");
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
    if (may_stop(c)) note_ideograph_stop(c, k);
}

// A non-ASCII character that passed the stop filter at compact index k.
void CompactReader::note_ideograph_stop(char32_t c, std::size_t k) {
    const auto at = static_cast<std::uint32_t>(k);
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
    // The hot loop keeps its counters in locals: the byte stores below may alias members.
    char32_t* const original = original_.data();
    char32_t* const text = text_.data();
    std::uint32_t* const offset = offset_.data();
    std::uint8_t* const space_before = space_before_.data();
    std::size_t o = 0, k = 0;
    bool pending_space = false;
    std::size_t i = 0;
    while (i < n) {
        const unsigned char lead = bytes[i];
        // Most of a block is CJK ideographs (U+4000–U+9FFF, lead bytes E4–E9): never
        // whitespace, folded to themselves, a stop only where the filter allows.
        if (lead >= 0xE4 && lead <= 0xE9 && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
            const auto c = static_cast<char32_t>(((lead & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
            i += 3;
            original[o] = c;
            text[k] = c;
            offset[k] = static_cast<std::uint32_t>(o);
            space_before[k] = pending_space ? 1 : 0;
            pending_space = false;
            if (may_stop(c)) note_ideograph_stop(c, k);
            ++o;
            ++k;
            continue;
        }
        original_size_ = o;
        size_ = k;
        pending_space_ = pending_space;
        accept(next_code_point(bytes, n, i));
        o = original_size_;
        k = size_;
        pending_space = pending_space_;
    }
    original_size_ = o;
    size_ = k;
    pending_space_ = pending_space;
    if (!may_hold_claim_) {
        // No digit: only a whole comparison word makes a claim. Its characters are all in
        // the compact text now, so test the words where they may start.
        const std::u32string_view compact = view().text;
        for (const Stop& stop : stops_) {
            if (stop.kind != StopKind::comparison_start) continue;
            for (const ComparisonWord& word : kComparisonWords) {
                if (compact.substr(stop.at, word.text.size()) == word.text) may_hold_claim_ = true;
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
