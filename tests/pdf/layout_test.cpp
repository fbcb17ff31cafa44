// The layout steps on small hand-built word lists: no PDF, no poppler.
#include <gtest/gtest.h>

#include "emit.hpp"
#include "furniture.hpp"
#include "lines.hpp"
#include "tables.hpp"

namespace fincheck::pdf_detail {
namespace {

Word word(std::string text, double x0, double y0, double x1, double y1) { return Word{{x0, y0, x1, y1}, std::move(text)}; }

// A CJK word 12 pt per character, 3 pt high (the ONLYOFFICE metrics) on the line at `y`.
Word cjk(std::string text, double x0, double y, std::size_t chars) {
    return word(std::move(text), x0, y - 1.5, x0 + 12.0 * static_cast<double>(chars), y + 1.5);
}
// An amount whose box is 22 pt high and centred 4.7 pt above the CJK line it belongs to.
Word amount(std::string text, double x1, double y) {
    return word(std::move(text), x1 - 6.0 * static_cast<double>(text.size()), y - 4.7 - 11, x1, y - 4.7 + 11);
}

Page page_of(std::vector<Word> words, int number = 1) {
    Page page;
    page.number = number;
    page.width = 595;
    page.height = 842;
    page.words = std::move(words);
    return page;
}

std::vector<std::string> texts(const Line& line) {
    std::vector<std::string> out;
    for (const Cell& cell : line.cells) out.push_back(cell.text);
    return out;
}

TEST(PdfLines, TallAmountBoxesJoinTheCjkRowWhoseCentreIsNearest) {
    Page page = page_of({cjk("行政单位医疗", 195, 84.2, 6), amount("60.99", 402, 84.2), cjk("住房保障支出", 195, 101.5, 6),
                         amount("445.69", 402, 101.5)});
    std::vector<Line> lines = group_lines(page, floating_offset({page}));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(texts(lines[0]), (std::vector<std::string>{"行政单位医疗", "60.99"}));
    EXPECT_EQ(texts(lines[1]), (std::vector<std::string>{"住房保障支出", "445.69"}));
}

TEST(PdfLines, NarrowGapsJoinWithoutSpacesBetweenCjkAndWithOneBesideNumbers) {
    Line line;
    line.words = {cjk("纳入财政局", 72, 100, 5), word("2024", 135, 98, 159, 102), cjk("年度", 162, 100, 2)};
    split_cells(line, 12);
    EXPECT_EQ(texts(line), (std::vector<std::string>{"纳入财政局 2024 年度"}));
    Line spaced;  // letter-spaced heading: one character per word, no spaces written
    spaced.words = {cjk("因", 100, 50, 1), cjk("公", 118, 50, 1), cjk("出", 136, 50, 1), cjk("国", 154, 50, 1)};
    split_cells(spaced, 12);
    EXPECT_EQ(texts(spaced), (std::vector<std::string>{"因公出国"}));
    Line columns;  // a column-wide gap makes two cells
    columns.words = {cjk("项目", 72, 50, 2), cjk("决算数", 200, 50, 3)};
    split_cells(columns, 12);
    EXPECT_EQ(texts(columns).size(), 2u);
}

TEST(PdfFurniture, PageNumbersInTheMarginsGoProseStays) {
    std::vector<Page> pages = {page_of({}, 1), page_of({}, 2)};
    auto line_at = [](std::string text, double y) {
        Line line;
        line.words = {cjk(text, 280, y, 2)};
        line.box = line.words[0].box;
        line.y = y;
        split_cells(line, 12);
        return line;
    };
    std::vector<std::vector<Line>> lines = {{line_at("正文", 300), line_at("- 1 -", 820)}, {line_at("正文", 300), line_at("2", 820)}};
    remove_furniture(lines, pages);
    ASSERT_EQ(lines[0].size(), 1u);
    ASSERT_EQ(lines[1].size(), 1u);
    EXPECT_EQ(lines[0][0].text(), "正文");
}

// A two-half table: 收入 over 项目 | 决算数, 支出 over 项目 | 决算数; one blank amount.
std::vector<Line> sample_table() {
    Page page = page_of({
        cjk("收入", 155, 100, 2), cjk("支出", 428, 100, 2),  // centred over their halves
        cjk("项目", 90, 117, 2), cjk("决算数", 230, 117, 3), cjk("项目", 360, 117, 2), cjk("决算数", 500, 117, 3),
        cjk("一、财政拨款收入", 45, 134, 8), amount("2,940.05", 290, 134), cjk("一、一般公共服务支出", 320, 134, 10),
        amount("2,106.66", 560, 134),
        cjk("二、事业收入", 45, 151, 6), cjk("二、外交支出", 320, 151, 6),
        cjk("三、其他收入", 45, 168, 6), amount("6.20", 290, 168), cjk("三、国防支出", 320, 168, 6), amount("1.00", 560, 168),
    });
    return group_lines(page, floating_offset({page}));
}

TEST(PdfTables, BlankCellsStayBlankAndGroupHeadingsSitOverTheirFirstColumn) {
    std::vector<Line> lines = sample_table();
    std::vector<const Line*> region;
    for (const Line& line : lines) region.push_back(&line);
    std::vector<Band> bands = column_bands(region, 12);
    ASSERT_EQ(bands.size(), 4u);
    Table table = build_table(region, bands, 12);
    ASSERT_EQ(table.rows.size(), 5u);
    EXPECT_EQ(table.rows[0].cells, (std::vector<std::string>{"收入", "", "支出", ""}));
    EXPECT_EQ(table.rows[1].cells, (std::vector<std::string>{"项目", "决算数", "项目", "决算数"}));
    EXPECT_EQ(table.rows[3].cells, (std::vector<std::string>{"二、事业收入", "", "二、外交支出", ""}));
    EXPECT_EQ(table.rows[4].cells, (std::vector<std::string>{"三、其他收入", "6.20", "三、国防支出", "1.00"}));
}

TEST(PdfTables, WrappedLabelIsJoinedToItsRowButANewItemIsNot) {
    Page page = page_of({
        cjk("项目", 90, 100, 2), cjk("决算数", 230, 100, 3),
        cjk("机关事业单位基本养老保险缴费", 45, 117, 14), amount("160.75", 290, 117),
        cjk("支出", 45, 130, 2),
        cjk("二、外交支出", 45, 147, 6),
    });
    std::vector<Line> lines = group_lines(page, floating_offset({page}));
    std::vector<const Line*> region;
    for (const Line& line : lines) region.push_back(&line);
    Table table = build_table(region, column_bands(region, 12), 12);
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[1].cells, (std::vector<std::string>{"机关事业单位基本养老保险缴费支出", "160.75"}));
    EXPECT_EQ(table.rows[2].cells[0], "二、外交支出");
}

TEST(PdfRebuild, ParagraphsContinueAcrossLinesAndPagesWithoutSpaces) {
    std::vector<Page> pages = {
        page_of({cjk("第一部分概况", 72, 100, 6), cjk("一、主要职能", 96, 130, 6),
                 cjk("本局负责全区财政工作并承担预算编制与执行的责任以及财政资金", 96, 160, 29),
                 cjk("管理的各项工作职责和其他相关任务具体如下所述内容包括收入", 72, 175, 29)}, 1),
        page_of({cjk("支出预算的编制。", 72, 100, 8)}, 2)};
    Rebuilt rebuilt = rebuild_text(pages);
    EXPECT_NE(rebuilt.text.find("本局负责全区财政工作并承担预算编制与执行的责任以及财政资金管理的各项工作职责和其他相关任务具体如下所述内容包括收入支出预算的编制。"),
              std::string::npos)
        << rebuilt.text;
    // Every non-blank line has its page.
    std::size_t line = 1;
    for (std::size_t at = 0; at < rebuilt.text.size(); ++line) {
        std::size_t end = rebuilt.text.find('\n', at);
        if (end > at) {
            EXPECT_GT(rebuilt.line_origin.at(line).page, 0) << "line " << line;
        }
        at = end + 1;
    }
}

}  // namespace
}  // namespace fincheck::pdf_detail

