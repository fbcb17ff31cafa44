// Text into HTML: what every HTML page fincheck writes (the review page, the batch index) uses
// for anything that came from a report, a file name or a message. Reports are untrusted input:
// a cell may hold "<script>", a file name a quote.
#pragma once

#include <string>
#include <string_view>

namespace fincheck::engine {

// Appends `text` with & < > " ' escaped, so that it is inert both as element text and inside a
// double- or single-quoted attribute value. Bytes that are not UTF-8, and controls other than
// tab, LF and CR, become U+FFFD: the page is always valid UTF-8.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escaped(std::string_view text);

// A relative path as an href: every byte other than an unreserved character (RFC 3986) or '/'
// is percent-encoded, so a name with spaces, '#', '?' or CJK characters links to itself.
std::string url_path_escaped(std::string_view path);

}  // namespace fincheck::engine
