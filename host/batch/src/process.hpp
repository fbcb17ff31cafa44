// One report, start to finish: read, fingerprint, skip when the journal says it is
// resumable, load, audit, write the audit file, compare with the baseline. Run by the worker
// processes; the parent journals the record each worker sends back.
#pragma once

#include <string>

#include "baseline.hpp"
#include "fincheck/batch/journal.hpp"
#include "fincheck/batch/runner.hpp"
#include "fincheck/batch/output_writer.hpp"

namespace fincheck::batch {

struct ProcessContext {
    const engine::Engine* engine = nullptr;
    const BatchOptions* options = nullptr;
    std::string config_hash;
    const JournalIndex* journal = nullptr;  // --resume: what earlier runs audited
    const BaselineIndex* baseline = nullptr;  // --baseline: the earlier run's audits
};

struct Processed {
    // When the audit file was written, record.audit_sha256 holds its hash, for the journal;
    // journal_record() writes and then clears it (the summary does not carry it).
    ReportRecord record;
    bool resumed = false;
};

// What one worker keeps from report to report, so that the buffers of the outputs are
// allocated once per worker rather than once per report.
struct WorkerBuffers {
    WorkerBuffers(const std::filesystem::path& out_dir, unsigned worker) : output(out_dir, worker) {}
    std::string audit_xml;
    std::string scratch;  // files read back (audits checked on resume, baseline audits)
    OutputWriter output;
};

Processed process_report(const ProcessContext& context, const InputFile& input, WorkerBuffers& buffers);

// The record of a report whose processing never finished (crash, timeout).
ReportRecord failed_record(const InputFile& input, std::string kind, std::string message);
ReportRecord failed_record(std::string key, std::string kind, std::string message);

// Appends a freshly audited record (audit_sha256 set), or a crash or timeout with its input's
// SHA-256, to `journal` and clears the audit hash; leaves other records alone. A record the journal cannot take becomes a `write` failure,
// as the report could not be made resumable.
void journal_record(JournalWriter& journal, const std::string& config_hash, ReportRecord& record);

}  // namespace fincheck::batch
