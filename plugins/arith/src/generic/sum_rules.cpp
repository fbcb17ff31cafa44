#include "sum_rules.hpp"

#include <algorithm>

#include "fincheck/rule_meta.hpp"

namespace fincheck::arith {

namespace {

struct Evaluated {
    bool total_blank = false;
    Decimal total;
    Decimal sum;
    Decimal largest;
    bool parts_nonnegative = true;
    bool any_part_nonzero = false;
    std::size_t nonzero_parts = 0;
    std::size_t printed = 0;
};

Evaluated evaluate(const SumRelation& r) {
    Evaluated e;
    const Cell* total = r.total.row->cell(r.total.column);
    e.total_blank = !total || !total->value;
    if (total && total->value) {
        e.total = *total->value;
        ++e.printed;
    }
    for (const CellRef& p : r.parts) {
        const Cell* cell = p.row->cell(p.column);
        if (!cell || !cell->value) continue;
        Decimal v = *cell->value;
        ++e.printed;
        e.sum += v;
        if (v < Decimal{}) e.parts_nonnegative = false;
        if (!v.is_zero()) {
            e.any_part_nonzero = true;
            ++e.nonzero_parts;
        }
        e.largest = std::max(e.largest, v);
    }
    return e;
}

std::string_view kind_name_zh(SumKind k) {
    switch (k) {
        case SumKind::code_subtotal: return "科目小计行";
        case SumKind::column_total: return "合计栏";
        case SumKind::row_total: break;
    }
    return "合计行";
}

std::string_view kind_name_en(SumKind k) {
    switch (k) {
        case SumKind::code_subtotal: return "code subtotal row";
        case SumKind::column_total: return "total column";
        case SumKind::row_total: break;
    }
    return "total row";
}

std::string row_name(const Row& row) {
    std::string out(row.code);
    if (!row.label.empty()) {
        if (!out.empty()) out += ' ';
        out += row.label;
    }
    return out.empty() ? std::string(row.key) : out;
}

RuleMeta meta(std::string id, std::string zh, std::string en, Severity severity, std::string msg_zh, std::string msg_en) {
    return RuleMetaBuilder(std::move(id), "arithmetic")
        .title(std::move(zh), std::move(en))
        .severity(severity)
        .message("default", std::move(msg_zh), std::move(msg_en))
        .page_in("plugins/arith")
        .build();
}

// The relations of every table of a report (index = table index), found once per report and
// shared by the five sum rules. Its address names the analysis in Report::derived.
using ReportRelations = std::vector<std::vector<SumRelation>>;
constexpr char kRelationsTag = 0;

const ReportRelations& relations_of(const Report& report) {
    return report.derived<ReportRelations>(&kRelationsTag, [&] {
        ReportRelations all;
        all.reserve(report.tables.size());
        for (const Table& table : report.tables) all.push_back(sum_relations(table));
        return all;
    });
}

}  // namespace

SumRule::SumRule(RuleMeta meta, Outcome outcome, std::optional<SumKind> kind)
    : meta_(std::move(meta)), outcome_(outcome), kind_(kind) {}

void SumRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    const Tolerance& tolerance = context.tolerance();
    const ReportRelations& relations = relations_of(report);
    for (std::size_t t = 0; t < report.tables.size() && t < relations.size(); ++t) {
        const Table& table = report.tables[t];
        for (const SumRelation& r : relations[t]) {
            if (kind_ && r.kind != *kind_) continue;
            Evaluated e = evaluate(r);
            Decimal allowed = tolerance.half_unit * static_cast<std::int64_t>(e.printed) + tolerance.extra;
            Decimal difference = e.total - e.sum;
            bool blank = e.total_blank && e.any_part_nonzero;
            // Two or more non-zero parts: below a lone part is merely "different from it".
            bool below = !e.total_blank && e.parts_nonnegative && e.nonzero_parts >= 2 &&
                         e.total + allowed < e.largest;
            bool mismatch = !e.total_blank && difference.abs() > allowed;
            bool report_it = false;
            switch (outcome_) {
                case Outcome::blank_total: report_it = blank; break;
                case Outcome::below_part: report_it = below; break;
                case Outcome::mismatch: report_it = mismatch && !below; break;
            }
            if (!report_it) continue;

            const Row& row = *r.total.row;
            std::string_view column = table.columns[r.total.column].key;
            FindingBuilder b(meta_.id, "default");
            Location loc = Location::at_cell(table, row, column);
            if (const Cell* cell = row.cell(r.total.column); cell && cell->line) loc.line = cell->line;
            b.at(std::move(loc));
            b.expected(e.sum).actual(e.total_blank ? std::string_view("(空白/blank)") : e.total.to_string());
            if (!e.total_blank) b.difference(difference);
            b.tolerance(allowed);
            b.arg("table", table.id).arg("row", row_name(row)).arg("column", column);
            b.arg("kind", kind_name_zh(r.kind)).arg("kind_en", kind_name_en(r.kind));
            b.arg("expected", e.sum).arg("actual", e.total_blank ? std::string("空白") : e.total.to_string());
            b.arg("difference", difference).arg("tolerance", allowed).arg("largest", e.largest);
            b.arg("parts", std::to_string(r.parts.size()));
            b.evidence_cell("total", table, row, r.total.column);
            for (const CellRef& p : r.parts) b.evidence_cell("part", table, *p.row, p.column);
            sink.add(std::move(b).build());
        }
    }
}

