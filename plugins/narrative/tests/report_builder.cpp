#include "report_builder.hpp"

#include "fincheck/number_text.hpp"

namespace fincheck::narrative::test {

ReportBuilder::ReportBuilder(int fiscal_year) {
    report_.meta.fiscal_year = fiscal_year;
    report_.meta.amount_unit = "万元";
}

int ReportBuilder::section(const std::string& heading, int parent) {
    Section section;
    section.heading = report_.own(heading);
    section.parent = parent;
    section.level = parent < 0 ? 1 : report_.sections[static_cast<std::size_t>(parent)].level + 1;
    report_.sections.push_back(section);
    return static_cast<int>(report_.sections.size() - 1);
}

int ReportBuilder::block(const std::string& text, int section, BlockKind kind) {
    Block block;
    block.kind = kind;
    block.text = report_.own(text);
    block.section = section;
    block.line = static_cast<SourceLine>(100 + report_.blocks.size());
    report_.blocks.push_back(block);
    return static_cast<int>(report_.blocks.size() - 1);
}

Table& ReportBuilder::table(const std::string& id, const std::vector<std::string>& columns, const std::string& unit) {
    Table table;
    table.id = report_.own(id);
    table.kind = id.rfind("att-", 0) == 0 ? TableKind::attachment_form
                 : id.rfind("other-", 0) == 0 ? TableKind::other
                                              : TableKind::standard;
    table.unit = report_.own(unit);
    for (const auto& key : columns) {
        Column column;
        column.key = report_.own(key);
        table.columns.push_back(column);
    }
    report_.tables.push_back(std::move(table));
    return report_.tables.back();
}

Row& ReportBuilder::row(Table& table, const std::string& key, const std::vector<std::string>& cells,
                        const std::string& code, const std::string& label) {
    Row row;
    row.key = report_.own(key);
    row.code = report_.own(code);
    row.label = report_.own(label.empty() ? key : label);
    if (key == "合计") row.level = RowLevel::total;
    else if (code.size() == 3) row.level = RowLevel::class_;
    else if (code.size() == 5) row.level = RowLevel::item;
    else if (code.size() == 7) row.level = RowLevel::subitem;
    auto slash = key.find('/');
    if (slash != std::string::npos) row.part = report_.own(key.substr(0, slash));
    for (const auto& raw : cells) {
        Cell cell;
        cell.raw = report_.own(raw);
        if (auto parsed = parse_number(raw); parsed && !parsed->percent) cell.value = parsed->value;
        row.cells.push_back(cell);
    }
    row.cells.resize(table.columns.size());
    table.rows.push_back(std::move(row));
    return table.rows.back();
}

void ReportBuilder::set(const std::string& table, const std::string& key, const std::string& column,
                         const std::string& raw) {
    for (Table& t : report_.tables) {
        if (t.id != table) continue;
        auto index = t.column_index(column);
        for (Row& r : t.rows) {
            if (r.key != key || !index) continue;
            Cell& cell = r.cells.at(*index);
            cell.raw = report_.own(raw);
            cell.value.reset();
            if (auto parsed = parse_number(raw); parsed && !parsed->percent) cell.value = parsed->value;
        }
    }
}

Attachment& ReportBuilder::attachment(const std::string& label) {
    Attachment attachment;
    attachment.label = report_.own(label);
    report_.attachments.push_back(attachment);
    return report_.attachments.back();
}

void ReportBuilder::field(Attachment& attachment, const std::string& name, const std::string& raw) {
    Field field;
    field.name = report_.own(name);
    field.raw = report_.own(raw);
    std::string number = raw;
    for (const std::string unit : {"万元", "%"}) {
        if (number.size() > unit.size() && number.compare(number.size() - unit.size(), unit.size(), unit) == 0) {
            number.resize(number.size() - unit.size());
            field.unit = report_.own(unit);
        }
    }
    if (auto parsed = parse_number(number)) field.value = parsed->value;
    field.line = static_cast<SourceLine>(900 + attachment.fields.size());
    attachment.fields.push_back(field);
}

void ReportBuilder::standard_tables() {
    report_.tables.reserve(32);
    Table& t01 = table("01", {"决算数"});
    row(t01, "income/一般公共预算财政拨款收入", {"500.00"});
    row(t01, "income/本年收入合计", {"500.00"});
    row(t01, "income/总计", {"500.00"});
    row(t01, "expenditure/201", {"100.00"}, "201", "一、一般公共服务支出");
    row(t01, "expenditure/213", {"380.00"}, "213", "十二、农林水支出");
    row(t01, "expenditure/221", {"20.00"}, "221", "十九、住房保障支出");
    row(t01, "expenditure/本年支出合计", {"500.00"});
    row(t01, "expenditure/总计", {"500.00"});

    Table& t02 = table("02", {"本年收入合计", "财政拨款收入", "其他收入"});
    row(t02, "合计", {"500.00", "500.00", ""});

    Table& t03 = table("03", {"本年支出合计", "基本支出", "项目支出"});
    row(t03, "合计", {"500.00", "120.00", "380.00"});
    row(t03, "2013101", {"90.00", "90.00", ""}, "2013101", "行政运行");
    row(t03, "2013102", {"10.00", "", "10.00"}, "2013102", "一般行政管理事务");
    row(t03, "2130599", {"370.00", "", "370.00"}, "2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出");
    row(t03, "2210201", {"20.00", "20.00", ""}, "2210201", "住房公积金");

    Table& t04 = table("04", {"合计", "一般公共预算财政拨款"});
    row(t04, "income/一般公共预算财政拨款", {"500.00", ""});
    row(t04, "income/本年收入合计", {"500.00", ""});
    row(t04, "income/总计", {"500.00", ""});
    row(t04, "expenditure/201", {"100.00", "100.00"}, "201");
    row(t04, "expenditure/213", {"380.00", "380.00"}, "213");
    row(t04, "expenditure/221", {"20.00", "20.00"}, "221");
    row(t04, "expenditure/本年支出合计", {"500.00", "500.00"});
    row(t04, "expenditure/总计", {"500.00", "500.00"});

    Table& t05 = table("05", {"合计", "基本支出", "项目支出"});
    row(t05, "合计", {"500.00", "120.00", "380.00"});
    row(t05, "201", {"100.00", "90.00", "10.00"}, "201", "一般公共服务支出");
    row(t05, "20131", {"100.00", "90.00", "10.00"}, "20131", "党委办公厅（室）及相关机构事务");
    row(t05, "2013101", {"90.00", "90.00", ""}, "2013101", "行政运行");
    row(t05, "2013102", {"10.00", "", "10.00"}, "2013102", "一般行政管理事务");
    row(t05, "213", {"380.00", "", "380.00"}, "213", "农林水支出");
    row(t05, "21305", {"380.00", "", "380.00"}, "21305", "巩固脱贫攻坚成果衔接乡村振兴");
    row(t05, "2130599", {"380.00", "", "380.00"}, "2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出");
    row(t05, "221", {"20.00", "20.00", ""}, "221", "住房保障支出");
    row(t05, "22102", {"20.00", "20.00", ""}, "22102", "住房改革支出");
    row(t05, "2210201", {"20.00", "20.00", ""}, "2210201", "住房公积金");

    Table& t06 = table("06", {"决算数"});
    row(t06, "301", {"100.00"}, "301", "工资福利支出");
    row(t06, "302", {"20.00"}, "302", "商品和服务支出");
    row(t06, "人员经费合计", {"100.00"});
    row(t06, "公用经费合计", {"20.00"});

    Table& t09 = table("09", {"预算数/合计", "决算数/合计", "预算数/公务接待费", "决算数/公务接待费"});
    row(t09, "合计", {"1.00", "0.50", "1.00", "0.50"});
}

}  // namespace fincheck::narrative::test
