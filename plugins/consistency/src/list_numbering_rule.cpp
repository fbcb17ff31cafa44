#include "list_numbering_rule.hpp"

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "text_util.hpp"

namespace fincheck::consistency {
namespace {

constexpr std::string_view kRuleId = "structure-list-numbering";

struct NumberedItem {
    Ordinal ordinal;
    std::string text;  // as printed, for the message
    Location location;
    std::u32string body;  // compacted full text, to find items run into the previous one
};

// True when the missing ordinals between `previous` and `current` are printed inside the
// previous item (「（七）负责…。（八）负责…」 run together on one line): nothing is missing.
bool missing_items_run_in(const NumberedItem& previous_item, int current) {
    if (previous_item.body.empty()) return false;
    for (int v = previous_item.ordinal.value + 1; v < current; ++v) {
        const std::u32string body = previous_item.body.substr(previous_item.ordinal.length);
        std::u32string forms[2];
        switch (previous_item.ordinal.style) {
            case OrdinalStyle::paren_chinese:
                forms[0] = decode_utf8("(" + chinese_numeral_text(v) + ")");
                break;
            case OrdinalStyle::chinese: forms[0] = decode_utf8(chinese_numeral_text(v) + "、"); break;
            case OrdinalStyle::paren_arabic: forms[0] = decode_utf8("(" + std::to_string(v) + ")"); break;
            case OrdinalStyle::arabic:
                forms[0] = decode_utf8(std::to_string(v) + ".");
                forms[1] = decode_utf8(std::to_string(v) + "、");
                break;
            case OrdinalStyle::part: forms[0] = decode_utf8(ordinal_text(OrdinalStyle::part, v)); break;
        }
        bool found = false;
        for (const auto& form : forms)
            if (!form.empty() && body.find(form) != std::u32string::npos) found = true;
        if (!found) return false;
    }
    return true;
}

// Checks one sequence of same-style siblings in document order.
void check_sequence(const std::vector<NumberedItem>& items, std::string_view what_zh,
                    std::string_view what_en, FindingSink& sink) {
    for (std::size_t i = 1; i < items.size(); ++i) {
        const int previous = items[i - 1].ordinal.value;
        const int current = items[i].ordinal.value;
        // The next item, or a new list starting again at 1 (「1.」 right after 「1.」 is a repeat).
        if (current == previous + 1 || (current == 1 && previous != 1)) continue;
        if (current > previous + 1 && missing_items_run_in(items[i - 1], current)) continue;
        const OrdinalStyle style = items[i].ordinal.style;
        std::string_view message = current == previous ? "repeat" : current > previous ? "skip" : "backward";
        sink.add(FindingBuilder(kRuleId, message)
                     .at(items[i].location)
                     .arg("what", what_zh)
                     .arg("what_en", what_en)
                     .arg("previous", ordinal_text(style, previous))
                     .arg("current", ordinal_text(style, current))
                     .arg("expected", ordinal_text(style, previous + 1))
                     .arg("text", items[i].text)
                     .expected(ordinal_text(style, previous + 1))
                     .actual(ordinal_text(style, current))
                     .build());
    }
}

std::string shorten(std::string_view text) {
    std::u32string cps = decode_utf8(text);
    if (cps.size() <= 30) return std::string(text);
    cps.resize(30);
    return encode_utf8(cps) + "…";
}

}  // namespace

ListNumberingRule::ListNumberingRule() {
    meta_.id = std::string(kRuleId);
    meta_.title_zh = "序号跳号或重号";
    meta_.title_en = "Numbering skips or repeats";
    meta_.category = "structure";
    meta_.default_severity = Severity::error;
    meta_.docs = "docs/rules/structure-list-numbering.md";
    meta_.messages = {
        {"skip", "{what}序号从「{previous}」跳到「{current}」，缺少「{expected}」：{text}",
         "{what_en} numbering jumps from {previous} to {current}; {expected} is missing: {text}"},
        {"repeat", "{what}序号「{current}」重复：{text}",
         "{what_en} number {current} is repeated: {text}"},
        {"backward", "{what}序号在「{previous}」之后倒退为「{current}」：{text}",
         "{what_en} numbering goes back from {previous} to {current}: {text}"},
    };
}

void ListNumberingRule::check(const Report& report, const RuleContext& /*context*/, FindingSink& sink) const {
    // Headings: siblings under one parent, per numbering style.
    std::map<std::pair<int, OrdinalStyle>, std::vector<NumberedItem>> headings;
    std::vector<std::pair<int, OrdinalStyle>> heading_order;
    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        const Section& s = report.sections[i];
        const auto ordinal = leading_ordinal(compact(s.number));
        if (!ordinal) continue;
        const auto key = std::make_pair(s.parent, ordinal->style);
        if (headings.find(key) == headings.end()) heading_order.push_back(key);
        Location location = Location::at_line(s.line);
        location.section = report.section_path(static_cast<int>(i));
        headings[key].push_back({*ordinal, std::string(s.number) + std::string(s.heading), std::move(location), {}});
    }
    for (const auto& key : heading_order) check_sequence(headings[key], "标题", "Heading", sink);

    // Numbered paragraphs and list items: per section (and attachment), per style.
    std::map<std::tuple<int, int, OrdinalStyle>, std::vector<NumberedItem>> lists;
    std::vector<std::tuple<int, int, OrdinalStyle>> list_order;
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        if (block.kind == BlockKind::note || block.kind == BlockKind::caption) continue;
        const auto ordinal = leading_ordinal(compact(block.text.substr(0, 24)));
        if (!ordinal || ordinal->style == OrdinalStyle::part) continue;
        const auto key = std::make_tuple(block.section, block.attachment, ordinal->style);
        if (lists.find(key) == lists.end()) list_order.push_back(key);
        lists[key].push_back({*ordinal, shorten(block.text), Location::at_block(report, static_cast<int>(b)),
                              compact(block.text)});
    }
    for (const auto& key : list_order) check_sequence(lists[key], "列表", "List", sink);

    // Contents entries: per style, restarting under each entry of a higher level.
    std::map<OrdinalStyle, std::vector<NumberedItem>> toc;
    std::vector<OrdinalStyle> toc_order;
    auto flush_toc = [&] {
        for (OrdinalStyle style : toc_order) check_sequence(toc[style], "目录", "Contents", sink);
        toc.clear();
        toc_order.clear();
    };
    std::vector<NumberedItem> parts;
    for (const TocEntry& entry : report.toc) {
        const auto ordinal = leading_ordinal(compact(entry.text));
        if (!ordinal) continue;
        NumberedItem item{*ordinal, std::string(entry.text), Location::at_line(entry.line), {}};
        if (ordinal->style == OrdinalStyle::part) {
            flush_toc();
            parts.push_back(std::move(item));
            continue;
        }
        if (toc.find(ordinal->style) == toc.end()) toc_order.push_back(ordinal->style);
        toc[ordinal->style].push_back(std::move(item));
    }
    flush_toc();
    check_sequence(parts, "目录", "Contents", sink);
}

}  // namespace fincheck::consistency
