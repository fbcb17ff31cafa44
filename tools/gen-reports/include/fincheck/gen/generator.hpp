// Synthetic 部门决算 reports, consistent by construction, with optional known errors.
//
// A generated report looks like an imported corpus report (the nine tables, a narrative that
// restates them, performance attachments, about the same number of rows and blocks) and is a
// pure function of (seed, index): report i is the same whatever the number generated, so a
// benchmark of 1,000 and one of 10,000 share their first 1,000 inputs.
//
// Consistency: every amount is drawn in whole 元 and every printed figure is the 万元
// rounding of an exact 元 sum, so totals and parts only ever differ by legitimate rounding
// tails (|T − Σ parts| ≤ 0.005 × (n + 1), docs/domain.md). Percentages in the narrative are
// computed from the printed figures and rounded to 0.01.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::gen {

// The kinds of error --inject-errors plants, each as a real report would carry it.
enum class ErrorKind : std::uint8_t {
    class_missing_from_total,  // a 合计 that leaves out one class line (arithmetic)
    cross_table_mismatch,      // two class lines of 04 swapped: 04 ≠ 05 / 01 (cross-table)
    wrong_percentage,          // a share in prose that does not match its figures (narrative)
    wrong_attachment_year,     // an attachment titled with another fiscal year (years)
    foreign_department,        // another unit's name on the 部门： line of a table (metadata)
    unresolved_alternative,    // a template choice left in the prose: 相比增加（减少） (structure)
    obsolete_class_name,       // a class row of 01 under its pre-2019 name (structure)
    foreign_part_heading,      // another unit's name in the heading 第一部分 …概况 (metadata)
    wrong_fund_scope,          // 03's all-funds 基本支出 stated as the 一般公共预算 one (narrative)
    stated_absence,            // 「没有政府性基金…」/「无“三公”经费…」 while 07/09 show spending (narrative)
    truncated_rate,            // a completion rate cut off instead of rounded: 12.347% as 12.34% (narrative, info)
    foreign_narrative_subject, // another unit as the subject of a 说明 sentence (metadata)
    empty_table_note,          // 「故本表无数据」 under a table with amounts (structure)
    template_instruction,      // the template's 「（如持平作持平表述）」 left in the prose (structure)
};
inline constexpr int kErrorKindCount = 14;

std::string_view to_string(ErrorKind kind);
// The rule family (RuleMeta::category) expected to report the error.
std::string_view family_of(ErrorKind kind);

// Ground truth of one planted error: where a rule should point.
struct InjectedError {
    ErrorKind kind{};
    std::string table;    // table id, empty for prose
    std::string row;      // row key, may be empty
    std::string column;   // column key, may be empty
    int block = -1;       // block index for prose errors
    std::string expected;
    std::string actual;
    std::string note;     // what was done, for a human reading the truth file
};

struct GeneratorOptions {
    std::uint64_t seed = 1;
    // Probability that each error kind is planted in a report (independently per kind).
    double error_rate = 0.0;
    // Fiscal year; 0 draws one of the recent years per report.
    int fiscal_year = 0;
};

struct GeneratedReport {
    Report report;
    std::vector<InjectedError> truth;
};

// Report number `index` of the series defined by `options`.
GeneratedReport generate_report(const GeneratorOptions& options, std::uint64_t index);

// The ground-truth document written beside a report as <name>.truth.xml.
std::string write_truth_xml(const GeneratedReport& generated, std::string_view report_file);

}  // namespace fincheck::gen
