// The text layer's byte scans (fincheck/text/bytes.hpp): what plugins ask of a text's bytes
// before, or instead of, decoding it.
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "fincheck/text/bytes.hpp"

namespace fincheck::text {
namespace {

TEST(TextBytes, HasDigitSeesAsciiAndFullWidthDigitsAnywhere) {
    EXPECT_FALSE(has_digit("项目支出主要用于办公设备购置，提高效益。"));
    EXPECT_FALSE(has_digit(""));
    std::string long_prose;
    for (int i = 0; i < 40; ++i) long_prose += "资金使用";  // 480 bytes: several chunks
    EXPECT_FALSE(has_digit(long_prose));
    EXPECT_TRUE(has_digit(long_prose + "3"));
    EXPECT_TRUE(has_digit(long_prose + "９人"));
    EXPECT_TRUE(has_digit("７"));
    EXPECT_TRUE(has_digit(std::string(62, 'x') + "５"));  // its bytes straddle two chunks
    EXPECT_FALSE(has_digit(std::string(62, 'x') + "，"));  // EF BC 8C: not a digit
    EXPECT_FALSE(has_digit("\xBC\x95"));                   // a stray tail of ５ is no digit
    EXPECT_FALSE(has_ascii_digit("９人"));
    EXPECT_TRUE(has_ascii_digit(long_prose + "0"));
}

TEST(TextBytes, FindsBytesThatMayOpenAnOverlongSequence) {
    EXPECT_FALSE(has_overlong_lead("一般公共服务（类）支出171.9万元"));
    EXPECT_TRUE(has_overlong_lead("支出\xC0\xB0"));
    EXPECT_TRUE(has_overlong_lead("\xC1\x81"));
    EXPECT_TRUE(has_overlong_lead("\xE0\x80\xB0"));
    EXPECT_TRUE(has_overlong_lead("\xF0\x84\xB8\xBB"));
}

TEST(TextBytes, HasAnyChar3FindsOnlyWholeCharacters) {
    constexpr std::array<char32_t, 2> kChars = {U'值', U'指'};
    EXPECT_TRUE(has_any_char3("年初目标值", kChars));
    EXPECT_TRUE(has_any_char3("三级指标", kChars));
    EXPECT_FALSE(has_any_char3("项目名称", kChars));
    EXPECT_FALSE(has_any_char3("\xE5\x80", kChars));  // 值 cut after two bytes
    EXPECT_FALSE(has_any_char3("", kChars));
}

TEST(TextBytes, DigitLengthAtAndDigitBeforeReadBothWidths) {
    const std::string text = "a1２b";
    EXPECT_EQ(digit_length_at(text, 0), 0u);
    EXPECT_EQ(digit_length_at(text, 1), 1u);
    EXPECT_EQ(digit_length_at(text, 2), 3u);
    EXPECT_EQ(digit_length_at(text, 5), 0u);
    EXPECT_EQ(digit_length_at(text, 99), 0u);
    EXPECT_EQ(digit_length_at("\xEF\xBC", 0), 0u);  // truncated ２
    std::size_t length = 0;
    EXPECT_EQ(digit_before(text, 2, length), 1);
    EXPECT_EQ(length, 1u);
    EXPECT_EQ(digit_before(text, 5, length), 2);
    EXPECT_EQ(length, 3u);
    EXPECT_EQ(digit_before(text, 6, length), -1);
    EXPECT_EQ(digit_before(text, 0, length), -1);
}

TEST(TextBytes, CodePointBeforeReadsMalformedTailsAsTheForwardDecoderDoes) {
    std::size_t begin = 0;
    EXPECT_EQ(code_point_before("方面：", 9, begin), U'：');
    EXPECT_EQ(begin, 6u);
    EXPECT_EQ(code_point_before("a", 1, begin), U'a');
    EXPECT_EQ(code_point_before("方面\xBC\x9A", 8, begin), U'\uFFFD');  // a stray tail: one byte alone
    EXPECT_EQ(begin, 7u);
    EXPECT_EQ(code_point_before("\xF0\xEF\xBC\x9A", 4, begin), U'：');  // the F0 is a character of its own
    EXPECT_EQ(begin, 1u);
}

TEST(TextBytes, LastNonWhitespaceSkipsEveryKindOfBlank) {
    EXPECT_EQ(last_non_whitespace("方面： \n\u3000\u00A0\u2009\u202F\t\r"), U'：');
    EXPECT_EQ(last_non_whitespace(" \n"), 0U);
    EXPECT_EQ(last_non_whitespace(""), 0U);
}

TEST(TextBytes, CodePointOffsetCountsCharactersBeforeAByte) {
    EXPECT_EQ(code_point_offset("支出592", 6), 2u);
    EXPECT_EQ(code_point_offset("支出592", 7), 3u);
    EXPECT_EQ(code_point_offset("支出592", 99), 5u);
    EXPECT_EQ(code_point_offset("支出", 4), 2u);  // inside 出: it starts before
}

TEST(TextBytes, ByteFinderFindsEachOccurrenceInOrder) {
    const std::string text = "a,b,,c";
    ByteFinder commas(text, ',');
    EXPECT_EQ(commas.next(0), 1u);
    EXPECT_EQ(commas.next(1), 1u);
    EXPECT_EQ(commas.next(2), 3u);
    EXPECT_EQ(commas.next(4), 4u);
    EXPECT_EQ(commas.next(5), text.size());
    EXPECT_EQ(commas.next(99), text.size());
}

}  // namespace
}  // namespace fincheck::text
