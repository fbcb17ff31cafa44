#include "scanner.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "comparison_words.hpp"
#include "fincheck/text/numbers.hpp"
#include "text.hpp"

namespace fincheck::narrative {

const char* to_string(ClaimKind kind) {
    switch (kind) {
        case ClaimKind::amount: return "amount";
        case ClaimKind::count: return "count";
        case ClaimKind::percent: return "percent";
        case ClaimKind::share: return "share";
        case ClaimKind::change_amount: return "change_amount";
        case ClaimKind::change_percent: return "change_percent";
        case ClaimKind::rate: return "rate";
        case ClaimKind::comparison: return "comparison";
    }
    return "?";
}

namespace {

struct UnitInfo {
    std::u32string_view text;
    ClaimKind kind;
    int scale;  // amounts: 1 = 万元, 10000 = 亿元, -10000 = 元 (divide)
};

// Longest units first so that 万元 wins over 元 and 人次 over 人.
constexpr std::array<UnitInfo, 18> kUnits{{
    {U"万元", ClaimKind::amount, 1},   {U"亿元", ClaimKind::amount, 10000},
    {U"元", ClaimKind::amount, -10000}, {U"%", ClaimKind::percent, 0},
    {U"人次", ClaimKind::count, 0},    {U"户次", ClaimKind::count, 0},
    {U"人", ClaimKind::count, 0},      {U"名", ClaimKind::count, 0},
    {U"个", ClaimKind::count, 0},      {U"家", ClaimKind::count, 0},
    {U"项", ClaimKind::count, 0},      {U"次", ClaimKind::count, 0},
    {U"辆", ClaimKind::count, 0},      {U"台", ClaimKind::count, 0},
    {U"套", ClaimKind::count, 0},      {U"户", ClaimKind::count, 0},
    {U"篇", ClaimKind::count, 0},      {U"批", ClaimKind::count, 0},
}};

struct Verb {
    std::u32string_view text;
    Relation relation;
};
constexpr std::array<Verb, 10> kChangeVerbs{{
    {U"增长", Relation::greater}, {U"增加", Relation::greater}, {U"上升", Relation::greater},
    {U"提高", Relation::greater}, {U"下降", Relation::less},    {U"减少", Relation::less},
    {U"降低", Relation::less},    {U"减", Relation::less},      {U"增", Relation::greater},
    {U"降", Relation::less},
}};

// Filler words that may sit between a verb or label and its number: 各减少, 共下降, 为, 达.
constexpr std::array<std::u32string_view, 10> kFillers{{U"共计", U"总计", U"合计为", U"为", U"了", U"约",
                                                         U"达", U"共", U"各", U"="}};

std::u32string_view strip_fillers(std::u32string_view s) {
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        for (auto filler : kFillers) {
            if (ends_with(s, filler) && s.size() > filler.size()) {
                s.remove_suffix(filler.size());
                changed = true;
            }
        }
    }
    return s;
}

const Verb* verb_at_end(std::u32string_view s) {
    for (const Verb& verb : kChangeVerbs) {
        if (ends_with(s, verb.text)) return &verb;
    }
    return nullptr;
}

// The verb right before the number gives the change its direction. A template's choice left
// unresolved (「减少（增加）0.07万元」) states both directions: the number is still a change, but
// of no known direction (structure-unresolved-alternative reports the wording).
constexpr Verb kEitherDirection{U"", Relation::none};

const Verb* ending_verb(std::u32string_view subject) {
    std::u32string_view s = strip_fillers(subject);
    std::u32string_view before = s;
    const bool closed = ends_with(before, U"）") || ends_with(before, U")");
    if (closed) before.remove_suffix(1);
    const Verb* last = verb_at_end(before);
    if (last == nullptr) return nullptr;
    before.remove_suffix(last->text.size());
    if (closed) {
        if (!ends_with(before, U"（") && !ends_with(before, U"(")) return nullptr;
        before.remove_suffix(1);
    }
    const Verb* first = verb_at_end(before);
    if (first != nullptr && first->relation != last->relation) return &kEitherDirection;
    return closed ? nullptr : last;
}

// Reads 「2023年度」 or 「上年」 at the start of `s`; returns the length read, 0 if none.
// `year` receives the year (0 for 上年 / 去年, which always mean Y−1).
std::size_t read_year_reference(std::u32string_view s, int& year) {
    for (std::u32string_view rel : {U"上一年度", U"上年度", U"上一年", U"上年", U"去年"}) {
        if (starts_with(s, rel)) { year = 0; return rel.size(); }
    }
    std::size_t k = 0;
    int value = 0;
    while (k < s.size() && is_digit(s[k]) && k < 4) { value = value * 10 + static_cast<int>(s[k] - U'0'); ++k; }
    if (k != 4 || (k < s.size() && is_digit(s[k]))) return 0;
    if (k >= s.size() || s[k] != U'年') return 0;
    ++k;
    if (k < s.size() && s[k] == U'度') ++k;
    year = value;
    return k;
}

bool only_fillers(std::u32string_view rest) {
    while (!rest.empty()) {
        bool matched = false;
        for (std::u32string_view filler : {U"决算数", U"决算", U"同期", U"支出", U"实际", U"数", U"的", U"为", U"是"}) {
            if (starts_with(rest, filler)) { rest.remove_prefix(filler.size()); matched = true; break; }
        }
        if (!matched) return false;
    }
    return true;
}

bool year_is_prior(int year, int fiscal_year) { return year == 0 || fiscal_year == 0 || year < fiscal_year; }

// 「与2023年度」「比上年」「较2023年决算数」 right before the number, or a clause that opens with
// an earlier year (「2023年度为656.23万元」): the number is a prior-year figure.
bool is_prior_year_lead(std::u32string_view subject, int fiscal_year) {
    for (std::size_t p = subject.size(); p-- > 0;) {
        char32_t c = subject[p];
        if (c != U'与' && c != U'比' && c != U'较') continue;
        int year = 0;
        std::u32string_view rest = subject.substr(p + 1);
        std::size_t used = read_year_reference(rest, year);
        if (used == 0) continue;
        if (only_fillers(rest.substr(used))) return year_is_prior(year, fiscal_year);
        return false;
    }
    if (fiscal_year != 0) {
        int year = 0;
        std::size_t used = read_year_reference(subject, year);
        if (used > 0 && year != 0 && year < fiscal_year && only_fillers(subject.substr(used))) return true;
    }
    return false;
}

// 「一般公共预算」「政府性基金预算」 name funds, not budgets: drop them before reading the role.
std::u32string without_fund_names(std::u32string_view subject) {
    std::u32string out(subject);
    for (std::u32string_view fund : {U"一般公共预算", U"政府性基金预算", U"国有资本经营预算", U"预算单位", U"预算绩效"}) {
        for (auto at = out.find(fund); at != std::u32string::npos; at = out.find(fund)) out.erase(at, fund.size());
    }
    return out;
}

Role role_of(std::u32string_view raw_subject) {
    // Every fund name contains 预算: most subjects have none to drop and need no copy.
    std::u32string stripped;
    std::u32string_view subject = raw_subject;
    if (contains(raw_subject, U"预算")) {
        stripped = without_fund_names(raw_subject);
        subject = stripped;
    }
    for (std::u32string_view word : {U"决算", U"执行数", U"实际支出", U"实际支付", U"执行金额", U"实际完成"}) {
        if (contains(subject, word)) return Role::actual;
    }
    if (contains(subject, U"预算")) return Role::budget;
    return Role::level;
}

BudgetKind budget_kind_of(std::u32string_view subject) {
    if (contains(subject, U"年初")) return BudgetKind::initial;
    if (contains(subject, U"全年") || contains(subject, U"调整") || contains(subject, U"年度预算")) return BudgetKind::adjusted;
    return BudgetKind::any;
}

// The phrase after 占, without 「的」「比重」: 「本年支出合计的」 -> 「本年支出合计」.
std::u32string whole_phrase(std::u32string_view subject) {
    std::size_t at = subject.rfind(U'占');
    std::u32string_view w = subject.substr(at + 1);
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::u32string_view tail : {U"的比重为", U"的比例为", U"的比重", U"的比例", U"比重", U"比例", U"的", U"为"}) {
            if (ends_with(w, tail)) { w.remove_suffix(tail.size()); changed = true; }
        }
    }
    return normalize_phrase(w);
}

