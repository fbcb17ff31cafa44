// The shared UTF-8 primitives: decoding is structural and total (junk becomes U+FFFD one
// byte at a time), validation is strict (overlong forms and surrogates are invalid).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "fincheck/utf8.hpp"

namespace utf8 = fincheck::utf8;

namespace {

std::vector<char32_t> decode_all(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t before = pos;
        out.push_back(utf8::next_code_point(text, pos));
        EXPECT_GT(pos, before) << "the decoder must always advance";
    }
    return out;
}

using Points = std::vector<char32_t>;
constexpr char32_t kFFFD = utf8::kReplacement;

}  // namespace

TEST(Utf8Decode, ReadsAsciiOneByteAtATime) {
    EXPECT_EQ(decode_all("A1 ."), (Points{U'A', U'1', U' ', U'.'}));
}

TEST(Utf8Decode, ReadsTwoThreeAndFourByteSequences) {
    // ¢ (C2 A2), 决 (E5 86 B3), 𠀀 (F0 A0 80 80)
    std::string_view text = "\xC2\xA2\xE5\x86\xB3\xF0\xA0\x80\x80";
    std::size_t pos = 0;
    EXPECT_EQ(utf8::next_code_point(text, pos), U'\u00A2');
    EXPECT_EQ(pos, 2u);
    EXPECT_EQ(utf8::next_code_point(text, pos), U'决');
    EXPECT_EQ(pos, 5u);
    EXPECT_EQ(utf8::next_code_point(text, pos), U'\U00020000');
    EXPECT_EQ(pos, 9u);
}

TEST(Utf8Decode, TruncatedSequenceAtTheEndYieldsOneReplacementPerByte) {
    EXPECT_EQ(decode_all("a\xE5\x86"), (Points{U'a', kFFFD, kFFFD}));
}

TEST(Utf8Decode, SequenceInterruptedByAsciiKeepsTheAscii) {
    EXPECT_EQ(decode_all("\xE5\x86x"), (Points{kFFFD, kFFFD, U'x'}));
}

TEST(Utf8Decode, StrayContinuationByteYieldsOneReplacement) {
    EXPECT_EQ(decode_all("a\x80" "b"), (Points{U'a', kFFFD, U'b'}));
}

TEST(Utf8Decode, BytesThatStartNoSequenceYieldReplacements) {
    EXPECT_EQ(decode_all("\xF8\xFF"), (Points{kFFFD, kFFFD}));
}

TEST(Utf8Decode, OverlongFormsAndSurrogatesDecodeStructurally) {
    // Decoding does not re-validate (input boundaries do): documented, and pinned here so a
    // change of policy is a visible decision.
    EXPECT_EQ(decode_all("\xC0\xAF"), (Points{U'/'}));
    EXPECT_EQ(decode_all("\xED\xA0\x80"), (Points{char32_t{0xD800}}));
}

TEST(Utf8Decode, IsUsableAtCompileTime) {
    constexpr char32_t cp = [] {
        std::size_t pos = 0;
        return utf8::next_code_point("年", pos);
    }();
    static_assert(cp == U'年');
    EXPECT_EQ(cp, U'年');
}

TEST(Utf8Count, CountsCodePointsNotBytes) {
    EXPECT_EQ(utf8::code_point_count(""), 0u);
    EXPECT_EQ(utf8::code_point_count("2024年度"), 6u);
    EXPECT_EQ(utf8::code_point_count("\xF0\xA0\x80\x80"), 1u);
}

TEST(Utf8Count, CountsEachMalformedByteOnceLikeTheDecoder) {
    EXPECT_EQ(utf8::code_point_count("a\x80\xE5\x86"), 4u);
}

TEST(Utf8Count, LeadByteCountCountsACharacterCutInHalfOnce) {
    std::string_view text = "年度";  // E5 B9 B4 E5 BA A6
    EXPECT_EQ(utf8::lead_byte_count(text), 2u);
    EXPECT_EQ(utf8::lead_byte_count(text.substr(0, 4)), 2u);
    EXPECT_EQ(utf8::code_point_count(text.substr(0, 4)), 2u);
    EXPECT_EQ(utf8::lead_byte_count("\x80\x80"), 0u);
}

