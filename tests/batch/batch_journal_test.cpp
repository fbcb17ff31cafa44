// The resume journal: records survive a round trip whatever the key holds, a torn or altered
// line is never trusted, the last record of an input wins, and `--resume` through the journal
// keeps every guarantee the per-report state files gave (changed input, changed rule
// configuration, missing or altered audit file → audited again; --isolate journaled by the
// parent; a new run starts a fresh journal).
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include "batch_test_support.hpp"
#include "fincheck/batch/journal.hpp"

namespace {

using namespace batchtest;
using namespace fincheck::batch;

ReportRecord sample_record(std::string key) {
    ReportRecord record;
    record.key = std::move(key);
    record.output = "report.xml-0123456789ab.audit.xml";
    record.sha256 = std::string(64, 'a');
    record.audit_sha256 = std::string(64, 'b');
    record.counts = {3, 2, 1};
    record.defects = 4;
    record.by_rule["arith-03-columns"] = {2, 0, 0};
    record.by_rule["odd;rule=id,%"] = {1, 2, 1};
    return record;
}

std::vector<fs::path> journal_files(const fs::path& out) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(state_directory(out)))
        if (entry.path().filename().string().starts_with("journal-")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Every line of every journal of `out`, in file order.
std::vector<std::string> journal_lines(const fs::path& out) {
    std::vector<std::string> lines;
    for (const fs::path& file : journal_files(out)) {
        std::ifstream in(file, std::ios::binary);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    return lines;
}

void rewrite_journal(const fs::path& out, const std::vector<std::string>& lines, std::string_view tail = {}) {
    for (const fs::path& file : journal_files(out)) fs::remove(file);
    std::ofstream journal(state_directory(out) / "journal-000001.log", std::ios::binary);
    for (const std::string& line : lines) journal << line << '\n';
    journal << tail;
}

struct ResumeSetup {
    fs::path in, out;
    std::size_t reports = 6;
};

ResumeSetup audited_once(const std::string& name) {
    ResumeSetup setup;
    setup.in = scratch(name + "/in");
    write_reports(setup.in, setup.reports, 31, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 3); });
    setup.out = scratch(name + "/out");
    auto engine = marker_engine();
    run_batch(*engine, options({setup.in.string()}, setup.out));
    return setup;
}

BatchResult resume(const ResumeSetup& setup, bool isolate = false) {
    auto engine = marker_engine();
    auto o = options({setup.in.string()}, setup.out);
    o.resume = true;
    o.isolate = isolate;
    return run_batch(*engine, o);
}

TEST(BatchJournal, LineRoundTripsKeysAndRuleIdsWithSeparatorsInThem) {
    const ReportRecord record = sample_record("部门/a\tb\nc%d;e=f,g.xml");
    std::string line;
    append_journal_line(line, record, "cfg");
    ASSERT_EQ(line.back(), '\n');
    EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
    line.pop_back();
    std::string hash;
    const std::optional<ReportRecord> back = parse_journal_line(line, &hash);
    ASSERT_TRUE(back);
    EXPECT_EQ(hash, "cfg");
    EXPECT_EQ(back->key, record.key);
    EXPECT_EQ(back->output, record.output);
    EXPECT_EQ(back->sha256, record.sha256);
    EXPECT_EQ(back->audit_sha256, record.audit_sha256);
    EXPECT_EQ(back->counts, record.counts);
    EXPECT_EQ(back->defects, record.defects);
    EXPECT_EQ(back->by_rule, record.by_rule);
    EXPECT_EQ(back->status, Status::audited);
}

TEST(BatchJournal, TornOrAlteredLinesAreRejected) {
    std::string line;
    append_journal_line(line, sample_record("in/a.xml"), "cfg");
    line.pop_back();
    ASSERT_TRUE(parse_journal_line(line));
    for (std::size_t cut : {std::size_t{1}, line.size() / 2, line.size() - 1})
        EXPECT_FALSE(parse_journal_line(std::string_view(line).substr(0, cut))) << "cut at " << cut;
    std::string altered = line;
    altered[line.find(",2,")] = ';';  // one count changed
    EXPECT_FALSE(parse_journal_line(altered));
    altered = line;
    altered[3] = 'X';  // the key changed
    EXPECT_FALSE(parse_journal_line(altered));
    EXPECT_FALSE(parse_journal_line(std::string(line.size(), '\0')));
    EXPECT_FALSE(parse_journal_line(""));
}

