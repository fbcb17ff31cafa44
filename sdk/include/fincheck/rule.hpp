// The rule interface. A rule is metadata (data the host can list, document and validate
// without running anything) plus one const check() that is safe to call on many reports
// at once from many threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"
#include "fincheck/tolerance.hpp"

namespace fincheck {

enum class OptionType : std::uint8_t { string, integer, decimal, boolean, list };

std::string_view to_string(OptionType type);

struct OptionSpec {
    std::string name;
    OptionType type = OptionType::string;
    std::string default_value;  // as text; lists are comma-separated
    std::string description_zh;
    std::string description_en;
};

struct MessageSpec {
    std::string id;
    std::string zh;  // zh-CN template with {placeholders}
    std::string en;  // English template with the same placeholders
};

struct RuleMeta {
    std::string id;        // kebab case, prefixed by its family: arith-row-total, years-title
    std::string version = "1";
    std::string title_zh;
    std::string title_en;
    std::string category;  // arithmetic, cross-table, narrative, years, structure, import
    Severity default_severity = Severity::error;
    std::vector<OptionSpec> options;
    std::vector<MessageSpec> messages;
    std::string docs;      // path or URL of the rule's documentation page

    const MessageSpec* message(std::string_view message_id) const;
    const OptionSpec* option(std::string_view name) const;
};

enum class LogLevel : std::uint8_t { trace, debug, info, warn, error };

// The host's logger, handed to plugins so they never touch global logging state.
class Log {
public:
    virtual ~Log() = default;
    virtual void write(LogLevel level, std::string_view message) const = 0;
};

// Per-run view of a rule's configuration: its options (configured value or default) and
// the tolerance in force.
class RuleContext {
public:
    virtual ~RuleContext() = default;
    // The configured value of an option, or its declared default; nullopt if undeclared.
    virtual std::optional<std::string_view> option(std::string_view name) const = 0;
    virtual const Tolerance& tolerance() const = 0;
    virtual const Log& log() const = 0;

    std::optional<Decimal> option_decimal(std::string_view name) const;
    std::optional<long long> option_integer(std::string_view name) const;
    bool option_bool(std::string_view name, bool fallback = false) const;
    std::vector<std::string_view> option_list(std::string_view name) const;
};

class FindingSink {
public:
    virtual ~FindingSink() = default;
    virtual void add(Finding finding) = 0;
};

// True when `id` is lower-case kebab case, ^[a-z][a-z0-9]*(-[a-z0-9]+)*$: the only form the
// host accepts for a rule id (it names the rule's page <id>.md, a config key and a glob target).
bool is_rule_id(std::string_view id);

class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleMeta& meta() const = 0;
    // Must not keep state between calls: the host calls it concurrently on many reports.
    virtual void check(const Report& report, const RuleContext& context, FindingSink& sink) const = 0;
};

}  // namespace fincheck
