// `fincheck batch --resume` after the process was killed half-way: every report is audited
// exactly once over the two runs, none is lost, finished outputs are not rewritten, and the
// summary is the one an uninterrupted run writes.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "batch_test_support.hpp"
#include "fincheck/batch/journal.hpp"

namespace {

using namespace batchtest;

pid_t start_batch(const fs::path& in, const fs::path& out, bool resume) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const std::string input = in.string(), output = out.string(), plugins = FINCHECK_BATCH_TEST_PLUGIN_DIR;
        std::vector<const char*> argv{FINCHECK_EXECUTABLE, "batch", input.c_str(), "--out", output.c_str(), "--jobs", "1",
                                      "--progress", "none", "--plugin-dir", plugins.c_str()};
        if (resume) argv.push_back("--resume");
        argv.push_back(nullptr);
        ::execv(FINCHECK_EXECUTABLE, const_cast<char* const*>(argv.data()));
        ::_exit(127);
    }
    return pid;
}

// The audit files the journal says are finished (torn lines are not counted).
std::vector<std::string> journaled_outputs(const fs::path& out) {
    std::vector<std::string> outputs;
    std::error_code ec;
    for (auto it = fs::directory_iterator(fincheck::batch::state_directory(out), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (!it->path().filename().string().starts_with("journal-")) continue;
        std::ifstream in(it->path(), std::ios::binary);
        for (std::string line; std::getline(in, line) && !in.eof();)
            if (auto record = fincheck::batch::parse_journal_line(line)) outputs.push_back(record->output);
    }
    return outputs;
}

struct FileIdentity {
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileIdentity&) const = default;
};

FileIdentity identity(const fs::path& file) {
    struct stat st {};
    ::stat(file.c_str(), &st);
    return {st.st_ino, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

TEST(BatchResume, KilledRunResumesWithoutAuditingAnyReportTwiceOrLosingOne) {
    constexpr std::size_t kReports = 120;
    const fs::path in = scratch("resume/in");
    write_reports(in, kReports, 21, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 4); });
    const fs::path out = scratch("resume/out");

    // Kill the first run once a quarter of the reports are finished.
    const pid_t first = start_batch(in, out, false);
    ASSERT_GT(first, 0);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (journaled_outputs(out).size() < kReports / 4 && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(first, SIGKILL);
    int status = 0;
    ::waitpid(first, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the first run finished before it could be killed";
    EXPECT_FALSE(fs::exists(out / "summary.xml"));

    // What the first run finished: audit file plus journal record.
    std::map<std::string, FileIdentity> finished;
    for (const std::string& audit : journaled_outputs(out)) finished[audit] = identity(out / audit);
    ASSERT_GE(finished.size(), kReports / 4);
    ASSERT_LT(finished.size(), kReports);

    const pid_t second = start_batch(in, out, true);
    ::waitpid(second, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(fincheck::batch::JournalIndex::load(fincheck::batch::state_directory(out)).size(), kReports);
    for (const auto& [audit, before] : finished) EXPECT_EQ(identity(out / audit), before) << audit << " was rewritten";

    // Nothing lost, nothing doubled: the summary equals that of one uninterrupted run.
    const fs::path fresh = scratch("resume/fresh");
    const pid_t third = start_batch(in, fresh, false);
    ::waitpid(third, &status, 0);
    EXPECT_EQ(read(out / "summary.xml"), read(fresh / "summary.xml"));
}

}  // namespace
