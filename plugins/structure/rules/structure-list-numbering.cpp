// structure-list-numbering: a heading sequence or an enumerated list skips or repeats a
// number (一、二、四、 or 1. 2. 4.). Sequences are siblings of one numbering style: sections
// under the same parent, numbered paragraphs within one section, contents entries under
// one part. A list that starts again at 1 is a new list, not an error.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "rule_data.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

class ListNumberingRule final : public DeclaredRule {
public:
    ListNumberingRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "structure-list-numbering";

// A numbered heading, paragraph or contents entry, by index: its printed text and Location
// are built only for a finding.
struct NumberedItem {
    enum class Kind : std::uint8_t { heading, block, toc };
    Ordinal ordinal;
    Kind kind = Kind::heading;
    std::size_t index = 0;
};

// The item's text as printed, for the message.
std::string printed_text(const Report& report, const NumberedItem& item);
Location location_of(const Report& report, const NumberedItem& item) {
    switch (item.kind) {
        case NumberedItem::Kind::heading: {
            Location location = Location::at_line(report.sections[item.index].line);
            location.section = report.section_path(static_cast<int>(item.index));
            return location;
        }
        case NumberedItem::Kind::block: return Location::at_block(report, static_cast<int>(item.index));
        case NumberedItem::Kind::toc: break;
    }
    return Location::at_line(report.toc[item.index].line);
}

// True when the missing ordinals between `previous` and `current` are printed inside the
// previous item (「（七）负责…。（八）负责…」 run together on one line): nothing is missing.
// Only paragraphs can hold run-in items.
bool missing_items_run_in(const Report& report, const NumberedItem& previous_item, int current) {
    if (previous_item.kind != NumberedItem::Kind::block) return false;
    const std::u32string compacted = compact(report.blocks[previous_item.index].text);
    if (compacted.empty()) return false;
    for (int v = previous_item.ordinal.value + 1; v < current; ++v) {
        const std::u32string body = compacted.substr(previous_item.ordinal.length);
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

// True when as many sibling headings without a number stand between the two numbered
// headings as numbers are missing: 「第一部分…」, 「…2024年度部门决算表」, 「第三部分…」 — the
// Shanghai template prints its tables part without 第二部分. The part is there; whether its
// number should be is structure-toc-mismatch's question.
bool missing_items_unnumbered(const Report& report, const NumberedItem& previous_item, const NumberedItem& item) {
    if (previous_item.kind != NumberedItem::Kind::heading || item.kind != NumberedItem::Kind::heading) return false;
    const int parent = report.sections[item.index].parent;
    int unnumbered = 0;
    for (std::size_t i = previous_item.index + 1; i < item.index; ++i) {
        const Section& s = report.sections[i];
        if (s.parent == parent && s.level == report.sections[item.index].level && s.number.empty() &&
            !leading_ordinal(compact(s.heading)))
            ++unnumbered;
    }
    return unnumbered > 0 && unnumbered == item.ordinal.value - previous_item.ordinal.value - 1;
}

// Checks one sequence of same-style siblings in document order.
void check_sequence(const Report& report, const std::vector<NumberedItem>& items, std::string_view what_zh,
                    std::string_view what_en, FindingSink& sink) {
    for (std::size_t i = 1; i < items.size(); ++i) {
        const int previous = items[i - 1].ordinal.value;
        const int current = items[i].ordinal.value;
        // The next item, or a new list starting again at 1 (「1.」 right after 「1.」 is a repeat).
        if (current == previous + 1 || (current == 1 && previous != 1)) continue;
        if (current > previous + 1 && (missing_items_run_in(report, items[i - 1], current) ||
                                       missing_items_unnumbered(report, items[i - 1], items[i])))
            continue;
        const OrdinalStyle style = items[i].ordinal.style;
        std::string_view message = current == previous ? "repeat" : current > previous ? "skip" : "backward";
        sink.add(FindingBuilder(kRuleId, message)
                     .at(location_of(report, items[i]))
                     .arg("what", what_zh)
                     .arg("what_en", what_en)
                     .arg("previous", ordinal_text(style, previous))
                     .arg("current", ordinal_text(style, current))
                     .arg("expected", ordinal_text(style, previous + 1))
                     .arg("text", printed_text(report, items[i]))
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

std::string printed_text(const Report& report, const NumberedItem& item) {
    switch (item.kind) {
        case NumberedItem::Kind::heading: {
            const Section& s = report.sections[item.index];
            return std::string(s.number) + std::string(s.heading);
        }
        case NumberedItem::Kind::block: return shorten(report.blocks[item.index].text);
        case NumberedItem::Kind::toc: break;
    }
    return std::string(report.toc[item.index].text);
}

}  // namespace

ListNumberingRule::ListNumberingRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("序号跳号或重号",
                 "Numbering skips or repeats")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"skip", "{what}序号从「{previous}」跳到「{current}」，缺少「{expected}」：{text}",
               "{what_en} numbering jumps from {previous} to {current}; {expected} is missing: {text}"},
              {"repeat", "{what}序号「{current}」重复：{text}",
               "{what_en} number {current} is repeated: {text}"},
              {"backward", "{what}序号在「{previous}」之后倒退为「{current}」：{text}",
               "{what_en} numbering goes back from {previous} to {current}: {text}"},
          })
          .build()) {}

void ListNumberingRule::check(const Report& report, const RuleContext& /*context*/, FindingSink& sink) const {
    std::u32string compacted;  // reused: no allocation per item once it has grown
    // Headings: siblings under one parent, per numbering style.
    std::map<std::pair<int, OrdinalStyle>, std::vector<NumberedItem>> headings;
    std::vector<std::pair<int, OrdinalStyle>> heading_order;
    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        const Section& s = report.sections[i];
        if (!may_start_ordinal(s.number)) continue;
        compact_into(s.number, compacted);
        const auto ordinal = leading_ordinal(compacted);
        if (!ordinal) continue;
        const auto key = std::make_pair(s.parent, ordinal->style);
        auto [it, added] = headings.try_emplace(key);
        if (added) heading_order.push_back(key);
        it->second.push_back({*ordinal, NumberedItem::Kind::heading, i});
    }
    for (const auto& key : heading_order) check_sequence(report, headings[key], "标题", "Heading", sink);

