// narrative-wrong-kind: an item described as 基本支出 that table 05 books entirely as 项目支出,
// or the reverse. Only where the item names its 类/款/项 and exactly one 05 row matches.
#include <algorithm>
#include <functional>

#include "compact_reader.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/text/bytes.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

struct ItemName {
    std::u32string class_name, item_name, subitem_name;
};

// 「2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。…」
std::optional<ItemName> item_heading(std::u32string_view text) {
    if (text.find(U'类') == std::u32string_view::npos) return std::nullopt;  // no （类）: most blocks
    std::u32string folded;
    for (char32_t c : text) {
        if (!is_space(c)) folded.push_back(fold(c));
    }
    auto cls = folded.find(U"（类）");
    auto item = folded.find(U"（款）");
    auto sub = folded.find(U"（项）");
    if (cls == std::u32string::npos || item == std::u32string::npos || sub == std::u32string::npos) return std::nullopt;
    if (!(cls < item && item < sub)) return std::nullopt;
    std::size_t start = 0;
    while (start < cls && (is_digit(folded[start]) || folded[start] == U'、' || folded[start] == U'.' ||
                           folded[start] == U'（' || folded[start] == U'）'))
        ++start;
    ItemName name;
    name.class_name = folded.substr(start, cls - start);
    name.item_name = folded.substr(cls + 3, item - cls - 3);
    name.subitem_name = folded.substr(item + 3, sub - item - 3);
    if (name.class_name.empty() || name.item_name.empty() || name.subitem_name.empty()) return std::nullopt;
    return name;
}

// A finding needs both an item heading (its 类) and a 「主要用于」 sentence in the block, each
// written with its characters' bytes unbroken; a block without both is not decoded. The
// 12-byte 主要用于 is searched first, with skips (most blocks have no such sentence).
// Bytes that may open an overlong sequence (C0, C1, E0, F0) would decode to any character:
// such a block is always decoded.
bool may_describe_an_item(std::string_view utf8) {
    static const std::string_view kUse = "主要用于";
    static const std::boyer_moore_horspool_searcher search_use(kUse.begin(), kUse.end());
    if (text::has_overlong_lead(utf8)) return true;
    if (std::search(utf8.begin(), utf8.end(), search_use) == utf8.end()) return false;
    return utf8.find("类") != std::string_view::npos;
}

std::u32string label_of(const Row& row) { return normalize_phrase(to_u32(row.label)); }

const Row* find_subitem(const Table& table, std::string_view class_code, const ItemName& name) {
    std::u32string item = normalize_phrase(name.item_name), sub = normalize_phrase(name.subitem_name);
    std::vector<const Row*> candidates;
    std::vector<const Row*> items = table.rows_with_code_prefix(class_code, 5);
    bool item_rows_printed = !items.empty();
    for (const Row* item_row : items) {
        if (label_of(*item_row) != item) continue;
        for (const Row* row : table.rows_with_code_prefix(item_row->code, 7))
            if (label_of(*row) == sub) candidates.push_back(row);
    }
    if (!item_rows_printed) {
        for (const Row* row : table.rows_with_code_prefix(class_code, 7))
            if (label_of(*row) == sub) candidates.push_back(row);
    }
    return candidates.size() == 1 ? candidates.front() : nullptr;
}

class WrongKind final : public NarrativeRule {
public:
    explicit WrongKind(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-wrong-kind")
                            .title("支出性质表述与决算表不符",
                                "Expenditure kind contradicts the tables")
                            .severity(Severity::error)
                            .message("mismatch",
                                "正文称「{item}」为{said}，但05表将其全部列为{booked}",
                                "The prose calls '{item}' {said}, but table 05 books all of it as {booked}")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext&, FindingSink& sink) const override {
        const Report& report = *analysis.report;
        const Table* table = report.table("05");
        if (table == nullptr) return;
        auto basic = table->column_index("基本支出");
        auto project = table->column_index("项目支出");
        if (!basic || !project) return;
        for (const BlockClaims& block : analysis.blocks) {
            // The analysis keeps the text of blocks with claims only: an item heading need
            // hold none. Its 类 is looked for in the bytes; the few blocks with one are decoded.
            std::string_view utf8 = report.blocks[static_cast<std::size_t>(block.block)].text;
            if (!may_describe_an_item(utf8)) continue;
            const std::u32string text = to_u32(utf8);
            auto name = item_heading(text);
            if (!name) continue;
            const Concept* cls = lexicon().find(normalize_phrase(name->class_name));
            if (cls == nullptr || cls->code.empty()) continue;
            const Row* row = find_subitem(*table, cls->code, *name);
            if (row == nullptr) continue;
            auto [said, begin, end] = described_kind(text);
            if (said.empty()) continue;
            Decimal basic_value = row->cell(*basic) && row->cell(*basic)->value ? *row->cell(*basic)->value : Decimal{};
            Decimal project_value = row->cell(*project) && row->cell(*project)->value ? *row->cell(*project)->value : Decimal{};
            bool says_basic = said == U"基本支出";
            bool wrong = says_basic ? (basic_value.is_zero() && project_value > Decimal{})
                                    : (project_value.is_zero() && basic_value > Decimal{});
            if (!wrong) continue;
            FindingBuilder finding(meta().id, "mismatch");
            finding.at(Location::at_block(report, block.block, begin, end))
                .arg("said", to_utf8(said))
                .arg("item", std::string(row->label))
                .arg("booked", says_basic ? "项目支出" : "基本支出")
                .expected(says_basic ? "项目支出" : "基本支出")
                .actual(to_utf8(said))
                .evidence("claim", Location::at_block(report, block.block, begin, end), to_utf8(said))
                .evidence_cell("basic", *table, *row, *basic)
                .evidence_cell("project", *table, *row, *project);
            sink.add(std::move(finding).build());
        }
    }

private:
    struct Said {
        std::u32string kind;
        std::uint32_t begin = 0, end = 0;
    };
    // The kind the 「主要用于：」 sentence ends with: 「…等基本支出。」
    static Said described_kind(std::u32string_view text) {
        std::size_t use = text.find(U"主要用于");
        if (use == std::u32string_view::npos) return {};
        std::size_t stop = text.find_first_of(U"。；;", use);
        if (stop == std::u32string_view::npos) stop = text.size();
        std::u32string_view sentence = text.substr(use, stop - use);
        while (!sentence.empty() && is_space(sentence.back())) sentence.remove_suffix(1);
        for (std::u32string_view kind : {U"基本支出", U"项目支出"}) {
            if (ends_with(sentence, kind)) {
                auto begin = static_cast<std::uint32_t>(use + sentence.size() - kind.size());
                return {std::u32string(kind), begin, static_cast<std::uint32_t>(begin + kind.size())};
            }
        }
        return {};
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_wrong_kind, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::WrongKind>(context);
}
