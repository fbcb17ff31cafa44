// The PDF entry point: run the isolated extractor, read the word boxes, refuse what has no
// usable text, rebuild the intermediate text and hand it to the text importer.
#include "fincheck/pdf_import.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

#include "emit.hpp"
#include "extract.hpp"
#include "words.hpp"

namespace fincheck {
namespace {

using pdf_detail::ExtractStatus;

std::string extraction_message(ExtractStatus status, const std::string& details, const PdfLimits& limits) {
    std::string suffix = details.empty() ? std::string() : " (pdftotext: " + details + ")";
    switch (status) {
        case ExtractStatus::not_installed:
            return "找不到 PDF 文本提取程序 pdftotext（poppler），请先安装：apt-get install poppler-utils poppler-data / "
                   "pdftotext (poppler) is not installed: apt-get install poppler-utils poppler-data";
        case ExtractStatus::encrypted:
            return "PDF 已加密或受密码保护，无法读取文本；请提供未加密的文件 / the PDF is encrypted or password-protected: "
                   "its text cannot be read; provide an unencrypted copy" + suffix;
        case ExtractStatus::timed_out:
            return "PDF 文本提取超时（" + std::to_string(limits.timeout.count() / 1000) +
                   " 秒），文件可能已损坏或过于复杂 / text extraction timed out after " +
                   std::to_string(limits.timeout.count() / 1000) + " s: the PDF may be damaged or too complex";
        case ExtractStatus::limit_exceeded:
            return "PDF 文本提取超出资源限制（CPU、内存或输出大小），文件可能已损坏或过于复杂 / text extraction exceeded its "
                   "resource limits (CPU, memory or output size): the PDF may be damaged or too complex" + suffix;
        case ExtractStatus::failed:
        case ExtractStatus::ok:
            break;
    }
    return "PDF 文件已损坏或被截断，无法读取 / the PDF is damaged or truncated and cannot be read" + suffix;
}

ImportResult failure(std::string_view name, int page, std::string message) {
    ImportResult result;
    result.error = LoadError{std::string(name), 0, 0, std::move(message)};
    if (page > 0) result.error->message = "第 " + std::to_string(page) + " 页：" + result.error->message;
    return result;
}

std::size_t word_count(const std::vector<pdf_detail::Page>& pages) {
    std::size_t count = 0;
    for (const auto& page : pages) count += page.words.size();
    return count;
}

}  // namespace

bool is_pdf(std::string_view bytes) {
    std::size_t at = bytes.substr(0, 1024).find("%PDF-");
    return at != std::string_view::npos;
}

PdfImportResult import_pdf(const std::filesystem::path& file, std::string_view name, std::string_view sha256,
                           const PdfLimits& limits, const templates::TemplateSet& templates) {
    PdfImportResult result;
    pdf_detail::Extraction extraction = pdf_detail::run_pdftotext(file, limits);
    if (extraction.status != ExtractStatus::ok) {
        result.imported = failure(name, 0, extraction_message(extraction.status, extraction.details, limits));
        return result;
    }
    auto pages = pdf_detail::read_word_boxes(extraction.xhtml);
    if (!pages) {
        result.imported = failure(name, 0, extraction_message(ExtractStatus::failed, "unreadable output", limits));
        return result;
    }
    if (pages->empty()) {
        result.imported = failure(name, 0, extraction_message(ExtractStatus::failed, "no pages", limits));
        return result;
    }
    if (word_count(*pages) == 0) {
        result.imported = failure(
            name, 0,
            "PDF 没有文本层（" + std::to_string(pages->size()) +
                " 页中没有一个字，可能是扫描件），请先做文字识别，例如 ocrmypdf -l chi_sim in.pdf out.pdf / the PDF has no "
                "text layer (no text on any of its " + std::to_string(pages->size()) +
                " pages, probably a scan): run OCR first, e.g. ocrmypdf -l chi_sim in.pdf out.pdf");
        return result;
    }
    pdf_detail::Rebuilt rebuilt = pdf_detail::rebuild_text(*pages);
    result.text = rebuilt.text;
    result.line_origin = std::move(rebuilt.line_origin);
    result.imported = import_text(std::move(rebuilt.text), name, templates);
    if (result.imported.report) result.imported.report->meta.source_sha256 = result.imported.report->own(sha256);
    return result;
}

PdfImportResult import_pdf_bytes(std::string_view bytes, std::string_view name, std::string_view sha256,
                                 const PdfLimits& limits, const templates::TemplateSet& templates) {
    std::string path = (std::filesystem::temp_directory_path() / "fincheck-pdf-XXXXXX").string();
    const int fd = ::mkstemp(path.data());  // created 0600: only this user reads the report
    if (fd < 0) {
        PdfImportResult result;
        result.imported = failure(name, 0, std::string("无法创建临时文件 / cannot create a temporary file: ") +
                                               std::strerror(errno));
        return result;
    }
    bool written = true;
    for (std::size_t done = 0; done < bytes.size() && written;) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        written = n > 0;
        if (written) done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    PdfImportResult result;
    if (written) {
        result = import_pdf(path, name, sha256, limits, templates);
    } else {
        result.imported = failure(name, 0, std::string("无法写入临时文件 / cannot write a temporary file: ") +
                                               std::strerror(errno));
    }
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return result;
}

}  // namespace fincheck
