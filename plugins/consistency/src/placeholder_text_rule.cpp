#include "placeholder_text_rule.hpp"

#include <set>
#include <string>
#include <utility>

#include "report_text.hpp"
#include "text_util.hpp"

namespace fincheck::consistency {
namespace {

constexpr std::string_view kRuleId = "structure-placeholder-text";

bool is_x_mark(char32_t c) { return c == U'X' || c == U'x' || c == U'×' || c == U'Ｘ' || c == U'ｘ' || c == U'✕'; }
bool is_circle_mark(char32_t c) { return c == U'〇' || c == U'○'; }
bool is_latin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
bool is_numeral_context(char32_t c) {
    return std::u32string_view(U"零一二三四五六七八九十百千年月日").find(c) != std::u32string_view::npos;
}

// Byte length of each code point of `text`, to map code-point spans back to bytes.
std::vector<std::size_t> byte_offsets(std::string_view text) {
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
    offsets.push_back(text.size());
    return offsets;
}

// Shortens `text` around [begin, end) for a message: up to ~16 code points each side.
std::string excerpt(std::string_view text, std::size_t begin, std::size_t end) {
    const std::u32string all = decode_utf8(text);
    const std::size_t cp_begin = code_point_offset(text, begin);
    const std::size_t cp_end = code_point_offset(text, end);
    const std::size_t from = cp_begin > 16 ? cp_begin - 16 : 0;
    const std::size_t to = std::min(all.size(), cp_end + 16);
    std::string out = from > 0 ? "…" : "";
    out += encode_utf8(std::u32string_view(all).substr(from, to - from));
    if (to < all.size()) out += "…";
    return out;
}

// True when some code point of `text`, decoded the way decode_utf8 decodes it, is an X or
// circle mark. Most texts have none: they are answered without decoding into a buffer.
bool may_hold_mark(std::string_view text) {
    std::size_t pos = 0;
    char32_t cp = 0;
    while (next_decoded(text, pos, cp))
        if (is_x_mark(cp) || is_circle_mark(cp)) return true;
    return false;
}

}  // namespace

std::optional<PlaceholderTextRule::PhraseMatch> PlaceholderTextRule::earliest_instruction(
    std::string_view text, const std::vector<bool>& active) const {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const std::size_t pair = static_cast<std::size_t>(static_cast<unsigned char>(text[at])) * 256 +
                                 (at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : 0U);
        if (may_start_[pair] == 0 && !(at == 0 && !empty_phrases_.empty())) continue;
        const std::vector<std::size_t>& bucket = by_first_byte_[static_cast<unsigned char>(text[at])];
        std::optional<std::size_t> best;
        for (std::size_t index : bucket) {
            const Phrase& phrase = phrases_[index];
            const std::string& word = phrase.text;
            // The bucket fixed the first byte; CJK text shares lead bytes, so reject on the
            // second byte inline before comparing the whole phrase.
            if (word.size() > text.size() - at || (word.size() > 1 && word[1] != text[at + 1])) continue;
            if (!active[phrase.group] || text.compare(at, word.size(), word) != 0) continue;
            best = index;
            break;  // ascending: the first match is the phrase listed first
        }
        if (at == 0) {
            for (std::size_t index : empty_phrases_) {
                if (active[phrases_[index].group] && (!best || index < *best)) { best = index; break; }
            }
        }
        if (best) return PhraseMatch{at, at + phrases_[*best].text.size()};
    }
    return std::nullopt;
}

std::vector<Span> find_placeholder_marks(std::string_view text) {
    std::vector<Span> spans;
    if (!may_hold_mark(text)) return spans;
    const std::u32string cps = decode_utf8(text);
    const std::vector<std::size_t> offsets = byte_offsets(text);
    if (offsets.size() != cps.size() + 1) return spans;  // malformed UTF-8: stay silent
    std::size_t i = 0;
    while (i < cps.size()) {
        const bool x = is_x_mark(cps[i]);
        const bool circle = is_circle_mark(cps[i]);
        if (!x && !circle) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < cps.size() && (x ? is_x_mark(cps[j]) : is_circle_mark(cps[j]))) ++j;
        const char32_t before = i > 0 ? cps[i - 1] : U' ';
        const char32_t after = j < cps.size() ? cps[j] : U' ';
        bool placeholder = j - i >= 2;
        if (x && (is_latin(before) || is_latin(after))) placeholder = false;
        // 「××」 between digits is a multiplication, 「X」 inside a Latin word is a letter.
        if (x && ((before >= U'0' && before <= U'9') || (after >= U'0' && after <= U'9'))) placeholder = false;
        if (circle && (is_numeral_context(before) || is_numeral_context(after))) placeholder = false;
        if (placeholder) spans.push_back({offsets[i], offsets[j]});
        i = j;
    }
    return spans;
}

