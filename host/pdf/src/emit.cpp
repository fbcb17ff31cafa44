#include "emit.hpp"

#include <algorithm>
#include <optional>

#include "furniture.hpp"
#include "lines.hpp"
#include "tables.hpp"

namespace fincheck::pdf_detail {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string compact(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

bool starts_with_numeral(std::string_view text) {
    return std::any_of(std::begin(kNumerals), std::end(kNumerals), [&](const char* n) { return starts_with(text, n); });
}

// 第N部分, 一、, （一）, 1、 / 1. : a line that opens a heading or a list item.
bool opens_item(std::string_view text) {
    if (starts_with(text, "第") && text.find("部分") != std::string_view::npos && text.find("部分") < 16) return true;
    if (starts_with_numeral(text) && text.find("、") != std::string_view::npos && text.find("、") <= 9) return true;
    for (std::string_view open : {"（", "("})
        if (starts_with(text, open) && starts_with_numeral(text.substr(open.size()))) return true;
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
        std::size_t digits = text.find_first_not_of("0123456789");
        if (digits == std::string_view::npos) return false;
        std::string_view rest = text.substr(digits);
        return starts_with(rest, "、") || (starts_with(rest, ".") && (rest.size() == 1 || rest[1] < '0' || rest[1] > '9'));
    }
    return starts_with(text, "注：") || starts_with(text, "说明：") || starts_with(text, "单位：") || starts_with(text, "部门：");
}

bool part_heading(std::string_view text) {
    return starts_with(text, "第") && text.find("部分") != std::string_view::npos && text.find("部分") < 16;
}

bool ends_sentence(std::string_view text) {
    for (std::string_view end : {"。", "：", "；", ":", "！", "？"})
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
    return false;
}

// A line that ends its paragraph without stopping clearly short: it ends a sentence. A colon
// is no end there: it introduces what follows on the next line (年初目标值： / 完成), which
// starts a paragraph of its own only when it opens an item.
bool ends_paragraph(std::string_view text) {
    return ends_sentence(text) && !text.ends_with("：") && !text.ends_with(":");
}

PageBox origin_of(int page, const Box& box) { return {page, box.x0, box.y0, box.x1, box.y1}; }

class Writer {
public:
    Rebuilt out;
    Writer() { out.line_origin.push_back({}); }

    void line(const std::string& text, const PageBox& origin) {
        out.text += text;
        out.text += '\n';
        out.line_origin.push_back(origin);
    }
    void blank() {
        if (out.text.empty() || ends_with_blank()) return;
        line("", {});
    }

private:
    bool ends_with_blank() const { return out.text.size() >= 2 && out.text.compare(out.text.size() - 2, 2, "\n\n") == 0; }
};

struct Paragraph {
    std::string text;
    PageBox origin;
    bool open = false;
    int last_page = 0;
    double last_y = 0;
    bool full_width = false;  // the last line reached the right margin: may continue
};

struct Margins {
    double left = 0, right = 0, char_w = 12;
};

class Rebuilder {
public:
    explicit Rebuilder(const std::vector<Page>& pages) : pages_(pages) {}

    Rebuilt run() {
        std::vector<std::vector<Line>> lines;
        double offset = floating_offset(pages_);
        for (const Page& page : pages_)
            lines.push_back(merge_close_lines(group_lines(page, offset), char_width(page), is_data_line));
        remove_furniture(lines, pages_);
        for (std::size_t p = 0; p < lines.size(); ++p) page(lines[p], pages_[p]);
        flush();
        return std::move(writer_.out);
    }

private:
    const std::vector<Page>& pages_;
    Writer writer_;
    Paragraph paragraph_;
    bool cover_done_ = false;
    int contents_ = 0;  // 0 before 目录, 1 inside it, 2 after
    std::string first_contents_entry_;
    std::optional<Table> last_table_;
    // The opening rows of the table being continued, as printed on its first page (compact
    // text): a page that repeats them is a continuation, and the repeated rows are dropped,
    // however many pages the table runs over.
    std::vector<std::string> table_head_;

    static Margins margins(const std::vector<Line>& lines, const Page& page) {
        Margins m{page.width, 0, char_width(page)};
        for (const Line& line : lines) {
            if (is_tabular(line)) continue;
            m.left = std::min(m.left, line.box.x0);
            m.right = std::max(m.right, line.box.x1);
        }
        return m;
    }

