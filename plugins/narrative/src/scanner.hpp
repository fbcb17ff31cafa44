// Claim extraction: one linear pass over a block's text, no regular expressions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claim.hpp"

namespace fincheck::narrative {

struct ScanOptions {
    int fiscal_year = 0;  // Y; a year before it after 与/比/较 marks a prior-year figure
};

std::vector<Claim> scan_claims(std::string_view block_text, const ScanOptions& options = {});
// Same, on text already decoded to code points (the analysis decodes each block once).
std::vector<Claim> scan_claims(std::u32string_view block_text, const ScanOptions& options = {});

}  // namespace fincheck::narrative
