// Valid report XML loads into the flat model with the right structure and values.
#include <gtest/gtest.h>

#include <filesystem>

#include "fincheck/number_text.hpp"
#include "fincheck/report_xml.hpp"

namespace {

using namespace fincheck;

const std::filesystem::path kSource = FINCHECK_SOURCE_DIR;

Report load_ok(const std::filesystem::path& file) {
    LoadResult result = load_report_xml(file);
    EXPECT_TRUE(result) << (result.error ? result.error->to_string() : "");
    if (!result) return Report{};
    return std::move(*result.report);
}

Decimal dec(std::string_view text) { return *Decimal::parse(text); }

TEST(LoadReportXml, ReadsTheMetadataOfTheMinimalExample) {
    Report r = load_ok(kSource / "examples/minimal-report.xml");
    EXPECT_EQ(r.meta.department, "示例区示例局");
    EXPECT_EQ(r.meta.level, AdminLevel::district);
    EXPECT_EQ(r.meta.region, "示例省示例市示例区");
    EXPECT_EQ(r.meta.template_name, "national");
    EXPECT_EQ(r.meta.fiscal_year, 2024);
    EXPECT_EQ(r.meta.amount_unit, "万元");
    EXPECT_EQ(r.meta.publication_date, "2025-09-30");
    EXPECT_EQ(r.meta.title, "示例区示例局2024年度部门决算");
    EXPECT_EQ(r.meta.title_line, 1u);
    EXPECT_EQ(r.meta.source_file, "minimal-report.txt");
    EXPECT_EQ(r.meta.source_sha256.size(), 64u);
    ASSERT_EQ(r.toc.size(), 5u);
    EXPECT_EQ(r.toc[1].text, "第二部分 2024年度部门决算表");
    EXPECT_EQ(r.toc[1].level, 1);
    EXPECT_EQ(r.toc[1].line, 4u);
}

TEST(LoadReportXml, BuildsTheSectionTreeWithParentsAndLevels) {
    Report r = load_ok(kSource / "examples/minimal-report.xml");
    ASSERT_EQ(r.sections.size(), 10u);
    EXPECT_EQ(r.sections[0].number, "第一部分");
    EXPECT_EQ(r.sections[0].heading, "部门概况");
    EXPECT_EQ(r.sections[0].level, 1);
    EXPECT_EQ(r.sections[0].parent, -1);
    EXPECT_EQ(r.sections[1].number, "一、");
    EXPECT_EQ(r.sections[1].level, 2);  // inferred from nesting
    EXPECT_EQ(r.sections[1].parent, 0);
    EXPECT_EQ(r.sections[3].heading, "2024年度部门决算表");
    EXPECT_EQ(r.sections[3].parent, -1);
    EXPECT_EQ(r.section_path(1), "第一部分 部门概况 / 一、 主要职能");
}

TEST(LoadReportXml, KeepsBlocksInDocumentOrderWithTheirSection) {
    Report r = load_ok(kSource / "examples/minimal-report.xml");
    ASSERT_EQ(r.blocks.size(), 12u);
    EXPECT_EQ(r.blocks[0].kind, BlockKind::paragraph);
    EXPECT_EQ(r.blocks[0].section, 1);
    EXPECT_EQ(r.blocks[0].line, 11u);
    EXPECT_EQ(r.blocks[2].kind, BlockKind::caption);
    EXPECT_EQ(r.blocks[2].text, "一、收入支出决算总表");
    EXPECT_EQ(r.blocks[2].section, 3);
    EXPECT_EQ(r.blocks[8].kind, BlockKind::note);
    EXPECT_EQ(r.blocks[9].kind, BlockKind::list_item);
    const Block& last = r.blocks.back();
    EXPECT_EQ(last.attachment, 0);
    EXPECT_EQ(r.section_path(last.section), "第五部分 附件");
}

TEST(LoadReportXml, ReadsTablesColumnsRowsAndCells) {
    Report r = load_ok(kSource / "examples/minimal-report.xml");
    ASSERT_EQ(r.tables.size(), 4u);
    const Table* t01 = r.table("01");
    ASSERT_NE(t01, nullptr);
    EXPECT_EQ(t01->kind, TableKind::standard);
    EXPECT_EQ(t01->code, "公开01表");
    EXPECT_EQ(t01->unit, "万元");
    EXPECT_EQ(t01->section, 3);
    const Row* income = t01->row_by_key("income/本年收入合计");
    ASSERT_NE(income, nullptr);
    EXPECT_EQ(income->part, "income");
    EXPECT_EQ(income->level, RowLevel::total);
    EXPECT_EQ(income->line_no, "9");
    EXPECT_EQ(income->cells[0].raw, "1,020.00");
    EXPECT_EQ(t01->value(*income, "决算数"), dec("1020"));
    const Row* fund = t01->row_by_key("income/政府性基金预算财政拨款收入");
    ASSERT_NE(fund, nullptr);
    ASSERT_EQ(fund->cells.size(), 1u);
    EXPECT_TRUE(fund->cells[0].blank());
    EXPECT_FALSE(fund->cells[0].value);

    const Table* t03 = r.table("03");
    ASSERT_NE(t03, nullptr);
    ASSERT_EQ(t03->columns.size(), 6u);
    EXPECT_EQ(t03->columns[1].key, "基本支出");
    EXPECT_EQ(t03->columns[1].number, 2);
    const Row* row = t03->row_by_code("2013102");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->key, "2013102");  // inferred from the code
    EXPECT_EQ(row->level, RowLevel::subitem);
    EXPECT_TRUE(row->cells[1].blank());
    EXPECT_EQ(row->cells[2].value, dec("70"));  // inferred from the text
    EXPECT_EQ(row->cells[2].line, 48u);         // inferred from the row
    EXPECT_EQ(t03->rows_with_code_prefix("201", 7).size(), 2u);
}

