// Which pack checks a report, and what a region pack changes: the Shanghai pack is chosen
// by region prefix, disables a national rule, raises a severity and adds its own relation.
#include <gtest/gtest.h>

#include <fstream>

#include "national_report.hpp"
#include "fincheck/rulepacks/pack_library.hpp"
#include "test_support.hpp"

namespace fincheck::rulepacks {
namespace {

using fincheck::testing::run_rule;
using testing::consistent_national_report;
using testing::set_cell;

PackLibrary shipped() {
    auto result = PackLibrary::load({testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml"});
    return std::move(std::get<PackLibrary>(result));
}

TEST(PackSelection, ShanghaiRegionPrefixSelectsTheShanghaiPack) {
    PackLibrary lib = shipped();
    Report r = consistent_national_report("上海市普陀区");
    ASSERT_NE(lib.select(r), nullptr);
    EXPECT_EQ(lib.select(r)->pack->id, "shanghai");
}

TEST(PackSelection, DepartmentNameSelectsWhenTheRegionIsUnknown) {
    PackLibrary lib = shipped();
    Report r = consistent_national_report("");
    r.meta.department = r.own("上海市普陀区财政局");
    EXPECT_EQ(lib.select(r)->pack->id, "shanghai");
}

TEST(PackSelection, TemplateNameSelectsTheShanghaiPack) {
    PackLibrary lib = shipped();
    Report r = consistent_national_report("");
    r.meta.department = r.own("某区某局");
    r.meta.template_name = r.own("shanghai");
    EXPECT_EQ(lib.select(r)->pack->id, "shanghai");
}

TEST(PackSelection, OtherRegionsFallBackToNational) {
    PackLibrary lib = shipped();
    Report r = consistent_national_report("湖北省武汉市汉阳区");
    EXPECT_EQ(lib.select(r)->pack->id, "national");
}

TEST(PackSelection, AMoreSpecificDistrictPackWinsOverShanghai) {
    auto dir = std::filesystem::temp_directory_path() / "fincheck-rulepacks-selection-test";
    std::filesystem::create_directories(dir);
    auto file = dir / "putuo.xml";
    {
        std::ofstream out(file);
        out << R"(<rulepack id="putuo" version="1" extends="shanghai">
  <applies><match region-prefix="上海市普陀区"/></applies>
</rulepack>
)";
    }
    auto result = PackLibrary::load({testing::pack_dir() / "national.xml", testing::pack_dir() / "shanghai.xml", file});
    ASSERT_TRUE(std::holds_alternative<PackLibrary>(result)) << std::get<PackErrors>(result).to_string();
    const auto& lib = std::get<PackLibrary>(result);
    EXPECT_EQ(lib.select(consistent_national_report("上海市普陀区"))->pack->id, "putuo");
    EXPECT_EQ(lib.select(consistent_national_report("上海市黄浦区"))->pack->id, "shanghai");
}

// 04 printed with split closing-balance rows that do not add up.
Report with_bad_closing_split(std::string_view region) {
    Report r = consistent_national_report(region);
    for (Table& t : r.tables)
        if (t.id == "04") {
            testing::TableBuilder(r, static_cast<std::size_t>(&t - r.tables.data()))
                .row("expenditure/年末结转和结余/一般公共预算财政拨款", {"3.00"}, {}, "expenditure");
        }
    set_cell(r, "04", "expenditure/年末财政拨款结转和结余", "合计", "5.00");
    return r;
}

TEST(PackSelection, NationalChecksTheClosingBalanceSplitAndShanghaiDisablesIt) {
    auto plugin = testing::make_pack_plugins();
    const Rule& rule = testing::rule_of(*plugin, "arith-04-closing-split");
    auto national = run_rule(rule, with_bad_closing_split("湖北省武汉市汉阳区"));
    ASSERT_EQ(national.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(national[0]), "04/expenditure/年末财政拨款结转和结余/合计");
    EXPECT_TRUE(run_rule(rule, with_bad_closing_split("上海市普陀区")).empty());
}

TEST(PackSelection, ShanghaiRaisesTheFundBalanceRuleToError) {
    auto plugin = testing::make_pack_plugins();
    const Rule& rule = testing::rule_of(*plugin, "arith-07-balance");
    EXPECT_EQ(rule.meta().default_severity, Severity::warning);
    auto broken = [](std::string_view region) {
        Report r = consistent_national_report(region);
        set_cell(r, "07", "合计", "年末结转和结余", "2.00");
        return r;
    };
    auto national = run_rule(rule, broken("湖北省武汉市汉阳区"));
    ASSERT_EQ(national.size(), 1u);
    EXPECT_FALSE(national[0].severity.has_value()) << "national keeps the declared default (warning)";
    auto shanghai = run_rule(rule, broken("上海市普陀区"));
    ASSERT_EQ(shanghai.size(), 1u);
    ASSERT_TRUE(shanghai[0].severity.has_value());
    EXPECT_EQ(*shanghai[0].severity, Severity::error);
}

TEST(PackSelection, ShanghaiAddsTheStateCapitalBalanceRuleThatNationalLacks) {
    auto plugin = testing::make_pack_plugins();
    const Rule& rule = testing::rule_of(*plugin, "arith-08-balance");
    auto with_income_table_08 = [](std::string_view region) {
        Report r = consistent_national_report(region);
        for (Table& t : r.tables)
            if (t.id == "08") {
                t.columns.clear();
                t.rows.clear();
                testing::TableBuilder b(r, static_cast<std::size_t>(&t - r.tables.data()));
                for (const char* key : {"年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"})
                    t.columns.push_back(Column{r.own(key), {}, 0, {}});
                b.row("合计", {"1.00", "2.00", "2.50", "2.50", "", "0.40"});
            }
        return r;
    };
    EXPECT_TRUE(run_rule(rule, with_income_table_08("湖北省武汉市汉阳区")).empty());
    auto findings = run_rule(rule, with_income_table_08("上海市普陀区"));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].expected, "0.50");
    EXPECT_EQ(findings[0].actual, "0.40");
}

TEST(PackSelection, SettingPackForcesAPackForEveryReport) {
    auto plugin = testing::make_pack_plugins({{"pack", "shanghai"}});
    const Rule& rule = testing::rule_of(*plugin, "arith-04-closing-split");
    EXPECT_TRUE(run_rule(rule, with_bad_closing_split("湖北省武汉市汉阳区")).empty());
}

}  // namespace
}  // namespace fincheck::rulepacks