    void flush() {
        if (!paragraph_.open) return;
        writer_.blank();
        writer_.line(paragraph_.text, paragraph_.origin);
        writer_.blank();
        paragraph_ = {};
    }

    void page(const std::vector<Line>& lines, const Page& geometry) {
        if (lines.empty()) return;
        if (!cover_done_) {
            cover_done_ = true;
            if (cover(lines)) return;
        }
        Margins m = margins(lines, geometry);
        std::vector<std::pair<std::size_t, std::size_t>> regions = table_regions(lines, m.char_w, carried_columns());
        std::size_t next_region = 0;
        for (std::size_t i = 0; i < lines.size();) {
            if (next_region < regions.size() && regions[next_region].first == i) {
                std::vector<const Line*> region;
                for (std::size_t j = regions[next_region].first; j < regions[next_region].second; ++j)
                    region.push_back(&lines[j]);
                flush();
                emit_table(region, m.char_w);
                i = regions[next_region++].second;
                continue;
            }
            if (contents_ == 1 && contents_line(lines[i])) { ++i; continue; }
            text_line(lines[i], m, i == 0);
            ++i;
        }
    }

    // The cover: the first page, a few lines naming the 决算, written as the bold title.
    bool cover(const std::vector<Line>& lines) {
        if (lines.size() > 8) return false;
        std::string all;
        for (const Line& line : lines) all += line.text();
        if (all.find("决算") == std::string::npos) return false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string text = compact(lines[i].text());
            if (i == 0) text = "**" + text;
            if (i + 1 == lines.size()) text += "**";
            writer_.line(text, origin_of(lines[i].page, lines[i].box));
        }
        writer_.blank();
        return true;
    }

    // Inside 目录: 第N部分 entries alone, the others as "- " items; an entry that wraps is
    // joined. Returns false at the first body line: the first entry printed again, or a
    // heading with its number (第一部分) under another name, as when the body names
    // another unit than the contents do.
    static std::string part_number(const std::string& key) {
        const std::size_t end = key.find("部分");
        return starts_with(key, "第") && end != std::string::npos && end <= 12 ? key.substr(0, end + 6) : std::string();
    }

    bool contents_line(const Line& line) {
        std::string text = line.text();
        std::string key = compact(text);
        if (!first_contents_entry_.empty() &&
            (key == first_contents_entry_ || (!part_number(key).empty() && part_number(key) == part_number(first_contents_entry_)))) {
            contents_ = 2;
            writer_.blank();
            return false;
        }
        if (first_contents_entry_.empty()) first_contents_entry_ = key;
        if (starts_with(text, "第") && text.find("部分") != std::string::npos) {
            writer_.blank();
            writer_.line(text, origin_of(line.page, line.box));
            writer_.blank();
        } else if (opens_item(text)) {
            writer_.line("- " + text, origin_of(line.page, line.box));
        } else if (!writer_.out.text.empty()) {
            writer_.out.text.pop_back();  // a wrapped entry: continue the previous line
            writer_.out.text += text + "\n";
        }
        return true;
    }

