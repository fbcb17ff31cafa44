// batch --html: a review page beside each audit file and DIR/index.html, the morning overview of
// the run (reports worst first, counts by severity, what is new and fixed against --baseline,
// links to each report's page). docs/batch.md, docs/review-page.md.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/batch/record.hpp"
#include "fincheck/batch/summary.hpp"
#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::batch {

// "<name>-<hash>.audit.xml" → "<name>-<hash>.html": the review page of that audit file.
std::string review_page_name(std::string_view audit_output);

// The index of a run, a pure function of its summary: failed inputs first, then the audited
// reports by errors, warnings and info (most first), then skipped inputs; each audited report
// links to its review page when `with_pages`.
std::string write_batch_index_html(const SummaryHeader& header, const Totals& totals,
                                   std::vector<ReportRecord> records, engine::Language language,
                                   bool with_pages);

// Reads DIR/summary.xml back and writes DIR/index.html from it, atomically. Throws
// std::runtime_error naming the file when either cannot be done.
void write_batch_index(const std::filesystem::path& out_dir, const SummaryHeader& header,
                       const Totals& totals, engine::Language language);

}  // namespace fincheck::batch
