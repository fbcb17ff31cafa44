// Reading the table fact a concept binds to, through the canonical table model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/report.hpp"
#include "lexicon.hpp"

namespace fincheck::narrative {

struct CellRef {
    const Table* table = nullptr;
    const Row* row = nullptr;
    std::size_t column = 0;
};

struct FactValue {
    Decimal value;      // in 万元
    Decimal half_unit;  // rounding half-width of the value (grows with the number of terms)
    std::vector<CellRef> cells;
    std::string label;  // 「05/合计/基本支出」, for messages
};

// The value of one binding, nullopt when a table, row or column is missing or a cell holds
// text that is not a number. A blank cell in a row that exists counts as zero.
std::optional<FactValue> evaluate(const Report& report, const Binding& binding);

// Every binding of `entry` that applies in `context` for a claim of `role`, evaluated;
// bindings the report cannot answer are left out.
std::vector<FactValue> facts_for(const Report& report, const Lexicon& lexicon, const Concept& entry,
                                 std::string_view context, Role role);

}  // namespace fincheck::narrative