    void text_line(const Line& line, const Margins& m, bool first_on_page) {
        std::string text = line.text();
        if (line.cells.size() > 1 && std::any_of(line.cells.begin(), line.cells.end(), [](const Cell& cell) {
                return starts_with(cell.text, "单位：") || starts_with(cell.text, "部门：");
            })) {  // 部门：… 单位：… on one line
            flush();
            for (const Cell& cell : line.cells) {
                writer_.line(cell.text, origin_of(line.page, cell.box));
                writer_.blank();
            }
            return;
        }
        if (contents_ == 0 && compact(text) == "目录") {
            flush();
            writer_.line(text, origin_of(line.page, line.box));
            writer_.blank();
            contents_ = 1;
            return;
        }
        bool indented = line.box.x0 > m.left + 1.5 * m.char_w;
        if (paragraph_.open && part_heading(paragraph_.text) && !opens_item(text) &&
            // one line pitch apart: a large heading font's pitch (Noto Sans CJK sets 1.45 em)
            // can exceed 2.4 body characters
            line.y - paragraph_.last_y < std::max(2.4 * m.char_w, 1.3 * line.box.height()) &&
            compact(text).size() <= 6 * 3) {
            paragraph_.text += text;  // a centred part heading wrapped: 第三部分 …情况 / 说明
            paragraph_.last_y = line.y;
            flush();
            return;
        }
        bool same_page = paragraph_.last_page == line.page;
        bool continues = paragraph_.open && paragraph_.full_width && !indented && !opens_item(text) &&
                         (same_page || (first_on_page && !ends_paragraph(paragraph_.text)));
        if (!continues) {
            flush();
            paragraph_.open = true;
            paragraph_.origin = origin_of(line.page, line.box);
        }
        paragraph_.text += text;
        paragraph_.last_page = line.page;
        paragraph_.last_y = line.y;
        // A line that stops short ends its paragraph; CJK line breaking leaves up to a few
        // characters' room before a word that may not start a line, so only a clearly short
        // line, or a slightly short one that ends a sentence (not a colon), counts.
        double room = m.right - line.box.x1;
        paragraph_.full_width = room < 4 * m.char_w && !(room > m.char_w && ends_paragraph(text));
        if (!paragraph_.full_width && !part_heading(paragraph_.text)) flush();
    }

    // Table regions [first, last): runs of tabular lines, with the single lines between them
    // (a label's wrapped part) or just under the last one, and the header lines just above
    // the first (a wrapped header cell), up to the title or 单位： line.
    static std::vector<std::pair<std::size_t, std::size_t>> table_regions(const std::vector<Line>& lines, double char_w,
                                                                          const std::vector<Band>* carried) {
        std::vector<std::pair<std::size_t, std::size_t>> regions;
        // A table continued from the previous page may start with rows of one cell (labels of
        // a half-empty side-by-side table), in the previous page's columns.
        std::size_t top = 0;
        while (carried && top < lines.size() && !is_tabular(lines[top]) && starts_in_a_column(lines[top], *carried)) ++top;
        if (top > 0 && top < lines.size() && is_tabular(lines[top])) {
            std::size_t end = region_end(lines, top, top, char_w);
            regions.emplace_back(0, end);
        }
        for (std::size_t i = regions.empty() ? 0 : regions.back().second; i < lines.size(); ++i) {
            if (!is_tabular(lines[i])) continue;
            std::size_t first = i;
            while (first > 0 && (regions.empty() || regions.back().second < first) && header_piece(lines[first - 1]) &&
                   lines[first].y - lines[first - 1].y < 3.2 * char_w)
                --first;
            std::size_t j = region_end(lines, first, i, char_w);
            regions.emplace_back(first, j);
            i = j - 1;
        }
        return regions;
    }

    // The end of the region whose first tabular line is `i`.
    static std::size_t region_end(const std::vector<Line>& lines, std::size_t first, std::size_t i, double char_w) {
        std::size_t j = i + 1;
        for (; j < lines.size(); ++j) {
            const Line& line = lines[j];
            if (is_tabular(line)) continue;
            if (opens_item(line.text()) && !starts_with_numeral(line.text())) break;
            if (starts_with(line.text(), "合计") || starts_with(line.text(), "总计")) continue;  // under empty rows
            double gap_above = line.y - lowest_text(lines[j - 1]);
            if (gap_above < 3 * char_w && aligned_with_region(line, lines, first, j)) continue;  // a row of one cell
            bool next_tabular = j + 1 < lines.size() && is_tabular(lines[j + 1]) && lines[j + 1].y - line.y < 3 * char_w;
            if (gap_above < 3 * char_w && (next_tabular || gap_above < 1.6 * char_w)) continue;
            break;
        }
        return j;
    }

    // The centre of a row's lowest line of text: a row whose cells wrap over three lines around
    // a label set in the middle is anchored on the middle line, and its last line is lower.
    static double lowest_text(const Line& line) {
        double lowest = line.y;
        for (const Word& word : line.words)
            if (!word.ascii()) lowest = std::max(lowest, word.box.centre_y());
        return lowest;
    }

    static bool starts_in_a_column(const Line& line, const std::vector<Band>& bands) {
        return line.cells.size() == 1 && (!opens_item(line.text()) || starts_with_numeral(line.text())) &&
               std::any_of(bands.begin(), bands.end(), [&](const Band& band) { return std::abs(band.x0 - line.box.x0) < 2.0; });
    }

