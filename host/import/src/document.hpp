// The document walker: front matter, contents, section tree, blocks, table blocks and
// attachments, read from the lines of an extracted report.
#pragma once

#include <vector>

#include "importer.hpp"

namespace fincheck::import_detail {

// Reads `lines` into `report` (everything but source_file / source_sha256).
// Standard tables are recognised and read by `reading` (templates::TemplateSet::reading).
void read_document(const std::vector<Line>& lines, Report& report, Diagnostics& diagnostics,
                   const templates::Template& reading);

}  // namespace fincheck::import_detail
