// narrative-duplicate-fact: one fact stated twice with two values — a head count given twice
// (in prose or in a form's indicator), a total count whose parts do not add up, a project's
// 预算数 against its own form's indicators and against the summary table of the attachments.
#include <map>
#include <tuple>

#include "count_statements.hpp"
#include "fincheck/number_text.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "form_indicators.hpp"
#include "narrative_rule.hpp"
#include "scanner.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

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

// An indicator of a 项目绩效自评表 that states the project's budget: its name or target
// speaks of disbursing the funds (拨付 with 预算, 经费 or 资金: 「专项资金拨付」, 「专项拨付经费
// 不超预算」) and its target states one amount. A part said as such (首批, 其中) is not the budget.
struct BudgetIndicator {
    const IndicatorRow* indicator = nullptr;
    Claim amount;
};

bool speaks_of_disbursing_the_budget(std::u32string_view text) {
    if (!contains(text, U"拨付")) return false;
    if (!contains(text, U"预算") && !contains(text, U"经费") && !contains(text, U"资金")) return false;
    for (std::u32string_view part : {U"首批", U"分批", U"第一批", U"第二批", U"其中", U"部分"}) {
        if (contains(text, part)) return false;
    }
    return true;
}

std::optional<BudgetIndicator> budget_indicator(const IndicatorRow& indicator, const ScanOptions& options) {
    std::string_view target = indicator.cell_text(indicator.target_column);
    if (target.find("元") == std::string_view::npos) return std::nullopt;  // no amount (万元, 元, 亿元)
    if (!contains_utf8(indicator.name(), "拨付") && !contains_utf8(target, "拨付")) return std::nullopt;
    std::u32string text = normalize_phrase(to_u32(indicator.name())) + normalize_phrase(to_u32(target));
    if (!speaks_of_disbursing_the_budget(text)) return std::nullopt;
    std::optional<BudgetIndicator> found;
    for (Claim& claim : scan_claims(target, options)) {
        if (claim.kind != ClaimKind::amount || claim.prior_year) continue;
        if (found) return std::nullopt;  // two amounts: which one is the budget is not said
        found = BudgetIndicator{&indicator, std::move(claim)};
    }
    return found;
}

// The indicators of one form that state its budget.
std::vector<BudgetIndicator> stated_budgets(const std::vector<IndicatorRow>& indicators, const ScanOptions& options) {
    std::vector<BudgetIndicator> stated;
    for (const IndicatorRow& row : indicators) {
        if (auto found = budget_indicator(row, options)) stated.push_back(std::move(*found));
    }
    return stated;
}

// The cell of the attachment's tables that prints `field` (same line, same text).
struct FieldCell {
    const Table* table = nullptr;
    const Row* row = nullptr;
    std::size_t column = 0;
};

std::optional<FieldCell> cell_of(const Report& report, const Attachment& attachment, const Field& field) {
    for (int index : attachment.tables) {
        if (index < 0 || static_cast<std::size_t>(index) >= report.tables.size()) continue;
        const Table& table = report.tables[static_cast<std::size_t>(index)];
        for (const Row& row : table.rows) {
            if (row.line != field.line) continue;
            for (std::size_t c = 0; c < row.cells.size() && c < table.columns.size(); ++c) {
                if (row.cells[c].raw == field.raw) return FieldCell{&table, &row, c};
            }
        }
    }
    return std::nullopt;
}

