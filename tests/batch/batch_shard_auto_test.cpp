// `--shard auto`: the mapping from a Kubernetes Indexed Job's and a Slurm job array's
// variables to shard I/N (and every inconsistency refused with what was found), and the whole
// path: three simulated Indexed Job pods and three Slurm array tasks starting at 1, merged,
// give the summary and results-database content of a single run.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <map>

#include "batch_test_support.hpp"
#include "fincheck/batch/shard_environment.hpp"

namespace {

using namespace batchtest;
using fincheck::batch::shard_from_environment;
using fincheck::batch::ShardResolution;
using Environment = std::map<std::string, std::string>;

ShardResolution resolve(const Environment& environment) {
    return shard_from_environment([&](const char* name) -> const char* {
        const auto it = environment.find(name);
        return it == environment.end() ? nullptr : it->second.c_str();
    });
}

std::string shard(const Environment& environment) {
    const ShardResolution resolved = resolve(environment);
    if (!resolved.shard) return "refused: " + resolved.message;
    return std::to_string(resolved.shard->index) + "/" + std::to_string(resolved.shard->count);
}

// The refusal's message, or "" when it was not refused.
std::string refusal(const Environment& environment) {
    const ShardResolution resolved = resolve(environment);
    return resolved.shard ? std::string() : resolved.message;
}

TEST(ShardAuto, KubernetesIndexIsZeroBasedAndTheCountComesFromTheManifest) {
    EXPECT_EQ(shard({{"JOB_COMPLETION_INDEX", "0"}, {"FINCHECK_SHARD_COUNT", "3"}}), "1/3");
    EXPECT_EQ(shard({{"JOB_COMPLETION_INDEX", "2"}, {"FINCHECK_SHARD_COUNT", "3"}}), "3/3");
    EXPECT_EQ(shard({{"JOB_COMPLETION_INDEX", "0"}, {"FINCHECK_SHARD_COUNT", "1"}}), "1/1");
    const ShardResolution resolved =
        resolve({{"JOB_COMPLETION_INDEX", "1"}, {"FINCHECK_SHARD_COUNT", "3"}});
    EXPECT_EQ(resolved.message, "JOB_COMPLETION_INDEX=1, FINCHECK_SHARD_COUNT=3")
        << "says where the shard came from";
}

TEST(ShardAuto, KubernetesWithoutACountOrWithAnIndexOutsideItIsRefused) {
    const std::string missing = refusal({{"JOB_COMPLETION_INDEX", "1"}});
    EXPECT_NE(missing.find("FINCHECK_SHARD_COUNT=(unset)"), std::string::npos) << missing;
    EXPECT_NE(missing.find(" / "), std::string::npos) << "zh-CN, then English: " << missing;
    EXPECT_NE(refusal({{"JOB_COMPLETION_INDEX", "3"}, {"FINCHECK_SHARD_COUNT", "3"}})
                  .find("JOB_COMPLETION_INDEX=3"),
              std::string::npos);
    EXPECT_NE(refusal({{"JOB_COMPLETION_INDEX", "1"}, {"FINCHECK_SHARD_COUNT", "0"}}), "");
    EXPECT_NE(refusal({{"JOB_COMPLETION_INDEX", "-1"}, {"FINCHECK_SHARD_COUNT", "3"}}), "");
    EXPECT_NE(refusal({{"JOB_COMPLETION_INDEX", "1 "}, {"FINCHECK_SHARD_COUNT", "3"}}), "");
    EXPECT_NE(refusal({{"JOB_COMPLETION_INDEX", ""}, {"FINCHECK_SHARD_COUNT", "3"}}), "");
    EXPECT_NE(refusal({{"JOB_COMPLETION_INDEX", "1"}, {"FINCHECK_SHARD_COUNT", "three"}}), "");
}

Environment slurm(const std::string& id, const std::string& min, const std::string& max,
                  const std::string& count) {
    return {{"SLURM_ARRAY_TASK_ID", id},    {"SLURM_ARRAY_TASK_MIN", min},
            {"SLURM_ARRAY_TASK_MAX", max},  {"SLURM_ARRAY_TASK_COUNT", count},
            {"SLURM_ARRAY_JOB_ID", "4242"}, {"SLURM_JOB_ID", "4243"}};
}

TEST(ShardAuto, SlurmTaskIdCountsFromTheArraysFirstTask) {
    EXPECT_EQ(shard(slurm("1", "1", "3", "3")), "1/3");
    EXPECT_EQ(shard(slurm("3", "1", "3", "3")), "3/3");
    EXPECT_EQ(shard(slurm("0", "0", "7", "8")), "1/8");
    EXPECT_EQ(shard(slurm("7", "0", "7", "8")), "8/8");
    EXPECT_EQ(shard(slurm("12", "5", "12", "8")), "8/8") << "an array that starts at 5";
    Environment step_one = slurm("2", "1", "3", "3");
    step_one["SLURM_ARRAY_TASK_STEP"] = "1";
    EXPECT_EQ(shard(step_one), "2/3");
    Environment agreeing = slurm("2", "1", "3", "3");
    agreeing["FINCHECK_SHARD_COUNT"] = "3";
    EXPECT_EQ(shard(agreeing), "2/3");
    Environment without_max = slurm("2", "1", "3", "3");
    without_max.erase("SLURM_ARRAY_TASK_MAX");
    EXPECT_EQ(shard(without_max), "2/3");
}

TEST(ShardAuto, SlurmArraysThatAreNotOneRangeOrDisagreeAreRefused) {
    // --array=1-7:2 runs tasks 1, 3, 5, 7: count 4, but the ids are not 1..4.
    Environment stepped = slurm("3", "1", "7", "4");
    stepped["SLURM_ARRAY_TASK_STEP"] = "2";
    const std::string message = refusal(stepped);
    EXPECT_NE(message.find("SLURM_ARRAY_TASK_STEP=2"), std::string::npos) << message;
    EXPECT_NE(refusal(slurm("3", "1", "7", "4")), "")
        << "a list (1,3,5,7) has max − min + 1 ≠ count";
    EXPECT_NE(refusal(slurm("4", "1", "3", "3")), "") << "a task id past the array";
    EXPECT_NE(refusal(slurm("0", "1", "3", "3")), "") << "a task id before the array";
    Environment disagreeing = slurm("2", "1", "3", "3");
    disagreeing["FINCHECK_SHARD_COUNT"] = "4";
    EXPECT_NE(refusal(disagreeing).find("FINCHECK_SHARD_COUNT=4"), std::string::npos);
    Environment no_min = slurm("2", "1", "3", "3");
    no_min.erase("SLURM_ARRAY_TASK_MIN");
    EXPECT_NE(refusal(no_min).find("SLURM_ARRAY_TASK_MIN=(unset)"), std::string::npos);
    Environment no_count = slurm("2", "1", "3", "3");
    no_count.erase("SLURM_ARRAY_TASK_COUNT");
    EXPECT_NE(refusal(no_count), "");
}

TEST(ShardAuto, NeitherOrBothSchedulersAreRefusedWithWhatWasFound) {
    const std::string none = refusal({});
    EXPECT_NE(none.find("JOB_COMPLETION_INDEX"), std::string::npos) << none;
    EXPECT_NE(none.find("SLURM_ARRAY_TASK_ID"), std::string::npos) << none;
    const std::string plain_job = refusal({{"SLURM_JOB_ID", "77"}, {"FINCHECK_SHARD_COUNT", "3"}});
    EXPECT_NE(plain_job.find("SLURM_JOB_ID=77"), std::string::npos)
        << "a Slurm job that is not an array: " << plain_job;
    EXPECT_NE(plain_job.find("FINCHECK_SHARD_COUNT=3"), std::string::npos) << plain_job;
    Environment both = slurm("1", "1", "3", "3");
    both["JOB_COMPLETION_INDEX"] = "0";
    both["FINCHECK_SHARD_COUNT"] = "3";
    EXPECT_NE(refusal(both).find("JOB_COMPLETION_INDEX=0"), std::string::npos);
}

// ---- end to end --------------------------------------------------------------------------

const char* const kSchedulerVariables[] = {"JOB_COMPLETION_INDEX",  "FINCHECK_SHARD_COUNT",
                                           "SLURM_ARRAY_TASK_ID",   "SLURM_ARRAY_TASK_MIN",
                                           "SLURM_ARRAY_TASK_MAX",  "SLURM_ARRAY_TASK_COUNT",
                                           "SLURM_ARRAY_TASK_STEP", "SLURM_JOB_ID",
                                           "SLURM_ARRAY_JOB_ID",    "KUBERNETES_SERVICE_HOST"};

// `fincheck batch` as a pod or array task would run it: only `environment` of the scheduler
// variables set (the test itself may run under a scheduler).
CliRun scheduled_batch(const fs::path& reports, const fs::path& out, const fs::path& db,
                       const Environment& environment) {
    return run_fincheck({"batch", reports.string(), "--out", out.string(), "--jobs", "2", "--shard",
                         "auto", "--db", db.string()},
                        [&] {
                            for (const char* name : kSchedulerVariables) ::unsetenv(name);
                            for (const auto& [name, value] : environment)
                                ::setenv(name.c_str(), value.c_str(), 1);
                        });
}

// What a results database holds of a run that must not depend on sharding: every report and
// every finding, without ids, times, host or directories.
Rows recorded(const fs::path& db) {
    Rows rows = Db(db).query(
        "SELECT key, report.fingerprint, department, fiscal_year, status, errors, warnings, infos, "
        "audit_file, "
        "count(finding.id), group_concat(finding.fingerprint || ' ' || rule || ' ' || severity || "
        "' ' || "
        "coalesce(block, '') || ' ' || message_en, '|') FROM report LEFT JOIN finding ON "
        "finding.report_id = report.id "
        "GROUP BY report.id ORDER BY key");
    for (const std::vector<std::string>& run :
         Db(db).query("SELECT count(*) FROM run WHERE finished_at IS NOT NULL"))
        rows.push_back(run);
    return rows;
}

class ShardAutoEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        root_ =
            scratch("shard-auto/" +
                    std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        reports_ = root_ / "data/reports";
        fs::create_directories(reports_);
        write_reports(reports_, 12, 2024, [](std::size_t i, fincheck::Report& r) {
            if (i % 3 == 0) add_marker(r, 1 + i % 4);
        });
        const CliRun single =
            run_fincheck({"batch", reports_.string(), "--out", (root_ / "single").string(),
                          "--jobs", "2", "--db", (root_ / "single.sqlite").string()});
        ASSERT_EQ(single.code(), 0) << single.err;
    }

