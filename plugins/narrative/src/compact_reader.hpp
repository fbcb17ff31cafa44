// One pass over a block's UTF-8 bytes: decode, drop whitespace, fold (the compact view of
// text.hpp), and note the few places where claim scanning has something to do.
//
// The scanner used to decode a block to code points, compact that copy, then walk every
// compact character; most characters of a report are prose that holds no number. Here the
// decoder itself classifies each character it writes, so the scanner visits only the stops
// (sentence and clause punctuation, 其, the first digit of a number, the first character
// of a comparison word) and a block without a digit or a comparison word is not scanned.
// The buffers belong to the reader and are reused from block to block and report to report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fincheck::narrative {

// The compact text of one block and, per compact character, its code-point offset in the
// original and whether whitespace was dropped right before it.
struct CompactView {
    std::u32string_view text;
    const std::uint32_t* offset = nullptr;
    const std::uint8_t* space_before = nullptr;
};

// Why the scanner stops at a compact character. Each character has at most one kind.
enum class StopKind : std::uint8_t {
    sentence_end,      // 。！？； (and ! ? ; folded)
    clause_end,        // ，： and ASCII ',' (which a number may still take as a thousands separator)
    qi,                // 其, which opens 其中 when 中 follows
    number_start,      // a digit not preceded by a digit or '.'
    comparison_start,  // the first character of some comparison word (the word itself is checked later)
};

struct Stop {
    std::uint32_t at;  // compact index
    StopKind kind;
};

// Character classes the reader and the scanner share.
bool is_sentence_end_char(char32_t c);
bool is_clause_end_char(char32_t c);
// True when `c` is the first character of some comparison word (持平, 大于, …).
bool may_start_comparison(char32_t c);

// A test on the raw bytes, before any decoding: false when the block cannot hold a claim.
// A claim needs a digit (ASCII, or full-width ０-９ = EF BC 90-99) or a comparison word,
// whose last character (平, 于, 变, 化) then appears whole in the bytes. Bytes that could
// start an overlong sequence (C0, C1, E0, F0) make it answer true: the decoder would accept
// those as any character.
bool may_hold_claim(std::string_view utf8);
// True when some byte could open an overlong sequence (C0, C1, E0, F0), which the lenient
// decoder would read as any character: byte searches for a character are then not enough.
bool has_overlong_lead(std::string_view utf8);
// True when the bytes hold an ASCII digit or a full-width one (EF BC 90-99).
bool has_digit(std::string_view utf8);
// CompactReader::ends_with_colon() of the block, read from its last bytes alone.
bool ends_with_colon(std::string_view utf8);

class CompactReader {
public:
    // Reads one block. The views returned below stay valid until the next read().
    void read(std::string_view utf8);
    // The same for text already decoded (tests and callers that hold code points).
    void read(std::u32string_view code_points);

    CompactView view() const { return {std::u32string_view(text_.data(), size_), offset_.data(), space_before_.data()}; }
    // The block as written, decoded (claim spans and sentence look-backs index it).
    std::u32string_view original() const { return {original_.data(), original_size_}; }
    const std::vector<Stop>& stops() const { return stops_; }
    // False when no stop can start a claim: no digit and no comparison word opening.
    bool may_hold_claim() const { return may_hold_claim_; }
    // The last character that is not whitespace is a colon (「…主要用于以下方面：」).
    bool ends_with_colon() const;

private:
    void reserve(std::size_t code_points);
    void accept(char32_t c);
    void note_ideograph_stop(char32_t c, std::size_t k);

    std::u32string text_;
    std::vector<std::uint32_t> offset_;
    std::vector<std::uint8_t> space_before_;
    std::u32string original_;
    std::vector<Stop> stops_;
    std::size_t size_ = 0;
    std::size_t original_size_ = 0;
    bool pending_space_ = false;
    bool may_hold_claim_ = false;
};

}  // namespace fincheck::narrative
