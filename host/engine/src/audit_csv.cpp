// The findings as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, quote or
// line break quoted, quotes doubled), UTF-8 with a byte-order mark, without which Excel reads
// the Chinese text as the locale's code page.
#include "finding_fields.hpp"
#include "fincheck/engine/audit_formats.hpp"

namespace fincheck::engine {
namespace {

// A plain decimal such as -55.12: a spreadsheet may read it as the number it is.
bool is_number(std::string_view text) {
    std::size_t i = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
    bool digits = false;
    bool point = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') digits = true;
        else if (text[i] == '.' && !point) point = true;
        else return false;
    }
    return digits;
}

void append_field(std::string& out, std::string_view field) {
    // Text from a report that a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @)
    // is prefixed with an apostrophe, which spreadsheets take as "this is text".
    const bool formula = !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos &&
                         !is_number(field);
    const bool quoted = formula || field.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quoted) {
        out += field;
        return;
    }
    out += '"';
    if (formula) out += '\'';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        append_field(out, fields[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string write_audit_csv(const AuditResult& result, Language language) {
    std::string out = "\xEF\xBB\xBF";
    append_row(out, finding_table_header(language));
    for (const AuditedFinding& finding : result.findings) append_row(out, finding_table_row(result, finding, language));
    return out;
}

}  // namespace fincheck::engine
