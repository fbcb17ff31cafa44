// The sums a table states about itself, found from its shape alone (no list of tables):
// a 合计/总计/小计 row over the rows it closes, a 类/款 code row over its code children, a
// 合计/小计 column over its sibling columns. Used by the generic arith-* rules.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::arith {

enum class SumKind { row_total, code_subtotal, column_total };

struct CellRef {
    const Row* row = nullptr;
    std::size_t column = 0;
};

struct SumRelation {
    SumKind kind = SumKind::row_total;
    const Table* table = nullptr;
    CellRef total;
    std::vector<CellRef> parts;
};

// True for labels that mark a whole-table or group total: 合计, 总计, 小计 (spaces ignored).
bool is_total_label(std::string_view label);
// A column whose figures can be added: not a rate, share, ordinal or target.
bool is_additive_column(const Table& table, std::size_t column);

std::vector<SumRelation> sum_relations(const Table& table);

}  // namespace fincheck::arith
