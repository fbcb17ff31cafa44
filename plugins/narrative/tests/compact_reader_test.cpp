// The compact reader: the stops the scanner visits in a block's compact view, and the test
// that lets a block without a possible claim go unscanned. (The byte scans behind that test
// are the text layer's: tests/sdk/text_layer_test.cpp.)
#include <gtest/gtest.h>

#include "compact_reader.hpp"
#include "scanner.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

std::string utf8(std::u32string_view s) { return to_utf8(s); }

std::vector<StopKind> kinds(const CompactReader& reader) {
    std::vector<StopKind> out;
    for (const Stop& stop : reader.stops()) out.push_back(stop.kind);
    return out;
}

TEST(CompactReader, DropsWhitespaceFoldsFullWidthFormsAndKeepsOriginalOffsets) {
    CompactReader reader;
    reader.read("支出 ５９２． 29\n万元（类）");
    CompactView view = reader.view();
    EXPECT_EQ(utf8(view.text), "支出592.29万元（类）");
    EXPECT_EQ(utf8(reader.original()), "支出 ５９２． 29\n万元（类）");
    // 5 sits after the dropped blank at original offset 3; 2 of 29 after another blank.
    EXPECT_EQ(view.offset[2], 3u);
    EXPECT_EQ(view.space_before[2], 1u);
    EXPECT_EQ(view.space_before[3], 0u);
    EXPECT_EQ(view.offset[6], 8u);
    EXPECT_EQ(view.space_before[6], 1u);
    EXPECT_EQ(view.space_before[8], 1u);  // 万 after the line break
}

TEST(CompactReader, DecodesInvalidBytesLikeToU32) {
    const std::string text = std::string("金额") + "\xE4\xB8" + "12\xFF" + "万元\xF0\x9F\x98\x80";
    CompactReader reader;
    reader.read(text);
    EXPECT_EQ(reader.original(), std::u32string_view(to_u32(text)));
}

TEST(CompactReader, StopsOnlyAtTheFirstDigitOfANumber) {
    CompactReader reader;
    reader.read("合计2,946.25万元。");
    // 2 opens the number; the comma is a stop the number may take as a thousands separator,
    // and so is the 9 after it (the scanner passes over both inside the number); 25 follows
    // a point and opens nothing.
    EXPECT_EQ(kinds(reader), (std::vector<StopKind>{StopKind::number_start, StopKind::clause_end,
                                                   StopKind::number_start, StopKind::sentence_end}));
    EXPECT_EQ(reader.stops()[1].at, 3u);
}

TEST(CompactReader, StopsAtQiOnlyWhenZhongFollows) {
    CompactReader reader;
    reader.read("其他支出，其 中：");
    EXPECT_EQ(kinds(reader), (std::vector<StopKind>{StopKind::clause_end, StopKind::qi, StopKind::clause_end}));
    EXPECT_EQ(reader.stops()[1].at, 5u);
}

TEST(CompactReader, ProseWithoutDigitOrComparisonWordHoldsNoClaim) {
    CompactReader reader;
    // 等, 大, 高, 无 open comparison words here but none is completed.
    reader.read("大力推进各项工作，提高资金使用效益，无其他需要说明的事项等。");
    EXPECT_FALSE(reader.may_hold_claim());
    EXPECT_TRUE(scan_claims("大力推进各项工作，提高资金使用效益，无其他需要说明的事项等。").empty());
}

TEST(CompactReader, RoundingTailRemarkHoldsNoClaim) {
    CompactReader reader;
    reader.read("因四舍五入，分项之和与合计存在尾差。");
    EXPECT_FALSE(reader.may_hold_claim());
}

TEST(CompactReader, AComparisonWordBrokenByWhitespaceMayHoldAClaim) {
    CompactReader reader;
    reader.read("与上年基本 持\n平。");
    EXPECT_TRUE(reader.may_hold_claim());
    auto claims = scan_claims("与上年基本 持\n平。");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].relation, Relation::about_equal);
}

TEST(CompactReader, AFullWidthDigitMayHoldAClaim) {
    CompactReader reader;
    reader.read("在职人数１２人");
    EXPECT_TRUE(reader.may_hold_claim());
    auto claims = scan_claims("在职人数１２人");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].kind, ClaimKind::count);
}

TEST(CompactReader, EndsWithColonIgnoresTrailingWhitespaceAndFoldsAsciiColon) {
    CompactReader reader;
    reader.read("主要用于以下方面： \n");
    EXPECT_TRUE(reader.ends_with_colon());
    reader.read("主要用于以下方面:");
    EXPECT_TRUE(reader.ends_with_colon());
    reader.read("主要用于以下方面：办公。");
    EXPECT_FALSE(reader.ends_with_colon());
    reader.read("   ");
    EXPECT_FALSE(reader.ends_with_colon());
}

TEST(CompactReader, AShortBlockAfterALongOneSeesOnlyItsOwnText) {
    CompactReader reader;
    reader.read("一般公共预算财政拨款支出592.29万元，其中：基本支出153.53万元。");
    reader.read("公用经费7万元");
    EXPECT_EQ(utf8(reader.view().text), "公用经费7万元");
    EXPECT_EQ(utf8(reader.original()), "公用经费7万元");
    EXPECT_EQ(kinds(reader), std::vector<StopKind>{StopKind::number_start});
}

