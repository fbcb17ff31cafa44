// Checks of one parsed pack that need no other pack: what the format allows twice, a pack
// that disables its own rule, message and label placeholders nothing fills in, region
// prefixes that name no known region. Each is a mistake that would otherwise make a check
// silently never run or print wrong; every problem is returned, not only the first.
#pragma once

#include <vector>

#include "pack_model.hpp"
#include "pack_parser.hpp"
#include "region_names.hpp"

namespace fincheck::rulepacks {

// `regions` null: region prefixes are not checked (tests of other things).
std::vector<PackError> validate_pack(const Pack& pack, const RegionNames* regions);

// The placeholders a rule's <message> may use besides its loop variables.
const std::vector<std::string>& message_placeholders();

}  // namespace fincheck::rulepacks
