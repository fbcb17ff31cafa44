// narrative-zero-base: a growth rate or completion rate stated against a base that is zero
// or blank (「增加307.82万元，增长100.00%」 for a unit new this year; 「年初预算为0万元…完成年初
// 预算的95.89%」). The ratio does not exist; the text should say so instead of printing one.
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

// What the base of a rate is called, in both languages.
struct BaseName {
    const char* zh;
    const char* en;
};

BaseName budget_name(BudgetKind kind) {
    switch (kind) {
        case BudgetKind::initial: return {"年初预算数", "the initial budget"};
        case BudgetKind::adjusted: return {"全年预算数", "the full-year budget"};
        case BudgetKind::any: break;
    }
    return {"预算数", "the budget"};
}

class ZeroBase final : public NarrativeRule {
public:
    explicit ZeroBase(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-zero-base")
                            .title("以零或空白为基数计算比率",
                                "Rate stated against a zero or blank base")
                            // The rate has no meaning, but the figures it comes from may all be right: the sentence is
                            // wrong in form more than in substance, so this is a warning, below a wrong figure.
                            .severity(Severity::warning)
                            // The base is stated (上年数 0, 年初预算数 0, a form's 预算数 0).
                            .message("mismatch",
                                "所述比率{stated}以{base_name}为基数，而{base_name}为{base}，基数为零，该比率无意义",
                                "The rate {stated} is computed on {base_name_en}, which is {base}: a zero base, so the rate has no meaning")
                            // The base is this year's figure less an increase of the same size; the message shows
                            // the subtraction, so the reader sees where the zero comes from.
                            .message("derived-zero",
                                "所述比率{stated}以上年数为基数，而上年数＝本年数{current}万元（{current_source}）－增加额{change}万元＝{base}万元，"
                                "基数为零，该比率无意义",
                                "The rate {stated} is computed on the prior year's figure, which is this year's {current} ({current_source_en}) "
                                "less the increase {change} = {base} (10k yuan): a zero base, so the rate has no meaning")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        for (const BlockClaims& block : analysis.blocks) {
            for (const ChangeGroup& group : change_groups(block)) check_change(analysis, block, group, context, sink);
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                const Claim& rate = block.claims[i];
                // 「完成年初预算的0.00%」 against a budget of 0 states a rate that does not exist,
                // even when the actual is 0 too.
                if (rate.kind != ClaimKind::rate) continue;
                BudgetPair pair = budget_pair(block, i, rate.budget_kind);
                if (pair.budget == nullptr && pair.actual != nullptr) {
                    check_table_budget(analysis, block, rate, *pair.actual, sink);
                    continue;
                }
                if (pair.budget == nullptr || !pair.budget->value.is_zero()) continue;
                BaseName name = budget_name(pair.budget->budget_kind);
                FindingBuilder finding = start(analysis, block, rate, "mismatch");
                finding.arg("base_name", name.zh).arg("base_name_en", name.en).arg("base", text_of(*pair.budget));
                add_claim_evidence(finding, analysis, block, *pair.budget, "base");
                sink.add(std::move(finding).build());
            }
        }
        for (const FormRate& form : analysis.form_rates) {
            if (!form.budget->value->is_zero()) continue;
            FindingBuilder finding(meta().id, "mismatch");
            finding.at(form_location(*analysis.report, form, *form.rate))
                .arg("stated", std::string(form.rate->raw))
                .arg("base_name", std::string(form.budget->name))
                .arg("base_name_en", "the form's " + std::string(form.budget->name) + " (budget)")
                .arg("base", std::string(form.budget->raw))
                .expected("—")
                .actual(std::string(form.rate->raw))
                .evidence("claim", form_location(*analysis.report, form, *form.rate), form.rate->raw, form.rate->value)
                .evidence("base", form_location(*analysis.report, form, *form.budget), form.budget->raw, form.budget->value);
            sink.add(std::move(finding).build());
        }
    }