namespace fincheck::rulepacks {
namespace {

// The worked example of docs/rulepacks.md, loaded as an audit office would with --rulepack.
TEST(PackSelection, TheDocumentedAuditOfficePackAddsARuleAndLowersASeverity) {
    auto plugin = testing::make_pack_plugins({}, {testing::test_pack_dir() / "wuhan.xml"});
    const Rule& housing = testing::rule_of(*plugin, "xtab-wuhan-housing");
    Report wuhan = consistent_national_report("武汉市汉阳区");
    EXPECT_TRUE(run_rule(housing, wuhan).empty());
    set_cell(wuhan, "01", "expenditure/221", "决算数", "12.45");
    auto findings = run_rule(housing, wuhan);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(findings[0]), "01/expenditure/221/决算数");
    Report elsewhere = consistent_national_report("北京市");
    set_cell(elsewhere, "01", "expenditure/221", "决算数", "12.45");
    EXPECT_TRUE(run_rule(housing, elsewhere).empty()) << "the pack applies to its region only";

    const Rule& basic = testing::rule_of(*plugin, "xtab-03-05-basic");
    // The relation holds only without carry-over (01 年初结转和结余 may be of another source).
    set_cell(wuhan, "01", "income/年初结转和结余", "决算数", "");
    set_cell(wuhan, "05", "合计", "基本支出", "150.00");
    auto lowered = run_rule(basic, wuhan);
    ASSERT_EQ(lowered.size(), 1u);
    ASSERT_TRUE(lowered[0].severity.has_value());
    EXPECT_EQ(*lowered[0].severity, Severity::info);
}

}  // namespace
}  // namespace fincheck::rulepacks
