#include "negative_amount_rule.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fincheck/finding.hpp>
#include <fincheck/report.hpp>

namespace example {

namespace {

constexpr std::string_view kRuleId = "example-negative-amount";

fincheck::RuleMeta make_meta() {
    fincheck::RuleMeta m;
    m.id = std::string(kRuleId);
    // m.version keeps its default "1"; bump it when the rule starts judging differently.
    m.title_zh = "标准表金额为负数";
    m.title_en = "Negative amount in a standard table";
    m.category = "arithmetic";
    m.default_severity = fincheck::Severity::warning;
    m.options.push_back({"exempt-columns", fincheck::OptionType::list, "",
                         "允许出现负数的栏目（列键，逗号分隔）",
                         "Column keys in which a negative amount is accepted (comma-separated)"});
    m.messages.push_back({"negative",
                          "{table}表「{row}」行「{column}」栏金额为负数：{value}",
                          "Table {table}, row \"{row}\", column \"{column}\" holds a negative "
                          "amount: {value}"});
    m.docs = "rules/example-negative-amount.md";
    return m;
}

}  // namespace

const fincheck::RuleMeta& NegativeAmountRule::meta() const {
    static const fincheck::RuleMeta meta = make_meta();
    return meta;
}

void NegativeAmountRule::check(const fincheck::Report& report, const fincheck::RuleContext& context,
                               fincheck::FindingSink& sink) const {
    // Read per call, never cached in the rule: check() runs concurrently on many reports.
    const std::vector<std::string_view> exempt = context.option_list("exempt-columns");
    const fincheck::Decimal zero;

    // Reading order (row by row, left to right), so findings come out as an auditor reads.
    for (const fincheck::Table& table : report.tables) {
        if (table.kind != fincheck::TableKind::standard) continue;
        for (const fincheck::Row& row : table.rows) {
            for (std::size_t column = 0; column < table.columns.size(); ++column) {
                const std::string_view column_key = table.columns[column].key;
                const fincheck::Cell* cell = row.cell(column);
                // Blank cells and placeholders such as 「-」 carry no value: nothing to judge.
                if (cell == nullptr || !cell->value || *cell->value >= zero) continue;
                if (std::find(exempt.begin(), exempt.end(), column_key) != exempt.end()) continue;
                sink.add(fincheck::FindingBuilder(kRuleId, "negative")
                             .at(fincheck::Location::at_cell(table, row, column_key))
                             .arg("table", table.id)
                             .arg("row", row.label.empty() ? row.key : row.label)
                             .arg("column", column_key)
                             .arg("value", cell->raw)
                             .expected("≥ 0")
                             .actual(cell->raw)
                             .evidence_cell("amount", table, row, column)
                             .build());
            }
        }
    }
}

}  // namespace example
