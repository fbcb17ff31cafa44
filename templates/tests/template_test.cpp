#include "fincheck/templates/template.hpp"

#include <gtest/gtest.h>

namespace fincheck::templates {
namespace {

using Keys = std::vector<std::string>;

std::string load_error(std::string_view text) {
    TemplateSet set = TemplateSet::builtin();
    std::vector<TemplateError> errors;
    set.add(text, "bad.xml", errors);
    return errors.empty() ? std::string("(no error)") : errors.front().to_string();
}

std::string with_root(std::string_view body,
                      std::string_view root = R"(id="x" extends="national" unit="万元")") {
    return "<?xml version=\"1.0\"?>\n<template " + std::string(root) +
           ">\n<title zh=\"甲\" en=\"a\"/>\n" + std::string(body) + "</template>\n";
}

TEST(Templates, NationalDeclaresTheNineTablesInOrder) {
    const Template* national = TemplateSet::builtin().find("national");
    ASSERT_NE(national, nullptr);
    ASSERT_EQ(national->tables.size(), 9u);
    for (std::size_t i = 0; i < 9; ++i) {
        EXPECT_EQ(national->tables[i].id, "0" + std::to_string(i + 1));
        EXPECT_EQ(national->tables[i].order, static_cast<int>(i + 1));
    }
    EXPECT_EQ(national->table("08")->column_keys(), (Keys{"本年支出合计", "基本支出", "项目支出"}));
    EXPECT_EQ(national->table("01")->layout, Layout::two_halves);
    EXPECT_EQ(national->table("01")->sections[1].heading, "支出");
    EXPECT_EQ(national->table("01")->sections[1].lines, "functional-classes");
    EXPECT_EQ(national->table("01")->sections[0].lines, "");
    EXPECT_EQ(national->unit, "万元");
}

TEST(Templates, ShanghaiChangesTitlesOrderAndThe08Columns) {
    const Template* shanghai = TemplateSet::builtin().find("shanghai");
    ASSERT_NE(shanghai, nullptr);
    EXPECT_EQ(shanghai->table("06")->title, "一般公共预算财政拨款基本支出决算表");
    EXPECT_EQ(shanghai->table("09")->order, 7);
    EXPECT_EQ(shanghai->table("08")->column_keys(),
              (Keys{"年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出",
                    "年末结转和结余"}));
    // Inherited, not restated.
    EXPECT_EQ(shanghai->table("02")->columns.size(), 7u);
    EXPECT_EQ(shanghai->functional_classes().size(), 26u);
}

TEST(Templates, RecognitionKeepsTheOrderThatTellsTheTotalTablesApart) {
    const Template* national = TemplateSet::builtin().find("national");
    EXPECT_EQ(national->table_for_title("财政拨款收入支出决算总表"), "04");
    EXPECT_EQ(national->table_for_title("收入支出决算总表"), "01");
    EXPECT_EQ(national->table_for_title("支出决算表"), "03");
    EXPECT_EQ(national->table_for_title("某某支出决算表"), std::nullopt);
}

TEST(Templates, ReadingAllTemplatesUnitesColumnsAndRequiresOnlyWhatAllRequire) {
    Template reading = TemplateSet::builtin().reading();
    const Table* t08 = reading.table("08");
    ASSERT_NE(t08, nullptr);
    EXPECT_EQ(t08->column_keys(), (Keys{"年初结转和结余", "本年收入", "本年支出合计", "基本支出",
                                        "项目支出", "年末结转和结余"}));
    EXPECT_FALSE(t08->column("年初结转和结余")->required);
    EXPECT_TRUE(t08->column("本年支出合计")->required);
    EXPECT_EQ(reading.recognition.size(),
              TemplateSet::builtin().find("national")->recognition.size());
}

TEST(Templates, CataloguesNameClassesSectionsAndItems) {
    const Template* national = TemplateSet::builtin().find("national");
    EXPECT_EQ(national->functional_class_named("债务付息支出")->code, "232");
    EXPECT_EQ(national->functional_code("2080505")->name, "机关事业单位基本养老保险缴费支出");
    EXPECT_TRUE(national->economic_code("303")->personnel);
    EXPECT_FALSE(national->economic_code("302")->personnel);
    EXPECT_EQ(national->economic.front().code, "301");
    // Names by year: the 2019 catalogue renamed 210.
    const auto& former = national->functional_code("210")->former;
    ASSERT_EQ(former.size(), 1u);
    EXPECT_EQ(former[0].name, "医疗卫生与计划生育支出");
    EXPECT_EQ(former[0].before, 2019);
    // A report that prints the former name still means the class.
    EXPECT_EQ(national->functional_class_named("医疗卫生与计划生育支出")->code, "210");
    EXPECT_EQ(national->functional_class_named("卫生健康支出")->code, "210");
    EXPECT_EQ(national->functional_class_named("卫生支出"), nullptr);
}

TEST(Templates, ARegionIsOneFileInAFolder) {
    std::vector<TemplateError> errors;
    TemplateSet set =
        TemplateSet::load(TemplateSet::builtin(), TEMPLATES_TEST_DATA "/eleven", errors);
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    const Template* eleven = set.find("test-eleven");
    ASSERT_NE(eleven, nullptr);
    EXPECT_EQ(eleven->tables.size(), 11u);
    EXPECT_EQ(eleven->table_for_title("某单位政府采购情况表"), "10");
    EXPECT_EQ(eleven->table_for_title("收入决算表"), "02");  // inherited wording still applies
    EXPECT_EQ(set.reading().table_for_title("国有资产占用情况表"), "11");
}

TEST(Templates, AnUnknownAttributeIsAnErrorWithItsPlace) {
    EXPECT_EQ(load_error(with_root("<tables>\n<table id=\"02\" colour=\"red\"/>\n</tables>\n")),
              "bad.xml:5:2: <table> 不支持属性 colour / <table> has no attribute colour");
}

TEST(Templates, EveryInconsistencyFailsClosed) {
    const std::pair<std::string, std::string> cases[] = {
        {with_root("", R"(id="x" extends="yunnan" unit="万元")"), "bad.xml:2:2: extends"},
        {with_root("", R"(id="national" unit="万元")"), "already loaded"},
        {with_root("<recognition>\n<title table=\"12\" contains=\"甲\"/></recognition>\n"),
         "bad.xml:5:2: <title table=\"12\"> 指向模板未声明的表"},
        {with_root(
             "<recognition><title table=\"02\" contains=\"甲\" equals=\"乙\"/></recognition>\n"),
         "exactly one"},
        {with_root("<tables><table id=\"12\" title=\"甲\"/></tables>\n"), "needs a layout"},
        {with_root("<tables><table id=\"12\" title=\"甲\" layout=\"coded\"><column "
                   "key=\"a\"/><column key=\"a\"/>"
                   "</table></tables>\n"),
         "twice"},
        {with_root("<tables><table id=\"12\" title=\"甲\" layout=\"two-halves\"/></tables>\n"),
         "two <section>s"},
        {with_root("<functional-codes><class code=\"201\" name=\"甲\"><section code=\"20201\" "
                   "name=\"乙\"/>"
                   "</class></functional-codes>\n"),
         "starting with 201"},
        {with_root("<tables>\n<table id=\"02\" title=\"甲\" layout=\"zigzag\"/></tables>\n"),
         "bad.xml:5:2:"},
        {with_root("<tables><table id=\"01\"><section key=\"a\" heading=\"甲\" lines=\"all\"/>"
                   "<section key=\"b\" heading=\"乙\"/></table></tables>\n"),
         "must be functional-classes"},
        {with_root("<functional-codes><class code=\"201\" name=\"甲\"><former name=\"乙\" before=\"soon\"/>"
                   "</class></functional-codes>\n"),
         "must be a year"},
        {"<rulepack/>", "expected <template>"},
        {with_root("", R"(id="x" extends="national")"), "unit"},
    };
    for (const auto& [text, fragment] : cases)
        EXPECT_NE(load_error(text).find(fragment), std::string::npos)
            << text << "\n→ " << load_error(text);
}

TEST(Templates, AMissingFolderAddsNothing) {
    std::vector<TemplateError> errors;
    TemplateSet set = TemplateSet::load(TemplateSet::builtin(), "/nonexistent/templates", errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(set.all().size(), TemplateSet::builtin().all().size());
}

}  // namespace
}  // namespace fincheck::templates
