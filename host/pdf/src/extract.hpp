// Running poppler's pdftotext as an isolated child process: the GPL engine stays out of
// fincheck's binaries, and a hostile or broken PDF can neither crash nor hang the host.
#pragma once

#include <filesystem>
#include <string>

#include "fincheck/pdf_import.hpp"

namespace fincheck::pdf_detail {

enum class ExtractStatus { ok, not_installed, failed, encrypted, timed_out, limit_exceeded };

struct Extraction {
    ExtractStatus status = ExtractStatus::ok;
    std::string xhtml;    // pdftotext -bbox-layout output when ok
    std::string details;  // pdftotext's stderr (last lines), for the error message
};

// Runs `pdftotext -bbox-layout -enc UTF-8 <file> -` under `limits`.
Extraction run_pdftotext(const std::filesystem::path& file, const PdfLimits& limits);

}  // namespace fincheck::pdf_detail
