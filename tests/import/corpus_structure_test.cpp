// The four corpus reports import without error and with the structure pinned here: every
// standard table with its rows, columns and codes, the attachments and their fields, the
// section tree, the contents and the metadata.
#include <algorithm>
#include <vector>

#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

std::vector<std::string> codes(const Table& t) {
    std::vector<std::string> out;
    for (const auto& row : t.rows)
        if (!row.code.empty()) out.emplace_back(row.code);
    return out;
}

void expect_shape(const Report& report, std::string_view id, std::size_t rows, std::size_t columns) {
    const Table* t = report.table(id);
    ASSERT_NE(t, nullptr) << "table " << id;
    EXPECT_EQ(t->kind, TableKind::standard) << id;
    EXPECT_EQ(t->rows.size(), rows) << id;
    EXPECT_EQ(t->columns.size(), columns) << id;
    for (const auto& row : t->rows) EXPECT_EQ(row.cells.size(), columns) << id << " row " << row.key;
}

TEST_F(ImportCorpus, EveryReportImportsWithoutError) {
    for (auto name : {kWuhan, kFinanceBureau, kFinanceBureauAltered, kSocialWork}) {
        const auto& result = imported(name);
        ASSERT_TRUE(result) << name << ": " << (result.error ? result.error->to_string() : "");
        EXPECT_EQ(result.report->meta.fiscal_year, 2024) << name;
        EXPECT_EQ(result.report->meta.amount_unit, "万元") << name;
        EXPECT_EQ(result.report->meta.source_file, corpus(name).filename().string());
        EXPECT_EQ(result.report->meta.source_sha256.size(), 64u);
    }
}

TEST_F(ImportCorpus, WuhanMetadataComesFromTitleAndCover) {
    const Report& r = *imported(kWuhan).report;
    EXPECT_EQ(r.meta.title, "2024年度中共武汉市汉阳区委直属机关工作委员会部门决算");
    EXPECT_EQ(r.meta.title_line, 3u);
    EXPECT_EQ(r.meta.department, "中共武汉市汉阳区委直属机关工作委员会");
    EXPECT_EQ(r.meta.level, AdminLevel::district);
    EXPECT_EQ(r.meta.region, "武汉市汉阳区");
    EXPECT_EQ(r.meta.publication_date, "2025-10-15");
    EXPECT_EQ(r.meta.template_name, "national");
}

TEST_F(ImportCorpus, ShanghaiMetadataHasNoTemplateName) {
    const Report& bureau = *imported(kFinanceBureau).report;
    EXPECT_EQ(bureau.meta.department, "上海市普陀区财政局");
    EXPECT_EQ(bureau.meta.region, "上海市普陀区");
    EXPECT_EQ(bureau.meta.level, AdminLevel::district);
    EXPECT_EQ(bureau.meta.template_name, "");
    EXPECT_EQ(bureau.meta.publication_date, "");
    const Report& social = *imported(kSocialWork).report;
    // The cover title wraps over three lines.
    EXPECT_EQ(social.meta.title, "中共上海市普陀区委社会工作部 2024 年度部门决算");
    EXPECT_EQ(social.meta.department, "中共上海市普陀区委社会工作部");
    EXPECT_EQ(social.meta.region, "上海市普陀区");
}

TEST_F(ImportCorpus, WuhanStandardTablesHaveTheirRowsAndColumns) {
    const Report& r = *imported(kWuhan).report;
    expect_shape(r, "01", 42, 1);
    expect_shape(r, "02", 8, 7);
    expect_shape(r, "03", 8, 6);
    expect_shape(r, "04", 38, 4);
    expect_shape(r, "05", 8, 3);
    expect_shape(r, "06", 64, 1);
    expect_shape(r, "07", 1, 6);
    expect_shape(r, "08", 1, 3);
    expect_shape(r, "09", 1, 12);
    std::vector<std::string> expected = {"2013101", "2013102", "2013201", "2101103", "2130599", "2210201", "2210202"};
    EXPECT_EQ(codes(table(r, "02")), expected);
    EXPECT_EQ(codes(table(r, "03")), expected);
    EXPECT_EQ(codes(table(r, "05")), expected);
    EXPECT_EQ(table(r, "02").code, "公开02表");
    EXPECT_EQ(table(r, "06").department, "中共武汉市委直属机关工委");
}

