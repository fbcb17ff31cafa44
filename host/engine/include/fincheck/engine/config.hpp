// The configuration file fincheck.xml (schemas/config.xsd): rule selection, severity
// overrides, rule options, tolerance, rule packs, plugin settings. Every entry remembers
// its line and column so that a mistake found later (an option the rule does not declare)
// still names the place to fix.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/finding.hpp"

namespace fincheck::engine {

inline constexpr const char* kConfigFileName = "fincheck.xml";

struct ConfigError {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    std::string to_string() const;  // "file:line:column: message"
};

struct SourcePosition {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// <rule id="glob" enabled=… severity=…><option name=… value=…/></rule>
struct RuleSetting {
    std::string pattern;  // a rule id or a glob over ids
    std::optional<bool> enabled;
    std::optional<Severity> severity;
    std::map<std::string, std::string> options;
    std::map<std::string, SourcePosition> option_positions;
    SourcePosition position;
};

struct Config {
    std::filesystem::path file;  // empty when no config file was used
    std::string select;          // <rules select="…"/>
    std::optional<Decimal> half_unit;
    std::optional<Decimal> extra;
    std::vector<RuleSetting> rules;  // in document order: later entries win
    std::vector<std::filesystem::path> rule_packs;   // resolved against the config's directory
    std::vector<std::filesystem::path> plugin_dirs;  // idem
    std::vector<std::filesystem::path> data_dirs;    // idem
    std::map<std::string, std::map<std::string, std::string>> plugin_settings;
};

struct ConfigResult {
    std::optional<Config> config;
    std::optional<ConfigError> error;
};

// Parses a config file. Malformed XML, an unknown element or attribute, a bad severity or
// number: an error naming the file, line and column.
ConfigResult load_config(const std::filesystem::path& file);
ConfigResult parse_config(std::string_view text, const std::filesystem::path& file);

// The nearest fincheck.xml in `start_dir` or one of its parents, if any.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start_dir);

}  // namespace fincheck::engine
