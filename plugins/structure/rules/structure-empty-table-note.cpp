// structure-empty-table-note: the note under a table says the table has no data (「故本表无数据」,
// 「本表为空表」, 「无此项」 — the template's wording for an empty 政府性基金 or 三公 table) while
// the table carries amounts. Either the note was kept from the template or last year's report, or
// the amounts are in the wrong table: the statement and the table cannot both be right.
#include <optional>
#include <string>
#include <string_view>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "rule_data.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

class EmptyTableNoteRule final : public DeclaredRule {
public:
    EmptyTableNoteRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "structure-empty-table-note";

// How a note says that its table is empty, compacted. The templates write 「…没有政府性基金预算
// 财政拨款收入和支出，故本表无数据」 (Shanghai) and 「…本表为空表」 (national practice).
constexpr std::u32string_view kSaysEmpty[] = {U"本表无数据", U"表中无数据", U"本表为空表", U"本表为空",
                                              U"以空表列示", U"公开空表",   U"本表无内容"};

// The empty-table statement in `note`, or an empty view. 「无此项」 says the table is empty only as
// a whole note (「注：无此项。」): inside a sentence it is about one item (「因公出国（境）费无此项
// 支出」) while the others may have amounts.
std::u32string_view empty_statement(std::u32string_view note) {
    for (std::u32string_view phrase : kSaysEmpty)
        if (note.find(phrase) != std::u32string_view::npos) return phrase;
    for (std::u32string_view label : {std::u32string_view(U"注:"), std::u32string_view(U"说明:")})
        if (note.starts_with(label)) note.remove_prefix(label.size());
    while (note.ends_with(U"。") || note.ends_with(U".")) note.remove_suffix(1);
    if (note == U"无此项" || note == U"本表无此项") return note;
    return {};
}

struct Amount {
    const Row* row = nullptr;
    std::size_t column = 0;
};

// The first non-zero amount, in the table's order: a table of 0.00 is as empty as a blank one.
std::optional<Amount> first_amount(const Table& table) {
    for (const Row& row : table.rows)
        for (std::size_t c = 0; c < row.cells.size() && c < table.columns.size(); ++c)
            if (row.cells[c].value && !row.cells[c].value->is_zero()) return Amount{&row, c};
    return std::nullopt;
}

}  // namespace

EmptyTableNoteRule::EmptyTableNoteRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("表下说明称本表无数据，表中却有数额",
                 "The note below a table says it is empty, but the table has amounts")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"has-amounts", "{table}表下说明称「{phrase}」，但表中{row}「{column}」为 {value}：{note}",
               "The note below table {table} says \"{phrase}\", but {row} / {column} holds {value}: "
               "{note}"},
          })
          .build()) {}

void EmptyTableNoteRule::check(const Report& report, const RuleContext& /*context*/,
                               FindingSink& sink) const {
    for (const Table& table : report.tables) {
        if (table.note.empty()) continue;
        const std::u32string note = compact(table.note);
        const std::u32string_view phrase = empty_statement(note);
        if (phrase.empty()) continue;
        const std::optional<Amount> amount = first_amount(table);
        if (!amount) continue;
        const Cell& cell = amount->row->cells[amount->column];
        const std::string_view column = table.columns[amount->column].key;
        sink.add(FindingBuilder(kRuleId, "has-amounts")
                     .at(Location::at_cell(table, *amount->row, column))
                     .arg("table", table.id)
                     .arg("phrase", encode_utf8(phrase))
                     .arg("row", amount->row->label.empty() ? amount->row->key : amount->row->label)
                     .arg("column", column)
                     .arg("value", cell.raw)
                     .arg("note", table.note)
                     .expected("表中无数额，或删去该说明 / no amount, or no such note")
                     .actual(cell.raw)
                     .build());
    }
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_empty_table_note, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::EmptyTableNoteRule>();
}
