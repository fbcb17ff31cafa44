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

// An engine over the test plugins (and `extra_dir`, if given) whose fincheck.xml, found by
// lookup in a fresh folder, holds `text`.
EngineCreation engine_with_config(const std::string& folder, const std::string& text, const std::string& extra_dir = {}) {
    fs::path root = test::scratch_dir(folder);
    test::write_file(root / "fincheck.xml", text);
    EngineOptions options = test::options_for_dir(FINCHECK_TEST_PLUGIN_DIR);
    if (!extra_dir.empty()) options.search.plugin_dirs.push_back(extra_dir);
    options.config_search_from = root;
    return Engine::create(options);
}

TEST(ConfigLookup, EngineReportsAMalformedConfigFoundByLookup) {
    const fs::path root = test::scratch_dir("config-engine");  // the folder engine_with_config writes to
    EngineCreation created = engine_with_config("config-engine", "<fincheck>\n<tolerance half-unit=\"abc\"/>\n</fincheck>\n");
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

TEST(Config, AnUnknownVersionIsAnError) {
    ConfigResult parsed = parse_config("<?xml version=\"1.0\"?>\n<fincheck version=\"2\">\n</fincheck>\n", "f.xml");
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->line, 2u);
    EXPECT_NE(parsed.error->message.find("unsupported config version \"2\""), std::string::npos) << parsed.error->message;
    EXPECT_TRUE(parse_config("<fincheck version=\"1\"/>", "f.xml").config);
}

// Each of these defines one thing twice; one of the two would silently lose.
TEST(Config, EveryDuplicateDefinitionIsAnErrorNamingBothLines) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<rules select=\"a\"/>", "<rules select=\"b\"/>"},
        {"<tolerance extra=\"0\"/>", "<tolerance half-unit=\"0.005\"/>"},
        {"<rule id=\"a-*\" severity=\"info\"/>", "<rule id=\"a-*\" enabled=\"false\"/>"},
        {"<rulepack path=\"p.xml\"/>", "<rulepack path=\"./p.xml\"/>"},
        {"<plugin-dir path=\"/x\"/>", "<plugin-dir path=\"/x\"/>"},
        {"<data-dir path=\"d\"/>", "<data-dir path=\"d\"/>"},
        {"<plugin name=\"arith\"/>", "<plugin name=\"arith\" enabled=\"false\"/>"},
        {"<rule id=\"a\"><option name=\"x\" value=\"1\"/>", "<option name=\"x\" value=\"2\"/></rule>"},
        {"<plugin name=\"p\"><setting name=\"s\" value=\"1\"/>", "<setting name=\"s\" value=\"2\"/></plugin>"},
    };
    for (const auto& [first, second] : cases) {
        ConfigResult parsed = parse_config("<fincheck>\n" + first + "\n" + second + "\n</fincheck>\n", "/c/fincheck.xml");
        ASSERT_TRUE(parsed.error) << first;
        EXPECT_EQ(parsed.error->line, 3u) << first;
        EXPECT_NE(parsed.error->message.find("first defined at line 2"), std::string::npos) << parsed.error->message;
    }
}

TEST(Config, PluginsCanBeDisabledByName) {
    ConfigResult parsed = parse_config("<fincheck><plugin name=\"narrative\" enabled=\"false\"/></fincheck>", "f.xml");
    ASSERT_TRUE(parsed.config);
    EXPECT_TRUE(parsed.config->plugin_disabled("narrative"));
    EXPECT_FALSE(parsed.config->plugin_disabled("arith"));
}

// tables was split into arith and xtab: its old name, with settings or only enabled="false",
// is an error that shows the element to write instead, not a setting that no plugin reads.
TEST(Config, TheRetiredTablesPluginNameIsAnErrorShowingTheReplacement) {
    ConfigResult parsed = parse_config(
        "<fincheck>\n  <plugin name=\"tables\" enabled=\"false\"><setting name=\"require-pack\" value=\"false\"/></plugin>\n"
        "</fincheck>\n",
        "/c/fincheck.xml");
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->line, 2u);
    EXPECT_EQ(parsed.error->column, 3u);
    const std::string& message = parsed.error->message;
    EXPECT_TRUE(message.starts_with("插件 tables 已拆分为 arith")) << message;
    for (const char* name : {"arith", "xtab"})
        EXPECT_NE(message.find(std::string("<plugin name=\"") + name +
                               "\" enabled=\"false\"><setting name=\"require-pack\" value=\"false\"/></plugin>"),
                  std::string::npos)
            << message;
    EXPECT_NE(message.find(" / the tables plugin was split into arith"), std::string::npos) << message;

    // Names that merely resemble it are the loaded-plugin check's business, not this one's.
    EXPECT_TRUE(parse_config("<fincheck><plugin name=\"table\"/><plugin name=\"xtab\"/></fincheck>", "f.xml").config);
}

