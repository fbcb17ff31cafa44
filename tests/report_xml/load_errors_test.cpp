// Bad input never throws and never crashes: each case comes back as a LoadError naming the
// file, the line and the column (in characters) of the problem, and what is wrong.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fincheck/report_xml.hpp"
#include "fincheck/utf8.hpp"
#include "xml_character_reference.hpp"

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

TEST(LoadReportXmlErrors, PageAndBoxOfAPdfLineMustBeWellFormed) {
    EXPECT_TRUE(load_report_xml_buffer(in_body("<p line=\"3\" page=\"2\" bbox=\"77.00 108.65 538.50 123.85\">x</p>"),
                                       "case.xml"));
    expect_error(in_body("<p line=\"3\" page=\"0\">x</p>"), {3, 13, "page must be a page number"});
    expect_error(in_body("<p line=\"3\" page=\"two\">x</p>"), {3, 13, "page must be a page number"});
    expect_error(in_body("<p line=\"3\" bbox=\"1 2 3\">x</p>"), {3, 13, "bbox must be four numbers"});
    expect_error(in_body("<p line=\"3\" bbox=\"1 2 3 x\">x</p>"), {3, 13, "bbox must be four numbers"});
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

// ---- positions against a plain reference --------------------------------------------
// The loader checks characters with word-at-a-time fast paths and computes positions without
// keeping a copy of the input; these compare it with the definitions, one byte at a time.

// 1-based line and column (in characters) of a byte offset of `text`.
std::pair<std::uint32_t, std::uint32_t> reference_position(std::string_view text, std::size_t offset) {
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return {line, static_cast<std::uint32_t>(1 + utf8::lead_byte_count(text.substr(line_start, offset - line_start)))};
}

TEST(LoadReportXmlErrors, BadCharactersAnywhereArePointedAtExactly) {
    // Long runs of ASCII and of CJK (the loader's fast paths), with bytes that are valid only
    // in some positions: E0/ED/EF/F0/F4 leads, stray continuations, C0/C1, controls.
    std::string valid = in_body(
        "<section heading=\"第一部分 概况\">\n"
        "<p line=\"1\">中共武汉市汉阳区委直属机关工作委员会2024年度部门决算，收入合计592.29万元。</p>\n"
        "<p>ASCII only: the quick brown fox jumps over the lazy dog 0123456789.</p>\n"
        "<p>\tmixed 全角（括号）、ｆｕｌｌ－ｗｉｄｔｈ， €100 · 𠀀 ~ 한국어 ＼ ﻿ 々〆</p>\n"
        "</section>");
    ASSERT_TRUE(load_report_xml_buffer(valid, "valid.xml"));
    const unsigned char interesting[] = {0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xBE, 0xA0, 0x9F, 0xC0, 0xC1,
                                         0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    std::mt19937 random(7);
    int character_errors = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string mutated = valid;
        const int edits = 1 + static_cast<int>(random() % 3);
        for (int i = 0; i < edits; ++i) {
            const std::size_t at = random() % mutated.size();
            const char byte = static_cast<char>(interesting[random() % sizeof interesting]);
            if (random() % 2 == 0) mutated[at] = byte;
            else mutated.insert(mutated.begin() + static_cast<std::ptrdiff_t>(at), byte);
        }
        const std::size_t bad = fincheck::testing_reference::first_bad_xml_character(mutated);
        LoadResult result = load_report_xml_buffer(mutated, "fuzz.xml");
        if (bad == std::string_view::npos) {
            if (result.error) {
                EXPECT_EQ(result.error->message.find("UTF-8"), std::string::npos) << result.error->to_string();
                EXPECT_EQ(result.error->message.find("control character"), std::string::npos)
                    << result.error->to_string();
            }
            continue;
        }
        ++character_errors;
        ASSERT_TRUE(result.error) << "round " << round;
        const auto [line, column] = reference_position(mutated, bad);
        EXPECT_EQ(result.error->line, line) << "round " << round << ": " << result.error->to_string();
        EXPECT_EQ(result.error->column, column) << "round " << round << ": " << result.error->to_string();
    }
    EXPECT_GT(character_errors, 1000);  // the mutations did exercise the check
}

TEST(LoadReportXmlErrors, PositionsCountTheOriginalTextWherePugixmlRewritesIt) {
    // Entity and character references shrink in place, CR LF becomes LF, and tabs and line
    // ends inside attribute values become spaces: the error still points at the original.
    const std::string_view prefixes[] = {
        "<table id=\"a&amp;b\" ",
        "<table id=\"&#x4E2D;&#x6587;&lt;&gt;\" title=\"收&quot;支\" ",
        "<table id=\"02\"\r\n  title=\"a\r\nb\" ",
        "<table id=\"02\" title=\"多\n行\t标题\" ",
        "<table\tid=\"&#20013;\"\n\tnote=\"注：&amp;\"\r\n ",
    };
    for (std::string_view prefix : prefixes) {
        for (std::string_view wrong : {"bogus=\"1\"/>", "kind=\"main\"/>", "line=\"x\"/>"}) {
            std::string xml = "<report format-version=\"1\">\r\n<body>\n<p>甲&amp;乙</p>\n" + std::string(prefix) +
                              std::string(wrong) + "\n</body>\n</report>\n";
            LoadResult result = load_report_xml_buffer(xml, "rewritten.xml");
            ASSERT_TRUE(result.error) << xml;
            const auto [line, column] = reference_position(xml, xml.find(wrong));
            EXPECT_EQ(result.error->line, line) << result.error->to_string() << "\n" << xml;
            EXPECT_EQ(result.error->column, column) << result.error->to_string() << "\n" << xml;
        }
    }
}

TEST(LoadReportXmlErrors, MalformedXmlAfterRewrittenTextIsPointedAtInTheOriginal) {
    // pugixml stops in the middle of a buffer it has partly rewritten.
    std::string xml = "<report format-version=\"1\">\r\n<body>\r\n<p>&#x4E2D;&amp;文</p><p>x</li>\r\n</body>\r\n</report>";
    LoadResult result = load_report_xml_buffer(xml, "cut.xml");
    ASSERT_TRUE(result.error);
    const auto [line, column] = reference_position(xml, xml.find("li>"));
    EXPECT_EQ(result.error->line, line) << result.error->to_string();
    EXPECT_EQ(result.error->column, column) << result.error->to_string();
}

TEST(LoadReportXmlErrors, StrayTextIsPointedAtInEveryElementThatHoldsOnlyElements) {
    // Text before the first child (which pugixml keeps in the element itself), between
    // children and after the last one, in each element that holds only elements.
    const std::string table = "<table id=\"02\"><columns><column key=\"a\"><h>x</h></column></columns><row/></table>";
    struct Case {
        std::string xml;
        std::string_view text;  // where the error must point
    };
    const Case cases[] = {
        {"<report format-version=\"1\">junk<body/></report>", "junk"},
        {"<report format-version=\"1\"><body/>junk</report>", "junk"},
        {"<report format-version=\"1\"><metadata>junk<title>t</title></metadata></report>", "junk"},
        {"<report format-version=\"1\"><toc>junk</toc></report>", "junk"},
        {"<report format-version=\"1\"><toc><entry>a</entry> junk </toc></report>", " junk "},
        {in_body("junk"), "\njunk"},  // the text starts at the line end after <body>
        {in_body("<attachment>junk<p>a</p></attachment>"), "junk"},
        {in_body("<table id=\"02\">junk<columns/></table>"), "junk"},
        {in_body("<table id=\"02\"><columns>junk</columns></table>"), "junk"},
        {in_body("<table id=\"02\"><columns><column key=\"a\">junk<h>x</h></column></columns></table>"), "junk"},
        {in_body("<table id=\"02\"><columns><column key=\"a\"><h>x</h>junk</column></columns></table>"), "junk"},
        {in_body("<table id=\"02\"><columns><column key=\"a\"/></columns><row>junk<c col=\"0\">1</c></row></table>"),
         "junk"},
        {in_body("<table id=\"02\"><columns><column key=\"a\"/></columns><row><c col=\"0\">1</c>junk</row></table>"),
         "junk"},
        {in_body("<section><![CDATA[ ]]></section>"), "<![CDATA["},
    };
    for (const Case& c : cases) {
        // A CDATA section is pointed at by its content, as pugixml records it.
        const std::size_t at = c.xml.find(c.text) + (c.text == "<![CDATA[" ? c.text.size() : 0);
        const auto [line, column] = reference_position(c.xml, at);
        LoadResult result = load_report_xml_buffer(c.xml, "stray.xml");
        ASSERT_TRUE(result.error) << c.xml;
        EXPECT_NE(result.error->message.find("unexpected text"), std::string::npos) << result.error->to_string();
        EXPECT_EQ(result.error->line, line) << result.error->to_string();
        EXPECT_EQ(result.error->column, column) << result.error->to_string();
    }
}

TEST(LoadReportXmlErrors, TextInsideAnElementThatMustBeEmpty) {
    expect_error("<report format-version=\"1\"><metadata><source file=\"a\">x</source></metadata></report>",
                 {1, 55, "<source> must be empty"});
    expect_error("<report format-version=\"1\"><metadata><source file=\"a\"> </source></metadata></report>",
                 {1, 55, "<source> must be empty"});
    expect_error("<report format-version=\"1\"><metadata><source file=\"a\"><x/></source></metadata></report>",
                 {1, 55, "<source> must be empty"});
}

}  // namespace
