// The review page: one self-contained HTML file (inline CSS and script, nothing fetched) that
// shows the report itself with every finding marked where it points, a findings panel with
// filters, and the page of the PDF each finding is on. docs/review-page.md.
#pragma once

#include <string>

#include "fincheck/engine/audit.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/report.hpp"

namespace fincheck::engine {

struct HtmlOptions {
    Language language = Language::zh;
    // The PDF the report came from, relative to the folder the page is written to
    // ("report.pdf", "../in/report.pdf"); each page number then links to it (#page=N). Empty:
    // page numbers are shown without a link.
    std::string pdf_href;
};

// A pure function of the report, its audit (findings, root-cause groups, the line origins of a
// PDF input) and the options: the same input gives the same bytes. Everything taken from the
// report is escaped.
std::string write_audit_html(const Report& report, const AuditResult& result,
                             const HtmlOptions& options = {});

}  // namespace fincheck::engine