private:
    // No budget in the sentence: the table's (09 预算数 of the item), blank or 0.00 there.
    void check_table_budget(const Analysis& analysis, const BlockClaims& block, const Claim& rate, const Claim& actual,
                            FindingSink& sink) const {
        const std::vector<FactValue> budgets = table_budgets(analysis, block, actual, rate.budget_kind);
        if (budgets.empty()) return;
        for (const FactValue& budget : budgets)
            if (!budget.value.is_zero()) return;
        const FactValue& budget = budgets.front();
        FindingBuilder finding = start(analysis, block, rate, "mismatch");
        finding.arg("base_name", "决算表预算数（" + budget.label + "）")
            .arg("base_name_en", "the budget in table " + budget.label)
            .arg("base", budget.value.to_string(2));
        add_claim_evidence(finding, analysis, block, actual, "actual");
        add_fact_evidence(finding, budget, "base");
        sink.add(std::move(finding).build());
    }

    FindingBuilder start(const Analysis& analysis, const BlockClaims& block, const Claim& rate,
                         std::string_view message) const {
        FindingBuilder finding(meta().id, message);
        finding.at(claim_location(analysis, block, rate)).arg("stated", text_of(rate)).expected("—").actual(text_of(rate));
        add_claim_evidence(finding, analysis, block, rate, "claim");
        return finding;
    }

    void check_change(const Analysis& analysis, const BlockClaims& block, const ChangeGroup& group,
                      const RuleContext& context, FindingSink& sink) const {
        if (!group.percent) return;
        const Claim& percent = block.claims[*group.percent];
        if (percent.value.is_zero()) return;
        if (group.prior) {
            // 「比上年0万元增长100%」: the prior year's figure is stated, and it is zero.
            const Claim& prior = block.claims[*group.prior];
            if (!prior.value.is_zero()) return;
            FindingBuilder finding = start(analysis, block, percent, "mismatch");
            finding.arg("base_name", "上年数").arg("base_name_en", "the prior year's figure").arg("base", text_of(prior));
            add_claim_evidence(finding, analysis, block, prior, "base");
            sink.add(std::move(finding).build());
            return;
        }
        if (!group.amount) return;
        const Claim& amount = block.claims[*group.amount];
        if (amount.relation != Relation::greater) return;  // a fall from zero is impossible anyway
        // The prior figure is this year's less the increase: zero when they are equal. This
        // year's figure is the one stated, or else the table's for what the change names.
        std::vector<Reading> currents;
        if (group.current) {
            const Claim& c = block.claims[*group.current];
            currents.push_back({c.value, c.half_unit, &c, nullptr});
        }
        std::vector<FactValue> facts;
        if (currents.empty() && block.concepts[*group.amount] != nullptr)
            facts = analysis.facts(block, block.concepts[*group.amount], Role::level);
        for (const FactValue& f : facts) currents.push_back({f.value, f.half_unit, nullptr, &f});
        if (currents.empty()) return;
        for (const Reading& a : currents) {
            if (!same_figure(a.value, a.half_unit, amount.value, amount.half_unit, context.tolerance())) return;
        }
        // 「增加307.82万元，增长100.00%」 with this year's 307.82: prior = 307.82 − 307.82 = 0.
        const Reading& current = currents.front();
        FindingBuilder finding = start(analysis, block, percent, "derived-zero");
        finding.arg("current", current.value)
            .arg("change", amount.value)
            .arg("base", current.value - amount.value)
            .arg("current_source", current.fact != nullptr ? "决算表" + current.fact->label : std::string("正文所述"))
            .arg("current_source_en", current.fact != nullptr ? "table " + current.fact->label : std::string("as stated"));
        add_claim_evidence(finding, analysis, block, amount, "change");
        if (current.claim != nullptr) add_claim_evidence(finding, analysis, block, *current.claim, "current");
        if (current.fact != nullptr) add_fact_evidence(finding, *current.fact, "current");
        sink.add(std::move(finding).build());
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_zero_base, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::ZeroBase>(context);
}