    // Numbered paragraphs and list items: per section (and attachment), per style.
    std::map<std::tuple<int, int, OrdinalStyle>, std::vector<NumberedItem>> lists;
    std::vector<std::tuple<int, int, OrdinalStyle>> list_order;
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        if (block.kind == BlockKind::note || block.kind == BlockKind::caption) continue;
        if (!may_start_ordinal(block.text)) continue;
        compact_into(block.text, compacted, 24);
        const auto ordinal = leading_ordinal(compacted);
        if (!ordinal || ordinal->style == OrdinalStyle::part) continue;
        const auto key = std::make_tuple(block.section, block.attachment, ordinal->style);
        auto [it, added] = lists.try_emplace(key);
        if (added) list_order.push_back(key);
        it->second.push_back({*ordinal, NumberedItem::Kind::block, b});
    }
    for (const auto& key : list_order) check_sequence(report, lists[key], "列表", "List", sink);

    // Contents entries: per style, restarting under each entry of a higher level.
    std::map<OrdinalStyle, std::vector<NumberedItem>> toc;
    std::vector<OrdinalStyle> toc_order;
    auto flush_toc = [&] {
        for (OrdinalStyle style : toc_order) check_sequence(report, toc[style], "目录", "Contents", sink);
        toc.clear();
        toc_order.clear();
    };
    std::vector<NumberedItem> parts;
    for (std::size_t e = 0; e < report.toc.size(); ++e) {
        if (!may_start_ordinal(report.toc[e].text)) continue;
        compact_into(report.toc[e].text, compacted);
        const auto ordinal = leading_ordinal(compacted);
        if (!ordinal) continue;
        const NumberedItem item{*ordinal, NumberedItem::Kind::toc, e};
        if (ordinal->style == OrdinalStyle::part) {
            flush_toc();
            parts.push_back(item);
            continue;
        }
        if (toc.find(ordinal->style) == toc.end()) toc_order.push_back(ordinal->style);
        toc[ordinal->style].push_back(item);
    }
    flush_toc();
    check_sequence(report, parts, "目录", "Contents", sink);
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_list_numbering, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::ListNumberingRule>();
}
