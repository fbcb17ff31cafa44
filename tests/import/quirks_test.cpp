// One small hand-written text per extraction quirk: what the importer repairs, and what it
// reports instead of guessing.
#include <algorithm>

#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

std::string text(std::initializer_list<std::string_view> lines) {
    std::string out;
    for (auto line : lines) {
        out += line;
        out += '\n';
    }
    return out;
}

const std::string kTitle = text({"**2024年度湖北省某市某某县", "测试局部门决算**", "", "2025年9月1日", ""});

ImportResult run(const std::string& body) {
    auto result = import_text(kTitle + body, "quirk.txt");
    if (!result) ADD_FAILURE() << result.error->to_string();
    return result;
}

TEST(ImportQuirks, TitleOverTwoLinesGivesYearDepartmentAndRegion) {
    auto result = run(text({"第一部分 概况", "", "正文。"}));
    const Metadata& meta = result.report->meta;
    EXPECT_EQ(meta.title, "2024年度湖北省某市某某县测试局部门决算");
    EXPECT_EQ(meta.fiscal_year, 2024);
    EXPECT_EQ(meta.department, "湖北省某市某某县测试局");
    EXPECT_EQ(meta.region, "湖北省某市某某县");
    EXPECT_EQ(meta.level, AdminLevel::district);
    EXPECT_EQ(meta.publication_date, "2025-09-01");
    EXPECT_EQ(meta.template_name, "");  // no 公开NN表 codes
}

TEST(ImportQuirks, CityDepartmentIsCityLevel) {
    auto result = import_text(text({"**2024年度中共某某市委某某部部门决算**", "", "第一部分 概况"}), "city.txt");
    ASSERT_TRUE(result);
    EXPECT_EQ(result.report->meta.region, "某某市");
    EXPECT_EQ(result.report->meta.level, AdminLevel::city);
}

TEST(ImportQuirks, ContentsContinuedAfterBlankLineIsOneList) {
    auto result = run(text({"目 录", "", "第一部分 概况", "", "- 一、职责", "", "- 二、机构", "第二部分 表", "",
                            "第一部分 概况", "", "一、职责", "", "正文。"}));
    const Report& r = *result.report;
    ASSERT_EQ(r.toc.size(), 4u);
    EXPECT_EQ(r.toc[2].text, "二、机构");
    EXPECT_EQ(r.toc[2].level, 2);
    EXPECT_EQ(r.toc[3].line, 13u);
    ASSERT_EQ(r.sections.size(), 2u);
    EXPECT_EQ(r.sections[1].parent, 0);
    EXPECT_EQ(r.sections[1].heading, "职责");
}

TEST(ImportQuirks, PartHeadingPrintedWithoutItsNumberOpensThatPart) {
    // The contents list 第二部分; the body prints its heading without the number (and with
    // other spacing). Its table and text belong to part two, not to part one.
    auto result = run(text({"目 录", "", "第一部分 概况", "", "第二部分 测试局 2024 年度部门决算表", "",
                            "第三部分 情况说明", "", "第一部分 概况", "", "正文一。", "",
                            "测试局2024年度部门决算表", "", "收支情况表", "", "项目\t金额", "合计\t1.00", "",
                            "正文二。", "", "第三部分 情况说明", "", "正文三。"}));
    const Report& r = *result.report;
    ASSERT_EQ(r.sections.size(), 3u);
    const Section& part_two = r.sections[1];
    EXPECT_EQ(part_two.number, "");  // as printed; structure-toc-mismatch reports the missing number
    EXPECT_EQ(part_two.heading, "测试局2024年度部门决算表");
    EXPECT_EQ(part_two.level, 1);
    EXPECT_EQ(part_two.parent, -1);
    EXPECT_EQ(part_two.line, 18u);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].section, 1);
    ASSERT_EQ(r.blocks.size(), 3u);
    EXPECT_EQ(r.blocks[0].section, 0);
    EXPECT_EQ(r.blocks[1].text, "正文二。");
    EXPECT_EQ(r.blocks[1].section, 1);
    EXPECT_EQ(r.blocks[2].section, 2);
    EXPECT_EQ(r.sections[2].number, "第三部分");
}

