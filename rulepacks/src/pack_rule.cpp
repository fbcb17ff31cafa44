#include "fincheck/rulepacks/pack_rule.hpp"

#include <algorithm>

#include "fincheck/rulepacks/evaluator.hpp"
#include "fincheck/rule_meta.hpp"

namespace fincheck::rulepacks {

namespace {

constexpr const char* kDefaultZh =
    "{check}：{left} = {actual}，{right} = {expected}，差额 {difference} 超出容差 {tolerance}";
constexpr const char* kDefaultEn =
    "{check_en}: {left} = {actual} but {right} = {expected}; the difference {difference} exceeds the tolerance {tolerance}";
constexpr const char* kBelowPartZh =
    "{check}：合计 {actual} 小于其组成项中的最大值 {largest}，疑似数值错读或错列，而非计算错误";
constexpr const char* kBelowPartEn =
    "{check_en}: the total {actual} is smaller than its largest part {largest}; this suggests a misread or "
    "shifted value rather than an arithmetic error";

constexpr const char* kTwoPrintingsZh =
    "{check}：同一数字两处印出不一致，{left} = {actual}，{right} = {expected}，相差 {difference}"
    "（同一数字不存在尾数误差）";
constexpr const char* kTwoPrintingsEn =
    "{check_en}: the same figure is printed twice and the printings differ: {left} = {actual} but {right} = "
    "{expected}, a difference of {difference} (one figure has no rounding tail)";

// One printed cell on each side of an equality between two tables: the same quantity printed
// in two places, which must agree to the last digit. Rounding tails belong to sums, not to a
// figure and its copy. (Within one table, 01's two 总计 are each the sum of their half.)
bool two_printings(Op op, const Operand& left, const Operand& right) {
    auto single = [](const Operand& side) {
        return side.cells.size() == 1 && side.cells.front().printed && side.cells.front().sign > 0;
    };
    return op == Op::eq && single(left) && single(right) && left.cells.front().table != right.cells.front().table;
}

std::string op_text(Op op) {
    switch (op) {
        case Op::le: return "≤";
        case Op::ge: return "≥";
        case Op::eq: break;
    }
    return "=";
}

// A column left entirely blank in a table that does print figures elsewhere was not filled
// in (or not read): its blanks are "unknown", not zero. A side made only of such cells cannot
// be judged, so the relation does not apply. A table empty of all values (07/08 printed with
// 「本部门无…」) is different: there a blank is a true zero and must match 04.
//
// Both facts are scans of a table; one run of a rule asks them for the same few tables and
// columns at every loop value, so they are remembered for the run (not for the report: its
// figures are not part of any shared analysis).
class FilledColumns {
public:
    bool column_unfilled(const CellUse& use) {
        if (use.printed || empty_of_values(*use.table)) return false;
        for (const auto& [table, column, filled] : columns_)
            if (table == use.table && column == use.column) return !filled;
        const bool filled = std::any_of(use.table->rows.begin(), use.table->rows.end(), [&](const Row& row) {
            const Cell* cell = row.cell(use.column);
            return cell && cell->value;
        });
        columns_.push_back({use.table, use.column, filled});
        return !filled;
    }

    bool only_unfilled(const Operand& side) {
        return !side.cells.empty() &&
               std::all_of(side.cells.begin(), side.cells.end(), [&](const CellUse& use) { return column_unfilled(use); });
    }

private:
    bool empty_of_values(const Table& table) {
        for (const auto& [t, empty] : tables_)
            if (t == &table) return empty;
        tables_.emplace_back(&table, table.empty_of_values());
        return tables_.back().second;
    }
    struct FilledColumn {
        const Table* table;
        std::size_t column;
        bool filled;
    };
    std::vector<std::pair<const Table*, bool>> tables_;
    std::vector<FilledColumn> columns_;
};

Tolerance effective_tolerance(const RuleContext& context, const ToleranceSpec& spec) {
    Tolerance t = context.tolerance();
    if (spec.half_unit) t.half_unit = *spec.half_unit;
    if (spec.extra) t.extra = *spec.extra;
    return t;
}

}  // namespace

PackRule::PackRule(std::shared_ptr<const PackLibrary> library, std::string rule_id, std::string_view page_home,
                   std::string forced_pack)
    : library_(std::move(library)), forced_pack_(std::move(forced_pack)) {
    const RuleDef* def = library_->base_definition(rule_id);
    RuleMetaBuilder meta(rule_id, def ? def->category : std::string());
    if (def) meta.title(def->title_zh, def->title_en).severity(def->severity);
    // The version of the rule is that of the first pack that defines it: national@1.0.0.
    for (const ResolvedPack& p : library_->packs())
        if (p.rules.count(rule_id) && p.pack->rules.end() != std::find_if(p.pack->rules.begin(), p.pack->rules.end(),
                                                                         [&](const RuleDef& d) { return d.id == rule_id; })) {
            meta.version(p.pack->id + "@" + p.pack->version);
            break;
        }
    meta_ = std::move(meta)
                .message("mismatch", def && !def->message_zh.empty() ? def->message_zh : kDefaultZh,
                         def && !def->message_en.empty() ? def->message_en : kDefaultEn)
                .message("below-part", kBelowPartZh, kBelowPartEn)
                .message("two-printings", kTwoPrintingsZh, kTwoPrintingsEn)
                .page_in(page_home)
                .build();
}

void PackRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    const ResolvedPack* pack = library_->select(report, forced_pack_);
    if (!pack) return;
    auto it = pack->rules.find(meta_.id);
    if (it == pack->rules.end()) return;  // disabled in this pack, or not part of its template
    run(report, context, *pack, it->second, sink);
}

