// A report that crashes its worker (a plugin's SIGSEGV or abort, the reader's stack overflow)
// fails alone, with or without --isolate; --resume does not run into it again unless asked;
// workers die with a parent killed by SIGKILL.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "batch_test_support.hpp"

namespace {

using namespace batchtest;
using fincheck::batch::run_batch;

// Reports 2 and 4 (of 6) kill their worker: SIGSEGV and abort.
fs::path crashing_reports(const std::string& name) {
    const fs::path in = scratch(name + "/in");
    write_reports(in, 6, 31, [](std::size_t i, fincheck::Report& r) {
        if (i == 1) r.meta.department = r.own("CRASH 测试部门");
        if (i == 3) r.meta.department = r.own("ABORT 测试部门");
        add_marker(r, 2);
    });
    return in;
}

void expect_crashes_recorded_and_others_audited(const fs::path& out, const fincheck::batch::BatchResult& result) {
    EXPECT_EQ(result.totals.reports, 6u);
    EXPECT_EQ(result.totals.audited, 4u);
    EXPECT_EQ(result.totals.failed, 2u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    const pugi::xml_node segv = report_node(summary, "in/report-000002.xml").child("error");
    EXPECT_STREQ(segv.attribute("kind").as_string(), "crash");
    EXPECT_NE(std::string(segv.text().as_string()).find("signal 11"), std::string::npos) << segv.text().as_string();
    const pugi::xml_node abrt = report_node(summary, "in/report-000004.xml").child("error");
    EXPECT_STREQ(abrt.attribute("kind").as_string(), "crash");
    EXPECT_NE(std::string(abrt.text().as_string()).find("signal 6"), std::string::npos) << abrt.text().as_string();
    for (const char* audited : {"in/report-000001.xml", "in/report-000003.xml", "in/report-000005.xml", "in/report-000006.xml"}) {
        const pugi::xml_node node = report_node(summary, audited);
        EXPECT_STREQ(node.attribute("status").as_string(), "audited") << audited;
        EXPECT_EQ(node.child("counts").attribute("warning").as_uint(), 1u) << audited;
        EXPECT_TRUE(fs::exists(out / node.attribute("output").as_string())) << audited;
    }
}

TEST(BatchCrash, WithoutIsolateACrashingReportFailsAloneAndTheBatchCompletes) {
    const fs::path in = crashing_reports("crash-threads");
    for (unsigned jobs : {1u, 2u}) {
        const fs::path out = scratch("crash-threads/out-" + std::to_string(jobs));
        auto engine = marker_engine();
        const auto result = run_batch(*engine, options({in.string()}, out, jobs));
        expect_crashes_recorded_and_others_audited(out, result);
    }
}

TEST(BatchCrash, IsolateRecordsTheSameCrashesAsTheLongLivedWorkers) {
    const fs::path in = crashing_reports("crash-isolate");
    const fs::path out = scratch("crash-isolate/out"), plain = scratch("crash-isolate/plain");
    auto engine = marker_engine();
    auto o = options({in.string()}, out);
    o.isolate = true;
    expect_crashes_recorded_and_others_audited(out, run_batch(*engine, o));
    run_batch(*engine, options({in.string()}, plain));
    EXPECT_EQ(read(out / "summary.xml"), read(plain / "summary.xml"));
}

TEST(BatchCrash, ReaderStackOverflowOnDeepNestingFailsOnlyThatReport) {
    const fs::path in = scratch("deep/in");
    write_reports(in, 3, 32);
    {
        std::ofstream deep(in / "report-000002deep.xml", std::ios::binary);
        deep << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report format-version=\"1\">\n<body>\n";
        for (int i = 0; i < 50000; ++i) deep << "<section>";
        for (int i = 0; i < 50000; ++i) deep << "</section>";
        deep << "\n</body>\n</report>\n";
    }
    const fs::path out = scratch("deep/out");
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({in.string()}, out));
    EXPECT_EQ(result.totals.audited, 3u);
    EXPECT_EQ(result.totals.failed, 1u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    // A crash today; a load error once the reader limits the depth. Either way it is recorded.
    const std::string kind = report_node(summary, "in/report-000002deep.xml").child("error").attribute("kind").as_string();
    EXPECT_TRUE(kind == "crash" || kind == "load") << kind;
}

TEST(BatchCrash, ResumeKeepsACrashedReportFailedWithoutRunningItUnlessAskedToRetry) {
    const fs::path in = crashing_reports("crash-resume");
    const fs::path out = scratch("crash-resume/out");
    auto engine = marker_engine();
    run_batch(*engine, options({in.string()}, out));
    const std::string first = read(out / "summary.xml");

    auto resume = options({in.string()}, out);
    resume.resume = true;
    const auto resumed = run_batch(*engine, resume);
    EXPECT_EQ(resumed.resumed, 6u) << "a crashed report was run again";
    EXPECT_EQ(resumed.totals.failed, 2u);
    EXPECT_EQ(read(out / "summary.xml"), first);

    resume.retry_crashed = true;
    const auto retried = run_batch(*engine, resume);
    EXPECT_EQ(retried.resumed, 4u);
    EXPECT_EQ(retried.totals.failed, 2u);
    EXPECT_EQ(read(out / "summary.xml"), first);
}

TEST(BatchCrash, AChangedCrashedReportIsAuditedAgainOnResume) {
    const fs::path in = crashing_reports("crash-fixed");
    const fs::path out = scratch("crash-fixed/out");
    auto engine = marker_engine();
    run_batch(*engine, options({in.string()}, out));
    write_reports(in, 6, 31, [](std::size_t i, fincheck::Report& r) {
        if (i == 3) r.meta.department = r.own("ABORT 测试部门");
        add_marker(r, 2);
    });
    auto resume = options({in.string()}, out);
    resume.resume = true;
    const auto result = run_batch(*engine, resume);
    EXPECT_EQ(result.totals.failed, 1u);
    EXPECT_EQ(result.totals.audited, 5u);
}

TEST(BatchCrash, TimeoutWithoutIsolateFailsTheHangingReportAndTheQueuedOnesAreAudited) {
    const fs::path in = scratch("hang-threads/in");
    write_reports(in, 5, 34, [](std::size_t i, fincheck::Report& r) {
        if (i == 0) r.meta.department = r.own("HANG 测试部门");
    });
    const fs::path out = scratch("hang-threads/out");
    auto engine = marker_engine();
    auto o = options({in.string()}, out, 1);  // one worker: the reports queued behind the hang
    o.timeout_seconds = 1;
    const auto result = run_batch(*engine, o);
    EXPECT_EQ(result.totals.audited, 4u);
    EXPECT_EQ(result.totals.failed, 1u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    EXPECT_STREQ(report_node(summary, "in/report-000001.xml").child("error").attribute("kind").as_string(), "timeout");
}

std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> children;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const std::size_t close = line.rfind(')');
        if (close == std::string::npos) continue;
        char state = 0;
        long ppid = 0;
        if (std::sscanf(line.c_str() + close + 1, " %c %ld", &state, &ppid) == 2 && ppid == parent)
            children.push_back(static_cast<pid_t>(std::stol(name)));
    }
    return children;
}

bool alive(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return false;
    const std::size_t close = line.rfind(')');
    return close != std::string::npos && line.size() > close + 2 && line[close + 2] != 'Z';  // a zombie is dead
}

void expect_workers_die_with_their_parent(bool isolate) {
    const std::string name = isolate ? "orphans-isolate" : "orphans";
    const fs::path in = scratch(name + "/in");
    write_reports(in, 4, 33, [](std::size_t, fincheck::Report& r) { r.meta.department = r.own("HANG 测试部门"); });
    const fs::path out = scratch(name + "/out");
    std::vector<std::string> args{"batch", in.string(), "--out", out.string(), "--jobs", "2"};
    if (isolate) args.push_back("--isolate");
    const pid_t parent = start_fincheck(args, out.parent_path() / "stderr.txt");
    std::vector<pid_t> workers;
    for (auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
         workers.size() < 2 && std::chrono::steady_clock::now() < give_up;
         std::this_thread::sleep_for(std::chrono::milliseconds(20)))
        workers = children_of(parent);
    ASSERT_EQ(workers.size(), 2u) << "the batch did not start two workers";
    ::kill(parent, SIGKILL);
    ::waitpid(parent, nullptr, 0);
    for (pid_t worker : workers) {
        for (auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
             alive(worker) && std::chrono::steady_clock::now() < give_up;)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        EXPECT_FALSE(alive(worker)) << "worker " << worker << " outlived its parent";
        if (alive(worker)) ::kill(worker, SIGKILL);
    }
}

TEST(BatchCrash, WorkersDieWithAParentKilledBySigkill) { expect_workers_die_with_their_parent(false); }
TEST(BatchCrash, IsolateChildrenDieWithAParentKilledBySigkill) { expect_workers_die_with_their_parent(true); }

}  // namespace
