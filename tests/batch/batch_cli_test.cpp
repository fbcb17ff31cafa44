// `fincheck batch` as a nightly job sees it: the exit status (failures and skipped inputs are
// 2, findings are 1 only with --fail-on), a full disk or file-size limit is a recorded failure
// and exit 2 rather than an abort, and a second run on the same --out is refused at once.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "batch_test_support.hpp"
#include "fincheck/batch/inputs.hpp"

namespace {

using namespace batchtest;

std::vector<std::string> batch_args(const fs::path& in, const fs::path& out, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"batch", in.string(), "--out", out.string(), "--jobs", "2"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

TEST(BatchExit, FindingsGiveOneOnlyAtOrAboveFailOn) {
    const fs::path clean = scratch("exit/clean"), marked = scratch("exit/marked");
    write_reports(clean, 3, 41);
    write_reports(marked, 3, 41, [](std::size_t i, fincheck::Report& r) {
        if (i == 1) add_marker(r, 2);  // one warning
    });
    const fs::path out = scratch("exit/out");
    EXPECT_EQ(run_fincheck(batch_args(clean, out / "a", {"--fail-on", "info"})).code(), 0);
    EXPECT_EQ(run_fincheck(batch_args(marked, out / "b")).code(), 0) << "findings are the batch's product, not a failure";
    EXPECT_EQ(run_fincheck(batch_args(marked, out / "c", {"--fail-on", "error"})).code(), 0);
    EXPECT_EQ(run_fincheck(batch_args(marked, out / "d", {"--fail-on", "warning"})).code(), 1);
    EXPECT_EQ(run_fincheck(batch_args(marked, out / "e", {"--fail-on", "info"})).code(), 1);
}

// One wrong cell breaks several relations: the summary and the closing line count the defects the
// audit grouped its findings into, as its counts/@defects does, beside the findings.
TEST(BatchSummary, CountsEachReportsDefectsAsItsAuditDoes) {
    const fs::path in = scratch("defects/in");
    fs::copy_file(FINCHECK_SOURCE_DIR "/examples/sample-report-2024.xml", in / "sample.xml");
    write_reports(in, 1, 43);
    const fs::path out = scratch("defects/out");
    const CliRun run = run_fincheck(batch_args(in, out, {"--plugin-dir", FINCHECK_PLUGIN_BUILD_DIR}));
    ASSERT_EQ(run.code(), 0) << run.err;
    pugi::xml_document summary, audit;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    const pugi::xml_node sample = report_node(summary, "in/sample.xml");
    ASSERT_TRUE(audit.load_file((out / sample.attribute("output").as_string()).c_str()));
    const pugi::xml_node audited = audit.child("audit-report").child("header").child("counts");
    const std::size_t defects = sample.child("counts").attribute("defects").as_ullong();
    EXPECT_EQ(defects, audited.attribute("defects").as_ullong());
    EXPECT_GT(defects, 0u);
    EXPECT_LT(defects, sample.child("counts").attribute("total").as_ullong()) << "the sample's findings share root cells";
    const pugi::xml_node totals = summary.child("batch-summary").child("totals").child("counts");
    EXPECT_EQ(totals.attribute("defects").as_ullong(), defects) << "the clean generated report adds no defect";
    EXPECT_NE(run.err.find(std::to_string(defects) + " 处缺陷 / defects"), std::string::npos) << run.err;
    EXPECT_EQ(xmllint(out / "summary.xml", true), 0) << "summary.xml does not match schemas/batch-summary.xsd";
}

TEST(BatchExit, AFailedReportGivesTwoWhateverFailOn) {
    const fs::path in = scratch("exit-failed/in");
    write_reports(in, 3, 42);
    std::ofstream(in / "report-000002b.xml") << "<?xml version=\"1.0\"?>\n<report";
    const fs::path out = scratch("exit-failed/out");
    const CliRun run = run_fincheck(batch_args(in, out, {"--fail-on", "none"}));
    EXPECT_EQ(run.code(), 2) << run.err;
    EXPECT_NE(run.err.find("1 失败 / failed"), std::string::npos) << run.err;
    EXPECT_TRUE(fs::exists(out / "summary.xml"));
}

TEST(BatchExit, AFolderOfPdfsIsNeverReportedClean) {
    const fs::path in = scratch("exit-pdf/in");
    std::ofstream(in / "a.pdf") << "%PDF-1.7";
    std::ofstream(in / "b.pdf") << "%PDF-1.7";
    const fs::path out = scratch("exit-pdf/out");
    const CliRun run = run_fincheck(batch_args(in, out));
    EXPECT_EQ(run.code(), 2) << run.err;
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    // Two broken PDFs: each a failed report, never a clean night.
    EXPECT_EQ(summary.child("batch-summary").child("totals").attribute("failed").as_uint(), 2u);
    const pugi::xml_node a = report_node(summary, "in/a.pdf");
    EXPECT_STREQ(a.attribute("status").as_string(), "failed");
    EXPECT_STREQ(a.child("error").attribute("kind").as_string(), "load");
}

TEST(BatchExit, AnEmptyInputSetIsNotACleanNightButAnEmptyShardIs) {
    const fs::path empty = scratch("exit-empty/in");
    const CliRun run = run_fincheck(batch_args(empty, scratch("exit-empty/out")));
    EXPECT_EQ(run.code(), 2);
    EXPECT_NE(run.err.find("no file to audit"), std::string::npos) << run.err;

    const fs::path one = scratch("exit-empty/one");
    write_reports(one, 1, 47);
    const std::string key = "one/report-000001.xml";
    const std::size_t holder = fincheck::batch::Shard{1, 2}.contains(key) ? 1 : 2;
    const std::string other = std::to_string(3 - holder) + "/2";  // the shard without it
    const CliRun shard = run_fincheck(batch_args(one, scratch("exit-empty/shard"), {"--shard", other}));
    EXPECT_EQ(shard.code(), 0) << shard.err;
}

// The file-size limit gives EFBIG where a full disk gives ENOSPC: the same failed write(2).
std::function<void()> file_size_limit(rlim_t bytes) {
    return [bytes] {
        ::signal(SIGXFSZ, SIG_IGN);  // kept across exec: the write fails instead of killing
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    };
}

TEST(BatchDiskFull, AnAuditFileThatCannotBeWrittenIsARecordedFailure) {
    const fs::path in = scratch("full-audit/in");
    write_reports(in, 4, 43, [](std::size_t i, fincheck::Report& r) {
        if (i == 2)
            for (std::size_t b = 0; b < 40 && b < r.blocks.size(); ++b) add_marker(r, b);  // a large audit
    });
    const fs::path out = scratch("full-audit/out");
    // A clean audit is about 8 KB (its header lists every rule); the one with 40 findings is far more.
    const CliRun run = run_fincheck(batch_args(in, out), file_size_limit(12000));
    ASSERT_TRUE(run.exited()) << "killed by signal " << WTERMSIG(run.status) << ": " << run.err;
    EXPECT_EQ(run.code(), 2) << run.err;
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    const pugi::xml_node big = report_node(summary, "in/report-000003.xml");
    EXPECT_STREQ(big.attribute("status").as_string(), "failed");
    EXPECT_STREQ(big.child("error").attribute("kind").as_string(), "write");
    EXPECT_NE(std::string(big.child("error").text().as_string()).find("File too large"), std::string::npos)
        << big.child("error").text().as_string();
    EXPECT_STREQ(report_node(summary, "in/report-000004.xml").attribute("status").as_string(), "audited");
}

TEST(BatchDiskFull, ASummaryThatCannotBeWrittenIsExitTwoNotAnAbort) {
    const fs::path in = scratch("full-summary/in");
    // A summary well past the 64 KB the writer buffers, so that it is written while reports are
    // still being audited (before the change: from a worker thread, which aborted the process).
    write_reports(in, 300, 44);
    const fs::path out = scratch("full-summary/out");
    std::ofstream(out / "summary.xml") << "<batch-summary/>";  // an earlier run's must not stand for this one
    const CliRun run = run_fincheck(batch_args(in, out), file_size_limit(40 * 1024));
    ASSERT_TRUE(run.exited()) << "killed by signal " << WTERMSIG(run.status) << ": " << run.err;
    EXPECT_EQ(run.code(), 2) << run.err;
    EXPECT_NE(run.err.find("summary.xml"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("File too large"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out / "summary.xml")) << "an incomplete summary must not appear";
}

TEST(BatchLock, ASecondRunOnTheSameOutExitsTwoAtOnceAndNamesTheHolder) {
    const fs::path in = scratch("lock/in");
    write_reports(in, 2, 45, [](std::size_t, fincheck::Report& r) { r.meta.department = r.own("HANG 测试部门"); });
    const fs::path out = scratch("lock/out");
    const pid_t first = start_fincheck(batch_args(in, out), out.parent_path() / "first.txt");
    const fs::path lock = out / ".fincheck-lock";
    const std::string holder = "pid " + std::to_string(first) + " on host ";
    for (auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
         read(lock).find(holder) == std::string::npos && std::chrono::steady_clock::now() < give_up;)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));

    const auto start = std::chrono::steady_clock::now();
    const CliRun second = run_fincheck(batch_args(in, out));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(second.code(), 2);
    EXPECT_NE(second.err.find(holder), std::string::npos) << second.err;
    EXPECT_NE(second.err.find(" since "), std::string::npos) << second.err;

    // Killed, the first run holds nothing any more, at once: a restarted run is not refused
    // (the lock is the parent's alone, not shared with its workers).
    ::kill(first, SIGKILL);
    ::waitpid(first, nullptr, 0);
    const fs::path clean = scratch("lock/clean-in");
    write_reports(clean, 2, 46);
    const CliRun third = run_fincheck(batch_args(clean, out));
    EXPECT_EQ(third.code(), 0) << third.err;
}

}  // namespace
