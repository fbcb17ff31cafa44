// One pass over every text of a report finds what structure-placeholder-text and
// structure-wrong-level look for: all their phrases (instructions to the template's author,
// wording of another administrative level) and the first placeholder mark. The phrases are
// indexed once, when the plugin starts, by the hash of their first character; the pass
// decodes each character once and tests one bit for most of them. The result is a
// per-report analysis (Report::derived) the two rules share. ASCII and three-byte characters
// that start nothing (nearly all) are stepped over after one bit test; the character before a
// run of marks, which the mark rules look at, is decoded only when a run starts.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "phrase_data.hpp"
#include "placeholder_marks.hpp"
#include "report_text.hpp"

namespace fincheck::structure {

struct PhraseHit {
    std::uint32_t phrase = 0;  // index into TextScanner::phrases()
    std::uint32_t begin = 0;   // byte offset in the text
};

// A text in which something was found.
struct TextHits {
    TextRef ref;
    std::optional<Span> first_mark;  // the earliest placeholder mark
    std::uint32_t first_hit = 0;     // this text's hits: ReportScan::hits[first_hit, first_hit + hit_count)
    std::uint32_t hit_count = 0;     // by position, at one position empty phrases first, then by index
};

struct ReportScan {
    std::vector<TextHits> texts;  // document order (see for_each_text with cells)
    std::vector<PhraseHit> hits;
};

class TextScanner {
public:
    enum class Use : std::uint8_t { instruction, wrong_level };
    struct Phrase {
        std::string text;
        Use use = Use::instruction;
        std::size_t group = 0;  // index into PhraseData::instructions or ::wrong_level
    };

    // Instruction phrases first (data order), then the wrong-level phrases (data order).
    explicit TextScanner(const PhraseData& data);

    const std::vector<Phrase>& phrases() const { return phrases_; }

    // The scan of every text of `report`, computed once per report and scanner.
    const ReportScan& scan(const Report& report) const;

    // The hits and first mark of one text (exposed for tests).
    void scan_text(std::string_view text, std::vector<PhraseHit>& hits, std::optional<Span>& first_mark) const;

private:
    struct Start {
        char32_t first = 0;                  // first code point of the phrases below
        std::vector<std::uint32_t> phrases;  // ascending
    };
    static std::size_t slot(char32_t cp) { return (cp * 0x9E3779B1u) >> 20 & (kSlots - 1); }
    bool may_start(char32_t cp) const { return (filter_[slot(cp) / 64] >> (slot(cp) % 64) & 1u) != 0; }
    const Start* start_for(char32_t cp) const;

    // Exactly the code points below U+10000 that start a phrase or a mark: the pass tests
    // ASCII and three-byte characters against it before anything else, and most of them
    // need nothing more.
    bool starts_something(std::uint32_t cp) const { return (exact_[cp >> 6] >> (cp & 63) & 1u) != 0; }

    static constexpr std::size_t kSlots = 4096;
    std::array<std::uint64_t, 0x10000 / 64> exact_{};
    std::vector<Phrase> phrases_;
    std::vector<std::uint32_t> empty_phrases_;  // match at the start of any non-empty text
    std::vector<Start> starts_;                 // sorted by first code point
    std::array<std::uint64_t, kSlots / 64> filter_{};  // set for phrase first characters and marks
};

}  // namespace fincheck::structure
