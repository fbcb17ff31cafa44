// narrative-duplicate-fact: one fact stated twice with two values — a head count given twice,
// a project's 预算数 in its own form and in the summary table of the attachments.
#include <map>

#include "fincheck/number_text.hpp"
#include "rules.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

// A 4-digit year other than the fiscal year in the subject (「2023年末在职人数」) makes it
// another fact.
bool names_other_year(std::u32string_view subject, int fiscal_year) {
    for (std::size_t k = 0; k + 4 < subject.size(); ++k) {
        if (!is_digit(subject[k]) || !is_digit(subject[k + 1]) || !is_digit(subject[k + 2]) ||
            !is_digit(subject[k + 3]) || subject[k + 4] != U'年')
            continue;
        int year = 0;
        for (std::size_t d = 0; d < 4; ++d) year = year * 10 + static_cast<int>(subject[k + d] - U'0');
        if (fiscal_year == 0 || year != fiscal_year) return true;
    }
    return false;
}

std::optional<Decimal> money_of(const Cell& cell) {
    if (cell.value) return cell.value;
    std::string raw(cell.raw);
    for (std::string_view unit : {"万元", "元"}) {
        if (raw.size() > unit.size() && raw.compare(raw.size() - unit.size(), unit.size(), unit) == 0) {
            raw.resize(raw.size() - unit.size());
            break;
        }
    }
    if (auto parsed = parse_number(raw); parsed && !parsed->percent) return parsed->value;
    return std::nullopt;
}

class DuplicateFact final : public NarrativeRule {
public:
    using NarrativeRule::NarrativeRule;

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        check_counts(analysis, sink);
        check_project_budgets(analysis, context, sink);
    }

private:
    void check_counts(const Analysis& analysis, FindingSink& sink) const {
        struct First {
            const BlockClaims* block;
            const Claim* claim;
        };
        std::map<std::string, First> first_seen;
        for (const BlockClaims& block : analysis.blocks) {
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                const Claim& claim = block.claims[i];
                const Concept* entry = block.concepts[i];
                if (claim.kind != ClaimKind::count || entry == nullptr || claim.approximate) continue;
                if (names_other_year(claim.subject, analysis.report->meta.fiscal_year)) continue;
                auto [it, inserted] = first_seen.try_emplace(entry->id, First{&block, &claim});
                if (inserted || it->second.claim->value == claim.value) continue;
                FindingBuilder finding(meta().id, "mismatch");
                finding.at(claim_location(analysis, block, claim))
                    .arg("fact", entry->id)
                    .arg("first", text_of(*it->second.claim))
                    .arg("second", text_of(claim))
                    .expected(text_of(*it->second.claim))
                    .actual(text_of(claim));
                add_claim_evidence(finding, analysis, *it->second.block, *it->second.claim, "first");
                add_claim_evidence(finding, analysis, block, claim, "second");
                sink.add(std::move(finding).build());
            }
        }
    }

    // A summary table of the attachments: its 项目名称 and money columns, and each row's
    // normalized project name. Read once per check, not once per attachment form.
    struct ProjectTable {
        std::optional<std::size_t> name_column, money_column;
        std::vector<std::u32string> names;  // per row; empty when the row has no name cell
    };

    static std::vector<ProjectTable> project_tables(const Report& report) {
        std::vector<ProjectTable> out(report.tables.size());
        for (std::size_t t = 0; t < report.tables.size(); ++t) {
            const Table& table = report.tables[t];
            if (table.kind == TableKind::standard) continue;
            ProjectTable& index = out[t];
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                std::u32string key = normalize_phrase(to_u32(table.columns[c].key));
                if (!index.name_column && contains(key, U"项目名称")) index.name_column = c;
                if (!index.money_column && (contains(key, U"资金总额") || contains(key, U"预算数"))) index.money_column = c;
            }
            if (!index.name_column || !index.money_column) continue;
            index.names.reserve(table.rows.size());
            for (const Row& row : table.rows) {
                const Cell* label = row.cell(*index.name_column);
                index.names.push_back(label == nullptr ? std::u32string{} : normalize_phrase(to_u32(label->raw)));
            }
        }
        return out;
    }

    void check_project_budgets(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const {
        const Report& report = *analysis.report;
        std::vector<ProjectTable> tables;  // built on the first form that names a project
        for (const Attachment& attachment : report.attachments) {
            const Field* name = nullptr;
            const Field* budget = nullptr;
            for (const Field& field : attachment.fields) {
                std::u32string key = normalize_phrase(to_u32(field.name));
                if (name == nullptr && contains(key, U"项目名称")) name = &field;
                if (budget == nullptr && contains(key, U"预算数") && !contains(key, U"调整") && field.value) budget = &field;
            }
            if (name == nullptr || budget == nullptr || name->raw.empty()) continue;
            if (tables.empty()) tables = project_tables(report);
            std::u32string project = normalize_phrase(to_u32(name->raw));
            for (std::size_t t = 0; t < report.tables.size(); ++t) {
                const Table& table = report.tables[t];
                if (table.kind == TableKind::standard) continue;
                bool own = false;
                for (int index : attachment.tables) own = own || static_cast<std::size_t>(index) == t;
                if (own) continue;
                const ProjectTable& index = tables[t];
                if (!index.name_column || !index.money_column) continue;
                for (std::size_t r = 0; r < table.rows.size(); ++r) {
                    const Row& row = table.rows[r];
                    const Cell* label = row.cell(*index.name_column);
                    const Cell* money = row.cell(*index.money_column);
                    if (label == nullptr || money == nullptr || index.names[r] != project) continue;
                    auto value = money_of(*money);
                    if (!value || context.tolerance().equal(*value, *budget->value)) continue;
                    Location where = Location::at_cell(table, row, table.columns[*index.money_column].key);
                    FindingBuilder finding(meta().id, "mismatch");
                    finding.at(where)
                        .arg("fact", std::string(name->raw) + " 预算数")
                        .arg("first", std::string(budget->raw))
                        .arg("second", std::string(money->raw))
                        .expected(*budget->value)
                        .actual(*value)
                        .difference(*value - *budget->value)
                        .evidence("first", Location::at_line(budget->line), budget->raw, budget->value)
                        .evidence_cell("second", table, row, *index.money_column);
                    sink.add(std::move(finding).build());
                }
            }
        }
    }
};

}  // namespace

std::unique_ptr<NarrativeRule> make_duplicate_fact(std::shared_ptr<const Lexicon> lexicon) {
    return std::make_unique<DuplicateFact>(
        std::move(lexicon),
        narrative_meta("narrative-duplicate-fact", "同一事实前后表述不一致", "The same fact stated with two values",
                       "「{fact}」先后表述为{first}与{second}", "{fact} is stated as {first} and later as {second}"));
}

}  // namespace fincheck::narrative
