// Running a batch: every input audited once by the engine, N at a time, each result written
// atomically as it completes and summary.xml streamed in input order.
//
// Threads (default): N worker threads share one work queue and the one loaded Engine.
// --isolate: the parent stays single-threaded and forks one child per report (at most N at
// once); the child loads, audits and writes the report and sends its record back through a
// pipe. A child that dies on a signal or outlives --timeout marks that report failed; the
// batch goes on. Forking from a single-threaded parent keeps the child free of locks held by
// other threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/summary.hpp"
#include "fincheck/engine/engine.hpp"

namespace fincheck::batch {

enum class ProgressStyle : std::uint8_t { automatic, bar, lines, none };

struct BatchOptions {
    InputList inputs;  // expanded, sharded, sorted
    std::filesystem::path out_dir;
    unsigned jobs = 1;
    bool resume = false;
    bool isolate = false;
    double timeout_seconds = 0;  // per report, --isolate only; 0 = no limit
    std::optional<std::filesystem::path> baseline_dir;
    std::string shard;           // "I/N" for the summary header
    ProgressStyle progress = ProgressStyle::automatic;
};

struct BatchResult {
    Totals totals;
    std::size_t resumed = 0;  // reports skipped because their state was unchanged
};

// Hash of everything that decides a report's findings besides its bytes: tool version,
// plugins and their versions, each rule's version, enablement, severity and options, the
// tolerance. --resume re-audits a report when it changed.
std::string configuration_hash(const engine::Engine& engine);

// Throws std::runtime_error when the output directory or the summary cannot be written.
BatchResult run_batch(const engine::Engine& engine, const BatchOptions& options);

}  // namespace fincheck::batch
