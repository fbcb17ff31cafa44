#include "compact_reader.hpp"

#include <array>

#include "comparison_words.hpp"
#include "fincheck/text/bytes.hpp"
#include "fincheck/text/chars.hpp"
#include "fincheck/text/decode.hpp"

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

// The last character of each comparison word: a block without one holds no whole word.
constexpr std::array<char32_t, 4> kComparisonEnds = {U'平', U'于', U'变', U'化'};

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
    return text::has_digit(utf8) || text::has_overlong_lead(utf8) || text::has_any_char3(utf8, kComparisonEnds);
}

bool ends_with_colon(std::string_view utf8) {
    const char32_t last = text::last_non_whitespace(utf8);
    return last == U':' || last == U'：';
}

void CompactReader::read(const text::BlockText& block) {
    block_ = &block;
    find_stops();
}

void CompactReader::read(std::string_view utf8) {
    own_.original = text::decode(utf8);
    own_.compact = text::compact(std::u32string_view(own_.original));
    read(own_);
}

void CompactReader::read(std::u32string_view code_points) {
    own_.original.assign(code_points);
    own_.compact = text::compact(code_points);
    read(own_);
    may_hold_claim_ = true;
}

// A non-ASCII character that passed the stop filter at compact index k.
void CompactReader::note_ideograph_stop(std::u32string_view compact, char32_t c, std::size_t k) {
    const auto at = static_cast<std::uint32_t>(k);
    if (is_sentence_end_char(c)) {
        stops_.push_back({at, StopKind::sentence_end});
    } else if (c == U'，' || c == U'：') {
        stops_.push_back({at, StopKind::clause_end});
    } else if (c == U'中') {
        // 其中: the stop sits on 其, where the scanner has always noted it. No stop lies
        // between the two characters, so the stops stay in order.
        if (k > 0 && compact[k - 1] == U'其') stops_.push_back({at - 1, StopKind::qi});
    } else if (may_start_comparison(c)) {
        stops_.push_back({at, StopKind::comparison_start});
    }
}

void CompactReader::find_stops() {
    stops_.clear();
    may_hold_claim_ = false;
    const std::u32string_view compact = block_->compact.text;
    for (std::size_t k = 0; k < compact.size(); ++k) {
        const char32_t c = compact[k];
        const auto at = static_cast<std::uint32_t>(k);
        if (c < 0x80) {
            if (text::is_ascii_digit(c)) {
                // A digit right after a digit or '.' continues a number the scanner reads from its start.
                if (k == 0 || (!text::is_ascii_digit(compact[k - 1]) && compact[k - 1] != U'.')) {
                    stops_.push_back({at, StopKind::number_start});
                    may_hold_claim_ = true;
                }
            } else if (c == U',') {
                stops_.push_back({at, StopKind::clause_end});
            }
        } else if (may_stop(c)) {
            note_ideograph_stop(compact, c, k);
        }
    }
    if (may_hold_claim_) return;
    // No digit: only a whole comparison word makes a claim. Test the words where they may start.
    for (const Stop& stop : stops_) {
        if (stop.kind != StopKind::comparison_start) continue;
        for (const ComparisonWord& word : kComparisonWords) {
            if (compact.substr(stop.at, word.text.size()) == word.text) may_hold_claim_ = true;
        }
        if (may_hold_claim_) break;
    }
}

bool CompactReader::ends_with_colon() const {
    const std::u32string_view compact = block_->compact.text;
    return !compact.empty() && compact.back() == U'：';
}

}  // namespace fincheck::narrative
