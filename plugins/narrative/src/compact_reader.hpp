// The places in a block's compact text (fincheck/text/compact.hpp) where claim scanning has
// something to do.
//
// Most characters of a report are prose that holds no number. The reader classifies each
// character of the compact text once, so the scanner visits only the stops (sentence and
// clause punctuation, 其, the first digit of a number, the first character of a comparison
// word) and a block without a digit or a comparison word is not scanned. The compact text
// itself is the report's text layer (report.text()), built once by the host.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/text/compact.hpp"
#include "fincheck/text/report_text.hpp"

namespace fincheck::narrative {

using text::CompactView;

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
// A claim needs a digit (ASCII or full-width) or a comparison word, whose last character
// (平, 于, 变, 化) then appears whole in the bytes. Bytes that could start an overlong
// sequence make it answer true: the decoder would accept those as any character.
bool may_hold_claim(std::string_view utf8);
// CompactReader::ends_with_colon() of the block, read from its last characters alone.
bool ends_with_colon(std::string_view utf8);

class CompactReader {
public:
    // Reads one block of the report's text layer; the views below stay valid as long as it.
    void read(const text::BlockText& block);
    // The same for text that is not in a report (tests): compacted here, valid until the next read().
    void read(std::string_view utf8);
    // The same for text already decoded; it is scanned whole (may_hold_claim() is true).
    void read(std::u32string_view code_points);

    CompactView view() const { return block_->compact.view(); }
    // The block as written, decoded (claim spans and sentence look-backs index it).
    std::u32string_view original() const { return block_->original; }
    const std::vector<Stop>& stops() const { return stops_; }
    // False when no stop can start a claim: no digit and no comparison word opening.
    bool may_hold_claim() const { return may_hold_claim_; }
    // The last character that is not whitespace is a colon (「…主要用于以下方面：」).
    bool ends_with_colon() const;

private:
    void find_stops();
    void note_ideograph_stop(std::u32string_view compact, char32_t c, std::size_t k);

    const text::BlockText* block_ = nullptr;
    text::BlockText own_;  // the text of read(utf8) and read(code_points)
    std::vector<Stop> stops_;
    bool may_hold_claim_ = false;
};

}  // namespace fincheck::narrative
