#include "document.hpp"

#include <algorithm>
#include <set>

#include "table_header.hpp"
#include "text_util.hpp"

namespace fincheck::import_detail {

namespace {

// Consecutive non-blank lines of one kind: text, or table rows (lines with tabs).
struct Group {
    std::size_t first = 0, last = 0;  // line indices, [first, last)
    bool tabular = false;
    bool after_blank = false;
};

std::vector<Group> make_groups(const std::vector<Line>& lines) {
    std::vector<Group> groups;
    bool blank_before = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.blank) { blank_before = true; continue; }
        if (groups.empty() || blank_before || groups.back().tabular != line.tabular || groups.back().last != i)
            groups.push_back({i, i + 1, line.tabular, blank_before});
        else
            groups.back().last = i + 1;
        blank_before = false;
    }
    return groups;
}

std::string clean(std::string_view text) { return std::string(trim(strip_bold(trim(text)))); }

bool ends_open(std::string_view text) {
    // A paragraph cut by a page break stops without closing punctuation.
    for (std::string_view closing : {"。", "！", "？", "；", "：", ":", ";", "!", "?", "…"})
        if (ends_with(text, closing)) return false;
    return true;
}

bool is_note_start(std::string_view text) {
    for (std::string_view prefix : {"注：", "注:", "说明：", "说明:", "备注：", "备注:"})
        if (starts_with(text, prefix)) return true;
    return false;
}

bool is_caption(std::string_view text) {
    if (!starts_with(text, "图")) return false;
    std::string_view rest = text.substr(std::string_view("图").size());
    std::size_t digits = digit_prefix(rest);
    return digits > 0 && (starts_with(rest.substr(digits), "：") || starts_with(rest.substr(digits), ":"));
}

// 「附件 2-1:」 → 「2-1」
std::optional<std::string> attachment_number(std::string_view text) {
    std::string compacted = compact(text);
    if (!starts_with(compacted, "附件")) return std::nullopt;
    std::string_view rest = std::string_view(compacted).substr(std::string_view("附件").size());
    for (std::string_view colon : {"：", ":"})
        if (ends_with(rest, colon)) rest.remove_suffix(colon.size());
    if (rest.empty()) return std::nullopt;
    for (char c : rest)
        if (!(c >= '0' && c <= '9') && c != '-') return std::nullopt;
    if (rest.front() == '-' || rest.back() == '-') return std::nullopt;
    return std::string(rest);
}

bool is_heading_text(const Enumeration& e) {
    std::string_view text = e.rest;
    if (text.empty()) return false;
    std::size_t length = code_point_count(text);
    if (length > (e.level == 4 ? 30u : 40u)) return false;
    for (std::string_view bad_end : {"，", "；", ";", ","})
        if (ends_with(text, bad_end)) return false;
    std::size_t period = text.find("。");
    if (period != std::string_view::npos && (e.level == 4 || period + std::string_view("。").size() != text.size()))
        return false;
    for (std::string_view colon : {"：", ":"}) {
        std::size_t at = text.find(colon);
        if (at != std::string_view::npos && at + colon.size() != text.size()) return false;
    }
    return true;
}

bool is_meta_line(std::string_view text, bool in_attachment) {
    std::string compacted = compact(text);
    if (starts_with(compacted, "公开") && ends_with(compacted, "表") && code_point_count(compacted) <= 8) return true;
    if (starts_with(compacted, "部门：") || starts_with(compacted, "部门:")) return true;
    if (starts_with(compacted, "单位：") || starts_with(compacted, "单位:") ||
        starts_with(compacted, "金额单位：") || starts_with(compacted, "金额单位:"))
        return code_point_count(compacted) <= 12;
    if (contains(compacted, "填报日期")) return true;
    if (in_attachment) {
        // 「绩效自评覆盖率：100%」: a short labelled value above a form.
        for (std::string_view colon : {"：", ":"}) {
            std::size_t at = compacted.find(colon);
            if (at != std::string::npos && at > 0 && code_point_count(compacted) <= 30 && !contains(compacted, "。"))
                return true;
        }
    }
    return false;
}

