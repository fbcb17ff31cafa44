#include "sum_relations.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "fincheck/text/compact.hpp"

namespace fincheck::arith {

namespace {

// True when `s` equals `word` once spaces, tabs and U+3000 are dropped (the text layer's
// comparison of labels).
bool compact_equals(std::string_view s, std::string_view word) { return text::equal_ignoring_spaces(s, word); }

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The last segment of a key path: 预算数/合计 → 合计.
std::string_view last_segment(std::string_view key) {
    std::size_t slash = key.rfind('/');
    return slash == std::string_view::npos ? key : key.substr(slash + 1);
}

std::string_view group_of(std::string_view key) {
    std::size_t slash = key.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : key.substr(0, slash);
}

bool is_grand_total(const Row& row) {
    std::string_view label = row.label.empty() ? row.key : row.label;
    return compact_equals(label, "合计") || compact_equals(label, "总计") || row.key == "合计";
}

bool is_subtotal(const Row& row) { return compact_equals(row.label.empty() ? row.key : row.label, "小计"); }

bool refines(std::string_view longer, std::string_view shorter) {
    return longer.size() > shorter.size() && longer.substr(0, shorter.size()) == shorter;
}

// What the finders ask of a table's rows and columns again and again, worked out once per
// table: which rows are totals, and (when first asked) which columns add up.
struct Shape {
    explicit Shape(const Table& t) : table(t), grand(t.rows.size()), sub(t.rows.size()), additive_(t.columns.size(), -1) {
        split = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return !r.part.empty(); });
        if (split) return;  // only row_totals reads the flags, and it skips split tables
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            grand[r] = is_grand_total(t.rows[r]);
            sub[r] = is_subtotal(t.rows[r]);
        }
    }
    bool total(std::size_t r) const { return grand[r] || sub[r]; }
    // is_additive_column, asked only for the columns of tables that state a sum.
    bool additive(std::size_t c) const {
        if (additive_[c] < 0) additive_[c] = is_additive_column(table, c) ? 1 : 0;
        return additive_[c] == 1;
    }
    const Table& table;
    bool split = false;  // rows carry parts (01, 04)
    std::vector<bool> grand, sub;

private:
    mutable std::vector<std::int8_t> additive_;  // -1 not yet known
};

void add_for_columns(std::vector<SumRelation>& out, SumKind kind, const Shape& shape, const Row& total,
                     const std::vector<const Row*>& parts) {
    if (parts.empty()) return;
    const Table& table = shape.table;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (!shape.additive(c)) continue;
        SumRelation r{kind, &table, CellRef{&total, c}, {}};
        r.parts.reserve(parts.size());
        for (const Row* p : parts) r.parts.push_back(CellRef{p, c});
        out.push_back(std::move(r));
    }
}

// Code rows not refined by a shorter code of the table: 类 rows when printed, else the 项 rows.
std::vector<const Row*> root_code_rows(const Shape& shape) {
    std::vector<const Row*> roots;
    for (const Row& row : shape.table.rows) {
        if (row.code.empty()) continue;
        bool has_parent = std::any_of(shape.table.rows.begin(), shape.table.rows.end(), [&](const Row& other) {
            return !other.code.empty() && refines(row.code, other.code);
        });
        if (!has_parent) roots.push_back(&row);
    }
    return roots;
}

