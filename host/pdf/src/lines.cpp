#include "lines.hpp"

#include <algorithm>
#include <cmath>

#include "fincheck/utf8.hpp"

namespace fincheck::pdf_detail {
namespace {

std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

// Two boxes are on one line when they overlap vertically by half the smaller height.
bool same_row(const Box& line, const Box& word) {
    double smaller = std::min(line.height(), word.height());
    return overlap(line.y0, line.y1, word.y0, word.y1) >= 0.5 * smaller;
}

struct Building {
    Box anchor;  // the words that decided the row
    std::vector<Word> words;
};

// Clusters words (sorted by centre) into rows by vertical overlap.
std::vector<Building> cluster(std::vector<Word> words) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        return a.box.centre_y() != b.box.centre_y() ? a.box.centre_y() < b.box.centre_y() : a.box.x0 < b.box.x0;
    });
    std::vector<Building> rows;
    for (Word& word : words) {
        if (!rows.empty() && same_row(rows.back().anchor, word.box)) {
            rows.back().anchor.extend(word.box);
        } else {
            rows.push_back({word.box, {}});
        }
        rows.back().words.push_back(std::move(word));
    }
    return rows;
}

// The CJK row whose centre is nearest to the word's (shifted by the page's ASCII offset),
// among rows whose centre lies inside the word's box; -1 when none does.
int nearest_row(const std::vector<Building>& rows, const Word& word, double offset) {
    int best = -1;
    double best_distance = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        double centre = rows[i].anchor.centre_y();
        if (centre < word.box.y0 - 1 || centre > word.box.y1 + 1) continue;
        double distance = std::abs(centre - (word.box.centre_y() + offset));
        if (distance > 0.4 * word.box.height()) continue;  // the word is on a line of its own
        if (best < 0 || distance < best_distance) {
            best = static_cast<int>(i);
            best_distance = distance;
        }
    }
    return best;
}

// Some fonts give digits a box much taller than CJK glyphs, not centred on the same line
// (ONLYOFFICE: 4-5 pt higher). The median distance from each ASCII word to the nearest
// CJK row centre inside its box measures that shift for the page.
void collect_offsets(const std::vector<Building>& rows, const std::vector<Word>& floating, std::vector<double>& offsets) {
    for (const Word& word : floating) {
        int best = -1;
        double best_distance = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            double centre = rows[i].anchor.centre_y();
            if (centre < word.box.y0 || centre > word.box.y1) continue;
            double distance = std::abs(centre - word.box.centre_y());
            if (best < 0 || distance < best_distance) {
                best = static_cast<int>(i);
                best_distance = distance;
            }
        }
        if (best >= 0) offsets.push_back(rows[static_cast<std::size_t>(best)].anchor.centre_y() - word.box.centre_y());
    }
}

bool numeric(const Word& word) {
    return word.ascii() && std::any_of(word.text.begin(), word.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool single_cjk_character(const Word& word) { return !word.ascii() && code_points(word.text) == 1; }

}  // namespace

double char_width(const Page& page) {
    std::vector<double> widths;
    for (const Word& word : page.words) {
        std::size_t n = code_points(word.text);
        if (!word.ascii() && n >= 2 && std::all_of(word.text.begin(), word.text.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80;
            }))
            widths.push_back(word.box.width() / static_cast<double>(n));
    }
    if (widths.empty()) return 12.0;
    std::nth_element(widths.begin(), widths.begin() + static_cast<long>(widths.size() / 2), widths.end());
    return widths[widths.size() / 2];
}

