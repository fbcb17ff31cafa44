#include "tables.hpp"

#include "lines.hpp"
#include "table_header.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace fincheck::pdf_detail {
namespace {

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

const char* const kChineseNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

bool numbered_label(const std::string& text) {
    for (const char* numeral : kChineseNumerals)
        if (starts_with(text, numeral)) return text.find("、") != std::string::npos;
    return false;
}

std::size_t first_data_line(const std::vector<const Line*>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (is_data_line(*lines[i])) return i;
    return lines.size();
}

void merge_interval(std::vector<Band>& bands, Band band) {
    bands.push_back(band);
    std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
    std::vector<Band> merged;
    for (const Band& b : bands) {
        if (!merged.empty() && b.x0 < merged.back().x1) merged.back().x1 = std::max(merged.back().x1, b.x1);
        else merged.push_back(b);
    }
    bands = std::move(merged);
}

bool overlaps_any(const std::vector<Band>& bands, const Box& box) {
    return std::any_of(bands.begin(), bands.end(), [&](const Band& b) { return overlap(b.x0, b.x1, box.x0, box.x1) > 0; });
}

// Left-aligned text columns: data text cells that start at the same x (within 2 pt) as
// another one. A centred merged cell (合计 over code and name) starts nowhere else.
void add_text_columns(std::vector<Band>& bands, const std::vector<const Line*>& data) {
    std::map<long, std::vector<Box>> by_left;
    for (const Line* line : data)
        for (const Cell& cell : line->cells)
            if (!is_number_cell(cell.text)) by_left[std::lround(cell.box.x0 / 2.0)].push_back(cell.box);
    for (auto& [left, boxes] : by_left) {
        std::size_t count = boxes.size();
        if (auto next = by_left.find(left + 1); next != by_left.end()) count += next->second.size();
        if (count < 2) continue;
        Band band{boxes.front().x0, boxes.front().x1};
        for (const Box& box : boxes) band = {std::min(band.x0, box.x0), std::max(band.x1, box.x1)};
        merge_interval(bands, band);
    }
}

std::vector<std::size_t> overlapped(const std::vector<Band>& bands, const Box& box) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (overlap(bands[i].x0, bands[i].x1, box.x0, box.x1) > 0) found.push_back(i);
    return found;
}

// Header cells as boxes for finding columns: the pieces of centred text wrapped onto
// several lines (一般公共预算 / 财政拨款) count as one box, lowest line first.
bool is_total_label(const std::string& text) {
    return starts_with(text, "合计") || starts_with(text, "总计") ||
           (text.size() >= 6 && text.compare(text.size() - 6, 6, "合计") == 0);
}

struct HeaderBox {
    double y = 0;
    Box box;
    bool total_row = false;  // 合计 opening the lowest header line: a row label, not a column
};

std::vector<HeaderBox> header_boxes(const std::vector<const Line*>& header, double char_w) {
    const std::vector<double> no_columns;
    std::vector<std::pair<double, Box>> cells;  // line y, box
    std::vector<bool> totals;
    for (std::size_t i = header.size(); i-- > 0;) {
        Line line = *header[i];
        split_cells(line, char_w, &no_columns);
        for (const Cell& cell : line.cells) {
            cells.emplace_back(line.y, cell.box);
            totals.push_back(i + 1 == header.size() && &cell == &line.cells.front() && is_total_label(cell.text));
        }
    }
    // Pieces of one centred text: the same centre, a line apart, and no other cell beside the
    // piece on its line within the other's width (类 | 款 | 项 under 科目编码 are its columns).
    auto pieces = [&](std::size_t a, std::size_t b) {
        const auto& [ya, box_a] = cells[a];
        const auto& [yb, box_b] = cells[b];
        double centre_a = (box_a.x0 + box_a.x1) / 2, centre_b = (box_b.x0 + box_b.x1) / 2;
        if (std::abs(centre_a - centre_b) >= 0.6 * char_w || std::abs(ya - yb) >= 1.4 * char_w) return false;
        const Box& wide = box_a.width() >= box_b.width() ? box_a : box_b;
        double narrow_y = box_a.width() >= box_b.width() ? yb : ya;
        std::size_t narrow = box_a.width() >= box_b.width() ? b : a;
        for (std::size_t k = 0; k < cells.size(); ++k)
            if (k != narrow && std::abs(cells[k].first - narrow_y) < 0.01 &&
                overlap(cells[k].second.x0, cells[k].second.x1, wide.x0 - char_w, wide.x1 + char_w) > 0)
                return false;
        return true;
    };
    std::vector<HeaderBox> boxes;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        Box joined = cells[c].second;
        std::vector<std::size_t> group = {c};  // pieces chained line by line (国有资本经营 / 预算财政拨 / 款)
        for (std::size_t g = 0; g < group.size(); ++g)
            for (std::size_t k = 0; k < cells.size(); ++k)
                if (std::find(group.begin(), group.end(), k) == group.end() && pieces(group[g], k)) {
                    group.push_back(k);
                    joined.extend(cells[k].second);
                }
        boxes.push_back({cells[c].first, joined, totals[c]});
    }
    return boxes;
}

