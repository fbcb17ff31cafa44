#include "process.hpp"

#include <cctype>

#include "fincheck/batch/review_pages.hpp"
#include "fincheck/engine/audit_html.hpp"
#include "fincheck/engine/url_path.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/input_file.hpp"
#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/sha256.hpp"
#include "file_bytes.hpp"
#include "xml_text.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

// The journal's last record of this input says it was audited from these exact bytes under
// this exact configuration, and the audit file it describes is still there, unaltered.
std::optional<ReportRecord> resumable(const ProcessContext& context, const InputFile& input, const std::string& sha,
                                      std::string& scratch) {
    if (!context.journal) return std::nullopt;
    std::string hash;
    std::optional<ReportRecord> record = context.journal->find(input.key, &hash);
    if (!record || hash != context.config_hash || record->sha256 != sha) return std::nullopt;
    // A report that crashed or hung the worker on these bytes under this configuration
    // would do it again: it stays failed unless --retry-crashed asks for another try.
    if (record->status == Status::failed) {
        if (context.options->retry_crashed) return std::nullopt;
        return record;
    }
    if (record->output != input.output) return std::nullopt;
    // A run with --html after one without: the report has no review page yet.
    if (context.options->html && !fs::exists(context.options->out_dir / review_page_name(input.output))) return std::nullopt;
    if (!read_file_into(context.options->out_dir / input.output, scratch) || sha256_hex(scratch) != record->audit_sha256)
        return std::nullopt;
    record->audit_sha256.clear();
    return record;
}

// The report's audit in the baseline (baseline.hpp), compared finding by finding. False, with
// the record turned into a `baseline` failure, when that audit cannot be read after all: a
// comparison that cannot be made is not "every finding is new".
bool compare_with_baseline(const ProcessContext& context, const InputFile& input, ReportRecord& record,
                           const ReportIdentity& identity, const std::vector<FindingKey>& current, std::string& scratch) {
    BaselineDiff diff;
    if (const std::optional<BaselineMatch> match = context.baseline->find(identity, input.output)) {
        std::optional<AuditOutcome> outcome;
        if (read_file_into(match->audit, scratch)) outcome = read_audit_outcome(scratch);
        if (!outcome) {
            std::string input_sha = std::move(record.sha256);
            record = failed_record(input, "baseline",
                                   "基线审计文件无法读取 / the baseline audit cannot be read: " + match->audit.string());
            record.sha256 = std::move(input_sha);
            return false;
        }
        diff = diff_findings(outcome->findings, current);
        diff.audit = match->name;
        diff.matched_by = match->matched_by;
    } else {
        diff.added = current;  // a report the baseline does not have: every finding is new
    }
    record.baseline = std::move(diff);
    return true;
}

}  // namespace

ReportRecord failed_record(std::string key, std::string kind, std::string message) {
    ReportRecord record;
    record.key = std::move(key);
    record.status = Status::failed;
    record.failure = Failure{std::move(kind), record.key, 0, 0, std::move(message)};
    return record;
}

ReportRecord failed_record(const InputFile& input, std::string kind, std::string message) {
    return failed_record(input.key, std::move(kind), std::move(message));
}

bool is_text_name(const fs::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".txt";
}