TEST(LoadReportXml, ReadsAttachmentsWithFieldsAndFormTables) {
    Report r = load_ok(kSource / "examples/minimal-report.xml");
    ASSERT_EQ(r.attachments.size(), 1u);
    const Attachment& a = r.attachments[0];
    EXPECT_EQ(a.label, "附件1");
    EXPECT_EQ(a.fill_date, "2025-03-15");
    EXPECT_EQ(a.line, 69u);
    ASSERT_EQ(a.fields.size(), 3u);
    EXPECT_EQ(a.fields[2].name, "执行率");
    EXPECT_EQ(a.fields[2].unit, "%");
    EXPECT_EQ(a.fields[2].value, dec("99"));
    ASSERT_EQ(a.tables.size(), 1u);
    const Table& form = r.tables[static_cast<std::size_t>(a.tables[0])];
    EXPECT_EQ(form.id, "att-1");
    EXPECT_EQ(form.kind, TableKind::attachment_form);  // inferred from the id
    EXPECT_EQ(form.attachment, 0);
    EXPECT_EQ(form.rows[0].cells[3].value, dec("99"));  // "99.00%"
}

TEST(LoadReportXml, InfersDefaultsInAShortFixture) {
    Report r = load_ok(kSource / "tests/fixtures/report-xml-inferred-defaults.xml");
    EXPECT_EQ(r.meta.fiscal_year, 0);
    EXPECT_EQ(r.meta.level, AdminLevel::unknown);
    ASSERT_EQ(r.sections.size(), 2u);
    EXPECT_EQ(r.sections[0].level, 1);
    EXPECT_EQ(r.sections[1].level, 2);
    EXPECT_EQ(r.sections[1].parent, 0);
    ASSERT_EQ(r.tables.size(), 2u);
    const Table& t = r.tables[0];
    EXPECT_EQ(t.section, 0);
    ASSERT_EQ(t.columns[0].header.size(), 2u);
    EXPECT_EQ(t.columns[0].header[1], "合计");
    EXPECT_TRUE(t.columns[1].header.empty());
    EXPECT_EQ(t.rows[0].key, "合计");                       // label when there is no code
    EXPECT_EQ(t.rows[0].cells[0].value, dec("1020"));       // "1,020.00"
    EXPECT_EQ(t.rows[0].cells[1].value, dec("1000"));       // full-width digits
    EXPECT_EQ(t.rows[0].cells[1].line, 8u);                 // explicit cell line
    EXPECT_EQ(t.rows[1].key, "2013101");
    EXPECT_EQ(t.rows[1].cells[0].raw, "-");
    EXPECT_FALSE(t.rows[1].cells[0].value);                 // a dash is not a number
    EXPECT_EQ(t.rows[1].cells[1].raw, "12.5");
    EXPECT_FALSE(t.rows[1].cells[1].value);                 // value="" overrides the text
    EXPECT_EQ(r.tables[1].kind, TableKind::other);
    EXPECT_TRUE(r.tables[1].rows.empty());
}

TEST(LoadReportXml, DecodesEscapesCdataAndMultiLineAttributes) {
    Report r = load_ok(kSource / "tests/fixtures/report-xml-escapes.xml");
    EXPECT_EQ(r.meta.department, "A & B \"局\"");
    EXPECT_EQ(r.meta.publication_date, "2025-10");
    EXPECT_EQ(r.meta.title, "<示例> 2024年度部门决算");
    ASSERT_EQ(r.blocks.size(), 4u);
    EXPECT_EQ(r.blocks[0].text, "  leading and trailing spaces  ");
    EXPECT_EQ(r.blocks[1].text, "a < b && c > d and & more");
    EXPECT_EQ(r.blocks[2].text, "注：第一行\n第二行");
    EXPECT_EQ(r.blocks[3].attachment, 0);
    EXPECT_EQ(r.blocks[3].section, -1);
    EXPECT_EQ(r.tables[0].note, "注：第一行\n第二行");
    EXPECT_EQ(r.tables[0].rows[0].cells[0].value, dec("0.288"));
    const Attachment& a = r.attachments[0];
    EXPECT_EQ(a.fields[0].name, "项目名称");
    EXPECT_FALSE(a.fields[0].value);
    EXPECT_EQ(a.fields[1].value, dec("98.5"));
}