    // Runs the shards, one per environment, then merges them; expects the single run's summary
    // and database content. Each shard must have audited something (12 reports over 3 shards).
    void expect_same_as_single_run(const std::vector<Environment>& shards,
                                   const std::vector<std::string>& expected_shards) {
        std::vector<std::string> merge{"merge"};
        for (std::size_t i = 0; i < shards.size(); ++i) {
            const fs::path out = root_ / ("shard-" + std::to_string(i));
            const CliRun run = scheduled_batch(
                reports_, out, root_ / ("shard-" + std::to_string(i) + ".sqlite"), shards[i]);
            ASSERT_EQ(run.code(), 0) << run.err;
            EXPECT_NE(run.err.find("shard " + expected_shards[i]), std::string::npos) << run.err;
            pugi::xml_document summary;
            ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
            EXPECT_EQ(std::string(summary.child("batch-summary").attribute("shard").as_string()),
                      expected_shards[i]);
            EXPECT_GT(summary.child("batch-summary").child("totals").attribute("reports").as_int(),
                      0);
            merge.push_back((out / "summary.xml").string());
        }
        merge.insert(merge.end(), {"-o", (root_ / "merged/summary.xml").string(), "--db",
                                   (root_ / "merged.sqlite").string()});
        fs::create_directories(root_ / "merged");
        const CliRun merged = run_fincheck(merge);
        ASSERT_EQ(merged.code(), 0) << merged.err;

        // The summary is the same bytes: what legitimately differs between a sharded and a
        // single run (where and when it ran, the shard attribute of each part) is not in it.
        EXPECT_EQ(read(root_ / "merged/summary.xml"), read(root_ / "single/summary.xml"));
        // So is every audit file, found in the shard that audited it.
        pugi::xml_document summary;
        ASSERT_TRUE(summary.load_file((root_ / "single/summary.xml").c_str()));
        for (pugi::xml_node report : summary.child("batch-summary").children("report")) {
            const std::string output = report.attribute("output").as_string();
            std::size_t copies = 0;
            for (std::size_t i = 0; i < shards.size(); ++i) {
                const fs::path file = root_ / ("shard-" + std::to_string(i)) / output;
                if (!fs::exists(file)) continue;
                ++copies;
                EXPECT_EQ(read(file), read(root_ / "single" / output)) << output;
            }
            EXPECT_EQ(copies, 1u) << output << " audited by exactly one shard";
        }
        // The merged run in the database holds what the single run holds.
        EXPECT_EQ(recorded(root_ / "merged.sqlite"), recorded(root_ / "single.sqlite"));
        EXPECT_EQ(Db(root_ / "merged.sqlite").query("SELECT shard FROM run"), (Rows{{"NULL"}}));
    }