Processed process_report(const ProcessContext& context, const InputFile& input, WorkerBuffers& buffers) {
    Processed processed;
    if (input.skipped) {
        processed.record = failed_record(input, "skipped", input.problem);
        processed.record.status = Status::skipped;
        return processed;
    }
    if (!input.problem.empty()) {
        processed.record = failed_record(input, "input", input.problem);
        return processed;
    }
    // The same reader as `check`: a regular file only, never more than --max-input-size (refused
    // from its size before it is read). The loader takes the bytes over (the Report keeps them).
    engine::InputBytes read = engine::read_input_bytes(input.path, context.options->max_input_size);
    if (read.error) {
        processed.record = failed_record(input, "input", read.error->message);
        return processed;
    }
    std::string bytes = std::move(read.bytes);
    std::string sha = sha256_hex(bytes);

    if (context.options->resume) {
        if (std::optional<ReportRecord> record = resumable(context, input, sha, buffers.scratch)) {
            processed.record = std::move(*record);
            processed.resumed = true;
            if (context.baseline && processed.record.status == Status::audited) {
                // resumable() left the audit file it checked in the scratch buffer.
                std::optional<AuditOutcome> outcome = read_audit_outcome(buffers.scratch);
                const ReportIdentity identity = read_audit_identity(buffers.scratch).value_or(ReportIdentity{sha, {}, 0});
                compare_with_baseline(context, input, processed.record, identity,
                                      outcome ? outcome->findings : std::vector<FindingKey>{}, buffers.scratch);
            }
            return processed;
        }
    }

    // Load: report XML directly, extracted text through the importer (as `fincheck check`).
    std::optional<Report> report;
    std::optional<LoadError> error;
    std::vector<Finding> diagnostics;
    std::vector<PageBox> line_origin;
    if (is_pdf(bytes)) {
        PdfImportResult imported = import_pdf(input.path, input.key, sha, {}, context.engine->templates());
        report = std::move(imported.imported.report);
        error = std::move(imported.imported.error);
        diagnostics = std::move(imported.imported.diagnostics);
        line_origin = std::move(imported.line_origin);
    } else if (is_text_name(input.path)) {
        ImportResult imported = import_text(std::move(bytes), input.key, context.engine->templates());
        report = std::move(imported.report);
        error = std::move(imported.error);
        diagnostics = std::move(imported.diagnostics);
    } else {
        LoadResult loaded = load_report_xml_buffer(std::move(bytes), input.key);
        report = std::move(loaded.report);
        error = std::move(loaded.error);
    }
    if (!report) {
        ReportRecord& r = processed.record = failed_record(input, "load", "");
        r.sha256 = sha;
        if (error) r.failure = Failure{"load", input.key, error->line, error->column, error->message};
        else r.failure->message = "无法读取报告 / unreadable report";
        return processed;
    }

    ReportRecord& record = processed.record;
    const bool from_pdf = !line_origin.empty();
    std::string page;  // the review page, with --html
    ReportIdentity identity{sha, std::string(report->meta.department), report->meta.fiscal_year};
    {
        const engine::AuditResult result =
            context.engine->audit(*report, std::move(diagnostics),
                                  engine::AuditInput{xml_readable(input.path.filename().string()), sha,
                                                     std::move(line_origin)});
        engine::write_audit_xml(result, buffers.audit_xml);
        record.defects = result.defects.size();
        if (context.options->html) {
            // Page numbers link to the PDF where it lies, relative to the output directory.
            std::string pdf_href = from_pdf ? engine::relative_link(context.options->out_dir, input.path) : std::string();
            page = engine::write_audit_html(*report, result, {context.options->language, std::move(pdf_href)});
        }
        for (const engine::AuditedFinding& f : result.findings) {
            record.counts.add(f.severity);
            record.by_rule[f.finding.rule_id].add(f.severity);
        }
    }
    report.reset();  // the report's buffer and model are not needed for writing
    record.key = input.key;
    record.output = input.output;
    record.sha256 = std::move(sha);
    try {
        // Deferred durability: run_batch syncs the file system once before the summary
        // appears. The journal record comes after the audit file (journal_record), so a run
        // killed between the two re-audits the report.
        // The page before the audit file: --resume trusts a report whose audit file is there.
        if (context.options->html) buffers.output.write(review_page_name(input.output), page);
        buffers.output.write(input.output, buffers.audit_xml);
        record.audit_sha256 = sha256_hex(buffers.audit_xml);
    } catch (const std::exception& e) {
        std::string input_sha = std::move(record.sha256);
        processed.record = failed_record(input, "write", e.what());
        processed.record.sha256 = std::move(input_sha);
        return processed;
    }
    if (context.baseline) {
        std::optional<AuditOutcome> outcome = read_audit_outcome(buffers.audit_xml);
        compare_with_baseline(context, input, record, identity,
                              outcome ? outcome->findings : std::vector<FindingKey>{}, buffers.scratch);
    }
    return processed;
}

void journal_record(JournalWriter& journal, const std::string& config_hash, ReportRecord& record) {
    const bool crashed = record.status == Status::failed && record.failure && !record.sha256.empty() &&
                         (record.failure->kind == "crash" || record.failure->kind == "timeout");
    if (record.audit_sha256.empty() && !crashed) return;
    try {
        journal.append(record, config_hash);
        record.audit_sha256.clear();
    } catch (const std::exception& e) {
        ReportRecord failed = failed_record(std::move(record.key), "write", e.what());
        failed.sha256 = std::move(record.sha256);
        record = std::move(failed);
    }
}

}  // namespace fincheck::batch
