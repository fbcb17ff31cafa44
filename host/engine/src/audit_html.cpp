#include "fincheck/engine/audit_html.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "fincheck/engine/html_text.hpp"
#include "fincheck/utf8.hpp"
#include "html_anchors.hpp"
#include "html_assets.hpp"

namespace fincheck::engine {
namespace {

using html::Anchors;

std::string_view severity_label(Severity severity, bool zh) {
    switch (severity) {
        case Severity::error:
            return zh ? "错误" : "error";
        case Severity::warning:
            return zh ? "警告" : "warning";
        case Severity::info:
            break;
    }
    return zh ? "提示" : "info";
}

std::string join(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
        if (!out.empty()) out += ' ';
        out += id;
    }
    return out;
}

// What the page knows about one finding before it draws anything.
struct Placed {
    std::vector<std::string> targets;   // elements of its location
    std::vector<std::string> evidence;  // elements of its evidence, without repeats
    int page = 0;                       // 0: not from a PDF, or a line without origin
};

// An element that findings point at.
struct Mark {
    std::vector<std::size_t> findings;  // ascending
    Severity worst = Severity::info;
    int page = 0;  // shown after the element when a finding's location ends here
};

class Page {
public:
    Page(const Report& report, const AuditResult& result, const HtmlOptions& options)
        : report_(report),
          result_(result),
          options_(options),
          zh_(options.language == Language::zh),
          anchors_(report) {
        for (const AuditedFinding& f : result.findings) {
            anchors_.prepare(f.finding.location);
            for (const Evidence& e : f.finding.evidence) anchors_.prepare(e.location);
        }
        for (std::size_t i = 0; i < result.findings.size(); ++i) {
            const AuditedFinding& f = result.findings[i];
            Placed placed;
            placed.targets = anchors_.resolve(f.finding.location);
            for (const Evidence& e : f.finding.evidence)
                for (std::string& id : anchors_.resolve(e.location))
                    if (std::find(placed.evidence.begin(), placed.evidence.end(), id) ==
                        placed.evidence.end())
                        placed.evidence.push_back(std::move(id));
            if (const PageBox* origin =
                    origin_of_line(result.input.line_origin, f.finding.location.line))
                placed.page = origin->page;
            for (const std::string& id : placed.targets) {
                Mark& mark = marks_[id];
                if (mark.findings.empty() || f.severity > mark.worst) mark.worst = f.severity;
                mark.findings.push_back(i);
            }
            if (placed.page > 0) marks_[placed.targets.back()].page = placed.page;
            placed_.push_back(std::move(placed));
        }
    }

    std::string render() {
        out_ += "<!DOCTYPE html>\n<html lang=\"";
        out_ += zh_ ? "zh-CN" : "en";
        out_ += "\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<meta name=\"generator\" content=\"fincheck " +
                html_escaped(result_.tool_version) + "\">\n";
        out_ += "<title>";
        text(zh_ ? "审核 · " : "Review · ");
        text(report_.meta.title.empty() ? std::string_view(result_.input.file)
                                        : report_.meta.title);
        out_ += "</title>\n<style>\n";
        out_ += html::kReviewCss;
        out_ += "</style>\n</head>\n<body>\n";
        header();
        out_ += "<div id=\"layout\">\n";
        panel();
        out_ += "<main id=\"report\">\n";
        document();
        out_ += "</main>\n</div>\n";
        out_ += "<pre id=\"fc-selfcheck\" hidden></pre>\n<script>\n";
        out_ += html::kReviewJs;
        out_ += "</script>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    const char* say(const char* zh, const char* en) const { return zh_ ? zh : en; }
    void text(std::string_view s) { append_html_escaped(out_, s); }
    void attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_html_escaped(out_, value);
        out_ += '"';
    }

