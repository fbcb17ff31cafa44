// Tables from word boxes: which lines form a table, the column bands (from the data cells'
// alignment and the header words, never from the gaps alone, so blank cells stay blank),
// the cells of each row, and wrapped labels rejoined.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout.hpp"

namespace fincheck::pdf_detail {

struct Band {
    double x0 = 0, x1 = 0;
};

struct TableRow {
    std::vector<std::string> cells;  // one per band, "" where blank
    Box box;
    double y = 0;  // the line's anchor (Line::y): boxes of amounts are not comparable
    int page = 0;
    bool header = false;
};

struct Table {
    std::vector<Band> bands;
    std::vector<TableRow> rows;
};

// A cell that is an amount (2,940.05, -1.00, 0.00, 100.00%) or a code (201, 2013101).
bool is_number_cell(const std::string& text);
// A row that the importer reads as data, not header: an amount or code, an 一、 label, 合计/总计.
bool is_data_line(const Line& line);
// True when the line is a table row candidate: two cells or more, and not 单位：/部门： lines.
bool is_tabular(const Line& line);

// The table's width cut into one column per band, at the midpoints between bands.
std::vector<double> column_edges(const std::vector<Band>& bands);

// The column bands of a table region.
std::vector<Band> column_bands(const std::vector<const Line*>& lines, double char_w);

// Builds the rows of a region with the given bands; header rows first (leading non-data
// lines), wrapped label lines joined to their row.
Table build_table(const std::vector<const Line*>& lines, std::vector<Band> bands, double char_w);

}  // namespace fincheck::pdf_detail
