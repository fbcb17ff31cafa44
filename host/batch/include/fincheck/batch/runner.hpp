// Running a batch: every input audited once by the engine, N at a time, each result written
// atomically as it completes and summary.xml streamed in input order.
//
// The parent process loads the plugins, then forks N worker processes that inherit them and
// audit the reports it hands out; it stays single-threaded and only journals and writes the
// summary. A worker that dies on a signal (a plugin's SIGSEGV, a reader's stack overflow) or
// outlives --timeout fails the one report it was on; a fresh worker takes over and the batch
// goes on. By default a worker audits report after report; --isolate forks one worker per
// report, so that no report can leave state behind for the next one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/summary.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "fincheck/engine/input_file.hpp"

namespace fincheck::batch {

enum class ProgressStyle : std::uint8_t { automatic, bar, lines, none };

struct BatchOptions {
    InputList inputs;  // expanded, sharded, sorted
    std::filesystem::path out_dir;
    unsigned jobs = 1;
    bool resume = false;
    bool isolate = false;        // one worker process per report
    bool retry_crashed = false;  // --resume audits again reports that crashed or hung before
    double timeout_seconds = 0;  // per report; 0 = no limit
    // A report larger than this is a failed record, never read whole (as check's --max-input-size).
    std::uint64_t max_input_size = engine::kDefaultMaxInputSize;
    std::optional<std::filesystem::path> baseline_dir;
    std::string shard;           // "I/N" for the summary header
    // --db: every report and finding of the run appended to this results database.
    std::optional<std::filesystem::path> results_db;
    ProgressStyle progress = ProgressStyle::automatic;
    // --html: a review page beside each audit file and DIR/index.html (review_pages.hpp), in
    // this language.
    bool html = false;
    engine::Language language = engine::Language::zh;
};

struct BatchResult {
    Totals totals;
    std::size_t resumed = 0;  // reports skipped because their state was unchanged
};

// Hash of everything that decides a report's findings besides its bytes: tool version,
// plugins and their versions, each rule's version, enablement, severity and options, the
// tolerance. --resume re-audits a report when it changed.
std::string configuration_hash(const engine::Engine& engine);

// Throws std::runtime_error when the output directory is locked by another run or it or the
// summary cannot be written.
BatchResult run_batch(const engine::Engine& engine, const BatchOptions& options);

}  // namespace fincheck::batch