TEST(BatchJournal, IndexKeepsTheLastValidRecordOfEachInputAndSkipsATornTail) {
    const fs::path dir = scratch("journal-index");
    ReportRecord a = sample_record("in/a.xml"), b = sample_record("in/b.xml");
    std::string run1, run2;
    append_journal_line(run1, a, "old");
    append_journal_line(run1, b, "old");
    a.sha256 = std::string(64, 'c');
    append_journal_line(run2, a, "new");
    std::string torn;
    ReportRecord b2 = b;
    b2.sha256 = std::string(64, 'd');
    append_journal_line(torn, b2, "new");
    run2 += "garbage that is no record\n";
    run2 += torn.substr(0, torn.size() - 1);  // complete but for its newline: a torn write
    std::ofstream(dir / "journal-000001-00.log", std::ios::binary) << run1;
    std::ofstream(dir / "journal-000002-01.log", std::ios::binary) << run2;
    std::ofstream(dir / "unrelated.log", std::ios::binary) << run2;

    const JournalIndex index = JournalIndex::load(dir);
    EXPECT_EQ(index.size(), 2u);
    EXPECT_EQ(index.last_run(), 2u);
    std::string hash;
    const auto found_a = index.find("in/a.xml", &hash);
    ASSERT_TRUE(found_a);
    EXPECT_EQ(found_a->sha256, std::string(64, 'c'));
    EXPECT_EQ(hash, "new");
    const auto found_b = index.find("in/b.xml", &hash);
    ASSERT_TRUE(found_b);
    EXPECT_EQ(found_b->sha256, std::string(64, 'a'));
    EXPECT_EQ(hash, "old");
    EXPECT_FALSE(index.find("in/c.xml"));
}

TEST(BatchJournal, ResumeAfterACompleteRunAuditsNothingAgainAndWritesTheSameSummary) {
    const ResumeSetup setup = audited_once("journal-complete");
    const std::string summary = read(setup.out / "summary.xml");
    // A new run leaves one journal per worker that audited something, a record per report in all.
    const std::vector<fs::path> first = journal_files(setup.out);
    ASSERT_GE(first.size(), 1u);
    ASSERT_LE(first.size(), 2u);
    for (const fs::path& file : first) EXPECT_TRUE(file.filename().string().starts_with("journal-000001-")) << file;
    EXPECT_EQ(journal_lines(setup.out).size(), setup.reports);

    EXPECT_EQ(resume(setup).resumed, setup.reports);
    EXPECT_EQ(read(setup.out / "summary.xml"), summary);
    // The resumed run compacted the journals into one.
    ASSERT_EQ(journal_files(setup.out).size(), 1u);
    EXPECT_EQ(journal_files(setup.out).front().filename(), "journal-000002.log");
    EXPECT_EQ(journal_lines(setup.out).size(), setup.reports);
}

TEST(BatchJournal, ResumeReauditsTheReportWhoseRecordIsTornOrAltered) {
    const ResumeSetup setup = audited_once("journal-torn");
    const std::string summary = read(setup.out / "summary.xml");
    std::vector<std::string> lines = journal_lines(setup.out);
    ASSERT_EQ(lines.size(), setup.reports);
    const std::string torn = lines.back().substr(0, lines.back().size() - 5);
    lines.pop_back();
    lines.front()[lines.front().size() - 1] ^= 1;  // checksum no longer matches
    rewrite_journal(setup.out, lines, torn);

    EXPECT_EQ(resume(setup).resumed, setup.reports - 2);
    EXPECT_EQ(read(setup.out / "summary.xml"), summary);
    EXPECT_EQ(JournalIndex::load(state_directory(setup.out)).size(), setup.reports);
}

