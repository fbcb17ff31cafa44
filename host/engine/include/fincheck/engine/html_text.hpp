// Text into HTML: what every HTML page fincheck writes (the review page, the batch index) uses
// for anything that came from a report, a file name or a message. Reports are untrusted input:
// a cell may hold "<script>", a file name a quote.
#pragma once

#include <string>
#include <string_view>

#include "fincheck/engine/url_path.hpp"  // links in a page

namespace fincheck::engine {

// Appends `text` with & < > " ' escaped, so that it is inert both as element text and inside a
// double- or single-quoted attribute value. Bytes that are not UTF-8, and controls other than
// tab, LF and CR, become U+FFFD: the page is always valid UTF-8.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escaped(std::string_view text);

}  // namespace fincheck::engine
