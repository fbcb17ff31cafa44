// Report XML built to hurt the loader: nesting deep enough to exhaust the stack, and
// character references to characters XML 1.0 forbids. Each is a LoadError with the file,
// line and column, never a crash and never a forbidden character in the loaded Report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "fincheck/report_xml.hpp"

namespace {

using namespace fincheck;

std::string nested_sections(std::size_t depth) {
    std::string xml = "<report format-version=\"1\">\n<body>\n";
    for (std::size_t i = 0; i < depth; ++i) xml += "<section>\n";
    xml += "<p>深处</p>\n";
    for (std::size_t i = 0; i < depth; ++i) xml += "</section>\n";
    xml += "</body>\n</report>\n";
    return xml;
}

TEST(HostileReportXml, SectionsNestedToTheLimitLoad) {
    LoadResult result = load_report_xml_buffer(nested_sections(64), "deep.xml");
    ASSERT_TRUE(result) << result.error->to_string();
    ASSERT_EQ(result.report->sections.size(), 64u);
    EXPECT_EQ(result.report->sections.back().level, 64);
}

TEST(HostileReportXml, SectionsNestedBeyondTheLimitAreRefusedAtTheFirstTooDeep) {
    LoadResult result = load_report_xml_buffer(nested_sections(65), "deep.xml");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->line, 3u + 64u) << result.error->to_string();  // the 65th <section>
    EXPECT_EQ(result.error->column, 1u);
    EXPECT_NE(result.error->message.find("64"), std::string::npos) << result.error->to_string();
    EXPECT_NE(result.error->message.find("nested"), std::string::npos) << result.error->to_string();
}

