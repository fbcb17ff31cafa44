#include "fincheck/engine/input.hpp"

#include <fstream>
#include <sstream>

#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck/sha256.hpp"

namespace fincheck::engine {
namespace fs = std::filesystem;

bool is_text_input(const fs::path& file) { return file.extension() == ".txt"; }

LoadedInput load_input(const fs::path& file) {
    LoadedInput loaded;
    loaded.input.file = file.filename().string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        loaded.error = LoadError{file.string(), 0, 0, "无法读取文件 / cannot read the file"};
        return loaded;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string bytes = std::move(buffer).str();
    loaded.input.sha256 = sha256_hex(bytes);

    if (is_pdf(bytes)) {  // by content, whatever the extension
        PdfImportResult imported = import_pdf(file, file.string(), loaded.input.sha256);
        loaded.report = std::move(imported.imported.report);
        loaded.error = std::move(imported.imported.error);
        loaded.diagnostics = std::move(imported.imported.diagnostics);
        loaded.input.line_origin = std::move(imported.line_origin);
    } else if (is_text_input(file)) {
        ImportResult imported = import_text(std::move(bytes), file.string());
        loaded.report = std::move(imported.report);
        loaded.error = std::move(imported.error);
        loaded.diagnostics = std::move(imported.diagnostics);
    } else {
        LoadResult result = load_report_xml_buffer(std::move(bytes), file.string());
        loaded.report = std::move(result.report);
        loaded.error = std::move(result.error);
    }
    if (loaded.report && loaded.error) loaded.error.reset();
    return loaded;
}

}  // namespace fincheck::engine
