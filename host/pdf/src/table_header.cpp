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

// The columns a header cell spans: the bands its text overlaps (a heading wider than its
// right-aligned amounts still spans one column), else the column of its centre.
HeaderCell with_columns(HeaderCell cell, const std::vector<Band>& bands, const std::vector<double>& edges) {
    bool any = false;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (std::min(bands[i].x1, cell.cell.box.x1) - std::max(bands[i].x0, cell.cell.box.x0) <= 0) continue;
        if (!any) cell.first_slot = i;
        cell.last_slot = i;
        any = true;
    }
    if (!any) cell.first_slot = cell.last_slot = slot_of(edges, (cell.cell.box.x0 + cell.cell.box.x1) / 2);
    return cell;
}

std::vector<HeaderCell> collect(const std::vector<const Line*>& lines, const std::vector<Band>& bands, double char_w) {
    const std::vector<double> edges = column_edges(bands);
    std::vector<HeaderCell> cells;
    for (const Line* original : lines) {
        Line copy = *original;
        split_cells(copy, char_w, &edges);
        const Line* line = &copy;
        for (const Cell& cell : line->cells)
            cells.push_back(with_columns({cell, line->y, line->y, line->page, 0, 0}, bands, edges));
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

// A group heading is the top of its run: no other heading inside those columns sits as high
// or higher (one spanning further is a heading over the group).
bool topmost(const HeaderCell& cell, const std::vector<HeaderCell>& cells, double x0, double x1, double char_w) {
    return std::none_of(cells.begin(), cells.end(), [&](const HeaderCell& other) {
        return &other != &cell && other.y < cell.y + 0.3 * char_w && other.cell.box.x0 > x0 - char_w &&
               other.cell.box.x1 < x1 + char_w;
    });
}

struct Span {
    std::size_t first = 0, last = 0;
    bool covers(std::size_t column) const { return first <= column && column <= last; }
};

// A group heading (收入 over 项目 | 决算数, 本年支出 over 小计 | 基本支出 | 项目支出) is centred over
// the columns it groups, each of which has a heading lower down. Returns the best-centred such
// run of columns (the widest among equally good), or the columns the cell's own text spans.
Span columns_of(const HeaderCell& cell, const std::vector<HeaderCell>& cells, const std::vector<Band>& bands, double char_w) {
    Span own{cell.first_slot, cell.last_slot};
    if (cell.first_slot != cell.last_slot) return own;
    auto covered = [&](std::size_t band) {
        return std::any_of(cells.begin(), cells.end(), [&](const HeaderCell& lower) {
            return lower.y > cell.last_y + 0.5 * char_w && lower.first_slot <= band && band <= lower.last_slot;
        });
    };
    double centre = (cell.cell.box.x0 + cell.cell.box.x1) / 2;
    Span best = own;
    double best_error = 0.12;  // off-centre, as a share of the run's width
    double best_width = 0;
    for (std::size_t a = 0; a <= cell.first_slot; ++a)
        for (std::size_t b = std::max(cell.first_slot, a + 1); b < bands.size(); ++b) {
            double x0 = bands[a].x0, x1 = bands[b].x1, width = x1 - x0;
            double error = std::abs((x0 + x1) / 2 - centre) / width;
            bool as_good = std::abs(error - best_error) < 0.01;  // within 1 %: the wider run wins
            if (as_good ? width <= best_width : error > best_error) continue;
            bool all_covered = true;
            for (std::size_t k = a; k <= b && all_covered; ++k) all_covered = covered(k);
            if (!all_covered || !topmost(cell, cells, x0, x1, char_w)) continue;
            best = {a, b};
            best_error = error;
            best_width = width;
        }
    return best;
}

struct PlacedCell {
    std::size_t column = 0;
    Span span;
    const HeaderCell* cell = nullptr;
};

struct HeaderRow {
    TableRow row;
    std::vector<Span> spans;
};

// Lines of header cells, top to bottom, each cell at the first column it spans.
std::vector<std::vector<PlacedCell>> placed_lines(const std::vector<HeaderCell>& cells, const std::vector<Band>& bands,
                                                  double char_w) {
    std::vector<std::vector<PlacedCell>> lines;
    double y = -1;
    for (const HeaderCell& cell : cells) {
        if (lines.empty() || std::abs(y - cell.y) > 0.01) lines.emplace_back();
        y = cell.y;
        Span span = columns_of(cell, cells, bands, char_w);
        lines.back().push_back({span.first, span, &cell});
    }
    return lines;
}

// Each header cell goes into the highest row below every heading that spans its column, where
// that column is still free: a tall cell centred on the whole header (本年收入合计 beside 项目 /
// 功能分类科目编码) joins the first row, as the importer reads flattened headers.
std::vector<TableRow> stack_rows(const std::vector<std::vector<PlacedCell>>& lines, std::size_t width) {
    std::vector<HeaderRow> rows;
    for (const auto& line : lines)
        for (const PlacedCell& placed : line) {
            std::size_t target = 0;
            for (std::size_t r = 0; r < rows.size(); ++r)
                for (const Span& span : rows[r].spans)
                    if (span.covers(placed.column)) target = r + 1;
            while (target < rows.size() && !rows[target].row.cells[placed.column].empty()) ++target;
            if (target == rows.size()) {
                HeaderRow fresh;
                fresh.row.cells.assign(width, std::string());
                fresh.row.box = placed.cell->cell.box;
                fresh.row.y = placed.cell->y;
                fresh.row.page = placed.cell->page;
                fresh.row.header = true;
                rows.push_back(std::move(fresh));
            }
            HeaderRow& row = rows[target];
            row.row.cells[placed.column] += placed.cell->cell.text;
            row.row.box.extend(placed.cell->cell.box);
            row.spans.push_back(placed.span);
        }
    std::vector<TableRow> out;
    for (HeaderRow& row : rows) out.push_back(std::move(row.row));
    return out;
}

}  // namespace

std::vector<TableRow> header_rows(const std::vector<const Line*>& lines, const std::vector<Band>& bands, double char_w) {
    if (lines.empty() || bands.empty()) return {};
    std::vector<HeaderCell> cells = join_wrapped(collect(lines, bands, char_w), char_w);
    return stack_rows(placed_lines(cells, bands, char_w), bands.size());
}

}  // namespace fincheck::pdf_detail