// 第三部分 → 3; 0 when the marker's numeral does not parse.
int part_value(const Enumeration& part) {
    std::string_view marker = part.marker;
    marker.remove_prefix(std::string_view("第").size());
    marker.remove_suffix(std::string_view("部分").size());
    return parse_chinese_numeral(marker).value_or(0);
}

std::string after_colon(std::string_view text) {
    for (std::string_view colon : {"：", ":"}) {
        std::size_t at = text.find(colon);
        if (at != std::string_view::npos) return std::string(trim(text.substr(at + colon.size())));
    }
    return {};
}

class Walker {
public:
    Walker(const std::vector<Line>& lines, Report& report, Diagnostics& diagnostics,
           const templates::Template& reading)
        : lines_(lines), report_(report), diagnostics_(diagnostics), reading_(reading), groups_(make_groups(lines)) {}

    void run() {
        std::size_t g = read_front_matter();
        while (g < groups_.size()) g = read_body_group(g);
        finish_metadata();
    }

private:
    const std::vector<Line>& lines_;
    Report& report_;
    Diagnostics& diagnostics_;
    const templates::Template& reading_;
    std::vector<Group> groups_;
    std::vector<int> section_stack_;  // open section index per level 1..4
    int section_ = -1;
    int attachment_ = -1;
    int open_paragraph_ = -1;  // a paragraph that a page break may have cut
    int body_part_ = 0;  // number of the last part opened in the body
    int other_tables_ = 0;
    int attachment_tables_ = 0;
    std::set<std::string, std::less<>> standard_seen_;
    std::vector<std::string> departments_from_parts_;

    std::string group_line(const Group& group, std::size_t k) const { return clean(lines_[group.first + k].text); }
    std::size_t group_size(const Group& group) const { return group.last - group.first; }
    std::string group_text(const Group& group) const {
        std::string text;
        for (std::size_t k = 0; k < group_size(group); ++k) text += group_line(group, k);
        return text;
    }
    SourceLine line_of(const Group& group) const { return lines_[group.first].number; }

    // ---- front matter ----------------------------------------------------------------

    std::size_t read_front_matter() {
        std::size_t g = 0;
        // The cover title: a short first block naming the 决算, not a sentence.
        std::string first = g < groups_.size() ? group_text(groups_[g]) : std::string();
        if (g < groups_.size() && !groups_[g].tabular && contains(first, "决算") && !contains(first, "。") &&
            code_point_count(first) <= 80 && !match_part_heading(group_line(groups_[g], 0))) {
            const Group& group = groups_[g];
            std::string title;
            std::size_t count = group_size(group);
            // A bold title (**…**) ends at its closing marker; later lines are something else.
            if (starts_with(trim(lines_[group.first].text), "**")) {
                for (std::size_t k = 0; k < count; ++k) {
                    title += group_line(group, k);
                    if (k > 0 && ends_with(trim(lines_[group.first + k].text), "**")) { count = k + 1; break; }
                    if (k == 0 && ends_with(trim(lines_[group.first].text), "**") &&
                        trim(lines_[group.first].text).size() > 4) { count = 1; break; }
                }
            } else {
                title = group_text(group);
            }
            report_.meta.title = report_.own(title);
            report_.meta.title_line = line_of(group);
            ++g;
        } else {
            diagnostics_.add("import-metadata", "no-title", groups_.empty() ? 0 : line_of(groups_[0]), {});
        }
        // The publication date printed under the title.
        while (g < groups_.size() && !groups_[g].tabular && group_size(groups_[g]) == 1) {
            std::string text = group_line(groups_[g], 0);
            std::size_t end = 0;
            auto date = find_iso_date(text, &end);
            if (!date || code_point_count(text) > 16) break;
            if (report_.meta.publication_date.empty()) report_.meta.publication_date = report_.own(*date);
            ++g;
        }
        if (g < groups_.size() && !groups_[g].tabular && compact(group_text(groups_[g])) == "目录")
            g = read_contents(g + 1);
        return g;
    }

