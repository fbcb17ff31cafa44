// Head counts stated in the report (在职实有人数3人, a form's 在职人员控制率 4人), with the
// year and the point of the year they describe, for narrative-duplicate-fact.
#pragma once

#include <string>
#include <vector>

#include "analysis.hpp"
#include "fincheck/finding.hpp"
#include "form_indicators.hpp"

namespace fincheck::narrative {

// When a count holds: a year, at its start (年初) or its end (年末, 年底 — and any count
// that names no point: a 决算 reports head counts at the end of the year).
struct TimeFrame {
    int year = 0;
    bool year_start = false;
    bool operator==(const TimeFrame&) const = default;
};

// The frame named by the text before a count within its sentence: the nearest 年初/年末/
// 年底 and the nearest 4-digit year not compared with (「与2023年相比」); 上年末 is the end of
// Y−1; the fiscal year otherwise.
TimeFrame time_frame(std::u32string_view before, int fiscal_year);

// Where a count was stated: a claim in a prose block, or a form cell.
struct CountStatement {
    const Concept* entry = nullptr;
    TimeFrame frame;
    Decimal value;
    std::string text;                   // the count as printed (「3人」)
    const BlockClaims* block = nullptr;  // prose
    const Claim* claim = nullptr;
    const Table* table = nullptr;        // form cell
    const Row* row = nullptr;
    std::size_t column = 0;
};

// A head count: a count concept in 人 or 名, exact, of this report's year frame, not a change.
bool is_head_count(const Claim& claim);

// Every head count of the prose (in block order) and then of the attachment forms' indicator
// rows: the 实际完成值 cell, or the 年初目标值 cell when the former states no count. A count
// in a cell whose own words name no concept takes the indicator's name (「在职人员控制率」).
// `indicators`: indicator_rows() of each attachment, in order.
std::vector<CountStatement> count_statements(const Analysis& analysis,
                                             const std::vector<std::vector<IndicatorRow>>& indicators);

Location statement_location(const Analysis& analysis, const CountStatement& statement);
void add_statement_evidence(FindingBuilder& finding, const Analysis& analysis, const CountStatement& statement,
                            std::string_view role);

}  // namespace fincheck::narrative
