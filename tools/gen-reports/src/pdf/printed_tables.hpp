// How each table of a Report is printed: the nine standard tables in the national
// template's shapes (01 and 04 income | expenditure side by side, 06 with its 人员经费 and
// 公用经费 code halves side by side, 类/款/项 code columns in 02/03/05/07/08), any other
// table as label and value columns under its header paths.
#pragma once

#include "fincheck/report.hpp"
#include "table_draw.hpp"

namespace fincheck::gen::pdf {

struct PrintPlan {
    PrintedTable table;
    bool side_by_side = false;
};

PrintPlan plan_table(const Table& table);

}  // namespace fincheck::gen::pdf
