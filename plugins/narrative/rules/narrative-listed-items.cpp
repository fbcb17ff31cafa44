// narrative-listed-items: 「人员经费…，主要包括：基本工资、津贴补贴、奖金…」 against the 06 table
// (一般公共预算财政拨款基本支出决算明细表). A listed item whose row in 06 is printed as zero or
// blank did not happen (warning); a large item the list leaves out (a tenth or more of the
// group) makes the list misleading (info). Items are matched to 06 by the row labels the
// report itself prints, so no catalogue of economic codes is needed here.
#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/utf8.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"

namespace fincheck::narrative {
namespace {

// The two groups of basic expenditure and the economic classes (类) each is made of.
struct Group {
    std::string_view name;
    std::vector<std::string_view> classes;
};
const std::vector<Group>& groups() {
    static const std::vector<Group> kGroups = {{"人员经费", {"301", "303"}}, {"公用经费", {"302", "310", "307", "309", "399"}}};
    return kGroups;
}

// The words that open a list of items, most specific first: a block is read with the first
// one it holds. 「主要用于」 may be followed by purposes rather than items; a list none of
// whose items 06 prints is therefore never judged for what it leaves out.
constexpr std::array<std::string_view, 3> kOpeners = {"主要包括", "主要用于", "包括"};

// An omitted item is a warning when it is among this many largest of its group (and a tenth
// or more of it): 「主要包括」 promises the main items, and the three largest are the ones
// any reader of 06 would call main. Other omitted items of a tenth or more stay info.
constexpr std::size_t kMainItems = 3;

// Labels compare without spaces, brackets of either width and a trailing 支出/费用 ↔ 费.
std::string comparable(std::string_view label) {
    std::string out;
    for (std::size_t pos = 0; pos < label.size();) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next_code_point(label, pos);
        if (cp == U' ' || cp == 0x3000 || cp == U'(' || cp == U')' || cp == U'（' || cp == U'）') continue;
        out.append(label.substr(start, pos - start));
    }
    if (out.ends_with("费用")) out.resize(out.size() - std::string_view("用").size());
    return out;
}

struct Listed {
    std::string_view text;
    std::size_t begin = 0;  // byte offsets in the block
    std::size_t end = 0;
};

// The items after 「{group}…主要包括：」 up to the end of the clause (；or 。), split at 、，,.
std::vector<Listed> listed_items(std::string_view text, std::string_view group, std::string_view opener) {
    std::vector<Listed> out;
    const std::size_t named = text.find(group);
    if (named == std::string_view::npos) return out;
    const std::size_t includes = text.find(opener, named);
    if (includes == std::string_view::npos) return out;
    // The list belongs to this group only when no other clause starts in between.
    const std::string_view between = text.substr(named, includes - named);
    if (between.find("；") != std::string_view::npos || between.find("。") != std::string_view::npos) return out;
    std::size_t pos = includes + opener.size();
    for (std::string_view colon : {std::string_view("："), std::string_view(":")})
        if (text.substr(pos).starts_with(colon)) pos += colon.size();
    std::size_t end = text.size();
    for (std::string_view stop : {std::string_view("；"), std::string_view("。"), std::string_view(";")}) {
        const std::size_t s = text.find(stop, pos);
        if (s != std::string_view::npos && s < end) end = s;
    }
    std::size_t item = pos;
    auto flush = [&](std::size_t at) {
        std::string_view t = text.substr(item, at - item);
        std::size_t b = item;
        while (t.starts_with(" ")) t.remove_prefix(1), ++b;
        while (t.ends_with(" ")) t.remove_suffix(1);
        // 「…等」 closes the list: the last item without it.
        if (t.ends_with("等")) t.remove_suffix(std::string_view("等").size());
        if (!t.empty()) out.push_back({t, b, b + t.size()});
    };
    for (std::size_t at = pos; at < end;) {
        std::size_t next = at;
        const char32_t cp = utf8::next_code_point(text, next);
        if (cp == U'、' || cp == U'，' || cp == U',') {
            flush(at);
            item = next;
        }
        at = next;
    }
    flush(end);
    return out;
}

bool in_group(const Row& row, const Group& group) {
    if (row.code.size() != 5) return false;
    for (std::string_view cls : group.classes)
        if (row.code.starts_with(cls)) return true;
    return false;
}

// The row's amount and its column: 06 prints one amount column per half (Shanghai prints the
// personnel and public halves side by side), so the first numeric cell is the row's 决算数.
struct Amount {
    std::size_t column = 0;
    std::optional<Decimal> value;
};
Amount row_amount(const Row& row) {
    for (std::size_t c = 0; c < row.cells.size(); ++c)
        if (row.cells[c].value) return {c, row.cells[c].value};
    return {};
}

class ListedItems final : public NarrativeRule {
public:
    explicit ListedItems(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-listed-items")
                            .title("人员经费、公用经费「主要包括」所列项目与明细表不符",
                                "Items listed for personnel or public expenses disagree with the detail table")
                            // A listed item that is zero is probably wrong; findings set their own severity, and the
                            // omission of a large item is style.
                            .severity(Severity::warning)
                            .message("zero-item",
                                "正文称{group}主要包括「{item}」，但06表中该项为{value}",
                                "The text lists \"{item}\" among the main {group} items, but table 06 shows {value_en} for it")
                            .message("omitted-item",
                                "正文所列{group}主要项目未包括「{item}」（06表{value}万元，占{group}的{share}）",
                                "The main {group} items listed leave out \"{item}\" ({value} in table 06, {share} of "
                                "the group)")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& /*context*/, FindingSink& sink) const override {
        const Report& report = *analysis.report;
        const Table* detail = report.table("06");
        if (detail == nullptr) return;
        for (std::size_t b = 0; b < report.blocks.size(); ++b) {
            const std::string_view text = report.blocks[b].text;
            for (const Group& group : groups()) {
                for (std::string_view opener : kOpeners) {
                    std::vector<Listed> items = listed_items(text, group.name, opener);
                    if (items.empty()) continue;
                    check_group(report, *detail, static_cast<int>(b), items, group, sink);
                    break;
                }
            }
        }
    }

private:
    void check_group(const Report& report, const Table& detail, int block, const std::vector<Listed>& items,
                     const Group& group, FindingSink& sink) const {
        std::vector<const Row*> rows;
        Decimal total;
        for (const Row& row : detail.rows) {
            if (!in_group(row, group)) continue;
            rows.push_back(&row);
            if (auto v = row_amount(row).value) total = total + *v;
        }
        if (rows.empty()) return;
        std::vector<bool> mentioned(rows.size(), false);
        for (const Listed& item : items) {
            const std::string wanted = comparable(item.text);
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (comparable(rows[r]->label) != wanted) continue;
                mentioned[r] = true;
                const Amount amount = row_amount(*rows[r]);
                const std::optional<Decimal>& value = amount.value;
                if (value && !value->is_zero()) continue;
                const std::string printed = value ? value->to_string(2) : std::string("空白");
                FindingBuilder finding(meta().id, "zero-item");
                finding.at(block_span(report, block, item.begin, item.end))
                    .severity(Severity::warning)
                    .arg("group", group.name)
                    .arg("item", item.text)
                    .arg("value", printed)
                    .arg("value_en", value ? printed : std::string("blank"))
                    .expected("0.00以外的数额 / a non-zero amount")
                    .actual(printed)
                    .evidence_cell("item", detail, *rows[r], amount.column);
                sink.add(std::move(finding).build());
            }
        }
        // A list none of whose items 06 prints may not be a list of items at all.
        if (total <= Decimal{} || std::find(mentioned.begin(), mentioned.end(), true) == mentioned.end()) return;
        // The group's largest amounts, for the warning threshold.
        std::vector<Decimal> amounts;
        for (const Row* row : rows)
            if (auto v = row_amount(*row).value) amounts.push_back(*v);
        std::sort(amounts.begin(), amounts.end(), std::greater<>());
        const Decimal main_floor = amounts.size() >= kMainItems ? amounts[kMainItems - 1] : amounts.back();
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (mentioned[r]) continue;
            const Amount amount = row_amount(*rows[r]);
            const std::optional<Decimal>& value = amount.value;
            // A tenth of the group or more: an item the reader would expect to be named.
            if (!value || *value * 10 < total) continue;
            const Decimal share = *Decimal::percent(*value, total);
            const bool main_item = *value >= main_floor;
            FindingBuilder finding(meta().id, "omitted-item");
            finding.at(block_span(report, block, items.front().begin, items.back().end))
                .severity(main_item ? Severity::warning : Severity::info)
                .arg("group", group.name)
                .arg("item", rows[r]->label)
                .arg("value", *value)
                .arg("share", share.rounded(2).to_string(2) + "%")
                .expected(std::string(rows[r]->label))
                .actual("未列出 / not listed")
                .evidence_cell("item", detail, *rows[r], amount.column);
            sink.add(std::move(finding).build());
        }
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_listed_items, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::ListedItems>(context);
}
