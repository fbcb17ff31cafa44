// Small helpers the narrative rules share: locations, evidence, number formatting, the
// budget/actual pairing of a sentence.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "fincheck/finding.hpp"
#include "fincheck/rule.hpp"
#include "fincheck/rule_meta.hpp"

namespace fincheck::narrative {

// The start of every narrative rule's metadata: its id, the category and its page under
// plugins/narrative/rules/. Each rule goes on to declare its title, severity and messages.
RuleMetaBuilder narrative_rule(std::string id);

Location claim_location(const Analysis& analysis, const BlockClaims& block, const Claim& claim);
// The location of the byte span [begin, end) of block `block`'s text (spans count code points).
Location block_span(const Report& report, int block, std::size_t begin, std::size_t end);
std::string text_of(const Claim& claim);  // the claim as printed, UTF-8

void add_claim_evidence(FindingBuilder& finding, const Analysis& analysis, const BlockClaims& block,
                        const Claim& claim, std::string_view role);
void add_fact_evidence(FindingBuilder& finding, const FactValue& fact, std::string_view role);

// Two printings of one figure agree when their rounding intervals (plus any configured
// slack) meet.
bool same_figure(Decimal a, Decimal a_half, Decimal b, Decimal b_half, const Tolerance& tolerance);

// A value readable from prose or a table, with the rounding it carries.
struct Reading {
    Decimal value;
    Decimal half_unit;
    const Claim* claim = nullptr;      // when stated in prose
    const FactValue* fact = nullptr;   // when read from a table
};

// The stated figure and its table facts as readings (stated first).
std::vector<Reading> readings_of(const Claim& claim, const std::vector<FactValue>& facts);

// The budget and actual figures a rate or a 决算数/预算数 comparison at claim `at` refers to:
// the nearest ones before it in its sentence, or, when its sentence states no amount before
// it, the ones of the sentence just before (「年初预算数为X万元，支出决算数为Y万元。完成年初预算的Z%」).
struct BudgetPair {
    const Claim* budget = nullptr;
    const Claim* actual = nullptr;
};
BudgetPair budget_pair(const BlockClaims& block, std::size_t at, BudgetKind wanted);

// The tables' budget for the actual a rate refers to when its sentence states none: the
// facts of the actual's concept in the budget role (09 预算数 for a “三公” item, as in 「其中：
// 因公出国（境）费决算为0.00万元，完成预算的0%」). Empty for a concept with no budget binding,
// or a rate of the full-year (adjusted) budget, which no standard table prints.
std::vector<FactValue> table_budgets(const Analysis& analysis, const BlockClaims& block, const Claim& actual,
                                     BudgetKind wanted);

// A year-on-year change and the figures of its sentence it is computed from.
struct ChangeGroup {
    std::optional<std::size_t> amount;   // 减少63.94万元
    std::optional<std::size_t> percent;  // 下降9.74%
    std::optional<std::size_t> current;  // this year's stated figure
    std::optional<std::size_t> prior;    // the prior year's stated figure
};
std::vector<ChangeGroup> change_groups(const BlockClaims& block);

// The attachment forms stating 预算数, 执行数 and 执行率 (Analysis::form_rates holds them).
std::vector<FormRate> form_rates(const Report& report);
Location form_location(const Report& report, const FormRate& form, const Field& field);

// Percent text with the decimals of the stated figure: 94.25 for a stated 97.70.
std::string percent_text(Decimal exact, int decimals);

}  // namespace fincheck::narrative
