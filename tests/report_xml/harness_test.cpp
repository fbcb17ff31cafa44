// The rule test harness checks itself with a tiny in-test rule: it passes when findings and
// expectations agree, and reports a missing finding, an unexpected one, and a load failure.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "fincheck/report_xml.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/testing.hpp"

namespace {

using namespace fincheck;
using fincheck::testing::FixtureRun;
using fincheck::testing::location_key;
using fincheck::testing::run_fixture;
using fincheck::testing::run_rule;

const std::filesystem::path kSource = FINCHECK_SOURCE_DIR;
const std::filesystem::path kFixture = kSource / "tests/fixtures/harness-negative-cells.xml";
const std::filesystem::path kScratch = FINCHECK_TEST_SCRATCH_DIR;

// Reports each cell whose value is below the threshold option.
class NegativeCellRule final : public Rule {
public:
    NegativeCellRule() {
        meta_.id = "test-negative-cell";
        meta_.title_zh = "单元格为负数";
        meta_.title_en = "Negative cell";
        meta_.category = "arithmetic";
        meta_.options.push_back({"threshold", OptionType::decimal, "0", "阈值", "threshold"});
        meta_.messages.push_back({"negative", "{cell} 小于 {threshold}", "{cell} is below {threshold}"});
    }
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override {
        Decimal threshold = context.option_decimal("threshold").value_or(Decimal{});
        for (const Table& table : report.tables)
            for (const Row& row : table.rows)
                for (std::size_t i = 0; i < row.cells.size(); ++i)
                    if (row.cells[i].value && *row.cells[i].value < threshold)
                        sink.add(FindingBuilder(meta_.id, message_id_)
                                     .at(Location::at_cell(table, row, table.columns[i].key))
                                     .arg("cell", row.cells[i].raw)
                                     .arg("threshold", threshold)
                                     .build());
    }
    std::string message_id_ = "negative";

private:
    RuleMeta meta_;
};

bool any_contains(const std::vector<std::string>& lines, std::string_view part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& line) { return line.find(part) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

TEST(RuleHarness, PassesWhenFindingsAndExpectationsAgree) {
    NegativeCellRule rule;
    FixtureRun run = run_fixture(rule, kFixture, {}, {"some-other-rule"});
    EXPECT_TRUE(run.ok()) << joined(run.mismatches);
    EXPECT_EQ(run.findings.size(), 2u);
    // The expectation for some-other-rule, another rule of the plugin, is not this rule's business.
    ASSERT_EQ(run.expectations.size(), 2u);
    EXPECT_EQ(run.expectations[0].location, "02/2013101/财政拨款收入");
    EXPECT_EQ(run.expectations[0].line, 16u);
    EXPECT_EQ(run.expectations[1].location, "02/2013102");
    EXPECT_EQ(run.expectations[1].line, 20u);
}

TEST(RuleHarness, ReportsAMissingFindingWithTheFixtureLine) {
    NegativeCellRule rule;
    // At threshold -5 the -3.00 cells no longer fire.
    FixtureRun run = run_fixture(rule, kFixture, {{"threshold", "-5"}}, {"some-other-rule"});
    EXPECT_FALSE(run.ok());
    EXPECT_TRUE(run.findings.empty());
    ASSERT_EQ(run.mismatches.size(), 2u) << joined(run.mismatches);
    EXPECT_TRUE(any_contains(run.mismatches,
                             "missing finding test-negative-cell @ 02/2013101/财政拨款收入 expected at fixture line 16"))
        << joined(run.mismatches);
    EXPECT_TRUE(any_contains(run.mismatches, "@ 02/2013102 expected at fixture line 20"));
}

TEST(RuleHarness, ReportsAnUnexpectedFindingWithItsKeyAndMessage) {
    NegativeCellRule rule;
    // At threshold 15 the 10.00, 13.00 and 7.00 cells fire too.
    FixtureRun run = run_fixture(rule, kFixture, {{"threshold", "15"}}, {"some-other-rule"});
    EXPECT_FALSE(run.ok());
    EXPECT_EQ(run.findings.size(), 5u);
    ASSERT_EQ(run.mismatches.size(), 3u) << joined(run.mismatches);
    EXPECT_TRUE(any_contains(run.mismatches,
                             "unexpected finding test-negative-cell @ 02/合计/本年收入合计 (source line 2): 10.00 小于 15.00"))
        << joined(run.mismatches);
    EXPECT_TRUE(any_contains(run.mismatches, "@ 02/2013101/本年收入合计"));
    EXPECT_TRUE(any_contains(run.mismatches, "@ 02/2013102/财政拨款收入"));
}

// A copy of the fixture with `from` replaced by `to`, written to the scratch directory.
std::filesystem::path edited_fixture(const std::string& name, const std::string& from, const std::string& to) {
    std::filesystem::create_directories(kScratch);
    std::filesystem::path fixture = kScratch / name;
    std::string text;
    {
        std::ifstream in(kFixture, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    text.replace(text.find(from), from.size(), to);
    std::ofstream(fixture, std::ios::binary) << text;
    return fixture;
}

TEST(RuleHarness, MatchesWholeLocationPartsNotCharacterPrefixes) {
    // "02/20131" is a character prefix of "02/2013101" but not a part prefix.
    std::filesystem::path fixture = edited_fixture("harness-prefix.xml", "02/2013101/财政拨款收入", "02/20131");
    NegativeCellRule rule;
    FixtureRun run = run_fixture(rule, fixture, {}, {"some-other-rule"});
    EXPECT_FALSE(run.ok());
    EXPECT_TRUE(any_contains(run.mismatches, "missing finding test-negative-cell @ 02/20131 "));
    EXPECT_TRUE(any_contains(run.mismatches, "unexpected finding test-negative-cell @ 02/2013101/财政拨款收入"));
}

TEST(RuleHarness, RejectsAnExpectationNamingARuleThePluginDoesNotDefine) {
    NegativeCellRule rule;
    // Without some-other-rule among the plugin's rules, its expectation is a misspelt id.
    FixtureRun run = run_fixture(rule, kFixture);
    EXPECT_FALSE(run.ok());
    ASSERT_EQ(run.mismatches.size(), 1u) << joined(run.mismatches);
    EXPECT_EQ(run.mismatches[0], kFixture.string() +
                                     ":21: expect comment names rule \"some-other-rule\", which is not "
                                     "test-negative-cell (misspelt rule id?)");
    // The misspelling of the rule's own id, which used to make its expectation vanish.
    std::filesystem::path fixture = edited_fixture("harness-misspelt.xml", "test-negative-cell @ 02/2013102",
                                                   "test-negativ-cell @ 02/2013102");
    run = run_fixture(rule, fixture, {}, {"some-other-rule"});
    EXPECT_TRUE(any_contains(run.mismatches, "harness-misspelt.xml:20: expect comment names rule \"test-negativ-cell\", "
                                             "which is not test-negative-cell nor another rule of the plugin"))
        << joined(run.mismatches);
    EXPECT_TRUE(any_contains(run.mismatches, "unexpected finding test-negative-cell @ 02/2013102/本年收入合计"))
        << joined(run.mismatches);
}

TEST(RuleHarness, RejectsAnExpectCommentItCannotReadWithFileAndLine) {
    const std::string annotation = "expect: test-negative-cell @ 02/2013102";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"expect: @ 02/2013102", "no rule id before '@'"},
        {"expect: Test_Negative_Cell @ 02/2013102", "\"Test_Negative_Cell\" is not lower-case kebab case"},
        {"expect: test-negative-cell @", "nothing after '@'"},
        {"expect: test-negative-cell @ 02 @ 03", "more than one '@'"},
        {"expect: test-negative-cell @ block:x", "\"block:x\" is not block:N with N a number"},
        {"expect: test-negative-cell @ line:", "\"line:\" is not line:N with N a number"},
        {"expect test-negative-cell @ 02/2013102", "lacks the colon of \"expect:\""},
    };
    NegativeCellRule rule;
    for (const auto& [written, why] : cases) {
        std::filesystem::path fixture = edited_fixture("harness-unreadable.xml", annotation, written);
        FixtureRun run = run_fixture(rule, fixture, {}, {"some-other-rule"});
        EXPECT_FALSE(run.ok()) << written;
        EXPECT_TRUE(any_contains(run.mismatches, "harness-unreadable.xml:20: unreadable expect comment: "))
            << written << "\n" << joined(run.mismatches);
        EXPECT_TRUE(any_contains(run.mismatches, why)) << written << "\n" << joined(run.mismatches);
    }
}

TEST(RuleHarness, AcceptsAnExpectationWithoutLocationAndProseMentioningExpect) {
    std::filesystem::path fixture =
        edited_fixture("harness-anywhere.xml", "expect: test-negative-cell @ 02/2013102",
                       "expect: test-negative-cell\n           The \"expect\" comments name the findings.");
    NegativeCellRule rule;
    FixtureRun run = run_fixture(rule, fixture, {}, {"some-other-rule"});
    EXPECT_TRUE(run.ok()) << joined(run.mismatches);
    ASSERT_EQ(run.expectations.size(), 2u);
    EXPECT_EQ(run.expectations[1].location, "");
}

TEST(RuleHarness, FlagsAMessageIdTheRuleDoesNotDeclare) {
    NegativeCellRule rule;
    rule.message_id_ = "negativ";
    FixtureRun run = run_fixture(rule, kFixture, {}, {"some-other-rule"});
    EXPECT_FALSE(run.ok());
    EXPECT_TRUE(any_contains(run.mismatches, "message id the rule does not declare"));
}

TEST(RuleHarness, ReportsAFixtureThatDoesNotLoad) {
    std::filesystem::create_directories(kScratch);
    std::filesystem::path fixture = kScratch / "harness-broken.xml";
    std::ofstream(fixture, std::ios::binary) << "<report format-version=\"1\">\n<body><p>x</body>\n";
    NegativeCellRule rule;
    FixtureRun run = run_fixture(rule, fixture);
    ASSERT_EQ(run.mismatches.size(), 1u);
    EXPECT_NE(run.mismatches[0].find("fixture does not load: "), std::string::npos);
    EXPECT_NE(run.mismatches[0].find("harness-broken.xml:2:"), std::string::npos) << run.mismatches[0];
}

TEST(RuleHarness, RunRuleUsesDefaultsAndRejectsUndeclaredOptions) {
    LoadResult loaded = load_report_xml(kFixture);
    ASSERT_TRUE(loaded);
    NegativeCellRule rule;
    EXPECT_EQ(run_rule(rule, *loaded.report).size(), 2u);
    EXPECT_EQ(run_rule(rule, *loaded.report, {{"threshold", "-100"}}).size(), 0u);
    EXPECT_THROW(run_rule(rule, *loaded.report, {{"treshold", "1"}}), std::invalid_argument);
}

TEST(RuleHarness, LocationKeysForCellsRowsBlocksAndLines) {
    Finding f;
    f.location.table = "01";
    f.location.row = "income/总计";
    f.location.column = "决算数";
    EXPECT_EQ(location_key(f), "01/income/总计/决算数");
    f.location.column.clear();
    EXPECT_EQ(location_key(f), "01/income/总计");
    Finding b;
    b.location.block = 42;
    b.location.line = 7;
    EXPECT_EQ(location_key(b), "block:42");
    Finding l;
    l.location.line = 7;
    EXPECT_EQ(location_key(l), "line:7");
    EXPECT_EQ(location_key(Finding{}), "");
}

}  // namespace

namespace {

// The value of the first finding is -5.00 in the fixture; its message is "-5.00 小于 0".
TEST(RuleHarness, AQuotedPieceMustOccurInTheZhOrEnglishMessage) {
    NegativeCellRule rule;
    const std::string at = "02/2013101/财政拨款收入 -->";
    for (const char* piece : {"\"小于 0\"", "\"is below 0\""}) {
        FixtureRun run = run_fixture(
            rule, edited_fixture("harness-quoted.xml", at, std::string("02/2013101/财政拨款收入 ") + piece + " -->"), {},
            {"some-other-rule"});
        EXPECT_TRUE(run.ok()) << piece << "\n" << joined(run.mismatches);
        ASSERT_EQ(run.expectations.size(), 2u);
        EXPECT_EQ(run.expectations[0].location, "02/2013101/财政拨款收入");
        EXPECT_NE(run.matched_finding[0], std::string::npos);
    }
    FixtureRun wrong = run_fixture(
        rule, edited_fixture("harness-misquoted.xml", at, "02/2013101/财政拨款收入 \"大于 0\" -->"), {}, {"some-other-rule"});
    EXPECT_TRUE(any_contains(wrong.mismatches, "missing finding test-negative-cell @ 02/2013101/财政拨款收入 saying \"大于 0\""))
        << joined(wrong.mismatches);
    EXPECT_TRUE(any_contains(wrong.mismatches, "unexpected finding test-negative-cell @ 02/2013101/财政拨款收入"));
    FixtureRun open = run_fixture(
        rule, edited_fixture("harness-open-quote.xml", at, "02/2013101/财政拨款收入 \"小于 0 -->"), {}, {"some-other-rule"});
    EXPECT_TRUE(any_contains(open.mismatches, "a quote opens the message piece but none closes it")) << joined(open.mismatches);
}

// Flags every paragraph holding 「待补充」, at its block.
class TodoRule final : public Rule {
public:
    TodoRule()
        : meta_(RuleMetaBuilder("test-todo", "structure")
                    .title("待补充", "To do")
                    .message("todo", "「{section}」待补充", "To do in {section}")
                    .build()) {}
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext&, FindingSink& sink) const override {
        for (std::size_t i = 0; i < report.blocks.size(); ++i)
            if (report.blocks[i].text.find("待补充") != std::string::npos)
                sink.add(FindingBuilder(meta_.id, "todo")
                             .at(Location::at_block(report, static_cast<int>(i)))
                             .arg("section", report.section_path(report.blocks[i].section))
                             .build());
    }

private:
    RuleMeta meta_;
};

std::filesystem::path prose_fixture(const std::string& name, const std::string& expect) {
    std::filesystem::create_directories(kScratch);
    const std::filesystem::path path = kScratch / name;
    std::ofstream(path, std::ios::binary)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report format-version=\"1\">\n"
           "  <metadata department=\"示例单位\" level=\"district\" fiscal-year=\"2024\" amount-unit=\"万元\">\n"
           "    <title line=\"1\">示例单位2024年度部门决算</title>\n  </metadata>\n  <body>\n"
           "    <section number=\"第三部分\" heading=\"情况说明\" line=\"2\">\n"
           "      <section heading=\"一、收入支出决算总体情况说明\" line=\"3\">\n"
           "        <p line=\"4\">本年收入待补充。</p>\n"
           "        <!-- expect: " << expect << " -->\n"
           "      </section>\n      <section heading=\"二、收入决算情况说明\" line=\"5\">\n"
           "        <p line=\"6\">收入100.00万元。</p>\n      </section>\n    </section>\n  </body>\n</report>\n";
    return path;
}

TEST(RuleHarness, ASectionMarkNamesAProseFindingByItsSection) {
    TodoRule rule;
    for (const char* at : {"test-todo @ §一、收入支出决算总体情况说明", "test-todo @ §第三部分 情况说明 / 一、收入支出决算总体情况说明",
                           "test-todo @ block:0 \"待补充\""}) {
        FixtureRun run = run_fixture(rule, prose_fixture("harness-section.xml", at));
        EXPECT_TRUE(run.ok()) << at << "\n" << joined(run.mismatches);
    }
    // Another section, or a piece of a heading that is not a whole part of the path, is not it.
    for (const char* at : {"test-todo @ §二、收入决算情况说明", "test-todo @ §收入支出决算总体情况说明"}) {
        FixtureRun run = run_fixture(rule, prose_fixture("harness-other-section.xml", at));
        EXPECT_TRUE(any_contains(run.mismatches, "missing finding test-todo @ §")) << at << "\n" << joined(run.mismatches);
        EXPECT_TRUE(any_contains(run.mismatches,
                                 "unexpected finding test-todo @ block:0 (§第三部分 情况说明 / 一、收入支出决算总体情况说明)"))
            << joined(run.mismatches);
    }
    FixtureRun empty = run_fixture(rule, prose_fixture("harness-empty-section.xml", "test-todo @ §"));
    EXPECT_TRUE(any_contains(empty.mismatches, "no section heading after '§'")) << joined(empty.mismatches);
}

}  // namespace
