#include "fincheck/rulepacks/evaluator.hpp"

#include <algorithm>
#include <charconv>

#include "fincheck/text/compact.hpp"

namespace fincheck::rulepacks {

void substitute_into(std::string_view text, const Bindings& bindings, std::string& out) {
    out.clear();
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t open = text.find('{', pos);
        std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(text.substr(pos, open - pos));
        std::string_view name = text.substr(open + 1, close - open - 1);
        auto it = std::find_if(bindings.begin(), bindings.end(), [&](const auto& b) { return b.first == name; });
        if (it != bindings.end()) out += it->second;
        else out.append(text.substr(open, close - open + 1));
        pos = close + 1;
    }
    out.append(text.substr(std::min(pos, text.size())));
}

std::string substitute(std::string_view text, const Bindings& bindings) {
    if (text.find('{') == std::string_view::npos) return std::string(text);
    std::string out;
    substitute_into(text, bindings, out);
    return out;
}

std::size_t Operand::printed_count() const {
    return static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [](const CellUse& c) { return c.printed; }));
}

namespace {

// Labels are compared without spaces: extraction inserts and drops them freely.
using text::equal_ignoring_spaces;

bool code_excluded(std::string_view code, const std::vector<std::string>& excluded) {
    return std::any_of(excluded.begin(), excluded.end(),
                       [&](const std::string& e) { return code.substr(0, e.size()) == e; });
}

}  // namespace

std::string_view Evaluator::resolve(std::string_view text, std::string& scratch) const {
    if (text.find('{') == std::string_view::npos) return text;
    substitute_into(text, bindings_, scratch);
    return scratch;
}

const Evaluator::Memo* Evaluator::memo(const void* ref, const Table* table) const {
    if (memoize_ == Memoize::none) return nullptr;
    for (const Memo& m : memo_)
        if (m.ref == ref && m.table == table) return &m;
    return nullptr;
}

void Evaluator::remember(const void* ref, const Table* table, std::uintptr_t answer) const {
    if (memoize_ == Memoize::none) return;
    memo_.push_back({ref, table, answer});
}

const Table* Evaluator::find_table(const std::string& id) const {
    if (const Memo* m = memo(&id, nullptr)) return reinterpret_cast<const Table*>(m->answer);
    const std::string_view resolved = resolve(id, table_scratch_);
    const Table* table = report_.table(resolved);
    if (resolved.data() == id.data()) remember(&id, nullptr, reinterpret_cast<std::uintptr_t>(table));
    return table;
}

const Row* Evaluator::find_row(const Table& table, const RowRef& ref) const {
    if (const Memo* m = memo(&ref, &table)) return reinterpret_cast<const Row*>(m->answer);
    const Row* row = find_row_uncached(table, ref);
    if (ref.value.find('{') == std::string::npos && ref.part.find('{') == std::string::npos)
        remember(&ref, &table, reinterpret_cast<std::uintptr_t>(row));
    return row;
}

const Row* Evaluator::find_row_uncached(const Table& table, const RowRef& ref) const {
    const std::string_view value = resolve(ref.value, value_scratch_);
    const std::string_view part = resolve(ref.part, part_scratch_);
    switch (ref.by) {
        case RowRef::By::key: return index_.row_by_key(table, value, part);
        case RowRef::By::code: return index_.row_by_code(table, value, part);
        case RowRef::By::line_no:
        case RowRef::By::label: break;
    }
    for (const Row& row : table.rows) {
        if (!part.empty() && row.part != part) continue;
        switch (ref.by) {
            case RowRef::By::key:
            case RowRef::By::code: break;  // answered by the index above
            case RowRef::By::line_no:
                if (row.line_no == value) return &row;
                break;
            case RowRef::By::label:
                if (equal_ignoring_spaces(row.label, value)) return &row;
                break;
        }
    }
    return nullptr;
}

