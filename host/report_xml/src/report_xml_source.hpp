// The report XML reader's view of its input: the character check every byte goes through
// before pugixml sees it, and what the error messages need to point at a line and column
// once pugixml has parsed the buffer in place.
//
// The in-situ parse rewrites the buffer. Everywhere it writes a NUL over an ASCII delimiter
// (the byte after a name, a closing quote, the '<' after text) and turns tabs and line ends
// inside attribute values into spaces; neither changes how many characters precede an
// offset on its line or where a name is spelled. Only entity and character references ('&')
// and CR line ends ('\r') move bytes, so the lines holding one are copied before the parse,
// and the line ends are recorded during the character check. That replaces a copy of the
// whole input, kept only for the rare load that fails.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define FINCHECK_REPORT_XML_AVX2 1
#endif

#include "fincheck/utf8.hpp"
#include "report_xml_names.hpp"

namespace fincheck::report_xml {

// Offset of the first byte at or after `from` that is not printable ASCII (a control
// character, tab and line ends included, or any byte of a multi-byte sequence), or n.
// Eight bytes at a time: a report is mostly markup, figures and indentation.
inline std::size_t skip_printable_ascii(const unsigned char* p, std::size_t from, std::size_t n) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t i = from;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, p + i, 8);
        // A byte at 0x80 or above sets its own high bit; a byte below 0x20 sets the high bit
        // of (byte - 0x20) where the byte's own is clear. A borrow can only mark bytes above
        // a byte that is marked itself, so the lowest mark is exact.
        const std::uint64_t marks = (word | ((word - 0x20 * kOnes) & ~word)) & kHighBits;
        if (marks != 0) {
            if constexpr (std::endian::native == std::endian::little)
                return i + static_cast<std::size_t>(std::countr_zero(marks)) / 8;
            break;
        }
    }
    while (i < n && p[i] >= 0x20 && p[i] < 0x80) ++i;
    return i;
}

// Offset of the first byte at or after `from` that does not start a three-byte XML character
// (U+1000–U+FFFD without the surrogates: all of CJK), or n. Only the lead bytes E0 (whose
// short second bytes would be overlong) and ED (surrogates), and U+FFFE/U+FFFF (EF BF BE/BF)
// need more than the bit pattern; those, like anything else, are left to the general path.
inline std::size_t skip_three_byte_characters(const unsigned char* p, std::size_t from, std::size_t n) {
    std::size_t i = from;
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 4 <= n; i += 3) {
            std::uint32_t word;
            std::memcpy(&word, p + i, 4);  // the lead in the low byte
            if ((word & 0xC0C0F0u) != 0x8080E0u) break;
            const std::uint32_t lead = word & 0xFFu;
            if (lead == 0xE0 || lead == 0xED || (word & 0xFEFFFFu) == 0xBEBFEFu) break;
        }
    }
    return i;
}

// How SourceText::scan() checks whole blocks before its character-at-a-time path: not at
// all (the portable path, the reference the others are tested against), 16 bytes at a time
// with SSE2 (part of x86-64), or 32 with AVX2 (chosen at run time when the CPU has it).
enum class BlockCheck : std::uint8_t { none, sse2, avx2 };

