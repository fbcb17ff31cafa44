#include "fincheck/engine/audit.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <tuple>

#include "fincheck/engine/fingerprint.hpp"
#include "fincheck/engine/host_rules.hpp"
#include "fincheck/text/report_text.hpp"

namespace fincheck::engine {

const char* tool_version() { return FINCHECK_TOOL_VERSION; }

std::size_t SeverityCounts::at_or_above(Severity threshold) const {
    switch (threshold) {
        case Severity::info: return total();
        case Severity::warning: return error + warning;
        case Severity::error: break;
    }
    return error;
}

void SeverityCounts::add(Severity severity) {
    switch (severity) {
        case Severity::error: ++error; break;
        case Severity::warning: ++warning; break;
        case Severity::info: ++info; break;
    }
}

namespace {

// Prefixes a rule's log lines with its id, so a shared log stays readable. The prefixed
// line is built only when a rule logs: most never do, and this runs per rule per report.
class RuleLog final : public Log {
public:
    RuleLog(const Log& target, std::string_view rule_id) : target_(target), rule_id_(rule_id) {}
    void write(LogLevel level, std::string_view message) const override {
        std::string line;
        line.reserve(rule_id_.size() + 3 + message.size());
        line += '[';
        line += rule_id_;
        line += "] ";
        line += message;
        target_.write(level, line);
    }

private:
    const Log& target_;
    std::string_view rule_id_;
};

class PlannedContext final : public RuleContext {
public:
    PlannedContext(const RulePlan& plan, const Tolerance& tolerance, const Log& log)
        : plan_(plan), tolerance_(tolerance), log_(log) {}
    std::optional<std::string_view> option(std::string_view name) const override {
        auto it = plan_.options.find(name);
        if (it == plan_.options.end()) return std::nullopt;
        return std::string_view(it->second);
    }
    const Tolerance& tolerance() const override { return tolerance_; }
    const Log& log() const override { return log_; }

private:
    const RulePlan& plan_;
    const Tolerance& tolerance_;
    const Log& log_;
};

class CollectingSink final : public FindingSink {
public:
    void add(Finding finding) override { findings.push_back(std::move(finding)); }
    std::vector<Finding> findings;
};

std::string describe_current_exception() {
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "非标准异常 / non-standard exception";
    }
}

std::string render_fallback(const Finding& finding) {
    // A message id the rule does not declare: show the id and arguments rather than nothing.
    std::string text = finding.message_id;
    for (const auto& [name, value] : finding.args) text += " " + name + "=" + value;
    return text;
}

class FindingAccepter {
public:
    FindingAccepter(const AuditPlan& plan, std::vector<AuditedFinding>& out) : plan_(plan), out_(out) {}

    // `source` is the rule that produced the finding (null for importer diagnostics).
    void accept(Finding finding, const RulePlan* source) {
        if (finding.rule_id.empty() && source) finding.rule_id = source->entry->meta->id;
        // Nearly every finding names the rule that produced it: skip the search of the plan
        // (one string comparison per planned rule) for those.
        const RulePlan* owner = source && finding.rule_id == source->entry->meta->id ? source : plan_.find(finding.rule_id);
        if (owner == nullptr) owner = source;
        AuditedFinding audited;
        const MessageSpec* spec = nullptr;
        if (owner == nullptr) {
            // An importer diagnostic whose id the importer forgot to declare: kept, never
            // silently dropped, at its own severity.
            audited.severity = finding.severity.value_or(Severity::error);
            audited.plugin = std::string(kImportPluginName);
        } else {
            if (!owner->enabled) return;
            audited.severity = owner->severity_overridden ? owner->severity
                                                          : finding.severity.value_or(owner->severity);
            audited.plugin = owner->entry->plugin;
            spec = owner->entry->meta->message(finding.message_id);
        }
        if (spec) {
            audited.message_zh = render_message(spec->zh, finding.args);
            audited.message_en = render_message(spec->en, finding.args);
        } else {
            audited.message_zh = audited.message_en = render_fallback(finding);
        }
        audited.finding = std::move(finding);
        out_.push_back(std::move(audited));
    }

private:
    const AuditPlan& plan_;
    std::vector<AuditedFinding>& out_;
};

Finding internal_error_finding(const RulePlan& failed, const std::string& what) {
    return FindingBuilder(kInternalRuleError, "threw")
        .arg("plugin", failed.entry->plugin)
        .arg("rule", failed.entry->meta->id)
        .arg("what", what)
        .build();
}

void fill_header(AuditResult& result, const AuditPlan& plan, const PluginSet& plugins, const Report& report,
                 const AuditInput& input) {
    result.tool_version = tool_version();
    result.input = input;
    // The file name only: a directory would make the output depend on where it was run.
    result.source_file = std::filesystem::path(std::string(report.meta.source_file)).filename().string();
    result.source_sha256 = std::string(report.meta.source_sha256);
    result.fiscal_year = report.meta.fiscal_year;
    result.department = std::string(report.meta.department);
    result.title = std::string(report.meta.title);
    result.region = std::string(report.meta.region);
    result.level = std::string(to_string(report.meta.level));
    result.template_name = std::string(report.meta.template_name);
    result.plugins.reserve(plugins.plugins().size());
    for (const LoadedPlugin& plugin : plugins.plugins())
        result.plugins.push_back({plugin.name, plugin.version, plugin.file, plugin.sdk_version,
                                  std::to_string(plugin.abi_major) + "." + std::to_string(plugin.abi_minor)});
    result.plugin_issues = plugins.issues();
    EffectiveConfiguration effective = effective_configuration(plan, plugins, report);
    result.plugin_notes = std::move(effective.notes);
    result.rules = std::move(effective.rules);
    result.tolerance = plan.tolerance;
    result.half_unit_source = plan.half_unit_source;
    result.extra_source = plan.extra_source;
    result.selection = plan.selection;
    result.config_file = plan.config_file;
}

}  // namespace