    std::string page_link_label(int page) const {
        return zh_ ? "第 " + std::to_string(page) + " 页" : "page " + std::to_string(page);
    }
    void page_link(int page) {
        if (options_.pdf_href.empty()) {
            out_ += "<span class=\"pg\">" + page_link_label(page) + "</span>";
        } else {
            out_ += "<a class=\"pg\" target=\"_blank\" rel=\"noopener\"";
            attr("href", url_path_escaped(options_.pdf_href) + "#page=" + std::to_string(page));
            out_ += ">" + page_link_label(page) + "</a>";
        }
    }

    // id, data-kind, data-line and, when findings point here, the mark's class and findings.
    void anchor(const std::string& id, std::string_view kind, SourceLine line,
                std::string_view css_class = {}) {
        attr("id", id);
        attr("data-kind", kind);
        if (line > 0) attr("data-line", std::to_string(line));
        std::string classes(css_class);
        if (auto it = marks_.find(id); it != marks_.end()) {
            if (!classes.empty()) classes += ' ';
            classes += "mark sev-";
            classes += to_string(it->second.worst);
            std::string findings;
            for (std::size_t i : it->second.findings)
                findings += (findings.empty() ? "f" : " f") + std::to_string(i);
            attr("data-findings", findings);
        }
        if (!classes.empty()) attr("class", classes);
    }
    // The page badge after a marked element, where a finding's location ends.
    void badge(const std::string& id) {
        if (auto it = marks_.find(id); it != marks_.end() && it->second.page > 0)
            page_link(it->second.page);
    }

    void header() {
        out_ += "<header id=\"top\">\n<div class=\"tool\">fincheck ";
        text(result_.tool_version);
        out_ += say(" 审核页", " review page");
        out_ += "</div>\n<div class=\"file\">";
        text(say("文件：", "File: "));
        if (!options_.pdf_href.empty()) {
            out_ += "<a target=\"_blank\" rel=\"noopener\"";
            attr("href", url_path_escaped(options_.pdf_href));
            out_ += ">";
            text(result_.input.file);
            out_ += "</a>";
        } else {
            text(result_.input.file);
        }
        if (!result_.input.sha256.empty()) {
            out_ += " <span class=\"sha\">sha256 ";
            text(result_.input.sha256.substr(0, 16));
            out_ += "…</span>";
        }
        out_ += "</div>\n<div class=\"counts\">";
        const SeverityCounts& c = result_.counts;
        for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
            const std::size_t n = s == Severity::error     ? c.error
                                  : s == Severity::warning ? c.warning
                                                           : c.info;
            out_ += "<span class=\"count sev-" + std::string(to_string(s)) + "\">";
            text(severity_label(s, zh_));
            out_ += " " + std::to_string(n) + "</span> ";
        }
        if (result_.defects.size() != result_.findings.size()) {
            out_ += "<span class=\"count defects\">";
            out_ += zh_ ? "按根因合并为 " + std::to_string(result_.defects.size()) + " 处缺陷"
                        : std::to_string(result_.defects.size()) + " defect(s) by root cause";
            out_ += "</span>";
        }
        out_ += "</div>\n</header>\n";
    }

