#include "fincheck/engine/input.hpp"

#include <string>
#include <string_view>

#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck/sha256.hpp"

namespace fincheck::engine {
namespace fs = std::filesystem;

bool is_text_input(const fs::path& file) { return file.extension() == ".txt"; }

namespace {

// Standard input has no extension: report XML starts with markup, extracted text never does.
bool looks_like_text(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    const std::size_t first = bytes.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos || bytes[first] != '<';
}

}  // namespace

LoadedInput load_input(const fs::path& file, std::uint64_t max_size, const templates::TemplateSet& templates) {
    LoadedInput loaded;
    const bool from_stdin = file == kStdioPath;
    loaded.input.file = from_stdin ? "stdin" : display_name(file.filename().native());
    InputBytes read = read_input_bytes(file, max_size);
    if (read.error) {
        loaded.error = std::move(read.error);
        return loaded;
    }
    loaded.identity = read.identity;
    std::string bytes = std::move(read.bytes);
    const std::string name = from_stdin ? "stdin" : display_name(file.native());
    loaded.input.sha256 = sha256_hex(bytes);

    if (is_pdf(bytes)) {  // by content, whatever the extension
        PdfImportResult imported = from_stdin ? import_pdf_bytes(bytes, name, loaded.input.sha256, {}, templates)
                                              : import_pdf(file, name, loaded.input.sha256, {}, templates);
        loaded.report = std::move(imported.imported.report);
        loaded.error = std::move(imported.imported.error);
        loaded.diagnostics = std::move(imported.imported.diagnostics);
        loaded.input.line_origin = std::move(imported.line_origin);
    } else if (from_stdin ? looks_like_text(bytes) : is_text_input(file)) {
        ImportResult imported = import_text(std::move(bytes), name, templates);
        loaded.report = std::move(imported.report);
        loaded.error = std::move(imported.error);
        loaded.diagnostics = std::move(imported.diagnostics);
    } else {
        LoadResult result = load_report_xml_buffer(std::move(bytes), name);
        loaded.report = std::move(result.report);
        loaded.error = std::move(result.error);
    }
    if (loaded.report && loaded.error) loaded.error.reset();
    return loaded;
}

}  // namespace fincheck::engine
