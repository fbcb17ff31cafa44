// 第一部分 概况 and the prose of 第三部分 情况说明 to 第五部分 名词解释. Every figure the prose
// states is printed from the same 元 amounts as its table counterpart.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "builder.hpp"

namespace fincheck::gen {
namespace {

// A paragraph of `count` stock phrases starting at a drawn offset, so paragraphs differ.
std::string phrases(std::span<const std::string_view> bank, std::size_t first, std::size_t count,
                    std::string_view separator = "；") {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i) out += separator;
        out += bank[(first + i) % bank.size()];
    }
    return out + "。";
}

std::string class_short(std::string_view class_name) {
    // 一般公共服务支出 → 一般公共服务, as 「一般公共服务（类）支出」 prints it.
    std::string s(class_name);
    if (s.ends_with("支出")) s.resize(s.size() - std::string_view("支出").size());
    return s;
}

std::size_t seed_of(const Profile& p) { return p.department.size() + static_cast<std::size_t>(p.year); }

// The items a 「主要包括」 list names: the group's non-zero economic items, largest first, up to
// ten, so that every item the table prints as zero stays out and every large one is in.
std::string main_items(const Finances& f, bool personnel) {
    std::vector<EconomicLine> items;
    for (const EconomicLine& e : f.economic)
        if (e.amount > 0 && is_personnel_code(e.code) == personnel) items.push_back(e);
    std::stable_sort(items.begin(), items.end(),
                     [](const EconomicLine& a, const EconomicLine& b) { return a.amount > b.amount; });
    if (items.size() > 10) items.resize(10);  // an eleventh cannot be a tenth of the group
    std::string out;
    for (const EconomicLine& e : items) {
        if (!out.empty()) out += "、";
        for (const CodeName& c : economic_codes())
            if (c.code == e.code) out += c.name;
    }
    return out.empty() ? std::string("无") : out;
}

}  // namespace

void add_front_matter(ReportBuilder& b, const Profile& p, const Finances& f) {
    Report& r = b.report();
    r.meta.title_line = b.next_line(3);
    // The contents list is filled in from the headings once the body exists (fill_toc);
    // its lines come here, before the body, as printed.
    b.next_line(kTocLines);
    b.section("第一部分", fmt::format("{}概况", p.department), 1);
    b.section("一、", "部门主要职责", 2);
    const std::size_t s = seed_of(p);
    b.block(fmt::format("{}。{}", p.archetype->duty, phrases(duty_phrases(), s, 6)));
    b.block(phrases(duty_phrases(), s + 6, 3));
    b.section("二、", "机构设置情况", 2);
    b.block(fmt::format("{}年，从单位构成看，{}独立编制机构共1个，独立核算机构共1个，为独立核算一级预算单位，无下属单位。",
                        p.year, p.department));
    b.block("1. 下设科室：办公室、综合业务科、财务审计科。", BlockKind::list_item);
    b.block(fmt::format("2. 人员情况：{}年末实有人数总共{}人，其中在职实有人数{}人，退休实有人数为{}人。", p.year,
                        f.staff_active + f.staff_retired, f.staff_active, f.staff_retired),
            BlockKind::list_item);
}

void fill_toc(Report& report) {
    SourceLine line = report.meta.title_line + 3;
    for (const Section& section : report.sections) {
        if (section.level > 2 || line >= report.meta.title_line + 3 + kTocLines) continue;
        TocEntry e;
        e.text = report.own(std::string(section.number) + std::string(section.heading));
        e.level = section.level;
        e.line = line++;
        report.toc.push_back(e);
    }
}