    // The previous table's columns when the text so far ends inside it (a page break).
    const std::vector<Band>* carried_columns() const {
        return last_table_ && continues_previous() ? &last_table_->bands : nullptr;
    }

    // A line of one cell that starts where a cell of the region's rows starts (a half-empty
    // side-by-side row: only the expenditure label printed).
    static bool aligned_with_region(const Line& line, const std::vector<Line>& lines, std::size_t first, std::size_t end) {
        if (line.cells.size() != 1) return false;
        for (std::size_t k = first; k < end; ++k) {
            if (!is_tabular(lines[k])) continue;
            for (const Cell& cell : lines[k].cells)
                if (std::abs(cell.box.x0 - line.cells.front().box.x0) < 2.0 && k != end) return true;
        }
        return false;
    }

    // A short line that can be part of a table's header: not a title (…表), not 单位：/注：.
    static bool header_piece(const Line& line) {
        std::string text = line.text();
        if (opens_item(text) || text.size() > 3 * 12 || ends_sentence(text)) return false;
        return !(text.size() >= 3 && text.compare(text.size() - 3, 3, "表") == 0);
    }

    void emit_table(const std::vector<const Line*>& region, double char_w) {
        // A header repeated on the next page is recognised once it is rebuilt in the previous
        // page's columns (wrapped headings joined, rows merged), not by its first raw line.
        std::optional<Table> repeated;
        if (last_table_ && !is_data_line(*region.front()) && continues_previous()) {
            repeated = build_table(region, last_table_->bands, char_w);
            if (!repeats_header(*repeated)) repeated.reset();
        }
        bool continuation = repeated || (last_table_.has_value() && is_data_line(*region.front()) && continues_previous());
        Table table = repeated ? std::move(*repeated)
                               : build_table(region, continuation ? last_table_->bands : column_bands(region, char_w), char_w);
        if (continuation) drop_repeated_header(table);
        else table_head_ = opening_rows(table);
        writer_.blank();
        for (const TableRow& row : table.rows) {
            std::string text;
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                if (c > 0) text += '\t';
                text += row.cells[c];
            }
            if (text.find('\t') == std::string::npos) text += '\t';  // one band: still a table row
            writer_.line(text, origin_of(row.page, row.box));
        }
        writer_.blank();
        last_table_ = std::move(table);
    }

    // A table whose first line is data continues the previous table when nothing but the
    // page break came between them.
    bool continues_previous() const {
        const std::string& text = writer_.out.text;
        std::size_t end = text.size();
        while (end > 0 && text[end - 1] == '\n') --end;
        std::size_t start = text.rfind('\n', end - 1);
        std::string last = text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
        return last.find('\t') != std::string::npos;
    }

    static std::string row_text(const TableRow& row) {
        std::string text;
        for (const std::string& cell : row.cells) text += cell;
        return compact(text);
    }

    // The header rows and the row under them (栏次 1 2 3 …, which reads as data).
    static std::vector<std::string> opening_rows(const Table& table) {
        std::vector<std::string> rows;
        for (const TableRow& row : table.rows) {
            rows.push_back(row_text(row));
            if (!row.header) break;
        }
        return rows;
    }

    bool repeats_header(const Table& candidate) const {
        const auto first = std::find_if(candidate.rows.begin(), candidate.rows.end(), [](const TableRow& r) { return r.header; });
        return first != candidate.rows.end() && !table_head_.empty() && table_head_.front() == row_text(*first);
    }

    void drop_repeated_header(Table& table) const {
        table.rows.erase(std::remove_if(table.rows.begin(), table.rows.end(), [](const TableRow& row) { return row.header; }),
                         table.rows.end());
        // A repeated opening row the header detection took for data (栏次 1 2 3 …).
        std::size_t repeated = 0;
        while (repeated < table.rows.size() &&
               std::find(table_head_.begin(), table_head_.end(), row_text(table.rows[repeated])) != table_head_.end())
            ++repeated;
        table.rows.erase(table.rows.begin(), table.rows.begin() + static_cast<std::ptrdiff_t>(repeated));
    }
};

}  // namespace

Rebuilt rebuild_text(const std::vector<Page>& pages) { return Rebuilder(pages).run(); }

}  // namespace fincheck::pdf_detail