// 「决算数小于预算数」「决算数与预算数基本持平」: a comparison between the actual and the budget
// named by their roles. Returns the relation read as "actual <relation> budget".
bool names_actual_vs_budget(std::u32string_view before, std::u32string_view after, Relation& relation) {
    auto last_of = [&](std::u32string_view word) { return before.rfind(word); };
    std::size_t actual_before = last_of(U"决算");
    std::size_t budget_before = last_of(U"预算");
    constexpr auto npos = std::u32string_view::npos;
    if (relation == Relation::equal || relation == Relation::about_equal) {
        if (actual_before != npos && budget_before != npos && contains(before, U"与")) return true;
        if (actual_before != npos && after.find(U"预算") != npos) return true;
        return false;
    }
    bool actual_left = actual_before != npos && (budget_before == npos || actual_before > budget_before);
    bool budget_left = budget_before != npos && (actual_before == npos || budget_before > actual_before);
    if (actual_left && after.find(U"预算") != npos) return true;
    if (budget_left && after.find(U"决算") != npos) {
        relation = relation == Relation::greater ? Relation::less : Relation::greater;
        return true;
    }
    return false;
}

// Reads the claims of one compact text, visiting only the reader's stops: between two stops
// the character-by-character walk this replaces did nothing but step.
class Scanner {
public:
    Scanner(const CompactView& view, const std::vector<Stop>& stops, const ScanOptions& options)
        : view_(view), t_(view.text), stops_(stops), options_(options) {}

