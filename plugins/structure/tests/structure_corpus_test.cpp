// The structure rules on the corpus reports (fincheck_test/corpus.hpp), imported by the real
// importer. Each test pins the report's genuine structure errors by rule and source line and
// asserts that nothing else fires.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "fincheck/import.hpp"
#include "fincheck_test/corpus_test.hpp"
#include "fincheck/testing.hpp"
#include "phrase_data.hpp"
#include "structure_rules.hpp"
#include "table_requirements.hpp"

namespace fincheck::structure {
namespace {

const std::filesystem::path kSource(FINCHECK_SOURCE_DIR);

using Pinned = std::multiset<std::pair<std::string, SourceLine>>;  // rule, source line

using StructureCorpus = corpus::CorpusTest;

Pinned run_structure_rules(const std::string& file) {
    PhraseData data;
    data.load_file(kSource / "plugins" / "structure" / "data" / "structure-phrases.xml");
    // The rule packs staged in the build tree's share/fincheck/rulepacks, as installed.
    const auto rules = testing_data::structure_rules(data, {std::filesystem::path(FINCHECK_SHARE_DIR)});

    auto imported = import_text_file(corpus::text(file));
    EXPECT_TRUE(imported.report.has_value()) << file;
    Pinned out;
    if (!imported.report) return out;
    for (const auto& rule : rules)
        for (const Finding& f : testing::run_rule(*rule, *imported.report))
            out.emplace(f.rule_id + (f.location.table.empty() ? "" : " @ " + f.location.table), f.location.line);
    return out;
}

TEST_F(StructureCorpus, HanyangStructureErrors) {
    const Pinned expected = {
        {"structure-department-mismatch @ 06", 227},  // 中共武汉市委直属机关工委 above 06
        {"structure-placeholder-text", 506},          // 「请依据部门收入的实际情况进行解释」
        {"structure-toc-mismatch", 462},              // 第四部分 其他需要说明的情况 vs 重点工作
        {"structure-list-numbering", 327},            // 一、 printed twice
        {"structure-list-numbering", 377},            // 1. 2. 4. 5.
        {"structure-wrong-level", 494},               // 名词解释: 市级财政 in a district report
        {"structure-unresolved-alternative", 438},    // 我部门（单位）组织…
        {"structure-unresolved-alternative", 442},    // 我部门（单位）在2024年度…
        {"structure-obsolete-class-name", 522},       // 名词解释: 医疗卫生与计划生育支出（类）, 卫生健康 since 2019
        {"structure-obsolete-class-name", 524},       // the same name in the next item
        {"structure-wrong-level", 496},
        {"structure-wrong-level", 498},
        {"structure-wrong-level", 538},               // 市级财政 …
        {"structure-wrong-level", 538},               // … and 市直部门 in the 三公 definition
    };
    EXPECT_EQ(run_structure_rules("wuhan-hanyang-jiguan-gongwei-2024.txt"), expected);
}

TEST_F(StructureCorpus, AlteredPutuoStructureErrors) {
    const Pinned expected = {
        {"structure-placeholder-text", 83},           // 上海市普陀区XX局
        {"structure-missing-table @ 03", 0},          // 支出决算表 removed
        {"structure-missing-table @ 09", 268},        // 三公 table emptied, no note
        {"structure-repeated-punctuation", 416},      // 「…国有资本经营预算财政拨款。。」
    };
    EXPECT_EQ(run_structure_rules("putuo-finance-bureau-2024-altered.txt"), expected);
}

TEST_F(StructureCorpus, SocialWorkDepartmentStructureErrors) {
    const Pinned expected = {
        {"structure-placeholder-text", 299},  // 「仍保留该表格式，并在本表下方作下述说明」 left in
        {"structure-placeholder-text", 316},
        // The tables part printed as 「…2024 年度部门决算表」 without 第二部分 (line 59) is how the
        // 2024 Shanghai template prints it: neither the contents nor the part numbers are wrong.
    };
    EXPECT_EQ(run_structure_rules("putuo-social-work-dept-2024.txt"), expected);
}

TEST_F(StructureCorpus, PublishedPutuoFinanceBureauIsSilent) {
    EXPECT_TRUE(run_structure_rules("putuo-finance-bureau-2024.txt").empty());
}

}  // namespace
}  // namespace fincheck::structure

namespace fincheck::structure {
namespace {

TEST(StructureRulePacks, RequiredTablesFollowTheRegionPackAndItsBase) {
    PhraseData data;
    const auto packs = TableRequirements::load({std::filesystem::path(FINCHECK_SHARE_DIR)}, data);
    const auto shanghai = packs.for_template("shanghai");
    ASSERT_EQ(shanghai.size(), 9u);
    bool renamed = false;
    for (const RequiredTable& t : shanghai)
        if (t.id == "08" && t.title == "国有资本经营预算财政拨款收入支出决算表") renamed = true;
    EXPECT_TRUE(renamed) << "the Shanghai pack's title for 08 overrides the national one";
    EXPECT_EQ(packs.for_template("").size(), 9u);
}

}  // namespace
}  // namespace fincheck::structure
