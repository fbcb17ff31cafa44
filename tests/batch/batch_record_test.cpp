// Records (summary <report> elements, --isolate messages) are written
// directly rather than through a pugixml tree; the tree-based writer they replaced is kept
// here as the reference. The input list is held compactly; these tests pin what it gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <pugixml.hpp>

#include "batch_test_support.hpp"
#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/record.hpp"
#include "fincheck/batch/summary.hpp"

namespace {

namespace fs = std::filesystem;
using namespace fincheck::batch;

void reference_counts(pugi::xml_node node, const Counts& counts) {
    node.append_attribute("error") = static_cast<unsigned long long>(counts.error);
    node.append_attribute("warning") = static_cast<unsigned long long>(counts.warning);
    node.append_attribute("info") = static_cast<unsigned long long>(counts.info);
    node.append_attribute("total") = static_cast<unsigned long long>(counts.total());
}

void reference_key(pugi::xml_node node, const FindingKey& key) {
    node.append_attribute("rule") = key.rule.c_str();
    node.append_attribute("severity") = std::string(to_string(key.severity)).c_str();
    node.append_attribute("location") = key.location.c_str();
    if (!key.expected.empty()) node.append_attribute("expected") = key.expected.c_str();
    if (!key.actual.empty()) node.append_attribute("actual") = key.actual.c_str();
    if (!key.fingerprint.empty()) node.append_attribute("fingerprint") = key.fingerprint.c_str();
}

struct StringWriter final : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

std::string reference_record_xml(const ReportRecord& record, std::string_view config_hash) {
    pugi::xml_document doc;
    pugi::xml_node node = doc.append_child("report");
    node.append_attribute("input") = record.key.c_str();
    node.append_attribute("status") = record.status == Status::audited ? "audited" : "failed";
    if (!record.output.empty()) node.append_attribute("output") = record.output.c_str();
    if (!record.sha256.empty()) node.append_attribute("sha256") = record.sha256.c_str();
    if (!config_hash.empty()) node.append_attribute("config-hash") = std::string(config_hash).c_str();
    if (!record.audit_sha256.empty()) node.append_attribute("audit-sha256") = record.audit_sha256.c_str();
    if (record.failure) {
        const Failure& f = *record.failure;
        pugi::xml_node e = node.append_child("error");
        e.append_attribute("kind") = f.kind.c_str();
        e.append_attribute("file") = f.file.c_str();
        e.append_attribute("line") = f.line;
        e.append_attribute("column") = f.column;
        e.text().set(f.message.c_str());
    }
    if (record.status == Status::audited) {
        pugi::xml_node totals = node.append_child("counts");
        reference_counts(totals, record.counts);
        totals.append_attribute("defects") = static_cast<unsigned long long>(record.defects);
        for (const auto& [rule, counts] : record.by_rule) {
            pugi::xml_node r = node.append_child("rule");
            r.append_attribute("id") = rule.c_str();
            reference_counts(r, counts);
        }
    }
    if (record.baseline) {
        const BaselineDiff& d = *record.baseline;
        pugi::xml_node b = node.append_child("baseline");
        b.append_attribute("compared") = d.compared;
        if (!d.audit.empty()) b.append_attribute("audit") = d.audit.c_str();
        if (!d.matched_by.empty()) b.append_attribute("matched-by") = d.matched_by.c_str();
        b.append_attribute("new") = static_cast<unsigned long long>(d.added.size());
        b.append_attribute("gone") = static_cast<unsigned long long>(d.gone.size());
        b.append_attribute("remaining") = static_cast<unsigned long long>(d.remaining);
        for (const FindingKey& k : d.added) reference_key(b.append_child("new"), k);
        for (const FindingKey& k : d.gone) reference_key(b.append_child("gone"), k);
    }
    StringWriter writer;
    doc.save(writer, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    return std::move(writer.out);
}

ReportRecord audited_record() {
    ReportRecord record;
    record.key = "reports/a & \"b\" <c>.xml";
    record.output = "a.xml-0123456789ab.audit.xml";
    record.sha256 = std::string(64, 'f');
    record.audit_sha256 = std::string(64, '0');
    record.counts = {2, 1, 0};
    record.defects = 2;
    record.by_rule["arith-03-columns"] = {2, 0, 0};
    record.by_rule["years-\todd"] = {0, 1, 0};  // a tab: escaped in attributes (XML cannot carry \x01 at all)
    BaselineDiff diff;
    diff.compared = true;
    diff.remaining = 7;
    diff.audit = "old name & \"b\".audit.xml";
    diff.matched_by = "department-year";
    diff.added.push_back({"arith-03-columns", "03/合计/决算数", "1,234.00", "1,235.00", fincheck::Severity::error, std::string(64, 'c')});
    diff.gone.push_back({"years-title", "block:3", "", "", fincheck::Severity::warning});
    record.baseline = diff;
    return record;
}

TEST(BatchRecord, AuditedRecordHasTheBytesOfThePugixmlTree) {
    const ReportRecord record = audited_record();
    EXPECT_EQ(record_to_xml(record, "cafe"), reference_record_xml(record, "cafe"));
    EXPECT_EQ(record_to_xml(record), reference_record_xml(record, {}));
}

TEST(BatchRecord, FailedRecordHasTheBytesOfThePugixmlTree) {
    ReportRecord record;
    record.key = "r/bad.xml";
    record.status = Status::failed;
    record.failure = Failure{"load", "r/bad.xml", 3, 12, "malformed XML: <tag> & \"quote\"\tand a control"};
    EXPECT_EQ(record_to_xml(record), reference_record_xml(record, {}));
    // XML 1.0 takes no C0 control, not even as &#2;: the message shows the byte as text.
    ReportRecord control = record;
    control.failure->message = "a\x02 control";
    ReportRecord shown = record;
    shown.failure->message = "a\\x02 control";
    EXPECT_EQ(record_to_xml(control), reference_record_xml(shown, {}));
    record.failure->message.clear();
    record.baseline = BaselineDiff{};
    EXPECT_EQ(record_to_xml(record), reference_record_xml(record, {}));
}

TEST(BatchRecord, ReadsBackWhatItWrites) {
    std::string config_hash;
    const std::optional<ReportRecord> back = record_from_xml(record_to_xml(audited_record(), "cafe"), &config_hash);
    ASSERT_TRUE(back);
    EXPECT_EQ(config_hash, "cafe");
    EXPECT_EQ(back->key, audited_record().key);
    EXPECT_EQ(back->counts, audited_record().counts);
    EXPECT_EQ(back->defects, 2u);
    EXPECT_EQ(back->by_rule, audited_record().by_rule);
    ASSERT_TRUE(back->baseline);
    EXPECT_EQ(back->baseline->added, audited_record().baseline->added);
    EXPECT_EQ(back->baseline->gone, audited_record().baseline->gone);
    EXPECT_EQ(back->baseline->added.at(0).fingerprint, std::string(64, 'c'));
    EXPECT_EQ(back->baseline->audit, audited_record().baseline->audit);
    EXPECT_EQ(back->baseline->matched_by, "department-year");
}

TEST(BatchRecord, SummaryNestsEachRecordOneLevelDeep) {
    const fs::path dir = batchtest::scratch("record-summary");
    {
        SummaryWriter writer(dir / "summary.xml", {"1.0.0", "hash", "", "", "", 1});
        writer.add(audited_record());
        writer.finish();
    }
    const std::string summary = batchtest::read(dir / "summary.xml");
    std::string nested;
    const std::string record = record_to_xml(audited_record());
    for (std::size_t start = 0; start < record.size();) {
        const std::size_t end = record.find('\n', start) + 1;
        nested += "  " + record.substr(start, end - start);
        start = end;
    }
    EXPECT_NE(summary.find(nested), std::string::npos) << summary;
    EXPECT_NE(summary.find("  <totals reports=\"1\" audited=\"1\" failed=\"0\" skipped=\"0\">"), std::string::npos) << summary;
    EXPECT_NE(summary.find("    <counts error=\"2\" warning=\"1\" info=\"0\" total=\"3\" defects=\"2\" />"), std::string::npos)
        << "the totals add up the reports' defects: " << summary;
}

TEST(BatchInputList, GivesEachInputOnceInKeyOrderWithItsOutputName) {
    const fs::path dir = batchtest::scratch("input-list") / "reports";
    fs::create_directories(dir / "sub");
    for (const char* name : {"b.xml", "a.txt", "sub/a.txt", ".hidden.xml", "x.truth.xml", "notes.md"})
        std::ofstream(dir / name) << "x";
    const InputList list = expand_inputs({dir.string(), (dir / "b.xml").string(), dir.string(), "missing.xml"}).files;
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < list.size(); ++i) keys.push_back(list[i].key);
    const std::string direct = (dir / "b.xml").lexically_normal().generic_string();
    // notes.md is listed, as skipped; hidden files and ground truth are ignored.
    std::vector<std::string> expected{"missing.xml", "reports/a.txt", "reports/b.xml", "reports/notes.md", "reports/sub/a.txt",
                                      direct};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(keys, expected);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const InputFile file = list[i];
        if (file.key == "missing.xml" || file.key == "reports/notes.md") {
            EXPECT_FALSE(file.problem.empty());
            EXPECT_EQ(file.skipped, file.key == "reports/notes.md");
            EXPECT_TRUE(file.output.empty());
        } else {
            EXPECT_TRUE(file.problem.empty()) << file.key;
            EXPECT_EQ(file.output, output_name(file.key));
            EXPECT_TRUE(fs::exists(file.path)) << file.path;
        }
    }
}

TEST(BatchInputList, ShardsPartitionTheInputsAndKeepTheUnshardedOutputNames) {
    const fs::path dir = batchtest::scratch("input-shards") / "reports";
    fs::create_directories(dir);
    for (int i = 0; i < 40; ++i) std::ofstream(dir / ("r" + std::to_string(i) + ".xml")) << "x";
    const InputList all = expand_inputs({dir.string()}).files;
    ASSERT_EQ(all.size(), 40u);
    std::set<std::string> seen;
    for (std::size_t index = 1; index <= 3; ++index) {
        const InputList shard = expand_inputs({dir.string()}, Shard{index, 3}).files;
        EXPECT_LT(shard.size(), 40u);
        for (std::size_t i = 0; i < shard.size(); ++i) {
            EXPECT_TRUE(seen.insert(shard[i].key).second) << shard[i].key << " in two shards";
            EXPECT_EQ(shard[i].output, output_name(shard[i].key));
        }
    }
    EXPECT_EQ(seen.size(), 40u);
}

}  // namespace
