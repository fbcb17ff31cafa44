// structure-missing-table: every table the report's template requires is present; a table
// printed empty carries a note saying why (「本部门无…，故本表无数据」); and an empty 07 or 08
// is consistent only if the matching fund column of 04 is empty too; and, in a report that names
// its template, a table half the template prints with every functional class has all of them.
#include <algorithm>
#include <array>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "empty_table.hpp"
#include "rule_data.hpp"
#include "table_requirements.hpp"

namespace fincheck::structure {

class MissingTableRule final : public DeclaredRule {
public:
    explicit MissingTableRule(TableRequirements requirements);
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    TableRequirements requirements_;
};

namespace {

constexpr std::string_view kRuleId = "structure-missing-table";

// The fund table whose emptiness 04 must mirror, and the 04 column and income row of that fund.
struct FundLink {
    std::string_view table_id;
    std::string_view column_key;
    std::string_view income_row;
};
constexpr std::array<FundLink, 2> kFundLinks = {{
    {"07", "政府性基金预算财政拨款", "income/政府性基金预算财政拨款"},
    {"08", "国有资本经营预算财政拨款", "income/国有资本经营预算财政拨款"},
}};

bool nonzero(const Cell& cell) { return cell.value && !cell.value->is_zero(); }

// Text printed between a table and the next table or section: its 注 and 说明 paragraphs.
std::string explanation_near(const Report& report, const Table& table) {
    std::string text(table.note);
    SourceLine next = 0;
    for (const Table& other : report.tables)
        if (other.line > table.line && (next == 0 || other.line < next)) next = other.line;
    for (const Section& section : report.sections)
        if (section.line > table.line && (next == 0 || section.line < next)) next = section.line;
    for (const Block& block : report.blocks) {
        if (block.line <= table.line || (next != 0 && block.line >= next)) continue;
        text += '\n';
        text += block.text;
    }
    return text;
}

// The lines a half of a template table always prints (every functional class, amounts or not)
// that the report's table lacks: one finding per table naming them all.
void report_missing_lines(const Table& table, std::string_view id, std::string_view title,
                          const templates::Template* of_template, FindingSink& sink) {
    const templates::Table* declared = of_template ? of_template->table(id) : nullptr;
    if (declared == nullptr) return;
    std::string missing;
    for (const templates::Section& section : declared->sections) {
        if (section.lines != "functional-classes") continue;
        for (const templates::Code* cls : of_template->functional_classes()) {
            const std::string key = section.key + "/" + cls->code;
            const bool printed = std::any_of(table.rows.begin(), table.rows.end(),
                                             [&](const Row& row) { return row.key == key; });
            if (!printed) missing += (missing.empty() ? "" : "、") + cls->name;
        }
    }
    if (missing.empty()) return;
    // A table cut short of its template's lines is incomplete, not a wrong figure: a warning.
    sink.add(FindingBuilder(kRuleId, "missing-lines")
                 .severity(Severity::warning)
                 .at(Location::at_table(table))
                 .arg("id", id)
                 .arg("title", table.title.empty() ? title : table.title)
                 .arg("lines", missing)
                 .expected(missing)
                 .actual("缺失 / missing")
                 .build());
}

}  // namespace

MissingTableRule::MissingTableRule(TableRequirements requirements)
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("缺少模板要求的表格或空表未说明",
                 "Required table missing, or empty table without explanation")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"missing", "缺少模板要求的{id}表「{title}」",
               "Table {id} \"{title}\" required by the template is missing"},
              {"empty-unexplained", "{id}表「{title}」为空表，但未说明无数据的原因",
               "Table {id} \"{title}\" is printed empty without a note saying why"},
              {"missing-lines", "{id}表「{title}」缺少模板列明的行：{lines}",
               "Table {id} \"{title}\" lacks lines its template lists: {lines}"},
              {"empty-but-04-has-values",
               "{id}表「{title}」为空表，但04表「{column}」栏有数：{value}",
               "Table {id} \"{title}\" is empty, yet column \"{column}\" of table 04 holds {value}"},
          })
          .build()),
      requirements_(std::move(requirements)) {}

void MissingTableRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    bool any_standard = false;
    for (const Table& table : report.tables)
        if (table.kind == TableKind::standard) any_standard = true;
    if (!any_standard) {
        // No standard table at all is an import failure or a partial document, not nine findings.
        context.log().write(LogLevel::warn, "structure-missing-table: no standard table recognised; skipped");
        return;
    }
    for (const RequiredTable& required : requirements_.for_template(report.meta.template_name)) {
        const Table* table = report.table(required.id);
        const std::string title = required.title.empty()
                                      ? std::string(TableRequirements::national_title(required.id))
                                      : required.title;
        if (table == nullptr) {
            Location location;
            location.table = required.id;
            sink.add(FindingBuilder(kRuleId, "missing")
                         .at(std::move(location))
                         .arg("id", required.id)
                         .arg("title", title)
                         .expected(title)
                         .actual("缺失 / missing")
                         .build());
            continue;
        }
        // Only when the report names its template (公开NN表): regional templates list other classes
        // (Shanghai's 2024 template prints 24, without 债务还本支出 and 债务付息支出).
        if (!report.meta.template_name.empty())
            report_missing_lines(*table, required.id, title, requirements_.template_for(report.meta.template_name),
                                 sink);
        if (!printed_empty(*table)) continue;
        if (!explains_empty_table(explanation_near(report, *table))) {
            sink.add(FindingBuilder(kRuleId, "empty-unexplained")
                         .at(Location::at_table(*table))
                         .arg("id", required.id)
                         .arg("title", table->title.empty() ? std::string_view(title) : table->title)
                         .build());
        }
    }
    // An empty fund table against a 04 that spends or receives that fund.
    const Table* t04 = report.table("04");
    if (t04 == nullptr) return;
    for (const FundLink& link : kFundLinks) {
        const Table* fund = report.table(link.table_id);
        if (fund == nullptr || !printed_empty(*fund)) continue;
        const auto column = t04->column_index(link.column_key);
        const auto total = t04->column_index("合计");
        for (const Row& row : t04->rows) {
            const Cell* cell = nullptr;
            std::string_view column_key;
            if (row.key == link.income_row && total) {
                cell = row.cell(*total);
                column_key = "合计";
            } else if (row.part != "income" && column) {
                cell = row.cell(*column);
                column_key = link.column_key;
            }
            if (cell == nullptr || !nonzero(*cell)) continue;
            sink.add(FindingBuilder(kRuleId, "empty-but-04-has-values")
                         .at(Location::at_cell(*t04, row, column_key))
                         .arg("id", link.table_id)
                         .arg("title", fund->title)
                         .arg("column", link.column_key)
                         .arg("value", cell->raw)
                         .expected("0")
                         .actual(cell->raw)
                         .evidence_cell("04", *t04, row, row.key == link.income_row ? *total : *column)
                         .build());
            break;  // one finding per fund names the contradiction
        }
    }
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_missing_table, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::MissingTableRule>(context.requirements);
}