#if defined(__SSE2__)
// Accepts 16-byte blocks made only of printable ASCII, tab, LF, CR and three-byte
// characters with lead E1–EC, EE or EF (not EF BF BE/BF) — the text of a report, Chinese
// or not — recording the line ends; returns the offset of the character where a block
// holds anything else, which the general path then checks. Blocks follow each other
// without gaps, whatever the characters: what a character cut by the end of a block
// still owes the next block is carried in bit masks, so no load waits on the previous
// block's result. SSE2 is part of x86-64: this needs no run-time dispatch.
inline std::size_t skip_common_blocks_sse2(const unsigned char* p, std::size_t i, std::size_t n,
                                           std::vector<std::size_t>& line_ends) {
    const auto byte = [](int value) { return _mm_set1_epi8(static_cast<char>(value)); };
    const auto mask = [](__m128i lanes) { return static_cast<std::uint32_t>(_mm_movemask_epi8(lanes)); };
    std::uint32_t owed = 0;      // continuation bytes the previous block's last lead announced
    std::uint32_t owed_ef = 0;   // bit 0: EF BF ended that block; bit 1: EF ended it
    // Where the general path must start: the lead of a character still owed bytes.
    const auto character_start = [&](std::size_t at) { return owed == 0 ? at : owed == 1 ? at - 2 : at - 1; };
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // Signed byte comparisons: 00–7F are non-negative, 80–FF negative.
        const std::uint32_t below_space = mask(_mm_cmplt_epi8(v, byte(0x20)));  // 00–1F, 80–FF
        if ((below_space | owed) == 0) continue;  // printable ASCII: markup, figures, indentation
        const std::uint32_t high = mask(v);                                       // 80–FF
        const std::uint32_t continuation = mask(_mm_cmplt_epi8(v, byte(0xC0)));    // 80–BF
        const std::uint32_t from_e0 = mask(_mm_cmpgt_epi8(v, byte(0xDF))) & high;  // E0–FF
        const std::uint32_t from_f0 = mask(_mm_cmpgt_epi8(v, byte(0xEF))) & high;  // F0–FF
        const std::uint32_t lead3 = from_e0 & ~from_f0;
        const std::uint32_t announced = (lead3 << 1) | (lead3 << 2) | owed;
        bool other = (high & ~continuation & ~from_e0) != 0 || from_f0 != 0;  // C0–DF, F0–FF
        other |= (announced & 0xFFFFu) != continuation;  // continuations exactly where announced
        if (lead3 != 0)
            other |= mask(_mm_or_si128(_mm_cmpeq_epi8(v, byte(0xE0)), _mm_cmpeq_epi8(v, byte(0xED)))) != 0;
        // EF BF BE / EF BF BF is U+FFFE / U+FFFF; EF also leads the common full-width forms.
        const std::uint32_t ef = lead3 != 0 ? mask(_mm_cmpeq_epi8(v, byte(0xEF))) : 0;
        if ((ef | owed_ef) != 0) {
            const std::uint32_t bf = mask(_mm_cmpeq_epi8(v, byte(0xBF)));
            const std::uint32_t be_or_bf = bf | mask(_mm_cmpeq_epi8(v, byte(0xBE)));
            other |= (((ef << 1) & bf & (be_or_bf >> 1)) != 0) || ((owed_ef & 1) && (be_or_bf & 1)) ||
                     ((owed_ef & 2) && (bf & 1) && (be_or_bf & 2));
            owed_ef = (((ef << 1) & bf) >> 15 & 1) | ((ef >> 15 & 1) << 1);
        }
        const std::uint32_t control = below_space & ~high;
        std::uint32_t lf = 0;
        if (control != 0) {
            lf = mask(_mm_cmpeq_epi8(v, byte('\n')));
            const std::uint32_t allowed =
                lf | mask(_mm_or_si128(_mm_cmpeq_epi8(v, byte('\t')), _mm_cmpeq_epi8(v, byte('\r'))));
            other |= (control & ~allowed) != 0;
        }
        if (other) return character_start(i);
        for (; lf != 0; lf &= lf - 1) line_ends.push_back(i + static_cast<std::size_t>(std::countr_zero(lf)));
        owed = announced >> 16;
    }
    return character_start(i);
}
#endif