std::optional<std::size_t> Evaluator::find_column(const Table& table, const ColumnRef& ref) const {
    // Remembered as index + 1, 0 for none.
    if (const Memo* m = memo(&ref, &table))
        return m->answer == 0 ? std::nullopt : std::optional<std::size_t>(m->answer - 1);
    std::optional<std::size_t> column;
    bool constant = true;
    if (ref.number > 0) {
        column = table.column_by_number(ref.number);
    } else {
        const std::string_view key = resolve(ref.key, column_scratch_);
        constant = key.data() == ref.key.data();
        column = table.column_index(key);
    }
    if (constant) remember(&ref, &table, column ? *column + 1 : 0);
    return column;
}

void Evaluator::use(Operand& out, const Table& table, const Row& row, std::size_t column, int sign) {
    const Cell* cell = row.cell(column);
    CellUse u{&table, &row, column, Decimal{}, false, sign};
    if (cell && cell->value) {
        u.value = *cell->value;
        u.printed = true;
    }
    // Blank, or text such as 「-」: printed as nothing, so zero and exact.
    out.value += sign > 0 ? u.value : -u.value;
    out.cells.push_back(u);
}

bool Evaluator::term(const Term& t, Operand& out) const {
    const Table* table = find_table(t.table);
    if (!table) return false;
    switch (t.kind) {
        case Term::Kind::cell: {
            auto column = find_column(*table, t.column);
            if (!column) return false;
            const Row* row = find_row(*table, t.row);
            if (!row) return t.missing_is_zero;
            use(out, *table, *row, *column, t.sign);
            return true;
        }
        case Term::Kind::sum_codes: {
            auto column = find_column(*table, t.column);
            if (!column) return false;
            const std::string_view prefix = resolve(t.code_prefix, prefix_scratch_);
            const std::string_view length = resolve(t.code_length, length_scratch_);
            const std::string_view part = resolve(t.part, part_scratch_);
            std::size_t wanted = 0;
            if (length != "leaf") {
                auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), wanted);
                if (ec != std::errc{} || end != length.data() + length.size() || wanted == 0) return false;
            }
            for (const Row& row : table->rows) {
                if (row.code.empty() || (!part.empty() && row.part != part)) continue;
                if (row.code.substr(0, prefix.size()) != prefix) continue;
                if (code_excluded(row.code, t.exclude_codes)) continue;
                if (wanted ? row.code.size() != wanted : !index_.is_leaf(*table, row, part)) continue;
                use(out, *table, row, *column, t.sign);
            }
            return true;  // no such rows: the sum of nothing is zero
        }
        case Term::Kind::sum_rows: {
            auto column = find_column(*table, t.column);
            if (!column) return false;
            if (t.from) {
                const Row* first = find_row(*table, *t.from);
                const Row* last = find_row(*table, *t.to);
                if (!first || !last || last < first) return false;
                for (const Row* r = first; r <= last; ++r)
                    if (t.part.empty() || r->part == t.part) use(out, *table, *r, *column, t.sign);
                return true;
            }
            for (const RowRef& ref : t.rows) {
                const Row* row = find_row(*table, ref);
                if (!row) {
                    if (t.missing_is_zero) continue;
                    return false;
                }
                use(out, *table, *row, *column, t.sign);
            }
            return true;
        }
        case Term::Kind::sum_columns: {
            const Row* row = find_row(*table, t.row);
            if (!row) return t.missing_is_zero;
            std::vector<std::size_t> columns;
            for (const ColumnRef& ref : t.columns) {
                auto column = find_column(*table, ref);
                if (!column) return false;
                columns.push_back(*column);
            }
            for (std::size_t c : columns) use(out, *table, *row, c, t.sign);
            return true;
        }
    }
    return false;
}

std::optional<Operand> Evaluator::side(const std::vector<Term>& terms) const {
    Operand out;
    if (!side(terms, out)) return std::nullopt;
    return out;
}

bool Evaluator::side(const std::vector<Term>& terms, Operand& out) const {
    out.value = Decimal{};
    out.cells.clear();
    for (const Term& t : terms)
        if (!term(t, out)) return false;
    return true;
}