// The median height of the page's all-CJK words: boxes much taller than that come from
// fonts whose boxes are not centred on the line (digits, or words that start with them).
double cjk_height(const Page& page) {
    std::vector<double> heights;
    for (const Word& word : page.words)
        if (std::all_of(word.text.begin(), word.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            heights.push_back(word.box.height());
    if (heights.empty()) return 0;
    std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
    return heights[heights.size() / 2];
}

namespace {

// Anchors (CJK words of ordinary height) and floating words (ASCII, or boxes much taller
// than the CJK ones), which are placed on the anchors' rows.
void split_anchors(const Page& page, std::vector<Word>& anchors, std::vector<Word>& floating) {
    double tall = 1.8 * cjk_height(page);
    for (const Word& word : page.words)
        (word.ascii() || (tall > 0 && word.box.height() > tall) ? floating : anchors).push_back(word);
}

}  // namespace

double floating_offset(const std::vector<Page>& pages) {
    std::vector<double> offsets;
    for (const Page& page : pages) {
        std::vector<Word> anchors, floating;
        split_anchors(page, anchors, floating);
        collect_offsets(cluster(std::move(anchors)), floating, offsets);
    }
    if (offsets.size() < 3) return 0;
    std::nth_element(offsets.begin(), offsets.begin() + static_cast<long>(offsets.size() / 2), offsets.end());
    return offsets[offsets.size() / 2];
}

std::vector<Line> group_lines(const Page& page, double offset) {
    std::vector<Word> anchors;
    std::vector<Word> floating;
    split_anchors(page, anchors, floating);
    std::vector<Building> rows = cluster(std::move(anchors));
    std::vector<Word> orphans;
    for (Word& word : floating) {
        int row = nearest_row(rows, word, offset);
        if (row >= 0) rows[static_cast<std::size_t>(row)].words.push_back(std::move(word));
        else orphans.push_back(std::move(word));
    }
    std::size_t anchored = rows.size();
    for (Building& row : cluster(std::move(orphans))) rows.push_back(std::move(row));

    std::vector<Line> lines;
    double char_w = char_width(page);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Building& row = rows[r];
        Line line;
        line.page = page.number;
        line.y = row.anchor.centre_y() + (r >= anchored ? offset : 0);
        std::sort(row.words.begin(), row.words.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
        line.box = row.words.front().box;
        for (const Word& word : row.words) line.box.extend(word.box);
        line.words = std::move(row.words);
        split_cells(line, char_w);
        lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.y < b.y; });
    return lines;
}

void split_cells(Line& line, double char_w, const std::vector<double>* column_edges) {
    line.cells.clear();
    const double column_gap = 1.2 * char_w;
    // A space is 0.2 em or a little less (Noto Sans CJK: 0.199), never as little as 0.15.
    const double space_gap = 0.15 * char_w;
    auto column = [&](const Word& word) {
        double centre = (word.box.x0 + word.box.x1) / 2;
        return column_edges ? std::upper_bound(column_edges->begin(), column_edges->end(), centre) - column_edges->begin() : 0;
    };
    const Word* previous = nullptr;
    for (const Word& word : line.words) {
        double gap = previous ? word.box.x0 - previous->box.x1 : 0;
        bool two_numbers = previous && numeric(*previous) && numeric(word) && gap > 0.5 * char_w;
        // An amount and a label side by side with most of a character between them: two cells
        // (narrative sets a number off by a space of a quarter character at most).
        bool number_beside_text = previous && numeric(*previous) != numeric(word) && gap > 0.8 * char_w;
        // In a table, two words of several characters with a visible gap are two cells (CJK
        // text inside a cell has no gaps; letter-spaced headings are single characters).
        bool two_words = column_edges && previous && gap > 0.5 * char_w && code_points(previous->text) > 1 &&
                         code_points(word.text) > 1;
        if (!previous || gap > column_gap || two_numbers || number_beside_text || two_words ||
            column(word) != column(*previous)) {
            line.cells.push_back({word.box, word.text});
        } else {
            Cell& cell = line.cells.back();
            if (gap >= space_gap && !single_cjk_character(word) && !single_cjk_character(*previous)) cell.text += ' ';
            cell.text += word.text;
            cell.box.extend(word.box);
        }
        previous = &word;
    }
}

}  // namespace fincheck::pdf_detail

namespace fincheck::pdf_detail {

std::vector<Line> merge_close_lines(std::vector<Line> lines, double char_w, bool (*is_row)(const Line&)) {
    std::vector<Line> merged;
    double last_y = 0;  // of the last line merged into merged.back()
    for (Line& line : lines) {
        double distance = line.y - last_y;
        last_y = line.y;
        if (merged.empty() || distance >= 0.8 * char_w || !(is_row(line) || is_row(merged.back()))) {
            merged.push_back(std::move(line));
            continue;
        }
        Line& upper = merged.back();
        // A text line above a row whose label starts under it is the end of the row before
        // (a wrapped label), not part of this one.
        bool label_under_text = !is_row(upper) && std::any_of(line.cells.begin(), line.cells.end(), [&](const Cell& cell) {
            return std::any_of(upper.cells.begin(), upper.cells.end(), [&](const Cell& c) {
                return std::min(c.box.x1, cell.box.x1) - std::max(c.box.x0, cell.box.x0) > 0;
            });
        });
        if (label_under_text) {
            merged.push_back(std::move(line));
            continue;
        }
        for (Cell& cell : line.cells) {
            auto above = std::find_if(upper.cells.begin(), upper.cells.end(), [&](const Cell& c) {
                return std::min(c.box.x1, cell.box.x1) - std::max(c.box.x0, cell.box.x0) > 0;
            });
            if (above != upper.cells.end()) {
                above->text += cell.text;
                above->box.extend(cell.box);
            } else {
                auto at = std::find_if(upper.cells.begin(), upper.cells.end(), [&](const Cell& c) { return c.box.x0 > cell.box.x0; });
                upper.cells.insert(at, std::move(cell));
            }
        }
        for (Word& word : line.words) upper.words.push_back(std::move(word));
        upper.box.extend(line.box);
    }
    return merged;
}

}  // namespace fincheck::pdf_detail