#if defined(FINCHECK_REPORT_XML_AVX2)
// What skip_common_blocks_sse2 accepts, 32 bytes at a time, for CPUs with AVX2 (chosen at run
// time: AVX2 is not part of baseline x86-64). Nearly every block of a report holds a line end
// or a CJK character, so the work is done across the whole vector rather than on one bit
// mask per byte class: each byte is compared with the one and two bytes before it (the last
// bytes of the previous block included), and one mask says whether anything is refused.
__attribute__((target("avx2"))) inline std::size_t skip_common_blocks_avx2(const unsigned char* p, std::size_t i,
                                                                         std::size_t n,
                                                                         std::vector<std::size_t>& line_ends) {
#define FINCHECK_BYTE(value) _mm256_set1_epi8(static_cast<char>(value))
#define FINCHECK_EQ(a, value) _mm256_cmpeq_epi8(a, FINCHECK_BYTE(value))
// Bytes in [low, high] (unsigned, both within 81–FE): signed comparisons, 80–FF being negative.
#define FINCHECK_IN(a, low, high) \
    _mm256_and_si256(_mm256_cmpgt_epi8(a, FINCHECK_BYTE((low) - 1)), _mm256_cmpgt_epi8(FINCHECK_BYTE((high) + 1), a))
    __m256i previous_lead3 = _mm256_setzero_si256();  // three-byte leads of the block before
    __m256i previous = _mm256_setzero_si256();        // and its bytes
    std::uint32_t pending = 0;  // bit 0: a three-byte lead in lane 30 of that block; bit 1: in lane 31
    // LF, CR and tab map to themselves, every other byte to something else: pshufb looks up
    // the low four bits of a byte (and gives 0 for bytes from 80), 0xFF never equals them.
    const __m256i allowed_controls = _mm256_setr_epi8(
        -1, -1, -1, -1, -1, -1, -1, -1, -1, '\t', '\n', -1, -1, '\r', -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, '\t', '\n', -1, -1, '\r', -1, -1);
    // Line ends go to a local array, appended to `line_ends` once per stretch of 64 blocks: a
    // call inside the loop (vector growth) would have every constant reloaded per block.
    constexpr std::size_t kStretch = 64 * 32;
    std::size_t ends[kStretch];
    bool refused_block = false;
    while (i + 32 <= n && !refused_block) {
        const std::size_t stretch_end = std::min(n, i + kStretch);
        std::size_t count = 0;
        for (; i + 32 <= stretch_end; i += 32) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
            // 00–1F and 80–FF compare below 0x20 as signed bytes: printable ASCII is all others.
            const __m256i below_space = _mm256_cmpgt_epi8(FINCHECK_BYTE(0x20), v);
            if ((static_cast<std::uint32_t>(_mm256_movemask_epi8(below_space)) | pending) == 0) {
                previous = v;  // markup, figures, indentation
                previous_lead3 = _mm256_setzero_si256();
                continue;
            }
            const __m256i high = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);  // 80–FF
            const __m256i control = _mm256_andnot_si256(high, below_space);      // 00–1F
            const __m256i allowed = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(allowed_controls, v), v);
            const __m256i continuation = _mm256_cmpgt_epi8(FINCHECK_BYTE(0xC0), v);  // 80–BF
            const __m256i lead3 = FINCHECK_IN(v, 0xE0, 0xEF);
            // Each byte's one and two predecessors, across the lanes and from the block before:
            // continuations exactly after a three-byte lead, and only there.
            const __m256i straddle_lead3 = _mm256_permute2x128_si256(previous_lead3, lead3, 0x21);
            const __m256i announced = _mm256_or_si256(_mm256_alignr_epi8(lead3, straddle_lead3, 15),
                                                      _mm256_alignr_epi8(lead3, straddle_lead3, 14));
            __m256i refused = _mm256_andnot_si256(allowed, control);
            refused = _mm256_or_si256(refused, _mm256_andnot_si256(_mm256_or_si256(continuation, lead3), high));  // C0–DF, F0–FF
            refused = _mm256_or_si256(refused, _mm256_xor_si256(announced, continuation));
            // E0 and ED need more than the bit pattern (overlong forms, surrogates).
            refused = _mm256_or_si256(refused, _mm256_or_si256(FINCHECK_EQ(v, 0xE0), FINCHECK_EQ(v, 0xED)));
            // EF BF BE / EF BF BF is U+FFFE / U+FFFF (a byte above BD that is no continuation is
            // refused above anyway).
            const __m256i straddle = _mm256_permute2x128_si256(previous, v, 0x21);
            const __m256i after_ef_bf = _mm256_and_si256(FINCHECK_EQ(_mm256_alignr_epi8(v, straddle, 14), 0xEF),
                                                         FINCHECK_EQ(_mm256_alignr_epi8(v, straddle, 15), 0xBF));
            refused = _mm256_or_si256(refused, _mm256_and_si256(after_ef_bf, _mm256_cmpgt_epi8(v, FINCHECK_BYTE(0xBD))));
            if (!_mm256_testz_si256(refused, refused)) {
                refused_block = true;
                break;
            }
            for (auto bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(FINCHECK_EQ(v, '\n'))); bits != 0;
                 bits &= bits - 1)
                ends[count++] = i + static_cast<std::size_t>(std::countr_zero(bits));
            pending = static_cast<std::uint32_t>(_mm256_movemask_epi8(lead3)) >> 30;
            previous = v;
            previous_lead3 = lead3;
        }
        line_ends.insert(line_ends.end(), ends, ends + count);
    }
#undef FINCHECK_BYTE
#undef FINCHECK_EQ
#undef FINCHECK_IN
    // Where the general path must start: the lead of a character the previous block left
    // unfinished (a lead in its last lane, or in the one before with its first continuation).
    return (pending & 2) != 0 ? i - 1 : (pending & 1) != 0 ? i - 2 : i;
}
#endif

