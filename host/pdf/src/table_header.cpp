#include "table_header.hpp"

#include <algorithm>
#include <cmath>

#include "lines.hpp"

namespace fincheck::pdf_detail {
namespace {

struct HeaderCell {
    Cell cell;
    double y = 0;       // the line it starts on
    double last_y = 0;  // the line of its last wrapped piece
    int page = 0;
    std::size_t first_slot = 0, last_slot = 0;
};

std::size_t slot_of(const std::vector<double>& edges, double x) {
    return static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin());
}

std::vector<HeaderCell> collect(const std::vector<const Line*>& lines, const std::vector<double>& edges, double char_w) {
    std::vector<HeaderCell> cells;
    for (const Line* original : lines) {
        Line copy = *original;
        split_cells(copy, char_w, &edges);
        const Line* line = &copy;
        for (const Cell& cell : line->cells)
            cells.push_back({cell, line->y, line->y, line->page, slot_of(edges, cell.box.x0 + 0.5), slot_of(edges, cell.box.x1 - 0.5)});
    }
    return cells;
}

bool same_slot(const HeaderCell& upper, const HeaderCell& lower) {
    return upper.first_slot == upper.last_slot && lower.first_slot == lower.last_slot && upper.first_slot == lower.first_slot;
}

// Centred text wrapped in a wide cell (支出功能分类 / 科目编码): the same centre, the upper
// piece no narrower, and nothing else beside the lower piece under the upper one (a group
// heading has its sub-headings side by side).
bool centred_piece(const HeaderCell& upper, const HeaderCell& lower, const std::vector<HeaderCell>& cells, double char_w) {
    double upper_centre = (upper.cell.box.x0 + upper.cell.box.x1) / 2;
    double lower_centre = (lower.cell.box.x0 + lower.cell.box.x1) / 2;
    if (std::abs(upper_centre - lower_centre) > 0.6 * char_w || upper.cell.box.width() < lower.cell.box.width() - char_w)
        return false;
    return std::none_of(cells.begin(), cells.end(), [&](const HeaderCell& other) {
        return &other != &lower && std::abs(other.y - lower.y) < 0.01 &&
               std::min(other.cell.box.x1, upper.cell.box.x1 + char_w) - std::max(other.cell.box.x0, upper.cell.box.x0 - char_w) > 0;
    });
}

// A cell wrapped onto the next line (本年收入合 / 计, 附属单 / 位上 / 缴收入): pieces in the same
// single column, or centred pieces, one line pitch apart.
std::vector<HeaderCell> join_wrapped(std::vector<HeaderCell> cells, double char_w) {
    std::vector<HeaderCell> joined;
    for (const HeaderCell& cell : cells) {
        auto piece_of = std::find_if(joined.rbegin(), joined.rend(), [&](const HeaderCell& upper) {
            return cell.y > upper.last_y && cell.y - upper.last_y < 1.4 * char_w &&
                   (same_slot(upper, cell) || centred_piece(upper, cell, cells, char_w));
        });
        if (piece_of != joined.rend()) {
            piece_of->cell.text += cell.cell.text;
            piece_of->cell.box.extend(cell.cell.box);
            piece_of->last_y = cell.y;
            continue;
        }
        joined.push_back(cell);
    }
    return joined;
}

// A group heading (收入 over 项目 | 决算数, 本年支出 over 小计 | 基本支出 | 项目支出) is centred over
// the columns it groups, each of which has a heading lower down. Returns the first of the
// widest such run of columns, or the cell's own column.
std::size_t column_of(const HeaderCell& cell, const std::vector<HeaderCell>& cells, const std::vector<Band>& bands,
                      double char_w) {
    if (cell.first_slot != cell.last_slot) return cell.first_slot;
    auto covered = [&](std::size_t band) {
        return std::any_of(cells.begin(), cells.end(), [&](const HeaderCell& lower) {
            return lower.y > cell.last_y + 0.5 * char_w && lower.first_slot <= band && band <= lower.last_slot;
        });
    };
    double centre = (cell.cell.box.x0 + cell.cell.box.x1) / 2;
    std::size_t best = cell.first_slot;
    double best_width = 0;
    for (std::size_t a = 0; a <= cell.first_slot; ++a)
        for (std::size_t b = std::max(cell.first_slot, a + 1); b < bands.size(); ++b) {
            double x0 = bands[a].x0, x1 = bands[b].x1, width = x1 - x0;
            if (width <= best_width || std::abs((x0 + x1) / 2 - centre) > std::max(0.12 * width, 8.0)) continue;
            bool all_covered = true;
            for (std::size_t k = a; k <= b && all_covered; ++k) all_covered = covered(k);
            if (!all_covered) continue;
            best = a;
            best_width = width;
        }
    return best;
}

bool disjoint(const TableRow& a, const TableRow& b) {
    for (std::size_t i = 0; i < a.cells.size(); ++i)
        if (!a.cells[i].empty() && !b.cells[i].empty()) return false;
    return true;
}

// Header lines that fill different columns are one header row printed at different
// heights (a tall cell's text is centred): 项目 above, 本年收入合计 lower down.
std::vector<TableRow> merge_disjoint(std::vector<TableRow> rows) {
    std::vector<TableRow> merged;
    for (TableRow& row : rows) {
        if (!merged.empty() && disjoint(merged.back(), row)) {
            for (std::size_t i = 0; i < row.cells.size(); ++i)
                if (!row.cells[i].empty()) merged.back().cells[i] = row.cells[i];
            merged.back().box.extend(row.box);
            continue;
        }
        merged.push_back(std::move(row));
    }
    return merged;
}

}  // namespace

std::vector<TableRow> header_rows(const std::vector<const Line*>& lines, const std::vector<Band>& bands, double char_w) {
    if (lines.empty() || bands.empty()) return {};
    std::vector<HeaderCell> cells = join_wrapped(collect(lines, column_edges(bands), char_w), char_w);
    std::vector<TableRow> rows;
    for (const HeaderCell& cell : cells) {
        if (rows.empty() || std::abs(rows.back().y - cell.y) > 0.01) {
            TableRow row;
            row.cells.assign(bands.size(), std::string());
            row.box = cell.cell.box;
            row.y = cell.y;
            row.page = cell.page;
            row.header = true;
            rows.push_back(std::move(row));
        }
        TableRow& row = rows.back();
        row.cells[column_of(cell, cells, bands, char_w)] += cell.cell.text;
        row.box.extend(cell.cell.box);
    }
    return merge_disjoint(std::move(rows));
}

}  // namespace fincheck::pdf_detail
