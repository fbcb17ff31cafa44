// The reader's character check (report_xml_source.hpp) has a portable path, one character at a
// time, and block checks that skip 16 (SSE2) or 32 (AVX2, chosen at run time) bytes at a time.
// Every block check must find the same first bad byte and record the same line ends as the
// portable path, which itself must agree with the definition (UTF-8 made of XML characters).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/utf8.hpp"
#include "xml_character_reference.hpp"
#include "report_xml_source.hpp"

namespace {

using fincheck::report_xml::BlockCheck;
using fincheck::report_xml::SourceText;

// The block checks this CPU can run (AVX2 only where it has it), besides the portable path.
std::vector<BlockCheck> block_checks() {
    std::vector<BlockCheck> checks;
#if defined(__SSE2__)
    checks.push_back(BlockCheck::sse2);
#endif
    if (fincheck::report_xml::fastest_block_check() == BlockCheck::avx2) checks.push_back(BlockCheck::avx2);
    return checks;
}

// Scans `text` with the portable path and with every block check; all must agree, and the
// portable path must agree with the reference. Line ends are compared up to the bad byte
// (what the error position needs); on a valid text, all of them.
void expect_same_scan(const std::string& text, const std::string& what) {
    SourceText portable;
    const std::size_t expected = portable.scan(text, BlockCheck::none);
    ASSERT_EQ(expected, fincheck::testing_reference::first_bad_xml_character(text)) << what;
    std::vector<std::size_t> expected_ends;
    for (std::size_t i = 0; i < std::min(expected, text.size()); ++i)
        if (text[i] == '\n') expected_ends.push_back(i);
    if (expected == SourceText::npos) {
        EXPECT_EQ(portable.line_ends(), expected_ends) << what;
    }
    for (BlockCheck check : block_checks()) {
        SourceText fast;
        const std::size_t found = fast.scan(text, check);
        ASSERT_EQ(found, expected) << what << " (block check " << static_cast<int>(check) << ")";
        std::vector<std::size_t> ends = fast.line_ends();
        // A failed scan may have recorded line ends past the bad byte; the positions of an
        // error only need those before it.
        std::erase_if(ends, [&](std::size_t at) { return found != SourceText::npos && at >= found; });
        EXPECT_EQ(ends, expected_ends) << what << " (block check " << static_cast<int>(check) << ")";
    }
}

// Characters that exercise every branch of the block checks: ASCII, line ends, CJK (E1–EC,
// EE, EF leads), the leads that need more than a bit pattern (E0, ED, EF BF), two- and
// four-byte characters, and byte sequences that are not XML characters at all.
const std::vector<std::string> kPieces = {
    "a", "<row code=\"2010101\">", "0123456789.00", " ", "\n", "\r\n", "\t",
    "收", "入", "支出", "（一）", "ｆｕｌｌ", "\xEF\xBC\x88", "\xEF\xBF\xBD",  // full-width (, U+FFFD
    "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",                          // U+0800, U+D7FF, U+E000
    "\xC2\xA0", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBD",          // two and four bytes
    "\xEF\xBF\xBE", "\xEF\xBF\xBF",                                          // U+FFFE, U+FFFF
    "\xE0\x80\x80", "\xED\xA0\x80", "\xC0\xAF", "\xF5\x80\x80\x80",          // overlong, surrogate, …
    "\x80", "\xBF", "\xE4\xB8", "\xE4", "\x01", "\x1F", "\x7F", std::string(1, '\0'),
};

TEST(ReportXmlSourceScan, BlockChecksAgreeWithThePortablePathOnRandomPieces) {
    std::mt19937 random(20260);
    // Mostly valid pieces with the occasional bad one, so that long valid runs cross many
    // block boundaries before a bad byte is met at every possible position in a block.
    const std::size_t valid_pieces = 21;
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        const int count = 1 + static_cast<int>(random() % 120);
        const bool with_bad = random() % 3 != 0;
        for (int k = 0; k < count; ++k) {
            const bool bad = with_bad && random() % 40 == 0;
            const std::size_t index =
                bad ? valid_pieces + random() % (kPieces.size() - valid_pieces) : random() % valid_pieces;
            text += kPieces[index];
        }
        expect_same_scan(text, "round " + std::to_string(round));
    }
}

