// Whatever bytes reach the audit writer (messages built from report text, file names from
// the file system, plugin names), the audit XML is well formed: characters XML 1.0 cannot
// carry become U+FFFD. Checked against pugixml and against libxml2 (xmllint), the stricter.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

#include <pugixml.hpp>

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/xml_out.hpp"
#include "fincheck/utf8.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

namespace fs = std::filesystem;

std::string element_text(std::string_view content) {
    std::string out;
    XmlOut xml(out);
    xml.text_element("t", content);
    return out;
}

std::string attribute_value(std::string_view value) {
    std::string out;
    XmlOut xml(out);
    xml.open("a");
    xml.attribute("v", value);
    xml.close();
    return out;
}

TEST(XmlOutCharacters, WhatXmlCannotCarryBecomesTheReplacementCharacter) {
    EXPECT_EQ(element_text(std::string("a\0b", 3)), "<t>a\xEF\xBF\xBD" "b</t>\n");  // no longer cut at the NUL
    EXPECT_EQ(element_text("\x01\x1F\x7F"), "<t>\xEF\xBF\xBD\xEF\xBF\xBD\x7F</t>\n");
    EXPECT_EQ(element_text("收\xBA\xCF"), "<t>收\xEF\xBF\xBD\xEF\xBF\xBD</t>\n");  // GBK bytes
    EXPECT_EQ(element_text("\xED\xA0\x80"), "<t>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD</t>\n");  // a surrogate
    EXPECT_EQ(element_text("\xEF\xBF\xBE"), "<t>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD</t>\n");  // U+FFFE
    EXPECT_EQ(element_text("合\xE5\x90"), "<t>合\xEF\xBF\xBD\xEF\xBF\xBD</t>\n");  // cut mid-character
    EXPECT_EQ(attribute_value(std::string("\x01\t\n\r\0", 5)),
              "<a v=\"\xEF\xBF\xBD&#09;&#10;&#13;\xEF\xBF\xBD\" />\n");
    // Must still work: everything XML allows is copied or escaped as before.
    EXPECT_EQ(element_text("a\tb\nc\r<&>\"' 合计 \xF0\xA0\x80\x80"), "<t>a\tb\nc\r&lt;&amp;&gt;\"' 合计 \xF0\xA0\x80\x80</t>\n");
}

TEST(Utf8Prefix, CutsOnlyBetweenCharacters) {
    EXPECT_EQ(utf8::prefix_at_boundary("合计行", 9), "合计行");
    EXPECT_EQ(utf8::prefix_at_boundary("合计行", 8), "合计");
    EXPECT_EQ(utf8::prefix_at_boundary("合计行", 6), "合计");
    EXPECT_EQ(utf8::prefix_at_boundary("合计行", 4), "合");
    EXPECT_EQ(utf8::prefix_at_boundary("ab合", 3), "ab");
    EXPECT_EQ(utf8::prefix_at_boundary("", 0), "");
}

std::string random_bytes(std::mt19937& random) {
    // Weighted toward the bytes that break XML: controls, NUL, stray continuations, leads of
    // surrogates and of U+FFFE, markup characters; plus whole CJK characters.
    static const char* const pieces[] = {"\x00", "\x01", "\x1F", "\x7F", "\x80", "\xBF", "\xC0", "\xED\xA0\x80",
                                         "\xEF\xBF\xBE", "\xF4\x90\x80\x80", "\xE5", "&", "<", ">", "\"", "'",
                                         "\t", "\n", "\r", "合", "a", " ", "]]>", "&#1;"};
    std::string out;
    const int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) {
        if (random() % 3 == 0) {
            out += static_cast<char>(random() % 256);
        } else {
            const char* piece = pieces[random() % std::size(pieces)];
            out.append(piece, piece[0] == '\0' ? 1 : std::char_traits<char>::length(piece));
        }
    }
    return out;
}

TEST(AuditXmlWellFormed, RandomBytesInEveryStringStillGiveWellFormedXml) {
    std::mt19937 random(1313);
    const fs::path dir = test::scratch_dir("xml-wellformed");
    std::string files;
    for (int round = 0; round < 200; ++round) {
        AuditResult result;
        result.tool_version = "1.0.0";
        result.input.file = random_bytes(random);  // a file name that is not UTF-8
        result.input.sha256 = std::string(64, 'a');
        result.department = random_bytes(random);
        result.title = random_bytes(random);
        result.selection = random_bytes(random);
        result.plugins.push_back({random_bytes(random), "1", random_bytes(random), "1.0.0", "1.0"});
        AuditedFinding finding;
        finding.finding.rule_id = random_bytes(random);
        finding.message_zh = random_bytes(random);
        finding.message_en = random_bytes(random);
        finding.finding.location.table = random_bytes(random);
        finding.finding.location.section = random_bytes(random);
        finding.finding.expected = random_bytes(random);
        finding.finding.actual = random_bytes(random);
        finding.finding.evidence.push_back({random_bytes(random), Location::at_line(1), random_bytes(random), {}});
        result.findings.push_back(finding);
        const std::string xml = write_audit_xml(result);

        ASSERT_TRUE(utf8::is_valid(xml)) << "round " << round;
        for (std::size_t i = 0, length = 0; i < xml.size(); i += length) {
            length = utf8::xml_char_length(xml, i);
            ASSERT_NE(length, 0u) << "round " << round << " offset " << i;
        }
        pugi::xml_document doc;
        ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size())) << "round " << round;
        const fs::path file = dir / ("audit-" + std::to_string(round) + ".xml");
        test::write_file(file, xml);
        files += " '" + file.string() + "'";
    }
    EXPECT_EQ(std::system(("xmllint --noout" + files).c_str()), 0);
}

}  // namespace
}  // namespace fincheck::engine