namespace fincheck::pdf_detail {
namespace {

// A table broken across two pages, its header repeated on the second: the header is written
// once, the second page's rows continue the table in the same columns, a blank cell stays blank.
TEST(PdfRebuild, TableContinuedOnTheNextPageDropsTheRepeatedHeader) {
    auto header = [] {
        return std::vector<Word>{cjk("支出决算表", 250, 100, 5), cjk("项目", 90, 140, 2), cjk("决算数", 254, 140, 3)};
    };
    std::vector<Word> first = header();
    for (Word w : {cjk("一、财政拨款收入", 45, 157, 8), amount("2,940.05", 290, 157), cjk("二、事业收入", 45, 174, 6),
                   amount("6.20", 290, 174)})
        first.push_back(w);
    std::vector<Word> second = {cjk("项目", 90, 100, 2), cjk("决算数", 254, 100, 3), cjk("三、经营收入", 45, 117, 6),
                                cjk("四、其他收入", 45, 134, 6), amount("1.00", 290, 134)};
    Page cover = page_of({cjk("某局", 250, 300, 2), cjk("2024年度部门决算", 200, 330, 8)}, 1);
    Rebuilt rebuilt = rebuild_text({cover, page_of(first, 2), page_of(second, 3)});
    std::size_t headers = 0;
    for (std::size_t at = rebuilt.text.find("项目\t决算数"); at != std::string::npos; at = rebuilt.text.find("项目\t决算数", at + 1))
        ++headers;
    EXPECT_EQ(headers, 1u) << rebuilt.text;
    EXPECT_NE(rebuilt.text.find("三、经营收入\t\n"), std::string::npos) << rebuilt.text;
    EXPECT_NE(rebuilt.text.find("四、其他收入\t1.00\n"), std::string::npos) << rebuilt.text;
}


// A space a little under 0.2 character (Noto Sans CJK's is 0.199 em) is still a space.
TEST(PdfLines, ASpaceOfNotoSansCjkWidthIsKept) {
    Line line;
    line.words = {word("9.", 72, 98, 82, 102), cjk("聚焦年度目标", 82 + 0.199 * 12, 100, 6)};
    split_cells(line, 12);
    EXPECT_EQ(texts(line), (std::vector<std::string>{"9. 聚焦年度目标"}));
    Line touching;  // no gap: no space
    touching.words = {word("9.", 72, 98, 82, 102), cjk("聚焦", 82.5, 100, 2)};
    split_cells(touching, 12);
    EXPECT_EQ(texts(touching), (std::vector<std::string>{"9.聚焦"}));
}

// A table over three pages, its header repeated on each: written once, whatever the page.
TEST(PdfRebuild, TableOverThreePagesDropsEveryRepeatedHeader) {
    auto page_rows = [](std::vector<Word> words, const std::vector<std::pair<std::string, std::string>>& rows) {
        for (Word w : {cjk("项目", 90, 100, 2), cjk("决算数", 254, 100, 3)}) words.push_back(w);
        double y = 117;
        for (const auto& [label, value] : rows) {
            words.push_back(cjk(label, 45, y, label.size() / 3));
            words.push_back(amount(value, 290, y));
            y += 17;
        }
        return words;
    };
    Page cover = page_of({cjk("某局", 250, 300, 2), cjk("2024年度部门决算", 200, 330, 8)}, 1);
    Page first = page_of(page_rows({cjk("支出决算表", 250, 70, 5)}, {{"一、甲类收入", "1.00"}, {"二、乙类收入", "2.00"}}), 2);
    Page second = page_of(page_rows({}, {{"三、丙类收入", "3.00"}, {"四、丁类收入", "4.00"}}), 3);
    Page third = page_of(page_rows({}, {{"五、戊类收入", "5.00"}, {"六、己类收入", "6.00"}}), 4);
    Rebuilt rebuilt = rebuild_text({cover, first, second, third});
    std::size_t headers = 0;
    for (std::size_t at = rebuilt.text.find("项目\t决算数"); at != std::string::npos; at = rebuilt.text.find("项目\t决算数", at + 1))
        ++headers;
    EXPECT_EQ(headers, 1u) << rebuilt.text;
    EXPECT_NE(rebuilt.text.find("六、己类收入\t6.00\n"), std::string::npos) << rebuilt.text;
}

// The contents end where 第一部分 is printed again, even when its heading names another unit
// than its contents entry (a mistake fincheck must report, not read as more contents).
TEST(PdfRebuild, ContentsEndAtTheirFirstPartPrintedAgainUnderAnotherName) {
    Page cover = page_of({cjk("某局", 250, 300, 2), cjk("2024年度部门决算", 200, 330, 8)}, 1);
    Page contents = page_of({cjk("目录", 270, 100, 2), cjk("第一部分某局概况", 72, 130, 8), cjk("一、主要职能", 96, 150, 6),
                             cjk("第二部分某局部门决算表", 72, 170, 11)},
                            2);
    Page body = page_of({cjk("第一部分另一局概况", 230, 100, 9), cjk("一、主要职能", 72, 130, 6),
                         cjk("本局负责全区财政工作。", 96, 150, 11)},
                        3);
    Rebuilt rebuilt = rebuild_text({cover, contents, body});
    EXPECT_NE(rebuilt.text.find("- 一、主要职能"), std::string::npos) << rebuilt.text;  // the entry
    EXPECT_EQ(rebuilt.text.find("- 本局负责"), std::string::npos) << rebuilt.text;     // the body
    EXPECT_NE(rebuilt.text.find("\n本局负责全区财政工作。"), std::string::npos) << rebuilt.text;
}

}  // namespace
}  // namespace fincheck::pdf_detail