TEST_F(ImportCorpus, WuhanSplitTablesBecomeIncomeAndExpenditureRows) {
    const Table& t01 = table(*imported(kWuhan).report, "01");
    EXPECT_EQ(raw(t01, "income/一般公共预算财政拨款收入", "决算数"), "592.29");
    EXPECT_EQ(raw(t01, "expenditure/213", "决算数"), "403");
    EXPECT_EQ(raw(t01, "expenditure/总计", "决算数"), "592.29");
    EXPECT_EQ(t01.row_by_key("income/总计")->level, RowLevel::total);
    EXPECT_EQ(t01.row_by_key("income/本年收入合计")->line_no, "27");
    const Table& t04 = table(*imported(kWuhan).report, "04");
    EXPECT_EQ(raw(t04, "expenditure/221", "一般公共预算财政拨款"), "11.43");
    EXPECT_EQ(raw(t04, "income/一般公共预算财政拨款", "合计"), "592.29");
    EXPECT_NE(t04.row_by_key("income/年初结转和结余/政府性基金预算财政拨款"), nullptr);
}

TEST_F(ImportCorpus, WuhanHeaderOneColumnOffItsColumnNumbersIsAligned) {
    const ImportResult& result = imported(kWuhan);
    const Table& t03 = table(*result.report, "03");
    EXPECT_EQ(raw(t03, "合计", "本年支出合计"), "592. 29");
    EXPECT_EQ(raw(t03, "2013102", "项目支出"), "35. 76");
    EXPECT_EQ(t03.columns[0].number, 1);
    EXPECT_EQ(t03.row_by_key("2013102")->label, "一般行政管理事务");
    EXPECT_TRUE(has_diagnostic(result, "import-table-columns", 145));
}

TEST_F(ImportCorpus, WuhanTable05LostColumnIsReportedNotGuessed) {
    const ImportResult& result = imported(kWuhan);
    const Table& t05 = table(*result.report, "05");
    // 小计 is proven by the header; the merged 「基本支出 项目支出」 field is not.
    EXPECT_EQ(raw(t05, "2013102", "合计"), "35.88");
    EXPECT_EQ(raw(t05, "2013102", "基本支出"), "");
    EXPECT_EQ(raw(t05, "2013102", "项目支出"), "");
    EXPECT_TRUE(has_diagnostic(result, "import-table-columns", 218));
    EXPECT_TRUE(has_diagnostic(result, "import-table-columns", 221));
    // A row of zeros with neither code nor name in 07 is reported, not read.
    EXPECT_TRUE(has_diagnostic(result, "import-unreadable-line", 281));
    // 08: a merged field holding one number per merged column is split.
    EXPECT_EQ(raw(table(*result.report, "08"), "合计", "项目支出"), "0.00");
}

TEST_F(ImportCorpus, WuhanTable06JoinsThreeCodeGroupsAndItsShiftedTotal) {
    const Table& t06 = table(*imported(kWuhan).report, "06");
    EXPECT_EQ(raw(t06, "30101", "决算数"), "19.70");
    EXPECT_EQ(raw(t06, "30211", "决算数"), "0.15");
    EXPECT_EQ(t06.row_by_key("310")->level, RowLevel::class_);
    EXPECT_EQ(raw(t06, "人员经费合计", "决算数"), "146.46");
    EXPECT_EQ(raw(t06, "公用经费合计", "决算数"), "6.71");
}

TEST_F(ImportCorpus, WuhanSangongHasBudgetAndActualColumns) {
    const Table& t09 = table(*imported(kWuhan).report, "09");
    EXPECT_EQ(t09.columns[0].key, "预算数/合计");
    EXPECT_EQ(t09.columns[9].key, "决算数/公务用车购置费");
    EXPECT_EQ(t09.columns[9].number, 10);
    EXPECT_EQ(raw(t09, "合计", "决算数/公务接待费"), "0.00");
}

