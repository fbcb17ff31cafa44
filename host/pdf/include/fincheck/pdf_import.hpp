// Importing a published report PDF: poppler's word boxes (run in an isolated child process),
// rebuilt into the intermediate text form the text importer reads, with the page and box
// each emitted line came from (docs/import.md, "PDF input").
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/import.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/templates/template.hpp"

namespace fincheck {

// Where a line of the intermediate text came from: its page (1-based) and the box, in PDF
// points from the page's top-left corner, of the words on it. page 0: no origin (blank line).
// The report XML writer records it too, so it is the SDK's SourceBox.
using PageBox = SourceBox;

// The child's limits. The defaults fit any real report with a wide margin.
struct PdfLimits {
    std::chrono::milliseconds timeout{30000};    // wall clock, then the child is killed
    unsigned long cpu_seconds = 20;               // RLIMIT_CPU
    unsigned long long memory_bytes = 1ull << 30;  // RLIMIT_AS
    unsigned long long output_bytes = 64ull << 20; // RLIMIT_FSIZE and the cap on what is read
    std::string pdftotext;  // program to run; empty: $FINCHECK_PDFTOTEXT, else pdftotext on PATH
};

struct PdfImportResult {
    ImportResult imported;           // as import_text would give for `text`
    std::string text;                // the intermediate text the importer read
    std::vector<PageBox> line_origin;  // by source line (index 0 unused)
};

// True when the bytes start like a PDF file ("%PDF-", after at most 1 KiB of junk as
// readers accept).
bool is_pdf(std::string_view bytes);

// Imports the PDF at `file`; `name` is recorded as the source file and used in errors.
// `sha256` is the digest of the bytes the caller read. Never throws for bad input: an
// unusable PDF (no text layer, encrypted, corrupt, limits exceeded, poppler missing) is
// imported.error with a zh-CN / English reason.
// `templates`: the templates whose tables the text importer recognises (a region's from the data
// directories, through the engine), the built-in ones by default.
PdfImportResult import_pdf(const std::filesystem::path& file, std::string_view name, std::string_view sha256,
                           const PdfLimits& limits = {},
                           const templates::TemplateSet& templates = templates::TemplateSet::builtin());

// The same for a PDF already in memory (standard input): poppler reads files, so the bytes are
// written to a private temporary file first and removed after.
PdfImportResult import_pdf_bytes(std::string_view bytes, std::string_view name, std::string_view sha256,
                                 const PdfLimits& limits = {},
                                 const templates::TemplateSet& templates = templates::TemplateSet::builtin());

}  // namespace fincheck
