#include "sum_rules.hpp"

#include <algorithm>


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


}  // namespace fincheck::arith