TEST_F(ImportCorpus, WuhanAttachmentsCarryTheirFormsAndFields) {
    const Report& r = *imported(kWuhan).report;
    ASSERT_EQ(r.attachments.size(), 7u);
    const Attachment& project = r.attachments[1];
    EXPECT_EQ(project.label, "附件2-1");
    EXPECT_EQ(project.title, "2024年度中共武汉市汉阳区委直属机关工作委员会项目绩效自评表");
    EXPECT_EQ(project.fill_date, "2025-03-28");
    ASSERT_EQ(project.tables.size(), 1u);
    EXPECT_EQ(r.tables[static_cast<std::size_t>(project.tables[0])].id, "att-2-1");
    auto field = [&](const Attachment& a, std::string_view name) -> const Field* {
        for (const auto& f : a.fields)
            if (f.name == name) return &f;
        return nullptr;
    };
    ASSERT_NE(field(project, "项目名称"), nullptr);
    EXPECT_EQ(field(project, "项目名称")->raw, "党建经费");
    ASSERT_NE(field(project, "执行率 (B/A)"), nullptr);
    EXPECT_EQ(field(project, "执行率 (B/A)")->value, Decimal::parse("98.68"));
    EXPECT_EQ(field(project, "执行率 (B/A)")->unit, "%");
    EXPECT_EQ(field(project, "预算数 (A)")->unit, "万元");
    // Checkboxes are markers in the text, not HTML.
    EXPECT_EQ(field(project, "项目类别")->raw, "1、部门预算项目 ☑ 2、区直专项 ☐ 3、上级对下转移支付项目 ☐");
    // 附件2-2 is titled with the wrong year: kept as printed for the year rules.
    EXPECT_EQ(r.attachments[2].title, "2023年度中共武汉市汉阳区委直属机关工作委员会项目绩效自评表");
    EXPECT_EQ(field(r.attachments[6], "绩效自评覆盖率")->value, Decimal::parse("100"));
    EXPECT_EQ(r.table("att-3")->rows.size(), 6u);
}

TEST_F(ImportCorpus, WuhanSectionTreeContentsAndBlocks) {
    const Report& r = *imported(kWuhan).report;
    ASSERT_EQ(r.toc.size(), 30u);
    EXPECT_EQ(r.toc[0].text, "第一部分 中共武汉市汉阳区委直属机关工作委员会概况");
    EXPECT_EQ(r.toc[0].level, 1);
    // The contents list continues after a blank line (line 34).
    EXPECT_EQ(r.toc[19].text, "六、一般公共预算财政拨款基本支出决算情况说明");
    EXPECT_EQ(r.toc[19].line, 35u);
    EXPECT_EQ(r.sections.size(), 33u);
    auto at_line = [&](SourceLine line) {
        return static_cast<int>(std::find_if(r.sections.begin(), r.sections.end(),
                                             [&](const Section& s) { return s.line == line; }) - r.sections.begin());
    };
    int sub = at_line(367);
    ASSERT_LT(sub, static_cast<int>(r.sections.size()));
    const Section& five = r.sections[static_cast<std::size_t>(sub)];
    EXPECT_EQ(five.number, "（一）");
    EXPECT_EQ(five.level, 3);
    EXPECT_EQ(r.sections[static_cast<std::size_t>(five.parent)].number, "五、");
    EXPECT_EQ(r.section_path(sub), "第三部分 中共武汉市汉阳区委直属机关工作委员会2024年度部门决算情况说明 / 五、 一般公共预算财政拨款支出决算情况说明 / （一） 一般公共预算财政拨款支出决算总体情况。");
    auto count = [&](BlockKind kind) {
        return std::count_if(r.blocks.begin(), r.blocks.end(), [&](const Block& b) { return b.kind == kind; });
    };
    EXPECT_EQ(count(BlockKind::caption), 4);
    EXPECT_EQ(count(BlockKind::list_item), 3);
    // A paragraph cut by a page break (lines 416 / 418) is one block.
    auto joined = std::find_if(r.blocks.begin(), r.blocks.end(), [](const Block& b) { return b.line == 416; });
    ASSERT_NE(joined, r.blocks.end());
    EXPECT_NE(std::string_view(joined->text).find("比上年增加5.37%"), std::string_view::npos);
    EXPECT_EQ(table(r, "07").note.substr(0, 6), "注：");
    EXPECT_NE(table(r, "07").note.find("说明："), std::string_view::npos);
}