TEST(Utf8Validate, AcceptsWellFormedText) {
    EXPECT_TRUE(utf8::is_valid(""));
    EXPECT_TRUE(utf8::is_valid("部门决算 2024\xC2\xA0\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF"));
    EXPECT_EQ(utf8::first_invalid("abc年"), std::string_view::npos);
}

TEST(Utf8Validate, NamesTheOffsetOfTheFirstInvalidSequence) {
    EXPECT_EQ(utf8::first_invalid("年\x80"), 3u);           // stray continuation
    EXPECT_EQ(utf8::first_invalid("ab\xE5\x86"), 2u);        // truncated at the end
    EXPECT_EQ(utf8::first_invalid("ab\xE5\x86z"), 2u);       // truncated by ASCII
    EXPECT_EQ(utf8::first_invalid("x\xFF"), 1u);             // never a UTF-8 byte
}

TEST(Utf8Validate, RejectsOverlongForms) {
    EXPECT_EQ(utf8::first_invalid("\xC0\xAF"), 0u);           // '/' in two bytes
    EXPECT_EQ(utf8::first_invalid("\xC1\xBF"), 0u);
    EXPECT_EQ(utf8::first_invalid("a\xE0\x80\xAF"), 1u);      // '/' in three bytes
    EXPECT_EQ(utf8::first_invalid("\xF0\x80\x80\xAF"), 0u);   // '/' in four bytes
    EXPECT_TRUE(utf8::is_valid("\xE0\xA0\x80"));              // U+0800, the first 3-byte value
    EXPECT_TRUE(utf8::is_valid("\xF0\x90\x80\x80"));          // U+10000, the first 4-byte value
}

TEST(Utf8Validate, RejectsSurrogatesAndValuesBeyondTheLastCodePoint) {
    EXPECT_EQ(utf8::first_invalid("\xED\xA0\x80"), 0u);       // U+D800
    EXPECT_EQ(utf8::first_invalid("\xED\xBF\xBF"), 0u);       // U+DFFF
    EXPECT_TRUE(utf8::is_valid("\xED\x9F\xBF"));              // U+D7FF
    EXPECT_EQ(utf8::first_invalid("\xF4\x90\x80\x80"), 0u);   // U+110000
    EXPECT_EQ(utf8::first_invalid("\xF5\x80\x80\x80"), 0u);
}

TEST(Utf8Validate, StructuralLengthIsLooserThanWellFormedLength) {
    EXPECT_EQ(utf8::structural_length("\xE0\x80\xAF", 0), 3u);
    EXPECT_EQ(utf8::well_formed_length("\xE0\x80\xAF", 0), 0u);
    EXPECT_EQ(utf8::structural_length("\xE5\x86", 0), 0u);
    EXPECT_EQ(utf8::structural_length("\x80", 0), 0u);
}

TEST(Utf8Encode, EncodesEachLength) {
    EXPECT_EQ(utf8::encode(U'A'), "A");
    EXPECT_EQ(utf8::encode(U'\u00A2'), "\xC2\xA2");
    EXPECT_EQ(utf8::encode(U'决'), "\xE5\x86\xB3");
    EXPECT_EQ(utf8::encode(U'\U0001F600'), "\xF0\x9F\x98\x80");
    EXPECT_EQ(utf8::encode(char32_t{0x10FFFF}), "\xF4\x8F\xBF\xBF");
}

TEST(Utf8Encode, WritesReplacementForSurrogatesAndOutOfRangeValues) {
    EXPECT_EQ(utf8::encode(char32_t{0xD800}), "\xEF\xBF\xBD");
    EXPECT_EQ(utf8::encode(char32_t{0x110000}), "\xEF\xBF\xBD");
}

TEST(Utf8Encode, RoundTripsEveryScalarValueThroughTheDecoder) {
    for (char32_t cp = 0; cp <= utf8::kMaxCodePoint; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string bytes = utf8::encode(cp);
        ASSERT_TRUE(utf8::is_valid(bytes)) << std::hex << static_cast<unsigned>(cp);
        std::size_t pos = 0;
        ASSERT_EQ(utf8::next_code_point(bytes, pos), cp);
        ASSERT_EQ(pos, bytes.size());
    }
}