void PackRule::run(const Report& report, const RuleContext& context, const ResolvedPack& pack,
                   const EffectiveRule& rule, FindingSink& sink) const {
    const Tolerance tolerance = effective_tolerance(context, rule.tolerance);
    FilledColumns filled;
    // Reused for every loop value: no allocation per row once they have grown.
    Bindings bindings;
    Operand left_side;
    Operand right_side;
    const Operand* left = &left_side;
    const Operand* right = &right_side;
    for (const Check& check : rule.def->checks) {
        static const std::vector<std::string_view> kOnce{std::string_view()};
        std::vector<std::string_view> loop;
        if (check.each) loop = Evaluator::loop_values(report, *check.each);
        const std::vector<std::string_view>& values = check.each ? loop : kOnce;
        bindings.clear();
        if (check.each) bindings.emplace_back(check.each->var, std::string_view());
        // The check's references belong to the pack and outlive the evaluator: it may
        // remember what those without a {var} resolve to.
        const Evaluator eval(report, bindings, Evaluator::Memoize::references);
        for (const std::string_view value : values) {
            if (check.each) bindings.front().second = value;
            auto applies = [&](const Condition& c) { return eval.holds(c); };
            if (!std::all_of(rule.def->when.begin(), rule.def->when.end(), applies) ||
                !std::all_of(check.when.begin(), check.when.end(), applies))
                continue;
            if (!eval.side(check.left, left_side) || !eval.side(check.right, right_side) || filled.only_unfilled(left_side) ||
                filled.only_unfilled(right_side))
                continue;

            Decimal difference = left->value - right->value;
            Decimal allowed = rule.tolerance.absolute
                                  ? *rule.tolerance.absolute
                                  : tolerance.half_unit * static_cast<std::int64_t>(left->printed_count() + right->printed_count()) +
                                        tolerance.extra;
            bool fails = false;
            switch (check.op) {
                case Op::eq: fails = difference.abs() > allowed; break;
                case Op::le: fails = difference > allowed; break;
                case Op::ge: fails = -difference > allowed; break;
            }
            // Within the tolerance, two printings of one figure that differ are still wrong, at a
            // lower severity than a sum that does not add up. A pack's absolute tolerance is the
            // region's own word on what may differ, and is kept.
            const bool copy_differs = !fails && !rule.tolerance.absolute && !difference.is_zero() &&
                                      two_printings(check.op, *left, *right);
            if (!fails && !copy_differs) continue;

            // A single total below its largest non-negative part: a misread cell, not a sum error.
            std::optional<Decimal> largest;
            // Only with two or more non-zero parts: against a single part, "below it" is just
            // "different from it" and says nothing about misreading.
            auto nonzero_parts = std::count_if(right->cells.begin(), right->cells.end(),
                                               [](const CellUse& c) { return !c.value.is_zero(); });
            if (check.op == Op::eq && left->cells.size() == 1 && nonzero_parts >= 2 &&
                std::all_of(right->cells.begin(), right->cells.end(),
                            [](const CellUse& c) { return c.sign > 0 && c.value >= Decimal{}; })) {
                // A plain Decimal rather than optional: GCC 12 at -O2 misreports the
                // engaged optional as maybe-uninitialized.
                Decimal max_part = right->cells.front().value;
                for (const CellUse& c : right->cells) max_part = std::max(max_part, c.value);
                if (left->value < max_part) largest = max_part;
            }

            std::string label_zh = substitute(check.label_zh.empty() ? rule.def->title_zh : check.label_zh, bindings);
            std::string label_en = substitute(check.label_en.empty() ? rule.def->title_en : check.label_en, bindings);
            FindingBuilder b(meta_.id, largest ? "below-part" : copy_differs ? "two-printings" : "mismatch");
            if (!left->cells.empty()) {
                const CellUse& at = left->cells.front();
                Location loc = Location::at_cell(*at.table, *at.row, at.table->columns[at.column].key);
                if (const Cell* cell = at.row->cell(at.column); cell && cell->line) loc.line = cell->line;
                b.at(std::move(loc));
            } else if (const Table* t = report.table(substitute(check.left.front().table, bindings))) {
                b.at(Location::at_table(*t));
            }
            Severity severity = largest          ? Severity::warning
                                : copy_differs ? std::min(Severity::warning, rule.severity)
                                               : rule.severity;
            if (severity != meta_.default_severity) b.severity(severity);
            std::string expected = right->value.to_string();
            if (check.op != Op::eq) expected = op_text(check.op) + " " + expected;
            // A single blank cell is reported as blank, not as a printed 0.00.
            bool left_blank = left->cells.size() == 1 && !left->cells.front().printed;
            std::string actual = left_blank ? "空白 (blank)" : left->value.to_string();
            b.expected(expected).actual(actual).difference(difference).tolerance(allowed);
            b.arg("check", label_zh).arg("check_en", label_en);
            b.arg("left", eval.describe(check.left)).arg("right", eval.describe(check.right));
            b.arg("expected", right->value).arg("actual", actual);
            b.arg("difference", difference).arg("tolerance", allowed).arg("op", op_text(check.op));
            b.arg("pack", pack.pack->id);
            if (largest) b.arg("largest", *largest);
            for (const auto& [name, bound] : bindings) b.arg(name, bound);
            for (const CellUse& c : left->cells) b.evidence_cell("total", *c.table, *c.row, c.column);
            for (const CellUse& c : right->cells)
                b.evidence_cell(c.sign > 0 ? "part" : "subtracted", *c.table, *c.row, c.column);
            sink.add(std::move(b).build());
        }
    }
}

}  // namespace fincheck::rulepacks