TEST(ImportQuirks, LineEqualToAPartAlreadyOpenedOrNotListedStaysAParagraph) {
    auto result = run(text({"目 录", "", "第一部分 概况", "", "第二部分 说明", "", "第一部分 概况", "", "正文一。", "",
                            "第二部分 说明", "", "概况", "", "其他说明", "", "说明"}));
    const Report& r = *result.report;
    // 「概况」 repeats part one (opened before part two); 「其他说明」 is not listed; 「说明」
    // repeats part two, which the body has already opened with its number.
    ASSERT_EQ(r.sections.size(), 2u);
    ASSERT_EQ(r.blocks.size(), 4u);
    for (std::size_t b = 1; b < r.blocks.size(); ++b) EXPECT_EQ(r.blocks[b].section, 1);
}

TEST(ImportQuirks, ParagraphCutByPageBreakIsJoinedButFinishedOneIsNot) {
    auto result = run(text({"第一部分 说明", "", "本年度机关运行经费支出合计比上年增加了一些资金，主要原因是在职人员经费增加以及项目经费有所增加，",
                            "", "比上年增长5.37%。", "", "另一段。"}));
    const Report& r = *result.report;
    ASSERT_EQ(r.blocks.size(), 2u);
    EXPECT_EQ(r.blocks[0].text, "本年度机关运行经费支出合计比上年增加了一些资金，主要原因是在职人员经费增加以及项目经费有所增加，比上年增长5.37%。");
    EXPECT_EQ(r.blocks[0].line, 8u);
    EXPECT_EQ(r.blocks[1].text, "另一段。");
}

TEST(ImportQuirks, CaptionsListItemsNotesAndNumberedLines) {
    auto result = run(text({"第一部分 说明", "", "图1：收入结构", "", "- 1.因公出国费0.00万元。", "- 2.接待费0.00万元。",
                            "", "注：1.第一条。", "2.第二条。", "", "1. 第一项；", "2. 第二项。"}));
    const Report& r = *result.report;
    ASSERT_EQ(r.blocks.size(), 6u);
    EXPECT_EQ(r.blocks[0].kind, BlockKind::caption);
    EXPECT_EQ(r.blocks[1].kind, BlockKind::list_item);
    EXPECT_EQ(r.blocks[1].text, "1.因公出国费0.00万元。");
    EXPECT_EQ(r.blocks[3].kind, BlockKind::note);
    EXPECT_EQ(r.blocks[3].text, "注：1.第一条。2.第二条。");
    EXPECT_EQ(r.blocks[5].text, "2. 第二项。");
}

const std::string kTable02Head = text({"2024年度收入决算表", "", "公开02表", "单位：万元", "",
                                       "项目\t\t\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入"});

TEST(ImportQuirks, TableContinuedAfterPageBreakAndEmptyBorderedRowsDropped) {
    auto result = run(kTable02Head + text({"类\t款\t项\t合计\t2,946.25\t2,940.05\t\t\t\t\t6.20",
                                           "201\t\t\t一般公共服务支出\t2,112.86\t2,106.66\t\t\t\t\t6.20",
                                           "201\t06\t\t财政事务\t2,112.86\t2,106.66\t\t\t\t\t6.20", "",
                                           "\t\t\t\t\t\t\t\t\t\t", "201\t06\t01\t行政运行\t1,511.90\t1,511.89\t\t\t\t\t0.01"}));
    const Table& t = table(*result.report, "02");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[0].key, "合计");
    EXPECT_EQ(t.rows[0].level, RowLevel::total);
    EXPECT_EQ(t.rows[2].code, "20106");
    EXPECT_EQ(t.rows[3].code, "2010601");
    EXPECT_EQ(t.rows[3].level, RowLevel::subitem);
    EXPECT_EQ(t.rows[3].line, 17u);
    EXPECT_EQ(t.value(t.rows[0], "本年收入合计"), Decimal::parse("2946.25"));
    EXPECT_EQ(t.code, "公开02表");
    EXPECT_EQ(result.report->meta.template_name, "national");
}

TEST(ImportQuirks, SpacedAndFullWidthNumbersKeepTheirRawText) {
    auto result = run(kTable02Head + text({"\t\t\t合计\t592. 29\t５９２．２９\t\t\t\t\t", "2013101\t\t\t行政运行\t126. 08\t126.08\t\t\t\t\t"}));
    const Table& t = table(*result.report, "02");
    EXPECT_EQ(raw(t, "合计", "本年收入合计"), "592. 29");
    EXPECT_EQ(t.value(*t.row_by_key("合计"), "本年收入合计"), Decimal::parse("592.29"));
    EXPECT_EQ(t.value(*t.row_by_key("合计"), "财政拨款收入"), Decimal::parse("592.29"));
}

