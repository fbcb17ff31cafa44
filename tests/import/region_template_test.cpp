// A region whose template prints more tables is one more template file: the importer reads its
// tables as standard tables with nothing else changed (schemas/templates, docs/table-model.md).
#include "fincheck/templates/template.hpp"
#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

const std::string kReport =
    "**2024年度某省某市某县测试局部门决算**\n\n2025年9月1日\n\n"
    "2024年度政府采购情况表\n\n单位：万元\n\n"
    "项目\t\t\t\t采购预算\t实际采购金额\n"
    "\t\t\t合计\t12.00\t11.50\n"
    "2013101\t\t\t行政运行\t12.00\t11.50\n\n"
    "2024年度国有资产占用情况表\n\n单位：万元\n\n"
    "项目\t资产总额\t房屋\t车辆\n"
    "合计\t300.00\t280.00\t20.00\n";

templates::TemplateSet with_eleven_tables() {
    std::vector<templates::TemplateError> errors;
    auto set = templates::TemplateSet::load(templates::TemplateSet::builtin(),
                                            source_dir() / "templates/tests/data/eleven", errors);
    for (const auto& error : errors) ADD_FAILURE() << error.to_string();
    return set;
}

TEST(ImportRegionTemplate, TheRegionsOwnTablesAreStandardTablesOfItsTemplate) {
    auto result = import_text(kReport, "eleven.txt", with_eleven_tables());
    ASSERT_TRUE(result) << result.error->to_string();
    const Table& purchases = table(*result.report, "10");
    EXPECT_EQ(purchases.kind, TableKind::standard);
    ASSERT_EQ(purchases.columns.size(), 2u);
    EXPECT_EQ(purchases.columns[1].key, "实际采购金额");
    EXPECT_EQ(raw(purchases, "合计", "采购预算"), "12.00");
    EXPECT_EQ(raw(purchases, "2013101", "实际采购金额"), "11.50");
    const Table& assets = table(*result.report, "11");
    EXPECT_EQ(raw(assets, "合计", "车辆"), "20.00");
}

TEST(ImportRegionTemplate, WithoutItsFileTheTablesAreNotStandard) {
    auto result = import_text(kReport, "eleven.txt");
    ASSERT_TRUE(result) << result.error->to_string();
    for (const Table& t : result.report->tables) EXPECT_NE(t.kind, TableKind::standard) << t.id;
}

}  // namespace
}  // namespace fincheck::import_test
