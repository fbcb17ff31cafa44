// The geometry the layout steps share: words, lines and cells, in PDF points from the
// page's top-left corner. Every step is a pure function, tested on hand-built word lists.
#pragma once

#include <string>
#include <vector>

namespace fincheck::pdf_detail {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double centre_y() const { return (y0 + y1) / 2; }
    void extend(const Box& other);
};

struct Word {
    Box box;
    std::string text;
    // Only ASCII characters (digits, codes, Latin): fonts give these boxes whose height and
    // centre are not comparable with CJK boxes (docs/import.md), so rows are anchored on CJK.
    bool ascii() const;
};

struct Page {
    int number = 0;  // 1-based
    double width = 0, height = 0;
    std::vector<Word> words;
};

// Words that were set side by side with gaps no wider than a column gap.
struct Cell {
    Box box;
    std::string text;
};

struct Line {
    int page = 0;
    Box box;        // of all its words
    double y = 0;   // the row's vertical anchor: centre of its CJK words, else of all
    std::vector<Word> words;  // left to right
    std::vector<Cell> cells;  // words grouped by column gaps
    std::string text() const;  // cells joined by one space
};

}  // namespace fincheck::pdf_detail
