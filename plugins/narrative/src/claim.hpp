// A numeric statement found in prose: what it says, about what, and where.
#pragma once

#include <cstdint>
#include <string>

#include "fincheck/decimal.hpp"

namespace fincheck::narrative {

enum class ClaimKind : std::uint8_t {
    amount,          // 基本支出153.53万元
    count,           // 在职实有人数3人
    percent,         // a percentage with no recognised role (合格率100%)
    share,           // 占本年支出25.92%
    change_amount,   // 减少63.94万元
    change_percent,  // 下降9.74%
    rate,            // 完成年初预算的97.7%, 执行率98.68%
    comparison,      // 持平, 无变化, 大于, 小于, 等于 (no number of its own)
};

const char* to_string(ClaimKind kind);

// What an amount stands for in a budget-versus-actual statement.
enum class Role : std::uint8_t { level, budget, actual };

// Which budget a rate or a budget figure refers to.
enum class BudgetKind : std::uint8_t { any, initial, adjusted };

// For comparison words and changes: which way the statement says the value moved.
enum class Relation : std::int8_t { none, equal, about_equal, greater, less };

struct Claim {
    ClaimKind kind = ClaimKind::amount;
    Decimal value;             // amounts in 万元; percentages in points; counts as printed
    int decimals = 0;          // fractional digits as printed
    Decimal half_unit;         // half a unit of the last printed place, in the same unit as value
    std::u32string raw;        // the number and its unit as printed (compact form)
    std::u32string unit;       // 万元, 元, 亿元, %, 人 …
    std::u32string subject;    // normalized phrase before the number within its clause
    std::u32string whole;      // share: the phrase after 占 (「本年支出合计」), may be empty
    std::uint32_t begin = 0;   // code-point span in the block text
    std::uint32_t end = 0;
    int sentence = 0;          // index of the sentence (split at 。！？；) within the block
    int period = 0;            // index of the sentence split at 。！？ only
    int clause = 0;            // index of the clause (split at ，： too)
    bool after_qizhong = false;  // a 「其中」 precedes it within the sentence
    bool prior_year = false;   // 「与2023年度656.23万元相比」: a figure of year Y−1
    bool approximate = false;  // 「1500余名」, 「约」
    Role role = Role::level;
    BudgetKind budget_kind = BudgetKind::any;
    Relation relation = Relation::none;  // change direction (greater/less) or comparison word
    std::u32string word;       // comparison: the word; for 决算数…预算数 the operands exist
    bool names_actual_vs_budget = false;  // comparison: 「决算数小于预算数」 form
};

}  // namespace fincheck::narrative
