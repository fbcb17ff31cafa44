// Bad input never throws and never crashes: each case comes back as a LoadError naming the
// file, the line and the column (in characters) of the problem, and what is wrong.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fincheck/report_xml.hpp"

namespace {

using namespace fincheck;

struct Expected {
    std::uint32_t line;
    std::uint32_t column;
    std::string_view message_part;
};

void expect_error(std::string xml, Expected want) {
    LoadResult result;
    ASSERT_NO_THROW(result = load_report_xml_buffer(std::move(xml), "case.xml"));
    ASSERT_FALSE(result);
    ASSERT_TRUE(result.error);
    const LoadError& e = *result.error;
    EXPECT_EQ(e.file, "case.xml");
    EXPECT_EQ(e.line, want.line) << e.to_string();
    EXPECT_EQ(e.column, want.column) << e.to_string();
    EXPECT_NE(e.message.find(want.message_part), std::string::npos) << e.to_string();
}

// Wraps content in a valid root, so that the line of a case is its line in `body` + 2.
std::string in_body(std::string_view body) {
    return "<report format-version=\"1\">\n<body>\n" + std::string(body) + "\n</body>\n</report>\n";
}

TEST(LoadReportXmlErrors, EmptyFileHasNoRootElement) {
    expect_error("", {1, 1, "no root element"});
}

TEST(LoadReportXmlErrors, BinaryJunkIsRejectedAtTheFirstBadByte) {
    expect_error(std::string("\x89PNG\r\n\x1a\n\0\0", 10), {1, 1, "UTF-8"});
    expect_error(std::string("<report>\n  \x01</report>"), {2, 3, "control character U+0001"});
}

TEST(LoadReportXmlErrors, NonUtf8BytesArePointedAt) {
    // GBK bytes for 合计 inside otherwise valid UTF-8.
    expect_error(in_body("<p>收入\xBA\xCF\xBC\xC6</p>"), {3, 6, "UTF-8"});
}

TEST(LoadReportXmlErrors, TruncatedFileIsMalformedXml) {
    std::string xml = "<report format-version=\"1\">\n<body>\n<p line=\"3\">收入合";
    LoadResult result = load_report_xml_buffer(xml, "cut.xml");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->line, 3u);
    EXPECT_NE(result.error->message.find("malformed XML"), std::string::npos);
}

TEST(LoadReportXmlErrors, MismatchedTagIsMalformedXml) {
    // pugixml points at the name of the end tag that does not match.
    expect_error(in_body("<p>收入</li>"), {3, 8, "malformed XML"});
}

TEST(LoadReportXmlErrors, WrongRootElement) {
    expect_error("<?xml version=\"1.0\"?>\n<findings/>", {2, 1, "expected <report>"});
}

TEST(LoadReportXmlErrors, MissingFormatVersion) {
    expect_error("<report>\n</report>", {1, 1, "format-version"});
}

TEST(LoadReportXmlErrors, UnsupportedFormatVersion) {
    expect_error("<report format-version=\"2\"/>", {1, 9, "unsupported format-version"});
}

TEST(LoadReportXmlErrors, MissingRequiredAttribute) {
    expect_error(in_body("  <table line=\"4\"/>"), {3, 3, "lacks the required attribute id"});
    expect_error(in_body("<table id=\"02\"><columns><column/></columns></table>"),
                 {3, 25, "required attribute key"});
    expect_error(in_body("<table id=\"02\"><columns><column key=\"a\"/></columns><row><c>1</c></row></table>"),
                 {3, 57, "required attribute col"});
}

TEST(LoadReportXmlErrors, ValueThatIsNotADecimal) {
    expect_error(in_body("<table id=\"02\"><columns><column key=\"a\"/></columns>\n"
                         "<row><c col=\"0\" value=\"1,020.00\">1,020.00</c></row></table>"),
                 {4, 17, "is not a decimal number"});
}

TEST(LoadReportXmlErrors, FiscalYearThatIsNotAYear) {
    expect_error("<report format-version=\"1\">\n  <metadata fiscal-year=\"24\"/>\n</report>",
                 {2, 13, "is not a year"});
    expect_error("<report format-version=\"1\">\n<metadata fiscal-year=\"二〇二四\"/>\n</report>",
                 {2, 11, "is not a year"});
}

