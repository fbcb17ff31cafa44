#include <gtest/gtest.h>

#include <cstdlib>

#include "fincheck/engine/config.hpp"
#include "fincheck/engine/engine.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

namespace fs = std::filesystem;

const char* const kFullConfig = R"(<?xml version="1.0" encoding="UTF-8"?>
<fincheck version="1">
  <rules select="arith-*,-arith-col"/>
  <tolerance half-unit="0.005" extra="0.02"/>
  <rule id="narrative-*" severity="info"/>
  <rule id="years-title" enabled="false"/>
  <rule id="arith-row"><option name="min-parts" value="2"/></rule>
  <rulepack path="packs/shanghai.xml"/>
  <plugin-dir path="/opt/plugins"/>
  <data-dir path="data"/>
  <plugin name="narrative"><setting name="lexicon" value="zh.txt"/></plugin>
</fincheck>)";

TEST(Config, ReadsEveryElement) {
    ConfigResult parsed = parse_config(kFullConfig, "/etc/fc/fincheck.xml");
    ASSERT_TRUE(parsed.config) << parsed.error->to_string();
    const Config& config = *parsed.config;
    EXPECT_EQ(config.select, "arith-*,-arith-col");
    EXPECT_EQ(config.extra, Decimal::from_units(20'000));
    ASSERT_EQ(config.rules.size(), 3u);
    EXPECT_EQ(config.rules[0].severity, Severity::info);
    EXPECT_EQ(config.rules[1].enabled, false);
    EXPECT_EQ(config.rules[2].options.at("min-parts"), "2");
    EXPECT_EQ(config.rules[2].position.line, 7u);
    EXPECT_EQ(config.rule_packs, (std::vector<fs::path>{"/etc/fc/packs/shanghai.xml"}));
    EXPECT_EQ(config.plugin_dirs, (std::vector<fs::path>{"/opt/plugins"}));
    EXPECT_EQ(config.data_dirs, (std::vector<fs::path>{"/etc/fc/data"}));
    EXPECT_EQ(config.plugin_settings.at("narrative").at("lexicon"), "zh.txt");
}

TEST(Config, TheSchemaAcceptsWhatTheParserAccepts) {
    fs::path dir = test::scratch_dir("config-schema");
    test::write_file(dir / "fincheck.xml", kFullConfig);
    std::string command = std::string("xmllint --noout --schema '") + FINCHECK_CONFIG_XSD + "' '" +
                          (dir / "fincheck.xml").string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST(Config, MalformedXmlNamesFileLineAndColumn) {
    ConfigResult parsed = parse_config("<fincheck>\n  <rule id=\"a\">\n</fincheck>\n", "conf/fincheck.xml");
    ASSERT_FALSE(parsed.config);
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->file, "conf/fincheck.xml");
    EXPECT_EQ(parsed.error->line, 3u);
    EXPECT_GT(parsed.error->column, 0u);
    EXPECT_EQ(parsed.error->to_string().rfind("conf/fincheck.xml:3:", 0), 0u) << parsed.error->to_string();
}

TEST(Config, UnknownElementIsAnErrorAtItsPosition) {
    ConfigResult parsed = parse_config("<fincheck>\n  <rules select=\"*\"/>\n  <ruels/>\n</fincheck>", "f.xml");
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->line, 3u);
    EXPECT_EQ(parsed.error->column, 3u);
    EXPECT_NE(parsed.error->message.find("ruels"), std::string::npos);
}

TEST(Config, BadSeverityIsAnErrorNamingTheValue) {
    ConfigResult parsed = parse_config("<fincheck>\n\n <rule id=\"x\" severity=\"fatal\"/></fincheck>", "f.xml");
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->line, 3u);
    EXPECT_EQ(parsed.error->column, 2u);
    EXPECT_NE(parsed.error->message.find("fatal"), std::string::npos);
}

TEST(Config, ColumnsCountCharactersNotBytes) {
    ConfigResult parsed = parse_config("<fincheck><!--中文--><bad/></fincheck>", "f.xml");
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->line, 1u);
    EXPECT_EQ(parsed.error->column, 20u);
}

TEST(Config, NegativeToleranceIsRefused) {
    ConfigResult parsed = parse_config("<fincheck><tolerance extra=\"-1\"/></fincheck>", "f.xml");
    ASSERT_TRUE(parsed.error);
    EXPECT_NE(parsed.error->message.find("extra"), std::string::npos);
}

TEST(ConfigLookup, FindsTheNearestFincheckXmlUpward) {
    fs::path root = test::scratch_dir("config-lookup");
    fs::create_directories(root / "a" / "b" / "c");
    test::write_file(root / "a" / "fincheck.xml", "<fincheck/>");
    EXPECT_EQ(find_config(root / "a" / "b" / "c"), root / "a" / "fincheck.xml");
    test::write_file(root / "a" / "b" / "fincheck.xml", "<fincheck/>");
    EXPECT_EQ(find_config(root / "a" / "b" / "c"), root / "a" / "b" / "fincheck.xml");
}

TEST(ConfigLookup, EngineReportsAMalformedConfigFoundByLookup) {
    fs::path root = test::scratch_dir("config-engine");
    test::write_file(root / "fincheck.xml", "<fincheck>\n<tolerance half-unit=\"abc\"/>\n</fincheck>\n");
    EngineOptions options = test::options_for_dir(FINCHECK_TEST_PLUGIN_DIR);
    options.config_search_from = root;
    EngineCreation created = Engine::create(options);
    ASSERT_FALSE(created.engine);
    ASSERT_TRUE(created.error);
    EXPECT_EQ(created.error->file, (root / "fincheck.xml").string());
    EXPECT_EQ(created.error->line, 2u);
}

TEST(ConfigLookup, MissingExplicitConfigIsAnError) {
    EngineOptions options = test::options_for_dir(FINCHECK_TEST_PLUGIN_DIR);
    options.config_file = "/no/such/fincheck.xml";
    EngineCreation created = Engine::create(options);
    ASSERT_TRUE(created.error);
    EXPECT_EQ(created.error->file, "/no/such/fincheck.xml");
}

}  // namespace
}  // namespace fincheck::engine
