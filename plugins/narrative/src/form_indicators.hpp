// The indicator rows of the attachments' 绩效自评表: each row's indicator name and its
// 年初目标值 and 实际完成值 cells, found through the header row (or the column keys) that names
// those columns. The forms are free-form tables, so the columns are found by their headers,
// never by position.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::narrative {

struct IndicatorRow {
    const Table* table = nullptr;
    const Row* row = nullptr;
    std::size_t name_column = 0;                // the cell that names the indicator (三级指标)
    std::optional<std::size_t> target_column;   // 年初目标值
    std::optional<std::size_t> actual_column;   // 实际完成值
    std::string_view name() const { return row->cells[name_column].raw; }
    std::string_view cell_text(std::optional<std::size_t> column) const;
};

// The indicator rows of every table of `attachment`, in table and row order.
std::vector<IndicatorRow> indicator_rows(const Report& report, const Attachment& attachment);

}  // namespace fincheck::narrative
