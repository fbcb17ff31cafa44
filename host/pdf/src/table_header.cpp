#include "table_header.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "lines.hpp"

namespace fincheck::pdf_detail {
namespace {

// A heading's sub-headings are a row lower: at least one line of text below it.
constexpr double kRowBelow = 1.0;
// Runs centred this nearly alike are equally good (off-centre, as a share of the run's width).
constexpr double kAsGood = 0.003;

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
// piece no narrower but for a word carried whole to the next line (公务用车 / 运行维护费), and
// nothing else beside the lower piece under the upper one (a group heading has its
// sub-headings side by side).
bool centred_piece(const HeaderCell& upper, const HeaderCell& lower, const std::vector<HeaderCell>& cells, double char_w) {
    double upper_centre = (upper.cell.box.x0 + upper.cell.box.x1) / 2;
    double lower_centre = (lower.cell.box.x0 + lower.cell.box.x1) / 2;
    if (std::abs(upper_centre - lower_centre) > 0.6 * char_w || upper.cell.box.width() < lower.cell.box.width() - 1.5 * char_w)
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

struct Span {
    std::size_t first = 0, last = 0;
    bool covers(std::size_t column) const { return first <= column && column <= last; }
    bool contains(const Span& other) const { return first <= other.first && other.last <= last; }
};

// Where one column ends and the next begins: midway between their bands, and as far beyond
// the outer bands as the nearest inner cut is from its band. Band centres are no good: the
// words that make the bands may be left-aligned in their cells (预算数 | 决算数 under 三公).
std::vector<double> column_cuts(const std::vector<Band>& bands) {
    std::vector<double> cuts = {bands.front().x0};
    for (double edge : column_edges(bands)) cuts.push_back(edge);
    cuts.push_back(bands.back().x1);
    if (bands.size() > 1) {
        cuts.front() -= bands[1].x0 - cuts[1];
        cuts.back() += cuts[cuts.size() - 2] - bands[bands.size() - 2].x1;
    }
    return cuts;
}

// A group heading is the top of its run: no other heading reaching into those columns sits
// less than a row lower, unless it is a heading over the group (its columns contain the run,
// as 财政拨款“三公”经费 over 公务用车购置及运行费, its narrow text inside the wide run). A
// sibling set in a taller cell sits lower than the heading yet bounds its run all the same.
bool topmost(std::size_t self, const std::vector<HeaderCell>& cells, const std::vector<std::optional<Span>>& spans,
             Span run, double x0, double x1, double char_w) {
    const HeaderCell& cell = cells[self];
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const HeaderCell& other = cells[i];
        double inside = std::min(other.cell.box.x1, x1) - std::max(other.cell.box.x0, x0);
        if (i == self || other.y >= cell.y + kRowBelow * char_w || inside <= 0.5 * char_w) continue;
        bool parent = other.y < cell.y - 0.3 * char_w && spans[i] && spans[i]->contains(run);
        if (!parent) return false;
    }
    return true;
}

// A parent spans the union of its children: a run that takes some but not all of the columns
// under a lower heading's text (小计 over two narrow columns), or only the columns of one lower
// group heading (公务用车购置费 under 公务用车购置及运行维护费), is not a group's run.
bool not_a_union(const HeaderCell& cell, const std::vector<HeaderCell>& cells, Span run, double char_w) {
    return std::any_of(cells.begin(), cells.end(), [&](const HeaderCell& lower) {
        if (lower.y <= cell.last_y + 0.3 * char_w) return false;
        bool first = run.covers(lower.first_slot), last = run.covers(lower.last_slot);
        bool only_child = lower.first_slot < lower.last_slot && lower.first_slot == run.first && lower.last_slot == run.last &&
                          lower.cell.box.width() < cell.cell.box.width() - char_w;  // not a wrapped piece of it
        return first != last || only_child;
    });
}

// A group heading (收入 over 项目 | 决算数, 本年支出 over 小计 | 基本支出 | 项目支出) is centred over
// the columns it groups, each of which has a heading a row lower down (a sibling set in a
// taller cell is centred less than a row lower). Returns the best-centred such run of columns,
// or the columns the cell's own text spans. `spans` holds the columns of the headings above it.
Span columns_of(std::size_t self, const std::vector<HeaderCell>& cells, const std::vector<std::optional<Span>>& spans,
                const std::vector<double>& cuts, double char_w) {
    const HeaderCell& cell = cells[self];
    Span own{cell.first_slot, cell.last_slot};
    const std::size_t count = cuts.size() - 1;
    auto covered = [&](std::size_t band) {
        return std::any_of(cells.begin(), cells.end(), [&](const HeaderCell& lower) {
            return lower.y > cell.last_y + kRowBelow * char_w && lower.first_slot <= band && band <= lower.last_slot;
        });
    };
    // Under a heading, of runs centred alike the narrowest is the group (公务用车购置及运行维护费
    // over its three sub-headings, not also over its siblings beside them); a heading with
    // none above it spans the widest (财政拨款“三公”经费 over the whole table).
    bool has_parent = false;
    for (std::size_t i = 0; i < cells.size(); ++i)
        has_parent = has_parent || (cells[i].y < cell.y - 0.3 * char_w && spans[i] && spans[i]->contains(own));
    double centre = (cell.cell.box.x0 + cell.cell.box.x1) / 2;
    Span best = own;
    double best_error = 0.12;  // off-centre, as a share of the run's width
    double best_width = 0;
    // A heading whose text reaches over several columns (经济分类 over 类 | 款) competes with
    // the runs around it, centred as well as they are.
    if (own.first != own.last && !not_a_union(cell, cells, own, char_w)) {
        best_width = cuts[own.last + 1] - cuts[own.first];
        best_error = std::min(best_error, std::abs((cuts[own.first] + cuts[own.last + 1]) / 2 - centre) / best_width);
    }
    for (std::size_t a = 0; a <= cell.first_slot; ++a)
        for (std::size_t b = std::max(cell.last_slot, a + 1); b < count; ++b) {
            double x0 = cuts[a], x1 = cuts[b + 1], width = x1 - x0;
            double error = std::abs((x0 + x1) / 2 - centre) / width;
            bool as_good = std::abs(error - best_error) < kAsGood;
            bool preferred = has_parent ? width < best_width : width > best_width;
            if (as_good ? !preferred : error > best_error) continue;
            bool all_covered = true;
            for (std::size_t k = a; k <= b && all_covered; ++k) all_covered = covered(k);
            if (not_a_union(cell, cells, {a, b}, char_w)) continue;
            if (!all_covered || !topmost(self, cells, spans, {a, b}, x0, x1, char_w)) continue;
            best = {a, b};
            best_error = error;
            best_width = width;
        }
    return best;
}

// The columns of every header cell, the highest headings first: a heading over a group is
// known before the group's own heading asks whether it is its parent.
std::vector<Span> spans_of(const std::vector<HeaderCell>& cells, const std::vector<Band>& bands, double char_w) {
    const std::vector<double> cuts = column_cuts(bands);
    std::vector<std::size_t> order(cells.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cells[a].y < cells[b].y; });
    std::vector<std::optional<Span>> spans(cells.size());
    for (std::size_t i : order) spans[i] = columns_of(i, cells, spans, cuts, char_w);
    std::vector<Span> out;
    for (const auto& span : spans) out.push_back(*span);
    return out;
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
    const std::vector<Span> spans = spans_of(cells, bands, char_w);
    double y = -1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (lines.empty() || std::abs(y - cells[i].y) > 0.01) lines.emplace_back();
        y = cells[i].y;
        lines.back().push_back({spans[i].first, spans[i], &cells[i]});
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