    // The findings panel: filters, then one entry per finding in the audit's order.
    void panel() {
        out_ += "<nav id=\"panel\">\n<h2>";
        text(say("发现", "Findings"));
        out_ += " <span class=\"n\">" + std::to_string(result_.findings.size()) + "</span></h2>\n";
        if (result_.findings.empty()) {
            out_ += "<p class=\"none\">";
            text(say("未发现问题。", "No findings."));
            out_ += "</p>\n</nav>\n";
            return;
        }
        out_ += "<div id=\"filters\">\n";
        for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
            const SeverityCounts& c = result_.counts;
            const std::size_t n = s == Severity::error     ? c.error
                                  : s == Severity::warning ? c.warning
                                                           : c.info;
            out_ += "<label class=\"sev-" + std::string(to_string(s)) +
                    "\"><input type=\"checkbox\" checked";
            attr("data-severity", to_string(s));
            out_ += "> ";
            text(severity_label(s, zh_));
            out_ += " " + std::to_string(n) + "</label>\n";
        }
        std::map<std::string, std::size_t> rules;
        for (const AuditedFinding& f : result_.findings) ++rules[f.finding.rule_id];
        out_ += "<select id=\"rule-filter\"><option value=\"\">";
        text(say("全部规则", "All rules"));
        out_ += "</option>";
        for (const auto& [rule, n] : rules) {
            out_ += "<option";
            attr("value", rule);
            out_ += ">";
            text(rule);
            out_ += " (" + std::to_string(n) + ")</option>";
        }
        out_ += "</select>\n</div>\n<ol id=\"findings\">\n";
        for (std::size_t i = 0; i < result_.findings.size(); ++i) finding_entry(i);
        out_ += "</ol>\n</nav>\n";
    }

    void finding_entry(std::size_t i) {
        const AuditedFinding& f = result_.findings[i];
        const Location& loc = f.finding.location;
        const Placed& placed = placed_[i];
        out_ += "<li";
        attr("id", "f" + std::to_string(i));
        attr("class", "finding sev-" + std::string(to_string(f.severity)));
        attr("data-severity", to_string(f.severity));
        attr("data-rule", f.finding.rule_id);
        attr("data-targets", join(placed.targets));
        attr("data-evidence", join(placed.evidence));
        // The location as the audit states it, for the page's own check (#fincheck-selfcheck).
        attr("data-at-table", loc.table);
        attr("data-at-row", loc.row);
        attr("data-at-column", loc.column);
        if (loc.block >= 0) attr("data-at-block", std::to_string(loc.block));
        out_ += ">\n<a class=\"goto\"";
        attr("href", "#" + placed.targets.front());
        out_ += "><span class=\"sev\">";
        text(severity_label(f.severity, zh_));
        out_ += "</span> <code>";
        text(f.finding.rule_id);
        out_ += "</code></a>";
        // The page link follows; the source line is said only where there is no page.
        Location place = loc;
        if (placed.page > 0) place.line = 0;
        const std::string where = describe_location(place, options_.language);
        if (!where.empty()) {
            out_ += " <span class=\"where\">";
            text(where);
            out_ += "</span>";
        }
        if (placed.page > 0) {
            out_ += " ";
            page_link(placed.page);
        }
        out_ += "\n<p class=\"msg\">";
        text(zh_ ? f.message_zh : f.message_en);
        out_ += "</p>\n";
        if (!f.finding.expected.empty() || !f.finding.actual.empty()) {
            out_ += "<p class=\"values\"><span class=\"expected\">";
            text(say("应为 ", "expected "));
            out_ += "<b>";
            text(f.finding.expected.empty() ? "-" : f.finding.expected);
            out_ += "</b></span> <span class=\"actual\">";
            text(say("实为 ", "found "));
            out_ += "<b>";
            text(f.finding.actual.empty() ? "-" : f.finding.actual);
            out_ += "</b></span>";
            if (f.finding.difference) {
                out_ += " <span class=\"diff\">";
                text(say("差额 ", "difference "));
                text(f.finding.difference->to_string());
                out_ += "</span>";
            }
            if (f.finding.tolerance) {
                out_ += " <span class=\"tol\">";
                text(say("容差 ", "tolerance "));
                text(f.finding.tolerance->to_string());
                out_ += "</span>";
            }
            out_ += "</p>\n";
        }
        if (f.defect < result_.defects.size()) {
            const Defect& defect = result_.defects[f.defect];
            out_ += "<p class=\"group\"";
            attr("data-defect", defect.id);
            out_ += ">";
            text(say("根因 ", "root cause "));
            out_ += "<b>";
            text(defect.id);
            out_ += "</b>";
            if (!defect.root.empty()) {
                out_ += zh_ ? "：" : ": ";
                text(defect.root);
                if (!defect.corrected.empty()) {
                    text(say(" 应为 ", " should be "));
                    text(defect.corrected);
                }
            }
            if (defect.findings.size() > 1)
                out_ += zh_ ? "（同一根因 " + std::to_string(defect.findings.size()) + " 条发现）"
                            : " (" + std::to_string(defect.findings.size()) + " findings share it)";
            out_ += "</p>\n";
        }
        out_ += "</li>\n";
    }

    // The report in source order: the title and contents, then sections, paragraphs, tables and
    // attachments by the line they were printed on.
    void document() {
        out_ += "<h1";
        anchor(html::kTitleId, "title", report_.meta.title_line);
        out_ += ">";
        text(report_.meta.title.empty() ? std::string_view(result_.input.file)
                                        : report_.meta.title);
        badge(html::kTitleId);
        out_ += "</h1>\n<dl class=\"meta\">";
        meta_item(say("部门", "Department"), report_.meta.department);
        if (report_.meta.fiscal_year > 0)
            meta_item(say("年度", "Fiscal year"), std::to_string(report_.meta.fiscal_year));
        meta_item(say("地区", "Region"), report_.meta.region);
        meta_item(say("金额单位", "Amount unit"), report_.meta.amount_unit);
        out_ += "</dl>\n";
        absent_parts();
        if (!report_.toc.empty()) {
            out_ += "<section class=\"toc\"><h2>";
            text(say("目录", "Contents"));
            out_ += "</h2>\n<ol>\n";
            for (std::size_t i = 0; i < report_.toc.size(); ++i) {
                const TocEntry& entry = report_.toc[i];
                out_ += "<li";
                anchor(html::toc_id(i), "toc", entry.line, "level-" + std::to_string(entry.level));
                out_ += ">";
                text(entry.text);
                badge(html::toc_id(i));
                out_ += "</li>\n";
            }
            out_ += "</ol>\n</section>\n";
        }
        enum Kind : int { kSection, kAttachment, kBlock, kTable };
        std::vector<std::tuple<SourceLine, int, std::size_t>> items;
        for (std::size_t i = 0; i < report_.sections.size(); ++i)
            items.emplace_back(report_.sections[i].line, kSection, i);
        for (std::size_t i = 0; i < report_.attachments.size(); ++i)
            items.emplace_back(report_.attachments[i].line, kAttachment, i);
        for (std::size_t i = 0; i < report_.blocks.size(); ++i)
            items.emplace_back(report_.blocks[i].line, kBlock, i);
        for (std::size_t i = 0; i < report_.tables.size(); ++i)
            items.emplace_back(report_.tables[i].line, kTable, i);
        std::sort(items.begin(), items.end());
        for (const auto& [line, kind, i] : items) {
            switch (kind) {
                case kSection:
                    section(i);
                    break;
                case kAttachment:
                    attachment(i);
                    break;
                case kBlock:
                    block(i);
                    break;
                default:
                    table(i);
                    break;
            }
        }
    }

    // Tables, rows and columns that findings name and the report does not have (a table left
    // out): they are marked here, as there is nothing else to mark.
    void absent_parts() {
        const std::vector<Location>& parts = anchors_.absent_parts();
        if (parts.empty()) return;
        out_ += "<section class=\"absent\"><h2>";
        text(say("报告中缺少的部分", "Not in the report"));
        out_ += "</h2>\n<ul>\n";
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const Location& part = parts[k];
            const std::string id = html::absent_id(k);
            out_ += "<li";
            anchor(id,
                   !part.row.empty() && !part.column.empty() ? "cell"
                   : !part.row.empty()                       ? "row"
                   : !part.column.empty()                    ? "column"
                                                             : "table",
                   0);
            attr("data-table", part.table);
            attr("data-row", part.row);
            attr("data-column", part.column);
            out_ += ">";
            text(say("表 ", "table "));
            text(part.table);
            for (std::string_view key :
                 {std::string_view(part.row), std::string_view(part.column)}) {
                if (key.empty()) continue;
                out_ += " / ";
                text(key);
            }
            badge(id);
            out_ += "</li>\n";
        }
        out_ += "</ul>\n</section>\n";
    }

    void meta_item(std::string_view name, std::string_view value) {
        if (value.empty()) return;
        out_ += "<dt>";
        text(name);
        out_ += "</dt><dd>";
        text(value);
        out_ += "</dd>";
    }

    void section(std::size_t s) {
        const Section& sec = report_.sections[s];
        const std::string tag = "h" + std::to_string(std::clamp(sec.level + 1, 2, 6));
        out_ += "<" + tag;
        anchor(html::section_id(s), "section", sec.line);
        attr("data-section", anchors_.section_path(s));
        out_ += ">";
        text(sec.number);
        if (!sec.number.empty() && !sec.heading.empty()) out_ += ' ';
        text(sec.heading);
        badge(html::section_id(s));
        out_ += "</" + tag + ">\n";
    }

    void block(std::size_t b) {
        const Block& blk = report_.blocks[b];
        out_ += "<p";
        anchor(html::block_id(b), "block", blk.line, "block " + std::string(to_string(blk.kind)));
        attr("data-block", std::to_string(b));
        out_ += ">";
        const std::vector<std::uint32_t>& cuts = anchors_.cuts(b);
        if (cuts.size() == 1) {
            text(blk.text);
        } else {
            // The pieces between cuts, each its own element so that any span is whole pieces.
            std::size_t byte = 0;
            std::uint32_t point = 0;
            for (std::size_t k = 0; k < cuts.size(); ++k) {
                const std::uint32_t end = k + 1 < cuts.size() ? cuts[k + 1] : anchors_.length(b);
                const std::size_t from = byte;
                for (; point < end && byte < blk.text.size(); ++point)
                    utf8::next_code_point(blk.text, byte);
                const std::string id = html::span_id(b, cuts[k]);
                out_ += "<span";
                anchor(id, "span", 0);
                attr("data-block", std::to_string(b));
                attr("data-begin", std::to_string(cuts[k]));
                attr("data-end", std::to_string(end));
                out_ += ">";
                text(blk.text.substr(from, byte - from));
                out_ += "</span>";
                badge(id);
            }
        }
        badge(html::block_id(b));
        out_ += "</p>\n";
    }

    void table(std::size_t t) {
        const Table& tab = report_.tables[t];
        out_ += "<figure class=\"table\">\n<figcaption";
        anchor(html::table_id(t), "table", tab.line);
        attr("data-table", tab.id);
        out_ += "><span class=\"tid\">";
        text(tab.id);
        out_ += "</span> ";
        text(tab.title);
        if (!tab.code.empty()) {
            out_ += " <span class=\"code\">";
            text(tab.code);
            out_ += "</span>";
        }
        badge(html::table_id(t));
        if (!tab.department.empty() || !tab.unit.empty()) {
            out_ += "<div class=\"sub\">";
            if (!tab.department.empty()) {
                text(say("部门：", "Department: "));
                text(tab.department);
                out_ += " ";
            }
            if (!tab.unit.empty()) {
                text(say("单位：", "Unit: "));
                text(tab.unit);
            }
            out_ += "</div>";
        }
        out_ += "</figcaption>\n<div class=\"scroll\"><table>\n<thead><tr><th>";
        text(say("项目", "Item"));
        out_ += "</th>";
        for (std::size_t c = 0; c < tab.columns.size(); ++c) {
            const Column& col = tab.columns[c];
            out_ += "<th";
            anchor(html::column_id(t, c), "column", 0);
            attr("data-table", tab.id);
            attr("data-column", col.key);
            out_ += ">";
            if (col.header.empty()) {
                text(col.key);
            } else {
                for (std::size_t h = 0; h < col.header.size(); ++h) {
                    if (h) out_ += "<br>";
                    text(col.header[h]);
                }
            }
            if (col.number > 0)
                out_ += "<span class=\"no\">" + std::to_string(col.number) + "</span>";
            badge(html::column_id(t, c));
            out_ += "</th>";
        }
        out_ += "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < tab.rows.size(); ++r) {
            const Row& row = tab.rows[r];
            out_ += "<tr";
            anchor(html::row_id(t, r), "row", row.line,
                   "level-" + std::string(to_string(row.level)));
            attr("data-table", tab.id);
            attr("data-row", row.key);
            out_ += "><th scope=\"row\">";
            if (!row.code.empty()) {
                out_ += "<span class=\"rc\">";
                text(row.code);
                out_ += "</span> ";
            }
            text(row.label.empty() ? row.key : row.label);
            if (!row.line_no.empty()) {
                out_ += " <span class=\"no\">";
                text(row.line_no);
                out_ += "</span>";
            }
            badge(html::row_id(t, r));
            out_ += "</th>";
            for (std::size_t c = 0; c < tab.columns.size(); ++c) {
                const Cell* cell = row.cell(c);
                const std::string id = html::cell_id(t, r, c);
                out_ += "<td";
                anchor(id, "cell", 0, cell && cell->value ? "n" : "");
                attr("data-table", tab.id);
                attr("data-row", row.key);
                attr("data-column", tab.columns[c].key);
                out_ += ">";
                if (cell) text(cell->raw);
                badge(id);
                out_ += "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody></table></div>\n";
        // The importer keeps a note printed under a table as a paragraph of its own as well.
        const bool note_shown = std::any_of(report_.blocks.begin(), report_.blocks.end(),
                                            [&](const Block& b) { return b.text == tab.note; });
        if (!tab.note.empty() && !note_shown) {
            out_ += "<p class=\"note\">";
            text(tab.note);
            out_ += "</p>\n";
        }
        out_ += "</figure>\n";
    }

    void attachment(std::size_t a) {
        const Attachment& att = report_.attachments[a];
        out_ += "<h2";
        anchor(html::attachment_id(a), "attachment", att.line, "attachment");
        attr("data-attachment", att.label);
        out_ += ">";
        text(att.label);
        out_ += " ";
        text(att.title);
        badge(html::attachment_id(a));
        out_ += "</h2>\n";
        if (att.fields.empty() && att.fill_date.empty()) return;
        // Rules name a field as a column of the attachment's table(s).
        std::string tables;
        for (int t : att.tables)
            if (t >= 0 && static_cast<std::size_t>(t) < report_.tables.size()) {
                if (!tables.empty()) tables += ' ';
                tables += report_.tables[static_cast<std::size_t>(t)].id;
            }
        out_ += "<dl class=\"fields\">";
        if (!att.fill_date.empty()) {
            out_ += "<div>";
            meta_item(say("填报日期", "Date filled"), att.fill_date);
            out_ += "</div>";
        }
        for (std::size_t f = 0; f < att.fields.size(); ++f) {
            const Field& field = att.fields[f];
            out_ += "<div";
            anchor(html::field_id(a, f), "field", field.line);
            attr("data-table", tables);
            attr("data-column", field.name);
            out_ += "><dt>";
            text(field.name);
            out_ += "</dt><dd>";
            text(field.raw);
            badge(html::field_id(a, f));
            out_ += "</dd></div>";
        }
        out_ += "</dl>\n";
    }

    const Report& report_;
    const AuditResult& result_;
    const HtmlOptions& options_;
    const bool zh_;
    Anchors anchors_;
    std::vector<Placed> placed_;
    std::map<std::string, Mark> marks_;
    std::string out_;
};

}  // namespace

std::string write_audit_html(const Report& report, const AuditResult& result,
                             const HtmlOptions& options) {
    return Page(report, result, options).render();
}

}  // namespace fincheck::engine