TEST_F(ImportCorpus, ShanghaiTablesFoundByTitleWithSplitCodesAndTotalsAnywhere) {
    const Report& r = *imported(kFinanceBureau).report;
    expect_shape(r, "01", 42, 1);
    expect_shape(r, "02", 20, 7);
    expect_shape(r, "03", 20, 6);
    expect_shape(r, "04", 38, 4);
    expect_shape(r, "05", 20, 3);
    expect_shape(r, "06", 66, 1);
    expect_shape(r, "07", 1, 6);
    expect_shape(r, "08", 1, 6);
    expect_shape(r, "09", 1, 12);
    std::vector<std::string> expected = {"201", "20106", "2010601", "2010602", "2010607", "2010608", "208",
                                         "20805", "2080501", "2080505", "2080506", "2080599", "210", "21011",
                                         "2101101", "221", "22102", "2210201", "2210203"};
    EXPECT_EQ(codes(table(r, "02")), expected);
    EXPECT_EQ(codes(table(r, "03")), expected);
    EXPECT_EQ(codes(table(r, "05")), expected);
    // 合计 in the 类/款/项 header row (02) and last (05).
    EXPECT_EQ(raw(table(r, "02"), "合计", "其他收入"), "6.20");
    EXPECT_EQ(raw(table(r, "05"), "合计", "基本支出"), "2,336.91");
    EXPECT_EQ(table(r, "02").row_by_key("20106")->level, RowLevel::item);
    EXPECT_EQ(raw(table(r, "01"), "income/使用非财政拨款结余", "决算数"), "");
    EXPECT_EQ(raw(table(r, "04"), "income/年初结转和结余/一般公共预算财政拨款", "合计"), "21.63");
    EXPECT_EQ(raw(table(r, "06"), "30101", "决算数"), "262.33");
    EXPECT_EQ(raw(table(r, "06"), "公用经费合计", "决算数"), "184.65");
    EXPECT_EQ(raw(table(r, "09"), "合计", "预算数/合计"), "0.95");
    EXPECT_EQ(raw(table(r, "09"), "合计", "预算数/公务接待费"), "0.95");
    EXPECT_TRUE(table(r, "07").empty_of_values());
    EXPECT_EQ(r.table("other-1")->rows.size(), 3u);
    EXPECT_EQ(r.toc.size(), 26u);
    EXPECT_EQ(r.sections.size(), 26u);
}

TEST_F(ImportCorpus, SocialWorkFundTablesKeepTheTotalPrintedInTheirHeader) {
    const Report& r = *imported(kSocialWork).report;
    expect_shape(r, "02", 18, 7);
    expect_shape(r, "05", 18, 3);
    expect_shape(r, "06", 67, 1);
    expect_shape(r, "07", 1, 6);
    EXPECT_EQ(table(r, "07").row_by_key("合计")->line, 292u);
    EXPECT_EQ(raw(table(r, "02"), "合计", "本年收入合计"), "307.82");
    EXPECT_EQ(raw(table(r, "06"), "31099", "决算数"), "0.00");
    EXPECT_EQ(raw(table(r, "06"), "人员经费合计", "决算数"), "95.36");
    EXPECT_TRUE(table(r, "09").empty_of_values());
    EXPECT_NE(std::string_view(table(r, "09").note).find("说明"), std::string_view::npos);
    EXPECT_EQ(r.toc.size(), 26u);
}

TEST_F(ImportCorpus, AlteredReportLacksTheExpenditureTableAndSaysNothingAboutIt) {
    const ImportResult& result = imported(kFinanceBureauAltered);
    EXPECT_EQ(result.report->table("03"), nullptr);  // the structure rules report it
    EXPECT_NE(result.report->table("02"), nullptr);
    EXPECT_EQ(table(*result.report, "06").rows.size(), 66u);
}

}  // namespace
}  // namespace fincheck::import_test