    std::size_t read_contents(std::size_t g) {
        int last_part = 0;
        for (; g < groups_.size(); ++g) {
            const Group& group = groups_[g];
            if (group.tabular) return g;
            for (std::size_t k = 0; k < group_size(group); ++k) {
                std::string text = group_line(group, k);
                SourceLine number = lines_[group.first + k].number;
                if (auto part = match_part_heading(text)) {
                    const int n = part_value(*part);
                    // The contents end where the part numbering starts again: the body.
                    if (n <= last_part) return g;
                    last_part = n;
                    report_.toc.push_back({report_.own(text), 1, number});
                } else if (starts_with(text, "- ") || starts_with(text, "-")) {
                    std::string entry(trim(std::string_view(text).substr(1)));
                    report_.toc.push_back({report_.own(entry), 2, number});
                } else if (!report_.toc.empty() && code_point_count(text) <= 20 && !contains(text, "。")) {
                    // An entry that wraps onto a second line (「…部门决算情况」 / 「说明」).
                    std::string joined = std::string(report_.toc.back().text) + text;
                    report_.toc.back().text = report_.own(joined);
                } else {
                    return g;
                }
            }
        }
        return g;
    }

    // ---- body -----------------------------------------------------------------------

    std::size_t read_body_group(std::size_t g) {
        const Group& group = groups_[g];
        if (group.tabular) return read_table(g, g, {}, 0);
        std::string first = group_line(group, 0);
        bool single = group_size(group) == 1;

        if (single) {
            if (auto part = match_part_heading(first)) {
                open_part(*part, part_value(*part), line_of(group));
                return g + 1;
            }
            if (auto number = attachment_number(first)) return read_attachment(g, *number);
            if (const int listed = numberless_part(first); listed > 0) {
                // The body printed a part's heading without its 第N部分 (the contents have it):
                // it still opens that part, so its tables and text are not filed under the
                // part before. The section keeps no number, as printed; structure-toc-mismatch
                // reports the missing number.
                open_part(Enumeration{1, {}, first}, listed, line_of(group));
                return g + 1;
            }
            if (auto e = match_enumeration(first); e && is_heading_text(*e)) {
                add_section(*e, line_of(group));
                return g + 1;
            }
        }
        if (is_table_title(g)) return read_table(g, g + 1, group_text(group), line_of(group));
        if (is_note_start(first)) return read_note(g, -1);
        read_text_group(group);
        return g + 1;
    }

    void open_part(const Enumeration& part, int value, SourceLine line) {
        attachment_ = -1;
        add_section(part, line);
        if (value > 0) body_part_ = value;
        if (ends_with(part.rest, "概况"))
            departments_from_parts_.push_back(std::string(part.rest.substr(0, part.rest.size() - std::string_view("概况").size())));
    }

    // The number of the part whose contents entry reads exactly `line` once its 第N部分 is
    // dropped (spaces ignored), when that part comes after the parts the body has opened;
    // 0 otherwise.
    int numberless_part(std::string_view line) const {
        if (report_.toc.empty()) return 0;
        const std::string printed = compact(line);
        if (printed.empty()) return 0;
        for (const TocEntry& entry : report_.toc) {
            if (entry.level != 1) continue;
            const auto part = match_part_heading(entry.text);
            if (!part) continue;
            const int value = part_value(*part);
            if (value > body_part_ && compact(part->rest) == printed) return value;
        }
        return 0;
    }

    void add_section(const Enumeration& e, SourceLine line) {
        Section section;
        section.number = report_.own(e.marker);
        section.heading = report_.own(e.rest);
        section.level = e.level;
        section.line = line;
        auto level = static_cast<std::size_t>(e.level);
        section_stack_.resize(std::max<std::size_t>(section_stack_.size(), 5), -1);
        section.parent = -1;
        for (std::size_t l = level - 1; l >= 1; --l)
            if (section_stack_[l] >= 0) { section.parent = section_stack_[l]; break; }
        section_ = static_cast<int>(report_.sections.size());
        section_stack_[level] = section_;
        for (std::size_t l = level + 1; l < section_stack_.size(); ++l) section_stack_[l] = -1;
        report_.sections.push_back(section);
        open_paragraph_ = -1;
    }

