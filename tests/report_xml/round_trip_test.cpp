// writer → loader → writer is byte-identical, and the written XML is valid against
// schemas/report.xsd and readable (pretty-printed, escaped, deterministic).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fincheck/report_xml.hpp"

namespace {

using namespace fincheck;

const std::filesystem::path kSource = FINCHECK_SOURCE_DIR;
const std::filesystem::path kScratch = FINCHECK_TEST_SCRATCH_DIR;

std::string reloaded(const std::string& xml) {
    LoadResult result = load_report_xml_buffer(xml, "written.xml");
    EXPECT_TRUE(result) << (result.error ? result.error->to_string() : "") << "\n" << xml;
    return result ? write_report_xml(*result.report) : std::string{};
}

// Validates with xmllint against the schema; returns its exit status.
int xmllint(const std::string& xml, const std::string& name) {
    std::filesystem::create_directories(kScratch);
    std::filesystem::path file = kScratch / name;
    std::ofstream(file, std::ios::binary) << xml;
    std::string command = "xmllint --noout --schema '" + (kSource / "schemas/report.xsd").string() +
                          "' '" + file.string() + "' 2>&1";
    return std::system(command.c_str());
}

// A report built in code the way an importer would, with every kind of awkward text.
Report awkward_report() {
    Report r;
    r.meta.department = r.own("A&B <局> \"x\" 'y'");
    r.meta.level = AdminLevel::province;
    r.meta.fiscal_year = 2023;
    r.meta.title = r.own("标题\twith tab");
    r.meta.source_file = r.own("in.txt");
    r.meta.source_sha256 = r.own(std::string(64, 'a'));
    r.toc.push_back({r.own("一、收入支出决算总表"), 2, 7});

    Section part;
    part.number = "第一部分";
    part.heading = r.own("多行\n标题");
    part.level = 1;
    part.line = 10;
    r.sections.push_back(part);
    Section child;
    child.number = "（一）";
    child.level = 3;  // not the nesting depth: must be written
    child.parent = 0;
    child.line = 12;
    r.sections.push_back(child);

    auto block = [&](BlockKind kind, std::string_view text, int section, SourceLine line) {
        Block b;
        b.kind = kind;
        b.text = r.own(text);
        b.section = section;
        b.line = line;
        r.blocks.push_back(b);
    };
    block(BlockKind::paragraph, "  a < b && c > d ]]> \"q\"  ", 0, 11);
    block(BlockKind::paragraph, " ", 1, 13);                          // whitespace only
    block(BlockKind::note, "CR\r\nLF\nctrl\x01 bad\xFF utf8", 1, 14);  // repaired on write
    block(BlockKind::caption, "", -1, 0);                             // empty, no section

    Table t;
    t.id = "01";
    t.kind = TableKind::standard;
    t.title = r.own("收入支出决算总表");
    t.note = r.own("注：1.\n2.");
    t.section = 1;
    t.line = 15;
    Column c;
    c.key = "决算数";
    c.number = 1;
    c.header = {"项目", "决算数"};
    t.columns.push_back(c);
    Column c2;
    c2.key = "备注";
    t.columns.push_back(c2);
    Row row;
    row.key = "income/总计";
    row.label = "总计";
    row.part = "income";
    row.level = RowLevel::total;
    row.line = 16;
    row.cells.resize(2);
    row.cells[0] = Cell{"1,000.50", Decimal::parse("1000.5"), 16};
    row.cells[1] = Cell{"12.00", std::nullopt, 17};  // numeric-looking but declared not a number
    t.rows.push_back(row);
    Row empty;
    empty.key = "";
    empty.label = "空行";
    empty.cells.resize(2);
    t.rows.push_back(empty);
    r.tables.push_back(t);

    Attachment a;
    a.label = "附件2-1";
    a.fill_date = "2025-03-01";
    a.line = 20;
    a.fields.push_back(Field{"执行率", "98.50%", Decimal::parse("98.5"), "%", 21});
    a.fields.push_back(Field{"项目名称", "示例", std::nullopt, {}, 22});
    r.attachments.push_back(a);
    Table form;
    form.id = "att-2-1";
    form.kind = TableKind::other;  // differs from the kind implied by the id
    form.attachment = 0;
    form.section = 1;
    form.line = 23;
    r.tables.push_back(form);
    r.attachments[0].tables.push_back(1);
    return r;
}

TEST(ReportXmlRoundTrip, MinimalExampleIsAFixedPoint) {
    LoadResult result = load_report_xml(kSource / "examples/minimal-report.xml");
    ASSERT_TRUE(result);
    std::string first = write_report_xml(*result.report);
    EXPECT_EQ(reloaded(first), first);
}

TEST(ReportXmlRoundTrip, EveryFixtureIsAFixedPoint) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kSource / "tests/fixtures")) {
        if (entry.path().extension() != ".xml") continue;
        LoadResult result = load_report_xml(entry.path());
        ASSERT_TRUE(result) << result.error->to_string();
        std::string first = write_report_xml(*result.report);
        EXPECT_EQ(reloaded(first), first) << entry.path();
        ++count;
    }
    EXPECT_GE(count, 3);
}

