// Claim extraction: one linear pass over a block's text, no regular expressions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claim.hpp"
#include "compact_reader.hpp"

namespace fincheck::narrative {

struct ScanOptions {
    int fiscal_year = 0;  // Y; a year before it after 与/比/较 marks a prior-year figure
};

// Appends the claims of the block `reader` has just read to `out` (nothing when the reader
// found no digit and no comparison word).
void scan_claims(const CompactReader& reader, const ScanOptions& options, std::vector<Claim>& out);

std::vector<Claim> scan_claims(std::string_view block_text, const ScanOptions& options = {});
// Same, on text already decoded to code points.
std::vector<Claim> scan_claims(std::u32string_view block_text, const ScanOptions& options = {});

}  // namespace fincheck::narrative
