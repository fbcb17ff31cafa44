#include "text_scan.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "fincheck/utf8.hpp"

namespace fincheck::consistency {
namespace {

// utf8::next_code_point with the three-byte sequences of Chinese text, nearly every character
// this scan sees, decoded inline; the same result on any bytes.
char32_t next_char(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if ((lead & 0xF0) == 0xE0 && text.size() - pos >= 3 && utf8::is_continuation(text[pos + 1]) &&
        utf8::is_continuation(text[pos + 2])) {
        const char32_t cp = (lead & 0x0Fu) << 12 | (static_cast<unsigned char>(text[pos + 1]) & 0x3Fu) << 6 |
                            (static_cast<unsigned char>(text[pos + 2]) & 0x3Fu);
        pos += 3;
        return cp;
    }
    return utf8::next_code_point(text, pos);
}

// The code point of the three-byte sequence in the low three bytes of `w` (first byte
// lowest), once its bit pattern is known to be 1110xxxx 10xxxxxx 10xxxxxx.
constexpr std::uint32_t three_byte_code_point(std::uint32_t w) {
    return (w & 0x0Fu) << 12 | (w >> 2 & 0xFC0u) | (w >> 16 & 0x3Fu);
}

}  // namespace

TextScanner::TextScanner(const PhraseData& data) {
    for (std::size_t g = 0; g < data.instructions.size(); ++g)
        for (const std::string& phrase : data.instructions[g].phrases) phrases_.push_back({phrase, Use::instruction, g});
    for (std::size_t g = 0; g < data.wrong_level.size(); ++g)
        for (const std::string& phrase : data.wrong_level[g].phrases)
            if (!phrase.empty()) phrases_.push_back({phrase, Use::wrong_level, g});
    auto mark_filter = [&](char32_t cp) {
        filter_[slot(cp) / 64] |= std::uint64_t{1} << (slot(cp) % 64);
        if (cp < 0x10000) exact_[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    };
    for (std::size_t i = 0; i < phrases_.size(); ++i) {
        const std::string_view text = phrases_[i].text;
        const auto index = static_cast<std::uint32_t>(i);
        if (text.empty()) {
            empty_phrases_.push_back(index);
            continue;
        }
        std::size_t pos = 0;
        const char32_t first = utf8::next_code_point(text, pos);
        auto it = std::lower_bound(starts_.begin(), starts_.end(), first,
                                   [](const Start& s, char32_t cp) { return s.first < cp; });
        if (it == starts_.end() || it->first != first) it = starts_.insert(it, Start{first, {}});
        it->phrases.push_back(index);
        mark_filter(first);
    }
    for (char32_t cp : kMarkCodePoints) mark_filter(cp);
}

const TextScanner::Start* TextScanner::start_for(char32_t cp) const {
    auto it = std::lower_bound(starts_.begin(), starts_.end(), cp, [](const Start& s, char32_t c) { return s.first < c; });
    return it != starts_.end() && it->first == cp ? &*it : nullptr;
}

void TextScanner::scan_text(std::string_view text, std::vector<PhraseHit>& hits,
                            std::optional<Span>& first_mark) const {
    if (text.empty()) return;
    for (std::uint32_t index : empty_phrases_) hits.push_back({index, 0});
    MarkRuns runs;
    auto found = [&](Span span) {
        if (!first_mark) first_mark = span;
    };
    const std::size_t size = text.size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    // Start of the last character stepped over without telling `runs`, which needs it only
    // as the character before a run: decoded when the next character is looked at in full.
    std::size_t pending = std::string_view::npos;
    for (std::size_t pos = 0; pos < size;) {
        if (!runs.in_run()) {
            // Step over ASCII and three-byte characters (decoded as next_char does) that
            // start nothing; kept in registers, this is the whole cost of most text.
            std::size_t at = pos;
            std::size_t last = std::string_view::npos;
            if constexpr (std::endian::native == std::endian::little) {
                // Eight or four bytes at a time: one test for "two (one) lead bytes 1110xxxx,
                // each with two continuation bytes" instead of three per character; the tail
                // is left to the byte loop below.
                for (;;) {
                    const std::size_t left = size - at;
                    if (left >= 8) {
                        std::uint64_t w = 0;
                        std::memcpy(&w, bytes + at, 8);
                        if ((w & 0xC0C0F0C0C0F0ull) == 0x8080E08080E0ull &&
                            !starts_something(three_byte_code_point(static_cast<std::uint32_t>(w))) &&
                            !starts_something(three_byte_code_point(static_cast<std::uint32_t>(w >> 24)))) {
                            last = at + 3;
                            at += 6;
                            continue;
                        }
                    }
                    if (left < 4) break;
                    std::uint32_t w = 0;
                    std::memcpy(&w, bytes + at, 4);
                    if ((w & 0x80u) == 0) {
                        if (starts_something(w & 0x7Fu)) break;
                        last = at++;
                        continue;
                    }
                    if ((w & 0xC0C0F0u) != 0x8080E0u || starts_something(three_byte_code_point(w))) break;
                    last = at;
                    at += 3;
                }
            }
            while (at < size) {
                const unsigned lead = bytes[at];
                if (lead < 0x80) {
                    if (starts_something(lead)) break;
                    last = at++;
                    continue;
                }
                if ((lead & 0xF0u) != 0xE0u || size - at < 3) break;
                const unsigned b1 = bytes[at + 1];
                const unsigned b2 = bytes[at + 2];
                if (((b1 & 0xC0u) ^ 0x80u) | ((b2 & 0xC0u) ^ 0x80u)) break;  // not two continuation bytes
                if (starts_something((lead & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu))) break;
                last = at;
                at += 3;
            }
            if (last != std::string_view::npos) pending = last;
            pos = at;
            if (pos >= size) break;
        }
        if (pending != std::string_view::npos) {
            runs.skipped(next_char(text, pending));
            pending = std::string_view::npos;
        }
        const std::size_t begin = pos;
        const char32_t cp = next_char(text, pos);
        if (!may_start(cp)) {
            if (runs.in_run()) runs.step(cp, begin, pos, found);
            else runs.skipped(cp);
            continue;
        }
        runs.step(cp, begin, pos, found);
        if (const Start* start = start_for(cp)) {
            for (std::uint32_t index : start->phrases) {
                const std::string& phrase = phrases_[index].text;
                if (text.size() - begin >= phrase.size() && text.compare(begin, phrase.size(), phrase) == 0)
                    hits.push_back({index, static_cast<std::uint32_t>(begin)});
            }
        }
    }
    runs.finish(found);
}

const ReportScan& TextScanner::scan(const Report& report) const {
    return report.derived<ReportScan>(this, [&] {
        ReportScan out;
        for_each_text(report, true, [&](const TextRef& ref, std::string_view text) {
            const std::size_t before = out.hits.size();
            std::optional<Span> first_mark;
            scan_text(text, out.hits, first_mark);
            if (!first_mark && out.hits.size() == before) return;
            out.texts.push_back({ref, first_mark, static_cast<std::uint32_t>(before),
                                 static_cast<std::uint32_t>(out.hits.size() - before)});
        });
        return out;
    });
}

}  // namespace fincheck::consistency
