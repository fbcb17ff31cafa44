// The evaluator resolves references without building strings: a {var} filled in from the
// loop, labels compared without their spaces, loop values as views in a fixed order.
#include <gtest/gtest.h>

#include "pack/evaluator.hpp"
#include "report_builder.hpp"

namespace fincheck::tables {
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
}  // namespace fincheck::tables
