// A table continued after a page break often reprints its header: the unit line, the column
// names, the 类/款/项 row, the 栏次 row. None of these is data. Read as rows they became a row
// named 项目, an unreadable 栏次 line, or — the unit line ending the table — a second table that
// took the continued rows away from the first, so that its 合计 no longer added up. Each test
// imports such a table (national and Shanghai layouts), checks the rows read, and audits the text
// with the table rules to show that no finding comes from the reprinted header.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

std::string lines(std::initializer_list<std::string_view> all) {
    std::string out;
    for (auto line : all) {
        out += line;
        out += '\n';
    }
    return out;
}

// Errors and warnings of the table rules (arithmetic, cross-table, import) on `text`.
std::pair<std::size_t, std::size_t> audited(const std::string& name, const std::string& text) {
    const std::filesystem::path dir = std::filesystem::path(FINCHECK_IMPORT_SCRATCH_DIR);
    std::filesystem::create_directories(dir);
    const std::filesystem::path input = dir / (name + ".txt"), audit = dir / (name + ".audit.xml");
    std::ofstream(input, std::ios::binary | std::ios::trunc) << text;
    const std::string command = std::string("'") + FINCHECK_CLI + "' check '" + input.string() +
                                "' -o '" + audit.string() +
                                "' --rules 'arith-*,xtab-*,import-*' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) <= 1) << command;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_file(audit.c_str())) << audit;
    const pugi::xml_node counts = doc.child("audit-report").child("header").child("counts");
    return {counts.attribute("error").as_ullong(), counts.attribute("warning").as_ullong()};
}

// A national 02 table: the title, its code and unit lines, and the header row of column names.
const std::string kNational02Head = lines({
    "**2024年度湖北省某市某某县测试局部门决算**",
    "",
    "第二部分 2024年度部门决算表",
    "",
    "2024年度收入决算表",
    "",
    "公开02表",
    "单位：万元",
    "",
    "项目\t\t\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其"
    "他收入",
});

const std::string kNational =
    kNational02Head +
    lines({
        "功能分类科目编码\t\t\t科目名称\t1\t2\t3\t4\t5\t6\t7",
        "\t\t\t合计\t30.00\t30.00\t\t\t\t\t",
        "201\t\t\t一般公共服务支出\t20.00\t20.00\t\t\t\t\t",
        "20101\t\t\t人大事务\t20.00\t20.00\t\t\t\t\t",
        "2010101\t\t\t行政运行\t20.00\t20.00\t\t\t\t\t",
        "",
        // The next page: the 栏次 row, the unit line, the column names, then the rows go on.
        "类\t款\t项\t栏次\t1\t2\t3\t4\t5\t6\t7",
        "单位：万元",
        "项目\t\t\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入"
        "\t其他收入",
        "221\t\t\t住房保障支出\t10.00\t10.00\t\t\t\t\t",
        "22102\t\t\t住房改革支出\t10.00\t10.00\t\t\t\t\t",
        "2210201\t\t\t住房公积金\t10.00\t10.00\t\t\t\t\t",
    });

// The three header rows of the Shanghai 05 table, printed again on every page it runs over.
const std::string kShanghai05Header = lines({
    "项目\t\t\t\t本年支出\t\t",
    "支出功能分类科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出",
    "类\t款\t项\t\t\t\t",
});

const std::string kShanghaiStart = lines({
    "**上海市示例区示例局2024年度部门决算**",
    "",
    "第二部分 上海市示例区示例局2024年度部门决算表",
    "",
    "一般公共预算财政拨款支出决算表",
    "",
    "单位：万元",
    "",
});

const std::string kShanghai =
    kShanghaiStart + kShanghai05Header +
    lines({
        "201\t\t\t一般公共服务支出\t1,020.00\t20.00\t1,000.00",
        "201\t06\t\t财政事务\t1,020.00\t20.00\t1,000.00",
        "201\t06\t01\t行政运行\t20.00\t20.00\t",
        "201\t06\t02\t一般行政管理事务\t1,000.00\t\t1,000.00",
        "",
        // The next page reprints the unit line and the whole three-row header; the 合计 comes last.
        "单位：万元",
        "",
    }) +
    kShanghai05Header +
    lines({
        "221\t\t\t住房保障支出\t10.00\t10.00\t",
        "221\t02\t\t住房改革支出\t10.00\t10.00\t",
        "221\t02\t01\t住房公积金\t10.00\t10.00\t",
        "\t\t\t合计\t1,030.00\t30.00\t1,000.00",
    });

std::vector<std::string> keys(const Table& t) {
    std::vector<std::string> out;
    for (const Row& row : t.rows) out.emplace_back(row.key);
    return out;
}

