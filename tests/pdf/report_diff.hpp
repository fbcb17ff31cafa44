// The differences between two imported reports' tables, one line each, so a test can list
// the differences it expects (with their reasons) and fail on any other.
#pragma once

#include <string>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::test {

// "01: missing in pdf", "05/2080505/决算数: text 160.75, pdf 160.57", …: tables by id, their
// columns by key, rows by key, and every cell (by value when both are numbers, else as printed).
std::vector<std::string> table_differences(const Report& text, const Report& pdf);

}  // namespace fincheck::test
