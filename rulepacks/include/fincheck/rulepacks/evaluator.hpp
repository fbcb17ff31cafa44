// Evaluating pack relations on a report: resolving references to cells, summing them
// exactly, and deciding applicability. Stateless apart from the loop bindings it is given.
// It runs for every row a loop visits, so it builds no strings: references without a {var}
// are used as written, the others are filled into scratch buffers the evaluator reuses, and
// labels are compared in place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fincheck/report.hpp"
#include "pack_model.hpp"
#include "report_index.hpp"

namespace fincheck::rulepacks {

// Loop variable → bound value; views into the pack (literal values) or the report (row keys,
// codes), both of which outlive an evaluation.
using Bindings = std::vector<std::pair<std::string_view, std::string_view>>;

// Replaces {var} by its bound value.
std::string substitute(std::string_view text, const Bindings& bindings);
// The same into `out`, whose capacity is reused.
void substitute_into(std::string_view text, const Bindings& bindings, std::string& out);

// A cell that entered a side of a relation.
struct CellUse {
    const Table* table = nullptr;
    const Row* row = nullptr;
    std::size_t column = 0;
    Decimal value;      // 0 for a blank cell
    bool printed = false;  // carries a printed number, hence a rounding interval
    int sign = 1;
};

struct Operand {
    Decimal value;
    std::vector<CellUse> cells;
    std::size_t printed_count() const;
};

class Evaluator {
public:
    // `references`: the Terms, RowRefs and ColumnRefs passed in outlive the evaluator and do
    // not change (a pack's), so it may remember, by their address, what those without a
    // {var} resolve to. `none` for references built on the fly.
    enum class Memoize : std::uint8_t { none, references };
    Evaluator(const Report& report, const Bindings& bindings, Memoize memoize = Memoize::none)
        : report_(report), index_(ReportIndex::of(report)), bindings_(bindings), memoize_(memoize) {}

    // nullopt when the side cannot be evaluated on this report (table, row or column
    // missing): the relation does not apply, which is not a finding.
    std::optional<Operand> side(const std::vector<Term>& terms) const;
    // The same into `out` (cleared first, its capacity reused); false when it does not apply.
    bool side(const std::vector<Term>& terms, Operand& out) const;
    bool holds(const Condition& condition) const;

    // The values an <each> iterates over, in a deterministic order: views into the pack or
    // the report.
    static std::vector<std::string_view> loop_values(const Report& report, const Each& each);

    // Short description of a side, for messages: 「01/income/本年收入合计/决算数」.
    std::string describe(const std::vector<Term>& terms) const;

private:
    // `text` with its {var}s filled in: `text` itself when it has none, else `scratch`.
    std::string_view resolve(std::string_view text, std::string& scratch) const;
    const Table* find_table(const std::string& id) const;
    // A condition's cell: its number, 0 when blank, text, or absent.
    Decimal cell_or_zero(const Table* table, const RowRef& row, const ColumnRef& column) const;
    const Row* find_row(const Table& table, const RowRef& ref) const;
    const Row* find_row_uncached(const Table& table, const RowRef& ref) const;
    std::optional<std::size_t> find_column(const Table& table, const ColumnRef& ref) const;
    bool term(const Term& term, Operand& out) const;
    static void use(Operand& out, const Table& table, const Row& row, std::size_t column, int sign);

    // Answers for references without a {var}: the same for every loop value of the check
    // this evaluator serves, so found once. Keyed by the address of the pack's reference
    // and the table it was looked up in; a check has a handful, so a scan finds them.
    struct Memo {
        const void* ref = nullptr;
        const Table* table = nullptr;
        std::uintptr_t answer = 0;
    };
    const Memo* memo(const void* ref, const Table* table) const;
    void remember(const void* ref, const Table* table, std::uintptr_t answer) const;

    const Report& report_;
    const ReportIndex& index_;  // tables, rows and columns by name, built once per report
    const Bindings& bindings_;
    Memoize memoize_;
    // Scratch for resolve(), one per kind of reference that can be alive at once.
    mutable std::vector<Memo> memo_;
    mutable std::string table_scratch_, value_scratch_, part_scratch_, column_scratch_, prefix_scratch_, length_scratch_;
};

}  // namespace fincheck::rulepacks
