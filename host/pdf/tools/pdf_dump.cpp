// pdf_dump report.pdf [--pages]: the intermediate text the PDF is rebuilt into (the
// importer's input), optionally each line prefixed with its page.
#include <cstdio>
#include <cstring>

#include "fincheck/pdf_import.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pdf_dump report.pdf [--pages]\n");
        return 2;
    }
    bool pages = argc > 2 && std::strcmp(argv[2], "--pages") == 0;
    fincheck::PdfImportResult result = fincheck::import_pdf(argv[1], argv[1], "");
    if (result.imported.error && !result.imported.report) {
        std::fprintf(stderr, "%s\n", result.imported.error->message.c_str());
        if (result.text.empty()) return 2;
    }
    std::size_t line = 1;
    std::size_t start = 0;
    const std::string& text = result.text;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (pages) std::printf("%3d| ", line < result.line_origin.size() ? result.line_origin[line].page : 0);
        std::printf("%.*s\n", static_cast<int>(end - start), text.data() + start);
        start = end + 1;
        ++line;
    }
    return 0;
}
