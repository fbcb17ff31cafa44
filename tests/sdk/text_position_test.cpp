#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fincheck/text_position.hpp"

namespace fincheck {
namespace {

TEST(TextPosition, CountsLinesFromOneAndColumnsInCodePoints) {
    const std::string_view text = "<a>\n  <词条>甲乙</词条>\n";
    const TextPosition start = text_position(text, 0);
    EXPECT_EQ(start.line, 1u);
    EXPECT_EQ(start.column, 1u);
    // The byte offset of 甲 on line 2: two spaces, <, 词, 条, > come before it.
    const std::size_t offset = text.find("甲");
    const TextPosition at = text_position(text, offset);
    EXPECT_EQ(at.line, 2u);
    EXPECT_EQ(at.column, 7u);
}

TEST(TextPosition, OffsetJustAfterANewlineIsColumnOneOfTheNextLine) {
    const TextPosition at = text_position("ab\ncd", 3);
    EXPECT_EQ(at.line, 2u);
    EXPECT_EQ(at.column, 1u);
}

TEST(TextPosition, ClampsAnOffsetPastTheEnd) {
    const TextPosition at = text_position("ab\nc", 999);
    EXPECT_EQ(at.line, 2u);
    EXPECT_EQ(at.column, 2u);
}

TEST(TextPosition, LocatedErrorNamesFileLineAndColumn) {
    EXPECT_EQ(located_error("pack.xml", "x\ny\n", 2, "unexpected element"), "pack.xml:2:1: unexpected element");
}

TEST(TextPosition, ReadWholeFileReadsBytesAndNamesAMissingFile) {
    const auto dir = std::filesystem::temp_directory_path() / "fincheck-text-position-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "data.xml";
    {
        std::ofstream out(file, std::ios::binary);
        out << "第一行\r\n末行";
    }
    std::string text, error;
    ASSERT_TRUE(read_whole_file(file, text, error)) << error;
    EXPECT_EQ(text, "第一行\r\n末行");
    EXPECT_FALSE(read_whole_file(dir / "missing.xml", text, error));
    EXPECT_NE(error.find("missing.xml"), std::string::npos);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fincheck