    int add_block(BlockKind kind, std::string_view text, SourceLine line) {
        Block block;
        block.kind = kind;
        block.text = report_.own(text);
        block.section = section_;
        block.attachment = attachment_;
        block.line = line;
        report_.blocks.push_back(block);
        return static_cast<int>(report_.blocks.size()) - 1;
    }

    void read_text_group(const Group& group) {
        // Lines starting with a marker (一、 1. - ) start their own block; other lines
        // continue the block above (a paragraph wrapped by the extraction).
        struct Piece {
            BlockKind kind;
            std::string text;
            SourceLine line;
        };
        std::vector<Piece> pieces;
        for (std::size_t k = 0; k < group_size(group); ++k) {
            std::string text = group_line(group, k);
            SourceLine number = lines_[group.first + k].number;
            if (text.empty()) continue;
            if (starts_with(text, "- ")) {
                pieces.push_back({BlockKind::list_item, std::string(trim(std::string_view(text).substr(2))), number});
            } else if (is_caption(text)) {
                pieces.push_back({BlockKind::caption, text, number});
            } else if (pieces.empty() || match_enumeration(text) || is_note_start(text) ||
                       pieces.back().kind == BlockKind::caption) {
                pieces.push_back({is_note_start(text) ? BlockKind::note : BlockKind::paragraph, text, number});
            } else {
                pieces.back().text += text;
            }
        }
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            Piece& piece = pieces[i];
            bool continues = i == 0 && piece.kind == BlockKind::paragraph && open_paragraph_ >= 0 &&
                             !match_enumeration(piece.text);
            if (continues) {
                Block& block = report_.blocks[static_cast<std::size_t>(open_paragraph_)];
                block.text = report_.own(std::string(block.text) + piece.text);
            } else {
                open_paragraph_ = add_block(piece.kind, piece.text, piece.line);
            }
            const Block& block = report_.blocks[static_cast<std::size_t>(open_paragraph_)];
            if (block.kind != BlockKind::paragraph || !ends_open(block.text) || code_point_count(block.text) < 40)
                open_paragraph_ = -1;
        }
    }

    // A note group: 注：/说明：/备注： with its continuation lines; one ending in 「：」
    // takes the next text group too (「备注：」 then the numbered remarks).
    std::size_t read_note(std::size_t g, int table) {
        std::string text = group_text(groups_[g]);
        SourceLine line = line_of(groups_[g]);
        std::size_t next = g + 1;
        if ((ends_with(text, "：") || ends_with(text, ":")) && next < groups_.size() && !groups_[next].tabular &&
            !match_part_heading(group_line(groups_[next], 0)) && !attachment_number(group_line(groups_[next], 0))) {
            text += group_text(groups_[next]);
            ++next;
        }
        add_block(BlockKind::note, text, line);
        open_paragraph_ = -1;
        if (table >= 0) {
            Table& t = report_.tables[static_cast<std::size_t>(table)];
            std::string note = t.note.empty() ? text : std::string(t.note) + "\n" + text;
            t.note = report_.own(note);
        }
        return next;
    }

    bool is_table_title(std::size_t g) const {
        const Group& group = groups_[g];
        if (group.tabular || group_size(group) > 3) return false;
        std::string text = compact(group_text(group));
        if (!ends_with(text, "表") || code_point_count(text) > 80 || match_part_heading(text)) return false;
        std::size_t h = g + 1;
        while (h < groups_.size() && !groups_[h].tabular) {
            const Group& meta = groups_[h];
            for (std::size_t k = 0; k < group_size(meta); ++k)
                if (!is_meta_line(group_line(meta, k), attachment_ >= 0)) return false;
            ++h;
        }
        return h < groups_.size() && groups_[h].tabular;
    }

    std::size_t read_attachment(std::size_t g, const std::string& number) {
        Attachment attachment;
        attachment.label = report_.own("附件" + number);
        attachment.line = line_of(groups_[g]);
        attachment_ = static_cast<int>(report_.attachments.size());
        attachment_tables_ = 0;
        report_.attachments.push_back(attachment);
        open_paragraph_ = -1;
        std::size_t next = g + 1;
        if (next < groups_.size() && !groups_[next].tabular && !is_meta_line(group_line(groups_[next], 0), true) &&
            !match_part_heading(group_line(groups_[next], 0))) {
            report_.attachments.back().title = report_.own(group_text(groups_[next]));
            if (is_table_title(next))
                return read_table(next, next + 1, group_text(groups_[next]), line_of(groups_[next]));
            return next + 1;
        }
        return next;
    }

    std::size_t read_table(std::size_t title_group, std::size_t g, std::string title, SourceLine title_line) {
        (void)title_group;
        RawTable raw;
        raw.title = std::move(title);
        raw.line = title_line;
        raw.section = section_;
        raw.attachment = attachment_;
        open_paragraph_ = -1;
        // Lines between the title and the rows: 公开02表, 部门：, 单位：, 填报日期 ….
        for (; g < groups_.size() && !groups_[g].tabular; ++g) {
            const Group& meta = groups_[g];
            for (std::size_t k = 0; k < group_size(meta); ++k) {
                std::string text = group_line(meta, k);
                std::string compacted = compact(text);
                if (starts_with(compacted, "公开") && ends_with(compacted, "表")) raw.code = compacted;
                else if (starts_with(compacted, "部门")) raw.department = after_colon(text);
                else if (starts_with(compacted, "单位：") || starts_with(compacted, "单位:") ||
                         starts_with(compacted, "金额单位"))
                    raw.unit = compact(after_colon(text));
                if (attachment_ >= 0)
                    extract_inline_fields(text, lines_[meta.first + k].number,
                                          report_.attachments[static_cast<std::size_t>(attachment_)], report_);
            }
        }
        // The rows, across page breaks: a later block of tab lines continues the table, also
        // when the page reprints the unit line above it (「单位：万元」 between two blocks of rows
        // is no new table: a new table has a title first).
        for (; g < groups_.size(); ++g) {
            if (!groups_[g].tabular) {
                if (!raw.rows.empty() && attachment_ < 0 && g + 1 < groups_.size() && groups_[g + 1].tabular &&
                    only_unit_lines(groups_[g]))
                    continue;
                break;
            }
            const Group& rows = groups_[g];
            for (std::size_t i = rows.first; i < rows.last; ++i) {
                RawRow row;
                row.line = lines_[i].number;
                row.after_break = i == rows.first && rows.after_blank && !raw.rows.empty();
                std::string_view text = lines_[i].text;
                std::size_t start = 0;
                while (true) {
                    std::size_t tab = text.find('\t', start);
                    std::string_view cell = text.substr(start, tab == std::string_view::npos ? text.npos : tab - start);
                    row.cells.push_back(std::string(trim(strip_html(trim(cell)))));
                    if (tab == std::string_view::npos) break;
                    start = tab + 1;
                }
                raw.rows.push_back(std::move(row));
            }
        }
        if (raw.line == 0 && !raw.rows.empty()) raw.line = raw.rows.front().line;
        raw.ends_document = g >= groups_.size();
        int table = build_table(raw);
        // Notes printed under the table belong to it.
        while (g < groups_.size() && !groups_[g].tabular && is_note_start(group_line(groups_[g], 0)))
            g = read_note(g, table);
        return g;
    }

    bool only_unit_lines(const Group& group) const {
        for (std::size_t k = 0; k < group_size(group); ++k) {
            const std::string compacted = compact(group_line(group, k));
            const bool unit = starts_with(compacted, "单位：") || starts_with(compacted, "单位:") ||
                              starts_with(compacted, "金额单位：") || starts_with(compacted, "金额单位:");
            if (!unit || !is_meta_line(compacted, false)) return false;
        }
        return true;
    }

    int build_table(const RawTable& raw) {
        std::size_t before = report_.tables.size();
        std::optional<std::string_view> id;
        if (attachment_ < 0 && !raw.title.empty()) id = standard_table_id(raw.title, reading_);
        if (id) {
            if (standard_seen_.count(*id)) {
                diagnostics_.add("import-unknown-table", "duplicate", raw.line,
                                 {{"title", raw.title}, {"table", std::string(*id)}});
            } else if (build_standard_table(raw, *reading_.table(*id), reading_, report_, diagnostics_)) {
                standard_seen_.insert(std::string(*id));
                check_truncation(raw, report_.tables.back());
            } else if (read_header(raw.rows).rows == 0) {
                diagnostics_.add("import-table-header", "no-header", raw.line, {{"title", raw.title}});
            } else {
                diagnostics_.add("import-unknown-table", "columns-mismatch", raw.line,
                                 {{"title", raw.title}, {"table", std::string(*id)}});
            }
        }
        if (report_.tables.size() == before) {
            if (attachment_ >= 0) {
                Attachment& attachment = report_.attachments[static_cast<std::size_t>(attachment_)];
                std::string table_id = "att-" + std::string(attachment.label.substr(std::string_view("附件").size()));
                if (attachment_tables_ > 0) {
                    table_id += '.';
                    table_id += std::to_string(attachment_tables_ + 1);
                }
                ++attachment_tables_;
                build_text_table(raw, table_id, TableKind::attachment_form, report_, diagnostics_);
                if (attachment.title.empty()) attachment.title = report_.tables.back().title;
                attachment.tables.push_back(static_cast<int>(report_.tables.size()) - 1);
                extract_form_fields(report_.tables.back(), attachment, report_);
            } else {
                build_text_table(raw, "other-" + std::to_string(++other_tables_), TableKind::other, report_,
                                 diagnostics_);
            }
        }
        return static_cast<int>(report_.tables.size()) - 1;
    }

    void check_truncation(const RawTable& raw, const Table& table) {
        if (!raw.ends_document) return;
        bool has_total = std::any_of(table.rows.begin(), table.rows.end(),
                                     [](const Row& row) { return row.level == RowLevel::total; });
        if (!has_total)
            diagnostics_.add("import-truncated", "ends-in-table", raw.rows.empty() ? raw.line : raw.rows.back().line,
                             {{"title", raw.title}}, table.id);
    }

    // ---- metadata -----------------------------------------------------------------------

    void finish_metadata() {
        Metadata& meta = report_.meta;
        std::string title = compact(meta.title);
        std::size_t year_begin = 0, year_end = 0;
        if (auto year = find_fiscal_year(title, &year_begin, &year_end)) {
            meta.fiscal_year = *year;
            std::string department;
            std::size_t suffix = title.find("部门决算", year_end);
            if (suffix != std::string::npos && suffix > year_end) department = title.substr(year_end, suffix - year_end);
            else if (year_begin > 0) department = title.substr(0, year_begin);
            if (!department.empty()) meta.department = report_.own(department);
        } else if (!meta.title.empty()) {
            diagnostics_.add("import-metadata", "no-fiscal-year", meta.title_line, {{"title", std::string(meta.title)}});
        }
        if (meta.department.empty() && !departments_from_parts_.empty())
            meta.department = report_.own(departments_from_parts_.front());
        if (meta.department.empty())
            for (const auto& table : report_.tables)
                if (!table.department.empty()) { meta.department = table.department; break; }
        fill_region(meta, meta.department, report_);

        bool national = false;
        for (const auto& table : report_.tables) {
            if (starts_with(table.code, "公开")) national = true;
            if (meta.amount_unit.empty() && table.kind == TableKind::standard && !table.unit.empty())
                meta.amount_unit = table.unit;
        }
        meta.template_name = national ? "national" : "";
    }
};

}  // namespace

void read_document(const std::vector<Line>& lines, Report& report, Diagnostics& diagnostics,
                   const templates::Template& reading) {
    Walker(lines, report, diagnostics, reading).run();
}

}  // namespace fincheck::import_detail