void sort_findings(std::vector<AuditedFinding>& findings) {
    auto key = [](const AuditedFinding& f) {
        const Location& l = f.finding.location;
        return std::tie(l.line, l.table, l.row, l.column, f.finding.rule_id, f.message_zh, f.message_en,
                        f.finding.expected, f.finding.actual);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const AuditedFinding& a, const AuditedFinding& b) { return key(a) < key(b); });
}

AuditResult describe_audit(const AuditPlan& plan, const PluginSet& plugins, const Report& report,
                           const AuditInput& input) {
    AuditResult result;
    fill_header(result, plan, plugins, report, input);
    return result;
}

AuditResult run_audit(const AuditPlan& plan, const PluginSet& plugins, const Report& report,
                      std::vector<Finding> diagnostics, const AuditInput& input, const Log& log) {
    AuditResult result;
    fill_header(result, plan, plugins, report, input);
    // -vv names the pack a report got, and why.
    for (const PluginNote& note : result.plugin_notes) log.write(LogLevel::debug, note.plugin + ": " + note.en);
    FindingAccepter accepter(plan, result.findings);
    // The text layer is built here, once, for every plugin's rules (report.text()).
    static_cast<void>(report.text());
    for (const RulePlan& rule : plan.rules) {
        if (!rule.enabled || rule.entry->rule == nullptr) continue;
        RuleLog rule_log(log, rule.entry->meta->id);
        PlannedContext context(rule, plan.tolerance, rule_log);
        CollectingSink sink;
        std::optional<std::string> failure;
        try {
            rule.entry->rule->check(report, context, sink);
        } catch (...) {
            failure = describe_current_exception();
        }
        // Findings reported before a throw are real findings; keep them.
        for (Finding& finding : sink.findings) accepter.accept(std::move(finding), &rule);
        if (failure) {
            log.write(LogLevel::error, "rule " + rule.entry->meta->id + " threw: " + *failure);
            accepter.accept(internal_error_finding(rule, *failure), nullptr);
        }
    }
    for (Finding& diagnostic : diagnostics) accepter.accept(std::move(diagnostic), nullptr);
    sort_findings(result.findings);
    for (AuditedFinding& f : result.findings) f.fingerprint = finding_fingerprint(f.finding, report);
    {
        std::vector<const Finding*> raw;
        std::vector<RelationCells> cells;
        raw.reserve(result.findings.size());
        cells.reserve(result.findings.size());
        for (const AuditedFinding& f : result.findings) {
            const RulePlan* rule = plan.find(f.finding.rule_id);
            const std::string_view category = rule != nullptr ? std::string_view(rule->entry->meta->category) : "";
            cells.push_back(relation_cells(f.finding, category));
            raw.push_back(&f.finding);
        }
        result.defects = group_by_root_cause(raw, cells);
        for (std::size_t d = 0; d < result.defects.size(); ++d)
            for (std::size_t i : result.defects[d].findings) result.findings[i].defect = d;
    }
    for (const AuditedFinding& f : result.findings) result.counts.add(f.severity);
    return result;
}

}  // namespace fincheck::engine
