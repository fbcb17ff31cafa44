// fincheck batch in-process: failures recorded and the batch goes on, isolation from a
// crashing or hanging plugin, shards merged, baseline diffing, deterministic summaries.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "batch_test_support.hpp"
#include "fincheck/batch/summary.hpp"

namespace {

using namespace batchtest;
using fincheck::batch::run_batch;

TEST(BatchRun, RecordsMalformedInputWithItsPositionAndAuditsTheOthers) {
    const fs::path in = scratch("malformed/in");
    write_reports(in, 4, 3);
    std::ofstream(in / "report-000002b.xml") << "<?xml version=\"1.0\"?>\n<report format-version=\"1\">\n  <metadata";
    const fs::path out = scratch("malformed/out");
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({in.string()}, out));

    EXPECT_EQ(result.totals.reports, 5u);
    EXPECT_EQ(result.totals.audited, 4u);
    EXPECT_EQ(result.totals.failed, 1u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    pugi::xml_node bad = report_node(summary, "in/report-000002b.xml");
    ASSERT_TRUE(bad);
    EXPECT_STREQ(bad.attribute("status").as_string(), "failed");
    EXPECT_STREQ(bad.child("error").attribute("kind").as_string(), "load");
    EXPECT_EQ(bad.child("error").attribute("line").as_uint(), 3u);
    EXPECT_GT(bad.child("error").attribute("column").as_uint(), 0u);
    // The reports after the malformed one were audited.
    pugi::xml_node after = report_node(summary, "in/report-000003.xml");
    EXPECT_STREQ(after.attribute("status").as_string(), "audited");
    EXPECT_TRUE(fs::exists(out / after.attribute("output").as_string()));
}

TEST(BatchRun, RecordsAnArgumentThatNamesNothing) {
    const fs::path out = scratch("missing/out");
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({(out / "nothing-here.xml").string()}, out));
    EXPECT_EQ(result.totals.failed, 1u);
    EXPECT_NE(read(out / "summary.xml").find("kind=\"input\""), std::string::npos);
}

TEST(BatchRun, IsolateMarksTheReportWhosePluginCrashesAsFailedAndGoesOn) {
    const fs::path in = scratch("crash/in");
    write_reports(in, 4, 5, [](std::size_t i, fincheck::Report& r) {
        if (i == 1) r.meta.department = r.own("CRASH 测试部门");
        add_marker(r, 2);
    });
    const fs::path out = scratch("crash/out");
    auto engine = marker_engine();
    auto o = options({in.string()}, out);
    o.isolate = true;
    const auto result = run_batch(*engine, o);

    EXPECT_EQ(result.totals.audited, 3u);
    EXPECT_EQ(result.totals.failed, 1u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    pugi::xml_node crashed = report_node(summary, "in/report-000002.xml");
    EXPECT_STREQ(crashed.child("error").attribute("kind").as_string(), "crash");
    EXPECT_NE(std::string(crashed.child("error").text().as_string()).find("11"), std::string::npos);
    EXPECT_EQ(report_node(summary, "in/report-000004.xml").child("counts").attribute("warning").as_uint(), 1u);
}

TEST(BatchRun, IsolateTimeoutMarksTheHangingReportAsFailed) {
    const fs::path in = scratch("hang/in");
    write_reports(in, 3, 6, [](std::size_t i, fincheck::Report& r) {
        if (i == 0) r.meta.department = r.own("HANG 测试部门");
    });
    const fs::path out = scratch("hang/out");
    auto engine = marker_engine();
    auto o = options({in.string()}, out);
    o.isolate = true;
    o.timeout_seconds = 1;
    const auto result = run_batch(*engine, o);
    EXPECT_EQ(result.totals.audited, 2u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    EXPECT_STREQ(report_node(summary, "in/report-000001.xml").child("error").attribute("kind").as_string(), "timeout");
}

TEST(BatchRun, SummaryIsTheSameBytesOnEveryRunThreadedOrIsolated) {
    const fs::path in = scratch("determinism/in");
    write_reports(in, 12, 7, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 5); });
    auto engine = marker_engine();
    const fs::path a = scratch("determinism/a"), b = scratch("determinism/b"), c = scratch("determinism/c");
    run_batch(*engine, options({in.string()}, a, 2));
    run_batch(*engine, options({in.string()}, b, 1));
    auto isolated = options({in.string()}, c, 2);
    isolated.isolate = true;
    run_batch(*engine, isolated);
    const std::string first = read(a / "summary.xml");
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, read(b / "summary.xml"));
    EXPECT_EQ(first, read(c / "summary.xml"));
    const std::string validate = "xmllint --noout --schema " FINCHECK_SOURCE_DIR "/schemas/batch-summary.xsd " +
                                 (a / "summary.xml").string() + " 2>/dev/null";
    EXPECT_EQ(std::system(validate.c_str()), 0) << "summary.xml does not match schemas/batch-summary.xsd";
}

