#include "facts.hpp"

#include <algorithm>

namespace fincheck::narrative {
namespace {

constexpr Decimal kHalfCent = Decimal::from_units(5'000);

bool in_yuan(const Table& table) { return table.unit == "元"; }

std::optional<Decimal> cell_value(const Row& row, std::size_t column) {
    const Cell* cell = row.cell(column);
    if (cell == nullptr) return std::nullopt;
    if (cell->value) return cell->value;
    if (cell->blank()) return Decimal{};
    return std::nullopt;
}

// The functional-class total of a code table: the class row when printed, otherwise the sum
// of its 项 rows (or 款 rows when a table stops there).
std::optional<FactValue> class_total(const Table& table, std::string_view code, std::size_t column) {
    FactValue fact;
    const Row* class_row = table.row_by_code(code);
    if (class_row == nullptr) class_row = table.row_by_key(code);
    std::vector<const Row*> rows;
    if (class_row != nullptr) rows.push_back(class_row);
    else rows = table.rows_with_code_prefix(code, 7);
    if (rows.empty()) rows = table.rows_with_code_prefix(code, 5);
    if (rows.empty()) return std::nullopt;
    for (const Row* row : rows) {
        auto value = cell_value(*row, column);
        if (!value) return std::nullopt;
        fact.value += *value;
        fact.half_unit += kHalfCent;
        fact.cells.push_back({&table, row, column});
    }
    return fact;
}

}  // namespace

std::optional<FactValue> evaluate(const Report& report, const Binding& binding) {
    FactValue total;
    for (const FactTerm& term : binding.terms) {
        const Table* table = report.table(term.table);
        if (table == nullptr) return std::nullopt;
        auto column = table->column_index(term.column);
        if (!column) return std::nullopt;
        std::optional<FactValue> part;
        if (term.class_total) {
            part = class_total(*table, term.row, *column);
        } else {
            const Row* row = table->row_by_key(term.row);
            if (row == nullptr) return std::nullopt;
            auto value = cell_value(*row, *column);
            if (!value) return std::nullopt;
            // A row printed with no number at all may be an extraction gap rather than zero.
            if (row->cells.size() > 0 && value->is_zero()) {
                bool any = false;
                for (const Cell& cell : row->cells) any = any || cell.value.has_value();
                if (!any && !table->empty_of_values()) return std::nullopt;
            }
            part = FactValue{*value, kHalfCent, {{table, row, *column}}, {}};
        }
        if (!part) return std::nullopt;
        if (in_yuan(*table)) {
            part->value = Decimal::from_units(part->value.units() / 10000);
            part->half_unit = Decimal::from_units(std::max<std::int64_t>(part->half_unit.units() / 10000, 1));
        }
        total.value += part->value;
        total.half_unit += part->half_unit;
        for (const CellRef& cell : part->cells) total.cells.push_back(cell);
        if (!total.label.empty()) total.label += " + ";
        total.label += term.table + "/" + term.row + "/" + term.column;
    }
    if (total.cells.empty()) return std::nullopt;
    return total;
}

// The selection of Lexicon::bindings() without copying the concept's own bindings: asked for
// every stated amount, so only class templates (whose rows take the class code) are copied.
std::vector<FactValue> facts_for(const Report& report, const Lexicon& lexicon, const Concept& entry,
                                 std::string_view context, Role role) {
    const Role wanted = role == Role::budget ? Role::budget : Role::level;
    const bool with_classes = !entry.code.empty();
    auto is_specific = [&](const Binding& b) { return b.role == wanted && !b.context.empty() && b.context == context; };
    bool specific = std::any_of(entry.bindings.begin(), entry.bindings.end(), is_specific) ||
                    (with_classes && std::any_of(lexicon.class_bindings.begin(), lexicon.class_bindings.end(), is_specific));
    auto applies = [&](const Binding& b) {
        return b.role == wanted && (specific ? !b.context.empty() && b.context == context : b.context.empty());
    };
    std::vector<FactValue> facts;
    for (const Binding& binding : entry.bindings) {
        if (!applies(binding)) continue;
        if (auto fact = evaluate(report, binding)) facts.push_back(std::move(*fact));
    }
    if (!with_classes) return facts;
    for (const Binding& template_binding : lexicon.class_bindings) {
        if (!applies(template_binding)) continue;
        Binding binding = template_binding;
        for (FactTerm& term : binding.terms) {
            if (auto at = term.row.find("{code}"); at != std::string::npos) term.row.replace(at, 6, entry.code);
            if (term.class_total && term.row.empty()) term.row = entry.code;
        }
        if (auto fact = evaluate(report, binding)) facts.push_back(std::move(*fact));
    }
    return facts;
}

}  // namespace fincheck::narrative
