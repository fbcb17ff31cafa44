// A table as printed: header rows of (possibly spanning) cells over a body of one text per
// column, drawn in ruled or unruled cells; labels wrap inside their cell, amounts are
// right-aligned, and a table that reaches the bottom of a page continues on the next with
// its header rows repeated.
#pragma once

#include <string>
#include <vector>

#include "page.hpp"
#include "text_flow.hpp"

namespace fincheck::gen::pdf {

// Points above a table for its title, 公开NN表, 部门 and 单位 lines, kept on its page.
inline constexpr double kTableTitleBlock = 80;

struct HeaderCell {
    std::string text;
    int span = 1;  // columns covered
};

struct PrintedColumn {
    double width = 0;  // points; 0: a share of what the fixed columns leave, by weight
    double weight = 1;
    Align align = Align::left;
    bool amounts = false;  // a value column: an empty cell there is a blank amount
};

struct PrintedTable {
    std::vector<PrintedColumn> columns;
    std::vector<std::vector<HeaderCell>> header;
    std::vector<std::vector<std::string>> body;  // one text per column
    bool ruled = true;
    // Started on a new page rather than broken when it fits on one: a side-by-side table
    // whose short half leaves lines with a single cell, which read as text on their own.
    bool keep_together = false;
};

struct TableDrawStats {
    bool across_pages = false;
    int wrapped_cells = 0;
    int blank_cells = 0;
};

TableDrawStats draw_table(PageWriter& page, const PrintedTable& table);
// The height the table needs on a page before it may break: its header and first rows (the
// whole table when kept together). The caller keeps the table's title with it.
double opening_height(PageWriter& page, const PrintedTable& table);

}  // namespace fincheck::gen::pdf
