// Findings grouped by root cause: one wrong cell is one defect however many relations it breaks.
#include <gtest/gtest.h>

#include "fincheck/engine/root_cause.hpp"

namespace fincheck::engine {
namespace {

Location cell(std::string table, std::string row, std::string column) {
    Location l;
    l.table = std::move(table);
    l.row = std::move(row);
    l.column = std::move(column);
    return l;
}

Finding relation(Location at, std::vector<Location> evidence, std::string expected, std::string tolerance = "0.01") {
    Finding f;
    f.rule_id = "test-relation";
    f.location = std::move(at);
    f.expected = std::move(expected);
    f.tolerance = Decimal::parse(tolerance);
    for (Location& l : evidence) f.evidence.push_back({"part", std::move(l), "", std::nullopt});
    return f;
}

std::vector<Defect> group(const std::vector<Finding>& findings, const std::vector<std::string>& categories) {
    std::vector<const Finding*> pointers;
    std::vector<RelationCells> cells;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        pointers.push_back(&findings[i]);
        cells.push_back(relation_cells(findings[i], categories[i]));
    }
    return group_by_root_cause(pointers, cells);
}

const Location kTotal = cell("01", "expenditure/本年支出合计", "决算数");

TEST(RootCause, OneCellBreakingThreeRelationsIsOneDefectWithItsCorrection) {
    // 本年支出合计 misses a class: its class sum, 01 against 03, and 01's 总计 all fail.
    std::vector<Finding> findings = {
        relation(kTotal, {kTotal, cell("01", "expenditure/201", "决算数"), cell("01", "expenditure/210", "决算数")},
                 "832.37", "0.025"),
        relation(kTotal, {kTotal, cell("03", "合计", "本年支出合计")}, "832.36"),
        relation(cell("01", "expenditure/总计", "决算数"), {kTotal, cell("01", "expenditure/年末结转和结余", "决算数")},
                 "777.25"),
    };
    auto defects = group(findings, {"arithmetic", "cross-table", "arithmetic"});
    ASSERT_EQ(defects.size(), 1u);
    EXPECT_EQ(defects[0].id, "d1");
    EXPECT_EQ(defects[0].root, "01/expenditure/本年支出合计/决算数");
    EXPECT_EQ(defects[0].corrected, "832.36");  // the cross-table printing, which the sum agrees with
    EXPECT_EQ(defects[0].findings, (std::vector<std::size_t>{0, 1, 2}));
}

TEST(RootCause, TwoWrongClassLinesAreTwoDefectsNotOne) {
    // One class sum fails because of two lines; each line also fails against its own table.
    std::vector<Finding> findings = {
        relation(kTotal, {kTotal, cell("01", "expenditure/210", "决算数"), cell("01", "expenditure/221", "决算数")},
                 "600.00"),
        relation(cell("01", "expenditure/210", "决算数"), {cell("03", "210", "本年支出合计")}, "5.95"),
        relation(cell("01", "expenditure/221", "决算数"), {cell("03", "221", "本年支出合计")}, "11.45"),
    };
    auto defects = group(findings, {"arithmetic", "cross-table", "cross-table"});
    ASSERT_EQ(defects.size(), 2u);
    EXPECT_EQ(defects[0].root, "01/expenditure/210/决算数");
    EXPECT_EQ(defects[0].findings, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(defects[1].root, "01/expenditure/221/决算数");
    EXPECT_EQ(defects[1].corrected, "11.45");
}

TEST(RootCause, ProseAndUnrelatedFindingsAreDefectsOfTheirOwn) {
    Finding prose;
    prose.rule_id = "narrative-share-mismatch";
    prose.location.block = 9;
    prose.evidence.push_back({"fact", kTotal, "777.25", Decimal::parse("777.25")});
    std::vector<Finding> findings = {relation(kTotal, {kTotal}, "832.36"), prose,
                                     relation(cell("06", "30101", "决算数"), {}, "1.00")};
    auto defects = group(findings, {"cross-table", "narrative", "arithmetic"});
    ASSERT_EQ(defects.size(), 3u);
    EXPECT_TRUE(defects[1].root.empty());
    EXPECT_EQ(defects[1].findings, (std::vector<std::size_t>{1}));
}

Finding on_figure(std::string rule, int block, std::uint32_t begin, std::uint32_t end) {
    Finding f;
    f.rule_id = std::move(rule);
    f.location.block = block;
    f.location.span_begin = begin;
    f.location.span_end = end;
    return f;
}

// 「一般公共预算财政拨款基本支出1219.59万元，其中：人员经费972.67万元…公用经费240.35万元」 with the
// wrong fund's figure: wrong against 05 and against its own parts, one figure to correct. A
// finding on another figure of the same paragraph, or on the whole paragraph, stays apart.
TEST(RootCause, FindingsOfSeveralRulesOnOneFigureOfTheProseAreOneDefect) {
    std::vector<Finding> findings = {on_figure("narrative-amount-mismatch", 31, 20, 29),
                                     on_figure("narrative-duplicate-fact", 31, 20, 29),
                                     on_figure("narrative-share-mismatch", 31, 37, 45),
                                     on_figure("structure-placeholder-text", 31, 0, 0),
                                     on_figure("structure-repeated-punctuation", 31, 0, 0),
                                     on_figure("narrative-amount-mismatch", 32, 20, 29)};
    auto defects = group(findings, {"narrative", "narrative", "narrative", "structure", "structure", "narrative"});
    ASSERT_EQ(defects.size(), 5u);
    EXPECT_EQ(defects[0].findings, (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(defects[0].root.empty());
    EXPECT_EQ(defects[1].findings, (std::vector<std::size_t>{2}));
    EXPECT_EQ(defects[2].findings, (std::vector<std::size_t>{3}));
    EXPECT_EQ(defects[3].findings, (std::vector<std::size_t>{4}));
    EXPECT_EQ(defects[4].findings, (std::vector<std::size_t>{5}));
}

TEST(RootCause, FindingsThatDisagreeOnTheValueLeaveTheCorrectionOpen) {
    // A blank 05 total read as 0.00 against a class sum of 586.35: no single value is right.
    const Location total04 = cell("04", "expenditure/本年支出合计", "一般公共预算财政拨款");
    std::vector<Finding> findings = {relation(total04, {total04, cell("04", "expenditure/201", "一般公共预算财政拨款")},
                                              "586.35", "0.02"),
                                     relation(total04, {total04, cell("05", "合计", "合计")}, "0.00")};
    auto defects = group(findings, {"arithmetic", "cross-table"});
    ASSERT_EQ(defects.size(), 1u);
    EXPECT_EQ(defects[0].root, "04/expenditure/本年支出合计/一般公共预算财政拨款");
    EXPECT_TRUE(defects[0].corrected.empty());
}

}  // namespace
}  // namespace fincheck::engine
