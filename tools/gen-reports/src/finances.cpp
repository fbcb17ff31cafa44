#include "finances.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <span>

namespace fincheck::gen {

Decimal wan(Yuan amount) {
    // 1 元 = 0.0001 万元 = 100 units of the six-digit Decimal.
    return Decimal::from_units(amount * 100).rounded(2);
}

namespace {

// A random amount with a realistic spread: mostly near `typical`, sometimes far from it.
Yuan amount_near(Random& random, Yuan typical) {
    const double factor = 0.35 + 1.3 * random.unit() + (random.chance(0.1) ? 2.0 * random.unit() : 0.0);
    return std::max<Yuan>(1, static_cast<Yuan>(static_cast<double>(typical) * factor) + random.between(0, 99));
}

// Splits `total` into parts proportional to `weights` (exact: the last part takes the rest).
std::vector<Yuan> split(Yuan total, std::span<const double> weights) {
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<Yuan> parts(weights.size(), 0);
    Yuan given = 0;
    for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
        parts[i] = static_cast<Yuan>(static_cast<double>(total) * weights[i] / sum);
        given += parts[i];
    }
    if (!parts.empty()) parts.back() = total - given;
    return parts;
}

void draw_economic(Random& random, Finances& f) {
    const Yuan basic = f.general_basic();
    const Yuan personnel = static_cast<Yuan>(static_cast<double>(basic) * (0.78 + 0.15 * random.unit()));
    Yuan public_use = basic - personnel;

    // 三公 paid from basic spending: it shows in 06 and again (with project money) in 09.
    ThreePublic in_basic;
    if (random.chance(0.6)) {
        in_basic.reception = std::min<Yuan>(public_use / 10, random.between(1'000, 30'000));
        if (f.vehicles > 0) in_basic.car_running = std::min<Yuan>(public_use / 5, random.between(10'000, 60'000) * f.vehicles);
        if (random.chance(0.08)) in_basic.abroad = std::min<Yuan>(public_use / 10, random.between(10'000, 80'000));
    }
    public_use -= in_basic.total();

    struct Weighted { std::string_view code; double weight; };
    static constexpr std::array<Weighted, 12> kPersonnel{{
        {"30101", 18}, {"30102", 22}, {"30103", 9}, {"30106", 2}, {"30107", 6}, {"30108", 8},
        {"30109", 3}, {"30110", 4}, {"30111", 2}, {"30112", 0.3}, {"30113", 8}, {"30199", 1}}};
    static constexpr std::array<Weighted, 3> kFamily{{{"30302", 6}, {"30305", 1}, {"30307", 2}}};
    static constexpr std::array<Weighted, 13> kPublic{{
        {"30201", 8}, {"30202", 2}, {"30205", 1}, {"30206", 2}, {"30207", 1.5}, {"30209", 5},
        {"30211", 3}, {"30213", 2}, {"30215", 1}, {"30216", 1.5}, {"30228", 3}, {"30229", 2},
        {"30239", 4}}};

    auto spread = [&](std::span<const Weighted> table, Yuan total, double keep) {
        std::vector<std::string_view> codes;
        std::vector<double> weights;
        for (const Weighted& w : table)
            if (codes.empty() || random.chance(keep)) {
                codes.push_back(w.code);
                weights.push_back(w.weight * (0.5 + random.unit()));
            }
        const std::vector<Yuan> parts = split(total, weights);
        for (std::size_t i = 0; i < codes.size(); ++i)
            if (parts[i] != 0) f.economic.push_back({std::string(codes[i]), parts[i]});
    };
    const Yuan family = f.staff_retired > 0 ? personnel / 10 : 0;
    spread(kPersonnel, personnel - family, 0.8);
    if (family > 0) spread(kFamily, family, 0.7);
    const Yuan capital = random.chance(0.3) ? public_use / 8 : 0;
    spread(kPublic, public_use - capital, 0.7);
    if (in_basic.abroad) f.economic.push_back({"30212", in_basic.abroad});
    if (in_basic.reception) f.economic.push_back({"30217", in_basic.reception});
    if (in_basic.car_running) f.economic.push_back({"30231", in_basic.car_running});
    if (capital > 0) f.economic.push_back({"31002", capital});
    std::sort(f.economic.begin(), f.economic.end(),
              [](const EconomicLine& a, const EconomicLine& b) { return a.code < b.code; });

    // 09 决算数 = what 06 shows plus what projects paid; 预算数 at or above it, as a rule.
    f.three_actual = in_basic;
    if (in_basic.total() > 0 && random.chance(0.3)) f.three_actual.reception += random.between(500, 20'000);
    if (f.vehicles > 0 && random.chance(0.05)) f.three_actual.car_purchase = random.between(150'000, 280'000);
    auto budget_of = [&](Yuan actual) {
        return actual == 0 ? (random.chance(0.2) ? random.between(1'000, 20'000) : 0)
                           : actual + static_cast<Yuan>(static_cast<double>(actual) * 0.25 * random.unit());
    };
    f.three_budget.abroad = budget_of(f.three_actual.abroad);
    f.three_budget.car_purchase = budget_of(f.three_actual.car_purchase);
    f.three_budget.car_running = budget_of(f.three_actual.car_running);
    f.three_budget.reception = budget_of(f.three_actual.reception);
}

}  // namespace

Finances draw_finances(Random& random, const Archetype& archetype) {
    Finances f;
    f.staff_active = static_cast<int>(random.between(3, 60));
    f.staff_retired = static_cast<int>(random.between(0, f.staff_active));
    f.vehicles = random.chance(0.4) ? static_cast<int>(random.between(1, 3)) : 0;
    const Yuan per_head = random.between(150'000, 260'000);  // yearly personnel cost per head
    const Yuan payroll = per_head * f.staff_active;

    // Own work: administrative running (basic) on the first code, projects on the others.
    std::vector<std::string> codes;
    for (std::string_view c : archetype.own_codes)
        if (codes.empty() || random.chance(0.8)) codes.emplace_back(c);
    for (std::string_view c : common_codes()) codes.emplace_back(c);
    if (random.chance(0.5)) codes.emplace_back("2080506");
    if (random.chance(0.5)) codes.emplace_back("2210202");
    if (f.staff_retired > 0 && random.chance(0.5)) codes.emplace_back("2080501");
    if (random.chance(0.4)) codes.emplace_back("2101103");
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());

