// 第六部分 附件: the 部门整体绩效自评表, one 项目绩效自评表 per project and their summary.
#include <fmt/format.h>

#include "builder.hpp"

namespace fincheck::gen {
namespace {

int begin_attachment(ReportBuilder& b, std::string_view label, std::string title, std::string_view fill_date) {
    Report& r = b.report();
    Attachment a;
    a.label = b.own(label);
    a.title = b.own(title);
    a.fill_date = b.own(fill_date);
    a.line = b.next_line(3);
    r.attachments.push_back(a);
    const int index = static_cast<int>(r.attachments.size()) - 1;
    b.set_attachment(index);
    return index;
}

void field(ReportBuilder& b, int attachment, std::string_view name, std::string raw,
           std::optional<Decimal> value = std::nullopt, std::string_view unit = {}) {
    Field f;
    f.name = b.own(name);
    f.raw = b.own(raw);
    f.value = value;
    f.unit = unit.empty() ? std::string_view{} : b.own(unit);
    f.line = b.next_line();
    b.report().attachments[static_cast<std::size_t>(attachment)].fields.push_back(f);
}

void attach_table(ReportBuilder& b, int attachment) {
    Report& r = b.report();
    r.attachments[static_cast<std::size_t>(attachment)].tables.push_back(static_cast<int>(r.tables.size()) - 1);
}

std::optional<Decimal> rate_of(Yuan spent, Yuan budget) {
    auto rate = Decimal::percent(wan(spent), wan(budget));
    if (rate) return rate->rounded(2);
    return std::nullopt;
}

}  // namespace

void add_attachments(ReportBuilder& b, const Profile& p, const Finances& f) {
    const int y = p.year;
    const std::string fill_date = fmt::format("{}-0{}-{}", y + 1, 3 + p.department.size() % 3, 10 + p.department.size() % 18);
    const std::string fill_printed = fmt::format("{}年{}月{}日", y + 1, 3 + p.department.size() % 3, 10 + p.department.size() % 18);
    const std::size_t s = p.department.size();

    b.section("第六部分", "附件", 1);
    b.block(fmt::format("{}年{}部门整体绩效评价报告", y, p.department), BlockKind::caption);
    for (std::size_t i = 0; i < 6; ++i) {
        std::string text;
        for (std::size_t k = 0; k < 4; ++k) {
            text += work_phrases()[(s + i * 4 + k) % work_phrases().size()];
            text += "，";
        }
        b.block(text + "全面完成年度目标任务。");
    }

    // 附件1 部门整体绩效自评表
    int a = begin_attachment(b, "附件1", fmt::format("{}年度{}部门整体绩效自评表", y, p.department), fill_date);
    b.block(fmt::format("单位名称：{} 填报日期：{}", p.department, fill_printed));
    field(b, a, "单位名称", p.department);
    field(b, a, "基本支出总额", amount_text(f.general_basic()) + "万元", wan(f.general_basic()), "万元");
    field(b, a, "项目支出总额", amount_text(f.general_project()) + "万元", wan(f.general_project()), "万元");
    {
        Table& t = b.table("att-1", TableKind::attachment_form, fmt::format("{}年度{}部门整体绩效自评表", y, p.department));
        b.column(t, "二级指标", "二级指标", 0);
        b.column(t, "三级指标", "三级指标", 0);
        b.column(t, "年初目标值", "年初目标值", 0);
        b.column(t, "实际完成值", "实际完成值", 0);
        const std::array<std::array<std::string_view, 3>, 12> indicators{{
            {"预算编制", "预算编制科学性", "按实有人数编制基本支出"}, {"预算编制", "预算编制合理性", "优先保障重点项目"},
            {"预算执行", "预算执行率", "100%"}, {"预算执行", "结转结余率", "0%"},
            {"预算执行", "政府采购执行率", "100%"}, {"财务管理", "财务管理制度健全性", "健全"},
            {"财务管理", "资金使用合规性", "合规"}, {"资产管理", "资产管理规范性", "规范"},
            {"绩效管理", "绩效监控开展率", "100%"}, {"绩效管理", "绩效评价覆盖率", "100%"},
            {"履职效能", "重点工作完成率", "100%"}, {"社会效应", "服务对象满意度", "≥90%"},
        }};
        int n = 1;
        for (const auto& ind : indicators) {
            b.row(t, std::to_string(n), ind[1], RowLevel::none);
            t.rows.back().line_no = b.own(std::to_string(n++));
            b.text(t, ind[0]);
            b.text(t, ind[1]);
            b.text(t, ind[2]);
            b.text(t, ind[2] == "0%" ? "0%" : "完成");
        }
        attach_table(b, a);
    }
    b.block("备注：1. 基本支出总额和项目支出总额为财政资金实际支出数。2. 基于经济性和必要性等因素考虑，满意度指标暂可不作为必评指标。",
            BlockKind::note);

    // 附件2-n 项目绩效自评表
    int n = 1;
    for (const Project& project : f.projects) {
        const std::string label = fmt::format("附件2-{}", n);
        a = begin_attachment(b, label, fmt::format("{}年度{}项目绩效自评表", y, p.department), fill_date);
        b.block(fmt::format("单位名称：{} 填报日期：{}", p.department, fill_printed));
        const auto rate = rate_of(project.spent, project.budget);
        field(b, a, "项目名称", project.name);
        field(b, a, "主管部门", p.department);
        field(b, a, "预算数", amount_text(project.budget) + "万元", wan(project.budget), "万元");
        field(b, a, "执行数", amount_text(project.spent) + "万元", wan(project.spent), "万元");
        if (rate) field(b, a, "执行率", rate->to_string(2) + "%", *rate, "%");
        Table& t = b.table(fmt::format("att-2-{}", n), TableKind::attachment_form,
                           fmt::format("{}年度{}项目绩效自评表", y, p.department));
        b.column(t, "预算数", "预算数（A）", 0);
        b.column(t, "执行数", "执行数（B）", 0);
        b.column(t, "执行率", "执行率（B/A）", 0);
        b.row(t, "年度财政资金总额", "年度财政资金总额", RowLevel::total);
        b.amount(t, project.budget);
        b.amount(t, project.spent);
        if (rate) b.decimal(t, *rate, "%");
        else b.text(t, "");
        attach_table(b, a);
        for (std::string_view indicator : {"数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标"})
            b.block(fmt::format("{}：{}。年初目标值：完成；实际完成值：完成。", indicator,
                                work_phrases()[(s + static_cast<std::size_t>(n)) % work_phrases().size()]),
                    BlockKind::list_item);
        b.block("备注：预算数为调整后财政资金总额（包括上年结余结转），执行数为资金使用单位财政资金实际支出数。", BlockKind::note);
        ++n;
    }

    // 附件3 汇总表
    a = begin_attachment(b, "附件3", fmt::format("{}年度{}部门绩效自评情况汇总表", y, p.department), fill_date);
    b.block(fmt::format("填报日期：{}", fill_printed));
    field(b, a, "绩效自评覆盖率", "100%", Decimal::from_int(100), "%");
    Table& t = b.table("att-3", TableKind::attachment_form, fmt::format("{}年度{}部门绩效自评情况汇总表", y, p.department));
    b.column(t, "项目名称", "项目名称", 0);
    b.column(t, "资金使用单位", "资金使用单位", 0);
    b.column(t, "财政资金总额", "财政资金总额", 0);
    Yuan sum = 0;
    n = 1;
    for (const Project& project : f.projects) {
        b.row(t, std::to_string(n), project.name, RowLevel::none);
        t.rows.back().line_no = b.own(std::to_string(n++));
        b.text(t, project.name);
        b.text(t, p.department);
        b.amount(t, project.budget);
        sum += project.budget;
    }
    b.row(t, "合计", "合计", RowLevel::total);
    b.text(t, fmt::format("{}个项目", f.projects.size()));
    b.text(t, p.department);
    b.zero_or_amount(t, sum);
    attach_table(b, a);
    b.set_attachment(-1);
}

}  // namespace fincheck::gen
