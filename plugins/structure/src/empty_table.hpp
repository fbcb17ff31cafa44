// A standard table printed without data, and the note that says why: what structure-missing-table
// asks of an empty table (「本部门无…，故本表无数据」).
#pragma once

#include <string_view>

#include "fincheck/report.hpp"

namespace fincheck::structure {

// True when no cell of the table holds a non-zero number.
bool printed_empty(const Table& table);
// True when `text` explains why a table has no data (无…支出, 没有…, 不涉及, 无数据 …).
bool explains_empty_table(std::string_view text);

}  // namespace fincheck::structure
