// The plugin's phrase data: it loads, and a broken file is reported with file, line and column.
// The rules' fixtures run in the generic driver (tests/rule_fixtures).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fincheck/testing.hpp"
#include "phrase_data.hpp"
#include "structure_rules.hpp"

namespace fincheck::structure {
namespace {

const std::filesystem::path kPluginDir = std::filesystem::path(FINCHECK_SOURCE_DIR) / "plugins" / "structure";

PhraseData source_phrases() {
    PhraseData data;
    data.load_file(kPluginDir / "data" / "structure-phrases.xml");
    return data;
}

TEST(StructurePhraseData, PhraseDataLoadsWithoutProblems) {
    const PhraseData data = source_phrases();
    EXPECT_TRUE(data.problems.empty());
    EXPECT_FALSE(data.wrong_level.empty());
    EXPECT_FALSE(data.instructions.empty());
    EXPECT_EQ(data.required_for("shanghai").size(), 9u);
}

// Loads phrase data written to a scratch file named `name`; `file` receives its path.
PhraseData phrases_from(const std::string& name, const std::string& xml, std::filesystem::path& file) {
    const auto dir = std::filesystem::temp_directory_path() / ("fincheck-structure-" + name);
    std::filesystem::create_directories(dir);
    file = dir / (name + ".xml");
    std::ofstream(file, std::ios::binary) << xml;
    PhraseData data;
    data.load_file(file);
    std::filesystem::remove_all(dir);
    return data;
}

TEST(StructurePhraseData, MalformedPhraseFileIsReportedWithFileLineAndColumn) {
    std::filesystem::path file;
    const PhraseData data =
        phrases_from("broken", "<phrases>\n  <wrong-level report-level=\"district\">\n</phrases>\n", file);
    ASSERT_EQ(data.problems.size(), 1u);
    EXPECT_EQ(data.problems[0].rfind(file.string() + ":3:", 0), 0u) << data.problems[0];
}


TEST(StructurePhraseData, ObsoleteClassNameIsSilentBeforeTheRenaming) {
    Report report;
    report.meta.fiscal_year = 2018;
    report.blocks.push_back(Block{BlockKind::paragraph, "文化体育与传媒支出12.00万元。", -1, -1, 11});
    const auto rule = testing_data::structure_rule("structure-obsolete-class-name");
    EXPECT_TRUE(testing::run_rule(*rule, report).empty());
    report.meta.fiscal_year = 2019;
    EXPECT_EQ(testing::run_rule(*rule, report).size(), 1u);
}

// A rule is its file rules/<id>.cpp: the generated list makes one rule per file, the one the
// file is named after, in the order of the ids, and each with the plugin's phrase data.
TEST(StructureRuleFiles, EveryRuleFileMakesTheRuleItIsNamedAfter) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(kPluginDir / "rules"))
        if (entry.path().extension() == ".cpp") files.push_back(entry.path().stem().string());
    std::sort(files.begin(), files.end());
    std::vector<std::string> made;
    for (const auto& rule : testing_data::structure_rules(source_phrases())) made.push_back(rule->meta().id);
    EXPECT_EQ(made, files);
    EXPECT_EQ(made.size(), 10u);
}

TEST(StructurePhraseData, UnknownPhraseGroupIsReportedWithFileLineAndColumn) {
    std::filesystem::path file;
    const PhraseData data = phrases_from(
        "typo", "<phrases>\n  <alternative><word>增加</word><word>减少</word></alternative>\n</phrases>\n", file);
    ASSERT_EQ(data.problems.size(), 1u);
    EXPECT_EQ(data.problems[0].rfind(file.string() + ":2:", 0), 0u) << data.problems[0];
    EXPECT_NE(data.problems[0].find("<alternative>"), std::string::npos) << data.problems[0];
}

}  // namespace
}  // namespace fincheck::structure