TEST(ConfigLookup, SettingsForAPluginThatIsNotLoadedAreAnError) {
    EngineCreation created = engine_with_config(
        "config-unknown-plugin", "<fincheck>\n  <plugin name=\"test-godo\"><setting name=\"a\" value=\"b\"/></plugin>\n</fincheck>\n");
    ASSERT_TRUE(created.error);
    EXPECT_EQ(created.error->line, 2u);
    EXPECT_NE(created.error->message.find("did you mean test-good?"), std::string::npos) << created.error->message;
}

TEST(ConfigLookup, APluginThatFailsToLoadIsAnErrorUnlessDisabled) {
    EngineCreation created = engine_with_config("config-broken-plugins", "<fincheck/>", FINCHECK_TEST_BROKEN_PLUGIN_DIR);
    ASSERT_TRUE(created.error);
    EXPECT_NE(created.error->to_string().find("fincheck_test_throwing_create.so [create-failed]"), std::string::npos);
    EXPECT_NE(created.error->to_string().find("fincheck_junk.so [not-loadable]"), std::string::npos);

    created = engine_with_config("config-disabled-plugins", R"(<fincheck version="1">
  <plugin name="junk" enabled="false"/><plugin name="no-alias" enabled="false"/>
  <plugin name="test-throwing-create" enabled="false"/><plugin name="test-wrong-abi" enabled="false"/>
  <plugin name="test-duplicate" enabled="false"/>
</fincheck>)", FINCHECK_TEST_BROKEN_PLUGIN_DIR);
    EXPECT_TRUE(created.engine) << created.error->to_string();
}

TEST(Config, ADeclaredGbkConfigIsReadAndAnUndeclaredOneIsAnError) {
    // <setting value="合计"> with 合计 in GBK.
    const std::string body = "<fincheck version=\"1\">\n<plugin name=\"p\"><setting name=\"s\" value=\"\xBA\xCF\xBC\xC6\"/></plugin>\n</fincheck>\n";
    ConfigResult gbk = parse_config("<?xml version=\"1.0\" encoding=\"GBK\"?>\n" + body, "f.xml");
    ASSERT_TRUE(gbk.config) << gbk.error->to_string();
    EXPECT_EQ(gbk.config->plugin_settings.at("p").at("s"), "合计");
    ConfigResult undeclared = parse_config("<?xml version=\"1.0\"?>\n" + body, "f.xml");
    ASSERT_TRUE(undeclared.error);
    EXPECT_EQ(undeclared.error->to_string().rfind("f.xml:3:", 0), 0u) << undeclared.error->to_string();
    EXPECT_NE(undeclared.error->message.find("not UTF-8"), std::string::npos);
    ConfigResult crlf_bom = parse_config("\xEF\xBB\xBF<fincheck version=\"1\">\r\n<rules select=\"a\"/>\r\n<bad/>\r\n</fincheck>\r\n", "f.xml");
    ASSERT_TRUE(crlf_bom.error);
    EXPECT_EQ(crlf_bom.error->line, 3u);
    EXPECT_EQ(crlf_bom.error->column, 1u);
}

TEST(EngineCreation, AnEmptyPluginSearchPathIsAnError) {
    EngineCreation created = Engine::create(test::options_for_dir(test::scratch_dir("no-plugins")));
    ASSERT_TRUE(created.error);
    EXPECT_NE(created.error->message.find("no rule plugin was found"), std::string::npos) << created.error->message;
    EngineOptions listing = test::options_for_dir(test::scratch_dir("no-plugins-listing"));
    listing.tolerate_plugin_problems = true;  // `fincheck plugins` still shows the empty search path
    EXPECT_TRUE(Engine::create(listing).engine);
}

}  // namespace
}  // namespace fincheck::engine