void row_totals(const Shape& shape, std::vector<SumRelation>& out) {
    const Table& table = shape.table;
    // Split tables (01, 04) state their totals as named relations; the rule packs check them.
    if (shape.split) return;
    const bool coded = std::any_of(table.rows.begin(), table.rows.end(), [](const Row& r) { return !r.code.empty(); });
    std::vector<const Row*> subtotals;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (shape.sub[r]) subtotals.push_back(&table.rows[r]);

    std::vector<const Row*> roots;
    bool have_roots = false;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const Row& row = table.rows[i];
        if (!shape.total(i)) continue;
        std::vector<const Row*> parts;
        if (coded && shape.grand[i]) {
            if (!have_roots) roots = root_code_rows(shape);
            have_roots = true;
            parts = roots;
        } else if (shape.grand[i] && !subtotals.empty()) {
            parts = subtotals;
        } else {
            // The block this total closes: the rows above it back to the previous total, or,
            // when it is printed first, the rows below it up to the next total.
            std::size_t begin = i;
            while (begin > 0 && !shape.total(begin - 1)) --begin;
            for (std::size_t k = begin; k < i; ++k) parts.push_back(&table.rows[k]);
            if (parts.empty())
                for (std::size_t k = i + 1; k < table.rows.size() && !shape.total(k); ++k) parts.push_back(&table.rows[k]);
        }
        add_for_columns(out, SumKind::row_total, shape, row, parts);
    }
}

void code_subtotals(const Shape& shape, std::vector<SumRelation>& out) {
    const Table& table = shape.table;
    std::vector<const Row*> children;
    for (const Row& row : table.rows) {
        if (row.code.size() != 3 && row.code.size() != 5) continue;
        // Children are the next level actually printed: 款 rows under a 类, or 项 rows when
        // the table skips the 款 level.
        std::size_t child_length = 0;
        for (const Row& other : table.rows)
            if ((row.part.empty() || other.part == row.part) && refines(other.code, row.code) &&
                (child_length == 0 || other.code.size() < child_length))
                child_length = other.code.size();
        if (child_length == 0) continue;
        children.clear();
        for (const Row& other : table.rows)
            if ((row.part.empty() || other.part == row.part) && refines(other.code, row.code) &&
                other.code.size() == child_length)
                children.push_back(&other);
        add_for_columns(out, SumKind::code_subtotal, shape, row, children);
    }
}

void column_totals(const Shape& shape, std::vector<SumRelation>& out) {
    const Table& table = shape.table;
    // The standard tables' column formulas are stated in the rule packs, with their exact
    // parts (a 三公 合计 excludes the 购置/运行 split of 公务用车); here only other tables.
    if (table.kind == TableKind::standard) return;
    for (std::size_t t = 0; t < table.columns.size(); ++t) {
        const Column& total = table.columns[t];
        std::string_view name = total.header.empty() ? last_segment(total.key) : total.header.back();
        if (!is_total_label(name)) continue;
        std::string_view group = group_of(total.key);
        std::vector<std::size_t> parts;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c == t || group_of(table.columns[c].key) != group || !shape.additive(c)) continue;
            if (is_total_label(last_segment(table.columns[c].key))) continue;
            parts.push_back(c);
        }
        if (parts.size() < 2) continue;
        for (const Row& row : table.rows) {
            SumRelation r{SumKind::column_total, &table, CellRef{&row, t}, {}};
            for (std::size_t c : parts) r.parts.push_back(CellRef{&row, c});
            out.push_back(std::move(r));
        }
    }
}

}  // namespace

bool is_total_label(std::string_view label) {
    return compact_equals(label, "合计") || compact_equals(label, "总计") || compact_equals(label, "小计");
}

bool is_additive_column(const Table& table, std::size_t column) {
    if (column >= table.columns.size()) return false;
    if (table.kind == TableKind::standard) return true;
    static constexpr std::array<std::string_view, 14> kNotAmounts{
        "率", "%", "％", "比例", "占比", "比重", "序号", "行次", "栏次", "编码", "代码", "目标", "完成值", "指标"};
    const Column& col = table.columns[column];
    auto mentions = [&](std::string_view text) {
        return std::any_of(kNotAmounts.begin(), kNotAmounts.end(), [&](std::string_view w) { return contains(text, w); });
    };
    if (mentions(col.key)) return false;
    return std::none_of(col.header.begin(), col.header.end(), mentions);
}

std::vector<SumRelation> sum_relations(const Table& table) {
    std::vector<SumRelation> out;
    const Shape shape(table);
    row_totals(shape, out);
    code_subtotals(shape, out);
    column_totals(shape, out);
    return out;
}

}  // namespace fincheck::arith