TEST(ByteTest, FindsDigitsFullWidthDigitsAndComparisonWordEndingsWithoutDecoding) {
    EXPECT_FALSE(may_hold_claim("大力推进各项工作，无其他需要说明的事项。"));
    EXPECT_FALSE(may_hold_claim("因四舍五入，分项之和与合计存在尾差。"));
    EXPECT_TRUE(may_hold_claim("支出7万元"));
    EXPECT_TRUE(may_hold_claim("在职人数１２人"));
    EXPECT_TRUE(may_hold_claim("与上年基本持 平"));   // 平
    EXPECT_TRUE(may_hold_claim("决算数小于预算数"));   // 于
    EXPECT_TRUE(may_hold_claim("较上年保持不变"));     // 变
    EXPECT_TRUE(may_hold_claim("较上年无变化"));       // 化
    EXPECT_FALSE(may_hold_claim(""));
}

TEST(ByteTest, AnOverlongDigitIsNotMissed) {
    // C0 B0 decodes (leniently) to '0': the byte test must not skip such a block.
    const std::string text = std::string("支出") + "\xC0\xB0" + "万元";
    EXPECT_TRUE(may_hold_claim(text));
    CompactReader reader;
    reader.read(text);
    EXPECT_TRUE(reader.may_hold_claim());
}

TEST(ByteTest, EndsWithColonAgreesWithTheDecodedText) {
    const std::vector<std::string> texts = {
        "主要用于以下方面：", "主要用于以下方面： \n", "主要用于以下方面:\u3000", "方面：\u00A0\u2009\u202F",
        "主要用于以下方面：办公。", "", " \n", "方面\xBC\x9A", "方面\xEF\xBC", "\xE3\x80\x80：\xE3\x80",
        "：\xFF", "\xF0\xEF\xBC\x9A",
    };
    for (const std::string& text : texts) {
        CompactReader reader;
        reader.read(text);
        EXPECT_EQ(ends_with_colon(text), reader.ends_with_colon()) << text;
    }
    EXPECT_TRUE(ends_with_colon("主要用于以下方面： \n"));
    EXPECT_FALSE(ends_with_colon("方面\xBC\x9A"));
}

// Numbers that must not become claims, read through the same one-pass path.
TEST(CompactReaderScan, YearsAreNeverClaims) {
    EXPECT_TRUE(scan_claims("2024年度部门决算，2023年。", ScanOptions{2024}).empty());
}

TEST(CompactReaderScan, ClassificationCodesWithoutUnitAreNeverClaims) {
    EXPECT_TRUE(scan_claims("2010101行政运行，2080505机关事业单位基本养老保险缴费支出。", ScanOptions{2024}).empty());
}

TEST(CompactReaderScan, DigitsInsideWordsAreNeverClaims) {
    EXPECT_TRUE(scan_claims("推进5G网络和G20相关工作，第3项任务，12345热线。", ScanOptions{2024}).empty());
}

TEST(CompactReaderScan, AThresholdAfterAComparisonWordIsNotAComparison) {
    auto claims = scan_claims("单价大于50万元的设备。", ScanOptions{2024});
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].kind, ClaimKind::amount);
}

TEST(CompactReaderScan, ThousandsCommaInsideANumberDoesNotOpenAClause) {
    auto claims = scan_claims("收入2,940.05万元，支出1,000万元", ScanOptions{2024});
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].clause, 0);
    EXPECT_EQ(claims[1].clause, 1);
    EXPECT_EQ(claims[1].value, *Decimal::parse("1000"));
}

TEST(CompactReaderScan, BytesAndCodePointsGiveTheSameClaims) {
    const char* text = "与2023年度 656. 23万元相比，各减少63.94万元，下降９.74％；决算数小于预算数。其中：人员3人。";
    auto from_bytes = scan_claims(std::string_view(text), ScanOptions{2024});
    auto from_code_points = scan_claims(std::u32string_view(to_u32(text)), ScanOptions{2024});
    ASSERT_EQ(from_bytes.size(), 5u);
    ASSERT_EQ(from_code_points.size(), from_bytes.size());
    for (std::size_t i = 0; i < from_bytes.size(); ++i) {
        EXPECT_EQ(from_bytes[i].kind, from_code_points[i].kind);
        EXPECT_EQ(from_bytes[i].value, from_code_points[i].value);
        EXPECT_EQ(from_bytes[i].begin, from_code_points[i].begin);
        EXPECT_EQ(from_bytes[i].end, from_code_points[i].end);
        EXPECT_EQ(from_bytes[i].subject, from_code_points[i].subject);
        EXPECT_EQ(from_bytes[i].sentence, from_code_points[i].sentence);
        EXPECT_EQ(from_bytes[i].clause, from_code_points[i].clause);
        EXPECT_EQ(from_bytes[i].after_qizhong, from_code_points[i].after_qizhong);
    }
    EXPECT_TRUE(from_bytes[4].after_qizhong);
}

}  // namespace
}  // namespace fincheck::narrative