bool Evaluator::holds(const Condition& c) const {
    const Table* table = find_table(c.table);
    switch (c.kind) {
        case Condition::Kind::table_exists: return table != nullptr;
        case Condition::Kind::table_has_values: return table && !table->empty_of_values();
        case Condition::Kind::table_empty: return table && table->empty_of_values();
        case Condition::Kind::row_present: return table && find_row(*table, c.row);
        case Condition::Kind::nonempty:
        case Condition::Kind::empty: {
            bool nonempty = false;
            if (table) {
                const Row* row = find_row(*table, c.row);
                auto column = find_column(*table, c.column);
                if (row && column) {
                    const Cell* cell = row->cell(*column);
                    nonempty = cell && cell->value && !cell->value->is_zero();
                }
            }
            return c.kind == Condition::Kind::nonempty ? nonempty : !nonempty;
        }
        case Condition::Kind::not_above:
            return cell_or_zero(table, c.row, c.column) <= cell_or_zero(find_table(c.than_table), c.than_row, c.than_column);
    }
    return false;
}

Decimal Evaluator::cell_or_zero(const Table* table, const RowRef& row_ref, const ColumnRef& column_ref) const {
    if (table == nullptr) return Decimal{};
    const Row* row = find_row(*table, row_ref);
    auto column = find_column(*table, column_ref);
    if (row == nullptr || !column) return Decimal{};
    const Cell* cell = row->cell(*column);
    return cell && cell->value ? *cell->value : Decimal{};
}

std::vector<std::string_view> Evaluator::loop_values(const Report& report, const Each& each) {
    std::vector<std::string_view> out;
    switch (each.kind) {
        case Each::Kind::values:
            out.assign(each.values.begin(), each.values.end());
            return out;
        case Each::Kind::code_prefixes: {
            for (const Each::Source& s : each.sources)
                if (const Table* t = report.table(s.table))
                    for (const Row& row : t->rows)
                        if ((s.part.empty() || row.part == s.part) && row.code.size() >= each.length)
                            out.push_back(row.code.substr(0, each.length));
            std::sort(out.begin(), out.end());  // the order a std::set of the strings had
            out.erase(std::unique(out.begin(), out.end()), out.end());
            return out;
        }
        case Each::Kind::rows:
            for (const Each::Source& s : each.sources)
                if (const Table* t = report.table(s.table))
                    for (const Row& row : t->rows)
                        if ((s.part.empty() || row.part == s.part) &&
                            std::find(out.begin(), out.end(), row.key) == out.end())
                            out.emplace_back(row.key);
            return out;
    }
    return out;
}

std::string Evaluator::describe(const std::vector<Term>& terms) const {
    std::string out;
    for (const Term& t : terms) {
        if (!out.empty()) out += t.sign > 0 ? " + " : " − ";
        else if (t.sign < 0) out += "−";
        std::string table = substitute(t.table, bindings_);
        std::string column = t.column.number ? "栏次" + std::to_string(t.column.number) : substitute(t.column.key, bindings_);
        switch (t.kind) {
            case Term::Kind::cell:
                out += table + "/" + substitute(t.row.value, bindings_) + "/" + column;
                break;
            case Term::Kind::sum_codes:
                out += "Σ " + table + "/" + substitute(t.code_prefix, bindings_) + "*" +
                       (t.code_length == "leaf" ? std::string() : "(" + substitute(t.code_length, bindings_) + ")") + "/" + column;
                break;
            case Term::Kind::sum_rows: {
                out += "Σ " + table + "/{";
                if (t.from) out += substitute(t.from->value, bindings_) + " … " + substitute(t.to->value, bindings_);
                for (std::size_t i = 0; i < t.rows.size(); ++i) out += (i ? ", " : "") + substitute(t.rows[i].value, bindings_);
                out += "}/" + column;
                break;
            }
            case Term::Kind::sum_columns: {
                out += "Σ " + table + "/" + substitute(t.row.value, bindings_) + "/{";
                for (std::size_t i = 0; i < t.columns.size(); ++i) out += (i ? ", " : "") + substitute(t.columns[i].key, bindings_);
                out += "}";
                break;
            }
        }
    }
    return out;
}

}  // namespace fincheck::rulepacks
