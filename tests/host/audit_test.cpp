#include <gtest/gtest.h>

#include <thread>

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

std::unique_ptr<Engine> make_engine(std::string rules, const std::string& config_text = {}) {
    EngineOptions options = test::options_for_dir(FINCHECK_TEST_PLUGIN_DIR, std::move(rules));
    if (!config_text.empty()) {
        std::filesystem::path dir = test::scratch_dir("audit-config");
        test::write_file(dir / "fincheck.xml", config_text);
        options.config_file = dir / "fincheck.xml";
    }
    EngineCreation created = Engine::create(options);
    EXPECT_TRUE(created.engine) << (created.error ? created.error->to_string() : "");
    return std::move(created.engine);
}

std::vector<std::string> rule_ids(const AuditResult& result) {
    std::vector<std::string> ids;
    for (const AuditedFinding& f : result.findings) ids.push_back(f.finding.rule_id);
    return ids;
}

TEST(Audit, FlagsBlankTotalOnlyWhereOtherRowsHaveNumbers) {
    auto engine = make_engine("test-blank-total");
    Report report = test::report_with_blank_total();
    AuditResult result = engine->audit(report);
    ASSERT_EQ(rule_ids(result), (std::vector<std::string>{"test-blank-total"}));
    const AuditedFinding& finding = result.findings.front();
    EXPECT_EQ(finding.finding.location.table, "03");  // 09's filled total must not fire
    EXPECT_EQ(finding.finding.location.line, 45u);
    EXPECT_EQ(finding.severity, Severity::error);
    EXPECT_EQ(finding.plugin, "test-good");
    EXPECT_EQ(finding.message_zh, "表 03 的合计行为空，但其他行有数字");
    EXPECT_EQ(finding.message_en, "Table 03: the total row is blank while other rows carry numbers");
    EXPECT_EQ(result.counts.error, 1u);
}

TEST(Audit, ThrowingRulesBecomeInternalRuleErrorsAndTheRunGoesOn) {
    auto engine = make_engine("test-throws-*,test-blank-total");
    Report report = test::report_with_blank_total();
    AuditResult result = engine->audit(report);
    std::vector<std::string> internal_messages;
    bool blank_total_ran = false;
    bool finding_before_throw_kept = false;
    for (const AuditedFinding& f : result.findings) {
        if (f.finding.rule_id == "internal-rule-error") {
            EXPECT_EQ(f.severity, Severity::error);
            EXPECT_EQ(f.plugin, "host");
            internal_messages.push_back(f.message_en);
        }
        blank_total_ran |= f.finding.rule_id == "test-blank-total";
        finding_before_throw_kept |= f.finding.rule_id == "test-throws-std";
    }
    EXPECT_TRUE(blank_total_ran);
    EXPECT_TRUE(finding_before_throw_kept);
    ASSERT_EQ(internal_messages.size(), 2u);
    EXPECT_EQ(internal_messages[0],
              "Rule test-throws-int of plugin test-throwing-rule failed: 非标准异常 / non-standard exception. Its check "
              "of this report is incomplete.");
    EXPECT_NE(internal_messages[1].find("test-throws-std"), std::string::npos);
    EXPECT_NE(internal_messages[1].find("table index out of range"), std::string::npos);
}

TEST(Audit, SeverityOverrideAppliesToEveryFindingOfTheRule) {
    auto engine = make_engine("test-blank-total", "<fincheck><rule id=\"test-blank-total\" severity=\"info\"/></fincheck>");
    Report report = test::report_with_blank_total();
    AuditResult result = engine->audit(report);
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings.front().severity, Severity::info);
    EXPECT_EQ(result.counts.info, 1u);
    EXPECT_EQ(result.counts.at_or_above(Severity::error), 0u);
    EXPECT_EQ(result.counts.at_or_above(Severity::info), 1u);
}

TEST(Audit, RuleSeesConfiguredOptionsToleranceAndPluginSettings) {
    auto engine = make_engine("test-echo", R"(<fincheck>
  <tolerance half-unit="0.05"/>
  <rule id="test-echo"><option name="greeting" value="早上好"/><option name="repeat" value="2"/></rule>
  <plugin name="test-good"><setting name="mark" value="M1"/></plugin>
</fincheck>)");
    Report report = test::report_with_blank_total();
    AuditResult result = engine->audit(report);
    ASSERT_EQ(result.findings.size(), 2u);
    EXPECT_EQ(result.findings[0].message_zh, "问候 早上好，半单位 0.050，标记 M1");
    EXPECT_EQ(result.findings[0].severity, Severity::info);
}

TEST(Audit, ImportDiagnosticsJoinTheFindingsAndAreSortedByLine) {
    auto engine = make_engine("test-blank-total");
    Report report = test::report_with_blank_total();
    Finding diagnostic = FindingBuilder("import-unknown", "x").at(Location::at_line(3)).build();
    AuditResult result = engine->audit(report, {diagnostic}, AuditInput{"r.txt", "abc"});
    ASSERT_EQ(rule_ids(result), (std::vector<std::string>{"import-unknown", "test-blank-total"}));
    EXPECT_EQ(result.findings[0].plugin, "import");
    EXPECT_EQ(result.input.file, "r.txt");
}

TEST(Audit, FindingsAreSortedByLineTableRowColumnRuleAndMessage) {
    auto make = [](const char* rule, SourceLine line, const char* table, const char* message) {
        AuditedFinding f;
        f.finding.rule_id = rule;
        f.finding.location.line = line;
        f.finding.location.table = table;
        f.message_zh = message;
        return f;
    };
    std::vector<AuditedFinding> findings{make("b", 5, "02", "m"), make("a", 5, "02", "z"), make("a", 5, "02", "m"),
                                         make("z", 1, "09", "m"), make("a", 5, "01", "m")};
    sort_findings(findings);
    std::vector<std::string> order;
    for (const auto& f : findings)
        order.push_back(f.finding.rule_id + "@" + f.finding.location.table + ":" + f.message_zh);
    EXPECT_EQ(order, (std::vector<std::string>{"z@09:m", "a@01:m", "a@02:m", "a@02:z", "b@02:m"}));
}

TEST(Audit, ConcurrentAuditsFromManyThreadsGiveIdenticalResults) {
    auto engine = make_engine("");
    Report report = test::report_with_blank_total();
    const std::string expected = write_audit_xml(engine->audit(report));
    std::vector<std::string> outputs(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < outputs.size(); ++i)
        threads.emplace_back([&, i] {
            for (int round = 0; round < 20; ++round) outputs[i] = write_audit_xml(engine->audit(report));
        });
    for (std::thread& t : threads) t.join();
    for (const std::string& output : outputs) EXPECT_EQ(output, expected);
}

}  // namespace
}  // namespace fincheck::engine
