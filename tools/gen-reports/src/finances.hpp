// The money of one synthetic department, in whole 元. Every table and sentence is printed
// from these figures, so the report is consistent by construction (see generator.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "fincheck/decimal.hpp"
#include "random.hpp"

namespace fincheck::gen {

using Yuan = std::int64_t;

// The printed 万元 figure of an amount in 元: rounded on its own to 0.01, as published.
Decimal wan(Yuan amount);

// One functional 项 code and what was spent under it, by kind and source of money.
struct CodeLine {
    std::string code;        // 7 digits
    bool fund = false;       // paid from the government-fund budget (07) instead of 05
    Yuan basic = 0;          // 基本支出 from 财政拨款 (general budget, or fund when fund)
    Yuan project = 0;        // 项目支出 from 财政拨款
    Yuan basic_other = 0;    // 基本支出 from non-fiscal money (事业收入 / 其他收入)
    Yuan project_other = 0;
    Yuan fiscal_income = 0;  // 财政拨款收入 booked under this code (spending ± carry-over)

    Yuan fiscal() const { return basic + project; }
    Yuan other() const { return basic_other + project_other; }
    Yuan total() const { return fiscal() + other(); }
    std::string class_code() const { return code.substr(0, 3); }
    std::string item_code() const { return code.substr(0, 5); }
};

struct EconomicLine {
    std::string code;  // 5 digits
    Yuan amount = 0;
};

struct ThreePublic {  // 三公 经费
    Yuan abroad = 0;
    Yuan car_purchase = 0;
    Yuan car_running = 0;
    Yuan reception = 0;
    Yuan cars() const { return car_purchase + car_running; }
    Yuan total() const { return abroad + cars() + reception; }
};

struct Project {
    std::string name;
    Yuan budget = 0;  // 预算数 (A)
    Yuan spent = 0;   // 执行数 (B)
};

struct Finances {
    std::vector<CodeLine> lines;        // sorted by code
    std::vector<EconomicLine> economic; // 06 item amounts; they sum to the general 基本支出
    bool other_is_business = false;     // non-fiscal money is 事业收入 (else 其他收入)
    Yuan carry_in = 0;                  // 年初财政拨款结转和结余 (general budget)
    Yuan carry_out = 0;                 // 年末财政拨款结转和结余 (general budget)
    ThreePublic three_budget;
    ThreePublic three_actual;
    std::vector<Project> projects;      // general-budget projects (attachments 2-n)
    Yuan initial_budget = 0;            // 年初预算 of general-budget spending
    Yuan procurement_goods = 0;
    Yuan procurement_services = 0;
    Yuan procurement_sme = 0;           // awarded to small and medium enterprises
    int staff_active = 0;
    int staff_retired = 0;
    int vehicles = 0;
    // Prior-year (Y−1) figures the narrative compares with.
    Yuan prior_total = 0;
    Yuan prior_fiscal_total = 0;
    Yuan prior_general = 0;
    Yuan prior_running = 0;
    Yuan prior_three = 0;

    // Sums over lines, all in 元.
    Yuan general_basic() const;
    Yuan general_project() const;
    Yuan general_total() const { return general_basic() + general_project(); }
    Yuan fund_total() const;
    Yuan other_total() const;
    Yuan spending_total() const;  // 本年支出合计
    Yuan basic_total() const;     // 03 基本支出 (all sources)
    Yuan project_total() const;
    Yuan general_income() const { return general_total() + carry_out - carry_in; }
    Yuan income_total() const { return general_income() + fund_total() + other_total(); }
    Yuan personnel() const;       // 06 人员经费合计
    Yuan public_use() const;      // 06 公用经费合计
    Yuan running_cost() const { return public_use(); }  // 机关运行经费 of an administrative unit
    Yuan class_total(const std::string& class_code) const;
    Yuan class_general(const std::string& class_code) const;
    Yuan class_fund(const std::string& class_code) const;
    Yuan economic_amount(std::string_view code) const;  // a 5-digit item or a 3-digit group
};

// Draws the finances of a department of the given kind.
Finances draw_finances(Random& random, const Archetype& archetype);

}  // namespace fincheck::gen
