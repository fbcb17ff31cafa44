// The text layer's normal forms (fincheck/text/chars.hpp, compact.hpp, decode.hpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fincheck/text/chars.hpp"
#include "fincheck/text/compact.hpp"
#include "fincheck/text/decode.hpp"

namespace fincheck::text {
namespace {

TEST(TextChars, NarrowAndFoldNormaliseWidths) {
    EXPECT_EQ(narrow(U'（'), U'(');
    EXPECT_EQ(narrow(U'５'), U'5');
    EXPECT_EQ(narrow(U'Ａ'), U'A');
    EXPECT_EQ(narrow(U'，'), U',');
    EXPECT_EQ(narrow(U'支'), U'支');
    EXPECT_EQ(fold(U'５'), U'5');
    EXPECT_EQ(fold(U'．'), U'.');
    EXPECT_EQ(fold(U'％'), U'%');
    EXPECT_EQ(fold(U'('), U'（');  // brackets and clause marks go the other way: full width
    EXPECT_EQ(fold(U':'), U'：');
    EXPECT_EQ(fold(U','), U',');   // may be a thousands separator
    EXPECT_EQ(fold(U'，'), U'，');
}

TEST(TextChars, SpacesAreNamedByPurpose) {
    for (char32_t c : {U' ', U'\u3000', U'\u00A0', U'\u2009', U'\u202F'}) {
        EXPECT_TRUE(is_line_space(c));
        EXPECT_TRUE(is_whitespace(c));
    }
    for (char32_t c : {U'\t', U'\n', U'\r'}) {
        EXPECT_FALSE(is_line_space(c)) << static_cast<int>(c);  // tab separates cells
        EXPECT_TRUE(is_whitespace(c));
    }
    EXPECT_FALSE(is_whitespace(U'x'));
    EXPECT_TRUE(is_cjk(U'支'));
    EXPECT_TRUE(is_cjk(U'，'));
    EXPECT_TRUE(is_cjk_ideograph(U'支'));
    EXPECT_FALSE(is_cjk_ideograph(U'，'));
    EXPECT_FALSE(is_cjk(U'a'));
}

TEST(TextDecode, DecodesAndEncodesRoundTrip) {
    const std::string text = "支出 ５９２． 29\n万元（类）😀a";
    EXPECT_EQ(decode(text), U"支出 ５９２． 29\n万元（类）😀a");
    EXPECT_EQ(encode(decode(text)), text);
    EXPECT_EQ(decode("a\xFF" "b"), std::u32string(U"a\uFFFDb"));  // a bad byte reads alone
    EXPECT_EQ(decode("\xE6\x94"), std::u32string(U"\uFFFD\uFFFD"));  // truncated: each byte alone
}

TEST(TextCompact, DropsWhitespaceFoldsAndKeepsOriginalOffsets) {
    const CompactText c = compact(std::u32string_view(U"支出 ５９２． 29\n万元（类）"));
    EXPECT_EQ(c.text, U"支出592.29万元（类）");
    EXPECT_EQ(c.original_length, 16u);
    ASSERT_EQ(c.offset.size(), c.text.size());
    EXPECT_EQ(c.offset[2], 3u);       // ５ after the space
    EXPECT_EQ(c.space_before[2], 1);  // a space was dropped before it
    EXPECT_EQ(c.offset[6], 8u);       // 2 after 「． 」
    EXPECT_EQ(c.space_before[6], 1);
    EXPECT_EQ(c.space_before[3], 0);
    EXPECT_EQ(compact(std::string_view("支\n出")).text, U"支出");  // a soft break inside a word
}

TEST(TextCompact, CompareKeyNarrowsAndDropsSpacesOnly) {
    EXPECT_EQ(compare_key("（一） 收入"), compare_key("(一)收入"));
    EXPECT_EQ(compare_key("（一）\u3000收入"), U"(一)收入");
    EXPECT_EQ(compare_key("ａ．５"), U"a.5");
    EXPECT_TRUE(compare_key_equals("（一） 收入", "(一)收入"));
    EXPECT_FALSE(compare_key_equals("（一） 收入", "(一)收"));
    EXPECT_FALSE(compare_key_equals("（一）", "(一)收入"));
    std::u32string out = U"stale";
    compare_key_into("收入支出", out, 7);  // the prefix ends inside 支: 支 is dropped
    EXPECT_EQ(out, U"收入");
}

TEST(TextCompact, ContainsSpacedIgnoresBlanksBetweenCharacters) {
    EXPECT_TRUE(contains_spaced("年初 目标\u3000值", "目标值"));
    EXPECT_TRUE(contains_spaced("三级\n指标", "三级指标"));
    EXPECT_FALSE(contains_spaced("目标 数", "目标值"));
    EXPECT_TRUE(contains_spaced("任何", ""));
}

TEST(TextCompact, RemoveSpacesAndTrims) {
    EXPECT_EQ(remove_spaces("本年收 入\t合计\u3000\u00A0\u2009\u202F"), "本年收入合计");
    EXPECT_EQ(trim("\u3000 收入 \u00A0"), "收入");
    EXPECT_EQ(trim("\t收入\t"), "\t收入\t");  // tabs are cell separators
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim_ascii(" \t\r\nrule\n"), "rule");
    EXPECT_EQ(trim_ascii("\u3000x"), "\u3000x");
    const std::string text = "上年 \u3000\u00A0\t2023";
    EXPECT_EQ(skip_spaces(text, 6), text.size() - 4);
    EXPECT_EQ(skip_spaces_back(text, text.size() - 4), 6u);
    EXPECT_EQ(skip_spaces("a\nb", 1), 1u);  // a line break is not a space between words
}

TEST(TextCompact, SplitListTrimsItemsAndDropsEmptyOnes) {
    EXPECT_EQ(split_list(" arith-*, -years-* ,,\tnarrative-x\n", ','),
              (std::vector<std::string_view>{"arith-*", "-years-*", "narrative-x"}));
    EXPECT_EQ(split_list("本年支出合计|基本支出 | 项目支出", '|'),
              (std::vector<std::string_view>{"本年支出合计", "基本支出", "项目支出"}));
    EXPECT_TRUE(split_list(" , ", ',').empty());
    EXPECT_TRUE(split_list("", ',').empty());
}

}  // namespace
}  // namespace fincheck::text
