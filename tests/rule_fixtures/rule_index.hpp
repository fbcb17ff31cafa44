// docs/rules/README.md: the index of every rule, generated from the rules' metadata so the
// list, the categories and the severities cannot drift from the code. The pages themselves
// live beside their plugins (plugins/<plugin>/rules/<id>.md, host/import/rules/ for the
// importer's diagnostics).
#pragma once

#include <filesystem>
#include <string>

#include "fincheck/engine/rule_registry.hpp"

namespace fincheck::rule_fixtures {

// The source folder that holds a registry entry's page (and fixtures), relative to the
// repository root: plugins/<plugin>, or host/import for the importer's diagnostics.
std::filesystem::path home_of(const engine::RuleEntry& entry);

// The index page for every rule of `registry` except the host's own (documented in
// docs/audit-format.md).
std::string render_rule_index(const engine::RuleRegistry& registry);

}  // namespace fincheck::rule_fixtures
