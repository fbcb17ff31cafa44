// Test harness for rule authors: load an annotated report fixture, run one rule, compare
// its findings with the expectations written inside the fixture.
//
// A fixture is a report XML whose comments state the findings it must produce, next to the
// cells they concern (clang-tidy's CHECK-MESSAGES style):
//   <!-- expect: arith-row-total @ 01/本年支出合计/决算数 -->
//   <!-- expect: years-title @ att-2-2 -->
//   <!-- expect: narrative-amount-mismatch @ §一、收入支出决算总体情况说明 -->
// The location after @ is "table/row/column" with trailing parts optional, "§HEADING" (a
// prose finding in the section of that heading; "§A / B" for the last parts of a longer
// section path), or "block:N", or "line:N"; without "@ LOCATION" the finding may be anywhere. A quoted piece of text at the
// end checks the message too: the finding's zh-CN or English message must contain it,
//   <!-- expect: arith-row-total @ 01/本年支出合计/决算数 "合计不等于" --> Every finding must match one
// expectation and every expectation one finding; anything not annotated must not fire.
//
// An annotation is never ignored: an `expect:` the harness cannot read (no rule id, a rule id
// that is not kebab case, an empty location, "block:x") or one naming a rule that is neither
// the rule under test nor one of `other_rule_ids` (a misspelt id) is a mismatch that names
// the fixture file and line, so a typo cannot turn a test into one that always passes.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"
#include "fincheck/rule.hpp"

namespace fincheck::testing {

struct Expectation {
    std::string rule_id;
    std::string location;  // as written after @
    std::string message;   // the quoted piece the message must contain; empty: not checked
    std::uint32_t line = 0;  // line of the comment in the fixture
};

struct FixtureRun {
    std::vector<Finding> findings;
    std::vector<Expectation> expectations;
    // Human-readable mismatches; empty when findings and expectations agree.
    std::vector<std::string> mismatches;
    // For each expectation, the index in `findings` of the finding it matched, or npos.
    std::vector<std::size_t> matched_finding;
    bool ok() const { return mismatches.empty(); }
};

// Runs `rule` (with `options` overriding its defaults) over the fixture and compares.
// Only expectations naming this rule's id are compared with its findings. A fixture shared by
// several rules of a plugin passes their ids as `other_rule_ids`; expectations naming them are
// accepted and left to their own runs, any other rule id is a mismatch.
FixtureRun run_fixture(const Rule& rule, const std::filesystem::path& fixture,
                       const std::map<std::string, std::string>& options = {},
                       const std::vector<std::string>& other_rule_ids = {});

// Runs a rule over an in-memory report and returns its findings (no comparison).
std::vector<Finding> run_rule(const Rule& rule, const Report& report,
                              const std::map<std::string, std::string>& options = {});

// Renders a finding's location in the same "table/row/column" / "block:N" form.
std::string location_key(const Finding& finding);

// The finding's message rendered from the rule's zh-CN (or English) template.
std::string rendered_message(const RuleMeta& meta, const Finding& finding, bool english = false);

// The rule `id` out of the rules a plugin's generated list made (fincheck_add_rules()), for a
// test that runs one rule; throws std::out_of_range naming the id when no rule has it.
std::unique_ptr<Rule> take_rule(std::vector<std::unique_ptr<Rule>> rules, std::string_view id);

}  // namespace fincheck::testing