TEST(BatchRun, ShardsMergedGiveTheUnshardedSummary) {
    const fs::path in = scratch("shards/in");
    write_reports(in, 16, 8, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 3); });
    auto engine = marker_engine();
    const fs::path whole = scratch("shards/whole"), one = scratch("shards/1"), two = scratch("shards/2");
    run_batch(*engine, options({in.string()}, whole));
    std::size_t sharded = 0;
    for (const auto& [shard_text, dir] : {std::pair{"1/2", one}, std::pair{"2/2", two}}) {
        auto o = options({in.string()}, dir);
        const auto shard = fincheck::batch::parse_shard(shard_text);
        ASSERT_TRUE(shard);
        o.inputs = fincheck::batch::expand_inputs({in.string()}, *shard).files;
        o.shard = shard_text;
        EXPECT_GT(o.inputs.size(), 0u);
        EXPECT_LT(o.inputs.size(), 16u);
        sharded += run_batch(*engine, o).totals.reports;
    }
    EXPECT_EQ(sharded, 16u);
    const fs::path merged = scratch("shards/merged") / "merged.xml";
    ASSERT_EQ(fincheck::batch::merge_summaries({one / "summary.xml", two / "summary.xml"}, merged), std::nullopt);
    EXPECT_EQ(read(merged), read(whole / "summary.xml"));
}

TEST(BatchRun, MergeRefusesAShardGivenTwice) {
    const fs::path in = scratch("merge-dup/in");
    write_reports(in, 2, 9);
    auto engine = marker_engine();
    const fs::path a = scratch("merge-dup/a");
    auto o = options({in.string()}, a);
    o.inputs = fincheck::batch::expand_inputs({in.string()}, fincheck::batch::Shard{1, 1}).files;
    o.shard = "1/1";
    run_batch(*engine, o);
    const auto error = fincheck::batch::merge_summaries({a / "summary.xml", a / "summary.xml"}, a / "merged.xml");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("given twice"), std::string::npos) << *error;
    EXPECT_NE(error->find((a / "summary.xml").string()), std::string::npos) << *error;
    EXPECT_FALSE(fs::exists(a / "merged.xml"));
}

