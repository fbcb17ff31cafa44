// Placeholder marks left from a template: runs of two or more X/x/×/Ｘ/ｘ/✕ not part of a
// Latin word or a product of numbers, and runs of two or more 〇/○ not part of a Chinese
// numeral (二〇〇八). Fed one code point at a time, so the text scanner finds them in the
// same pass that finds the phrases.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace fincheck::structure {

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

enum class MarkKind : std::uint8_t { none, x, circle };

constexpr MarkKind mark_kind(char32_t c) {
    if (c == U'X' || c == U'x' || c == U'×' || c == U'Ｘ' || c == U'ｘ' || c == U'✕') return MarkKind::x;
    if (c == U'〇' || c == U'○') return MarkKind::circle;
    return MarkKind::none;
}

// Code points that can start a mark, for a scanner's first-character filter.
inline constexpr char32_t kMarkCodePoints[] = {U'X', U'x', U'×', U'Ｘ', U'ｘ', U'✕', U'〇', U'○'};

// Follows the runs of marks through a text. Call `step` for every code point in order with
// its byte span (the caller has already established that a code point which is not a mark
// cannot start a run: it may skip `step` for it only while `in_run()` is false) and `finish`
// at the end. Each run that reads as a placeholder is passed to `found`.
class MarkRuns {
public:
    bool in_run() const { return kind_ != MarkKind::none; }

    template <class Found>
    void step(char32_t cp, std::size_t begin, std::size_t end, Found&& found) {
        const MarkKind kind = mark_kind(cp);
        if (in_run()) {
            if (kind == kind_) {
                ++length_;
                run_end_ = end;
                previous_ = cp;
                return;
            }
            close(cp, found);
        }
        if (kind != MarkKind::none) {
            kind_ = kind;
            length_ = 1;
            run_begin_ = begin;
            run_end_ = end;
            before_ = previous_;
        }
        previous_ = cp;
    }
    // For code points the caller skipped while no run was open: only the last one matters,
    // as the character before the next run.
    void skipped(char32_t cp) { previous_ = cp; }

    template <class Found>
    void finish(Found&& found) {
        if (in_run()) close(U' ', found);
    }

private:
    template <class Found>
    void close(char32_t after, Found&& found) {
        if (placeholder(after)) found(Span{run_begin_, run_end_});
        kind_ = MarkKind::none;
    }
    bool placeholder(char32_t after) const;

    MarkKind kind_ = MarkKind::none;
    std::size_t length_ = 0;
    std::size_t run_begin_ = 0;
    std::size_t run_end_ = 0;
    char32_t before_ = U' ';
    char32_t previous_ = U' ';
};

// Byte spans of all placeholder marks in `text`.
std::vector<Span> find_placeholder_marks(std::string_view text);

}  // namespace fincheck::structure
