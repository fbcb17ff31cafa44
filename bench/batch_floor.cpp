// batch_floor DIR OUT [JOBS] [RUNS]: what a batch costs before a single rule runs.
//
// Issue #6 compares the whole batch with merely parsing the same files. Some of the batch's
// work is not a rule's and cannot go away while the batch keeps its guarantees: the input's
// SHA-256 (the audit header names exactly what was audited; --resume compares it) and one audit
// file per report written atomically (temporary file + rename, made durable once at the end).
// This program adds those steps to the parse-only floor (the same reading and parsing as
// batch_parse_only) and prints the median time of each combination, so bench/RESULTS.md can
// say how much of the 2 × budget is left for loading the report and running the rules.
//   1  read + pugixml parse                         (= batch_parse_only)
//   2  + SHA-256 of the input
//   3  + one audit-sized file per report, atomically, syncfs at the end (no hash)
//   4  + both
//   5  + a second small file per report, atomically (the per-report resume sidecar
//      `fincheck batch` wrote until it kept a journal)
// Files are written with the batch's own writer (fincheck::batch::OutputWriter), made durable
// with one syncfs at the end as the batch does. Every run writes into a fresh directory under
// OUT (see batch_bench.sh for why).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "fincheck/batch/output_writer.hpp"
#include "fincheck/engine/atomic_file.hpp"
#include "fincheck/sha256.hpp"
#include "parse_floor.hpp"

namespace fs = std::filesystem;
using namespace fincheck::bench;

namespace {

// A typical audit of a generated report without findings is 7.5 KB; its sidecar 0.4 KB.
const std::string kAuditBytes(7600, 'a');
const std::string kSidecarBytes(420, 's');

enum Step : unsigned { kHash = 1, kAuditFile = 2, kSidecar = 4 };

struct Stage {
    const char* label;
    unsigned steps;
};

constexpr Stage kStages[] = {
    {"read + parse", 0},
    {"+ SHA-256 of the input", kHash},
    {"+ audit file, atomic (no hash)", kAuditFile},
    {"+ SHA-256 + audit file", kHash | kAuditFile},
    {"+ SHA-256 + audit file + a second file per report", kHash | kAuditFile | kSidecar},
};

double run_stage(unsigned steps, const std::vector<fs::path>& files, const fs::path& out, unsigned jobs,
                 std::size_t& failed) {
    fs::create_directories(out / "state");
    const auto start = std::chrono::steady_clock::now();
    std::atomic<std::size_t> next{0}, bad{0}, digests{0};
    std::atomic<unsigned> workers{0};
    auto work = [&] {
        const unsigned worker = workers++;
        fincheck::batch::OutputWriter audits(out, worker), sidecars(out / "state", worker);
        std::vector<char> buffer;
        for (std::size_t i = next++; i < files.size(); i = next++) {
            if (!read_whole(files[i], buffer)) {
                ++bad;
                continue;
            }
            if (steps & kHash) digests += fincheck::sha256_hex(std::string_view(buffer.data(), buffer.size())).size();
            pugi::xml_document doc;
            if (!parse_in_place(buffer, doc) || count_elements(doc) == 0) {
                ++bad;
                continue;
            }
            const std::string name = files[i].filename().string();
            if (steps & kAuditFile) audits.write(name + ".audit.xml", kAuditBytes);
            if (steps & kSidecar) sidecars.write(name + ".state", kSidecarBytes);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    if (steps & kAuditFile) fincheck::engine::sync_filesystem(out);
    failed += bad.load();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: batch_floor DIR OUT [JOBS] [RUNS]\n");
        return 2;
    }
    const unsigned jobs = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 1;
    const int runs = argc > 4 ? std::stoi(argv[4]) : 3;
    const std::vector<fs::path> files = report_files(argv[1]);
    const fs::path out = argv[2];
    std::size_t failed = 0;
    double first = 0;
    std::printf("| stage (%zu reports, --jobs %u, median of %d) | seconds | × parse |\n|---|---|---|\n", files.size(),
                jobs, runs);
    int number = 0;
    for (const Stage& stage : kStages) {
        ++number;
        std::vector<double> times;
        for (int run = 0; run < runs; ++run)
            times.push_back(run_stage(stage.steps, files,
                                      out / ("stage" + std::to_string(number) + "-run" + std::to_string(run)), jobs,
                                      failed));
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        if (number == 1) first = median;
        std::printf("| %d. %s | %.3f | %.2f |\n", number, stage.label, median, median / first);
    }
    return failed ? 1 : 0;
}
