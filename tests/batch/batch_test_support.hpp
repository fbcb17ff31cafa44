// Shared helpers of the batch tests: scratch directories, generated inputs, engines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fincheck/batch/runner.hpp"
#include "fincheck/engine/engine.hpp"
#include "fincheck/report.hpp"

namespace batchtest {

namespace fs = std::filesystem;

// A fresh, empty directory under the test scratch area.
fs::path scratch(const std::string& name);

// Writes `count` generated reports report-NNNNNN.xml into `dir`; `edit` may alter each
// report before it is written.
void write_reports(const fs::path& dir, std::size_t count, std::uint64_t seed,
                   const std::function<void(std::size_t, fincheck::Report&)>& edit = {});

// Appends the marker the test plugin reports to block `block` of `report`.
void add_marker(fincheck::Report& report, std::size_t block);

// An engine with only the batch test plugin, or with the project's real rule plugins.
std::unique_ptr<fincheck::engine::Engine> marker_engine();
std::unique_ptr<fincheck::engine::Engine> project_engine();

fincheck::batch::BatchOptions options(const std::vector<std::string>& inputs, const fs::path& out, unsigned jobs = 2);

std::string read(const fs::path& file);

}  // namespace batchtest