// A group heading (收入 over 项目 | 决算数) is centred over two or more columns that each have
// a heading lower down; it is not a column of its own.
bool group_heading(const HeaderBox& cell, const std::vector<HeaderBox>& all, const std::vector<Band>& bands, double char_w) {
    double centre = (cell.box.x0 + cell.box.x1) / 2;
    auto covered = [&](const Band& band) {
        return std::any_of(all.begin(), all.end(), [&](const HeaderBox& lower) {
            return !lower.total_row && lower.y > cell.y + 0.5 * char_w && overlap(lower.box.x0, lower.box.x1, band.x0, band.x1) > 0;
        });
    };
    for (std::size_t a = 0; a < bands.size(); ++a)
        for (std::size_t b = a + 1; b < bands.size(); ++b) {
            double x0 = bands[a].x0, x1 = bands[b].x1;
            if (std::abs((x0 + x1) / 2 - centre) > 0.07 * (x1 - x0)) continue;
            // A group heading is the top of its run: no other heading inside those columns sits
            // as high or higher (one spanning further is a heading over the group, which is fine).
            bool topmost = std::none_of(all.begin(), all.end(), [&](const HeaderBox& other) {
                return &other != &cell && other.y < cell.y + 0.3 * char_w && other.box.x0 > x0 - char_w &&
                       other.box.x1 < x1 + char_w;
            });
            if (!topmost) continue;
            bool all_covered = true;
            for (std::size_t k = a; k <= b && all_covered; ++k) all_covered = covered(bands[k]);
            if (all_covered) return true;
        }
    return false;
}

// The heading of one column is centred in its cell like the words under it (one centre lies
// within the other's extent); a group heading that only reaches into one column's band (合计
// over left-aligned 预算数 | 决算数) is not.
bool centred_over(const Box& heading, const Band& band) {
    double heading_centre = (heading.x0 + heading.x1) / 2, band_centre = (band.x0 + band.x1) / 2;
    return (band.x0 <= heading_centre && heading_centre <= band.x1) || (heading.x0 <= band_centre && band_centre <= heading.x1);
}

// Columns that only the header shows (blank in every data row), from the lowest header
// line up: a heading over no column makes one; a heading centred over one such column widens
// it (年初结转和 above 结余), so the column edges do not cut through it; a heading over two or
// more is a group heading.
void add_header_columns(std::vector<Band>& bands, const std::vector<const Line*>& header, double char_w) {
    std::vector<Band> from_header;
    std::vector<HeaderBox> boxes = header_boxes(header, char_w);
    {
        for (const HeaderBox& header_box : boxes) {
            if (header_box.total_row) continue;
            Cell cell{header_box.box, {}};
            if (overlaps_any(bands, cell.box)) continue;
            std::vector<std::size_t> under = overlapped(from_header, cell.box);
            if (under.empty()) {
                std::vector<Band> known = bands;
                known.insert(known.end(), from_header.begin(), from_header.end());
                std::sort(known.begin(), known.end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
                if (!group_heading(header_box, boxes, known, char_w)) from_header.push_back({cell.box.x0, cell.box.x1});
            } else if (under.size() == 1 && centred_over(cell.box, from_header[under[0]])) {
                Band widened{std::min(from_header[under[0]].x0, cell.box.x0), std::max(from_header[under[0]].x1, cell.box.x1)};
                Box widened_box{widened.x0, 0, widened.x1, 0};
                if (!overlaps_any(bands, widened_box) && overlapped(from_header, widened_box).size() == 1)
                    from_header[under[0]] = widened;
            }
        }
    }
    for (const Band& band : from_header) merge_interval(bands, band);
}

int band_by_overlap(const std::vector<Band>& bands, const Box& box) {
    int best = -1;
    double best_overlap = 0;
    double best_distance = 1e9;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        double o = overlap(bands[i].x0, bands[i].x1, box.x0, box.x1);
        double distance = std::abs((bands[i].x0 + bands[i].x1) / 2 - (box.x0 + box.x1) / 2);
        if (o > best_overlap || (best_overlap <= 0 && o <= 0 && distance < best_distance)) {
            best = static_cast<int>(i);
            best_overlap = std::max(o, 0.0);
            best_distance = distance;
        }
    }
    return best;
}