    for (const std::string& code : codes) {
        CodeLine line;
        line.code = code;
        if (code == "2080505") line.basic = payroll / 8;
        else if (code == "2080506") line.basic = payroll / 25;
        else if (code == "2080501") line.basic = amount_near(random, 20'000 * f.staff_retired);
        else if (code == "2101101" || code == "2101103") line.basic = payroll / 20;
        else if (code == "2210201") line.basic = payroll / 10;
        else if (code == "2210202") line.basic = payroll / 40;
        else if (code == codes.front() || code.ends_with("01")) {
            line.basic = payroll + amount_near(random, 4'000 * f.staff_active);
            if (random.chance(0.3)) line.project = amount_near(random, 100'000);
        } else {
            line.project = amount_near(random, random.chance(0.2) ? 3'000'000 : 300'000);
            if (random.chance(0.2)) line.basic = amount_near(random, 2'000);
        }
        f.lines.push_back(std::move(line));
    }
    // Some units also spend money that is not a fiscal appropriation.
    if (random.chance(0.25)) {
        f.other_is_business = random.chance(0.5);
        CodeLine& line = f.lines[random.index(f.lines.size())];
        if (random.chance(0.5)) line.basic_other = amount_near(random, 50'000);
        else line.project_other = amount_near(random, 120'000);
    }
    for (std::string_view c : archetype.fund_codes)
        if (random.chance(0.5)) {
            CodeLine line;
            line.code = std::string(c);
            line.fund = true;
            line.project = amount_near(random, 800'000);
            f.lines.push_back(std::move(line));
        }
    std::sort(f.lines.begin(), f.lines.end(), [](const CodeLine& a, const CodeLine& b) { return a.code < b.code; });

    // Carry-over of the general budget, booked on the largest general line's income.
    for (CodeLine& line : f.lines) line.fiscal_income = line.fiscal();
    if (random.chance(0.35)) {
        CodeLine* largest = nullptr;
        for (CodeLine& line : f.lines)
            if (!line.fund && (!largest || line.fiscal() > largest->fiscal())) largest = &line;
        f.carry_in = random.between(0, largest->fiscal() / 4);
        f.carry_out = random.between(0, largest->fiscal() / 4);
        largest->fiscal_income += f.carry_out - f.carry_in;
    }

    draw_economic(random, f);

    // Projects of the general budget, as evaluated in the attachments.
    const Yuan project_money = f.general_project();
    if (project_money > 0) {
        const auto count = static_cast<std::size_t>(random.between(1, 5));
        std::vector<double> weights;
        for (std::size_t i = 0; i < count; ++i) weights.push_back(0.3 + random.unit());
        const std::vector<Yuan> spent = split(project_money, weights);
        const std::size_t first = random.index(project_names().size());
        for (std::size_t i = 0; i < count; ++i) {
            if (spent[i] <= 0) continue;
            Project p;
            p.name = std::string(project_names()[(first + i) % project_names().size()]);
            p.spent = spent[i];
            p.budget = random.chance(0.3) ? spent[i]
                                          : spent[i] + static_cast<Yuan>(static_cast<double>(spent[i]) * 0.2 * random.unit());
            f.projects.push_back(std::move(p));
        }
    }

    f.initial_budget = f.general_total() + static_cast<Yuan>(static_cast<double>(f.general_total()) * (0.15 * random.unit() - 0.05));
    const Yuan goods = random.between(2'000, 200'000);
    f.procurement_goods = goods;
    f.procurement_services = random.chance(0.5) ? random.between(10'000, 500'000) : 0;
    f.procurement_sme = f.procurement_goods + f.procurement_services - (random.chance(0.3) ? goods / 3 : 0);

    auto prior_of = [&](Yuan now) {
        return std::max<Yuan>(1'000, now + static_cast<Yuan>(static_cast<double>(now) * (0.45 * random.unit() - 0.2)));
    };
    f.prior_total = prior_of(f.income_total() + f.carry_in);
    f.prior_fiscal_total = std::min(f.prior_total, prior_of(f.general_income() + f.fund_total() + f.carry_in));
    f.prior_general = prior_of(f.general_total());
    f.prior_running = prior_of(f.running_cost());
    f.prior_three = f.three_actual.total() == 0 && random.chance(0.7) ? 0 : prior_of(f.three_actual.total());
    return f;
}

Yuan Finances::general_basic() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) if (!l.fund) sum += l.basic;
    return sum;
}
Yuan Finances::general_project() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) if (!l.fund) sum += l.project;
    return sum;
}
Yuan Finances::fund_total() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) if (l.fund) sum += l.fiscal();
    return sum;
}
Yuan Finances::other_total() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) sum += l.other();
    return sum;
}
Yuan Finances::spending_total() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) sum += l.total();
    return sum;
}
Yuan Finances::basic_total() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) sum += l.basic + l.basic_other;
    return sum;
}
Yuan Finances::project_total() const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) sum += l.project + l.project_other;
    return sum;
}
Yuan Finances::personnel() const {
    Yuan sum = 0;
    for (const EconomicLine& e : economic) if (is_personnel_code(e.code)) sum += e.amount;
    return sum;
}
Yuan Finances::public_use() const {
    Yuan sum = 0;
    for (const EconomicLine& e : economic) if (!is_personnel_code(e.code)) sum += e.amount;
    return sum;
}
Yuan Finances::class_total(const std::string& class_code) const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) if (l.class_code() == class_code) sum += l.total();
    return sum;
}
Yuan Finances::class_general(const std::string& class_code) const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) if (!l.fund && l.class_code() == class_code) sum += l.fiscal();
    return sum;
}
Yuan Finances::class_fund(const std::string& class_code) const {
    Yuan sum = 0;
    for (const CodeLine& l : lines) if (l.fund && l.class_code() == class_code) sum += l.fiscal();
    return sum;
}
Yuan Finances::economic_amount(std::string_view code) const {
    Yuan sum = 0;
    for (const EconomicLine& e : economic) if (e.code.starts_with(code)) sum += e.amount;
    return sum;
}

}  // namespace fincheck::gen
