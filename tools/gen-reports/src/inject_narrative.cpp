// Narrative errors of issue #17 (gaps 2–4): a figure of the wrong fund scope, a denial of
// spending the tables show, a completion rate cut off instead of rounded.
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "inject.hpp"

namespace fincheck::gen {
namespace {

int block_starting_with(const Report& r, std::string_view start) {
    for (std::size_t i = 0; i < r.blocks.size(); ++i)
        if (r.blocks[i].text.starts_with(start)) return static_cast<int>(i);
    return -1;
}

// A block another kind has already planted an error in is left to that error.
bool taken(const std::vector<InjectedError>& truth, int block) {
    for (const InjectedError& e : truth)
        if (e.block == block) return true;
    return false;
}

void replace_block(ReportBuilder& b, int block, std::string text) {
    b.report().blocks[static_cast<std::size_t>(block)].text = b.own(text);
}

// 六、一般公共预算财政拨款基本支出: the all-funds 基本支出 of 03 stated where 05's belongs.
// Planted only when other money pays basic expenditure, so that the two differ.
void wrong_fund_scope(ReportBuilder& b, const Profile& p, const Finances& f, std::vector<InjectedError>& truth) {
    const std::string right = amount_text(f.general_basic());
    const std::string wrong = amount_text(f.basic_total());
    if (right == wrong) return;
    const std::string lead = fmt::format("{}年度一般公共预算财政拨款基本支出", p.year);
    const int block = block_starting_with(b.report(), lead + right + "万元");
    if (block < 0 || taken(truth, block)) return;
    std::string text(b.report().blocks[static_cast<std::size_t>(block)].text);
    text.replace(lead.size(), right.size(), wrong);
    replace_block(b, block, std::move(text));
    InjectedError e;
    e.kind = ErrorKind::wrong_fund_scope;
    e.block = block;
    e.expected = right;
    e.actual = wrong;
    e.note = "一般公共预算财政拨款基本支出 stated as 03's all-funds 基本支出";
    truth.push_back(std::move(e));
}

// The template's 「没有…」 sentence kept although the tables show the spending: in 七 when the
// unit has government-fund money, else in the “三公” overview or the 公务接待费 line when 09
// shows such spending — the first of them no other error was planted in.
void stated_absence(ReportBuilder& b, const Profile& p, const Finances& f, std::vector<InjectedError>& truth) {
    struct Candidate {
        Yuan shown;               // what the table prints
        std::string start;        // the block to replace, by its start
        std::string replacement;  // the denial
        const char* note;
    };
    const int y = p.year;
    const Candidate candidates[] = {
        {f.fund_total(), fmt::format("{}年度政府性基金预算财政拨款收入", y),
         fmt::format("{}年度本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。", y),
         "七 says there is no government-fund money; 07 shows it"},
        {f.three_actual.total(), fmt::format("{}年度“三公”经费财政拨款支出预算为", y),
         fmt::format("{}年度本部门无“三公”经费财政拨款支出。", y), "the “三公” overview says there was none; 09 shows it"},
        {f.three_actual.reception, "3.公务接待费支出决算为", "3.本年度未发生公务接待费支出。",
         "the 公务接待费 line says there was none; 09 shows it"},
    };
    for (const Candidate& c : candidates) {
        if (c.shown <= 0) continue;
        const int block = block_starting_with(b.report(), c.start);
        if (block < 0 || taken(truth, block)) continue;
        replace_block(b, block, c.replacement);
        InjectedError e;
        e.kind = ErrorKind::stated_absence;
        e.block = block;
        e.expected = amount_text(c.shown);
        e.actual = "0.00";
        e.note = c.note;
        truth.push_back(std::move(e));
        return;
    }
}

// 100 × actual / budget cut off at two decimals, when that differs from the rounding of every
// value the printed inputs allow (each ± 0.005 万元) — the case narrative-rate-mismatch
// reports as truncated.
std::optional<Decimal> truncation_of(Decimal actual, Decimal budget) {
    const Decimal h = Decimal::from_units(5'000);
    if (budget <= h || actual <= h) return std::nullopt;
    auto exact = Decimal::percent(actual, budget);
    auto lowest = Decimal::percent(actual - h, budget + h);
    auto highest = Decimal::percent(actual + h, budget - h);
    if (!exact || !lowest || !highest) return std::nullopt;
    const Decimal cut = exact->floored(2);
    if (cut >= lowest->rounded(2) || cut < lowest->floored(2) || cut > highest->floored(2)) return std::nullopt;
    return cut;
}

// A 「完成年初预算的Z%」 rate (the 一般公共预算 total or a project) printed cut off.
void truncated_rate(ReportBuilder& b, const Profile& p, const Finances& f, std::vector<InjectedError>& truth) {
    struct Candidate {
        std::string start;
        Yuan budget, actual;
    };
    std::vector<Candidate> candidates;
    candidates.push_back({fmt::format("{}年度一般公共预算财政拨款支出年初预算为", p.year), f.initial_budget, f.general_total()});
    int n = 1;
    for (const Project& project : f.projects) candidates.push_back({fmt::format("{}. {}。", n++, project.name), project.budget, project.spent});
    for (const Candidate& c : candidates) {
        const auto cut = truncation_of(wan(c.actual), wan(c.budget));
        if (!cut) continue;
        const int block = block_starting_with(b.report(), c.start);
        if (block < 0 || taken(truth, block)) continue;
        std::string text(b.report().blocks[static_cast<std::size_t>(block)].text);
        const std::string printed = "完成年初预算的" + share_text(c.actual, c.budget) + "%";
        const std::size_t at = text.find(printed);
        if (at == std::string::npos) continue;
        text.replace(at, printed.size(), "完成年初预算的" + cut->to_string(2) + "%");
        replace_block(b, block, std::move(text));
        InjectedError e;
        e.kind = ErrorKind::truncated_rate;
        e.block = block;
        e.expected = share_text(c.actual, c.budget);
        e.actual = cut->to_string(2);
        e.note = "completion rate cut off instead of rounded";
        truth.push_back(std::move(e));
        return;
    }
}

}  // namespace

void inject_narrative_errors(Random& random, double rate, ReportBuilder& builder, const Profile& profile,
                             const Finances& finances, std::vector<InjectedError>& truth) {
    // Drawn after every earlier kind, so a seed keeps planting the errors it always did.
    const bool kinds[3] = {random.chance(rate), random.chance(rate), random.chance(rate)};
    if (kinds[0]) wrong_fund_scope(builder, profile, finances, truth);
    if (kinds[1]) stated_absence(builder, profile, finances, truth);
    if (kinds[2]) truncated_rate(builder, profile, finances, truth);
}

}  // namespace fincheck::gen
