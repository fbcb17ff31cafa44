#include "fincheck/batch/record.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

#include <pugixml.hpp>

#include "fincheck/engine/xml_out.hpp"
#include "xml_text.hpp"

namespace fincheck::batch {
namespace {

std::size_t number(const pugi::xml_node& node, const char* name) {
    return static_cast<std::size_t>(node.attribute(name).as_ullong(0));
}

void write_counts(engine::XmlOut& xml, const Counts& counts) {
    xml.attribute("error", counts.error);
    xml.attribute("warning", counts.warning);
    xml.attribute("info", counts.info);
    xml.attribute("total", counts.total());
}

Counts read_counts(const pugi::xml_node& node) {
    Counts counts;
    counts.error = number(node, "error");
    counts.warning = number(node, "warning");
    counts.info = number(node, "info");
    return counts;
}

std::string location_key(const pugi::xml_node& location) {
    if (const char* block = location.attribute("block").as_string(nullptr)) return std::string("block:") + block;
    std::string key = location.attribute("table").as_string();
    if (!key.empty()) {
        for (const char* part : {"row", "column"}) {
            const char* value = location.attribute(part).as_string(nullptr);
            if (!value) break;
            key += '/';
            key += value;
        }
        return key;
    }
    if (const char* line = location.attribute("line").as_string(nullptr)) return std::string("line:") + line;
    return {};
}

void write_key(engine::XmlOut& xml, std::string_view element, const FindingKey& key) {
    xml.open(element);
    xml.attribute("rule", key.rule);
    xml.attribute("severity", to_string(key.severity));
    xml.attribute("location", xml_readable(key.location));
    xml.attribute_if("expected", xml_readable(key.expected));
    xml.attribute_if("actual", xml_readable(key.actual));
    xml.attribute_if("fingerprint", key.fingerprint);
    xml.close();
}

FindingKey read_key(const pugi::xml_node& node) {
    FindingKey key;
    key.rule = node.attribute("rule").as_string();
    key.location = node.attribute("location").as_string();
    key.expected = node.attribute("expected").as_string();
    key.actual = node.attribute("actual").as_string();
    key.severity = severity_from_string(node.attribute("severity").as_string()).value_or(Severity::error);
    key.fingerprint = node.attribute("fingerprint").as_string();
    return key;
}

}  // namespace

void Counts::add(Severity severity, std::size_t n) {
    switch (severity) {
        case Severity::error: error += n; break;
        case Severity::warning: warning += n; break;
        case Severity::info: info += n; break;
    }
}

Counts& Counts::operator+=(const Counts& other) {
    error += other.error;
    warning += other.warning;
    info += other.info;
    return *this;
}

std::optional<AuditOutcome> read_audit_outcome(std::string_view audit_xml) {
    pugi::xml_document doc;
    if (!doc.load_buffer(audit_xml.data(), audit_xml.size(), pugi::parse_default)) return std::nullopt;
    pugi::xml_node root = doc.child("audit-report");
    if (!root) return std::nullopt;
    AuditOutcome outcome;
    for (pugi::xml_node finding : root.child("findings").children("finding")) {
        FindingKey key;
        key.rule = finding.attribute("rule").as_string();
        key.severity = severity_from_string(finding.attribute("severity").as_string()).value_or(Severity::error);
        key.location = location_key(finding.child("location"));
        key.expected = finding.child("expected").text().as_string();
        key.actual = finding.child("actual").text().as_string();
        key.fingerprint = finding.attribute("fingerprint").as_string();
        outcome.counts.add(key.severity);
        outcome.by_rule[key.rule].add(key.severity);
        outcome.findings.push_back(std::move(key));
    }
    std::sort(outcome.findings.begin(), outcome.findings.end());
    return outcome;
}

BaselineDiff diff_findings(const std::vector<FindingKey>& baseline, const std::vector<FindingKey>& current) {
    auto fingerprinted = [](const std::vector<FindingKey>& keys) {
        return std::all_of(keys.begin(), keys.end(), [](const FindingKey& k) { return !k.fingerprint.empty(); });
    };
    const bool by_fingerprint = fingerprinted(baseline) && fingerprinted(current);
    auto less = [by_fingerprint](const FindingKey* a, const FindingKey* b) {
        return by_fingerprint ? std::tie(a->fingerprint, *a) < std::tie(b->fingerprint, *b) : *a < *b;
    };
    auto sorted = [&](const std::vector<FindingKey>& keys) {
        std::vector<const FindingKey*> out;
        out.reserve(keys.size());
        for (const FindingKey& k : keys) out.push_back(&k);
        std::sort(out.begin(), out.end(), less);
        return out;
    };
    auto same = [by_fingerprint](const FindingKey* a, const FindingKey* b) {
        return by_fingerprint ? a->fingerprint == b->fingerprint : *a == *b;
    };
    const std::vector<const FindingKey*> old_keys = sorted(baseline);
    const std::vector<const FindingKey*> new_keys = sorted(current);
    // A multiset difference, so two identical findings count twice.
    BaselineDiff diff;
    diff.compared = true;
    auto b = old_keys.begin();
    auto c = new_keys.begin();
    while (b != old_keys.end() || c != new_keys.end()) {
        if (b != old_keys.end() && c != new_keys.end() && same(*b, *c)) {
            ++diff.remaining;
            ++b;
            ++c;
        } else if (c == new_keys.end() || (b != old_keys.end() && less(*b, *c))) {
            diff.gone.push_back(**b++);
        } else {
            diff.added.push_back(**c++);
        }
    }
    std::sort(diff.added.begin(), diff.added.end());
    std::sort(diff.gone.begin(), diff.gone.end());
    return diff;
}

std::string_view to_string(Status status) {
    switch (status) {
        case Status::audited: return "audited";
        case Status::failed: return "failed";
        case Status::skipped: return "skipped";
    }
    return "failed";
}

std::optional<Status> status_from_string(std::string_view text) {
    for (Status status : {Status::audited, Status::failed, Status::skipped})
        if (text == to_string(status)) return status;
    return std::nullopt;
}

void append_record_xml(std::string& out, const ReportRecord& record, std::string_view config_hash, int depth) {
    engine::XmlOut xml(out, depth);
    xml.open("report");
    // A key that is not XML text (a file name in another encoding, a control character) is
    // written percent-escaped and marked so, which merge and --isolate read back exactly.
    if (is_xml_text(record.key)) {
        xml.attribute("input", record.key);
    } else {
        xml.attribute("input", percent_escaped(record.key));
        xml.attribute("input-encoding", "percent");
    }
    xml.attribute("status", to_string(record.status));
    xml.attribute_if("output", record.output);
    xml.attribute_if("sha256", record.sha256);
    xml.attribute_if("config-hash", config_hash);
    xml.attribute_if("audit-sha256", record.audit_sha256);
    if (record.failure) {
        const Failure& f = *record.failure;
        xml.open("error");
        xml.attribute("kind", f.kind);
        xml.attribute("file", xml_readable(f.file));
        xml.attribute("line", f.line);
        xml.attribute("column", f.column);
        xml.text(xml_readable(f.message));
    }
    if (record.status == Status::audited) {
        xml.open("counts");
        write_counts(xml, record.counts);
        xml.attribute("defects", record.defects);
        xml.close();
        for (const auto& [rule, counts] : record.by_rule) {
            xml.open("rule");
            xml.attribute("id", rule);
            write_counts(xml, counts);
            xml.close();
        }
    }
    if (record.baseline) {
        const BaselineDiff& d = *record.baseline;
        xml.open("baseline");
        xml.attribute("compared", d.compared ? "true" : "false");
        xml.attribute_if("audit", xml_readable(d.audit));
        xml.attribute_if("matched-by", d.matched_by);
        xml.attribute("new", d.added.size());
        xml.attribute("gone", d.gone.size());
        xml.attribute("remaining", d.remaining);
        for (const FindingKey& k : d.added) write_key(xml, "new", k);
        for (const FindingKey& k : d.gone) write_key(xml, "gone", k);
        xml.close();
    }
    xml.close();
}

std::string record_to_xml(const ReportRecord& record, std::string_view config_hash) {
    std::string out;
    append_record_xml(out, record, config_hash, 0);
    return out;
}

std::optional<ReportRecord> record_from_node(const pugi::xml_node& node, std::string* config_hash) {
    if (std::string_view(node.name()) != "report") return std::nullopt;
    ReportRecord record;
    record.key = node.attribute("input").as_string();
    if (std::string_view(node.attribute("input-encoding").as_string()) == "percent") record.key = percent_unescaped(record.key);
    record.output = node.attribute("output").as_string();
    record.sha256 = node.attribute("sha256").as_string();
    record.audit_sha256 = node.attribute("audit-sha256").as_string();
    const std::optional<Status> status = status_from_string(node.attribute("status").as_string());
    if (!status) return std::nullopt;
    record.status = *status;
    if (config_hash) *config_hash = node.attribute("config-hash").as_string();
    if (pugi::xml_node e = node.child("error")) {
        Failure f;
        f.kind = e.attribute("kind").as_string();
        f.file = e.attribute("file").as_string();
        f.line = e.attribute("line").as_uint();
        f.column = e.attribute("column").as_uint();
        f.message = e.text().as_string();
        record.failure = std::move(f);
    }
    record.counts = read_counts(node.child("counts"));
    record.defects = number(node.child("counts"), "defects");
    for (pugi::xml_node r : node.children("rule")) record.by_rule[r.attribute("id").as_string()] = read_counts(r);
    if (pugi::xml_node b = node.child("baseline")) {
        BaselineDiff d;
        d.compared = b.attribute("compared").as_bool();
        d.audit = b.attribute("audit").as_string();
        d.matched_by = b.attribute("matched-by").as_string();
        d.remaining = number(b, "remaining");
        for (pugi::xml_node k : b.children("new")) d.added.push_back(read_key(k));
        for (pugi::xml_node k : b.children("gone")) d.gone.push_back(read_key(k));
        record.baseline = std::move(d);
    }
    return record;
}

std::optional<ReportRecord> record_from_xml(std::string_view xml, std::string* config_hash) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) return std::nullopt;
    return record_from_node(doc.first_child(), config_hash);
}

}  // namespace fincheck::batch
