// `fincheck merge` refuses anything but the complete set of shards of one run: a shard
// missing or given twice, shards of another input set, a corrupted or foreign summary.
#include <fstream>

#include <gtest/gtest.h>

#include "batch_test_support.hpp"
#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/summary.hpp"

namespace {

using namespace batchtest;
using fincheck::batch::merge_summaries;

// Runs shards 1..3 of `in` into DIR/1, DIR/2, DIR/3 and returns their summaries.
std::vector<fs::path> three_shards(const fs::path& in, const fs::path& dir) {
    auto engine = marker_engine();
    std::vector<fs::path> summaries;
    for (std::size_t i = 1; i <= 3; ++i) {
        const fs::path out = dir / std::to_string(i);
        fs::create_directories(out);
        auto o = options({in.string()}, out);
        o.inputs = fincheck::batch::expand_inputs({in.string()}, fincheck::batch::Shard{i, 3}).files;
        o.shard = std::to_string(i) + "/3";
        fincheck::batch::run_batch(*engine, o);
        summaries.push_back(out / "summary.xml");
    }
    return summaries;
}

void expect_refused(const std::vector<fs::path>& summaries, const fs::path& output, const std::string& names,
                    const std::string& says) {
    const std::optional<std::string> error = merge_summaries(summaries, output);
    ASSERT_TRUE(error) << "merged: " << says;
    if (!names.empty()) {
        EXPECT_NE(error->find(names), std::string::npos) << *error;
    }
    EXPECT_NE(error->find(says), std::string::npos) << *error;
    EXPECT_FALSE(fs::exists(output));
}

TEST(BatchMerge, AllShardsGiveTheUnshardedSummaryAndTwoOfThreeAreRefused) {
    const fs::path in = scratch("merge3/in");
    write_reports(in, 12, 61, [](std::size_t i, fincheck::Report& r) { add_marker(r, i % 3); });
    std::ofstream(in / "scan.pdf") << "%PDF";
    const std::vector<fs::path> shards = three_shards(in, scratch("merge3/shards"));
    const fs::path whole = scratch("merge3/whole");
    auto engine = marker_engine();
    fincheck::batch::run_batch(*engine, options({in.string()}, whole));

    const fs::path merged = scratch("merge3/merged") / "summary.xml";
    expect_refused({shards[0], shards[2]}, merged, "", "shard 2/3 is missing");
    ASSERT_EQ(merge_summaries({shards[2], shards[0], shards[1]}, merged), std::nullopt);
    EXPECT_EQ(read(merged), read(whole / "summary.xml"));
    EXPECT_EQ(xmllint(merged, true), 0);

    // The command says so with exit 2.
    const fs::path refused = merged.parent_path() / "refused.xml";
    const CliRun run = run_fincheck({"merge", shards[0].string(), shards[1].string(), "-o", refused.string()});
    EXPECT_EQ(run.code(), 2);
    EXPECT_NE(run.err.find("shard 3/3 is missing"), std::string::npos) << run.err;
}

TEST(BatchMerge, ShardsOfAnotherInputSetAreRefused) {
    const fs::path in = scratch("merge-mixed/in");
    write_reports(in, 9, 62);
    const std::vector<fs::path> before = three_shards(in, scratch("merge-mixed/before"));
    write_reports(in / "late", 1, 63);  // a report arrives between two shards' runs
    const std::vector<fs::path> after = three_shards(in, scratch("merge-mixed/after"));
    expect_refused({before[0], before[1], after[2]}, scratch("merge-mixed/m") / "summary.xml", after[2].string(),
                   "another input set");
}

TEST(BatchMerge, CorruptedOrForeignSummariesAreRefusedNamingTheFile) {
    const fs::path in = scratch("merge-bad/in");
    write_reports(in, 9, 64);
    const std::vector<fs::path> shards = three_shards(in, scratch("merge-bad/shards"));
    const std::string good = read(shards[1]);
    const fs::path bad = shards[1].parent_path() / "bad.xml";
    const fs::path merged = scratch("merge-bad/m") / "summary.xml";
    const auto with = [&](const std::string& content) {
        std::ofstream(bad, std::ios::binary | std::ios::trunc) << content;
        return std::vector<fs::path>{shards[0], bad, shards[2]};
    };

    expect_refused(with(good.substr(0, good.size() / 2)), merged, bad.string(), "malformed XML");
    std::string version = good;
    version.replace(version.find("format-version=\"3\""), 18, "format-version=\"2\"");
    expect_refused(with(version), merged, bad.string(), "format version '2'");
    std::string unsharded = good;
    unsharded.erase(unsharded.find(" shard=\"2/3\""), 12);
    expect_refused(with(unsharded), merged, bad.string(), "not a shard summary");
    std::string lost = good;  // a record cut out: the totals no longer match
    const std::size_t first = lost.find("  <report ");
    lost.erase(first, lost.find("  <report ", first + 1) - first);
    expect_refused(with(lost), merged, bad.string(), "does not match the totals");
    std::string other_count = good;
    other_count.replace(other_count.find("shard=\"2/3\""), 11, "shard=\"2/4\"");
    expect_refused(with(other_count), merged, bad.string(), "shard count 4");
}

}  // namespace
