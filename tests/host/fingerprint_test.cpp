// finding_fingerprint: the same defect keeps its fingerprint wherever the file is and however
// its lines fall; another rule, cell, quote or argument gets another one.
#include <gtest/gtest.h>

#include "fincheck/engine/fingerprint.hpp"

namespace fincheck::engine {
namespace {

Finding cell_finding(SourceLine line) {
    Location at;
    at.table = "01";
    at.row = "expenditure/本年支出合计";
    at.column = "决算数";
    at.line = line;
    return FindingBuilder("arith-01-class-lines", "mismatch").at(at).arg("total", "777.25").arg("line", std::to_string(line)).build();
}

// A report whose block `index` holds `text`, the blocks before it other paragraphs.
Report report_with_block(int index, std::string_view text) {
    Report report;
    for (int i = 0; i < index; ++i) report.blocks.push_back(Block{BlockKind::paragraph, report.own("其他段落"), -1, -1, 1});
    report.blocks.push_back(Block{BlockKind::paragraph, report.own(text), -1, -1, 9});
    return report;
}

Finding prose_finding(int block, std::uint32_t begin, std::uint32_t end, SourceLine line) {
    Location at;
    at.section = "第三部分 / 三、支出决算情况说明";
    at.block = block;
    at.span_begin = begin;
    at.span_end = end;
    at.line = line;
    return FindingBuilder("narrative-share-mismatch", "share").at(at).arg("stated", "96.98%").build();
}

TEST(Fingerprint, IsSixtyFourHexDigits) {
    const std::string fingerprint = finding_fingerprint(cell_finding(3), Report{});
    ASSERT_EQ(fingerprint.size(), 64u);
    EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos) << fingerprint;
}

TEST(Fingerprint, DoesNotDependOnTheSourceLineOrALineArgument) {
    EXPECT_EQ(finding_fingerprint(cell_finding(3), Report{}), finding_fingerprint(cell_finding(300), Report{}));
}

TEST(Fingerprint, DiffersByRuleCellAndArguments) {
    const Report none;
    const std::string base = finding_fingerprint(cell_finding(3), none);
    Finding other_rule = cell_finding(3);
    other_rule.rule_id = "arith-01-grand-totals";
    Finding other_column = cell_finding(3);
    other_column.location.column = "预算数";
    Finding other_value = cell_finding(3);
    other_value.args[0].second = "777.26";
    EXPECT_NE(finding_fingerprint(other_rule, none), base);
    EXPECT_NE(finding_fingerprint(other_column, none), base);
    EXPECT_NE(finding_fingerprint(other_value, none), base);
}

TEST(Fingerprint, ArgumentOrderAndWhiteSpaceDoNotMatter) {
    Finding a = FindingBuilder("r", "m").arg("x", "1 2").arg("y", "3").build();
    Finding b = FindingBuilder("r", "m").arg("y", "3").arg("x", "1\u30002").build();
    EXPECT_EQ(finding_fingerprint(a, Report{}), finding_fingerprint(b, Report{}));
}

TEST(Fingerprint, ProseIsIdentifiedByItsQuoteNotItsBlockIndexOrLine) {
    // The same sentence, one paragraph later and re-wrapped (a line break inside it).
    const Report before = report_with_block(0, "支出占比96.98%，较上年增长");
    const Report after = report_with_block(1, "支出占比\n96.98%，较上年增长");
    EXPECT_EQ(finding_fingerprint(prose_finding(0, 0, 10, 20), before),
              finding_fingerprint(prose_finding(1, 0, 11, 57), after));
    // Another quote in the same place is another finding.
    const Report changed = report_with_block(0, "支出占比97.98%，较上年增长");
    EXPECT_NE(finding_fingerprint(prose_finding(0, 0, 10, 20), before),
              finding_fingerprint(prose_finding(0, 0, 10, 20), changed));
}

}  // namespace
}  // namespace fincheck::engine
