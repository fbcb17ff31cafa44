// Reading and writing the report XML (schemas/report.xsd). Not for plugins: the host, the
// importer and the test harness use it; plugins only ever see the Report it produces.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

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

// Serializes a report to report XML. Deterministic: the same Report gives the same bytes.
std::string write_report_xml(const Report& report);

}  // namespace fincheck