TEST(ReportXmlSourceScan, BlockChecksAgreeWithThePortablePathOnRandomBytes) {
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
        std::string text(random() % 200, '\0');
        // Bytes drawn from a few ranges at a time, so that valid runs happen at all.
        const unsigned low = random() % 2 == 0 ? 0x20 : 0x00;
        const unsigned span = random() % 2 == 0 ? 0x60 : 0x100;
        for (char& c : text) c = static_cast<char>(low + random() % (span - low));
        expect_same_scan(text, "round " + std::to_string(round));
    }
}

TEST(ReportXmlSourceScan, EachBadSequenceIsFoundAtEveryOffsetOfABlock) {
    // A bad sequence after 0…70 bytes of ASCII and after 0…24 CJK characters: every lane of
    // a 16- and a 32-byte block, and characters cut by the end of a block.
    const std::string bad_sequences[] = {"\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xE0\x80\x80", "\xED\xA0\x80",
                                         "\xE4\xB8", "\x80", std::string(1, '\0'), "\x1F", "\xC0\xAF",
                                         "\xF5\x80\x80\x80", "\xE4\xB8\x41"};
    for (const std::string& bad : bad_sequences) {
        for (std::size_t ascii = 0; ascii <= 70; ++ascii) {
            std::string text = std::string(ascii, 'x') + bad + std::string(40, 'y');
            expect_same_scan(text, "ascii " + std::to_string(ascii));
        }
        for (std::size_t cjk = 0; cjk <= 24; ++cjk) {
            for (std::size_t shift = 0; shift < 3; ++shift) {
                std::string text = std::string(shift, ' ');
                for (std::size_t k = 0; k < cjk; ++k) text += k % 5 == 4 ? "\n" : "决";
                text += bad;
                text += "算算算算算算算算算算算算";
                expect_same_scan(text, "cjk " + std::to_string(cjk) + " shift " + std::to_string(shift));
            }
        }
    }
}

TEST(ReportXmlSourceScan, ValidTextRecordsEveryLineEndAndTheByteOrderMark) {
    std::string text = "\xEF\xBB\xBF<report>\n";
    for (int k = 0; k < 50; ++k) text += "  <p>第" + std::to_string(k) + "段，收入合计592.29万元。</p>\r\n";
    text += "</report>\n";
    expect_same_scan(text, "valid report");
    SourceText source;
    ASSERT_EQ(source.scan(text), SourceText::npos);
    EXPECT_EQ(source.line_ends().size(), 52u);
}

TEST(ReportXmlSourceScan, BlockChecksAcceptTheTextOfAReportWithoutTheGeneralPath) {
    // Indented markup, figures, line ends (LF and CR LF), tabs and CJK with full-width
    // punctuation: what the block checks exist for. Each must accept all of it by itself.
    std::string line = "  <row code=\"2010101\">\r\n\t<c col=\"1\">1,234.50</c><c>一般公共预算财政拨款收入（万元）：</c>\n";
    line.insert(0, 32 - line.size() % 32, ' ');  // whole blocks of 16 and 32 bytes, no character cut at the end
    std::string text;
    for (int k = 0; k < 40; ++k) text += line;
    ASSERT_EQ(fincheck::report_xml::SourceText().scan(text, BlockCheck::none), SourceText::npos);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::vector<std::size_t> ends;
    std::size_t expected_lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
#if defined(__SSE2__)
    EXPECT_EQ(fincheck::report_xml::skip_common_blocks_sse2(p, 0, text.size(), ends), text.size());
    EXPECT_EQ(ends.size(), expected_lines);
#endif
#if defined(FINCHECK_REPORT_XML_AVX2)
    if (fincheck::report_xml::fastest_block_check() == BlockCheck::avx2) {
        ends.clear();
        EXPECT_EQ(fincheck::report_xml::skip_common_blocks_avx2(p, 0, text.size(), ends), text.size());
        EXPECT_EQ(ends.size(), expected_lines);
    }
#endif
}

}  // namespace
