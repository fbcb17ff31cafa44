// Grouping findings by root cause: one wrong cell breaks every relation it takes part in, so a
// single defect shows as several findings (a class line left out of 本年支出合计 fails the class
// sum, 01 against 03, and 01's 总计). The auditor wants defects, not symptoms.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fincheck/finding.hpp"

namespace fincheck::engine {

struct Defect {
    std::string id;                    // d1, d2 … in the order of the findings
    std::string root;                  // table/row/column of the cell to correct; empty for prose
    std::string corrected;             // the value the root cell should hold, when a finding says
    std::vector<std::size_t> findings; // indices into the sorted findings, ascending
};

// A finding of a table relation (category arithmetic or cross-table) and the cells it is made
// of (its location and its evidence), as table/row/column keys.
struct RelationCells {
    bool table_relation = false;
    bool cross_table = false;
    std::vector<std::string> cells;
};

RelationCells relation_cells(const Finding& finding, std::string_view category);

// Findings of table relations that share cells are one defect when one cell takes part in all
// of them; in general, greedily, the fewest cells that together take part in every violated
// relation (a set cover), each chosen cell being one defect. Findings of other rules located on
// the same figure of the prose (block and span) are one defect; every other finding is a defect
// of its own. Deterministic: ties go to the cell most findings are located at, then to the
// smaller key.
std::vector<Defect> group_by_root_cause(const std::vector<const Finding*>& findings,
                                        const std::vector<RelationCells>& cells);

}  // namespace fincheck::engine
