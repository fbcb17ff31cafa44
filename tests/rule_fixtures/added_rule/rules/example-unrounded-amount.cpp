// example-unrounded-amount: an amount in one of the nine standard tables is printed with more
// than two decimals (「12.345」). The tables are in 万元 to two decimals; a third decimal is a
// figure pasted from a working sheet before it was rounded, and the totals around it no longer
// show what was added up.
//
// The rule issue #15 adds "from the template in three files": this file, its page
// ../example-unrounded-amount.md and its fixtures ../../fixtures/example-unrounded-amount/.
// Nothing else names it; the template's unchanged plugin.cpp finds it through make_rules().
#include <memory>
#include <string>
#include <string_view>

#include <fincheck/finding.hpp>
#include <fincheck/plugin.hpp>
#include <fincheck/report.hpp>
#include <fincheck/rule.hpp>
#include <fincheck/rule_file.hpp>
#include <fincheck/rule_meta.hpp>

namespace example {
namespace {

constexpr std::string_view kRuleId = "example-unrounded-amount";

// The number of digits printed after the decimal point of `raw`.
std::size_t decimals(std::string_view raw) {
    const std::size_t point = raw.find('.');
    if (point == std::string_view::npos) return 0;
    std::size_t count = 0;
    for (std::size_t i = point + 1; i < raw.size() && raw[i] >= '0' && raw[i] <= '9'; ++i) ++count;
    return count;
}

class UnroundedAmountRule final : public fincheck::Rule {
public:
    UnroundedAmountRule()
        : meta_(fincheck::RuleMetaBuilder(std::string(kRuleId), "arithmetic")
                    .title("标准表金额多于两位小数", "Amount in a standard table has more than two decimals")
                    .severity(fincheck::Severity::info)
                    .message("unrounded", "{table}表「{row}」行「{column}」栏金额{value}多于两位小数",
                             "Table {table}, row \"{row}\", column \"{column}\" prints {value} with more "
                             "than two decimals")
                    .page_in("")
                    .build()) {}

    const fincheck::RuleMeta& meta() const override { return meta_; }

    void check(const fincheck::Report& report, const fincheck::RuleContext& /*context*/,
               fincheck::FindingSink& sink) const override {
        for (const fincheck::Table& table : report.tables) {
            if (table.kind != fincheck::TableKind::standard) continue;
            for (const fincheck::Row& row : table.rows) {
                for (std::size_t column = 0; column < table.columns.size(); ++column) {
                    const fincheck::Cell* cell = row.cell(column);
                    if (cell == nullptr || !cell->value || decimals(cell->raw) <= 2) continue;
                    const std::string_view column_key = table.columns[column].key;
                    sink.add(fincheck::FindingBuilder(kRuleId, "unrounded")
                                 .at(fincheck::Location::at_cell(table, row, column_key))
                                 .arg("table", table.id)
                                 .arg("row", row.label.empty() ? row.key : row.label)
                                 .arg("column", column_key)
                                 .arg("value", cell->raw)
                                 .expected("两位小数")
                                 .actual(cell->raw)
                                 .evidence_cell("amount", table, row, column)
                                 .build());
                }
            }
        }
    }

private:
    fincheck::RuleMeta meta_;
};

}  // namespace
}  // namespace example

FINCHECK_RULE(example_unrounded_amount, fincheck::PluginEnvironment) {
    return std::make_unique<example::UnroundedAmountRule>();
}