TEST(ImportQuirks, HeaderOneColumnOffTheColumnNumbersIsRealigned) {
    auto result = run(text({"2024年度支出决算表", "", "单位：万元", "",
                            "项目\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出\t",
                            "类\t款\t项\t栏次\t1\t2\t3\t4\t5\t6", "\t\t\t合计\t10.00\t4.00\t6.00\t\t\t",
                            "2013101\t\t\t行政运行\t10.00\t4.00\t6.00\t\t\t"}));
    const Table& t = table(*result.report, "03");
    EXPECT_EQ(raw(t, "2013101", "本年支出合计"), "10.00");
    EXPECT_EQ(raw(t, "2013101", "项目支出"), "6.00");
    EXPECT_EQ(t.row_by_key("2013101")->label, "行政运行");
    EXPECT_EQ(t.columns[2].number, 3);
}

TEST(ImportQuirks, MergedHeaderFieldIsSplitOnlyWhenItHoldsOneNumberPerColumn) {
    auto result = run(text({"2024年度国有资本经营预算财政拨款支出决算表", "", "单位：万元", "",
                            "项目\t\t\t本年支出\t\t", "功能分类科目编码\t\t\t科目名称\t合计\t基本支出 项目支出",
                            "\t\t\t合计\t3.00\t1.00 2.00", "2013101\t\t\t行政运行\t3.00\t3.00"}));
    const Table& t = table(*result.report, "08");
    EXPECT_EQ(raw(t, "合计", "基本支出"), "1.00");
    EXPECT_EQ(raw(t, "合计", "项目支出"), "2.00");
    EXPECT_EQ(raw(t, "2013101", "本年支出合计"), "3.00");
    EXPECT_EQ(raw(t, "2013101", "基本支出"), "");  // one number under two columns: not guessed
    EXPECT_TRUE(has_diagnostic(result, "import-table-columns", 13));
    EXPECT_FALSE(has_diagnostic(result, "import-table-columns", 12));
}

TEST(ImportQuirks, ValueInTheNameColumnIsReportedAndTheRowNotRead) {
    auto result = run(text({"2024年度一般公共预算财政拨款支出决算表", "", "单位：万元", "",
                            "项目\t\t\t\t合计\t基本支出\t项目支出", "\t\t\t合计\t5.00\t5.00\t",
                            "\t\t\t0.00\t0.00\t0.00\t"}));
    const Table& t = table(*result.report, "05");
    EXPECT_EQ(t.rows.size(), 1u);
    EXPECT_TRUE(has_diagnostic(result, "import-unreadable-line", 12));
}

TEST(ImportQuirks, HtmlFragmentsAreStrippedAndCheckboxesBecomeMarkers) {
    auto result = run(text({"第六部分 附件", "", "附件 2-1:", "", "2024年度测试局项目绩效自评表", "",
                            "单位名称: 测试局 填报日期: 2025年3月28日", "",
                            "项目名称\t\t经费\t\t", "项目类别\t\t1、部门预算 <input checked=\"\" type=\"checkbox\"/> 2、专项 <input type=\"checkbox\"/>\t\t",
                            "预算执行情况 (万元)\t\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)",
                            "\t\t年度财政资金总额\t20万元\t19万元\t95%",
                            "<p>偏差原因</p>\t<p>偏差小。</p>\t\t\t\t"}));
    const Report& r = *result.report;
    ASSERT_EQ(r.attachments.size(), 1u);
    const Attachment& a = r.attachments[0];
    EXPECT_EQ(a.label, "附件2-1");
    EXPECT_EQ(a.fill_date, "2025-03-28");
    const Table& form = table(r, "att-2-1");
    EXPECT_EQ(form.kind, TableKind::attachment_form);
    EXPECT_EQ(form.rows[1].cells[2].raw, "1、部门预算 ☑ 2、专项 ☐");
    EXPECT_EQ(form.rows[4].cells[0].raw, "偏差原因");
    auto rate = std::find_if(a.fields.begin(), a.fields.end(), [](const Field& f) { return f.name == "执行率 (B/A)"; });
    ASSERT_NE(rate, a.fields.end());
    EXPECT_EQ(rate->value, Decimal::parse("95"));
    EXPECT_EQ(rate->line, 17u);
}

