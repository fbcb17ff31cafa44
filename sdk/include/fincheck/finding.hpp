// What a rule reports: one failed assertion with its place, its numbers and its evidence
// (the shape of a Schematron SVRL failed-assert).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/report.hpp"

namespace fincheck {

enum class Severity : std::uint8_t { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity);
std::optional<Severity> severity_from_string(std::string_view text);

// Where a finding points. A table location fills table/row/column; a prose location fills
// section/block and the character span (in Unicode code points, within the block text).
// Both carry the source line so an auditor can open the original at the right place.
struct Location {
    std::string table;    // table id: 01, att-2-1
    std::string row;      // row key
    std::string column;   // column key
    std::string section;  // section path: 第三部分 … / 五、…
    int block = -1;       // index into Report::blocks
    std::uint32_t span_begin = 0;
    std::uint32_t span_end = 0;
    SourceLine line = 0;

    static Location at_cell(const Table& table, const Row& row, std::string_view column);
    static Location at_row(const Table& table, const Row& row);
    static Location at_table(const Table& table);
    static Location at_block(const Report& report, int block, std::uint32_t span_begin = 0,
                             std::uint32_t span_end = 0);
    static Location at_line(SourceLine line);
};

// A cell or phrase that entered the computation.
struct Evidence {
    std::string role;   // "total", "part", "claim", "base" …
    Location location;
    std::string raw;    // as printed
    std::optional<Decimal> value;
};

using MessageArgs = std::vector<std::pair<std::string, std::string>>;

struct Finding {
    std::string rule_id;
    std::optional<Severity> severity;  // unset: the rule's (possibly overridden) default
    std::string message_id;            // key into RuleMeta::messages
    MessageArgs args;                  // values for the {placeholders} of that message
    Location location;
    std::string expected;              // what the relation requires, as text
    std::string actual;                // what the report prints
    std::optional<Decimal> difference;
    std::optional<Decimal> tolerance;
    std::vector<Evidence> evidence;
};

// Fluent construction so that a rule states a finding in one expression:
//   sink.add(FindingBuilder(meta(), "sum-mismatch").at(loc).expected(sum).actual(total)
//               .arg("table", t.title).evidence("part", cellLoc, cell).build());
class FindingBuilder {
public:
    FindingBuilder(std::string_view rule_id, std::string_view message_id);

    FindingBuilder& at(Location location);
    FindingBuilder& severity(Severity severity);
    FindingBuilder& arg(std::string_view name, std::string_view value);
    FindingBuilder& arg(std::string_view name, Decimal value, int min_decimals = 2);
    FindingBuilder& expected(std::string_view text);
    FindingBuilder& expected(Decimal value, int min_decimals = 2);
    FindingBuilder& actual(std::string_view text);
    FindingBuilder& actual(Decimal value, int min_decimals = 2);
    FindingBuilder& difference(Decimal value);
    FindingBuilder& tolerance(Decimal value);
    FindingBuilder& evidence(std::string_view role, Location location, std::string_view raw,
                             std::optional<Decimal> value = std::nullopt);
    FindingBuilder& evidence_cell(std::string_view role, const Table& table, const Row& row,
                                  std::size_t column);
    Finding build() &&;
    Finding build() &;

private:
    Finding finding_;
};

// Replaces each {name} in `message_template` with the value of `name` in args. Unknown
// placeholders stay as written so a typo shows in the output instead of vanishing.
std::string render_message(std::string_view message_template, const MessageArgs& args);

}  // namespace fincheck
