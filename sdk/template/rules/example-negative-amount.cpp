// example-negative-amount: an amount printed in one of the nine standard tables is below zero.
//
// Income, expenditure and balances in a final-accounts disclosure are never negative; a
// minus sign there is a typing or extraction slip. Attachment forms and free tables are not
// checked: a deviation (偏差) column may legitimately be negative.
//
// A rule is this one file, named after its id, beside its page rules/<id>.md and its fixtures
// fixtures/<id>/: the class, its metadata, check(), and FINCHECK_RULE at the end, which the
// plugin's generated make_rules() calls (fincheck_add_rules() in CMakeLists.txt).
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fincheck/finding.hpp>
#include <fincheck/plugin.hpp>
#include <fincheck/report.hpp>
#include <fincheck/rule.hpp>
#include <fincheck/rule_file.hpp>
#include <fincheck/rule_meta.hpp>

namespace example {

namespace {

constexpr std::string_view kRuleId = "example-negative-amount";

// In an unnamed namespace: each rule file's names are its own, so two files may both say
// kRuleId.
class NegativeAmountRule final : public fincheck::Rule {
public:
    NegativeAmountRule()
        : meta_(fincheck::RuleMetaBuilder(std::string(kRuleId), "arithmetic")
                    // The version stays "1" unless given; bump it when the rule starts judging
                    // differently.
                    .title("标准表金额为负数", "Negative amount in a standard table")
                    .severity(fincheck::Severity::warning)
                    .option({"exempt-columns", fincheck::OptionType::list, "",
                             "允许出现负数的栏目（列键，逗号分隔）",
                             "Column keys in which a negative amount is accepted (comma-separated)"})
                    .message("negative", "{table}表「{row}」行「{column}」栏金额为负数：{value}",
                             "Table {table}, row \"{row}\", column \"{column}\" holds a negative "
                             "amount: {value}")
                    .page_in("")  // → rules/example-negative-amount.md
                    .build()) {}

    const fincheck::RuleMeta& meta() const override { return meta_; }
    void check(const fincheck::Report& report, const fincheck::RuleContext& context,
               fincheck::FindingSink& sink) const override;

private:
    fincheck::RuleMeta meta_;
};

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

}  // namespace
}  // namespace example

FINCHECK_RULE(example_negative_amount, fincheck::PluginEnvironment) {
    return std::make_unique<example::NegativeAmountRule>();
}
