// Draws a generated Report as a PDF laid out the way published 部门决算 PDFs are: a cover
// with the title, the contents, headings and wrapped paragraphs, and the nine tables with
// their header rows, 类/款/项 code columns and side-by-side halves, on A4 pages numbered in
// the footer. The report XML stays the truth; the PDF is what fincheck's PDF reader is
// tested against.
#pragma once

#include <filesystem>
#include <string>

#include "fincheck/report.hpp"

namespace fincheck::gen {

// What the renderer drew, so a test can assert that a set of reports covers the layouts
// the PDF reader must handle.
struct PdfDrawStats {
    int pages = 0;
    int tables = 0;
    int side_by_side_tables = 0;  // 01, 04 (income | expenditure) and 06 (two code halves)
    int tables_across_pages = 0;  // continued on a new page with the header repeated
    int wrapped_cells = 0;        // body cells whose text took two lines or more
    int blank_cells = 0;          // body cells left empty in a value column
    int paragraphs = 0;
};

// Writes `report` to `path` as a PDF. Throws std::runtime_error naming the file when cairo
// cannot write it.
PdfDrawStats write_report_pdf(const Report& report, const std::filesystem::path& path);

}  // namespace fincheck::gen