TEST(LoadReportXmlErrors, UnknownEnumValues) {
    expect_error("<report format-version=\"1\">\n<metadata level=\"county\"/>\n</report>",
                 {2, 11, "is not one of national"});
    expect_error(in_body("<table id=\"02\" kind=\"main\"/>"), {3, 16, "kind=\"main\""});
    expect_error(in_body("<table id=\"02\"><row level=\"grand-total\"/></table>"),
                 {3, 21, "level=\"grand-total\""});
}

TEST(LoadReportXmlErrors, UnknownElementAndAttribute) {
    expect_error(in_body("<paragraph>x</paragraph>"), {3, 1, "unexpected element <paragraph> inside <body>"});
    expect_error(in_body("<p lines=\"3\">x</p>"), {3, 4, "unknown attribute lines"});
    expect_error(in_body("<attachment><section/></attachment>"), {3, 13, "<section> inside <attachment>"});
}

TEST(LoadReportXmlErrors, CellColumnOutOfRangeOrRepeated) {
    expect_error(in_body("<table id=\"02\"><columns><column key=\"a\"/></columns><row><c col=\"1\">1</c></row></table>"),
                 {3, 60, "col=\"1\" is not an integer in 0…0"});
    expect_error(in_body("<table id=\"02\"><columns><column key=\"a\"/></columns>"
                         "<row><c col=\"0\">1</c><c col=\"0\">2</c></row></table>"),
                 {3, 76, "appears twice"});
    expect_error(in_body("<table id=\"02\"><row><c col=\"0\">1</c></row></table>"),
                 {3, 21, "without <columns>"});
}

TEST(LoadReportXmlErrors, MalformedLineNumberDateAndHash) {
    expect_error(in_body("<p line=\"-1\">x</p>"), {3, 4, "line=\"-1\""});
    expect_error(in_body("<attachment fill-date=\"2025/03/01\"/>"), {3, 13, "ISO date"});
    expect_error("<report format-version=\"1\"><metadata><source sha256=\"abc\"/></metadata></report>",
                 {1, 46, "64 hexadecimal digits"});
}

TEST(LoadReportXmlErrors, TextWhereOnlyElementsBelong) {
    expect_error(in_body("<section>stray text</section>"), {3, 10, "unexpected text"});
    expect_error(in_body("<p>a<b>bold</b></p>"), {3, 5, "holds only text"});
}

TEST(LoadReportXmlErrors, ColumnsAfterRowsAndDuplicateMetadata) {
    expect_error(in_body("<table id=\"02\"><row/><columns/></table>"), {3, 22, "before the first <row>"});
    expect_error("<report format-version=\"1\">\n<metadata/>\n<metadata/>\n</report>", {3, 1, "repeated or out of order"});
    expect_error("<report format-version=\"1\">\n<body/>\n<toc/>\n</report>", {3, 1, "repeated or out of order"});
}

TEST(LoadReportXmlErrors, ErrorRendersAsFileLineColumnMessage) {
    LoadResult result = load_report_xml_buffer("<x/>", "a.xml");
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->to_string().rfind("a.xml:1:1: ", 0), 0u) << result.error->to_string();
}

TEST(LoadReportXmlErrors, RandomBytesAndTruncationsNeverThrow) {
    std::mt19937 random(20241);
    std::string valid = in_body(
        "<section heading=\"一\"><p line=\"1\">收入</p><table id=\"02\"><columns><column key=\"a\"/>"
        "</columns><row code=\"201\"><c col=\"0\" value=\"1.00\">1.00</c></row></table></section>");
    ASSERT_TRUE(load_report_xml_buffer(valid, "valid.xml"));
    // Every prefix that stops before the end tag of <report> is malformed.
    for (std::size_t cut = 0; cut <= valid.rfind("</report>") + 8; ++cut) {
        LoadResult result;
        ASSERT_NO_THROW(result = load_report_xml_buffer(valid.substr(0, cut), "cut.xml"));
        EXPECT_FALSE(result) << "prefix of " << cut << " bytes loaded";
        EXPECT_TRUE(result.error);
    }
    for (int round = 0; round < 2000; ++round) {
        std::string mutated = valid;
        int edits = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < edits; ++i)
            mutated[random() % mutated.size()] = static_cast<char>(random() % 256);
        LoadResult result;
        ASSERT_NO_THROW(result = load_report_xml_buffer(mutated, "fuzz.xml"));
        EXPECT_TRUE(result.report.has_value() != result.error.has_value());
        if (result.error) {
            EXPECT_GE(result.error->line, 1u);
            EXPECT_GE(result.error->column, 1u);
        }
    }
}

}  // namespace
