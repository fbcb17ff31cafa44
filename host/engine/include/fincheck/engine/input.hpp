// Reading the file to audit: report XML directly, extracted text (.txt) through the
// importer, a PDF (recognised by its %PDF- signature) through the PDF importer; the
// importers' diagnostics then join the findings.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "fincheck/engine/audit.hpp"
#include "fincheck/engine/input_file.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/templates/template.hpp"

namespace fincheck::engine {

struct LoadedInput {
    std::optional<Report> report;
    std::vector<Finding> diagnostics;  // import-* findings (empty for XML input)
    std::optional<LoadError> error;    // file:line:column and reason when unusable
    AuditInput input;                  // file name and SHA-256 of its bytes
    std::optional<FileIdentity> identity;  // the file read (none for standard input)
};

// True for files the importer handles (.txt); everything else is read as report XML.
bool is_text_input(const std::filesystem::path& file);

// Reads `file` through read_input_bytes ("-" is standard input: report XML when its first
// character other than white space or a byte-order mark is '<', else extracted text).
// Text and PDF input are read against `templates`: Engine::templates() holds a region's
// templates from the data directories besides the built-in ones.
LoadedInput load_input(const std::filesystem::path& file, std::uint64_t max_size = kDefaultMaxInputSize,
                       const templates::TemplateSet& templates = templates::TemplateSet::builtin());

}  // namespace fincheck::engine
