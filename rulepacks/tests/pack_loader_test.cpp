// A pack is data an audit office writes by hand: every mistake must be rejected with the
// file, the line and the reason, before any report is checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <variant>

#include "fincheck/rulepacks/pack_library.hpp"
#include "test_support.hpp"

namespace fincheck::rulepacks {
namespace {

// The first problem (each test's packs have one).
PackError load_error(std::vector<std::pair<std::string, std::string>> texts) {
    auto result = PackLibrary::load_texts(texts);
    EXPECT_TRUE(std::holds_alternative<PackErrors>(result)) << "the packs loaded although they are broken";
    if (auto* e = std::get_if<PackErrors>(&result); e && !e->errors.empty()) return e->errors.front();
    return {};
}

const char* kTinyRoot = R"(<rulepack id="root" version="1">
  <tables><table id="01"><column key="决算数"/></table></tables>
</rulepack>
)";

TEST(PackLoader, LoadsTheShippedNationalAndShanghaiPacks) {
    auto result = PackLibrary::load({testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml"});
    ASSERT_TRUE(std::holds_alternative<PackLibrary>(result)) << std::get<PackErrors>(result).to_string();
    const auto& lib = std::get<PackLibrary>(result);
    EXPECT_EQ(lib.packs().size(), 2u);
    EXPECT_NE(lib.find("shanghai"), nullptr);
    EXPECT_GE(lib.rule_ids().size(), 20u);
}

TEST(PackLoader, ATemplateRefDeclaresThatTemplatesTables) {
    const char* rule = R"(
  <rule id="arith-a"><title zh="甲" en="a"/><check><left><cell table="08" row="合计" column="COLUMN"/></left>
    <right><cell table="08" row="合计" column="基本支出"/></right></check></rule>
</rulepack>
)";
    auto pack = [&](std::string_view ref, std::string_view column) {
        std::string text = std::string("<rulepack id=\"x\" version=\"1\">\n  <template ref=\"") + std::string(ref) +
                           "\"/>" + rule;
        return std::pair<std::string, std::string>{"t.xml", text.replace(text.find("COLUMN"), 6, column)};
    };
    // 年初结转和结余 is a column of the Shanghai 08 table, not of the national one.
    auto shanghai = PackLibrary::load_texts({pack("shanghai", "年初结转和结余")});
    EXPECT_TRUE(std::holds_alternative<PackLibrary>(shanghai)) << std::get<PackErrors>(shanghai).to_string();
    PackError national = load_error({pack("national", "年初结转和结余")});
    EXPECT_NE(national.message.find("refers to column \"年初结转和结余\" of table 08"), std::string::npos)
        << national.to_string();
    PackError unknown = load_error({pack("yunan", "基本支出")});
    EXPECT_EQ(unknown.to_string(), "t.xml:2: pack x refers to template yunan, which is not loaded (引用了未载入的模板)");
}

TEST(PackLoader, ATemplateRefAndTablesTogetherAreRejected) {
    PackError e = load_error({{"both.xml", "<rulepack id=\"x\" version=\"1\">\n<template ref=\"national\"/>\n"
                                           "<tables><table id=\"01\"/></tables>\n</rulepack>\n"}});
    EXPECT_EQ(e.to_string(), "both.xml:2: <template> and <tables> both declare the tables: give one (表声明重复)");
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

// The id's prefix decides which plugin runs a rule: arith (sums inside a table) or xtab (the
// same figure in two tables). Any other id would load and never run.
TEST(PackLoader, RejectsARuleIdOfNeitherFamilyWithItsLine) {
    auto pack_with = [](const std::string& id) {
        return std::pair<std::string, std::string>{"family.xml", R"(<rulepack id="x" version="1">
  <tables><table id="01"><column key="决算数"/><column key="预算数"/></table></tables>

  <rule id=")" + id + R"(">
    <title zh="甲" en="a"/>
    <check>
      <left><cell table="01" row="合计" column="决算数"/></left>
      <right><cell table="01" row="合计" column="预算数"/></right>
    </check>
  </rule>
</rulepack>
)"};
    };
    for (const char* id : {"tables-01-sum", "sum-01", "arith", "xtab-", "arithmetic-01", "years-01"}) {
        PackError e = load_error({pack_with(id)});
        EXPECT_EQ(e.to_string().substr(0, 13), "family.xml:4:") << id << ": " << e.to_string();
        EXPECT_NE(e.message.find("须以 arith-（表内合计）或 xtab-（表间勾稽）开头"), std::string::npos) << e.message;
        EXPECT_NE(e.message.find(" / rule id \"" + std::string(id) + "\" must start with arith- "), std::string::npos)
            << e.message;
    }
    for (const char* id : {"arith-01-sum", "xtab-01-01"}) {
        auto loaded = PackLibrary::load_texts({pack_with(id)});
        EXPECT_TRUE(std::holds_alternative<PackLibrary>(loaded)) << id << ": " << std::get<PackErrors>(loaded).to_string();
    }
}

// Each plugin runs its own family of the packs' rules and explains only those: a rule is never
// run twice, nor by no plugin.
TEST(PackPluginLoading, EachFamilyGetsOnlyItsOwnPackRules) {
    const auto env = testing::environment();
    const PackPlugin arith(testing::kArith, env);
    const PackPlugin xtab(testing::kXtab, env);
    auto library = PackLibrary::load({testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml"});
    std::vector<std::string> all = std::get<PackLibrary>(library).rule_ids();
    std::sort(all.begin(), all.end());
    std::vector<std::string> seen;
    for (const auto* plugin : {&arith, &xtab})
        for (const Rule* rule : plugin->rules()) seen.push_back(rule->meta().id);
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, all);
    for (const Rule* rule : xtab.rules()) {
        EXPECT_TRUE(rule->meta().id.starts_with("xtab-")) << rule->meta().id;
        EXPECT_EQ(rule->meta().docs, "plugins/xtab/rules/" + rule->meta().id + ".md");
    }
    for (const Rule* rule : arith.rules()) EXPECT_TRUE(rule->meta().id.starts_with("arith-")) << rule->meta().id;
    const Report report;
    for (const ExplainedRule& rule : xtab.explain(report).rules) EXPECT_TRUE(rule.rule_id.starts_with("xtab-"));
    for (const ExplainedRule& rule : arith.explain(report).rules) EXPECT_TRUE(rule.rule_id.starts_with("arith-"));
    EXPECT_FALSE(xtab.explain(report).rules.empty());
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

// <not-above>'s second cell is checked like the first: an undeclared column is an error at
// the condition's line, and the second cell cannot be left out.
TEST(PackLoader, ChecksBothCellsOfANotAboveCondition) {
    auto pack = [](const char* than) {
        return std::string(R"(<rulepack id="x" version="1">
  <tables><table id="01"><column key="决算数"/><column key="预算数"/></table></tables>
  <rule id="arith-a">
    <title zh="甲" en="a"/>
    <when><not-above table="01" row="合计" column="决算数" )") + than + R"(/></when>
    <check>
      <left><cell table="01" row="合计" column="预算数"/></left>
      <right><cell table="01" row="合计" column="决算数"/></right>
    </check>
  </rule>
</rulepack>
)";
    };
    EXPECT_TRUE(std::holds_alternative<PackLibrary>(
        PackLibrary::load_texts({{"ok.xml", pack(R"(than-table="01" than-row="合计" than-column="预算数")")}})));
    PackError e = load_error({{"column.xml", pack(R"(than-table="01" than-row="合计" than-column="调整数")")}});
    EXPECT_EQ(e.line, 5u) << e.to_string();
    EXPECT_NE(e.message.find("调整数"), std::string::npos) << e.message;
    PackError missing = load_error({{"missing.xml", pack(R"(than-row="合计" than-column="预算数")")}});
    EXPECT_EQ(missing.line, 5u) << missing.to_string();
    EXPECT_NE(missing.message.find("than-table"), std::string::npos) << missing.message;
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
  <applies><match template="child"/></applies>
  <override rule="arith-nowhere" severity="info"/>
</rulepack>
)"}});
    EXPECT_EQ(e.file, "child.xml");
    EXPECT_EQ(e.line, 3u) << e.to_string();
}

TEST(PackLoader, RejectsExtendingAPackThatIsNotLoaded) {
    PackError e = load_error({{"orphan.xml", "<rulepack id=\"orphan\" version=\"1\" extends=\"missing\">\n"
                                             "<applies><match template=\"t\"/></applies></rulepack>\n"}});
    EXPECT_EQ(e.line, 1u);
    EXPECT_NE(e.message.find("missing"), std::string::npos);
}

TEST(PackLoader, RejectsABadSeverityAndABadTolerance) {
    PackError e = load_error({{"sev.xml", "<rulepack id=\"x\" version=\"1\">\n<tolerance extra=\"-1\"/>\n</rulepack>\n"}});
    EXPECT_EQ(e.line, 2u) << e.to_string();
}

TEST(PackLoader, ThePluginRefusesABrokenExtraPackNamingFileAndLine) {
    auto dir = std::filesystem::temp_directory_path() / "fincheck-rulepacks-loader-test";
    std::filesystem::create_directories(dir);
    auto file = dir / "broken.xml";
    {
        std::ofstream out(file);
        out << "<rulepack id=\"broken\" version=\"1\" extends=\"national\">\n\n  <disable rule=\"no-such-rule\"/>\n</rulepack>\n";
    }
    try {
        auto plugin = testing::make_pack_plugins({}, {file});
        FAIL() << "the plugin accepted a broken pack";
    } catch (const std::runtime_error& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("broken.xml:3:"), std::string::npos) << what;
    }
}

}  // namespace
}  // namespace fincheck::rulepacks

namespace fincheck::rulepacks {
namespace {

// The schema is what editors and CI validate packs with; the shipped packs and the documented
// example must satisfy it (xmllint is part of the toolchain, tools/install-deps.sh).
TEST(PackSchema, ShippedPacksAndTheDocumentedExampleValidate) {
    auto schema = std::filesystem::path(FINCHECK_SOURCE_DIR) / "schemas" / "rulepack.xsd";
    for (auto file : {testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml",
                      testing::test_pack_dir() / "wuhan.xml"}) {
        std::string command = "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "' 2>/dev/null";
        EXPECT_EQ(std::system(command.c_str()), 0) << file;
    }
}

TEST(PackSchema, RejectsAPackWithAnUnknownElement) {
    auto schema = std::filesystem::path(FINCHECK_SOURCE_DIR) / "schemas" / "rulepack.xsd";
    auto file = std::filesystem::temp_directory_path() / "fincheck-rulepacks-schema-bad.xml";
    {
        std::ofstream out(file);
        out << "<rulepack id=\"x\" version=\"1\"><rules/></rulepack>\n";
    }
    std::string command = "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "' 2>/dev/null";
    EXPECT_NE(std::system(command.c_str()), 0);
}

// The schema says what the loader says about a rule id: arith- or xtab-, nothing else.
TEST(PackSchema, AcceptsOnlyRuleIdsOfTheTwoFamilies) {
    auto schema = std::filesystem::path(FINCHECK_SOURCE_DIR) / "schemas" / "rulepack.xsd";
    auto file = std::filesystem::temp_directory_path() / "fincheck-rulepacks-schema-family.xml";
    auto validates = [&](const std::string& id) {
        std::ofstream(file) << "<rulepack id=\"x\" version=\"1\">\n  <rule id=\"" << id
                            << "\"><title zh=\"甲\" en=\"a\"/><check><left><cell table=\"01\" row=\"合计\" "
                               "column=\"决算数\"/></left><right><cell table=\"01\" row=\"合计\" "
                               "column=\"预算数\"/></right></check></rule>\n</rulepack>\n";
        std::string command = "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "' 2>/dev/null";
        return std::system(command.c_str()) == 0;
    };
    EXPECT_TRUE(validates("arith-01-sum"));
    EXPECT_TRUE(validates("xtab-01-02"));
    EXPECT_FALSE(validates("tables-01-sum"));
    EXPECT_FALSE(validates("sum-01"));
    std::filesystem::remove(file);
}

// A root whose table 09 declares its columns and its one named row, for the row checks.
const char* kRowRoot = R"(<rulepack id="root" version="1">
  <tables><table id="09"><column key="决算数/合计"/><row key="合计"/></table></tables>
</rulepack>
)";

std::string child_with(const std::string& body, const std::string& applies = "<match template=\"t\"/>") {
    return "<rulepack id=\"child\" version=\"1\" extends=\"root\">\n  <applies>" + applies + "</applies>\n" + body +
           "</rulepack>\n";
}

const char* kRuleOn09 = R"(  <rule id="arith-09-x">
    <title zh="t" en="t"/>
    <check><left><cell table="09" row="ROW" column="决算数/合计"/></left><right><cell table="09" row="合计" column="决算数/合计"/></right></check>
  </rule>
)";

std::string rule_on_09(const std::string& row) {
    std::string text = kRuleOn09;
    text.replace(text.find("ROW"), 3, row);
    return text;
}

RegionNames test_regions() {
    auto loaded = RegionNames::load_texts({{"regions.xml", R"(<regions>
  <region name="上海市"><region name="普陀区"/></region>
  <region name="湖北省"><region name="武汉市"><region name="汉阳区"/></region></region>
</regions>)"}});
    return std::get<RegionNames>(std::move(loaded));
}

TEST(PackValidation, KnowsRegionNamesAndTheirChains) {
    RegionNames regions = test_regions();
    for (const char* name : {"上海市", "上海市普陀区", "湖北省武汉市汉阳区", "武汉市汉阳区", "武汉市", "汉阳区"})
        EXPECT_TRUE(regions.known(name)) << name;
    for (const char* name : {"上海普陀区", "上海", "普陀区上海市", "湖北省汉阳区"}) EXPECT_FALSE(regions.known(name)) << name;
}

TEST(PackValidation, ARegionPrefixTypoIsAnErrorWithTheNearestRegion) {
    RegionNames regions = test_regions();
    auto result = PackLibrary::load_texts(
        {{"root.xml", kRowRoot}, {"putuo.xml", child_with("", "<match region-prefix=\"上海普陀区\"/>")}}, &regions);
    ASSERT_TRUE(std::holds_alternative<PackErrors>(result));
    const PackError& e = std::get<PackErrors>(result).errors.front();
    EXPECT_EQ(e.to_string().rfind("putuo.xml:2: ", 0), 0u) << e.to_string();
    EXPECT_NE(e.message.find("did you mean 上海市普陀区?"), std::string::npos) << e.message;
    EXPECT_TRUE(std::holds_alternative<PackLibrary>(PackLibrary::load_texts(
        {{"root.xml", kRowRoot}, {"putuo.xml", child_with("", "<match region-prefix=\"上海市普陀区\"/>")}}, &regions)));
}

TEST(PackValidation, ARowKeyTypoIsAnErrorWithTheNearestRow) {
    PackError e = load_error({{"root.xml", kRowRoot}, {"child.xml", child_with(rule_on_09("总计"))}});
    EXPECT_EQ(e.file, "child.xml");
    EXPECT_EQ(e.line, 5u) << e.to_string();
    EXPECT_NE(e.message.find("row \"总计\""), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("did you mean 合计?"), std::string::npos) << e.message;
    // Codes need no declaration; a declared row passes.
    for (const char* row : {"合计", "2210201", "expenditure/221"})
        EXPECT_TRUE(std::holds_alternative<PackLibrary>(
            PackLibrary::load_texts({{"root.xml", kRowRoot}, {"child.xml", child_with(rule_on_09(row))}})))
            << row;
}

TEST(PackValidation, APackThatDisablesItsOwnRuleIsAnError) {
    PackError e = load_error({{"root.xml", kRowRoot},
                              {"child.xml", child_with(rule_on_09("合计") + "  <disable rule=\"arith-09-x\"/>\n")}});
    EXPECT_EQ(e.line, 7u) << e.to_string();
    EXPECT_NE(e.message.find("which it defines itself"), std::string::npos) << e.message;
}

TEST(PackValidation, AnUndefinedPlaceholderIsAnErrorWithTheNearestName) {
    std::string rule = rule_on_09("合计");
    rule.insert(rule.find("    <check>"), "    <message zh=\"{check}：{actaul}\" en=\"{check_en}: {actual} vs {expected}\"/>\n");
    PackError e = load_error({{"root.xml", kRowRoot}, {"child.xml", child_with(rule)}});
    EXPECT_EQ(e.line, 3u) << e.to_string();
    EXPECT_NE(e.message.find("{actaul}"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("did you mean actual?"), std::string::npos) << e.message;
}

TEST(PackValidation, DuplicateDefinitionsAreErrors) {
    PackError table = load_error({{"dup.xml", R"(<rulepack id="dup" version="1">
  <tables><table id="09"/>
  <table id="09"/></tables>
</rulepack>
)"}});
    EXPECT_EQ(table.line, 3u) << table.to_string();
    EXPECT_NE(table.message.find("twice"), std::string::npos);
    PackError column = load_error({{"dup.xml", "<rulepack id=\"dup\" version=\"1\">\n<tables><table id=\"09\">\n"
                                               "<column key=\"a\"/>\n<column key=\"a\"/></table></tables></rulepack>\n"}});
    EXPECT_EQ(column.line, 4u) << column.to_string();
    PackError pack_id = load_error({{"dir/a.xml", kRowRoot}, {"dir/b.xml", kRowRoot}});
    EXPECT_EQ(pack_id.file, "dir/b.xml");
    EXPECT_NE(pack_id.message.find("dir/a.xml"), std::string::npos);
}

TEST(PackValidation, APackThatCanNeverBeSelectedIsAnError) {
    PackError e = load_error({{"root.xml", kRowRoot},
                              {"lost.xml", "<rulepack id=\"lost\" version=\"1\" extends=\"root\">\n</rulepack>\n"}});
    EXPECT_EQ(e.file, "lost.xml");
    EXPECT_NE(e.message.find("never selected"), std::string::npos) << e.message;
}

TEST(PackValidation, EveryBrokenPackOfAFolderIsReportedAtOnce) {
    auto result = PackLibrary::load_texts({{"root.xml", kRowRoot},
                                           {"a.xml", "<rulepack id=\"a\" version=\"1\" extends=\"root\">\n<bogus/>\n</rulepack>\n"},
                                           {"b.xml", child_with(rule_on_09("总计"))},
                                           {"c.xml", "<rulepack"}});
    ASSERT_TRUE(std::holds_alternative<PackErrors>(result));
    const std::string all = std::get<PackErrors>(result).to_string();
    for (const char* where : {"a.xml:2: ", "b.xml:5: ", "c.xml:1: "}) EXPECT_NE(all.find(where), std::string::npos) << all;
}

TEST(PackPluginLoading, NoFallbackPackIsAnErrorUnlessAllowed) {
    PluginEnvironment env;
    env.data_dirs = {testing::data_dir()};
    EXPECT_THROW(std::make_unique<PackPlugin>(testing::kArith, env), std::runtime_error);
    env.settings["require-pack"] = "false";
    EXPECT_NO_THROW(std::make_unique<PackPlugin>(testing::kArith, env));
    env.settings["requir-pack"] = "false";
    try {
        std::make_unique<PackPlugin>(testing::kArith, env);
        ADD_FAILURE() << "an unknown setting was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean require-pack?"), std::string::npos) << e.what();
    }
}

// A region's template is a file in templates/ of a data dir, which its pack can name; a broken
// one stops the plugin with the file and line.
TEST(PackPluginLoading, ARegionTemplateComesFromTheDataDirs) {
    const auto dir = std::filesystem::temp_directory_path() / "fincheck-rulepacks-region-template";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "templates");
    std::filesystem::create_directories(dir / "rulepacks");
    std::filesystem::copy_file(std::filesystem::path(FINCHECK_SOURCE_DIR) / "templates/tests/data/eleven/eleven.xml",
                               dir / "templates" / "eleven.xml");
    std::ofstream(dir / "rulepacks" / "eleven.xml") << R"(<rulepack id="eleven" version="1" extends="national">
  <applies><match template="test-eleven"/></applies>
  <template ref="test-eleven"/>
  <rule id="arith-10-total"><title zh="甲" en="a"/><check><left><cell table="10" row="合计" column="实际采购金额"/></left>
    <right><cell table="10" row="合计" column="采购预算"/></right></check></rule>
</rulepack>
)";
    PluginEnvironment env;
    env.data_dirs = {testing::data_dir(), dir};
    env.rule_packs = {testing::pack_dir() / "national.xml"};
    std::unique_ptr<Plugin> plugin;
    EXPECT_NO_THROW(plugin = std::make_unique<PackPlugin>(testing::kArith, env));
    ASSERT_NE(plugin, nullptr);
    EXPECT_NO_THROW(testing::rule_of(*plugin, "arith-10-total"));

    std::ofstream(dir / "templates" / "eleven.xml", std::ios::app) << "<broken";
    try {
        std::make_unique<PackPlugin>(testing::kArith, env);
        ADD_FAILURE() << "a broken template was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("eleven.xml:"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(dir);
}

TEST(PackPluginLoading, TheShippedPacksPassEveryCheckAgainstTheShippedRegions) {
    EXPECT_NO_THROW(testing::make_pack_plugins());
    EXPECT_NO_THROW(testing::make_pack_plugins({}, {testing::test_pack_dir() / "wuhan.xml"}));
}

}  // namespace
}  // namespace fincheck::rulepacks