    void run(std::vector<Claim>& claims) {
        std::size_t i = 0;  // everything before i has been read
        for (const Stop& stop : stops_) {
            if (stop.at < i) continue;  // inside a number or word already read (「2,940.05」's comma)
            i = stop.at;
            switch (stop.kind) {
                case StopKind::sentence_end:
                    ++sentence_;
                    ++clause_;
                    if (t_[i] != U'；') ++period_;
                    sentence_start_ = clause_start_ = i + 1;
                    qizhong_ = false;
                    ++i;
                    break;
                case StopKind::clause_end:
                    ++clause_;
                    clause_start_ = i + 1;
                    ++i;
                    break;
                case StopKind::qi:
                    qizhong_ = true;
                    ++i;
                    break;
                case StopKind::number_start:
                    i = read_number(i, claims);
                    break;
                case StopKind::comparison_start:
                    if (std::size_t used = read_comparison(i, claims); used > 0) i += used;
                    else ++i;
                    break;
            }
        }
    }

private:
    std::size_t clause_end(std::size_t from) const {
        std::size_t k = from;
        while (k < t_.size() && !is_sentence_end_char(t_[k]) && !is_clause_end_char(t_[k])) ++k;
        return k;
    }

    std::size_t read_comparison(std::size_t i, std::vector<Claim>& claims) {
        std::u32string_view rest = t_.substr(i);
        for (const ComparisonWord& word : kComparisonWords) {
            if (!starts_with(rest, word.text)) continue;
            std::size_t after = i + word.text.size();
            if (after < t_.size() && is_digit(t_[after])) return 0;  // 「大于50万元」: a threshold
            Claim claim;
            claim.kind = ClaimKind::comparison;
            claim.relation = word.relation;
            claim.word = word.text;
            fill_position(claim, i, after);
            std::u32string_view before = t_.substr(sentence_start_, i - sentence_start_);
            std::u32string_view tail = t_.substr(after, clause_end(after) - after);
            // The operands of 「决算数与预算数基本持平」 sit in the word's own clause: in
            // 「预算为1.20万元，支出决算为0.77万元，与2023年度0.77万元相比持平」 the earlier
            // clauses name 决算 and 预算, but the word compares with the prior year.
            std::u32string_view own_clause = t_.substr(clause_start_, i - clause_start_);
            claim.names_actual_vs_budget = names_actual_vs_budget(own_clause, tail, claim.relation);
            claim.subject = normalize_phrase(before.substr(before.size() - std::min(before.size(), std::size_t{40})));
            claims.push_back(std::move(claim));
            return word.text.size();
        }
        return 0;
    }

    void fill_position(Claim& claim, std::size_t first, std::size_t past_last) const {
        claim.begin = view_.offset[first];
        claim.end = view_.offset[past_last - 1] + 1;
        claim.sentence = sentence_;
        claim.period = period_;
        claim.clause = clause_;
        claim.after_qizhong = qizhong_;
    }

