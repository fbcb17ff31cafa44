#include "empty_table.hpp"

#include <array>

namespace fincheck::structure {

bool printed_empty(const Table& table) {
    for (const Row& row : table.rows)
        for (const Cell& cell : row.cells)
            if (cell.value && !cell.value->is_zero()) return false;
    return true;
}

bool explains_empty_table(std::string_view text) {
    constexpr std::array<std::string_view, 6> kPhrases = {"没有", "不涉及", "无数据", "为空", "空表", "未发生"};
    for (std::string_view p : kPhrases)
        if (text.find(p) != std::string_view::npos) return true;
    // 「无政府性基金预算财政拨款支出」: 无 followed closely by what the unit does not have.
    constexpr std::array<std::string_view, 5> kObjects = {"收入", "支出", "经费", "资金", "数据"};
    for (std::size_t at = text.find("无"); at != std::string_view::npos; at = text.find("无", at + 3)) {
        const std::string_view window = text.substr(at, 3 * 24);
        for (std::string_view o : kObjects)
            if (window.find(o) != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace fincheck::structure