TEST(BatchJournal, ResumeReauditsAChangedInputAndAMissingOrAlteredAuditFile) {
    const ResumeSetup setup = audited_once("journal-changed");
    std::vector<std::string> outputs;
    for (const std::string& line : journal_lines(setup.out)) outputs.push_back(parse_journal_line(line)->output);
    ASSERT_EQ(outputs.size(), setup.reports);
    std::sort(outputs.begin(), outputs.end());
    fs::remove(setup.out / outputs[0]);
    std::ofstream(setup.out / outputs[1], std::ios::app) << " ";
    // Report 3 gets a marker in another block: new bytes, other findings.
    write_reports(setup.in, 3, 31, [](std::size_t i, fincheck::Report& r) {
        add_marker(r, i % 3);
        if (i == 2) add_marker(r, 5);
    });

    const BatchResult result = resume(setup);
    EXPECT_EQ(result.resumed, setup.reports - 3);
    EXPECT_TRUE(fs::exists(setup.out / outputs[0]));
    const ResumeSetup fresh{setup.in, scratch("journal-changed/fresh"), setup.reports};
    auto engine = marker_engine();
    run_batch(*engine, options({fresh.in.string()}, fresh.out));
    EXPECT_EQ(read(setup.out / "summary.xml"), read(fresh.out / "summary.xml"));
    EXPECT_EQ(read(setup.out / outputs[1]), read(fresh.out / outputs[1]));
}

TEST(BatchJournal, ResumeReauditsEveryReportWhenTheRuleConfigurationChanged) {
    const ResumeSetup setup = audited_once("journal-config");
    std::vector<std::string> lines;
    for (const std::string& line : journal_lines(setup.out)) {
        std::string hash;
        const std::optional<ReportRecord> record = parse_journal_line(line, &hash);
        ASSERT_TRUE(record);
        std::string other;
        append_journal_line(other, *record, "another-configuration");
        other.pop_back();
        lines.push_back(other);
    }
    rewrite_journal(setup.out, lines);
    EXPECT_EQ(resume(setup).resumed, 0u);
}

TEST(BatchJournal, IsolatedRunsAreJournaledByTheParentAndResumeIsolated) {
    const ResumeSetup setup{scratch("journal-isolate/in"), scratch("journal-isolate/out"), 5};
    write_reports(setup.in, setup.reports, 32, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 2); });
    auto engine = marker_engine();
    auto o = options({setup.in.string()}, setup.out);
    o.isolate = true;
    run_batch(*engine, o);
    const std::string summary = read(setup.out / "summary.xml");
    EXPECT_EQ(journal_lines(setup.out).size(), setup.reports);
    EXPECT_EQ(resume(setup, true).resumed, setup.reports);
    EXPECT_EQ(read(setup.out / "summary.xml"), summary);
}

TEST(BatchJournal, ANewRunStartsAFreshJournalAndRemovesPreJournalStateFiles) {
    const ResumeSetup setup = audited_once("journal-fresh");
    std::ofstream(state_directory(setup.out) / "journal-000007-00.log") << "stale\n";
    std::ofstream(state_directory(setup.out) / "old.audit.xml.state") << "<report/>";
    auto engine = marker_engine();
    run_batch(*engine, options({setup.in.string()}, setup.out));
    for (const fs::path& file : journal_files(setup.out)) EXPECT_TRUE(file.filename().string().starts_with("journal-000001-"));
    EXPECT_FALSE(fs::exists(state_directory(setup.out) / "old.audit.xml.state"));
    EXPECT_EQ(journal_lines(setup.out).size(), setup.reports);
}

TEST(BatchJournal, PreJournalStateFilesAreNotTrustedOnResume) {
    const ResumeSetup setup = audited_once("journal-legacy");
    // The sidecars the previous version wrote for exactly these audits.
    for (const std::string& line : journal_lines(setup.out)) {
        std::string hash;
        const std::optional<ReportRecord> record = parse_journal_line(line, &hash);
        ASSERT_TRUE(record);
        std::ofstream(state_directory(setup.out) / (record->output + ".state"), std::ios::binary) << record_to_xml(*record, hash);
    }
    for (const fs::path& file : journal_files(setup.out)) fs::remove(file);
    EXPECT_EQ(resume(setup).resumed, 0u);
    EXPECT_EQ(journal_lines(setup.out).size(), setup.reports);
    for (const auto& entry : fs::directory_iterator(state_directory(setup.out)))
        EXPECT_NE(entry.path().extension(), ".state") << entry.path();
}

}  // namespace
