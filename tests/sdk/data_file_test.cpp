// load_data_file: every way a plugin data file can be wrong comes back as a value naming the
// file, and the line and column wherever there is one.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fincheck/data_file.hpp"
#include "fincheck/phrase_group.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck {
namespace {

// A fresh directory per test, removed at the end.
class DataFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("fincheck-data-file-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path write(const std::string& name, std::string_view text) const {
        const auto file = dir_ / name;
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }

    std::filesystem::path dir_;
};

TEST_F(DataFileTest, LoadsAFileWithTheExpectedRoot) {
    const auto file = write("phrases.xml", "<phrases>\n  <group template=\"shanghai\"><phrase>市级</phrase></group>\n</phrases>\n");
    DataFileResult result = load_data_file(file, "phrases");
    ASSERT_TRUE(result.file.has_value()) << result.error->to_string();
    EXPECT_FALSE(result.error.has_value());
    EXPECT_EQ(result.file->name(), file.string());
    const pugi::xml_node group = result.file->root().child("group");
    ASSERT_TRUE(group);
    // An element's position is its name's: line 2, after two spaces and the '<'.
    EXPECT_EQ(result.file->position_of(group).line, 2u);
    EXPECT_EQ(result.file->position_of(group).column, 4u);
    EXPECT_EQ(result.file->error_at(group, "bad group").to_string(), file.string() + ":2:4: bad group");
}

TEST_F(DataFileTest, AMissingFileIsNamedWithoutAPosition) {
    const auto file = dir_ / "missing.xml";
    DataFileResult result = load_data_file(file, "phrases");
    EXPECT_FALSE(result.file.has_value());
    ASSERT_TRUE(result.error.has_value());
    EXPECT_EQ(result.error->file, file.string());
    EXPECT_FALSE(result.error->position.has_value());
    EXPECT_EQ(result.error->to_string(), file.string() + ": no such file (文件不存在)");
}

TEST_F(DataFileTest, MalformedXmlIsReportedWithItsLineAndColumn) {
    // The unclosed <group> is found where </phrases> stands: line 3, column 3.
    const auto file = write("broken.xml", "<phrases>\n  <group>甲\n  </phrases>\n");
    DataFileResult result = load_data_file(file, "phrases");
    EXPECT_FALSE(result.file.has_value());
    ASSERT_TRUE(result.error.has_value());
    ASSERT_TRUE(result.error->position.has_value());
    EXPECT_EQ(result.error->position->line, 3u);
    EXPECT_EQ(result.error->to_string().rfind(file.string() + ":3:", 0), 0u) << result.error->to_string();
    EXPECT_NE(result.error->message.find("malformed XML"), std::string::npos) << result.error->message;
}

TEST_F(DataFileTest, AWrongRootIsReportedAtTheRootElement) {
    const auto file = write("lexicon.xml", "<?xml version=\"1.0\"?>\n<lexicon/>\n");
    DataFileResult result = load_data_file(file, "phrases");
    EXPECT_FALSE(result.file.has_value());
    ASSERT_TRUE(result.error.has_value());
    EXPECT_EQ(result.error->to_string(),
              file.string() + ":2:2: root element is <lexicon>, expected <phrases> (根元素应为 phrases)");
}

TEST(DataFile, ParsesTextInMemoryUnderTheGivenName) {
    DataFileResult good = parse_data_file("<rulepack id=\"x\"/>", "pack.xml", "rulepack");
    ASSERT_TRUE(good.file.has_value());
    EXPECT_STREQ(good.file->root().attribute("id").as_string(), "x");
    DataFileResult empty = parse_data_file("", "empty.xml", "rulepack");
    ASSERT_TRUE(empty.error.has_value());
    EXPECT_EQ(empty.error->to_string(), "empty.xml:1:1: 文件为空 / the file is empty");
}

// 合计 in GBK: B A C F  BC C6.
const std::string kGbkTotal = "\xBA\xCF\xBC\xC6";

std::string phrases_in(const std::string& declaration, const std::string& body) {
    return declaration + "<phrases>\n  <group template=\"t\"><phrase>" + body + "</phrase></group>\n</phrases>\n";
}

std::string first_phrase(const DataFileResult& result) {
    return result.file->root().child("group").child("phrase").text().get();
}

TEST(DataFileEncoding, ADeclaredGbkOrGb18030FileIsConverted) {
    for (const char* encoding : {"GBK", "gb18030", "GB2312"}) {
        const std::string text =
            phrases_in(std::string("<?xml version=\"1.0\" encoding=\"") + encoding + "\"?>\n", kGbkTotal);
        DataFileResult result = parse_data_file(text, "gbk.xml", "phrases");
        ASSERT_TRUE(result.file) << encoding << ": " << result.error->to_string();
        EXPECT_EQ(first_phrase(result), "合计") << encoding;
    }
}

