// The size option's grammar and the byte reader's limit, below the command line.
#include <gtest/gtest.h>

#include "fincheck/engine/input_file.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

TEST(ByteSize, ParsesBytesAndBinaryUnits) {
    EXPECT_EQ(parse_byte_size("1048576"), 1048576u);
    EXPECT_EQ(parse_byte_size("64M"), 64u << 20);
    EXPECT_EQ(parse_byte_size("64MiB"), 64u << 20);
    EXPECT_EQ(parse_byte_size("64MB"), 64u << 20);
    EXPECT_EQ(parse_byte_size("512k"), 512u << 10);
    EXPECT_EQ(parse_byte_size("2G"), std::uint64_t{2} << 30);
    EXPECT_EQ(parse_byte_size("300B"), 300u);
    for (const char* bad : {"", "0", "M", "64 M", "64X", "64Mi", "-1", "1.5M", "18446744073709551616",
                            "17179869184G", "64MiBs"})
        EXPECT_FALSE(parse_byte_size(bad)) << bad;
    EXPECT_EQ(parse_byte_size("18446744073709551615"), UINT64_MAX);
}

TEST(ByteSize, DescribesSizesExactly) {
    EXPECT_EQ(describe_byte_size(64u << 20), "64 MiB");
    EXPECT_EQ(describe_byte_size(1536), "1536 B");
    EXPECT_EQ(describe_byte_size(4096), "4 KiB");
    EXPECT_EQ(describe_byte_size(0), "0 B");
}

TEST(ReadInputBytes, ReadsAFileUpToTheLimitAndNotBeyond) {
    const auto dir = test::scratch_dir("read-input-bytes");
    test::write_file(dir / "ten.txt", "0123456789");
    InputBytes at_limit = read_input_bytes(dir / "ten.txt", 10);
    ASSERT_FALSE(at_limit.error) << at_limit.error->to_string();
    EXPECT_EQ(at_limit.bytes, "0123456789");
    EXPECT_TRUE(at_limit.identity);
    EXPECT_TRUE(is_same_file(dir / "ten.txt", *at_limit.identity));
    EXPECT_FALSE(is_same_file(dir / "absent.txt", *at_limit.identity));
    InputBytes beyond = read_input_bytes(dir / "ten.txt", 9);
    ASSERT_TRUE(beyond.error);
    EXPECT_NE(beyond.error->message.find("10 B, the limit is 9 B"), std::string::npos) << beyond.error->message;
    test::write_file(dir / "empty.txt", "");
    InputBytes empty = read_input_bytes(dir / "empty.txt", 1);
    EXPECT_FALSE(empty.error);
    EXPECT_TRUE(empty.bytes.empty());
}

TEST(DisplayName, EscapesWhatIsNotTextAndKeepsTheRest) {
    EXPECT_EQ(display_name("reports/部门决算 2024 (1).xml"), "reports/部门决算 2024 (1).xml");
    EXPECT_EQ(display_name("r\xBA\xCF.xml"), "r\\xBA\\xCF.xml");  // GBK bytes
    EXPECT_EQ(display_name("a\nb\x01\x7F"), "a\\x0Ab\\x01\x7F");
    EXPECT_EQ(display_name("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a surrogate
    EXPECT_EQ(display_name("合\xE5\x90"), "合\\xE5\\x90");         // cut mid-character
}

}  // namespace
}  // namespace fincheck::engine
