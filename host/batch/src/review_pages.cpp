#include "fincheck/batch/review_pages.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <stdexcept>
#include <tuple>

#include "fincheck/engine/atomic_file.hpp"
#include "fincheck/engine/html_text.hpp"

namespace fincheck::batch {
namespace {

using engine::append_html_escaped;

constexpr const char* kIndexCss =
    R"CSS(body{margin:0;padding:1em 2em;font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328}
h1{font-size:1.4em}.totals span{display:inline-block;margin-right:1em}
.error{color:#c62828;font-weight:600}.warning{color:#b26a00;font-weight:600}.info{color:#1565c0}
table{border-collapse:collapse;margin-top:1em}th,td{border:1px solid #d0d4da;padding:.2em .5em;vertical-align:top}
thead th{background:#f0f2f5;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.failed td{background:#fde4e4}tr.skipped td{color:#57606a}.zero{color:#8c959f}
details{margin:.2em 0}summary{cursor:pointer}ul.diff{margin:.2em 0;padding-left:1.2em;font-size:90%}
.new{color:#c62828}.fixed{color:#2e7d32}code{font-family:ui-monospace,monospace}
)CSS";

class Index {
public:
    Index(const SummaryHeader& header, const Totals& totals, engine::Language language,
          bool with_pages)
        : header_(header),
          totals_(totals),
          zh_(language == engine::Language::zh),
          with_pages_(with_pages) {}

    std::string render(std::vector<ReportRecord> records) {
        // Worst first: what could not be audited, then the most errors, warnings, info.
        auto rank = [](const ReportRecord& r) {
            const int status = r.status == Status::failed ? 0 : r.status == Status::audited ? 1 : 2;
            return std::make_tuple(status, ~r.counts.error, ~r.counts.warning, ~r.counts.info);
        };
        // The summary is in key order already: a stable sort keeps it among equals.
        std::stable_sort(
            records.begin(), records.end(),
            [&](const ReportRecord& a, const ReportRecord& b) { return rank(a) < rank(b); });
        out_ += "<!DOCTYPE html>\n<html lang=\"";
        out_ += zh_ ? "zh-CN" : "en";
        out_ += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
        out_ += say("fincheck 批量审核", "fincheck batch");
        out_ += "</title>\n<style>\n";
        out_ += kIndexCss;
        out_ += "</style>\n</head>\n<body>\n<h1>";
        out_ += say("fincheck 批量审核", "fincheck batch");
        out_ += " <small>";
        text(header_.tool_version);
        if (!header_.shard.empty()) {
            out_ += say(" 分片 ", " shard ");
            text(header_.shard);
        }
        out_ += "</small></h1>\n";
        summary();
        out_ += "<table>\n<thead><tr><th>";
        out_ += say("报告", "Report");
        out_ += "</th><th>" + std::string(say("缺陷", "Defects")) + "</th><th>" + say("错误", "Errors") + "</th><th>" +
                say("警告", "Warnings") + "</th><th>" + say("提示", "Info") + "</th>";
        if (totals_.baseline)
            out_ += "<th>" + std::string(say("新增", "New")) + "</th><th>" +
                    say("已修复", "Fixed") + "</th>";
        out_ += "<th>" + std::string(say("说明", "Notes")) + "</th></tr></thead>\n<tbody>\n";
        for (const ReportRecord& record : records) row(record);
        out_ += "</tbody>\n</table>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    const char* say(const char* zh, const char* en) const { return zh_ ? zh : en; }
    void text(std::string_view s) { append_html_escaped(out_, s); }

    void summary() {
        const Counts& c = totals_.counts;
        out_ += "<p class=\"totals\">";
        out_ += "<span>" + std::string(say("报告 ", "Reports ")) + std::to_string(totals_.reports) +
                "</span>";
        out_ += "<span>" + std::string(say("已审核 ", "audited ")) +
                std::to_string(totals_.audited) + "</span>";
        out_ += "<span" + std::string(totals_.failed ? " class=\"error\"" : "") + ">" +
                say("失败 ", "failed ") + std::to_string(totals_.failed) + "</span>";
        out_ += "<span>" + std::string(say("跳过 ", "skipped ")) + std::to_string(totals_.skipped) +
                "</span></p>\n";
        // Defects first: what there is to correct; the findings by severity are its symptoms.
        out_ += "<p class=\"totals\"><span>" + std::string(say("缺陷 ", "defects ")) +
                std::to_string(totals_.defects) + "</span><span class=\"error\">" +
                std::string(say("错误 ", "errors ")) + std::to_string(c.error) +
                "</span><span class=\"warning\">" + say("警告 ", "warnings ") +
                std::to_string(c.warning) + "</span><span class=\"info\">" + say("提示 ", "info ") +
                std::to_string(c.info) + "</span></p>\n";
        if (totals_.baseline) {
            out_ += "<p class=\"totals\">";
            out_ += say("与基线 ", "Against the baseline ");
            out_ += "<code>";
            text(header_.baseline);
            out_ += "</code>: <span class=\"new\">" + std::string(say("新增 ", "new ")) +
                    std::to_string(totals_.added) + "</span><span class=\"fixed\">" +
                    say("已修复 ", "fixed ") + std::to_string(totals_.gone) + "</span><span>" +
                    say("仍在 ", "remaining ") + std::to_string(totals_.remaining) +
                    "</span></p>\n";
        }
    }

    void number(std::size_t n, const char* css) {
        out_ += "<td class=\"n";
        if (n == 0)
            out_ += " zero";
        else if (*css)
            out_ += std::string(" ") + css;
        out_ += "\">" + std::to_string(n) + "</td>";
    }

    void findings_list(const std::vector<FindingKey>& keys, const char* css) {
        out_ += "<ul class=\"diff " + std::string(css) + "\">";
        for (const FindingKey& key : keys) {
            out_ += "<li><code>";
            text(key.rule);
            out_ += "</code> @ ";
            text(key.location);
            if (!key.expected.empty() || !key.actual.empty()) {
                out_ += say("：应为 ", ": expected ");
                text(key.expected.empty() ? "-" : key.expected);
                out_ += say("，实为 ", ", found ");
                text(key.actual.empty() ? "-" : key.actual);
            }
            out_ += "</li>";
        }
        out_ += "</ul>";
    }

    void row(const ReportRecord& record) {
        out_ += "<tr class=\"" + std::string(to_string(record.status)) + "\"><td>";
        if (with_pages_ && record.status == Status::audited && !record.output.empty()) {
            out_ += "<a href=\"";
            text(engine::url_path_escaped(review_page_name(record.output)));
            out_ += "\">";
            text(record.key);
            out_ += "</a>";
        } else {
            text(record.key);
        }
        out_ += "</td>";
        number(record.defects, "defects");
        number(record.counts.error, "error");
        number(record.counts.warning, "warning");
        number(record.counts.info, "info");
        if (totals_.baseline) {
            const std::size_t added = record.baseline ? record.baseline->added.size() : 0;
            const std::size_t gone = record.baseline ? record.baseline->gone.size() : 0;
            number(added, "new");
            number(gone, "fixed");
        }
        out_ += "<td>";
        if (record.failure) {
            out_ += "<span class=\"error\">";
            text(record.failure->kind);
            out_ += "</span> ";
            text(record.failure->message);
        }
        if (record.baseline && !record.baseline->compared && record.status == Status::audited)
            out_ += say("基线中没有此报告。", "Not in the baseline.");
        if (record.baseline && !record.baseline->added.empty()) {
            out_ += "<details><summary class=\"new\">" +
                    std::string(say("新增发现 ", "New findings ")) +
                    std::to_string(record.baseline->added.size()) + "</summary>";
            findings_list(record.baseline->added, "new");
            out_ += "</details>";
        }
        if (record.baseline && !record.baseline->gone.empty()) {
            out_ += "<details><summary class=\"fixed\">" + std::string(say("已修复 ", "Fixed ")) +
                    std::to_string(record.baseline->gone.size()) + "</summary>";
            findings_list(record.baseline->gone, "fixed");
            out_ += "</details>";
        }
        out_ += "</td></tr>\n";
    }

    const SummaryHeader& header_;
    const Totals& totals_;
    const bool zh_;
    const bool with_pages_;
    std::string out_;
};

}  // namespace

std::string review_page_name(std::string_view audit_output) {
    constexpr std::string_view kAudit = ".audit.xml";
    std::string name(audit_output);
    if (name.ends_with(kAudit)) name.resize(name.size() - kAudit.size());
    return name + ".html";
}

std::string write_batch_index_html(const SummaryHeader& header, const Totals& totals,
                                   std::vector<ReportRecord> records, engine::Language language,
                                   bool with_pages) {
    return Index(header, totals, language, with_pages).render(std::move(records));
}

void write_batch_index(const std::filesystem::path& out_dir, const SummaryHeader& header,
                       const Totals& totals, engine::Language language) {
    const std::filesystem::path summary = out_dir / "summary.xml";
    pugi::xml_document doc;
    if (!doc.load_file(summary.c_str()))
        throw std::runtime_error("无法读取 / cannot read " + summary.string() +
                                 " 以生成 index.html / to write index.html");
    std::vector<ReportRecord> records;
    for (pugi::xml_node node : doc.child("batch-summary").children("report")) {
        std::optional<ReportRecord> record = record_from_node(node);
        if (!record)
            throw std::runtime_error(summary.string() +
                                     ": 记录无法读取 / a report record is malformed");
        records.push_back(std::move(*record));
    }
    engine::write_file_atomically(
        out_dir / "index.html",
        write_batch_index_html(header, totals, std::move(records), language, true));
}

}  // namespace fincheck::batch
