// --baseline recognises a report in an earlier run wherever its file is now and whatever it is
// called (same bytes, else the one audit of its department and year, else the same name), and
// compares findings by fingerprint. A baseline that cannot be used is exit 2 with its path.
#include <fstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "batch_test_support.hpp"

namespace {

using namespace batchtest;

// Report i is department 部门i of 2024 with a marker in block 3; `extra` adds one more marker
// to report 0 (block 5 last night, block 7 tonight).
void write_baseline_night(const fs::path& dir, std::size_t extra_block) {
    write_reports(dir, 3, 10, [&](std::size_t i, fincheck::Report& r) {
        r.meta.department = r.own("测试部门" + std::to_string(i));
        r.meta.fiscal_year = 2024;
        add_marker(r, 3);
        if (i == 0) add_marker(r, extra_block);
    });
}

TEST(BatchBaseline, FollowsReportsAcrossFoldersAndRenamesAndComparesByFingerprint) {
    const fs::path last_night = scratch("baseline-moved/last-night");
    write_baseline_night(last_night, 5);
    auto engine = marker_engine();
    const fs::path before = scratch("baseline-moved/before");
    run_batch(*engine, options({last_night.string()}, before));

    // Tonight the reports sit in another folder under other names; report 0 was edited.
    const fs::path tonight = scratch("baseline-moved/tonight");
    write_baseline_night(tonight, 7);
    for (int i = 1; i <= 3; ++i) {
        const std::string number = std::to_string(i);
        fs::rename(tonight / ("report-00000" + number + ".xml"), tonight / ("改名-" + number + ".xml"));
    }
    const fs::path after = scratch("baseline-moved/after");
    auto o = options({tonight.string()}, after);
    o.baseline_dir = before;
    const auto result = run_batch(*engine, o);
    EXPECT_EQ(result.totals.added, 1u);
    EXPECT_EQ(result.totals.gone, 1u);
    EXPECT_EQ(result.totals.remaining, 3u);

    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((after / "summary.xml").c_str()));
    const pugi::xml_node edited = report_node(summary, "tonight/改名-1.xml").child("baseline");
    EXPECT_TRUE(edited.attribute("compared").as_bool());
    EXPECT_STREQ(edited.attribute("matched-by").as_string(), "department-year");
    EXPECT_STREQ(edited.child("new").attribute("location").as_string(), "block:7");
    EXPECT_EQ(std::string(edited.child("new").attribute("fingerprint").as_string()).size(), 64u);
    EXPECT_STREQ(edited.child("gone").attribute("location").as_string(), "block:5");
    for (const char* unchanged : {"tonight/改名-2.xml", "tonight/改名-3.xml"}) {
        const pugi::xml_node diff = report_node(summary, unchanged).child("baseline");
        EXPECT_STREQ(diff.attribute("matched-by").as_string(), "sha256") << unchanged;
        EXPECT_EQ(diff.attribute("new").as_uint(), 0u) << unchanged;
        EXPECT_EQ(diff.attribute("remaining").as_uint(), 1u) << unchanged;
    }
    EXPECT_EQ(xmllint(after / "summary.xml", true), 0);
}

TEST(BatchBaseline, AReportTheBaselineDoesNotHaveIsAllNew) {
    const fs::path in = scratch("baseline-unknown/in");
    write_baseline_night(in, 5);
    auto engine = marker_engine();
    const fs::path before = scratch("baseline-unknown/before");
    run_batch(*engine, options({in.string()}, before));
    const fs::path other = scratch("baseline-unknown/other");
    write_reports(other, 1, 99, [](std::size_t, fincheck::Report& r) {
        r.meta.department = r.own("另一个部门");
        add_marker(r, 2);
    });
    fs::rename(other / "report-000001.xml", other / "new-report.xml");
    auto o = options({other.string()}, scratch("baseline-unknown/after"));
    o.baseline_dir = before;
    const auto result = run_batch(*engine, o);
    EXPECT_EQ(result.totals.added, 1u);
    EXPECT_EQ(result.totals.remaining, 0u);
}

std::vector<std::string> batch_with_baseline(const fs::path& in, const fs::path& out, const fs::path& baseline) {
    return {"batch", in.string(), "--out", out.string(), "--jobs", "2", "--baseline", baseline.string()};
}

TEST(BatchBaseline, ABaselineThatCannotBeUsedIsExitTwoNamingIt) {
    const fs::path in = scratch("baseline-bad/in");
    write_baseline_night(in, 5);
    const fs::path root = scratch("baseline-bad/runs");

    const CliRun missing = run_fincheck(batch_with_baseline(in, root / "a", root / "no-such-dir"));
    EXPECT_EQ(missing.code(), 2) << missing.err;
    EXPECT_NE(missing.err.find((root / "no-such-dir").string()), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(root / "a" / "summary.xml"));

    fs::create_directories(root / "empty");
    const CliRun empty = run_fincheck(batch_with_baseline(in, root / "b", root / "empty"));
    EXPECT_EQ(empty.code(), 2) << empty.err;
    EXPECT_NE(empty.err.find("no audit file"), std::string::npos) << empty.err;

    fs::create_directories(root / "corrupt");
    std::ofstream(root / "corrupt" / "x-0123456789ab.audit.xml") << "not an audit";
    const CliRun corrupt = run_fincheck(batch_with_baseline(in, root / "c", root / "corrupt"));
    EXPECT_EQ(corrupt.code(), 2) << corrupt.err;
    EXPECT_NE(corrupt.err.find("x-0123456789ab.audit.xml"), std::string::npos) << corrupt.err;

    // The run itself works, and its output cannot be its own baseline.
    EXPECT_EQ(run_fincheck(batch_with_baseline(in, root / "d", root / "c")).code(), 2);
    const CliRun good = run_fincheck({"batch", in.string(), "--out", (root / "good").string(), "--jobs", "2"});
    ASSERT_EQ(good.code(), 0) << good.err;
    const CliRun itself = run_fincheck(batch_with_baseline(in, root / "good", root / "good"));
    EXPECT_EQ(itself.code(), 2) << itself.err;
    EXPECT_NE(itself.err.find("output directory"), std::string::npos) << itself.err;
    EXPECT_EQ(run_fincheck(batch_with_baseline(in, root / "e", root / "good")).code(), 0);

    // An audit whose header reads but whose findings do not is a failure of that report.
    fs::create_directories(root / "torn");
    for (const fs::directory_entry& audit : fs::directory_iterator(root / "good")) {
        const std::string name = audit.path().filename().string();
        if (!name.ends_with(".audit.xml")) continue;
        const std::string text = read(audit.path());
        std::ofstream(root / "torn" / name) << text.substr(0, text.find("<findings>"));
    }
    const CliRun torn = run_fincheck(batch_with_baseline(in, root / "f", root / "torn"));
    EXPECT_EQ(torn.code(), 2) << torn.err;
    EXPECT_NE(read(root / "f" / "summary.xml").find("kind=\"baseline\""), std::string::npos);
}

}  // namespace
