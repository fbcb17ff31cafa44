#include "table_draw.hpp"

#include <algorithm>
#include <numeric>

namespace fincheck::gen::pdf {
namespace {

constexpr double kFontSize = 8;
// Wide enough that a right-aligned amount and the label in the next cell stay two cells.
constexpr double kPadding = 4;
constexpr double kMinRowHeight = 15;
constexpr double kMinLabelWidth = 40;
constexpr double kMaxLabelWidth = 170;
constexpr std::size_t kRowsWithHeader = 6;
constexpr double kCellLineSpacing = 0.85;  // 1.23 em between wrapped lines

struct Geometry {
    std::vector<double> x;  // left edge of each column, then the right edge of the last
};

Geometry column_edges(const PageWriter& page, const PrintedTable& table) {
    double weights = 0;
    double fixed = 0;
    for (const PrintedColumn& c : table.columns) {
        if (c.width > 0)
            fixed += c.width;
        else
            weights += c.weight;
    }
    // Fixed columns shrink together when they would leave a label column too narrow for a
    // short label (09 prints twelve amounts beside 栏次 and 合计).
    const double labels = weights > 0 ? kMinLabelWidth : 0;
    const double scale = fixed > page.width() - labels ? (page.width() - labels) / fixed : 1;
    const double rest = std::max(0.0, page.width() - fixed * scale);
    // A table of few amounts is narrower than the page and centred, as published: a label
    // column stretched over half the page would set the centred 项目 far from its codes.
    std::vector<double> widths;
    double total = 0;
    for (const PrintedColumn& c : table.columns) {
        widths.push_back(c.width > 0 ? c.width * scale
                                     : std::min(kMaxLabelWidth, rest * c.weight / weights));
        total += widths.back();
    }
    Geometry g;
    double x = page.left() + (page.width() - total) / 2;
    g.x.push_back(x);
    for (double width : widths) {
        x += width;
        g.x.push_back(x);
    }
    return g;
}

struct PlacedText {
    double x0, x1;
    std::string_view text;
    Align align;
    bool bold;
    bool top = false;  // set at the top of its cell rather than centred vertically
};

// Lays the cells of one row out, returns the row height and how many cells wrapped.
double row_height(cairo_t* cr, const std::vector<PlacedText>& cells, int* wrapped) {
    double height = kMinRowHeight;
    for (const PlacedText& cell : cells) {
        if (cell.text.empty()) continue;
        PangoLayout* layout = make_layout(
            cr, cell.text, TextStyle{kFontSize, cell.bold, cell.align, 0, kCellLineSpacing},
            cell.x1 - cell.x0 - 2 * kPadding);
        height = std::max(height, layout_height(layout) + 2 * kPadding);
        if (wrapped && layout_lines(layout) > 1) ++*wrapped;
        g_object_unref(layout);
    }
    return height;
}

void draw_row(PageWriter& page, const std::vector<PlacedText>& cells, double height, bool ruled) {
    cairo_t* cr = page.cr();
    for (const PlacedText& cell : cells) {
        if (ruled) {
            cairo_set_line_width(cr, 0.5);
            cairo_rectangle(cr, cell.x0, page.y(), cell.x1 - cell.x0, height);
            cairo_stroke(cr);
        }
        if (cell.text.empty()) continue;
        PangoLayout* layout = make_layout(
            cr, cell.text, TextStyle{kFontSize, cell.bold, cell.align, 0, kCellLineSpacing},
            cell.x1 - cell.x0 - 2 * kPadding);
        // Centred vertically, as the published tables set a short cell beside a wrapped one.
        const double top =
            cell.top ? page.y() + kPadding : page.y() + (height - layout_height(layout)) / 2;
        cairo_move_to(cr, cell.x0 + kPadding, top);
        pango_cairo_show_layout(cr, layout);
        g_object_unref(layout);
    }
    page.advance(height);
}

std::vector<PlacedText> header_cells(const Geometry& g, const std::vector<HeaderCell>& row) {
    std::vector<PlacedText> cells;
    std::size_t column = 0;
    for (const HeaderCell& cell : row) {
        const std::size_t end =
            std::min(g.x.size() - 1, column + static_cast<std::size_t>(cell.span));
        // Top-aligned: the first lines of all headings of a row share one baseline, and a
        // wrapped heading continues below it in its own column.
        cells.push_back({g.x[column], g.x[end], cell.text, Align::centre, true, true});
        column = end;
    }
    return cells;
}

double draw_header(PageWriter& page, const Geometry& g, const PrintedTable& table,
                   bool measure_only) {
    double total = 0;
    for (const std::vector<HeaderCell>& row : table.header) {
        const std::vector<PlacedText> cells = header_cells(g, row);
        const double height = row_height(page.cr(), cells, nullptr);
        total += height;
        if (!measure_only) draw_row(page, cells, height, true);
    }
    return total;
}

std::vector<std::vector<PlacedText>> body_cells(const Geometry& g, const PrintedTable& table,
                                                int* blank_cells) {
    std::vector<std::vector<PlacedText>> rows;
    for (const std::vector<std::string>& texts : table.body) {
        std::vector<PlacedText> cells;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const std::string_view text =
                c < texts.size() ? std::string_view(texts[c]) : std::string_view{};
            cells.push_back({g.x[c], g.x[c + 1], text, table.columns[c].align, false});
            if (text.empty() && table.columns[c].amounts && blank_cells) ++*blank_cells;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

// The header stays with its first rows (a page holding a header over one or two rows is
// poor typesetting, and too little for a reader to find the columns by); a table kept
// together moves whole.
double opening(PageWriter& page, const Geometry& g, const PrintedTable& table,
               const std::vector<std::vector<PlacedText>>& rows) {
    const double header = draw_header(page, g, table, true);
    double first_rows = header;
    double whole = header;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double height = row_height(page.cr(), rows[r], nullptr);
        if (r < kRowsWithHeader) first_rows += height;
        whole += height;
    }
    // A table kept together that is longer than a page starts at the top of one, under its
    // title, and breaks there.
    const double page_room = PageWriter::kHeight - PageWriter::kMargin - PageWriter::kBottomMargin;
    return table.keep_together ? std::min(whole, page_room - kTableTitleBlock) : first_rows;
}

}  // namespace

double opening_height(PageWriter& page, const PrintedTable& table) {
    const Geometry g = column_edges(page, table);
    return opening(page, g, table, body_cells(g, table, nullptr));
}

TableDrawStats draw_table(PageWriter& page, const PrintedTable& table) {
    TableDrawStats stats;
    const Geometry g = column_edges(page, table);
    const double header_height = draw_header(page, g, table, true);
    const std::vector<std::vector<PlacedText>> rows = body_cells(g, table, &stats.blank_cells);
    page.ensure_room(opening(page, g, table, rows));
    draw_header(page, g, table, false);
    std::vector<double> heights;
    for (const std::vector<PlacedText>& cells : rows)
        heights.push_back(row_height(page.cr(), cells, &stats.wrapped_cells));
    bool first_on_page = true;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::vector<PlacedText>& cells = rows[r];
        const double height = heights[r];
        // Nor does a page end a table with its last one or two rows alone on the next: the
        // last rows move over together.
        double tail = 0;
        for (std::size_t k = r; k < rows.size(); ++k) tail += heights[k];
        const bool widow = !first_on_page && rows.size() - r == kRowsWithHeader &&
                           tail > page.room() &&
                           tail + header_height <= PageWriter::kHeight - PageWriter::kMargin -
                                                       PageWriter::kBottomMargin;
        first_on_page = false;
        if (height > page.room() || widow) {
            page.new_page();
            stats.across_pages = true;
            draw_header(page, g, table, false);
        }
        draw_row(page, cells, height, table.ruled);
    }
    return stats;
}

}  // namespace fincheck::gen::pdf
