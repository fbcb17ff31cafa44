// A pack is data an audit office writes by hand: every mistake must be rejected with the
// file, the line and the reason, before any report is checked.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <variant>

#include "pack/pack_library.hpp"
#include "test_support.hpp"

namespace fincheck::tables {
namespace {

PackError load_error(std::vector<std::pair<std::string, std::string>> texts) {
    auto result = PackLibrary::load_texts(texts);
    EXPECT_TRUE(std::holds_alternative<PackError>(result)) << "the packs loaded although they are broken";
    if (auto* e = std::get_if<PackError>(&result)) return *e;
    return {};
}

const char* kTinyRoot = R"(<rulepack id="root" version="1">
  <tables><table id="01"><column key="决算数"/></table></tables>
</rulepack>
)";

TEST(PackLoader, LoadsTheShippedNationalAndShanghaiPacks) {
    auto result = PackLibrary::load({testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml"});
    ASSERT_TRUE(std::holds_alternative<PackLibrary>(result)) << std::get<PackError>(result).to_string();
    const auto& lib = std::get<PackLibrary>(result);
    EXPECT_EQ(lib.packs().size(), 2u);
    EXPECT_NE(lib.find("shanghai"), nullptr);
    EXPECT_GE(lib.rule_ids().size(), 20u);
}

TEST(PackLoader, RejectsMalformedXmlWithItsLine) {
    PackError e = load_error({{"broken.xml", "<rulepack id=\"x\" version=\"1\">\n  <tables>\n  <rule id=\"a\">\n</rulepack>\n"}});
    EXPECT_EQ(e.file, "broken.xml");
    EXPECT_EQ(e.line, 4u) << e.to_string();
    EXPECT_NE(e.message.find("malformed XML"), std::string::npos) << e.message;
}

TEST(PackLoader, RejectsAnUnknownAttributeWithItsLine) {
    PackError e = load_error({{"typo.xml", R"(<rulepack id="x" version="1">
  <tables><table id="01"><column key="决算数"/></table></tables>
  <rule id="arith-a">
    <title zh="甲" en="a"/>
    <check opp="eq">
      <left><cell table="01" row="合计" column="决算数"/></left>
      <right><cell table="01" row="合计" column="决算数"/></right>
    </check>
  </rule>
</rulepack>
)"}});
    EXPECT_EQ(e.line, 5u) << e.to_string();
    EXPECT_NE(e.message.find("opp"), std::string::npos) << e.message;
}

TEST(PackLoader, RejectsAReferenceToATableTheTemplateDoesNotDeclare) {
    PackError e = load_error({{"tables.xml", R"(<rulepack id="x" version="1">
  <tables><table id="01"><column key="决算数"/></table></tables>
  <rule id="xtab-a">
    <title zh="甲" en="a"/>
    <check>
      <left><cell table="01" row="合计" column="决算数"/></left>
      <right><cell table="10" row="合计" column="决算数"/></right>
    </check>
  </rule>
</rulepack>
)"}});
    EXPECT_EQ(e.line, 7u) << e.to_string();
    EXPECT_NE(e.message.find("\"10\""), std::string::npos) << e.message;
}

TEST(PackLoader, RejectsAReferenceToAnUndeclaredColumn) {
    PackError e = load_error({{"columns.xml", R"(<rulepack id="x" version="1">
  <tables><table id="01"><column key="决算数"/></table></tables>
  <rule id="arith-a">
    <title zh="甲" en="a"/>
    <check>
      <left><cell table="01" row="合计" column="预算数"/></left>
      <right><cell table="01" row="合计" column="决算数"/></right>
    </check>
  </rule>
</rulepack>
)"}});
    EXPECT_EQ(e.line, 6u) << e.to_string();
    EXPECT_NE(e.message.find("预算数"), std::string::npos) << e.message;
}

TEST(PackLoader, ChecksEveryValueOfALiteralLoopAgainstTheDeclaredColumns) {
    PackError e = load_error({{"loop.xml", R"(<rulepack id="x" version="1">
  <tables><table id="09"><column key="预算数/合计"/><column key="决算数/合计"/></table></tables>
  <rule id="arith-a">
    <title zh="甲" en="a"/>
    <check>
      <each var="g" values="预算数|决算数|执行数"/>
      <left><cell table="09" row="合计" column="{g}/合计"/></left>
      <right><cell table="09" row="合计" column="{g}/合计"/></right>
    </check>
  </rule>
</rulepack>
)"}});
    EXPECT_EQ(e.line, 7u) << e.to_string();
    EXPECT_NE(e.message.find("执行数/合计"), std::string::npos) << e.message;
}

TEST(PackLoader, RejectsOverridingARuleNoParentDefines) {
    PackError e = load_error({{"root.xml", kTinyRoot}, {"child.xml", R"(<rulepack id="child" version="1" extends="root">

  <override rule="arith-nowhere" severity="info"/>
</rulepack>
)"}});
    EXPECT_EQ(e.file, "child.xml");
    EXPECT_EQ(e.line, 3u) << e.to_string();
}

TEST(PackLoader, RejectsExtendingAPackThatIsNotLoaded) {
    PackError e = load_error({{"orphan.xml", "<rulepack id=\"orphan\" version=\"1\" extends=\"missing\"/>\n"}});
    EXPECT_EQ(e.line, 1u);
    EXPECT_NE(e.message.find("missing"), std::string::npos);
}

TEST(PackLoader, RejectsABadSeverityAndABadTolerance) {
    PackError e = load_error({{"sev.xml", "<rulepack id=\"x\" version=\"1\">\n<tolerance extra=\"-1\"/>\n</rulepack>\n"}});
    EXPECT_EQ(e.line, 2u) << e.to_string();
}

TEST(PackLoader, ThePluginRefusesABrokenExtraPackNamingFileAndLine) {
    auto dir = std::filesystem::temp_directory_path() / "fincheck-tables-loader-test";
    std::filesystem::create_directories(dir);
    auto file = dir / "broken.xml";
    {
        std::ofstream out(file);
        out << "<rulepack id=\"broken\" version=\"1\" extends=\"national\">\n\n  <disable rule=\"no-such-rule\"/>\n</rulepack>\n";
    }
    try {
        auto plugin = testing::make_plugin({}, {file});
        FAIL() << "the plugin accepted a broken pack";
    } catch (const std::runtime_error& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("broken.xml:3:"), std::string::npos) << what;
    }
}

}  // namespace
}  // namespace fincheck::tables

namespace fincheck::tables {
namespace {

// The schema is what editors and CI validate packs with; the shipped packs and the documented
// example must satisfy it (xmllint is part of the toolchain, tools/install-deps.sh).
TEST(PackSchema, ShippedPacksAndTheDocumentedExampleValidate) {
    auto schema = std::filesystem::path(FINCHECK_SOURCE_DIR) / "schemas" / "rulepack.xsd";
    for (auto file : {testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml",
                      testing::fixture_dir() / "packs" / "wuhan.xml"}) {
        std::string command = "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "' 2>/dev/null";
        EXPECT_EQ(std::system(command.c_str()), 0) << file;
    }
}

TEST(PackSchema, RejectsAPackWithAnUnknownElement) {
    auto schema = std::filesystem::path(FINCHECK_SOURCE_DIR) / "schemas" / "rulepack.xsd";
    auto file = std::filesystem::temp_directory_path() / "fincheck-tables-schema-bad.xml";
    {
        std::ofstream out(file);
        out << "<rulepack id=\"x\" version=\"1\"><rules/></rulepack>\n";
    }
    std::string command = "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "' 2>/dev/null";
    EXPECT_NE(std::system(command.c_str()), 0);
}

}  // namespace
}  // namespace fincheck::tables
