// Unusable input is refused with a LoadError that names the file, the line and the reason;
// damaged but readable input imports with an import-* finding. Never a crash or exception.
#include <fstream>
#include <iterator>

#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

TEST(ImportMalformed, EmptyFileIsRefused) {
    auto result = import_text("", "empty.txt");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->file, "empty.txt");
    EXPECT_NE(result.error->message.find("empty"), std::string::npos);
}

TEST(ImportMalformed, BlankLinesOnlyAreRefused) {
    auto result = import_text("\n  \n\u3000\n", "blank.txt");
    EXPECT_FALSE(result);
}

TEST(ImportMalformed, BinaryJunkIsRefusedAtItsLine) {
    std::string junk = "**2024年度某局部门决算**\n\nPK\x03\x04";
    junk.push_back('\0');
    auto result = import_text(junk, "junk.txt");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->line, 3u);
    EXPECT_EQ(result.error->column, 3u);
    EXPECT_NE(result.error->message.find("binary"), std::string::npos);
}

TEST(ImportMalformed, NonUtf8TextIsRefusedAtItsLineAndColumn) {
    // 「部门」 in GBK.
    auto result = import_text("2024\n\xB2\xBF\xC3\xC5\n", "gbk.txt");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->line, 2u);
    EXPECT_EQ(result.error->column, 1u);
    EXPECT_NE(result.error->message.find("UTF-8"), std::string::npos);
    EXPECT_EQ(result.error->to_string().substr(0, 9), "gbk.txt:2");
}

// An amount too large for Decimal is refused at its line: taken for words, it would drop
// out of every sum of its table.
TEST(ImportMalformed, AmountBeyondTheDecimalRangeIsRefusedAtItsLine) {
    std::ifstream in(corpus("wuhan-hanyang-jiguan-gongwei-2024"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string line = "一、一般公共预算财政拨款收入\t1\t592.29\t";
    const std::size_t at = text.find(line);
    ASSERT_NE(at, std::string::npos);
    ASSERT_TRUE(import_text(text, "wuhan.txt"));  // must still work unchanged
    text.replace(at + line.size() - 7, 6, "99999999999999999999.29");
    auto result = import_text(text, "wuhan.txt");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->line, 79u) << result.error->to_string();
    EXPECT_NE(result.error->message.find("beyond the range"), std::string::npos) << result.error->to_string();
}

TEST(ImportMalformed, MissingFileIsRefused) {
    auto result = import_text_file(source_dir() / "no-such-report.txt");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error->file, "no-such-report.txt");
}

TEST(ImportMalformed, ProseWithoutTitleSectionOrTableIsRefused) {
    auto result = import_text("这是一段与部门决算无关的文字。\n", "prose.txt");
    EXPECT_FALSE(result);
}

TEST(ImportMalformed, TruncatedFileEndingInsideATableIsReported) {
    auto result = import_text("**2024年度某局部门决算**\n\n收入支出决算总表\n\n单位：万元\n\n"
                              "收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"
                              "一、一般公共预算财政拨款收入\t1.00\t一、一般公共服务支出\t1.00",
                              "truncated.txt");
    ASSERT_TRUE(result);
    EXPECT_NE(result.report->table("01"), nullptr);
    EXPECT_TRUE(has_diagnostic(result, "import-truncated", 9));
}

TEST(ImportMalformed, TableWithoutHeaderIsReportedAndKeptAsOtherTable) {
    auto result = import_text("**2024年度某局部门决算**\n\n收入决算表\n\n2013101\t行政运行\t1.00\t1.00\n", "nohead.txt");
    ASSERT_TRUE(result);
    EXPECT_EQ(result.report->table("02"), nullptr);
    EXPECT_NE(result.report->table("other-1"), nullptr);
    EXPECT_TRUE(has_diagnostic(result, "import-table-header", 3));
}

TEST(ImportMalformed, TitleWithoutYearIsReported) {
    auto result = import_text("**某局部门决算**\n\n第一部分 概况\n", "noyear.txt");
    ASSERT_TRUE(result);
    EXPECT_EQ(result.report->meta.fiscal_year, 0);
    EXPECT_TRUE(has_diagnostic(result, "import-metadata", 1));
}

TEST(ImportMalformed, ByteOrderMarkAndCrLfAreAccepted) {
    auto result = import_text("\xEF\xBB\xBF**2024年度某局部门决算**\r\n\r\n第一部分 概况\r\n", "bom.txt");
    ASSERT_TRUE(result);
    EXPECT_EQ(result.report->meta.fiscal_year, 2024);
    ASSERT_EQ(result.report->sections.size(), 1u);
    EXPECT_EQ(result.report->sections[0].heading, "概况");
}

}  // namespace
}  // namespace fincheck::import_test