// 50,000 levels crashed the loader (one stack frame pair per level); a million checks that
// neither the walk nor pugixml's parse or DOM teardown recurse per level, on the default stack.
TEST(HostileReportXml, AMillionNestedElementsNeitherCrashNorLoad) {
    for (std::size_t depth : {std::size_t{50'000}, std::size_t{1'000'000}}) {
        LoadResult result = load_report_xml_buffer(nested_sections(depth), "deep.xml");
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error->line, 3u + 64u) << result.error->to_string();
    }
    // The same depth of elements the loader never walks into: pugixml alone parses and frees it.
    std::string foreign;
    for (int i = 0; i < 1'000'000; ++i) foreign += "<x>";
    for (int i = 0; i < 1'000'000; ++i) foreign += "</x>";
    LoadResult result = load_report_xml_buffer(foreign, "foreign.xml");
    ASSERT_FALSE(result);
    EXPECT_NE(result.error->message.find("expected <report>"), std::string::npos) << result.error->to_string();
}

struct ReferenceCase {
    std::string_view reference;
    std::string_view message_part;
};

// In text and in an attribute value, on the third line, after a CJK character: the error
// points at the '&' in characters.
TEST(HostileReportXml, CharacterReferencesToForbiddenCharactersAreRefused) {
    const ReferenceCase cases[] = {
        {"&#1;", "U+0001"},         {"&#0;", "U+0000"},         {"&#x1F;", "U+001F"},
        {"&#xD800;", "U+D800"},     {"&#xdfff;", "U+DFFF"},     {"&#xFFFE;", "U+FFFE"},
        {"&#65535;", "U+FFFF"},     {"&#x110000;", "beyond"},   {"&#4294967297;", "beyond"},
        {"&#x100000041;", "beyond"}, {"&#00000000000000000000001;", "U+0001"},
    };
    for (const ReferenceCase& c : cases) {
        const std::string text = "<report format-version=\"1\">\n<body>\n<p>收入" + std::string(c.reference) +
                                 "</p>\n</body>\n</report>\n";
        LoadResult result = load_report_xml_buffer(text, "ref.xml");
        ASSERT_FALSE(result) << c.reference;
        EXPECT_EQ(result.error->file, "ref.xml");
        EXPECT_EQ(result.error->line, 3u) << result.error->to_string();
        EXPECT_EQ(result.error->column, 6u) << result.error->to_string();
        EXPECT_NE(result.error->message.find(c.message_part), std::string::npos) << result.error->to_string();

        const std::string attribute = "<report format-version=\"1\">\n<body>\n<table id=\"收" +
                                      std::string(c.reference) + "\"/>\n</body>\n</report>\n";
        result = load_report_xml_buffer(attribute, "ref.xml");
        ASSERT_FALSE(result) << c.reference;
        EXPECT_EQ(result.error->line, 3u) << result.error->to_string();
        EXPECT_EQ(result.error->column, 13u) << result.error->to_string();
    }
}

TEST(HostileReportXml, MalformedCharacterReferencesAreRefused) {
    // pugixml would keep these as text (or, for &#X41;, as the letters): XML says they are errors.
    for (std::string_view reference : {"&#;", "&#x;", "&#X41;", "&#12", "&#x4G;", "&#-1;", "&# 65;"}) {
        const std::string text = "<report format-version=\"1\">\n<body>\n<p>收入" + std::string(reference) +
                                 "</p>\n</body>\n</report>\n";
        LoadResult result = load_report_xml_buffer(text, "ref.xml");
        ASSERT_FALSE(result) << reference;
        EXPECT_EQ(result.error->line, 3u) << result.error->to_string();
        EXPECT_EQ(result.error->column, 6u) << result.error->to_string();
        EXPECT_NE(result.error->message.find("character reference"), std::string::npos) << result.error->to_string();
    }
}

TEST(HostileReportXml, ReferencesToAllowedCharactersStillLoad) {
    const std::string text =
        "<report format-version=\"1\">\n<body>\n"
        "<p>&#9;&#10;&#13;&#x20;&#65;&#x4E2D;&#x4e2d;&#20013;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;"
        "&amp;&lt;&gt;&quot;&apos; R&amp;D</p>\n"
        "<table id=\"a&#x4E2D;&#9;b\"/>\n</body>\n</report>\n";
    LoadResult result = load_report_xml_buffer(text, "ok.xml");
    ASSERT_TRUE(result) << result.error->to_string();
    EXPECT_EQ(result.report->blocks.at(0).text,
              "\t\n\r A中中中\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD\xF0\x90\x80\x80\xF4\x8F\xBF\xBF&<>\"' R&D");
    EXPECT_EQ(result.report->tables.at(0).id, "a中\tb");
}

// An amount beyond Decimal's range is an error at its cell, never a wrapped value and never
// a cell quietly taken for words (which would drop it from every sum).
TEST(HostileReportXml, AmountsBeyondTheDecimalRangeAreLoadErrors) {
    const std::string table = "<report format-version=\"1\">\n<body>\n<table id=\"02\"><columns><column key=\"a\"/>"
                              "</columns>\n<row code=\"201\">";
    const std::string end = "</row></table>\n</body>\n</report>\n";
    LoadResult attribute = load_report_xml_buffer(table + "<c col=\"0\" value=\"99999999999999999999\">x</c>" + end, "big.xml");
    ASSERT_FALSE(attribute);
    EXPECT_EQ(attribute.error->line, 4u);
    EXPECT_EQ(attribute.error->column, 28u) << attribute.error->to_string();
    EXPECT_NE(attribute.error->message.find("beyond the range"), std::string::npos) << attribute.error->to_string();

    for (std::string_view text : {"99999999999999999999", "-9,223,372,036,855.00", "９９９９９９９９９９９９９９９９"}) {
        LoadResult inferred = load_report_xml_buffer(table + "<c col=\"0\">" + std::string(text) + "</c>" + end, "big.xml");
        ASSERT_FALSE(inferred) << text;
        EXPECT_EQ(inferred.error->line, 4u);
        EXPECT_EQ(inferred.error->column, 17u) << inferred.error->to_string();
        EXPECT_NE(inferred.error->message.find("beyond the range"), std::string::npos) << inferred.error->to_string();
    }
    // Must still work: the largest amount, and words that merely hold digits.
    LoadResult edge = load_report_xml_buffer(table + "<c col=\"0\">9223372036854.775807</c>" + end, "edge.xml");
    ASSERT_TRUE(edge) << edge.error->to_string();
    EXPECT_EQ(edge.report->tables[0].rows[0].cells[0].value, Decimal::from_units(INT64_MAX));
    LoadResult words = load_report_xml_buffer(table + "<c col=\"0\">1.2.3</c>" + end, "words.xml");
    ASSERT_TRUE(words) << words.error->to_string();
    EXPECT_FALSE(words.report->tables[0].rows[0].cells[0].value);
}

std::string random_bytes(std::mt19937& random) {
    static const std::string_view pieces[] = {std::string_view("\0", 1), "\x01", "\x1F", "\x80", "\xC0", "\xED\xA0\x80",
                                              "\xEF\xBF\xBE", "\xF4\x90\x80\x80", "\xE5", "&", "<", "\"", "\t",
                                              "\n", "\r", "合", "a", "]]>", "&#1;"};
    std::string out;
    const int count = static_cast<int>(random() % 30);
    for (int i = 0; i < count; ++i) {
        if (random() % 3 == 0) out += static_cast<char>(random() % 256);
        else out += pieces[random() % std::size(pieces)];
    }
    return out;
}

// `fincheck import` writes whatever the importer kept: the report XML writer replaces what
// XML cannot carry, so the document always parses (xmllint) and loads again.
TEST(HostileReportXml, RandomBytesInEveryStringStillGiveAReportXmlThatLoads) {
    std::mt19937 random(2613);
    const std::filesystem::path dir = std::filesystem::path(FINCHECK_TEST_SCRATCH_DIR) / "hostile-writer";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string files;
    for (int round = 0; round < 100; ++round) {
        Report report;
        auto text = [&] { return report.own(random_bytes(random)); };
        report.meta.department = text();
        report.meta.title = text();
        report.meta.source_file = text();
        Section& section = report.sections.emplace_back();
        section.heading = text();
        section.level = 1;
        Block& block = report.blocks.emplace_back();
        block.section = 0;
        block.text = text();
        Table& table = report.tables.emplace_back();
        table.id = text();
        table.title = text();
        Column& column = table.columns.emplace_back();
        column.key = text();
        column.header.push_back(text());
        Row& row = table.rows.emplace_back();
        row.key = text();
        row.label = text();
        row.cells.emplace_back().raw = text();
        const std::string xml = write_report_xml(report);
        LoadResult loaded = load_report_xml_buffer(xml, "written.xml");
        ASSERT_TRUE(loaded) << "round " << round << ": " << loaded.error->to_string();
        const std::filesystem::path file = dir / ("report-" + std::to_string(round) + ".xml");
        std::ofstream(file, std::ios::binary) << xml;
        files += " '" + file.string() + "'";
    }
    EXPECT_EQ(std::system(("xmllint --noout" + files).c_str()), 0);
}

}  // namespace
