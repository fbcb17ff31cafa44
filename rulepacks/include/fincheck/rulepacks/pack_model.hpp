// The in-memory form of a rule pack (schemas/rulepack.xsd, docs/rulepacks.md). Plain data:
// the parser fills it, the library resolves `extends`, the evaluator reads it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/finding.hpp"

namespace fincheck::rulepacks {

// Every pack rule id starts with one of these; the arith and xtab plugins each run one family.
inline constexpr std::array<std::string_view, 2> kRuleFamilyPrefixes{"arith-", "xtab-"};

// Where a pack element was written, so every load error and every rule points back to it.
struct SourcePos {
    std::string file;
    std::uint32_t line = 0;
    std::string to_string() const { return file + ":" + std::to_string(line); }
};

// A row named by key, 行次, code or label; `part` narrows split tables (income/expenditure).
struct RowRef {
    enum class By : std::uint8_t { key, line_no, code, label };
    By by = By::key;
    std::string value;
    std::string part;
};

// A column named by key or by 栏次 number.
struct ColumnRef {
    std::string key;
    int number = 0;  // > 0 when the column is named by its 栏次
};

// One operand of a relation. Every kind yields a value and the cells that made it.
struct Term {
    enum class Kind : std::uint8_t { cell, sum_codes, sum_rows, sum_columns };
    Kind kind = Kind::cell;
    int sign = 1;                 // -1 for sign="minus": 年初 + 收入 − 支出
    std::string table;
    RowRef row;                   // cell, sum_columns
    ColumnRef column;             // cell, sum_codes, sum_rows
    std::vector<ColumnRef> columns;  // sum_columns
    // sum_codes: rows whose code starts with prefix; length "N" keeps codes of N digits,
    // "leaf" keeps rows no other row refines, "" keeps all (caller's risk of double counting).
    std::string code_prefix;
    std::string code_length;
    std::vector<std::string> exclude_codes;  // code prefixes left out: 公用 = 3xx minus 301, 303
    std::string part;                        // sum_codes / sum_rows: only rows of this part
    std::vector<RowRef> rows;                // sum_rows: an explicit list
    std::optional<RowRef> from, to;          // sum_rows: a range in printed order
    bool missing_is_zero = false;            // missing="zero": an absent row counts as 0
    SourcePos pos;
};

// Applicability: a check runs only when all its conditions hold.
struct Condition {
    enum class Kind : std::uint8_t { table_exists, row_present, nonempty, empty, table_has_values, table_empty, not_above };
    Kind kind = Kind::table_exists;
    std::string table;
    RowRef row;
    ColumnRef column;
    // not_above: the cell (table, row, column) is at most this one; blank or absent is 0.
    std::string than_table;
    RowRef than_row;
    ColumnRef than_column;
    SourcePos pos;
};

// A loop over values: a literal list, the code prefixes present in some tables, or the rows
// of a table. The bound value replaces {var} in every attribute of the check.
struct Each {
    enum class Kind : std::uint8_t { values, code_prefixes, rows };
    struct Source {
        std::string table;
        std::string part;
    };
    Kind kind = Kind::values;
    std::string var;
    std::vector<std::string> values;
    std::size_t length = 0;  // code_prefixes: 3 for 类, 5 for 款
    std::vector<Source> sources;
    SourcePos pos;
};

enum class Op : std::uint8_t { eq, le, ge };

// Tolerance settings as written; unset fields inherit.
struct ToleranceSpec {
    std::optional<Decimal> half_unit;
    std::optional<Decimal> extra;
    std::optional<Decimal> absolute;  // replaces the interval reading with a fixed bound
    SourcePos pos;                    // the <tolerance> element (fincheck explain names it)
    bool empty() const { return !half_unit && !extra && !absolute; }
    // `over` wins field by field.
    ToleranceSpec merged(const ToleranceSpec& over) const {
        ToleranceSpec out = *this;
        if (over.half_unit) out.half_unit = over.half_unit;
        if (over.extra) out.extra = over.extra;
        if (over.absolute) out.absolute = over.absolute;
        return out;
    }
};

struct Check {
    std::optional<Each> each;
    std::vector<Condition> when;
    Op op = Op::eq;
    std::vector<Term> left;
    std::vector<Term> right;
    std::string label_zh;  // what this check compares, for messages: 「本年收入合计」
    std::string label_en;
    SourcePos pos;
};

struct RuleDef {
    std::string id;
    std::string title_zh;
    std::string title_en;
    std::string category = "arithmetic";
    Severity severity = Severity::error;
    std::vector<Condition> when;  // for every check of the rule
    std::vector<Check> checks;
    std::string message_zh;
    std::string message_en;
    ToleranceSpec tolerance;
    SourcePos pos;
};

struct TableDecl {
    std::string id;
    std::string title;
    int order = 0;  // position in the template's printed order
    std::vector<std::string> columns;
    // Named row keys (合计, income/本年收入合计); codes are always allowed. Declared rows
    // make an unknown row key a load error, as declared columns do for columns.
    std::vector<std::string> rows;
    SourcePos pos;
};

// <match>: all given attributes must hold.
struct Match {
    std::string region_prefix;
    std::string template_name;
    SourcePos pos;
};

struct Override {
    std::string rule;
    std::optional<Severity> severity;
    ToleranceSpec tolerance;
    SourcePos pos;
};

struct Disable {
    std::string rule;
    SourcePos pos;
};

struct Pack {
    std::string id;
    std::string version;
    std::string extends;
    std::string title_zh;
    std::string title_en;
    std::string file;
    SourcePos pos;
    std::vector<Match> applies;  // empty: only a fallback, never selected by match
    ToleranceSpec tolerance;
    std::string template_ref;  // <template ref>: tables come from that template when linked
    SourcePos template_pos;
    std::vector<TableDecl> tables;
    std::vector<RuleDef> rules;
    std::vector<Override> overrides;
    std::vector<Disable> disabled;
};

}  // namespace fincheck::rulepacks
