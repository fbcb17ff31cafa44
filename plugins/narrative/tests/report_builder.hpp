// Builds small Reports in C++ for rule tests, following docs/table-model.md.
#pragma once

#include <string>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::narrative::test {

class ReportBuilder {
public:
    explicit ReportBuilder(int fiscal_year = 2024);

    int section(const std::string& heading, int parent = -1);
    int block(const std::string& text, int section, BlockKind kind = BlockKind::paragraph);
    Table& table(const std::string& id, const std::vector<std::string>& columns, const std::string& unit = "万元");
    // Cells are given as printed; "" is a blank cell.
    Row& row(Table& table, const std::string& key, const std::vector<std::string>& cells,
             const std::string& code = "", const std::string& label = "");
    // Reprints one cell of a table built before ("" blanks it).
    void set(const std::string& table, const std::string& key, const std::string& column, const std::string& raw);
    Attachment& attachment(const std::string& label);
    void field(Attachment& attachment, const std::string& name, const std::string& raw);

    // The standard tables of a small, consistent department (figures invented): income and
    // expenditure 500.00, 基本 120.00 + 项目 380.00, classes 201 100.00 / 213 380.00 / 221 20.00.
    void standard_tables();

    Report& report() { return report_; }

private:
    Report report_;
};

}  // namespace fincheck::narrative::test
