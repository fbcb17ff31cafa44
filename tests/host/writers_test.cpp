#include <gtest/gtest.h>

#include <cstdlib>

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

namespace fs = std::filesystem;

AuditResult audit_everything() {
    EngineCreation created = Engine::create(test::options_with_load_problems());
    EXPECT_TRUE(created.engine);
    Report report = test::report_with_blank_total();
    Finding evidence_finding = FindingBuilder("import-demo", "x")
                                   .at(Location::at_line(7))
                                   .expected(Decimal::from_int(10))
                                   .actual(Decimal::from_int(9))
                                   .difference(Decimal::from_int(1))
                                   .tolerance(Decimal::from_units(10'000))
                                   .evidence("part", Location::at_line(8), "9.00", Decimal::from_int(9))
                                   .build();
    return created.engine->audit(report, {evidence_finding}, AuditInput{"report.xml", std::string(64, 'a')});
}

int xmllint_validate(const fs::path& xml, const char* schema) {
    std::string command = "xmllint --noout --schema '" + std::string(schema) + "' '" + xml.string() + "' 2>&1";
    return std::system(command.c_str());
}

TEST(AuditXml, ValidatesAgainstTheAuditReportSchema) {
    fs::path dir = test::scratch_dir("writer-xsd");
    test::write_file(dir / "audit.xml", write_audit_xml(audit_everything()));
    EXPECT_EQ(xmllint_validate(dir / "audit.xml", FINCHECK_AUDIT_XSD), 0);
}

TEST(AuditXml, CarriesHeaderFindingsAndLoadProblems) {
    std::string xml = write_audit_xml(audit_everything());
    EXPECT_NE(xml.find("<tool name=\"fincheck\" version=\""), std::string::npos);
    EXPECT_NE(xml.find("<input file=\"report.xml\" sha256=\"aaaa"), std::string::npos);
    EXPECT_NE(xml.find("fiscal-year=\"2024\""), std::string::npos);
    EXPECT_NE(xml.find("<plugin name=\"test-good\" version=\"0.1.0\" file=\"fincheck_test_good.so\""), std::string::npos);
    EXPECT_NE(xml.find("<load-problem file=\"fincheck_test_wrong_abi.so\" kind=\"abi-mismatch\">"), std::string::npos);
    EXPECT_NE(xml.find("<finding rule=\"test-blank-total\" severity=\"error\""), std::string::npos);
    EXPECT_NE(xml.find("<message lang=\"zh-CN\">表 03 的合计行为空"), std::string::npos);
    EXPECT_NE(xml.find("<location table=\"03\" row=\"合计\" line=\"45\" />"), std::string::npos);
    EXPECT_NE(xml.find("<evidence role=\"part\" raw=\"9.00\" value=\"9.00\">"), std::string::npos);
    EXPECT_NE(xml.find("<difference>1.00</difference>"), std::string::npos);
    EXPECT_EQ(xml.find(FINCHECK_TEST_PLUGIN_DIR), std::string::npos) << "no absolute paths in the output";
}

TEST(AuditXml, IdenticalInputGivesIdenticalBytes) {
    EXPECT_EQ(write_audit_xml(audit_everything()), write_audit_xml(audit_everything()));
}

TEST(AuditText, SpeaksChineseByDefaultAndEnglishOnRequest) {
    AuditResult result = audit_everything();
    std::string zh = write_audit_text(result);
    std::string en = write_audit_text(result, {Language::en});
    EXPECT_NE(zh.find("[错误] test-blank-total @ 03/合计 第 45 行"), std::string::npos) << zh;
    EXPECT_NE(zh.find("表 03 的合计行为空"), std::string::npos);
    EXPECT_NE(en.find("[error] test-blank-total @ 03/合计 line 45"), std::string::npos) << en;
    EXPECT_NE(en.find("Table 03: the total row is blank"), std::string::npos);
}

TEST(AuditText, LimitsTheListButCountsEverything) {
    AuditResult result = audit_everything();
    ASSERT_GT(result.findings.size(), 1u);
    std::string text = write_audit_text(result, {Language::en, 1, false});
    EXPECT_NE(text.find("Findings: " + std::to_string(result.counts.error) + " error(s)"), std::string::npos);
    EXPECT_NE(text.find(std::to_string(result.findings.size() - 1) + " more"), std::string::npos) << text;
}

}  // namespace
}  // namespace fincheck::engine
