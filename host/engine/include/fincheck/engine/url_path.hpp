// A path as a URI reference, for every output that links to a file: the review page's PDF and
// page links, the batch index, SARIF's artifact and help URIs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace fincheck::engine {

// Every byte other than an unreserved character (RFC 3986) or '/' is percent-encoded, so a name
// with spaces, '#', '?' or CJK characters links to itself.
std::string url_path_escaped(std::string_view path);

// `target` as a path relative to the folder `dir` (both made absolute and normal first), the
// way a page in `dir` links to it: a review page to the PDF it was read from.
std::string relative_link(const std::filesystem::path& dir, const std::filesystem::path& target);

}  // namespace fincheck::engine
