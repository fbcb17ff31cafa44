#include "text_scan.hpp"

#include <algorithm>

#include "fincheck/text/bytes.hpp"
#include "fincheck/text/decode.hpp"

namespace fincheck::structure {
namespace {

// The layer's decoding (ASCII and three-byte sequences inline): the same result on any bytes.
char32_t next_char(std::string_view text, std::size_t& pos) {
    return text::next_code_point(reinterpret_cast<const unsigned char*>(text.data()), text.size(), pos);
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
    // Start of the last character stepped over without telling `runs`, which needs it only
    // as the character before a run: decoded when the next character is looked at in full.
    std::size_t pending = std::string_view::npos;
    for (std::size_t pos = 0; pos < size;) {
        if (!runs.in_run()) {
            // Step over ASCII and three-byte characters that start nothing; kept in
            // registers, this is the whole cost of most text.
            std::size_t last = std::string_view::npos;
            const std::size_t at =
                text::skip_quiet(text, pos, last, [this](std::uint32_t cp) { return starts_something(cp); });
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

}  // namespace fincheck::structure
