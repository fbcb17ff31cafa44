// Reading and writing the report XML (schemas/report.xsd). Not for plugins: the host, the
// importer and the test harness use it; plugins only ever see the Report it produces.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck {

// A load failure that names the file, the line and column, and what is wrong.
struct LoadError {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    std::string to_string() const;  // "file:line:column: message"
};

struct LoadResult {
    std::optional<Report> report;
    std::optional<LoadError> error;
    explicit operator bool() const { return report.has_value(); }
};

// Loads a report from an XML file. Never throws for bad input: a malformed document, a
// missing required element or a value of the wrong form comes back as a LoadError.
LoadResult load_report_xml(const std::filesystem::path& file);
// Same, from a buffer already in memory; `name` is used in error messages.
LoadResult load_report_xml_buffer(std::string buffer, std::string_view name);

// Where a source line was printed in a PDF: its page (1-based) and the box, in points from the
// page's top-left corner, of the words on it. page 0: no origin (a blank line).
struct SourceBox {
    int page = 0;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// Serializes a report to report XML. Deterministic: the same Report gives the same bytes.
// With `origin` (by source line, as a PDF import gives it), every element that records a line
// also records page="N" and bbox="x0 y0 x1 y1" of that line.
std::string write_report_xml(const Report& report, const std::vector<SourceBox>* origin = nullptr);

}  // namespace fincheck