class DuplicateFact final : public NarrativeRule {
public:
    explicit DuplicateFact(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-duplicate-fact")
                            .title("同一事实前后表述不一致",
                                "The same fact stated with two values")
                            .severity(Severity::error)
                            .message("mismatch",
                                "「{fact}」先后表述为{first}与{second}",
                                "{fact} is stated as {first} and later as {second}")
                            .message("partition",
                                "「{fact}」总数{total}与其中各部分之和{sum}{unit}不符",
                                "{fact}: the total {total} differs from the sum of its parts, {sum}")
                            .message("partition-amount",
                                "「{fact}」{total}与其中所列各部分之和{sum}万元不符，差额{difference}万元超出舍入容差{tolerance}万元",
                                "{fact}: {total} differs from the sum of the parts listed after 其中, {sum} (10k yuan); "
                                "the difference {difference} exceeds the rounding tolerance {tolerance}")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        // The forms' indicator rows, read once for the counts and the budgets.
        std::vector<std::vector<IndicatorRow>> indicators;
        indicators.reserve(analysis.report->attachments.size());
        for (const Attachment& attachment : analysis.report->attachments)
            indicators.push_back(indicator_rows(*analysis.report, attachment));
        check_counts(analysis, indicators, sink);
        check_partitions(analysis, context.tolerance(), sink);
        check_project_budgets(analysis, indicators, context, sink);
        check_form_budgets(analysis, indicators, context, sink);
    }

private:
    // The first statement of each (concept, year, point of the year) is the reference; every
    // later one with another value is a finding that shows both places.
    void check_counts(const Analysis& analysis, const std::vector<std::vector<IndicatorRow>>& indicators,
                      FindingSink& sink) const {
        std::vector<CountStatement> statements = count_statements(analysis, indicators);
        std::map<std::tuple<std::string, int, bool>, std::size_t> first_seen;
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const CountStatement& statement = statements[i];
            auto key = std::make_tuple(statement.entry->id, statement.frame.year, statement.frame.year_start);
            auto [it, inserted] = first_seen.try_emplace(std::move(key), i);
            const CountStatement& first = statements[it->second];
            if (inserted || first.value == statement.value) continue;
            FindingBuilder finding(meta().id, "mismatch");
            finding.at(statement_location(analysis, statement))
                .arg("fact", statement.entry->id)
                .arg("first", first.text)
                .arg("second", statement.text)
                .expected(first.text)
                .actual(statement.text);
            add_statement_evidence(finding, analysis, first, "first");
            add_statement_evidence(finding, analysis, statement, "second");
            sink.add(std::move(finding).build());
        }
    }

    // 「实有人数总共11人，其中在职3人，退休8人」 or 「政府采购金额251.25万元，其中：货物4.79万元、
    // 工程0万元、服务246.47万元」: a total and, after 其中 in the same sentence, its parts as the
    // lexicon's partitions name them. Parts of an exhaustive partition, all stated once, must add
    // up to the total; otherwise (the parts are disjoint) they must not exceed it. Head counts are
    // exact; amounts are compared as intervals, each printed figure standing for anything within
    // half a unit of its last digit, so a rounding tail (4.79 + 0 + 246.47 = 251.26 against
    // 251.25) is no finding.
    void check_partitions(const Analysis& analysis, const Tolerance& tolerance, FindingSink& sink) const {
        const Lexicon& lexicon = *analysis.lexicon;
        if (lexicon.partitions.empty()) return;
        for (const BlockClaims& block : analysis.blocks) {
            for (std::size_t w = 0; w < block.claims.size(); ++w) {
                const Claim& whole = block.claims[w];
                const Concept* whole_entry = block.concepts[w];
                if (whole_entry == nullptr || whole.after_qizhong || !addable(whole)) continue;
                const Partition* partition = nullptr;
                for (const Partition& p : lexicon.partitions) {
                    if (p.whole == whole_entry->id) partition = &p;
                }
                if (partition == nullptr) continue;
                // Head counts: the parts after 其中 in the whole's sentence. Amounts: also in the
                // clauses after 「；」 up to the end of the sentence at 。！？, since 「其中：基本支出
                // …万元，占…%；项目支出…万元」 lists its parts across semicolons; the list ends
                // where the whole, or a part already listed, is stated again.
                const bool counts = whole.kind == ClaimKind::count;
                const std::size_t qizhong = block.text.find(U"其中", whole.end);
                std::vector<std::size_t> parts;
                std::vector<int> times_stated(partition->parts.size(), 0);
                bool list_ended = false;
                for (std::size_t k = w + 1; k < block.claims.size() && !list_ended; ++k) {
                    const Claim& part = block.claims[k];
                    if (counts ? part.sentence != whole.sentence : part.period != whole.period) break;
                    if (!counts && block.concepts[k] == whole_entry) break;
                    const bool listed = counts ? part.after_qizhong
                                               : qizhong != std::u32string_view::npos && part.begin > qizhong;
                    if (!listed || block.concepts[k] == nullptr || !adds_up_to(part, whole)) continue;
                    for (std::size_t p = 0; p < partition->parts.size(); ++p) {
                        if (partition->parts[p] != block.concepts[k]->id) continue;
                        if (!counts && times_stated[p] > 0) {
                            list_ended = true;
                            break;
                        }
                        ++times_stated[p];
                        parts.push_back(k);
                    }
                }
                if (parts.empty()) continue;
                // A printed 0 (「工程采购金额0万元」) is nothing, not anything below half a 万元.
                const auto slack = [](const Claim& c) { return c.value.is_zero() ? Decimal{} : c.half_unit; };
                Decimal sum;
                Decimal allowed = slack(whole) + tolerance.extra;
                for (std::size_t k : parts) {
                    sum += block.claims[k].value;
                    allowed += slack(block.claims[k]);
                }
                if (counts) allowed = Decimal{};
                bool complete = partition->exhaustive;
                for (int times : times_stated) complete = complete && times == 1;
                const Decimal difference = whole.value - sum;
                const bool wrong = complete ? difference.abs() > allowed : sum - whole.value > allowed;
                if (!wrong) continue;
                const bool amount = !counts;
                FindingBuilder finding(meta().id, amount ? "partition-amount" : "partition");
                finding.at(claim_location(analysis, block, whole))
                    .arg("fact", whole_entry->id)
                    .arg("total", text_of(whole))
                    .arg("sum", sum.to_string(amount ? 2 : 0))
                    .arg("difference", difference.abs())
                    .arg("tolerance", allowed)
                    .expected(sum, amount ? 2 : 0)
                    .actual(whole.value, amount ? 2 : 0)
                    .difference(difference);
                if (amount) finding.tolerance(allowed);
                else finding.arg("unit", to_utf8(count_unit(whole)));
                add_claim_evidence(finding, analysis, block, whole, "total");
                for (std::size_t k : parts) add_claim_evidence(finding, analysis, block, block.claims[k], "part");
                sink.add(std::move(finding).build());
            }
        }
    }

    // A claim a partition adds up: a count (people, cars …) or an amount, stated as such (not a
    // prior year's, not approximate, not a change).
    static bool addable(const Claim& claim) {
        return (claim.kind == ClaimKind::count || claim.kind == ClaimKind::amount) && !claim.approximate &&
               !claim.prior_year && claim.relation == Relation::none;
    }

    // 名 counts people as 人 does.
    static std::u32string_view count_unit(const Claim& claim) {
        return claim.unit == U"名" ? std::u32string_view(U"人") : std::u32string_view(claim.unit);
    }

    // A part of the same measure as its whole: a count in the whole's unit (辆 with 辆); an amount
    // with an amount of the same role, so that 「年初预算0.95万元，……其中：因公出国（境）费决算为
    // 0.00万元」 compares no budget with the spending of its parts.
    static bool adds_up_to(const Claim& part, const Claim& whole) {
        if (!addable(part) || part.kind != whole.kind) return false;
        if (whole.kind == ClaimKind::count) return count_unit(part) == count_unit(whole);
        return (part.role == Role::budget) == (whole.role == Role::budget) && part.budget_kind == whole.budget_kind;
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

    // A form's 预算数 against the project's row in a summary table of the attachments. When the
    // form's own budget indicators state the summary's figure, the form's 预算数 is the odd one
    // out and check_form_budgets reports it there; the summary row is then not a finding.
    void check_project_budgets(const Analysis& analysis, const std::vector<std::vector<IndicatorRow>>& indicators,
                               const RuleContext& context, FindingSink& sink) const {
        const Report& report = *analysis.report;
        ScanOptions options;
        options.fiscal_year = report.meta.fiscal_year;
        const Decimal money_half = Decimal::from_units(Decimal::kScale / 200);
        std::vector<ProjectTable> tables;  // built on the first form that names a project
        for (std::size_t a = 0; a < report.attachments.size(); ++a) {
            const Attachment& attachment = report.attachments[a];
            const Field* name = nullptr;
            const Field* budget = nullptr;
            for (const Field& field : attachment.fields) {
                if (name == nullptr && contains_utf8(field.name, "项目名称")) name = &field;
                if (budget == nullptr && field.value && contains_utf8(field.name, "预算数") && !contains_utf8(field.name, "调整"))
                    budget = &field;
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
                    if (stated_budgets_agree_with(indicators[a], options, *value, money_half, context)) continue;
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
    static bool stated_budgets_agree_with(const std::vector<IndicatorRow>& indicators, const ScanOptions& options,
                                          const Decimal& value, const Decimal& half, const RuleContext& context) {
        for (const BudgetIndicator& s : stated_budgets(indicators, options))
            if (same_figure(s.amount.value, s.amount.half_unit, value, half, context.tolerance())) return true;
        return false;
    }

    // A 项目绩效自评表's 预算数 (A) against the indicators of the same form that state the
    // budget. When some of them agree with it, the others are wrong and each is a finding at
    // its cell; when none agrees, the 预算数 itself is the odd one out: one finding there.
    void check_form_budgets(const Analysis& analysis, const std::vector<std::vector<IndicatorRow>>& indicators,
                            const RuleContext& context, FindingSink& sink) const {
        const Report& report = *analysis.report;
        ScanOptions options;
        options.fiscal_year = report.meta.fiscal_year;
        for (std::size_t a = 0; a < report.attachments.size(); ++a) {
            const Attachment& attachment = report.attachments[a];
            const Field* name = nullptr;
            const Field* budget = nullptr;
            for (const Field& field : attachment.fields) {
                if (name == nullptr && contains_utf8(field.name, "项目名称")) name = &field;
                if (budget == nullptr && field.value && contains_utf8(field.name, "预算数") && !contains_utf8(field.name, "调整"))
                    budget = &field;
            }
            if (budget == nullptr) continue;
            const std::vector<BudgetIndicator> stated = stated_budgets(indicators[a], options);
            if (stated.empty()) continue;
            Decimal budget_half = Decimal::from_units(Decimal::kScale / 200);  // 0.005 unless printed coarser
            for (const Claim& printed : scan_claims(budget->raw, options)) {
                if (printed.kind == ClaimKind::amount) budget_half = printed.half_unit;
                break;
            }
            std::vector<const BudgetIndicator*> differing;
            bool any_agrees = false;
            for (const BudgetIndicator& s : stated) {
                if (same_figure(s.amount.value, s.amount.half_unit, *budget->value, budget_half, context.tolerance())) any_agrees = true;
                else differing.push_back(&s);
            }
            if (differing.empty()) continue;
            std::string fact = (name != nullptr && !name->raw.empty() ? std::string(name->raw) + " " : std::string()) + "预算数";
            std::optional<FieldCell> budget_cell = cell_of(report, attachment, *budget);
            auto add_budget_evidence = [&](FindingBuilder& finding) {
                if (budget_cell) finding.evidence_cell("first", *budget_cell->table, *budget_cell->row, budget_cell->column);
                else finding.evidence("first", Location::at_line(budget->line), budget->raw, budget->value);
            };
            auto at_indicator = [](const BudgetIndicator& s) {
                const IndicatorRow& row = *s.indicator;
                if (*row.target_column >= row.table->columns.size()) return Location::at_row(*row.table, *row.row);
                return Location::at_cell(*row.table, *row.row, row.table->columns[*row.target_column].key);
            };
            if (any_agrees) {
                for (const BudgetIndicator* s : differing) {
                    FindingBuilder finding(meta().id, "mismatch");
                    finding.at(at_indicator(*s))
                        .arg("fact", fact)
                        .arg("first", std::string(budget->raw))
                        .arg("second", text_of(s->amount))
                        .expected(*budget->value)
                        .actual(s->amount.value)
                        .difference(s->amount.value - *budget->value);
                    add_budget_evidence(finding);
                    finding.evidence_cell("second", *s->indicator->table, *s->indicator->row, *s->indicator->target_column);
                    sink.add(std::move(finding).build());
                }
                continue;
            }
            const BudgetIndicator& first = *differing.front();
            FindingBuilder finding(meta().id, "mismatch");
            finding.at(budget_cell ? Location::at_cell(*budget_cell->table, *budget_cell->row,
                                                       budget_cell->table->columns[budget_cell->column].key)
                                   : Location::at_line(budget->line))
                .arg("fact", fact)
                .arg("first", text_of(first.amount))
                .arg("second", std::string(budget->raw))
                .expected(first.amount.value)
                .actual(*budget->value)
                .difference(*budget->value - first.amount.value);
            add_budget_evidence(finding);
            for (const BudgetIndicator* s : differing)
                finding.evidence_cell("second", *s->indicator->table, *s->indicator->row, *s->indicator->target_column);
            sink.add(std::move(finding).build());
        }
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_duplicate_fact, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::DuplicateFact>(context);
}
