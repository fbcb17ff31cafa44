// One report, start to finish: read, fingerprint, skip when resumable, load, audit, write
// the audit file and its resume sidecar, compare with the baseline. Used as is by worker
// threads and by --isolate children.
#pragma once

#include <string>

#include "fincheck/batch/runner.hpp"

namespace fincheck::batch {

struct ProcessContext {
    const engine::Engine* engine = nullptr;
    const BatchOptions* options = nullptr;
    std::string config_hash;
};

struct Processed {
    ReportRecord record;
    bool resumed = false;
};

// What one worker keeps from report to report, so that the buffers of the outputs are
// allocated once per worker rather than once per report.
struct WorkerBuffers {
    std::string audit_xml;
    std::string state_xml;
    std::string scratch;  // files read back (resume state, baseline audits)
};

Processed process_report(const ProcessContext& context, const InputFile& input, WorkerBuffers& buffers);

// The record of a report whose processing never finished (crash, timeout).
ReportRecord failed_record(const InputFile& input, std::string kind, std::string message);

}  // namespace fincheck::batch