TEST(ReportXmlRoundTrip, AwkwardTextSurvivesExactly) {
    Report original = awkward_report();
    std::string xml = write_report_xml(original);
    LoadResult result = load_report_xml_buffer(xml, "awkward.xml");
    ASSERT_TRUE(result) << result.error->to_string() << "\n" << xml;
    const Report& r = *result.report;
    EXPECT_EQ(r.meta.department, original.meta.department);
    EXPECT_EQ(r.meta.level, AdminLevel::province);
    EXPECT_EQ(r.meta.title, "标题\twith tab");
    EXPECT_EQ(r.sections[0].heading, "多行\n标题");
    EXPECT_EQ(r.sections[1].level, 3);
    EXPECT_EQ(r.sections[1].parent, 0);
    ASSERT_EQ(r.blocks.size(), 4u);
    // The section-less caption is written first in <body>; the rest keep their order.
    EXPECT_EQ(r.blocks[0].kind, BlockKind::caption);
    EXPECT_EQ(r.blocks[0].section, -1);
    EXPECT_EQ(r.blocks[1].text, original.blocks[0].text);
    EXPECT_EQ(r.blocks[2].text, " ");
    EXPECT_EQ(r.blocks[3].text, "CR\r\nLF\nctrl\xEF\xBF\xBD bad\xEF\xBF\xBD utf8");
    const Table& t = r.tables[0];
    EXPECT_EQ(t.note, "注：1.\n2.");
    EXPECT_EQ(t.columns[0].header.size(), 2u);
    EXPECT_EQ(t.rows[0].cells[0].value, Decimal::parse("1000.5"));
    EXPECT_EQ(t.rows[0].cells[0].line, 16u);
    EXPECT_EQ(t.rows[0].cells[1].raw, "12.00");
    EXPECT_FALSE(t.rows[0].cells[1].value);
    EXPECT_EQ(t.rows[0].cells[1].line, 17u);
    EXPECT_EQ(t.rows[1].key, "");
    EXPECT_EQ(t.rows[1].cells.size(), 2u);
    ASSERT_EQ(r.attachments.size(), 1u);
    EXPECT_EQ(r.attachments[0].fields[0].value, Decimal::parse("98.5"));
    EXPECT_EQ(r.attachments[0].fields[1].unit, "");
    ASSERT_EQ(r.attachments[0].tables.size(), 1u);
    EXPECT_EQ(r.tables[1].kind, TableKind::other);
    EXPECT_EQ(r.tables[1].section, 1);
    EXPECT_EQ(reloaded(xml), xml);
}

TEST(ReportXmlRoundTrip, WriterIsDeterministicAndPrettyPrinted) {
    Report r = awkward_report();
    std::string a = write_report_xml(r);
    std::string b = write_report_xml(r);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report format-version=\"1\">\n", 0), 0u);
    EXPECT_NE(a.find("\n        <table id=\"01\" title=\"收入支出决算总表\" note=\"注：1.&#10;2.\" line=\"15\">\n"),
              std::string::npos)
        << a;
    EXPECT_NE(a.find("<c col=\"0\" value=\"1000.50\">1,000.50</c>"), std::string::npos);
    EXPECT_NE(a.find("<c col=\"1\" value=\"\" line=\"17\">12.00</c>"), std::string::npos);
    EXPECT_NE(a.find("department=\"A&amp;B &lt;局&gt; &quot;x&quot; 'y'\""), std::string::npos);
}

TEST(ReportXmlRoundTrip, EmptyReportWritesAndLoads) {
    Report empty;
    std::string xml = write_report_xml(empty);
    EXPECT_EQ(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report format-version=\"1\">\n"
                   "  <metadata/>\n  <body/>\n</report>\n");
    EXPECT_EQ(reloaded(xml), xml);
}

TEST(ReportXmlRoundTrip, WrittenReportsValidateAgainstTheSchema) {
    LoadResult example = load_report_xml(kSource / "examples/minimal-report.xml");
    ASSERT_TRUE(example);
    EXPECT_EQ(xmllint(write_report_xml(*example.report), "written-minimal.xml"), 0);
    EXPECT_EQ(xmllint(write_report_xml(awkward_report()), "written-awkward.xml"), 0);
    EXPECT_EQ(xmllint(write_report_xml(Report{}), "written-empty.xml"), 0);
}

TEST(ReportXmlRoundTrip, SchemaRejectsWhatTheLoaderRejects) {
    // The schema is a contract too: a bad value must fail there as well.
    EXPECT_NE(xmllint("<report format-version=\"1\"><metadata fiscal-year=\"24\"/></report>", "bad-year.xml"), 0);
    EXPECT_NE(xmllint("<report format-version=\"1\"><body><table id=\"02\"><columns><column key=\"a\"/></columns>"
                      "<row><c col=\"0\" value=\"1,0\">1,0</c></row></table></body></report>",
                      "bad-value.xml"),
              0);
}

}  // namespace