TableRow make_row(const Line& original, const std::vector<Band>& bands, double char_w) {
    Line line = original;
    std::vector<double> edges = column_edges(bands);
    split_cells(line, char_w, &edges);
    TableRow row;
    row.cells.assign(bands.size(), std::string());
    row.box = line.box;
    row.y = line.y;
    row.page = line.page;
    for (std::size_t i = 0; i < line.cells.size(); ++i) {
        int band = band_by_overlap(bands, line.cells[i].box);
        if (band < 0) continue;
        row.cells[static_cast<std::size_t>(band)] += line.cells[i].text;
    }
    return row;
}

bool opens_row(const std::string& text) {
    for (std::string_view start : {"合计", "总计", "本年", "年初", "年末", "其中", "（", "("})
        if (starts_with(text, start)) return true;
    return numbered_label(text);
}

// A label's wrapped part: a line of text only, no code, no amount, that does not open a
// row of its own (一、…, 合计, 本年…).
bool label_continuation(const TableRow& row) {
    bool any = false;
    for (const std::string& cell : row.cells) {
        if (cell.empty()) continue;
        if (is_number_cell(cell) || opens_row(cell)) return false;
        any = true;
    }
    return any;
}

// A wrapped label: a continuation line just under its row, or two data lines closer than a
// row's pitch whose numbers do not collide.
bool joinable(const TableRow& upper, const TableRow& lower, double pitch, double char_w) {
    double distance = lower.y - upper.y;
    if (lower.page != upper.page || distance > 2.2 * char_w) return false;
    if (label_continuation(lower)) return distance < 1.35 * char_w;  // one line pitch of text
    if (distance > 0.8 * pitch) return false;
    for (std::size_t i = 0; i < upper.cells.size(); ++i) {
        if (upper.cells[i].empty() || lower.cells[i].empty()) continue;
        if (is_number_cell(upper.cells[i]) || is_number_cell(lower.cells[i])) return false;
    }
    return true;
}

double median_pitch(const std::vector<TableRow>& rows) {
    std::vector<double> pitches;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i].page == rows[i - 1].page) pitches.push_back(rows[i].y - rows[i - 1].y);
    if (pitches.empty()) return 1e9;
    std::nth_element(pitches.begin(), pitches.begin() + static_cast<long>(pitches.size() / 2), pitches.end());
    return pitches[pitches.size() / 2];
}

bool has_number(const TableRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(), [](const std::string& cell) { return is_number_cell(cell); });
}

void join_wrapped_labels(std::vector<TableRow>& rows, double char_w) {
    double pitch = median_pitch(rows);
    std::vector<TableRow> joined;
    double last_y = 0;  // of the last line joined into joined.back()
    std::optional<TableRow> first_line;  // of the next row
    for (std::size_t r = 0; r < rows.size(); ++r) {
        TableRow& row = rows[r];
        // A label line just above a row of amounts is that row's first line, not the end of
        // the row before (a label wrapped over three lines, amounts on the middle one; cells
        // wrapped over three lines around a label set in the middle of the row).
        bool opens_next = r + 1 < rows.size() && has_number(rows[r + 1]) && rows[r + 1].page == row.page &&
                          rows[r + 1].y - row.y < 1.35 * char_w && !has_number(row) && !row.header;
        if (opens_next) {
            first_line = std::move(row);
            continue;
        }
        if (first_line) {
            for (std::size_t i = 0; i < row.cells.size(); ++i) row.cells[i] = first_line->cells[i] + row.cells[i];
            row.box.extend(first_line->box);
            first_line.reset();
        }
        if (!joined.empty() && !row.header && !joined.back().header) {
            TableRow probe = joined.back();
            probe.y = last_y;
            if (joinable(probe, row, pitch, char_w)) {
                TableRow& upper = joined.back();
                for (std::size_t i = 0; i < row.cells.size(); ++i) upper.cells[i] += row.cells[i];
                upper.box.extend(row.box);
                last_y = row.y;
                continue;
            }
        }
        last_y = row.y;
        joined.push_back(std::move(row));
    }
    rows = std::move(joined);
}

