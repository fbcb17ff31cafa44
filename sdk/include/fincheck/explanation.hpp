// What a plugin decides for one report before any rule runs: which of its data applies (a
// region's rule pack, say), which of its rules it will leave out, and at what severity and
// tolerance the others report. `fincheck explain` prints it; the audit header records it.
// Since ABI 1.1 (Plugin::explain).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/finding.hpp"

namespace fincheck {

// Where a decision was written: a kind ("pack", "lexicon") and a place ("shanghai.xml:12").
struct ExplainedSource {
    std::string kind;
    std::string at;
};

// One line about the plugin's choices for the report, in both languages.
struct ExplainedNote {
    std::string zh;
    std::string en;
};

// A plugin's own word on one of its rules for this report. Unset fields: the rule's metadata
// and the host's configuration decide.
struct ExplainedRule {
    std::string rule_id;
    bool runs = true;  // false: the rule finds nothing on this report, whatever the selection says
    ExplainedSource disabled_by;  // when !runs
    std::optional<Severity> severity;  // the severity its findings carry, when not the default
    ExplainedSource severity_source;
    std::optional<Decimal> half_unit;  // replaces the configured half unit for this rule
    ExplainedSource half_unit_source;
    std::optional<Decimal> extra;  // replaces the configured extra slack
    ExplainedSource extra_source;
    std::optional<Decimal> absolute;  // a fixed bound that replaces the interval reading
    ExplainedSource absolute_source;
};

struct ReportExplanation {
    std::vector<ExplainedNote> notes;  // e.g. the pack selected and why
    std::vector<ExplainedRule> rules;  // only the rules the plugin has something to say about
};

}  // namespace fincheck
