// Each consistency rule against its annotated fixture: every expected finding fires, nothing
// else does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "department_mismatch_rule.hpp"
#include "fincheck/testing.hpp"
#include "list_numbering_rule.hpp"
#include "missing_table_rule.hpp"
#include "obsolete_class_name_rule.hpp"
#include "phrase_data.hpp"
#include "placeholder_text_rule.hpp"
#include "repeated_punctuation_rule.hpp"
#include "toc_mismatch_rule.hpp"
#include "unresolved_alternative_rule.hpp"
#include "wrong_level_rule.hpp"

namespace fincheck::consistency {
namespace {

const std::filesystem::path kPluginDir = std::filesystem::path(FINCHECK_SOURCE_DIR) / "plugins" / "consistency";

PhraseData source_phrases() {
    PhraseData data;
    data.load_file(kPluginDir / "data" / "structure-phrases.xml");
    return data;
}

void expect_fixture(const Rule& rule, const std::string& file) {
    const auto run = testing::run_fixture(rule, kPluginDir / "fixtures" / file);
    EXPECT_FALSE(run.expectations.empty()) << file << " has no expectations";
    for (const auto& mismatch : run.mismatches) ADD_FAILURE() << file << ": " << mismatch;
}

TEST(ConsistencyFixtures, PhraseDataLoadsWithoutProblems) {
    const PhraseData data = source_phrases();
    EXPECT_TRUE(data.problems.empty());
    EXPECT_FALSE(data.wrong_level.empty());
    EXPECT_FALSE(data.instructions.empty());
    EXPECT_EQ(data.required_for("shanghai").size(), 9u);
}

// Loads phrase data written to a scratch file named `name`; `file` receives its path.
PhraseData phrases_from(const std::string& name, const std::string& xml, std::filesystem::path& file) {
    const auto dir = std::filesystem::temp_directory_path() / ("fincheck-consistency-" + name);
    std::filesystem::create_directories(dir);
    file = dir / (name + ".xml");
    std::ofstream(file, std::ios::binary) << xml;
    PhraseData data;
    data.load_file(file);
    std::filesystem::remove_all(dir);
    return data;
}

TEST(ConsistencyFixtures, MalformedPhraseFileIsReportedWithFileLineAndColumn) {
    std::filesystem::path file;
    const PhraseData data =
        phrases_from("broken", "<phrases>\n  <wrong-level report-level=\"district\">\n</phrases>\n", file);
    ASSERT_EQ(data.problems.size(), 1u);
    EXPECT_EQ(data.problems[0].rfind(file.string() + ":3:", 0), 0u) << data.problems[0];
}

TEST(ConsistencyFixtures, DepartmentMismatchFixture) {
    expect_fixture(DepartmentMismatchRule{}, "structure-department-mismatch.xml");
}
TEST(ConsistencyFixtures, PlaceholderTextFixture) {
    expect_fixture(PlaceholderTextRule{source_phrases()}, "structure-placeholder-text.xml");
}
TEST(ConsistencyFixtures, MissingTableFixture) {
    const PhraseData data = source_phrases();
    expect_fixture(MissingTableRule{TableRequirements::load({}, data)}, "structure-missing-table.xml");
}
// The template's class lines: missing from a report of the national template, it fires; the same
// table in a report that names no template (a regional one may list other classes) stays silent.
TEST(ConsistencyFixtures, MissingTemplateLinesFireOnlyWhereTheTemplateListsThem) {
    const PhraseData data = source_phrases();
    const MissingTableRule rule{TableRequirements::load({}, data)};
    expect_fixture(rule, "structure-missing-table.lines.xml");
    const auto silent = testing::run_fixture(rule, kPluginDir / "fixtures" / "structure-missing-table.lines.silent.xml");
    EXPECT_TRUE(silent.expectations.empty());
    for (const auto& mismatch : silent.mismatches) ADD_FAILURE() << "lines.silent: " << mismatch;
}
TEST(ConsistencyFixtures, TocMismatchFixture) {
    expect_fixture(TocMismatchRule{}, "structure-toc-mismatch.xml");
}
TEST(ConsistencyFixtures, ListNumberingFixture) {
    expect_fixture(ListNumberingRule{}, "structure-list-numbering.xml");
}
TEST(ConsistencyFixtures, WrongLevelFixture) {
    expect_fixture(WrongLevelRule{source_phrases()}, "structure-wrong-level.xml");
}

TEST(ConsistencyFixtures, UnresolvedAlternativeFlagsLeftOverChoicesButNotOrdinaryUsage) {
    expect_fixture(UnresolvedAlternativeRule(source_phrases()), "structure-unresolved-alternative.xml");
}

TEST(ConsistencyFixtures, ObsoleteClassNameFlagsOldNamesInRowsAndText) {
    expect_fixture(ObsoleteClassNameRule(), "structure-obsolete-class-name.xml");
}

TEST(ConsistencyFixtures, ObsoleteClassNameIsSilentBeforeTheRenaming) {
    Report report;
    report.meta.fiscal_year = 2018;
    report.blocks.push_back(Block{BlockKind::paragraph, "文化体育与传媒支出12.00万元。", -1, -1, 11});
    EXPECT_TRUE(testing::run_rule(ObsoleteClassNameRule(), report).empty());
    report.meta.fiscal_year = 2019;
    EXPECT_EQ(testing::run_rule(ObsoleteClassNameRule(), report).size(), 1u);
}

TEST(ConsistencyFixtures, UnknownPhraseGroupIsReportedWithFileLineAndColumn) {
    std::filesystem::path file;
    const PhraseData data = phrases_from(
        "typo", "<phrases>\n  <alternative><word>增加</word><word>减少</word></alternative>\n</phrases>\n", file);
    ASSERT_EQ(data.problems.size(), 1u);
    EXPECT_EQ(data.problems[0].rfind(file.string() + ":2:", 0), 0u) << data.problems[0];
    EXPECT_NE(data.problems[0].find("<alternative>"), std::string::npos) << data.problems[0];
}

TEST(ConsistencyFixtures, RepeatedPunctuationFlagsADoubledMarkButNotAnEllipsis) {
    expect_fixture(RepeatedPunctuationRule(), "structure-repeated-punctuation.xml");
}

}  // namespace
}  // namespace fincheck::consistency