// The block check this CPU runs fastest, decided once.
inline BlockCheck fastest_block_check() {
    static const BlockCheck chosen = [] {
#if defined(FINCHECK_REPORT_XML_AVX2)
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2")) return BlockCheck::avx2;
#endif
#if defined(__SSE2__)
        return BlockCheck::sse2;
#else
        return BlockCheck::none;
#endif
    }();
    return chosen;
}

// A character reference as XML 1.0 spells it: "&#" decimal digits ";" or "&#x" hex digits ";".
// pugixml decodes what it recognises without checking the character (&#0; ends the string,
// &#xD800; becomes an encoded surrogate, a value past 32 bits wraps), so every "&#" is checked
// against this first.
struct CharacterReference {
    enum class Status : std::uint8_t { allowed, malformed, forbidden, beyond_unicode };
    Status status = Status::malformed;
    char32_t code = 0;       // the character named, when well formed and within Unicode
    std::size_t length = 0;  // bytes from the '&' to the ';' included, when well formed
};

// Reads the reference that starts at text[at] ("&#"), looking no further than `end`.
inline CharacterReference read_character_reference(std::string_view text, std::size_t at, std::size_t end) {
    CharacterReference reference;
    std::size_t i = at + 2;
    const bool hex = i < end && text[i] == 'x';
    if (hex) ++i;
    const std::size_t first_digit = i;
    std::uint64_t value = 0;  // kept just past Unicode's end: leading zeros and long runs cannot wrap it
    for (; i < end; ++i) {
        const char c = text[i];
        unsigned digit;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else break;
        value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (i == first_digit || i >= end || text[i] != ';') return reference;
    reference.length = i + 1 - at;
    if (value > 0x10FFFF) {
        reference.status = CharacterReference::Status::beyond_unicode;
        return reference;
    }
    reference.code = static_cast<char32_t>(value);
    const bool xml_char = value == '\t' || value == '\n' || value == '\r' || (value >= 0x20 && value <= 0xD7FF) ||
                          (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000;
    reference.status = xml_char ? CharacterReference::Status::allowed : CharacterReference::Status::forbidden;
    return reference;
}

class SourceText {
public:
    static constexpr std::size_t npos = std::string_view::npos;

    // Checks that `text` is UTF-8 made of XML characters, remembering where its lines end.
    // Returns the offset of the first byte that is not, or npos. `text` must stay where it is
    // for the life of this object (the reader parses it in place).
    // `check` picks the block check; every choice gives the same result (the tests compare
    // them), the default is the fastest this CPU runs.
    std::size_t scan(std::string_view text, BlockCheck check = fastest_block_check()) {
        text_ = text;
        line_ends_.clear();
        const auto* p = reinterpret_cast<const unsigned char*>(text.data());
        const std::size_t n = text.size();
        std::size_t i = 0;
        if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;  // UTF-8 byte order mark
        const std::size_t block = check == BlockCheck::avx2 ? 32 : 16;
        while (true) {
            i = skip_common_blocks(check, p, i, n);
            if (i >= n) return npos;
            // The general path, one character at a time, up to the end of the block that the
            // fast path refused (or to the end of a tail shorter than a block).
            const std::size_t limit = std::min(n, i + block);
            while (i < limit) {
                i = skip_printable_ascii(p, i, n);
                if (i >= n) return npos;
                i = skip_three_byte_characters(p, i, n);
                if (i >= n) return npos;
                if (p[i] >= 0x20 && p[i] < 0x80) continue;
                if (p[i] == '\n') {
                    line_ends_.push_back(i++);
                    continue;
                }
                if (p[i] == '\r' || p[i] == '\t') {
                    ++i;
                    continue;
                }
                const std::size_t length = xml_char_length(p + i, n - i);
                if (length == 0) return i;
                i += length;
            }
        }
    }

    // Copies the lines that an in-situ parse may rewrite beyond its delimiters: those holding
    // '&' or '\r'. Call after a successful scan() and before the parse. On the way, checks
    // every character reference ("&#") of those lines: returns the offset of the first that
    // is malformed or names a character XML forbids (read_character_reference), or npos.
    // Anywhere in the document, CDATA sections and comments included, where XML would keep it
    // as text: a report has no reason to spell one there.
    std::size_t save_rewritable_lines() {
        saved_.clear();
        // memchr per byte value, both kept one step ahead: string_view::find_first_of would
        // test each position against the set with a call of its own.
        std::size_t next_reference = find('&', 0), next_cr = find('\r', 0);
        has_references_ = next_reference != npos;
        has_carriage_returns_ = next_cr != npos;
        while (true) {
            const std::size_t at = std::min(next_reference, next_cr);
            if (at == npos) return npos;
            const auto [line_start, line_end] = line_span(at);
            saved_.emplace_back(line_start, std::string(text_.substr(line_start, line_end - line_start)));
            for (std::size_t amp = next_reference; amp < line_end; amp = find('&', amp + 1)) {
                if (amp + 1 < line_end && text_[amp + 1] == '#' &&
                    read_character_reference(text_, amp, line_end).status != CharacterReference::Status::allowed)
                    return amp;
            }
            const std::size_t next_line = line_end + 1;  // past the '\n', or past the end
            if (next_reference < next_line) next_reference = find('&', next_line);
            if (next_cr < next_line) next_cr = find('\r', next_line);
        }
    }

    // Offsets of every '\n' of the scanned text, in order.
    const std::vector<std::size_t>& line_ends() const { return line_ends_; }

    // Whether the text holds a '&' (an entity or character reference) or a CR, as found by
    // save_rewritable_lines(): without them the parse has nothing to decode or convert.
    bool has_references() const { return has_references_; }
    bool has_carriage_returns() const { return has_carriage_returns_; }

    // 1-based line and column (in code points) of a byte offset of the original text.
    std::pair<std::uint32_t, std::uint32_t> line_column(std::size_t offset) const {
        offset = std::min(offset, text_.size());
        const auto before = static_cast<std::size_t>(
            std::lower_bound(line_ends_.begin(), line_ends_.end(), offset) - line_ends_.begin());
        const std::size_t line_start = before == 0 ? 0 : line_ends_[before - 1] + 1;
        const auto column = 1 + utf8::lead_byte_count(original(line_start, offset));
        return {static_cast<std::uint32_t>(1 + before), static_cast<std::uint32_t>(column)};
    }

    // The original bytes in [from, to) as far as names and character counts go: bytes the
    // parse moved are restored from the saved lines; a delimiter may read as NUL and a tab or
    // line end inside an attribute value as a space.
    std::string original(std::size_t from, std::size_t to) const {
        to = std::min(to, text_.size());
        from = std::min(from, to);
        std::string out(text_.substr(from, to - from));
        for (const auto& [start, line] : saved_) {
            const std::size_t lo = std::max(from, start), hi = std::min(to, start + line.size());
            if (lo < hi) out.replace(lo - from, hi - lo, line, lo - start, hi - lo);
        }
        return out;
    }

private:
    std::size_t skip_common_blocks(BlockCheck check, const unsigned char* p, std::size_t i, std::size_t n) {
        switch (check) {
#if defined(FINCHECK_REPORT_XML_AVX2)
            case BlockCheck::avx2: return skip_common_blocks_avx2(p, i, n, line_ends_);
#endif
#if defined(__SSE2__)
            case BlockCheck::sse2: return skip_common_blocks_sse2(p, i, n, line_ends_);
#endif
            default: return i;
        }
    }

    std::size_t find(char byte, std::size_t from) const {
        if (from >= text_.size()) return npos;
        const void* found = std::memchr(text_.data() + from, byte, text_.size() - from);
        return found == nullptr ? npos : static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    }

    // [start, end) of the line holding `offset`, its '\n' excluded; from the recorded line
    // ends, which the parse does not disturb.
    std::pair<std::size_t, std::size_t> line_span(std::size_t offset) const {
        const auto next = std::lower_bound(line_ends_.begin(), line_ends_.end(), offset);
        const std::size_t start = next == line_ends_.begin() ? 0 : *(next - 1) + 1;
        const std::size_t end = next == line_ends_.end() ? text_.size() : *next;
        return {start, end};
    }

    std::string_view text_;
    std::vector<std::size_t> line_ends_;                       // offsets of every '\n'
    std::vector<std::pair<std::size_t, std::string>> saved_;  // line start, original bytes
    bool has_references_ = true;  // until save_rewritable_lines() has looked
    bool has_carriage_returns_ = true;
};

}  // namespace fincheck::report_xml