    fs::path root_, reports_;
};

TEST_F(ShardAutoEndToEnd, ThreeIndexedJobPodsMergeToTheSingleRun) {
    std::vector<Environment> pods;
    for (const char* index : {"0", "1", "2"})
        pods.push_back({{"JOB_COMPLETION_INDEX", index},
                        {"FINCHECK_SHARD_COUNT", "3"},
                        {"KUBERNETES_SERVICE_HOST", "10.0.0.1"}});
    expect_same_as_single_run(pods, {"1/3", "2/3", "3/3"});
}

TEST_F(ShardAutoEndToEnd, ThreeSlurmArrayTasksFromOneMergeToTheSingleRun) {
    std::vector<Environment> tasks;
    for (const char* id : {"1", "2", "3"}) tasks.push_back(slurm(id, "1", "3", "3"));
    expect_same_as_single_run(tasks, {"1/3", "2/3", "3/3"});
}

TEST_F(ShardAutoEndToEnd, NoSchedulerIsExitTwoBeforeAnythingIsWritten) {
    const CliRun run = scheduled_batch(reports_, root_ / "nowhere", root_ / "nowhere.sqlite", {});
    EXPECT_EQ(run.code(), 2) << run.err;
    EXPECT_NE(run.err.find("--shard auto"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(root_ / "nowhere"));
    EXPECT_FALSE(fs::exists(root_ / "nowhere.sqlite"));
}

}  // namespace