namespace fincheck::pdf_detail {
namespace {

// The 三公 table of the Shanghai PDFs, word boxes as poppler gives them (putuo 2024, page 18):
// 财政拨款“三公”经费 over 合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费, the car
// heading over 小计 | 公务用车购置费 | 公务用车运行费, headings vertically centred in cells of
// different heights, and the twelve 预算数 | 决算数 leaves left-aligned in their cells.
TEST(PdfTables, FourRowHeaderGivesEachHeadingTheColumnsOfItsChildren) {
    std::vector<Word> words = {
        word("财政拨款“三公”经费", 366.0, 162.8, 476.0, 165.6), word("公务用车购置及运行费", 431.8, 181.2, 541.8, 184.0),
        word("合计", 81.0, 188.7, 103.0, 191.5),            word("因公出国（境）费", 179.6, 188.7, 267.6, 191.5),
        word("小计", 344.2, 198.4, 366.2, 201.2),           word("公务用车运行费", 579.9, 198.4, 656.9, 201.2),
        word("公务接待费", 722.5, 202.2, 777.5, 205.0),     word("公务用车购置费", 448.3, 211.9, 525.3, 214.7),
    };
    for (int i = 0; i < 12; ++i) {
        const double x0 = 31.6 + 65.8 * i;
        words.push_back(word(i % 2 == 0 ? "预算数" : "决算数", x0, 244.9, x0 + 33.0, 247.7));
    }
    words.push_back(word("0.95", 53.6, 255.7, 72.8, 276.2));
    words.push_back(word("0.95", 711.6, 255.7, 730.9, 276.2));
    Page page = page_of(words);
    page.width = 842;
    std::vector<Line> lines = group_lines(page, floating_offset({page}));
    std::vector<const Line*> region;
    for (const Line& line : lines) region.push_back(&line);
    const double char_w = char_width(page);
    std::vector<Band> bands = column_bands(region, char_w);
    ASSERT_EQ(bands.size(), 12u);
    Table table = build_table(region, bands, char_w);
    std::vector<std::vector<std::string>> header;
    for (const TableRow& row : table.rows)
        if (row.header) header.push_back(row.cells);
    // Flattened as the importer reads merged headers: each cell in the highest row below every
    // heading over its column, so the leaves under 合计 share the row of 小计.
    const std::vector<std::vector<std::string>> expected = {
        {"财政拨款“三公”经费", "", "", "", "", "", "", "", "", "", "", ""},
        {"合计", "", "因公出国（境）费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""},
        {"预算数", "决算数", "预算数", "决算数", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "预算数", "决算数"},
        {"", "", "", "", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "", ""}};
    EXPECT_EQ(header, expected);
}


// A centred heading wrapped at a word, its first line the shorter (公务用车 / 运行维护费, the
// Shanghai template): one heading over both its columns, not two stacked ones.
TEST(PdfTables, CentredHeadingWrappedWithAShorterFirstLineIsOneHeading) {
    std::vector<Word> words = {word("公务用车", 561.4, 157.5, 602.9, 160.3), word("运行维护费", 556.1, 171.4, 608.5, 174.2),
                               word("预算数", 539.6, 202.3, 571.1, 205.1), word("决算数", 593.4, 202.3, 624.8, 205.1),
                               word("1.00", 550.0, 212.0, 571.1, 222.0), word("2.00", 603.7, 212.0, 624.8, 222.0)};
    Page page = page_of(words);
    std::vector<Line> lines = group_lines(page, floating_offset({page}));
    std::vector<const Line*> region;
    for (const Line& line : lines) region.push_back(&line);
    const double char_w = char_width(page);
    Table table = build_table(region, column_bands(region, char_w), char_w);
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0].cells, (std::vector<std::string>{"公务用车运行维护费", ""}));
    EXPECT_EQ(table.rows[1].cells, (std::vector<std::string>{"预算数", "决算数"}));
}


// A colon at the end of a line introduces what follows, on the next line or the next page
// (年初目标值： / 完成；…): the paragraph goes on unless the next line opens an item.
TEST(PdfRebuild, ALineEndingInAColonContinuesOnTheNextLineAndPage) {
    Page cover = page_of({cjk("某局", 250, 300, 2), cjk("2024年度部门决算", 200, 330, 8)}, 1);
    Page first = page_of({cjk("数量指标：组织党员干部下沉社区开展志愿服务解决群众急难愁盼问题的各项工作", 72, 100, 36),
                          cjk("质量指标：组织党员干部下沉社区开展志愿服务解决群众急难愁盼问题年初目标值：", 72, 115, 35),
                          cjk("完成；实际完成值：完成。", 72, 130, 12),
                          cjk("时效指标：组织党员干部下沉社区开展志愿服务解决群众急难愁盼问题年初目标值：", 72, 150, 35),
                          cjk("一、下一项", 72, 165, 5),
                          cjk("成本指标：组织党员干部下沉社区开展志愿服务解决群众急难愁盼问题的年初目标值：", 72, 800, 36)},
                         2);
    Page second = page_of({cjk("完成；实际完成值：完成。", 72, 100, 12)}, 3);
    Rebuilt rebuilt = rebuild_text({cover, first, second});
    EXPECT_NE(rebuilt.text.find("年初目标值：完成；实际完成值：完成。"), std::string::npos) << rebuilt.text;
    EXPECT_NE(rebuilt.text.find("的年初目标值：完成；实际完成值：完成。"), std::string::npos) << rebuilt.text;
    EXPECT_NE(rebuilt.text.find("年初目标值：\n\n一、下一项"), std::string::npos) << rebuilt.text;
}


// Cells wrapped inside narrow columns beside a label set in the middle of the tall row
// (办公用 / 房维修经费 and 中共武 / 汉市委宣传部 around 办公用房维修经费 and 5.70): one row,
// the pieces joined in order; the next row, wrapped over three lines, and the total too.
TEST(PdfTables, CellsWrappedAroundAVerticallyCentredLabelAreOneRow) {
    std::vector<Word> words = {
        cjk("项目", 110, 100, 2), cjk("项目名称", 205, 100, 4), cjk("资金使用单位", 290, 100, 6), cjk("财政资金总额", 390, 100, 6),
        cjk("办公用", 200, 117, 3), cjk("中共武", 300, 117, 3),
        cjk("办公用房维修经费", 60, 124, 8), cjk("房维修经费", 200, 131, 5), cjk("汉市委宣传部", 300, 131, 6), amount("5.70", 460, 124),
        cjk("社区治", 200, 148, 3), cjk("中共武", 300, 148, 3),
        cjk("社区治理专项经费", 60, 162, 8), cjk("理专项经", 200, 162, 4), cjk("汉市委宣传", 300, 162, 5), amount("10.36", 460, 162),
        cjk("费", 200, 176, 1), cjk("部", 300, 176, 1),
        cjk("中共武", 300, 193, 3),
        cjk("合计", 60, 200, 2), cjk("2个项目", 200, 200, 4), cjk("汉市委宣传部", 300, 207, 6), amount("16.06", 460, 200),
    };
    Page page = page_of(words);
    std::vector<Line> lines = merge_close_lines(group_lines(page, floating_offset({page})), 12, is_data_line);
    std::vector<const Line*> region;
    for (const Line& line : lines) region.push_back(&line);
    Table table = build_table(region, column_bands(region, 12), 12);
    std::vector<std::vector<std::string>> rows;
    for (const TableRow& row : table.rows) rows.push_back(row.cells);
    const std::vector<std::vector<std::string>> expected = {
        {"项目", "项目名称", "资金使用单位", "财政资金总额"},
        {"办公用房维修经费", "办公用房维修经费", "中共武汉市委宣传部", "5.70"},
        {"社区治理专项经费", "社区治理专项经费", "中共武汉市委宣传部", "10.36"},
        {"合计", "2个项目", "中共武汉市委宣传部", "16.06"}};
    EXPECT_EQ(rows, expected);
}


// A 汇总表 drawn with narrow columns (word boxes as poppler gives them): 项目名称 and 资金使用单位
// wrapped over three lines around the label and amount set on the middle line, and a 合计 row
// whose first line is a lone piece of its unit. Each row comes back whole, in one table.
TEST(PdfRebuild, RowsWrappedOverThreeLinesAroundTheirMiddleLineAreWhole) {
    auto line_of = [](std::vector<Word>& to, double top, std::initializer_list<std::pair<std::string, double>> pieces) {
        for (const auto& [text, x0] : pieces) {
            const double width = 8.0 * static_cast<double>(text.size() / 3) + (text.size() % 3 == 0 ? 0 : 4.0);
            to.push_back(word(text, x0, top, x0 + width, top + 11.58));
        }
    };
    std::vector<Word> words;
    line_of(words, 40, {{"部门绩效自评情况汇总表", 250}});
    line_of(words, 82.8, {{"项目", 159.6}, {"项目名", 332.6}, {"资金使", 370.6}, {"财政资", 408.6}});
    line_of(words, 92.7, {{"称", 340.6}, {"用单位", 370.6}, {"金总额", 408.6}});
    double top = 112.3;
    for (const auto& [label, first, second, third, amount] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>>{
             {"办公用房维修经费", "办公用", "房维修", "经费", "5.70"}, {"培训及会议经费", "培训及", "会议经", "费", "4.11"}}) {
        line_of(words, top, {{first, 335.6}, {"中共武", 373.6}});
        line_of(words, top + 9.85, {{label, 159.6}, {second, 335.6}, {"汉市委", 373.6}});
        words.push_back(word(amount, 436.1 - 3.61 * static_cast<double>(amount.size()), top + 9.85, 436.1, top + 21.43));
        line_of(words, top + 19.7, {{third, 359.6 - 8.0 * static_cast<double>(third.size() / 3)}, {"宣传部", 373.6}});
        top += 39.3;
    }
    line_of(words, top, {{"中共武", 373.6}});
    line_of(words, top + 9.85, {{"合计", 159.6}, {"2个项目", 331.6}, {"汉市委", 373.6}});
    words.push_back(word("9.81", 421.6, top + 9.85, 436.1, top + 21.43));
    line_of(words, top + 19.7, {{"宣传部", 373.6}});
    Page cover = page_of({cjk("某局", 250, 300, 2), cjk("2024年度部门决算", 200, 330, 8)}, 1);
    Rebuilt rebuilt = rebuild_text({cover, page_of(words, 2)});
    for (const char* row : {"项目\t项目名称\t资金使用单位\t财政资金总额\n", "办公用房维修经费\t办公用房维修经费\t中共武汉市委宣传部\t5.70\n",
                            "培训及会议经费\t培训及会议经费\t中共武汉市委宣传部\t4.11\n", "合计\t2个项目\t中共武汉市委宣传部\t9.81\n"})
        EXPECT_NE(rebuilt.text.find(row), std::string::npos) << row << "\n" << rebuilt.text;
}

}  // namespace
}  // namespace fincheck::pdf_detail
