// The rule test harness (testing.hpp): run one rule over an annotated fixture and compare
// its findings with the `<!-- expect: RULE @ LOCATION -->` comments written in the fixture.
#include "fincheck/testing.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "fincheck/report_xml.hpp"
#include "fincheck/text/compact.hpp"

namespace fincheck::testing {
namespace {

using text::trim_ascii;

// Warnings and errors a rule logs go to stderr so a failing test shows them; chatter is dropped.
class StderrLog final : public Log {
public:
    void write(LogLevel level, std::string_view message) const override {
        if (level < LogLevel::warn) return;
        std::cerr << (level == LogLevel::error ? "[rule error] " : "[rule warning] ") << message << '\n';
    }
};

class TestContext final : public RuleContext {
public:
    TestContext(const RuleMeta& meta, const std::map<std::string, std::string>& options)
        : meta_(meta), options_(options) {
        for (const auto& [name, value] : options_)
            if (!meta_.option(name))
                throw std::invalid_argument("rule " + meta_.id + " declares no option \"" + name + "\"");
    }
    std::optional<std::string_view> option(std::string_view name) const override {
        if (auto it = options_.find(std::string(name)); it != options_.end()) return it->second;
        if (const OptionSpec* spec = meta_.option(name)) return spec->default_value;
        return std::nullopt;
    }
    const Tolerance& tolerance() const override { return tolerance_; }
    const Log& log() const override { return log_; }

private:
    const RuleMeta& meta_;
    const std::map<std::string, std::string>& options_;
    Tolerance tolerance_;
    StderrLog log_;
};

class CollectingSink final : public FindingSink {
public:
    void add(Finding finding) override { findings.push_back(std::move(finding)); }
    std::vector<Finding> findings;
};

// Splits a location into its parts. Row and column keys may themselves hold '/', which is
// harmless: matching compares the parts of the expectation with the leading parts of the key.
std::vector<std::string_view> parts_of(std::string_view location) {
    std::vector<std::string_view> parts;
    if (location.empty()) return parts;
    while (true) {
        std::size_t slash = location.find('/');
        parts.push_back(location.substr(0, slash));
        if (slash == std::string_view::npos) break;
        location.remove_prefix(slash + 1);
    }
    return parts;
}

// "§HEADING" (or "§A / B", the last parts of a section path) names a prose finding by the
// section it is in: the finding's section path ends with it, part for part.
constexpr std::string_view kSectionMark = "§";

bool in_section(std::string_view wanted, std::string_view section) {
    if (wanted.empty() || !section.ends_with(wanted)) return false;
    return section.size() == wanted.size() || section.substr(0, section.size() - wanted.size()).ends_with(" / ");
}

bool matches(const Expectation& expectation, const Finding& finding, const RuleMeta& meta) {
    if (expectation.rule_id != finding.rule_id) return false;
    if (!expectation.message.empty() &&
        rendered_message(meta, finding).find(expectation.message) == std::string::npos &&
        rendered_message(meta, finding, true).find(expectation.message) == std::string::npos)
        return false;
    if (expectation.location.starts_with(kSectionMark))
        return in_section(trim_ascii(std::string_view(expectation.location).substr(kSectionMark.size())), finding.location.section);
    std::vector<std::string_view> wanted = parts_of(expectation.location);
    std::string key = location_key(finding);
    std::vector<std::string_view> actual = parts_of(key);
    if (wanted.size() > actual.size()) return false;
    return std::equal(wanted.begin(), wanted.end(), actual.begin());
}

std::uint32_t line_at(std::string_view text, std::size_t offset) {
    return static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Why an "expect:" spec cannot be read, or nullopt when it can.
std::optional<std::string> spec_problem(const Expectation& e, bool has_at) {
    if (e.rule_id.empty()) return "no rule id before '@'";
    if (!is_rule_id(e.rule_id)) return "rule id \"" + e.rule_id + "\" is not lower-case kebab case";
    if (has_at && e.location.empty()) return "nothing after '@'; leave out \"@\" to match anywhere";
    if (e.location.find('@') != std::string::npos) return "more than one '@'";
    if (e.location.starts_with(kSectionMark) && trim_ascii(std::string_view(e.location).substr(kSectionMark.size())).empty())
        return "no section heading after '§'";
    for (std::string_view prefix : {"block:", "line:"}) {
        if (e.location.rfind(prefix, 0) != 0) continue;
        std::string_view number = std::string_view(e.location).substr(prefix.size());
        if (number.empty() || number.find_first_not_of("0123456789") != std::string_view::npos)
            return "\"" + e.location + "\" is not " + std::string(prefix) + "N with N a number";
    }
    return std::nullopt;
}

struct ParsedExpectations {
    std::vector<Expectation> expectations;
    std::vector<std::string> problems;  // "FILE:LINE: …", one per unreadable annotation
};

// Reads every "expect: RULE @ LOCATION" inside XML comments; a comment may hold several,
// one per line. A comment line that starts with "expect" but is not "expect:" (a missing
// colon, "expects:") is a problem too: it reads as an annotation to a person.
ParsedExpectations parse_expectations(std::string_view text, const std::string& file) {
    ParsedExpectations out;
    auto problem = [&](std::uint32_t line, const std::string& what) {
        out.problems.push_back(file + ":" + std::to_string(line) + ": unreadable expect comment: " + what);
    };
    std::size_t pos = 0;
    while ((pos = text.find("<!--", pos)) != std::string_view::npos) {
        std::size_t end = text.find("-->", pos + 4);
        if (end == std::string_view::npos) end = text.size();
        std::string_view comment = text.substr(pos + 4, end - pos - 4);
        std::size_t line_start = 0;
        while (line_start <= comment.size()) {
            std::size_t line_end = comment.find('\n', line_start);
            if (line_end == std::string_view::npos) line_end = comment.size();
            std::string_view line = comment.substr(line_start, line_end - line_start);
            const std::uint32_t line_no = line_at(text, pos + 4 + line_start);
            std::size_t at = line.find("expect:");
            if (at == std::string_view::npos) {
                std::string_view start = trim_ascii(line);
                if (start.rfind("expect", 0) == 0 && start.substr(6).find('@') != std::string_view::npos)
                    problem(line_no, "\"" + std::string(start) + "\" lacks the colon of \"expect:\"");
            }
            while (at != std::string_view::npos) {
                std::size_t next = line.find("expect:", at + 7);
                std::string_view spec = line.substr(at + 7, next == std::string_view::npos ? std::string_view::npos
                                                                                           : next - at - 7);
                Expectation e;
                // "piece of the message": from the first quote to the last, so the piece
                // itself may quote.
                std::string unquoted;
                const std::size_t open = spec.find('"');
                const std::size_t close = spec.rfind('"');
                if (open != std::string_view::npos) {
                    if (close == open) {
                        problem(line_no, "\"expect:" + std::string(spec) + "\": a quote opens the message piece but none closes it");
                        at = next;
                        continue;
                    }
                    e.message = std::string(spec.substr(open + 1, close - open - 1));
                    if (e.message.empty()) {
                        problem(line_no, "\"expect:" + std::string(spec) + "\": the quoted message piece is empty");
                        at = next;
                        continue;
                    }
                    unquoted = std::string(spec.substr(0, open)) + std::string(spec.substr(close + 1));
                    spec = unquoted;
                }
                std::size_t sep = spec.find('@');
                e.rule_id = trim_ascii(spec.substr(0, sep));
                if (sep != std::string_view::npos) e.location = trim_ascii(spec.substr(sep + 1));
                e.line = line_no;
                if (auto why = spec_problem(e, sep != std::string_view::npos))
                    problem(line_no, "\"expect:" + std::string(spec) + "\": " + *why);
                else
                    out.expectations.push_back(std::move(e));
                at = next;
            }
            line_start = line_end + 1;
        }
        pos = end;
    }
    return out;
}

std::string describe(const Finding& finding, const RuleMeta& meta) {
    std::string key = location_key(finding);
    std::string out = finding.rule_id + " @ " + (key.empty() ? "(no location)" : key);
    if (!finding.location.section.empty()) out += " (§" + finding.location.section + ")";
    if (finding.location.line != 0) out += " (source line " + std::to_string(finding.location.line) + ")";
    out += ": " + rendered_message(meta, finding);
    return out;
}

}  // namespace

std::string rendered_message(const RuleMeta& meta, const Finding& finding, bool english) {
    const MessageSpec* spec = meta.message(finding.message_id);
    if (!spec) return "(undeclared message id \"" + finding.message_id + "\")";
    return render_message(english ? spec->en : spec->zh, finding.args);
}

std::string location_key(const Finding& finding) {
    const Location& loc = finding.location;
    if (!loc.table.empty()) {
        std::string key = loc.table;
        if (!loc.row.empty()) {
            key += '/';
            key += loc.row;
            if (!loc.column.empty()) {
                key += '/';
                key += loc.column;
            }
        }
        return key;
    }
    if (loc.block >= 0) return "block:" + std::to_string(loc.block);
    if (loc.line != 0) return "line:" + std::to_string(loc.line);
    return {};
}

std::vector<Finding> run_rule(const Rule& rule, const Report& report,
                              const std::map<std::string, std::string>& options) {
    TestContext context(rule.meta(), options);
    CollectingSink sink;
    rule.check(report, context, sink);
    return std::move(sink.findings);
}

FixtureRun run_fixture(const Rule& rule, const std::filesystem::path& fixture,
                       const std::map<std::string, std::string>& options,
                       const std::vector<std::string>& other_rule_ids) {
    FixtureRun run;
    const RuleMeta& meta = rule.meta();

    std::ifstream in(fixture, std::ios::binary);
    if (!in) {
        run.mismatches.push_back("cannot open fixture " + fixture.string());
        return run;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string text = std::move(bytes).str();

    ParsedExpectations parsed = parse_expectations(text, fixture.string());
    run.mismatches = std::move(parsed.problems);
    for (Expectation& e : parsed.expectations) {
        if (e.rule_id == meta.id)
            run.expectations.push_back(std::move(e));
        else if (std::find(other_rule_ids.begin(), other_rule_ids.end(), e.rule_id) == other_rule_ids.end())
            run.mismatches.push_back(fixture.string() + ":" + std::to_string(e.line) + ": expect comment names rule \"" +
                                     e.rule_id + "\", which is not " + meta.id +
                                     (other_rule_ids.empty() ? std::string() : " nor another rule of the plugin") +
                                     " (misspelt rule id?)");
    }

    LoadResult loaded = load_report_xml_buffer(text, fixture.string());
    if (!loaded) {
        run.mismatches.push_back("fixture does not load: " + loaded.error->to_string());
        return run;
    }
    run.findings = run_rule(rule, *loaded.report, options);

    for (const Finding& f : run.findings)
        if (!meta.message(f.message_id))
            run.mismatches.push_back("finding uses a message id the rule does not declare: " +
                                     describe(f, meta));

    // Most specific expectations first, so that "01" does not take the finding that
    // "01/合计/决算数" needs.
    std::vector<std::size_t> order(run.expectations.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return parts_of(run.expectations[a].location).size() > parts_of(run.expectations[b].location).size();
    });
    std::vector<bool> used(run.findings.size(), false);
    run.matched_finding.assign(run.expectations.size(), std::string::npos);
    for (std::size_t e : order) {
        for (std::size_t f = 0; f < run.findings.size(); ++f) {
            if (used[f] || !matches(run.expectations[e], run.findings[f], meta)) continue;
            used[f] = true;
            run.matched_finding[e] = f;
            break;
        }
    }
    for (std::size_t f = 0; f < run.findings.size(); ++f)
        if (!used[f]) run.mismatches.push_back("unexpected finding " + describe(run.findings[f], meta));
    for (std::size_t e = 0; e < run.expectations.size(); ++e) {
        if (run.matched_finding[e] != std::string::npos) continue;
        const Expectation& x = run.expectations[e];
        run.mismatches.push_back("missing finding " + x.rule_id + " @ " +
                                 (x.location.empty() ? "(anywhere)" : x.location) +
                                 (x.message.empty() ? std::string() : " saying \"" + x.message + "\"") +
                                 " expected at fixture line " + std::to_string(x.line));
    }
    return run;
}

std::unique_ptr<Rule> take_rule(std::vector<std::unique_ptr<Rule>> rules, std::string_view id) {
    for (auto& rule : rules)
        if (rule && rule->meta().id == id) return std::move(rule);
    throw std::out_of_range("no rule " + std::string(id) + " among the rules made");
}

}  // namespace fincheck::testing
