// Report → report XML (schemas/report.xsd, docs/report-format.md).
//
// Written by hand rather than through a DOM: the output is a pure function of the Report
// (deterministic bytes), attributes come in a fixed order, and defaults the loader infers
// (cell line = row line, row key = code or label, section level = nesting depth, table kind
// from the id, value from the text) are omitted, so writer → loader → writer is a fixed point.
#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/number_text.hpp"
#include "fincheck/report_xml.hpp"
#include "report_xml_names.hpp"

namespace fincheck {
namespace {

using namespace report_xml;

// Appends text escaped for XML. Bytes that are not UTF-8 or not XML characters become
// U+FFFD, so whatever the importer produced, the written document always loads again.
void append_escaped(std::string& out, std::string_view text, bool attribute) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        switch (c) {
            case '&': out += "&amp;"; ++i; continue;
            case '<': out += "&lt;"; ++i; continue;
            case '>': out += "&gt;"; ++i; continue;
            case '"':
                out += attribute ? "&quot;" : "\"";
                ++i;
                continue;
            // Attribute values are whitespace-normalized by parsers, and a CR in text is
            // folded by end-of-line handling: character references keep them exact.
            case '\n': out += attribute ? "&#10;" : "\n"; ++i; continue;
            case '\t': out += attribute ? "&#9;" : "\t"; ++i; continue;
            case '\r': out += "&#13;"; ++i; continue;
            default: break;
        }
        if (c >= 0x20 && c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t len = xml_char_length(p + i, n - i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.data() + i, len);
            i += len;
        }
    }
}

class Writer {
public:
    Writer(const Report& report, const std::vector<SourceBox>* origin) : report_(report), origin_(origin) {
        out_.reserve(64 * 1024);
    }

    std::string write() {
        out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out_ += "<report format-version=\"";
        out_ += kFormatVersion;
        out_ += "\">\n";
        write_metadata();
        write_toc();
        index_content();
        open("body", 1);
        std::vector<Item> top = items_of_section(-1);
        if (top.empty()) {
            close_empty();
        } else {
            end_open();
            write_items(top, 2, 1);
            close("body", 1);
        }
        out_ += "</report>\n";
        return std::move(out_);
    }

private:
    // One child of a container, sorted into document order by source line; the rank breaks
    // ties (a heading's own paragraphs precede its subsections) and the index keeps the
    // vector order, so the sort is stable and repeatable.
    struct Item {
        SourceLine line;
        int rank;  // 0 block, 1 table, 2 attachment, 3 section
        int index;
        friend bool operator<(const Item& a, const Item& b) {
            if (a.line != b.line) return a.line < b.line;
            if (a.rank != b.rank) return a.rank < b.rank;
            return a.index < b.index;
        }
    };

    // ---- output primitives -------------------------------------------------------------

