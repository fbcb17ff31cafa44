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
    // "file:line:column: message"; "file: message" without a line; the message alone
    // without a file (several problems, each line naming its own file).
    std::string to_string() const;
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

inline constexpr const char* kConfigVersion = "1";

struct Config {
    std::filesystem::path file;  // empty when no config file was used
    std::string select;          // <rules select="…"/>
    SourcePosition select_position;
    std::optional<Decimal> half_unit;
    std::optional<Decimal> extra;
    SourcePosition tolerance_position;
    std::vector<RuleSetting> rules;  // in document order: later entries win
    std::vector<std::filesystem::path> rule_packs;   // resolved against the config's directory
    std::vector<std::filesystem::path> plugin_dirs;  // idem
    std::vector<std::filesystem::path> data_dirs;    // idem
    std::map<std::string, std::map<std::string, std::string>> plugin_settings;
    // Where each <plugin name> was written: settings for a plugin that is not loaded name it.
    std::map<std::string, SourcePosition> plugin_positions;
    // <plugin name="…" enabled="false"/>: never created, and a failure to load it is no error.
    std::vector<std::string> disabled_plugins;

    bool plugin_disabled(std::string_view name) const;
};

struct ConfigResult {
    std::optional<Config> config;
    std::optional<ConfigError> error;
};

// Parses a config file. Malformed XML, an unknown element or attribute, a bad severity or
// number, a version other than kConfigVersion, anything defined twice (a second <rules>,
// the same <rule id>, <option>, <plugin>, <setting> or path): an error naming the file,
// line and column. The file may be UTF-8 (with or without a BOM), UTF-16 with a BOM, or in the
// encoding its XML declaration names (GB18030, GBK); anything else is an error too.
ConfigResult load_config(const std::filesystem::path& file);
ConfigResult parse_config(std::string_view text, const std::filesystem::path& file);

// The nearest fincheck.xml in `start_dir` or one of its parents, if any.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start_dir);

}  // namespace fincheck::engine
