// Tiny PDFs written byte by byte for tests: a page of text in a standard font, a page with
// only a drawing (a scan has no text either), an encrypted one; no tool needed.
#pragma once

#include <string>
#include <vector>

namespace fincheck::test {

// A one-page PDF whose page content stream is `content` (PDF operators). With `encrypt`, the
// trailer names a standard security handler whose user password is not empty.
std::string tiny_pdf(const std::string& content, bool encrypt = false);

// Text lines drawn with Helvetica, top to bottom: what pdftotext reads back.
std::string text_content(const std::vector<std::string>& lines);

// A filled rectangle and nothing else: a page without a text layer.
std::string drawing_content();

}  // namespace fincheck::test
