// The importer's entry points: refuse unusable input with a LoadError, cut the text into
// lines, read the document, record where it came from.
#include "fincheck/import.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "document.hpp"
#include "fincheck/number_text.hpp"
#include "fincheck/sha256.hpp"
#include "fincheck/utf8.hpp"
#include "importer.hpp"
#include "text_util.hpp"

namespace fincheck {

namespace {

using import_detail::Line;

LoadError error_at(std::string_view name, std::uint32_t line, std::uint32_t column, std::string message) {
    return LoadError{std::string(name), line, column, std::move(message)};
}

// Rejects what is not text: control bytes (binary junk) and invalid UTF-8, naming the
// line and column (in bytes, 1-based) of the first offence.
std::optional<LoadError> validate(std::string_view text, std::string_view name) {
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    std::size_t pos = 0;
    auto column = [&](std::size_t at) { return static_cast<std::uint32_t>(at - line_start + 1); };
    while (pos < text.size()) {
        auto byte = static_cast<unsigned char>(text[pos]);
        if (byte == '\n') { ++line; line_start = ++pos; continue; }
        if (byte < 0x20 && byte != '\t' && byte != '\r' && byte != '\f') {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", byte);
            return error_at(name, line, column(pos),
                            std::string("含有二进制数据（控制字节 ") + hex + "），不是文本 / binary data (control byte " +
                                hex + "): not a text file");
        }
        if (byte < 0x80) { ++pos; continue; }
        // Looser than utf8::well_formed_length on purpose, as this check has always been: it
        // refuses leads that start no sequence or only 2-byte overlong (C0, C1) and
        // out-of-range (F5-F7) forms, but lets 3/4-byte overlong forms, encoded surrogates and
        // F4 90.. (above U+10FFFF) through. Making it strict would reject files that import today.
        std::size_t length = byte >= 0xC2 && byte <= 0xF4 ? utf8::structural_length(text, pos) : 0;
        if (length == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", byte);
            return error_at(name, line, column(pos),
                            std::string("不是有效的 UTF-8 文本（字节 ") + hex + "） / not valid UTF-8 (byte " + hex +
                                "); convert the file to UTF-8 first");
        }
        pos += length;
    }
    return std::nullopt;
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    SourceLine number = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view content = text.substr(start, end - start);
        if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
        Line line;
        line.text = content;
        line.number = number++;
        line.tabular = content.find('\t') != std::string_view::npos;
        line.blank = !line.tabular && import_detail::trim(content).empty();
        if (!(end == text.size() && content.empty() && start == text.size())) lines.push_back(line);
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

// A cell or field whose text is one number too large for Decimal would otherwise be taken
// for words and drop out of every sum: refuse the report at its line instead.
std::optional<LoadError> amount_beyond_range(const Report& report, std::string_view name) {
    auto beyond = [](std::string_view raw, const std::optional<Decimal>& value) {
        // A number beyond the range has at least 13 digits; most cells without a value are words.
        return !value && std::count_if(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 13 &&
               is_out_of_range_number(raw);
    };
    auto error = [&](SourceLine line, std::string_view raw) {
        const std::string shown(raw);
        return error_at(name, line, 1,
                        "金额「" + shown + "」超出可表示范围（±9223372036854.775807）/ the amount \"" + shown +
                            "\" is beyond the range of amounts (±9223372036854.775807)");
    };
    for (const Table& table : report.tables)
        for (const Row& row : table.rows)
            for (const Cell& cell : row.cells)
                if (beyond(cell.raw, cell.value)) return error(cell.line, cell.raw);
    for (const Attachment& attachment : report.attachments)
        for (const Field& field : attachment.fields)
            if (beyond(field.raw, field.value)) return error(field.line, field.raw);
    return std::nullopt;
}

// The importer proper; `reading` is the set of templates whose tables it recognises.
ImportResult import_with(std::string text, std::string_view name, const templates::Template& reading) {
    ImportResult result;
    auto storage = std::make_shared<const std::string>(std::move(text));
    std::string_view input = *storage;
    std::string sha = sha256_hex(input);
    if (import_detail::starts_with(input, "\xEF\xBB\xBF")) input.remove_prefix(3);  // BOM
    if (auto error = validate(input, name)) {
        result.error = std::move(error);
        return result;
    }
    std::vector<Line> lines = split_lines(input);
    bool any_text = std::any_of(lines.begin(), lines.end(), [](const Line& l) { return !l.blank; });
    if (!any_text) {
        result.error = error_at(name, 0, 0, "文件为空，没有可导入的文本 / the file is empty: there is no text to import");
        return result;
    }
    Report report;
    report.keep_alive(storage);
    import_detail::Diagnostics diagnostics(result.diagnostics);
    import_detail::read_document(lines, report, diagnostics, reading);
    if (report.meta.title.empty() && report.tables.empty() && report.sections.empty()) {
        result.error = error_at(name, lines.front().number, 1,
                                "找不到部门决算的标题、章节或表格 / no final-accounts title, section or table was found");
        result.diagnostics.clear();
        return result;
    }
    if (auto error = amount_beyond_range(report, name)) {
        result.error = std::move(error);
        result.diagnostics.clear();
        return result;
    }
    report.meta.source_file = report.own(name);
    report.meta.source_sha256 = report.own(sha);
    result.report = std::move(report);
    return result;
}

}  // namespace

ImportResult import_text(std::string text, std::string_view name) {
    return import_text(std::move(text), name, templates::TemplateSet::builtin());
}

ImportResult import_text(std::string text, std::string_view name, const templates::TemplateSet& templates) {
    return import_with(std::move(text), name, templates.reading());
}
ImportResult import_text_file(const std::filesystem::path& file) {
    std::string name = file.filename().string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ImportResult result;
        result.error = error_at(name, 0, 0, "无法打开文件 / cannot open the file: " + file.string());
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        ImportResult result;
        result.error = error_at(name, 0, 0, "读取文件失败 / reading the file failed: " + file.string());
        return result;
    }
    return import_text(std::move(buffer).str(), name);
}

}  // namespace fincheck
