// The evaluator resolves references without building strings: a {var} filled in from the
// loop, labels compared without their spaces, loop values as views in a fixed order.
#include <gtest/gtest.h>

#include "fincheck/rulepacks/evaluator.hpp"
#include "report_builder.hpp"

namespace fincheck::rulepacks {
namespace {

Term cell_by_label(std::string label) {
    Term t;
    t.table = "05";
    t.row = RowRef{RowRef::By::label, std::move(label), {}};
    t.column.key = "合计";
    return t;
}

Report report_with_labels() {
    Report report;
    testing::add_table(report, "05", {"合计"})
        .row("2010101", {"3.00"}, "2010101", {}, "行政 运行")
        .row("2010102", {"4.00"}, "2010102", {}, "一般行政\xE3\x80\x80管理事务");
    return report;
}

TEST(Evaluator, LabelsMatchWhateverSpacesEitherSidePrints) {
    const Report report = report_with_labels();
    const Bindings none;
    const Evaluator eval(report, none);
    Operand out;
    ASSERT_TRUE(eval.side({cell_by_label("行政运行")}, out));
    EXPECT_EQ(out.value, Decimal::parse("3.00"));
    ASSERT_TRUE(eval.side({cell_by_label(" 一般 行政管理事务")}, out));
    EXPECT_EQ(out.value, Decimal::parse("4.00"));
    EXPECT_FALSE(eval.side({cell_by_label("行政运行费")}, out));  // another label: the side does not apply
    EXPECT_FALSE(eval.side({cell_by_label("行政")}, out));
}

TEST(Evaluator, ALoopVariableFillsTheReferenceAndTheSideIsReusable) {
    const Report report = report_with_labels();
    Bindings bindings{{"r", "2010101"}};
    const Evaluator eval(report, bindings);
    Term t;
    t.table = "0{t}";
    t.row = RowRef{RowRef::By::key, "{r}", {}};
    t.column.key = "合计";
    bindings.emplace_back("t", "5");
    Operand out;
    ASSERT_TRUE(eval.side({t}, out));
    EXPECT_EQ(out.value, Decimal::parse("3.00"));
    bindings.front().second = "2010102";
    ASSERT_TRUE(eval.side({t}, out));
    EXPECT_EQ(out.value, Decimal::parse("4.00"));
    EXPECT_EQ(out.cells.size(), 1u);  // cleared, not appended to
    bindings.front().second = "2010199";
    EXPECT_FALSE(eval.side({t}, out));
}

TEST(Evaluator, CodePrefixLoopValuesAreSortedAndUnique) {
    Report report;
    testing::add_table(report, "05", {"合计"})
        .row("2080501", {"1"}, "2080501")
        .row("2010101", {"1"}, "2010101")
        .row("2080502", {"1"}, "2080502")
        .row("20101", {"1"}, "20101");
    Each each;
    each.kind = Each::Kind::code_prefixes;
    each.length = 3;
    each.sources.push_back({"05", {}});
    const std::vector<std::string_view> expected{"201", "208"};
    EXPECT_EQ(Evaluator::loop_values(report, each), expected);
}

}  // namespace
}  // namespace fincheck::rulepacks

namespace fincheck::rulepacks {
namespace {

// Rows are found through a per-report index for standard tables and by a scan for the
// others; either way the answer is the first printed row that matches, within the part.
TEST(ReportIndex, FindsTheFirstPrintedRowOfTheKeyOrCodeWithinThePart) {
    for (TableKind kind : {TableKind::standard, TableKind::other}) {
        Report report;
        testing::add_table(report, "04", {"合计"}, kind)
            .row("dup", {"1.00"}, "201", "income")
            .row("dup", {"2.00"}, "201", "expenditure")
            .row("dup", {"3.00"}, "201", "expenditure")
            .row("other", {"4.00"}, "20101", "expenditure");
        const Table& table = report.tables.front();
        const ReportIndex& index = ReportIndex::of(report);
        EXPECT_EQ(index.row_by_key(table, "dup", {}), &table.rows[0]);
        EXPECT_EQ(index.row_by_key(table, "dup", "expenditure"), &table.rows[1]);
        EXPECT_EQ(index.row_by_code(table, "201", "expenditure"), &table.rows[1]);
        EXPECT_EQ(index.row_by_code(table, "20101", {}), &table.rows[3]);
        EXPECT_EQ(index.row_by_key(table, "missing", {}), nullptr);
        EXPECT_EQ(index.row_by_key(table, "other", "income"), nullptr);
        EXPECT_EQ(index.row_by_code(table, "", {}), nullptr);  // an empty code names no row
        EXPECT_FALSE(index.is_leaf(table, table.rows[1], {}));
        EXPECT_TRUE(index.is_leaf(table, table.rows[3], {}));
        EXPECT_TRUE(index.is_leaf(table, table.rows[0], "income"));  // its sub-code is another part's
    }
}

// An evaluator that remembers what constant references resolve to answers the same as one
// that looks them up each time, loop after loop.
TEST(Evaluator, RememberingConstantReferencesGivesTheSameSides) {
    Report report;
    testing::add_table(report, "05", {"合计"}).row("2010101", {"3.00"}, "2010101").row("2010102", {"4.00"}, "2010102");
    Bindings bindings{{"r", "2010101"}};
    Term constant;
    constant.table = "05";
    constant.row = RowRef{RowRef::By::key, "2010102", {}};
    constant.column.key = "合计";
    Term looped = constant;
    looped.row.value = "{r}";
    const std::vector<Term> terms{constant, looped};
    const Evaluator remembering(report, bindings, Evaluator::Memoize::references);
    const Evaluator plain(report, bindings);
    for (std::string_view r : {"2010101", "2010102", "2010101"}) {
        bindings.front().second = r;
        Operand a, b;
        ASSERT_TRUE(remembering.side(terms, a));
        ASSERT_TRUE(plain.side(terms, b));
        EXPECT_EQ(a.value, b.value);
        EXPECT_EQ(a.cells.size(), 2u);
    }
    bindings.front().second = "2010199";
    Operand out;
    EXPECT_FALSE(remembering.side(terms, out));  // the looped row is missing: the side does not apply
}

}  // namespace
}  // namespace fincheck::rulepacks
