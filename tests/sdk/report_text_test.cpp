// The report's text layer (fincheck/text/report_text.hpp): built once, reachable from the
// Report, the same object for every caller.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "fincheck/report.hpp"
#include "fincheck/text/report_text.hpp"

namespace fincheck {
namespace {

Report two_blocks() {
    Report report;
    Block first;
    first.text = report.own("一般公共预算财政拨款支出５９２． 29万元，占9.74 %。");
    Block second;
    second.text = report.own("无其他需要说明的事项。");
    report.blocks = {first, second};
    return report;
}

TEST(ReportText, HoldsEveryBlockCompactedWithItsNumbers) {
    const Report report = two_blocks();
    const text::ReportText& text = report.text();
    ASSERT_EQ(text.blocks().size(), 2u);
    const text::BlockText& first = text.block(0);
    EXPECT_EQ(first.compact.text, U"一般公共预算财政拨款支出592.29万元，占9.74%。");
    EXPECT_EQ(first.original.size(), first.compact.original_length);
    ASSERT_EQ(first.numbers.size(), 2u);
    EXPECT_EQ(first.numbers[0].unit, text::AmountUnit::wan_yuan);
    EXPECT_TRUE(first.numbers[1].percent);
    const std::string_view block = report.blocks[0].text;
    EXPECT_EQ(block.substr(first.numbers[0].byte_begin, first.numbers[0].byte_end - first.numbers[0].byte_begin),
              "５９２． 29");
    EXPECT_TRUE(text.block(1).numbers.empty());
    EXPECT_THROW(static_cast<void>(text.block(2)), std::out_of_range);
}

TEST(ReportText, IsBuiltOnceAndSurvivesAMoveOfTheReport) {
    Report report = two_blocks();
    const text::ReportText* built = &report.text();
    EXPECT_EQ(&report.text(), built);
    const Report moved = std::move(report);
    EXPECT_EQ(&moved.text(), built);  // keyed by the report's storage, not its address
}

TEST(ReportText, ConcurrentFirstCallsShareOneLayer) {
    const Report report = two_blocks();
    std::vector<const text::ReportText*> seen(8, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&, i] { seen[i] = &report.text(); });
    for (std::thread& t : threads) t.join();
    for (const text::ReportText* p : seen) EXPECT_EQ(p, seen.front());
}

}  // namespace
}  // namespace fincheck