TEST(BatchRun, BaselineSaysWhichFindingsAreNewGoneAndRemaining) {
    const fs::path in = scratch("baseline/in");
    write_reports(in, 3, 10, [](std::size_t i, fincheck::Report& r) {
        add_marker(r, 3);
        if (i == 0) add_marker(r, 5);
    });
    auto engine = marker_engine();
    const fs::path before = scratch("baseline/before");
    run_batch(*engine, options({in.string()}, before));
    // Report 1 loses the marker in block 5 and gains one in block 7.
    write_reports(in, 3, 10, [](std::size_t i, fincheck::Report& r) {
        add_marker(r, 3);
        if (i == 0) add_marker(r, 7);
    });
    const fs::path after = scratch("baseline/after");
    auto o = options({in.string()}, after);
    o.baseline_dir = before;
    const auto result = run_batch(*engine, o);
    EXPECT_EQ(result.totals.added, 1u);
    EXPECT_EQ(result.totals.gone, 1u);
    EXPECT_EQ(result.totals.remaining, 3u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((after / "summary.xml").c_str()));
    pugi::xml_node diff = report_node(summary, "in/report-000001.xml").child("baseline");
    EXPECT_STREQ(diff.child("new").attribute("location").as_string(), "block:7");
    EXPECT_STREQ(diff.child("gone").attribute("location").as_string(), "block:5");
    EXPECT_EQ(diff.attribute("remaining").as_uint(), 1u);
}

TEST(BatchRun, OutputDirectoryHoldsOnlyCompleteOutputsAndLeftoverTemporariesAreRemoved) {
    const fs::path in = scratch("outputs/in");
    write_reports(in, 5, 12, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 2); });
    const fs::path out = scratch("outputs/out");
    // What a killed run leaves: a worker's linked temporary and a named one.
    std::ofstream(out / ".fincheck-w1.tmp-4242") << "<audit-repo";
    std::ofstream(out / ".report-000001.xml-0123.audit.xml.tmp-AbCdEf") << "<audit-repo";
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({in.string()}, out));
    EXPECT_EQ(result.totals.audited, 5u);
    std::size_t audits = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        const std::string name = entry.path().filename().string();
        if (name == ".fincheck-state" || name == ".fincheck-lock" || name == "summary.xml") continue;
        ASSERT_TRUE(name.ends_with(".audit.xml")) << "unexpected file " << name;
        ++audits;
        pugi::xml_document audit;
        EXPECT_TRUE(audit.load_file(entry.path().c_str())) << name << " is not complete XML";
        EXPECT_TRUE(audit.child("audit-report")) << name;
        // Readable by the owner and writable by the owner, like a file written with open(2).
        const fs::perms perms = fs::status(entry.path()).permissions();
        EXPECT_NE(perms & fs::perms::owner_read, fs::perms::none) << name;
        EXPECT_NE(perms & fs::perms::owner_write, fs::perms::none) << name;
    }
    EXPECT_EQ(audits, 5u);
}

TEST(BatchInputs, OutputNamesAreDistinctForTheSameFileNameInTwoDirectories) {
    EXPECT_NE(fincheck::batch::output_name("a/report.xml"), fincheck::batch::output_name("b/report.xml"));
    EXPECT_EQ(fincheck::batch::output_name("a/report.xml"), fincheck::batch::output_name("a/report.xml"));
    EXPECT_TRUE(fincheck::batch::output_name("a/report.xml").starts_with("report.xml-"));
}

TEST(BatchInputs, ShardSyntaxIsIOfN) {
    EXPECT_TRUE(fincheck::batch::parse_shard("1/2"));
    EXPECT_FALSE(fincheck::batch::parse_shard("0/2"));
    EXPECT_FALSE(fincheck::batch::parse_shard("3/2"));
    EXPECT_FALSE(fincheck::batch::parse_shard("1-2"));
}

TEST(BatchInputs, ListFilesAndDirectoriesSkipTruthAndAuditFiles) {
    const fs::path in = scratch("inputs/in");
    write_reports(in, 2, 11);
    std::ofstream(in / "report-000001.truth.xml") << "<truth/>";
    std::ofstream(in / "x.audit.xml") << "<audit-report/>";
    const fs::path list = in.parent_path() / "list.txt";
    std::ofstream(list) << "# reports\n" << (in / "report-000002.xml").string() << "\n";
    EXPECT_EQ(fincheck::batch::expand_inputs({in.string()}).files.size(), 2u);
    EXPECT_EQ(fincheck::batch::expand_inputs({"@" + list.string()}).files.size(), 1u);
}

}  // namespace