PlaceholderTextRule::PlaceholderTextRule(const PhraseData& data) : may_start_(65536, 0) {
    for (const InstructionGroup& group : data.instructions) {
        for (const std::string& phrase : group.phrases) {
            std::size_t index = phrases_.size();
            phrases_.push_back({phrase, group_templates_.size()});
            if (phrase.empty()) empty_phrases_.push_back(index);
            else by_first_byte_[static_cast<unsigned char>(phrase.front())].push_back(index);
            if (phrase.empty()) continue;
            const std::size_t first = static_cast<unsigned char>(phrase[0]);
            if (phrase.size() == 1) {
                for (std::size_t second = 0; second < 256; ++second) may_start_[first * 256 + second] = 1;
            } else {
                may_start_[first * 256 + static_cast<unsigned char>(phrase[1])] = 1;
            }
        }
        group_templates_.push_back(group.template_name);
    }
    meta_.id = std::string(kRuleId);
    meta_.title_zh = "残留模板占位符或填写说明";
    meta_.title_en = "Template placeholder or fill-in instruction left in the text";
    meta_.category = "structure";
    meta_.default_severity = Severity::error;
    meta_.docs = "docs/rules/structure-placeholder-text.md";
    meta_.messages = {
        {"placeholder", "{place}中残留模板占位符「{mark}」：{excerpt}",
         "Template placeholder \"{mark}\" left in the {place_en}: {excerpt}"},
        {"instruction", "{place}中残留模板填写说明「{mark}」：{excerpt}",
         "Template instruction \"{mark}\" left in the {place_en}: {excerpt}"},
    };
}

void PlaceholderTextRule::check(const Report& report, const RuleContext& /*context*/,
                                FindingSink& sink) const {
    std::set<std::pair<std::string, std::string>> reported;  // (text, mark): a form repeats itself
    auto report_span = [&](std::string_view message, TextPlace place, std::string_view text,
                           std::size_t begin, std::size_t end,
                           const std::function<Location(std::size_t, std::size_t)>& location_for) {
        const std::string mark(text.substr(begin, end - begin));
        if (!reported.emplace(std::string(text), mark).second) return;
        sink.add(FindingBuilder(kRuleId, message)
                     .at(location_for(begin, end))
                     .arg("place", place_name_zh(place))
                     .arg("place_en", place_name_en(place))
                     .arg("mark", mark)
                     .arg("excerpt", excerpt(text, begin, end))
                     .expected("实际内容 / the actual text")
                     .actual(mark)
                     .build());
    };
    std::vector<bool> active;  // instruction groups that apply to this report's template
    for (const std::string& group_template : group_templates_)
        active.push_back(PhraseData::applies(group_template, report.meta.template_name));
    for_each_text(report, true, [&](TextPlace place, std::string_view text, const auto& location_for) {
        if (text.empty()) return;
        // One finding per piece of text: the earliest placeholder or instruction in it.
        std::string_view message;
        std::size_t first = std::string_view::npos;
        std::size_t first_end = 0;
        auto consider = [&](std::string_view id, std::size_t begin, std::size_t end) {
            if (first == std::string_view::npos || begin < first) {
                message = id;
                first = begin;
                first_end = end;
            }
        };
        const auto marks = find_placeholder_marks(text);
        if (!marks.empty()) consider("placeholder", marks.front().begin, marks.front().end);
        if (auto instruction = earliest_instruction(text, active))
            consider("instruction", instruction->begin, instruction->end);
        if (first != std::string_view::npos)
            report_span(message, place, text, first, first_end, location_for);
    });
}

}  // namespace fincheck::consistency
