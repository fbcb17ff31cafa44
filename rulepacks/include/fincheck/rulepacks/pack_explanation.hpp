// What a pack plugin (arith, xtab) decides for one report before its rules run: the pack chosen and
// why, the packs it extends, and every pack rule's state, severity and tolerance with the
// pack line that set it (fincheck explain, the audit header).
#pragma once

#include <string_view>

#include "fincheck/explanation.hpp"
#include "pack_library.hpp"

namespace fincheck::rulepacks {

// Only the rules whose id starts with `rule_prefix`: each plugin explains its own family.
ReportExplanation explain_packs(const PackLibrary& library, const Report& report, std::string_view forced,
                                std::string_view rule_prefix);

}  // namespace fincheck::rulepacks