bool is_code(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Bands whose data cells are all codes (201, 01, 2013101), not amounts.
std::vector<bool> code_bands(const std::vector<TableRow>& rows, std::size_t count) {
    std::vector<int> codes(count, 0), others(count, 0);
    for (const TableRow& row : rows) {
        if (row.header) continue;
        for (std::size_t i = 0; i < count; ++i) {
            if (row.cells[i].empty()) continue;
            (is_code(row.cells[i]) ? codes[i] : others[i])++;
        }
    }
    std::vector<bool> result(count);
    for (std::size_t i = 0; i < count; ++i) result[i] = codes[i] > 0 && others[i] == 0;
    return result;
}


// A total printed in the merged code-and-name cell (合计, 人员经费合计) belongs, as the
// importer reads it, to the first column of that cell: moved left over empty code columns.
void align_merged_totals(std::vector<TableRow>& rows, const std::vector<bool>& code) {
    for (TableRow& row : rows) {
        if (row.header) continue;
        for (std::size_t i = 1; i < row.cells.size(); ++i) {
            if (!is_total_label(row.cells[i])) continue;
            std::size_t to = i;
            while (to > 0 && code[to - 1] && row.cells[to - 1].empty()) --to;
            if (to != i) std::swap(row.cells[to], row.cells[i]);
        }
    }
}

}  // namespace

bool is_number_cell(const std::string& text) {
    if (text.empty()) return false;
    bool digit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') digit = true;
        else if (c == ',' || c == '.' || c == ' ' || (c == '-' && i == 0) || (c == '%' && i + 1 == text.size())) continue;
        else return false;
    }
    return digit;
}

bool is_data_line(const Line& line) {
    // 合计 alone is not enough: the 三公 table prints it as a column heading.
    return std::any_of(line.cells.begin(), line.cells.end(),
                       [](const Cell& cell) { return is_number_cell(cell.text) || numbered_label(cell.text); });
}

bool is_tabular(const Line& line) {
    if (line.cells.size() < 2) return false;
    const std::string& first = line.cells.front().text;
    if (starts_with(first, "第") && first.find("部分") != std::string::npos && first.size() <= 15) return false;
    for (const Cell& cell : line.cells)
        if (starts_with(cell.text, "单位：") || starts_with(cell.text, "部门：") || starts_with(cell.text, "注："))
            return false;
    return true;
}

std::vector<double> column_edges(const std::vector<Band>& bands) {
    std::vector<double> edges;
    for (std::size_t i = 1; i < bands.size(); ++i) edges.push_back((bands[i - 1].x1 + bands[i].x0) / 2);
    return edges;
}

std::vector<Band> column_bands(const std::vector<const Line*>& lines, double char_w) {
    std::size_t first = first_data_line(lines);
    std::vector<const Line*> data(lines.begin() + static_cast<long>(first), lines.end());
    std::vector<Band> bands;
    for (const Line* line : data)
        for (const Cell& cell : line->cells)
            if (is_number_cell(cell.text)) merge_interval(bands, {cell.box.x0, cell.box.x1});
    add_text_columns(bands, data);
    add_header_columns(bands, {lines.begin(), lines.begin() + static_cast<long>(first)}, char_w);
    for (const Line* line : data)
        for (const Cell& cell : line->cells)  // a lone 合计 is a merged cell, not a column
            if (!overlaps_any(bands, cell.box) && !is_total_label(cell.text)) merge_interval(bands, {cell.box.x0, cell.box.x1});
    return bands;
}

// The first data line, or the line just above it when that is the first line of the same row
// (cells wrapped over lines above and below a label set in the middle of the row): a line
// pitch above it, further from the header line above, and each of its cells continued by text
// (not an amount: a heading over amounts is header) in the same column of the data line.
std::size_t first_body_line(const std::vector<const Line*>& lines, double char_w) {
    std::size_t first = first_data_line(lines);
    if (first < 2 || first == lines.size()) return first;
    const Line& above = *lines[first - 1];
    const Line& data = *lines[first];
    const bool one_line_up = data.page == above.page && data.y - above.y < 1.35 * char_w;
    const bool apart_from_header = above.y - lines[first - 2]->y > 1.6 * char_w;
    const bool continued = std::all_of(above.cells.begin(), above.cells.end(), [&](const Cell& piece) {
        return std::any_of(data.cells.begin(), data.cells.end(), [&](const Cell& cell) {
            return !is_number_cell(cell.text) && overlap(cell.box.x0, cell.box.x1, piece.box.x0, piece.box.x1) > 0;
        });
    });
    return one_line_up && apart_from_header && continued && above.cells.size() >= 2 ? first - 1 : first;
}

Table build_table(const std::vector<const Line*>& lines, std::vector<Band> bands, double char_w) {
    Table table;
    table.bands = std::move(bands);
    std::size_t first = first_body_line(lines, char_w);
    table.rows = header_rows({lines.begin(), lines.begin() + static_cast<long>(first)}, table.bands, char_w);
    for (std::size_t i = first; i < lines.size(); ++i) table.rows.push_back(make_row(*lines[i], table.bands, char_w));
    join_wrapped_labels(table.rows, char_w);
    align_merged_totals(table.rows, code_bands(table.rows, table.bands.size()));
    return table;
}

}  // namespace fincheck::pdf_detail
