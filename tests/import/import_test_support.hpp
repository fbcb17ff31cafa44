// Helpers shared by the importer tests: corpus paths and short lookups.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "fincheck/import.hpp"
#include "fincheck_test/corpus_test.hpp"

namespace fincheck::import_test {

inline std::filesystem::path source_dir() { return FINCHECK_SOURCE_DIR; }
inline std::filesystem::path corpus(std::string_view name) { return fincheck::corpus::text(name); }

// Importer tests that read the real reports skip, saying why, when the corpus is absent.
using ImportCorpus = fincheck::corpus::CorpusTest;

inline constexpr std::string_view kWuhan = "wuhan-hanyang-jiguan-gongwei-2024";
inline constexpr std::string_view kFinanceBureau = "putuo-finance-bureau-2024";
inline constexpr std::string_view kFinanceBureauAltered = "putuo-finance-bureau-2024-altered";
inline constexpr std::string_view kSocialWork = "putuo-social-work-dept-2024";

// Imports a corpus report once per test binary (the reports are immutable).
const ImportResult& imported(std::string_view name);

inline const Table& table(const Report& report, std::string_view id) {
    const Table* found = report.table(id);
    if (!found) throw std::runtime_error("no table " + std::string(id));
    return *found;
}

inline std::string raw(const Table& t, std::string_view row_key, std::string_view column) {
    const Row* row = t.row_by_key(row_key);
    if (!row) return "<no row " + std::string(row_key) + ">";
    auto index = t.column_index(column);
    if (!index) return "<no column " + std::string(column) + ">";
    return std::string(row->cells[*index].raw);
}

inline bool has_diagnostic(const ImportResult& result, std::string_view rule, SourceLine line) {
    for (const auto& finding : result.diagnostics)
        if (finding.rule_id == rule && finding.location.line == line) return true;
    return false;
}

}  // namespace fincheck::import_test