    // Reads the number at i and, when a unit follows, records a claim. Returns the index
    // after what was consumed.
    std::size_t read_number(std::size_t i, std::vector<Claim>& claims) {
        const std::size_t n = t_.size();
        const text::NumberDigits number = text::read_number(view_, i);
        const std::size_t j = number.end;
        const std::string& digits = number.digits;
        const int decimals = number.decimals;
        if (i > 0 && t_[i - 1] == U'第') return j;  // ordinal
        std::size_t k = j;
        bool approximate = false;
        if (k < n && (t_[k] == U'余' || t_[k] == U'多')) { approximate = true; ++k; }
        std::u32string_view rest = t_.substr(k);
        if (starts_with(rest, U"年")) return j;  // a year or a duration, never an amount
        for (std::u32string_view skip : {U"月", U"日", U"号", U"个月", U"周", U"岁"}) {
            if (starts_with(rest, skip)) return j;
        }
        const UnitInfo* unit = nullptr;
        for (const UnitInfo& candidate : kUnits) {
            if (starts_with(rest, candidate.text)) { unit = &candidate; break; }
        }
        if (unit == nullptr) return j;
        auto parsed = Decimal::parse(digits);
        if (!parsed) return j;

        Claim claim;
        claim.kind = unit->kind;
        claim.decimals = decimals;
        claim.approximate = approximate;
        claim.unit = unit->text;
        std::size_t past = k + unit->text.size();
        claim.raw = std::u32string(t_.substr(i, past - i));
        fill_position(claim, i, past);
        Decimal half = Decimal::from_units(Decimal::kScale / 2);
        for (int d = 0; d < decimals; ++d) half = Decimal::from_units(half.units() / 10);
        claim.value = *parsed;
        claim.half_unit = half;
        if (unit->kind == ClaimKind::amount && unit->scale != 1) {
            if (unit->scale > 0) {
                claim.value = claim.value * unit->scale;
                claim.half_unit = claim.half_unit * unit->scale;
            } else {
                claim.value = Decimal::from_units(claim.value.units() / 10000);
                claim.half_unit = Decimal::from_units(std::max<std::int64_t>(claim.half_unit.units() / 10000, 1));
            }
        }
        std::size_t subject_start = std::max(clause_start_, last_claim_end_);
        if (subject_start > i) subject_start = i;
        std::u32string_view subject_raw = t_.substr(subject_start, i - subject_start);
        classify(claim, subject_raw);
        claims.push_back(std::move(claim));
        last_claim_end_ = past;
        return past;
    }

    void classify(Claim& claim, std::u32string_view subject_raw) const {
        claim.subject = normalize_phrase(subject_raw);
        if (claim.kind == ClaimKind::percent) {
            if (subject_raw.find(U'占') != std::u32string_view::npos && !contains(subject_raw, U"占用")) {
                claim.kind = ClaimKind::share;
                claim.whole = whole_phrase(subject_raw);
            } else if (const Verb* verb = ending_verb(subject_raw)) {
                claim.kind = ClaimKind::change_percent;
                claim.relation = verb->relation;
            } else if (contains(subject_raw, U"执行率") || contains(subject_raw, U"完成率") ||
                       (contains(subject_raw, U"完成") && contains(subject_raw, U"预算"))) {
                claim.kind = ClaimKind::rate;
                claim.budget_kind = budget_kind_of(subject_raw);
            }
            return;
        }
        if (claim.kind == ClaimKind::count) {
            // 「在职人数比上年增加1人」 states a change, 「与2023年相比在职3人」 another year's count.
            if (const Verb* verb = ending_verb(subject_raw)) claim.relation = verb->relation;
            claim.prior_year = is_prior_year_lead(subject_raw, options_.fiscal_year);
            return;
        }
        if (claim.kind != ClaimKind::amount) return;
        if (const Verb* verb = ending_verb(subject_raw)) {
            claim.kind = ClaimKind::change_amount;
            claim.relation = verb->relation;
            return;
        }
        claim.prior_year = is_prior_year_lead(subject_raw, options_.fiscal_year);
        claim.role = role_of(subject_raw);
        if (claim.role == Role::budget) claim.budget_kind = budget_kind_of(subject_raw);
    }

    CompactView view_;
    std::u32string_view t_;
    const std::vector<Stop>& stops_;
    ScanOptions options_;
    int sentence_ = 0;
    int period_ = 0;
    int clause_ = 0;
    std::size_t sentence_start_ = 0;
    std::size_t clause_start_ = 0;
    std::size_t last_claim_end_ = 0;
    bool qizhong_ = false;
};

}  // namespace

void scan_claims(const CompactReader& reader, const ScanOptions& options, std::vector<Claim>& out) {
    if (!reader.may_hold_claim()) return;
    Scanner(reader.view(), reader.stops(), options).run(out);
}

std::vector<Claim> scan_claims(std::string_view block_text, const ScanOptions& options) {
    if (!may_hold_claim(block_text)) return {};
    CompactReader reader;
    reader.read(block_text);
    std::vector<Claim> claims;
    scan_claims(reader, options, claims);
    return claims;
}

std::vector<Claim> scan_claims(std::u32string_view block_text, const ScanOptions& options) {
    CompactReader reader;
    reader.read(block_text);
    std::vector<Claim> claims;
    scan_claims(reader, options, claims);
    return claims;
}

}  // namespace fincheck::narrative
