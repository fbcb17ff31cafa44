// The worker processes that audit a batch's reports, and the parent's loop that feeds them.
// A worker is forked from the parent after the plugins are loaded; a worker that dies
// takes only the report it was on with it (recorded as crash or timeout), and a fresh one
// takes over the rest. One worker per job for the whole batch, or under --isolate one per
// report.
#pragma once

#include <cstddef>

#include "fincheck/batch/record.hpp"
#include "process.hpp"

namespace fincheck::batch {

// Where the parent hands each report's record, in completion order.
class RecordSink {
public:
    virtual void deliver(std::size_t index, ReportRecord record, bool resumed) = 0;

protected:
    ~RecordSink() = default;
};

// Audits every input of context.options through --jobs worker processes, journals each
// record (journal run `run`) and delivers it to `sink`. Throws std::runtime_error when a
// pipe or fork fails or the sink throws; the workers still running are then killed.
void run_workers(const ProcessContext& context, unsigned run, RecordSink& sink);

}  // namespace fincheck::batch