TEST(ImportRepeatedHeader, NationalTableContinuedUnderItsReprintedHeaderKeepsOnlyItsDataRows) {
    auto result = import_text(kNational, "national.txt");
    ASSERT_TRUE(result) << result.error->to_string();
    ASSERT_EQ(result.report->tables.size(), 1u)
        << "the unit line between the pages opened a second table";
    const Table& t = table(*result.report, "02");
    EXPECT_EQ(keys(t), (std::vector<std::string>{"合计", "201", "20101", "2010101", "221", "22102",
                                                 "2210201"}));
    EXPECT_EQ(t.row_by_key("2210201")->level, RowLevel::subitem);
    EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().rule_id << " line "
                                            << result.diagnostics.front().location.line;
    EXPECT_EQ(audited("national", kNational), (std::pair<std::size_t, std::size_t>{0, 0}));
}

TEST(ImportRepeatedHeader, ShanghaiTableContinuedUnderItsReprintedHeaderKeepsOnlyItsDataRows) {
    auto result = import_text(kShanghai, "shanghai.txt");
    ASSERT_TRUE(result) << result.error->to_string();
    ASSERT_EQ(result.report->tables.size(), 1u)
        << "the unit line between the pages opened a second table";
    const Table& t = table(*result.report, "05");
    EXPECT_EQ(keys(t), (std::vector<std::string>{"201", "20106", "2010601", "2010602", "221",
                                                 "22102", "2210201", "合计"}));
    EXPECT_EQ(raw(t, "合计", "合计"), "1,030.00");
    EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().rule_id << " line "
                                            << result.diagnostics.front().location.line;
    EXPECT_EQ(audited("shanghai", kShanghai), (std::pair<std::size_t, std::size_t>{0, 0}));
}

// The Shanghai fund tables print the total's 合计 on the header line that carries 本年支出's
// sub-headers (合计, 基本支出, 项目支出), its amounts on the line below. That 合计 is the row's
// label, not the heading of the code column; the amounts below it are the total's.
const std::string kShanghaiFund = lines({
    "**上海市示例区示例局2024年度部门决算**",
    "",
    "第二部分 上海市示例区示例局2024年度部门决算表",
    "",
    "政府性基金预算财政拨款收入支出决算表",
    "",
    "单位：万元",
    "",
    "项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余",
    "功能分类科目编码\t科目名称\t\t\t\t\t\t",
    "合计\t\t\t\t合计\t基本支出\t项目支出\t",
    "\t\t1.00\t10.00\t10.00\t\t10.00\t1.00",
    "212\t城乡社区支出\t1.00\t10.00\t10.00\t\t10.00\t1.00",
    "2120899\t其他国有土地使用权出让收入安排的支出\t1.00\t10.00\t10.00\t\t10.00\t1.00",
});

TEST(ImportRepeatedHeader, ShanghaiFundTableTotalOnTheSubHeaderLineIsATotalRowNotAColumn) {
    auto result = import_text(kShanghaiFund, "fund.txt");
    ASSERT_TRUE(result) << result.error->to_string();
    const Table& t = table(*result.report, "07");
    EXPECT_EQ(keys(t), (std::vector<std::string>{"合计", "212", "2120899"}));
    EXPECT_EQ(raw(t, "合计", "本年支出合计"), "10.00");
    EXPECT_EQ(raw(t, "合计", "项目支出"), "10.00");
    EXPECT_EQ(raw(t, "2120899", "年初结转和结余"), "1.00");
    const auto column = t.column_index("本年支出合计");
    ASSERT_TRUE(column);
    EXPECT_EQ(t.columns[*column].header, (std::vector<std::string_view>{"本年支出", "合计"}))
        << "the code column's headings are not the 合计 column's";
    EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().rule_id << " line "
                                            << result.diagnostics.front().location.line;
    EXPECT_EQ(audited("shanghai-fund", kShanghaiFund), (std::pair<std::size_t, std::size_t>{0, 0}));
}

// Must still work: a row named like a column with blank cells is data, and a unit line followed
// by a titled table starts that table.
TEST(ImportRepeatedHeader, ARowNamedLikeAColumnAndANewTitledTableAreKept) {
    const std::string text = kNational02Head + lines({
                                                   "\t\t\t合计\t20.00\t20.00\t\t\t\t\t",
                                                   "2010101\t\t\t行政运行\t20.00\t20.00\t\t\t\t\t",
                                                   "\t\t\t事业收入\t\t\t\t\t\t\t",
                                                   "",
                                                   "2024年度支出决算表",
                                                   "",
                                                   "公开03表",
                                                   "单位：万元",
                                                   "",
                                                   "项目\t\t\t\t本年支出合计\t基本支出\t项目支出\t"
                                                   "上缴上级支出\t经营支出\t对附属单位补助支出",
                                                   "\t\t\t合计\t20.00\t20.00\t\t\t\t",
                                                   "2010101\t\t\t行政运行\t20.00\t20.00\t\t\t\t",
                                               });
    auto result = import_text(text, "kept.txt");
    ASSERT_TRUE(result) << result.error->to_string();
    const Table& t02 = table(*result.report, "02");
    EXPECT_NE(t02.row_by_key("事业收入"), nullptr)
        << "a lone column name with blank cells is a data row";
    EXPECT_EQ(table(*result.report, "03").rows.size(), 2u);
}

}  // namespace
}  // namespace fincheck::import_test
