#include "support.hpp"

#include <algorithm>

#include "fincheck/utf8.hpp"
#include "text.hpp"

namespace fincheck::narrative {

RuleMetaBuilder narrative_rule(std::string id) {
    RuleMetaBuilder meta(std::move(id), "narrative");
    meta.page_in("plugins/narrative");
    return meta;
}

Location claim_location(const Analysis& analysis, const BlockClaims& block, const Claim& claim) {
    return Location::at_block(*analysis.report, block.block, claim.begin, claim.end);
}

Location block_span(const Report& report, int block, std::size_t begin, std::size_t end) {
    const std::string_view text = report.blocks[static_cast<std::size_t>(block)].text;
    const auto code_points = [&](std::size_t byte) {
        return static_cast<std::uint32_t>(utf8::code_point_count(text.substr(0, byte)));
    };
    return Location::at_block(report, block, code_points(begin), code_points(end));
}

std::string text_of(const Claim& claim) { return to_utf8(claim.kind == ClaimKind::comparison ? claim.word : claim.raw); }

void add_claim_evidence(FindingBuilder& finding, const Analysis& analysis, const BlockClaims& block,
                        const Claim& claim, std::string_view role) {
    std::optional<Decimal> value;
    if (claim.kind != ClaimKind::comparison) value = claim.value;
    finding.evidence(role, claim_location(analysis, block, claim), text_of(claim), value);
}

void add_fact_evidence(FindingBuilder& finding, const FactValue& fact, std::string_view role) {
    for (const CellRef& cell : fact.cells) finding.evidence_cell(role, *cell.table, *cell.row, cell.column);
}

bool same_figure(Decimal a, Decimal a_half, Decimal b, Decimal b_half, const Tolerance& tolerance) {
    return (a - b).abs() <= a_half + b_half + tolerance.extra;
}

std::vector<Reading> readings_of(const Claim& claim, const std::vector<FactValue>& facts) {
    std::vector<Reading> out;
    out.push_back({claim.value, claim.half_unit, &claim, nullptr});
    for (const FactValue& fact : facts) out.push_back({fact.value, fact.half_unit, nullptr, &fact});
    return out;
}

namespace {

bool kind_fits(const Claim& budget, BudgetKind wanted) {
    return wanted == BudgetKind::any || budget.budget_kind == wanted || budget.budget_kind == BudgetKind::any;
}

BudgetPair pair_in_sentence(const BlockClaims& block, std::size_t from, std::size_t to, int sentence,
                            BudgetKind wanted, bool qizhong) {
    BudgetPair pair;
    for (std::size_t k = to; k-- > from;) {
        const Claim& c = block.claims[k];
        if (c.sentence != sentence) break;
        if (c.kind != ClaimKind::amount || c.prior_year || c.after_qizhong != qizhong) continue;
        if (c.role == Role::actual && pair.actual == nullptr) pair.actual = &c;
        if (c.role == Role::budget && pair.budget == nullptr && kind_fits(c, wanted)) pair.budget = &c;
    }
    return pair;
}

}  // namespace

BudgetPair budget_pair(const BlockClaims& block, std::size_t at, BudgetKind wanted) {
    const Claim& anchor = block.claims[at];
    bool any_amount_before = false;
    for (std::size_t k = at; k-- > 0;) {
        const Claim& c = block.claims[k];
        if (c.sentence != anchor.sentence) break;
        if (c.kind == ClaimKind::amount) any_amount_before = true;
    }
    if (any_amount_before) {
        BudgetPair pair = pair_in_sentence(block, 0, at, anchor.sentence, wanted, anchor.after_qizhong);
        // A 其中 clause that names an actual but no budget of its own is not paired with the
        // total's budget before 其中.
        return pair;
    }
    // The sentence before, taken only when it holds exactly one budget and one actual and no
    // rate or comparison of its own: then its figures are the ones this sentence refers to.
    int previous = anchor.sentence - 1;
    std::size_t first = at;
    while (first > 0 && block.claims[first - 1].sentence >= previous) --first;
    int budgets = 0, actuals = 0;
    for (std::size_t k = first; k < at; ++k) {
        const Claim& c = block.claims[k];
        if (c.sentence != previous) continue;
        if (c.kind == ClaimKind::rate || c.kind == ClaimKind::comparison) return {};
        if (c.kind == ClaimKind::amount && c.role == Role::budget) ++budgets;
        if (c.kind == ClaimKind::amount && c.role == Role::actual) ++actuals;
    }
    if (budgets != 1 || actuals != 1) return {};
    BudgetPair pair = pair_in_sentence(block, first, at, previous, BudgetKind::any, false);
    if (pair.budget == nullptr) pair = pair_in_sentence(block, first, at, previous, BudgetKind::any, true);
    if (pair.budget != nullptr && !kind_fits(*pair.budget, wanted)) return {};
    return pair;
}

std::vector<FactValue> table_budgets(const Analysis& analysis, const BlockClaims& block, const Claim& actual,
                                     BudgetKind wanted) {
    if (wanted == BudgetKind::adjusted || block.claims.empty()) return {};
    const auto index = static_cast<std::size_t>(&actual - block.claims.data());
    if (index >= block.concepts.size() || block.concepts[index] == nullptr) return {};
    return analysis.facts(block, block.concepts[index], Role::budget);
}

// Groups each change with the figures of its sentence. Shared with the zero-base rule.
std::vector<ChangeGroup> change_groups(const BlockClaims& block) {
    std::vector<ChangeGroup> groups;
    for (std::size_t i = 0; i < block.claims.size(); ++i) {
        const Claim& c = block.claims[i];
        if (c.kind != ClaimKind::change_amount && c.kind != ClaimKind::change_percent) continue;
        if (c.kind == ClaimKind::change_percent && !groups.empty() && groups.back().amount &&
            !groups.back().percent && *groups.back().amount + 1 == i &&
            block.claims[*groups.back().amount].sentence == c.sentence) {
            groups.back().percent = i;
            continue;
        }
        ChangeGroup group;
        (c.kind == ClaimKind::change_amount ? group.amount : group.percent) = i;
        for (std::size_t k = i; k-- > 0;) {
            const Claim& e = block.claims[k];
            if (e.sentence != c.sentence) break;
            if (e.kind == ClaimKind::change_amount || e.kind == ClaimKind::change_percent) break;
            if (e.kind != ClaimKind::amount || e.role == Role::budget) continue;
            if (e.prior_year && !group.prior) group.prior = k;
            if (!e.prior_year && !group.current) group.current = k;
        }
        groups.push_back(group);
    }
    return groups;
}


std::vector<FormRate> form_rates(const Report& report) {
    std::vector<FormRate> out;
    for (const Attachment& attachment : report.attachments) {
        FormRate form;
        form.attachment = &attachment;
        for (const Field& field : attachment.fields) {
            if (!field.value) continue;
            std::string_view name = field.name;
            if (contains_utf8(name, "执行率") && form.rate == nullptr) form.rate = &field;
            else if (contains_utf8(name, "执行数") && form.actual == nullptr) form.actual = &field;
            else if (contains_utf8(name, "预算数") && !contains_utf8(name, "调整") && form.budget == nullptr) form.budget = &field;
        }
        if (form.rate != nullptr && form.actual != nullptr && form.budget != nullptr) out.push_back(form);
    }
    return out;
}

Location form_location(const Report& report, const FormRate& form, const Field& field) {
    Location location = Location::at_line(field.line);
    if (!form.attachment->tables.empty()) {
        auto index = static_cast<std::size_t>(form.attachment->tables.front());
        if (index < report.tables.size()) location.table = report.tables[index].id;
    }
    location.column = field.name;
    return location;
}

std::string percent_text(Decimal exact, int decimals) {
    return exact.rounded(std::max(decimals, 0)).to_string(std::max(decimals, 0)) + "%";
}

}  // namespace fincheck::narrative