// The reader has pugixml keep an element's leading text in the element itself
// (parse_embed_pcdata): text around CDATA sections, blank text and indentation read as
// they did when every piece of text was a node of its own.
TEST(LoadReportXml, JoinsTextAroundCdataAndKeepsBlankText) {
    LoadResult result = load_report_xml_buffer(
        "<report format-version=\"1\">\n  <body>\n"
        "    <p>a<![CDATA[<b>]]>c</p><p><![CDATA[only]]></p><p><![CDATA[x]]>y</p><p>   </p><p/>\n"
        "    <table id=\"02\">\n      <columns>\n        <column key=\"k\">\n          <h>上</h>\n"
        "          <h>下</h>\n        </column>\n      </columns>\n"
        "      <row code=\"201\">\n        <c col=\"0\"> 1.50 </c>\n      </row>\n"
        "      <row code=\"202\">\n      </row>\n    </table>\n"
        "    <section heading=\"一\">\n    </section>\n  </body>\n</report>\n",
        "text.xml");
    ASSERT_TRUE(result) << result.error->to_string();
    const Report& r = *result.report;
    ASSERT_EQ(r.blocks.size(), 5u);
    EXPECT_EQ(r.blocks[0].text, "a<b>c");
    EXPECT_EQ(r.blocks[1].text, "only");
    EXPECT_EQ(r.blocks[2].text, "xy");
    EXPECT_EQ(r.blocks[3].text, "   ");
    EXPECT_EQ(r.blocks[4].text, "");
    const Table& t = r.tables.at(0);
    ASSERT_EQ(t.columns.size(), 1u);
    ASSERT_EQ(t.columns[0].header.size(), 2u);
    EXPECT_EQ(t.columns[0].header[1], "下");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].cells[0].raw, " 1.50 ");
    EXPECT_EQ(t.rows[0].cells[0].value, dec("1.50"));
    EXPECT_TRUE(t.rows[1].cells[0].blank());
    EXPECT_EQ(r.sections.size(), 1u);
}

TEST(LoadReportXml, ViewsPointIntoOneBufferThatOutlivesAMove) {
    LoadResult result = load_report_xml(kSource / "examples/minimal-report.xml");
    ASSERT_TRUE(result);
    Report moved = std::move(*result.report);
    result.report.reset();
    EXPECT_EQ(moved.table("02")->rows[0].label, "合计");
    EXPECT_EQ(moved.meta.department, "示例区示例局");
}

TEST(LoadReportXml, ReportsAMissingFileAsAnError) {
    LoadResult result = load_report_xml(kSource / "tests/fixtures/does-not-exist.xml");
    EXPECT_FALSE(result);
    ASSERT_TRUE(result.error);
    EXPECT_NE(result.error->message.find("cannot open"), std::string::npos);
}

TEST(LoadReportXml, InfersACellValueExactlyAsParseNumberDoes) {
    // The loader skips parse_number for text that cannot be a number; the values must be
    // the ones parse_number gives, for numbers in every printed form and for words.
    const std::string_view texts[] = {
        "592.29", "１，２３４．５６", "12 345.00", "2,940.05", "9.74%", "９．７４％", "−3.5", "－12", "—",
        "+7", "1\u00A0000", "1\u3000000", "1\u2009000", "1'000", "-", "绩效基本型", "全面完成", "(B)",
        "执行率 (B/A)", "100%（比率）", "12万元", "1、2", "Ⅳ", "e5", "1e5", "０", "ｆｕｌｌ", "£5", "5€"};
    for (std::string_view text : texts) {
        std::string xml = "<report format-version=\"1\"><body><table id=\"02\"><columns><column key=\"a\"/>"
                          "</columns><row><c col=\"0\">" + std::string(text) + "</c></row></table></body></report>";
        LoadResult result = load_report_xml_buffer(xml, "cell.xml");
        ASSERT_TRUE(result) << text << ": " << result.error->to_string();
        const Cell& cell = result.report->tables.at(0).rows.at(0).cells.at(0);
        EXPECT_EQ(cell.raw, text);
        auto parsed = parse_number(text);
        EXPECT_EQ(cell.value.has_value(), parsed.has_value()) << text;
        if (parsed && cell.value) {
            EXPECT_EQ(*cell.value, parsed->value) << text;
        }
    }
}

}  // namespace