    void indent(int depth) { out_.append(static_cast<std::size_t>(depth) * 2, ' '); }
    void open(std::string_view name, int depth) {
        indent(depth);
        out_ += '<';
        out_ += name;
    }
    void end_open() { out_ += ">\n"; }
    void close_empty() { out_ += "/>\n"; }
    void close(std::string_view name, int depth) {
        indent(depth);
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
    void attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped(out_, value, true);
        out_ += '"';
    }
    void attr_if(std::string_view name, std::string_view value) {
        if (!value.empty()) attr(name, value);
    }
    template <typename Int>
    void attr_int(std::string_view name, Int value) {
        char buffer[24];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        (void)ec;
        attr(name, std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    }
    void attr_line(SourceLine line) {
        if (line == 0) return;
        attr_int("line", line);
        if (origin_ == nullptr || line >= origin_->size() || (*origin_)[line].page <= 0) return;
        const SourceBox& box = (*origin_)[line];
        attr_int("page", box.page);
        // to_chars: the same bytes whatever the process locale.
        char buffer[128];
        char* end = buffer;
        for (double v : {box.x_min, box.y_min, box.x_max, box.y_max}) {
            if (end != buffer) *end++ = ' ';
            end = std::to_chars(end, buffer + sizeof buffer - 1, v, std::chars_format::fixed, 2).ptr;
        }
        attr("bbox", std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    }
    // value="…" when numeric; value="" when the text looks numeric but the model says it
    // is not (so the loader does not infer one); nothing when both agree on "no number".
    void attr_value(const std::optional<Decimal>& value, std::string_view raw) {
        if (value) attr("value", value->to_string());
        else if (!raw.empty() && parse_number(raw)) attr("value", "");
    }
    // <name attrs>text</name> on one line.
    void text_element_body(std::string_view name, std::string_view text) {
        if (text.empty()) {
            close_empty();
            return;
        }
        out_ += '>';
        append_escaped(out_, text, false);
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }

    // ---- metadata and toc --------------------------------------------------------------

    void write_metadata() {
        const Metadata& m = report_.meta;
        open("metadata", 1);
        attr_if("department", m.department);
        if (m.level != AdminLevel::unknown) attr("level", to_string(m.level));
        attr_if("region", m.region);
        attr_if("template", m.template_name);
        if (m.fiscal_year != 0) attr_int("fiscal-year", m.fiscal_year);
        attr_if("amount-unit", m.amount_unit);
        attr_if("publication-date", m.publication_date);
        bool has_title = !m.title.empty() || m.title_line != 0;
        bool has_source = !m.source_file.empty() || !m.source_sha256.empty();
        if (!has_title && !has_source) {
            close_empty();
            return;
        }
        end_open();
        if (has_title) {
            open("title", 2);
            attr_line(m.title_line);
            text_element_body("title", m.title);
        }
        if (has_source) {
            open("source", 2);
            attr_if("file", m.source_file);
            attr_if("sha256", m.source_sha256);
            close_empty();
        }
        close("metadata", 1);
    }

    void write_toc() {
        if (report_.toc.empty()) return;
        open("toc", 1);
        end_open();
        for (const TocEntry& e : report_.toc) {
            open("entry", 2);
            if (e.level != 0) attr_int("level", e.level);
            attr_line(e.line);
            text_element_body("entry", e.text);
        }
        close("toc", 1);
    }

    // ---- placing the flat model into a tree ---------------------------------------------

    bool valid(int index, std::size_t size) const {
        return index >= 0 && static_cast<std::size_t>(index) < size;
    }

    // Slot of a section in the per-container lists: 0 is the body, s + 1 is section s.
    std::size_t slot(int section) const {
        return valid(section, report_.sections.size()) ? static_cast<std::size_t>(section) + 1 : 0;
    }

    void index_content() {
        std::size_t nsec = report_.sections.size();
        std::size_t natt = report_.attachments.size();
        section_items_.assign(nsec + 1, {});
        attachment_items_.assign(natt, {});
        for (std::size_t s = 0; s < nsec; ++s) {
            int parent = report_.sections[s].parent;
            // A parent must precede its child; anything else would make a cycle.
            if (parent >= static_cast<int>(s)) parent = -1;
            section_items_[slot(parent)].push_back({report_.sections[s].line, 3, static_cast<int>(s)});
        }
        // An attachment sits in the section of its first block or table.
        std::vector<Item> first(natt, Item{0, 99, 0});
        std::vector<int> host(natt, -1);
        auto place = [&](const Item& item, int section, int attachment) {
            if (valid(attachment, natt)) {
                auto a = static_cast<std::size_t>(attachment);
                attachment_items_[a].push_back(item);
                if (first[a].rank == 99 || item < first[a]) {
                    first[a] = item;
                    host[a] = section;
                }
            } else {
                section_items_[slot(section)].push_back(item);
            }
        };
        for (std::size_t b = 0; b < report_.blocks.size(); ++b) {
            const Block& block = report_.blocks[b];
            place({block.line, 0, static_cast<int>(b)}, block.section, block.attachment);
        }
        for (std::size_t t = 0; t < report_.tables.size(); ++t) {
            const Table& table = report_.tables[t];
            place({table.line, 1, static_cast<int>(t)}, table.section, table.attachment);
        }
        for (std::size_t a = 0; a < natt; ++a)
            section_items_[slot(host[a])].push_back({report_.attachments[a].line, 2, static_cast<int>(a)});
        for (auto& items : section_items_) std::sort(items.begin(), items.end());
        for (auto& items : attachment_items_) std::sort(items.begin(), items.end());
    }

    std::vector<Item> items_of_section(int section) const { return section_items_[slot(section)]; }

    void write_items(const std::vector<Item>& items, int depth, int section_depth) {
        for (const Item& item : items) {
            auto i = static_cast<std::size_t>(item.index);
            switch (item.rank) {
                case 0: write_block(report_.blocks[i], depth); break;
                case 1: write_table(report_.tables[i], depth); break;
                case 2: write_attachment(i, depth, section_depth); break;
                default: write_section(i, depth, section_depth); break;
            }
        }
    }

    void write_section(std::size_t index, int depth, int section_depth) {
        const Section& s = report_.sections[index];
        open("section", depth);
        attr_if("number", s.number);
        attr_if("heading", s.heading);
        if (s.level != section_depth) attr_int("level", s.level);
        attr_line(s.line);
        const std::vector<Item>& items = section_items_[index + 1];
        if (items.empty()) {
            close_empty();
            return;
        }
        end_open();
        write_items(items, depth + 1, section_depth + 1);
        close("section", depth);
    }

    void write_block(const Block& b, int depth) {
        std::string_view name = block_element(b.kind);
        open(name, depth);
        attr_line(b.line);
        text_element_body(name, b.text);
    }

    void write_attachment(std::size_t index, int depth, int section_depth) {
        const Attachment& a = report_.attachments[index];
        open("attachment", depth);
        attr_if("label", a.label);
        attr_if("title", a.title);
        attr_if("fill-date", a.fill_date);
        attr_line(a.line);
        const std::vector<Item>& items = attachment_items_[index];
        if (a.fields.empty() && items.empty()) {
            close_empty();
            return;
        }
        end_open();
        for (const Field& f : a.fields) {
            open("field", depth + 1);
            attr("name", f.name);
            attr_value(f.value, f.raw);
            attr_if("unit", f.unit);
            attr_line(f.line);
            text_element_body("field", f.raw);
        }
        write_items(items, depth + 1, section_depth);
        close("attachment", depth);
    }

    // ---- tables ------------------------------------------------------------------------

    void write_table(const Table& t, int depth) {
        open("table", depth);
        attr("id", t.id);
        if (t.kind != implied_table_kind(t.id)) attr("kind", table_kind_name(t.kind));
        attr_if("title", t.title);
        attr_if("code", t.code);
        attr_if("department", t.department);
        attr_if("unit", t.unit);
        attr_if("note", t.note);
        attr_line(t.line);
        if (t.columns.empty() && t.rows.empty()) {
            close_empty();
            return;
        }
        end_open();
        if (!t.columns.empty()) {
            open("columns", depth + 1);
            end_open();
            for (const Column& c : t.columns) {
                open("column", depth + 2);
                attr("key", c.key);
                if (c.number != 0) attr_int("number", c.number);
                attr_if("part", c.part);
                if (c.header.empty()) {
                    close_empty();
                    continue;
                }
                out_ += '>';
                for (std::string_view h : c.header) {
                    out_ += "<h>";
                    append_escaped(out_, h, false);
                    out_ += "</h>";
                }
                out_ += "</column>\n";
            }
            close("columns", depth + 1);
        }
        for (const Row& r : t.rows) write_row(r, depth + 1);
        close("table", depth);
    }

    void write_row(const Row& r, int depth) {
        open("row", depth);
        if (r.key != implied_row_key(r.code, r.label)) attr("key", r.key);
        attr_if("code", r.code);
        attr_if("label", r.label);
        attr_if("line-no", r.line_no);
        attr_if("part", r.part);
        if (r.level != RowLevel::none) attr("level", to_string(r.level));
        attr_line(r.line);
        bool any = std::any_of(r.cells.begin(), r.cells.end(),
                               [](const Cell& c) { return !c.raw.empty() || c.value; });
        if (!any) {
            close_empty();
            return;
        }
        end_open();
        for (std::size_t i = 0; i < r.cells.size(); ++i) {
            const Cell& c = r.cells[i];
            if (c.raw.empty() && !c.value) continue;  // blank cells are omitted
            open("c", depth + 1);
            attr_int("col", i);
            attr_value(c.value, c.raw);
            if (c.line != r.line) attr_int("line", c.line);
            text_element_body("c", c.raw);
        }
        close("row", depth);
    }

    const Report& report_;
    const std::vector<SourceBox>* origin_ = nullptr;
    std::string out_;
    std::vector<std::vector<Item>> section_items_;
    std::vector<std::vector<Item>> attachment_items_;
};

}  // namespace

std::string write_report_xml(const Report& report, const std::vector<SourceBox>* origin) {
    return Writer(report, origin).write();
}

}  // namespace fincheck
