// The identity of a finding across runs, folders and renames: what SARIF's
// partialFingerprints, the JSON/CSV/XLSX rows, the audit XML (finding/@fingerprint) and the
// batch baseline compare. Computed once, here, so every output agrees.
#pragma once

#include <string>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"

namespace fincheck::engine {

// SHA-256 (64 lowercase hex) of, in order and length-prefixed:
//  - the scheme version ("fincheck-finding/1") and the rule id and message id;
//  - the place: table/row/column keys for a table finding; for a prose finding the section
//    path and the quoted text (the span, else the whole block) with white space removed;
//    else the section path alone;
//  - the message arguments sorted by name, white space removed, except `line` and `page`.
// Never the input's folder or file name, source lines, pages, block indices or boxes: the same
// defect in the same report keeps its fingerprint when the file is renamed, moved, or
// re-extracted from the PDF with other line breaks.
std::string finding_fingerprint(const Finding& finding, const Report& report);

}  // namespace fincheck::engine
