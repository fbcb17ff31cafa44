// `fincheck lint`: the check an audit office runs on its rule packs and configuration before
// using them. Every file is validated the way a run would use it: packs by the plugins that
// load them (arith and xtab, against the table model and the installed packs they extend),
// configs against the loaded rules and plugins. The host stays ignorant of the pack format.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fincheck/engine/engine.hpp"

namespace fincheck::engine {

struct LintResult {
    std::vector<std::filesystem::path> files;  // every file that was looked at, in order
    std::vector<std::string> problems;         // "file:line[:column]: message", each once, in order
    bool ok() const { return problems.empty(); }
};

// `paths`: files, or folders whose *.xml files are taken. A file is a rule pack
// (<rulepack>), a config (<fincheck>) or a region list (<regions>, inside a regions/ folder);
// anything else is a problem. All packs and region lists are checked together, as one shared
// folder would be loaded, and each config with them. `base` gives the search path and
// --config; no fincheck.xml is looked up.
LintResult lint(const std::vector<std::filesystem::path>& paths, EngineOptions base);

}  // namespace fincheck::engine
