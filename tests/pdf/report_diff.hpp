// The differences between two imported reports' tables, one line each, so a test can list
// the differences it expects (with their reasons) and fail on any other.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::test {

// "01: missing in pdf", "05/2080505/决算数: text 160.75, pdf 160.57", …: tables by id, their
// columns by key, rows by key, and every cell (by value when both are numbers, else as printed).
std::vector<std::string> table_differences(const Report& text, const Report& pdf);

// `fincheck check` (the CLI `cli`, all project plugins) on `report`, its audit XML written to
// `audit`: every finding as "rule table/row/column", those on tables `keep` accepts (all when
// empty). nullopt when check failed or its audit does not parse.
std::optional<std::multiset<std::string>> check_finding_keys(const std::filesystem::path& cli,
                                                            const std::filesystem::path& report,
                                                            const std::filesystem::path& audit,
                                                            const std::function<bool(std::string_view)>& keep = {});

}  // namespace fincheck::test