std::vector<std::unique_ptr<Rule>> make_sum_rules() {
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<SumRule>(
        meta("arith-total-row", "合计行不等于其各组成行之和", "A total row differs from the sum of its rows",
             Severity::error,
             "{table}表「{row}」{kind}·{column} 为 {actual}，其 {parts} 个组成项之和为 {expected}，差额 {difference} 超出容差 {tolerance}",
             "Table {table}, {kind_en} \"{row}\", column {column}: printed {actual}, its {parts} parts add up to {expected}; the difference {difference} exceeds the tolerance {tolerance}"),
        SumRule::Outcome::mismatch, SumKind::row_total));
    rules.push_back(std::make_unique<SumRule>(
        meta("arith-code-subtotal", "类/款科目行不等于其下级科目之和", "A class or item code row differs from the sum of its sub-codes",
             Severity::error,
             "{table}表科目「{row}」·{column} 为 {actual}，其 {parts} 个下级科目之和为 {expected}，差额 {difference} 超出容差 {tolerance}",
             "Table {table}, code row \"{row}\", column {column}: printed {actual}, its {parts} sub-codes add up to {expected}; the difference {difference} exceeds the tolerance {tolerance}"),
        SumRule::Outcome::mismatch, SumKind::code_subtotal));
    rules.push_back(std::make_unique<SumRule>(
        meta("arith-total-column", "合计栏不等于同组各栏之和", "A total column differs from the sum of its sibling columns",
             Severity::error,
             "{table}表「{row}」行的合计栏 {column} 为 {actual}，同组 {parts} 栏之和为 {expected}，差额 {difference} 超出容差 {tolerance}",
             "Table {table}, row \"{row}\": total column {column} is {actual}, its {parts} sibling columns add up to {expected}; the difference {difference} exceeds the tolerance {tolerance}"),
        SumRule::Outcome::mismatch, SumKind::column_total));
    rules.push_back(std::make_unique<SumRule>(
        meta("arith-blank-total", "合计为空而组成项有数", "A total is blank while its parts carry amounts",
             Severity::error,
             "{table}表「{row}」{kind}·{column} 为空，但其组成项合计 {expected}",
             "Table {table}, {kind_en} \"{row}\", column {column} is blank although its parts add up to {expected}"),
        SumRule::Outcome::blank_total, std::nullopt));
    rules.push_back(std::make_unique<SumRule>(
        meta("arith-total-below-part", "合计小于其最大组成项（疑似错读）", "A total smaller than its largest part (likely misread)",
             Severity::warning,
             "{table}表「{row}」{kind}·{column} 为 {actual}，小于其组成项中的最大值 {largest}：疑似数值错读、错列或跨页错位，而非计算错误",
             "Table {table}, {kind_en} \"{row}\", column {column} is {actual}, smaller than its largest part {largest}: most likely a misread or shifted value, not an arithmetic error"),
        SumRule::Outcome::below_part, std::nullopt));
    return rules;
}

}  // namespace fincheck::arith