NarrativeAnchors add_narrative(ReportBuilder& b, const Profile& p, const Finances& f) {
    NarrativeAnchors anchors;
    const int y = p.year;
    const std::size_t s = seed_of(p);
    auto reason = [&](std::size_t k) { return reason_phrases()[(s + k) % reason_phrases().size()]; };

    b.section("第三部分", fmt::format("{}{}年度部门决算情况说明", p.department, y), 1);

    const Yuan grand = f.income_total() + f.carry_in;
    b.section("一、", "收入支出决算总体情况说明", 2);
    b.block(fmt::format("{}年度收、支总计{}万元。与{}年度{}万元相比，收、支总计各{}，{}。", y, amount_text(grand),
                        y - 1, amount_text(f.prior_total), change_text(grand, f.prior_total), reason(0)));
    b.block("图1：收、支决算总计变动情况", BlockKind::caption);

    b.section("二、", "收入决算情况说明", 2);
    const Yuan income = f.income_total();
    const Yuan fiscal = f.general_income() + f.fund_total();
    std::string text = fmt::format("{}年度收入合计{}万元，其中：财政拨款收入{}万元，占本年收入{}%", y, amount_text(income),
                                   amount_text(fiscal), share_text(fiscal, income));
    if (f.other_total() > 0)
        text += fmt::format("；{}{}万元，占本年收入{}%", f.other_is_business ? "事业收入" : "其他收入",
                            amount_text(f.other_total()), share_text(f.other_total(), income));
    b.block(text + "。");
    b.block("图2：收入决算结构", BlockKind::caption);

    b.section("三、", "支出决算情况说明", 2);
    const Yuan spending = f.spending_total();
    anchors.spending_block = b.block(fmt::format(
        "{}年度支出合计{}万元，其中：基本支出{}万元，占本年支出{}%；项目支出{}万元，占本年支出{}%。", y,
        amount_text(spending), amount_text(f.basic_total()), share_text(f.basic_total(), spending),
        amount_text(f.project_total()), share_text(f.project_total(), spending)));
    b.block("图3：支出决算结构", BlockKind::caption);

    b.section("四、", "财政拨款收入支出决算总体情况说明", 2);
    const Yuan fiscal_grand = fiscal + f.carry_in;
    b.block(fmt::format("{}年度财政拨款收、支总计{}万元。与{}年度{}万元相比，财政拨款收、支总计各{}，{}。", y,
                        amount_text(fiscal_grand), y - 1, amount_text(f.prior_fiscal_total),
                        change_text(fiscal_grand, f.prior_fiscal_total), reason(1)));
    b.block("图4：财政拨款收、支决算总计变动情况", BlockKind::caption);

    b.section("五、", "一般公共预算财政拨款支出决算情况说明", 2);
    const Yuan general = f.general_total();
    b.section("（一）", "一般公共预算财政拨款支出决算总体情况", 3);
    b.block(fmt::format("{}年度一般公共预算财政拨款支出{}万元，占本年支出合计的{}%。与{}年度{}万元相比，{}，{}。", y,
                        amount_text(general), share_text(general, spending), y - 1, amount_text(f.prior_general),
                        change_text(general, f.prior_general), reason(2)));
    b.section("（二）", "一般公共预算财政拨款支出决算结构情况", 3);
    b.block(fmt::format("{}年度一般公共预算财政拨款支出{}万元，主要用于以下方面：", y, amount_text(general)));
    int n = 1;
    for (const CodeName& c : functional_classes()) {
        const Yuan amount = f.class_general(std::string(c.code));
        if (amount == 0) continue;
        b.block(fmt::format("{}. {}（类）支出{}万元，占{}%；", n++, class_short(c.name), amount_text(amount),
                            share_text(amount, general)),
                BlockKind::list_item);
    }
    b.section("（三）", "一般公共预算财政拨款支出决算具体情况", 3);
    b.block(fmt::format("{}年度一般公共预算财政拨款支出年初预算为{}万元，支出决算为{}万元，完成年初预算的{}%。", y,
                        amount_text(f.initial_budget), amount_text(general), share_text(general, f.initial_budget)));
    b.block(fmt::format("其中：基本支出{}万元，项目支出{}万元。", amount_text(f.general_basic()), amount_text(f.general_project())));
    n = 1;
    for (const CodeLine& line : f.lines) {
        if (line.fund || line.fiscal() == 0) continue;
        b.block(fmt::format("{}. {}（类）{}（款）{}（项）。支出决算为{}万元，主要用于{}。", n++,
                            class_short(functional_name(line.class_code())), functional_name(line.item_code()),
                            functional_name(line.code), amount_text(line.fiscal()),
                            line.project > 0 ? "保障专项业务工作开展" : "保障机构正常运转"),
                BlockKind::list_item);
    }

    b.section("六、", "一般公共预算财政拨款基本支出决算情况说明", 2);
    b.block(fmt::format("{}年度一般公共预算财政拨款基本支出{}万元，其中：人员经费{}万元，主要包括：{}等；公用经费{}万元，"
                        "主要包括：{}等。",
                        y, amount_text(f.general_basic()), amount_text(f.personnel()), main_items(f, true),
                        amount_text(f.public_use()), main_items(f, false)));

    b.section("七、", "政府性基金预算财政拨款收入支出决算情况说明", 2);
    if (f.fund_total() == 0)
        b.block(fmt::format("{}年度本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。", y));
    else
        b.block(fmt::format("{}年度政府性基金预算财政拨款收入{}万元，支出{}万元，年末结转和结余0.00万元，主要用于专项建设和社会福利事业。",
                            y, amount_text(f.fund_total()), amount_text(f.fund_total())));

    b.section("八、", "国有资本经营预算财政拨款支出决算情况说明", 2);
    b.block(fmt::format("{}年度本部门没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出。", y));

    b.section("九、", "财政拨款“三公”经费支出决算情况说明", 2);
    const ThreePublic& budget = f.three_budget;
    const ThreePublic& actual = f.three_actual;
    b.section("（一）", "“三公”经费财政拨款支出决算总体情况说明", 3);
    std::string three = fmt::format("{}年度“三公”经费财政拨款支出预算为{}万元，支出决算为{}万元", y,
                                    amount_text(budget.total()), amount_text(actual.total()));
    if (budget.total() > 0) three += fmt::format("，完成预算的{}%", share_text(actual.total(), budget.total()));
    three += f.prior_three > 0 ? fmt::format("，与{}年度{}万元相比{}。", y - 1, amount_text(f.prior_three),
                                             change_text(actual.total(), f.prior_three))
                               : std::string("。");
    b.block(three);
    b.section("（二）", "“三公”经费财政拨款支出决算具体情况说明", 3);
    b.block(fmt::format("1.因公出国（境）费支出决算为{}万元，全年因公出国（境）团组数{}个。", amount_text(actual.abroad),
                        actual.abroad > 0 ? 1 : 0),
            BlockKind::list_item);
    b.block(fmt::format("2.公务用车购置及运行费支出决算为{}万元，其中：公务用车购置费{}万元，公务用车运行费{}万元。截至{}年12月31日，公务用车保有量为{}辆。",
                        amount_text(actual.cars()), amount_text(actual.car_purchase), amount_text(actual.car_running), y,
                        f.vehicles),
            BlockKind::list_item);
    b.block(fmt::format("3.公务接待费支出决算为{}万元。", amount_text(actual.reception)), BlockKind::list_item);

    b.section("十、", "机关运行经费支出说明", 2);
    b.block(fmt::format("{}年度{}机关运行经费支出{}万元，与{}年度{}万元相比{}，{}。", y, p.department,
                        amount_text(f.running_cost()), y - 1, amount_text(f.prior_running),
                        change_text(f.running_cost(), f.prior_running), reason(3)));

    b.section("十一、", "政府采购支出说明", 2);
    const Yuan procurement = f.procurement_goods + f.procurement_services;
    b.block(fmt::format("{}年度{}政府采购支出总额{}万元，其中：政府采购货物支出{}万元、政府采购服务支出{}万元。授予中小企业合同金额{}万元，占政府采购支出总额的{}%。",
                        y, p.department, amount_text(procurement), amount_text(f.procurement_goods),
                        amount_text(f.procurement_services), amount_text(f.procurement_sme),
                        share_text(f.procurement_sme, procurement)));

    b.section("十二、", "国有资产占用情况说明", 2);
    b.block(fmt::format("截至{}年12月31日，{}共有车辆{}辆，其中：一般公务用车{}辆；单位价值50万元以上通用设备0台（套）。", y,
                        p.department, f.vehicles, f.vehicles));

    b.section("十三、", "预算绩效情况说明", 2);
    b.section("（一）", "预算绩效管理工作开展情况", 3);
    b.block(fmt::format("根据预算绩效管理要求，本部门组织对{}年度一般公共预算项目支出全面开展绩效自评，共涉及{}个项目。{}", y,
                        f.projects.size(), phrases(work_phrases(), s + 1, 4)));
    b.section("（二）", "部门整体支出自评结果", 3);
    b.block(fmt::format("本部门组织对{}年度部门整体支出开展绩效自评，基本支出{}万元，项目支出{}万元。{}", y,
                        amount_text(f.basic_total()), amount_text(f.project_total()), phrases(work_phrases(), s + 5, 3)));
    b.section("（三）", "项目支出自评结果", 3);
    n = 1;
    for (const Project& project : f.projects) {
        b.block(fmt::format("{}. {}。年初预算数为{}万元，执行数为{}万元，完成年初预算的{}%。{}", n, project.name,
                            amount_text(project.budget), amount_text(project.spent),
                            share_text(project.spent, project.budget), phrases(work_phrases(), s + static_cast<std::size_t>(n), 2)),
                BlockKind::list_item);
        ++n;
    }

    b.section("第四部分", fmt::format("{}年重点工作完成情况", y), 1);
    b.block(fmt::format("{}年度，本部门{}", y, phrases(work_phrases(), s, 3, "，")));
    for (int i = 1; i <= 9; ++i)
        b.block(fmt::format("{}. {}", i, phrases(work_phrases(), s + static_cast<std::size_t>(i) * 3, 3, "，")),
                BlockKind::list_item);

    b.section("第五部分", "名词解释", 1);
    n = 1;
    for (const CodeName& term : glossary()) {
        std::string explanation(term.name);
        if (const std::size_t at = explanation.find("{level}"); at != std::string::npos)
            explanation.replace(at, std::string_view("{level}").size(), p.level_word);
        b.block(fmt::format("（{}）{}：{}", chinese_number(n++), term.code, explanation), BlockKind::list_item);
    }
    b.block(fmt::format("（{}）本部门使用的支出功能分类科目（到项级）", chinese_number(n++)), BlockKind::list_item);
    int k = 1;
    for (const CodeLine& line : f.lines)
        b.block(fmt::format("{}. {}（类）{}（款）{}（项）；", k++, class_short(functional_name(line.class_code())),
                            functional_name(line.item_code()), functional_name(line.code)),
                BlockKind::list_item);
    return anchors;
}

}  // namespace fincheck::gen