TEST(DataFileEncoding, UndeclaredNonUtf8BytesAreAnErrorNamingLineAndEncoding) {
    DataFileResult result = parse_data_file(phrases_in("<?xml version=\"1.0\"?>\n", kGbkTotal), "gbk.xml", "phrases");
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->to_string().rfind("gbk.xml:3:", 0), 0u) << result.error->to_string();
    EXPECT_NE(result.error->message.find("不是 UTF-8"), std::string::npos) << result.error->message;
    EXPECT_NE(result.error->message.find("encoding=\"GB18030\""), std::string::npos) << result.error->message;
    // Declared UTF-8 but not UTF-8: the same error.
    EXPECT_TRUE(parse_data_file(phrases_in("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", kGbkTotal), "u.xml", "phrases").error);
}

TEST(DataFileEncoding, BytesInvalidInTheDeclaredEncodingAndUnknownEncodingsAreErrors) {
    DataFileResult bad = parse_data_file(phrases_in("<?xml version=\"1.0\" encoding=\"GBK\"?>\n", "\xFF\xFF"), "b.xml", "phrases");
    ASSERT_TRUE(bad.error);
    EXPECT_EQ(bad.error->to_string().rfind("b.xml:3:", 0), 0u) << bad.error->to_string();
    DataFileResult unknown = parse_data_file(phrases_in("<?xml version=\"1.0\" encoding=\"KLINGON-8\"?>\n", "x"), "k.xml", "phrases");
    ASSERT_TRUE(unknown.error);
    EXPECT_NE(unknown.error->message.find("KLINGON-8"), std::string::npos);
}

TEST(DataFileEncoding, Utf8BomAndCrlfWorkAndKeepLineNumbers) {
    const std::string text = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<phrases>\r\n  <group template=\"t\">"
                             "<phrase>合计</phrase></group>\r\n  <oops>\r\n</phrases>\r\n";
    DataFileResult result = parse_data_file(text, "crlf.xml", "phrases");
    ASSERT_TRUE(result.error);  // <oops> is never closed: the position must still be right
    EXPECT_EQ(result.error->position->line, 5u) << result.error->to_string();
    DataFileResult good = parse_data_file("\xEF\xBB\xBF" + phrases_in("", "合计"), "bom.xml", "phrases");
    ASSERT_TRUE(good.file) << good.error->to_string();
    EXPECT_EQ(first_phrase(good), "合计");
}

TEST(DataFileEncoding, Utf16WithAByteOrderMarkIsConverted) {
    const std::string utf8 = phrases_in("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n", "合计");
    std::string le = "\xFF\xFE";
    std::string be = "\xFE\xFF";
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = utf8::next_code_point(utf8, pos);
        le += static_cast<char>(cp & 0xFF);
        le += static_cast<char>(cp >> 8);
        be += static_cast<char>(cp >> 8);
        be += static_cast<char>(cp & 0xFF);
    }
    for (const std::string& text : {le, be}) {
        DataFileResult result = parse_data_file(text, "utf16.xml", "phrases");
        ASSERT_TRUE(result.file) << result.error->to_string();
        EXPECT_EQ(first_phrase(result), "合计");
    }
}

TEST_F(DataFileTest, ListsTheXmlFilesOfAFolderInNameOrder) {
    write("b.xml", "<a/>");
    write("a.xml", "<a/>");
    write("notes.txt", "not data");
    const std::vector<std::filesystem::path> files = data_files_in(dir_);
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].filename(), "a.xml");
    EXPECT_EQ(files[1].filename(), "b.xml");
    EXPECT_TRUE(data_files_in(dir_ / "absent").empty());
}

TEST(DataFile, ReadsAPhraseGroupLeavingOutEmptyPhrases) {
    DataFileResult result =
        parse_data_file("<p><g template=\"shanghai\"><phrase>甲</phrase><phrase/><other>乙</other><phrase>丙</phrase></g></p>",
                        "p.xml", "p");
    ASSERT_TRUE(result.file.has_value());
    const PhraseGroup group = read_phrase_group(result.file->root().child("g"));
    EXPECT_EQ(group.template_name, "shanghai");
    EXPECT_EQ(group.phrases, (std::vector<std::string>{"甲", "丙"}));
    EXPECT_TRUE(PhraseGroup::applies("", "national"));
    EXPECT_TRUE(PhraseGroup::applies("shanghai", "shanghai"));
    EXPECT_FALSE(PhraseGroup::applies("shanghai", "national"));
}

}  // namespace
}  // namespace fincheck
