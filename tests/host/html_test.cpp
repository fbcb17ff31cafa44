// The review page (check --format html) as bytes: what is marked where, what is escaped, what
// links to the PDF. The browser test (tests/html/) checks the same page as a browser draws it.
#include <gtest/gtest.h>

#include "fincheck/engine/audit_html.hpp"
#include "fincheck/engine/html_text.hpp"

namespace fincheck::engine {
namespace {

constexpr const char* kHostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'";

std::size_t occurrences(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// The element with this id, from its start tag to the end of its content's first closing tag.
std::string element(const std::string& html, const std::string& id) {
    const std::size_t at = html.find(" id=\"" + id + "\"");
    if (at == std::string::npos) return {};
    const std::size_t start = html.rfind('<', at);
    return html.substr(start, html.find("</", at) - start);
}

// A report with one table (03: a total and two items) and two paragraphs, its text chosen by
// the test; the audit's findings are added by each test.
struct Fixture {
    Report report;
    AuditResult result;

    explicit Fixture(std::string_view cell_text = "3.50",
                     std::string_view paragraph = "本年支出合计为15.50万元。") {
        report.meta.title = report.own("测试区测试局2024年度部门决算");
        report.meta.title_line = 1;
        report.meta.department = report.own("测试区测试局");
        report.meta.fiscal_year = 2024;
        report.sections.push_back(
            Section{report.own("第三部分"), report.own("情况说明"), 1, -1, 20});
        report.blocks.push_back(Block{BlockKind::paragraph, report.own(paragraph), 0, -1, 22});
        report.blocks.push_back(Block{BlockKind::paragraph, report.own("其他说明。"), 0, -1, 24});
        Table table;
        table.id = report.own("03");
        table.title = report.own("支出决算表");
        table.line = 40;
        table.columns.push_back(
            Column{report.own("本年支出合计"), {report.own("本年支出合计")}, 1, {}});
        using Printed = std::tuple<std::string_view, std::string_view, SourceLine>;
        for (auto [key, raw, line] : {Printed{"合计", "15.50", 45}, Printed{"2013101", "12.00", 46},
                                      Printed{"2013102", cell_text, 47}}) {
            Row row;
            row.key = row.label = report.own(key);
            row.cells.push_back(Cell{report.own(raw), std::nullopt, line});
            row.line = line;
            table.rows.push_back(std::move(row));
        }
        report.tables.push_back(std::move(table));
        result.tool_version = "1.0.0";
        result.input.file = "report.pdf";
        result.input.sha256 = std::string(64, 'a');
    }

    void add(Finding finding, Severity severity = Severity::error) {
        AuditedFinding audited;
        audited.finding = std::move(finding);
        audited.severity = severity;
        audited.message_zh = "中文消息";
        audited.message_en = "English message";
        audited.defect = result.defects.size();
        result.defects.push_back(Defect{
            "d" + std::to_string(result.defects.size() + 1), "", "", {result.findings.size()}});
        result.findings.push_back(std::move(audited));
        (severity == Severity::error     ? result.counts.error
         : severity == Severity::warning ? result.counts.warning
                                         : result.counts.info)++;
    }

    Finding total_mismatch() const {
        const Table& t = report.tables[0];
        return FindingBuilder("arith-total", "mismatch")
            .at(Location::at_cell(t, t.rows[0], "本年支出合计"))
            .expected("15.50")
            .actual("15.60")
            .evidence_cell("total", t, t.rows[0], 0)
            .evidence_cell("part", t, t.rows[1], 0)
            .evidence_cell("part", t, t.rows[2], 0)
            .build();
    }
};

TEST(HtmlText, EscapesMarkupQuotesAndBrokenBytes) {
    EXPECT_EQ(html_escaped("<a href=\"x\">'&'</a>"),
              "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(html_escaped("合计\x01\xff"), "合计\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(url_path_escaped("../in/报告 1#x.pdf"), "../in/%E6%8A%A5%E5%91%8A%201%23x.pdf");
}

TEST(HtmlPage, AHostileCellParagraphAndTitleStayText) {
    Fixture fx(kHostile, kHostile);
    fx.report.meta.title = fx.report.own(kHostile);
    Finding finding = fx.total_mismatch();
    finding.rule_id = kHostile;
    finding.expected = kHostile;
    fx.add(std::move(finding));
    fx.result.findings[0].message_zh = kHostile;
    const std::string html = write_audit_html(fx.report, fx.result);
    EXPECT_EQ(occurrences(html, "<script"), 1u) << "only the page's own script";
    EXPECT_EQ(occurrences(html, "<img"), 0u);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x "
                        "onerror=alert(2)&gt;&#39;"),
              std::string::npos);
}

TEST(HtmlPage, FetchesNothing) {
    Fixture fx;
    fx.add(fx.total_mismatch());
    const std::string html = write_audit_html(fx.report, fx.result);
    for (const char* external : {"http:", "https:", "<link", " src=", "@import", "url("})
        EXPECT_EQ(html.find(external), std::string::npos) << external;
}

TEST(HtmlPage, MarksTheCellOfAFindingAndListsItsEvidence) {
    Fixture fx;
    fx.add(fx.total_mismatch());
    const std::string html = write_audit_html(fx.report, fx.result);
    const std::string cell = element(html, "t0r0c0");
    EXPECT_NE(cell.find("class=\"mark sev-error\""), std::string::npos) << cell;
    EXPECT_NE(cell.find("data-findings=\"f0\""), std::string::npos) << cell;
    EXPECT_NE(cell.find("data-row=\"合计\""), std::string::npos) << cell;
    EXPECT_EQ(element(html, "t0r1c0").find("mark"), std::string::npos)
        << "evidence is highlighted on selection only";
    const std::string entry = element(html, "f0");
    EXPECT_NE(entry.find("data-targets=\"t0r0c0\""), std::string::npos) << entry;
    EXPECT_NE(entry.find("data-evidence=\"t0r0c0 t0r1c0 t0r2c0\""), std::string::npos) << entry;
    EXPECT_NE(html.find("<b>15.50</b>"), std::string::npos);
}

TEST(HtmlPage, MarksASpanAsWholePiecesOfItsParagraph) {
    Fixture fx;
    // 「15.50万元」: code points 6 to 13 of 「本年支出合计为15.50万元。」
    fx.add(FindingBuilder("narrative-x", "m").at(Location::at_block(fx.report, 0, 7, 14)).build(),
           Severity::warning);
    const std::string html = write_audit_html(fx.report, fx.result);
    EXPECT_NE(html.find("data-targets=\"b0-7\""), std::string::npos);
    const std::string piece = element(html, "b0-7");
    EXPECT_NE(piece.find("class=\"mark sev-warning\""), std::string::npos) << piece;
    EXPECT_NE(piece.find(">15.50万元"), std::string::npos) << piece;
    EXPECT_NE(element(html, "b0-0").find(">本年支出合计为"), std::string::npos);
    EXPECT_NE(element(html, "b0-14").find(">。"), std::string::npos);
    EXPECT_EQ(element(html, "b1").find("<span"), std::string::npos)
        << "an unmarked paragraph is not cut";
}

TEST(HtmlPage, ASectionOrALineAloneMarksWhatWasPrintedThere) {
    Fixture fx;
    Location section;
    section.section = "第三部分 情况说明";
    section.line = 20;
    fx.add(FindingBuilder("structure-x", "m").at(section).build());
    fx.add(FindingBuilder("import-x", "m").at(Location::at_line(46)).build(), Severity::info);
    fx.add(FindingBuilder("meta-x", "m").at(Location{}).build(), Severity::info);
    const std::string html = write_audit_html(fx.report, fx.result);
    EXPECT_NE(element(html, "f0").find("data-targets=\"s0\""), std::string::npos);
    EXPECT_NE(element(html, "f1").find("data-targets=\"t0r1\""), std::string::npos)
        << "line 46 is row 2013101";
    EXPECT_NE(element(html, "f2").find("data-targets=\"doc-title\""), std::string::npos);
    EXPECT_NE(element(html, "s0").find("mark sev-error"), std::string::npos);
}

TEST(HtmlPage, ATableTheReportLacksIsListedAndMarkedAsAbsent) {
    Fixture fx;
    Location missing;
    missing.table = "07";
    fx.add(FindingBuilder("structure-missing-table", "m").at(missing).build());
    const std::string html = write_audit_html(fx.report, fx.result, {Language::en, ""});
    EXPECT_NE(element(html, "f0").find("data-targets=\"x0\""), std::string::npos);
    const std::string entry = element(html, "x0");
    EXPECT_NE(entry.find("data-kind=\"table\""), std::string::npos) << entry;
    EXPECT_NE(entry.find("mark sev-error"), std::string::npos) << entry;
    EXPECT_NE(html.find("Not in the report"), std::string::npos);
}

TEST(HtmlPage, PagesOfAPdfLinkToThePdf) {
    Fixture fx;
    fx.add(fx.total_mismatch());
    fx.result.input.line_origin.resize(50);
    fx.result.input.line_origin[45].page = 4;
    const std::string zh =
        write_audit_html(fx.report, fx.result, {Language::zh, "../in/报告 1.pdf"});
    EXPECT_NE(zh.find("href=\"../in/%E6%8A%A5%E5%91%8A%201.pdf#page=4\">第 4 页</a>"),
              std::string::npos);
    EXPECT_NE(element(zh, "t0r0c0").find("第 4 页"), std::string::npos)
        << "the mark shows its page";
    const std::string en = write_audit_html(fx.report, fx.result, {Language::en, ""});
    EXPECT_NE(en.find("<span class=\"pg\">page 4</span>"), std::string::npos)
        << "no PDF beside it: no link";
    EXPECT_EQ(en.find("#page="), std::string::npos);
}

TEST(HtmlPage, FollowsTheLanguage) {
    Fixture fx;
    fx.add(fx.total_mismatch());
    const std::string zh = write_audit_html(fx.report, fx.result);
    const std::string en = write_audit_html(fx.report, fx.result, {Language::en, ""});
    EXPECT_NE(zh.find("<html lang=\"zh-CN\">"), std::string::npos);
    EXPECT_NE(zh.find("中文消息"), std::string::npos);
    EXPECT_NE(zh.find("全部规则"), std::string::npos);
    EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(en.find("English message"), std::string::npos);
    EXPECT_NE(en.find("All rules"), std::string::npos);
    EXPECT_EQ(en.find("全部规则"), std::string::npos);
}

TEST(HtmlPage, TheSameInputGivesTheSameBytes) {
    Fixture fx;
    fx.add(fx.total_mismatch());
    EXPECT_EQ(write_audit_html(fx.report, fx.result), write_audit_html(fx.report, fx.result));
}

TEST(HtmlPage, ACleanReportSaysSo) {
    Fixture fx;
    const std::string html = write_audit_html(fx.report, fx.result, {Language::en, ""});
    EXPECT_NE(html.find("No findings."), std::string::npos);
    EXPECT_EQ(html.find("class=\"mark"), std::string::npos);
    EXPECT_NE(html.find("支出决算表"), std::string::npos) << "the report is still shown";
}

}  // namespace
}  // namespace fincheck::engine