// A form printed with a full header row: a leading 序号 numbers the rows (合计 in it names
// the total), a leading 项目 names them, a 三级指标 names an indicator row; none of them is a
// column, and columns are keyed without their formula mark.
TEST(ImportQuirks, FormColumnsOfNumbersAndNamesGiveTheRowsTheirKeysAndLabels) {
    auto result = run(text({"第六部分 附件", "", "附件1", "", "2024年度测试局部门整体绩效自评表", "",
                            "序号\t二级指标\t三级指标\t年初目标值\t实际完成值", "1\t预算编制\t预算编制科学性\t按实有人数编制\t完成",
                            "2\t预算编制\t预算编制合理性\t优先保障\t完成", "", "附件2-1", "", "2024年度测试局项目绩效自评表", "",
                            "项目\t预算数（A）\t执行数（B）\t执行率（B/A）", "年度财政资金总额\t5.70\t4.87\t85.44%", "",
                            "附件3", "", "2024年度测试局部门绩效自评情况汇总表", "",
                            "序号\t项目名称\t资金使用单位\t财政资金总额", "1\t党建经费\t测试局\t5.70",
                            "合计\t1个项目\t测试局\t5.70"}));
    const Report& r = *result.report;
    const Table& overall = table(r, "att-1");
    ASSERT_EQ(overall.columns.size(), 4u);
    EXPECT_EQ(overall.columns[0].key, "二级指标");
    ASSERT_EQ(overall.rows.size(), 2u);
    EXPECT_EQ(overall.rows[1].key, "2");
    EXPECT_EQ(overall.rows[1].line_no, "2");
    EXPECT_EQ(overall.rows[1].label, "预算编制合理性");
    EXPECT_EQ(overall.rows[1].cells[0].raw, "预算编制");
    const Table& project = table(r, "att-2-1");
    ASSERT_EQ(project.columns.size(), 3u);
    EXPECT_EQ(project.columns[2].key, "执行率");
    EXPECT_EQ(project.columns[2].header, (std::vector<std::string_view>{"执行率（B/A）"}));
    ASSERT_EQ(project.rows.size(), 1u);
    EXPECT_EQ(project.rows[0].key, "年度财政资金总额");
    EXPECT_EQ(project.rows[0].cells[0].raw, "5.70");
    const Attachment& form = r.attachments[1];
    auto rate = std::find_if(form.fields.begin(), form.fields.end(), [](const Field& f) { return f.name == "执行率（B/A）"; });
    ASSERT_NE(rate, form.fields.end());
    EXPECT_EQ(rate->value, Decimal::parse("85.44"));
    const Table& summary = table(r, "att-3");
    ASSERT_EQ(summary.columns.size(), 3u);
    ASSERT_EQ(summary.rows.size(), 2u);
    EXPECT_EQ(summary.rows[0].label, "党建经费");
    EXPECT_EQ(summary.rows[1].key, "合计");
    EXPECT_EQ(summary.rows[1].label, "合计");
    EXPECT_EQ(summary.rows[1].level, RowLevel::total);
    EXPECT_EQ(summary.rows[1].cells[0].raw, "1个项目");
}

TEST(ImportQuirks, TableTitledLikeAStandardOneWithOtherColumnsIsReported) {
    auto result = run(text({"2024年度收入决算表", "", "名称\t金额", "甲\t1.00"}));
    EXPECT_EQ(result.report->table("02"), nullptr);
    ASSERT_NE(result.report->table("other-1"), nullptr);
    EXPECT_TRUE(has_diagnostic(result, "import-unknown-table", 6));
}

TEST(ImportQuirks, SecondTableWithTheSameTitleIsReportedAsDuplicate) {
    std::string body = kTable02Head + text({"\t\t\t合计\t1.00\t1.00\t\t\t\t\t", ""});
    auto result = run(body + body);
    EXPECT_NE(result.report->table("02"), nullptr);
    EXPECT_NE(result.report->table("other-1"), nullptr);
    EXPECT_TRUE(std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                            [](const Finding& f) { return f.message_id == "duplicate"; }));
}

TEST(ImportQuirks, EveryDiagnosticIdIsDeclared) {
    auto result = run(kTable02Head + text({"\t\t\t0.00\t1.00\t\t\t\t\t\t"}));
    ASSERT_FALSE(result.diagnostics.empty());
    for (const auto& finding : result.diagnostics) {
        auto meta = std::find_if(import_rule_metas().begin(), import_rule_metas().end(),
                                 [&](const RuleMeta& m) { return m.id == finding.rule_id; });
        ASSERT_NE(meta, import_rule_metas().end()) << finding.rule_id;
        EXPECT_NE(meta->message(finding.message_id), nullptr) << finding.message_id;
        EXPECT_EQ(meta->category, "import");
    }
}

}  // namespace
}  // namespace fincheck::import_test
