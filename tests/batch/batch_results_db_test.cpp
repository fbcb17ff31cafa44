// `fincheck batch --db`: two nights into one database answer the example queries of
// docs/results-db.md (run from docs/results-db-queries.sql, which the page shows verbatim);
// a database that cannot be used stops the batch with exit 2 naming it; a run that did not
// finish is left out of the queries.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <fstream>
#include <map>
#include <regex>

#include "batch_test_support.hpp"
#include "fincheck/batch/results_db.hpp"

namespace {

using namespace batchtest;

const fs::path kQueries = fs::path(FINCHECK_SOURCE_DIR) / "docs/results-db-queries.sql";
const fs::path kPage = fs::path(FINCHECK_SOURCE_DIR) / "docs/results-db.md";

// The queries of the .sql file by name, each from its "-- name:" line to its ';'.
std::map<std::string, std::string> example_queries() {
    const std::string text = read(kQueries);
    std::map<std::string, std::string> queries;
    const std::regex name("^-- name: (\\S+)$", std::regex::multiline);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), name);
         it != std::sregex_iterator(); ++it) {
        const std::size_t begin = static_cast<std::size_t>(it->position());
        const std::size_t end = text.find(";\n", begin);  // a query ends its last line with ";"
        queries[(*it)[1]] = text.substr(begin, end + 1 - begin);
    }
    return queries;
}

// The marker plugin's findings are warnings; the nights here are about errors.
fs::path errors_config(const fs::path& dir) {
    const fs::path config = dir / "fincheck.xml";
    std::ofstream(config) << "<?xml version=\"1.0\"?>\n<fincheck version=\"1\">\n"
                             "  <rule id=\"test-batch-marker\" severity=\"error\"/>\n</fincheck>\n";
    return config;
}

CliRun night(const fs::path& reports, const fs::path& out, const fs::path& db,
             const fs::path& config) {
    return run_fincheck({"batch", reports.string(), "--out", out.string(), "--jobs", "2", "--db",
                         db.string(), "--config", config.string()});
}

// Night 1: report 1 has an error in paragraph 2, report 2 one in paragraph 3, report 3 none.
// Night 2: report 1 unchanged, report 2 fixed, report 3 gets an error in paragraph 4.
struct TwoNights {
    fs::path db;
    std::string month;  // of the runs, 'YYYY-MM'
    std::string unit1, key2, key3;
};

TwoNights two_nights(const std::string& name) {
    const fs::path root = scratch("results-db/" + name);
    const fs::path config = errors_config(root);
    const fs::path first = root / "night1/reports", second = root / "night2/reports";
    fs::create_directories(first);
    fs::create_directories(second);
    write_reports(first, 3, 77, [](std::size_t i, fincheck::Report& r) {
        if (i == 0) add_marker(r, 2);
        if (i == 1) add_marker(r, 3);
    });
    std::vector<std::string> departments;
    write_reports(second, 3, 77, [&](std::size_t i, fincheck::Report& r) {
        departments.emplace_back(r.meta.department);
        if (i == 0) add_marker(r, 2);
        if (i == 2) add_marker(r, 4);
    });
    TwoNights nights;
    nights.db = root / "results.sqlite";
    for (const fs::path& reports : {first, second}) {
        const CliRun run = night(reports, reports.parent_path() / "out", nights.db, config);
        EXPECT_EQ(run.code(), 0) << run.err;
    }
    nights.month =
        Db(nights.db).query("SELECT substr(started_at, 1, 7) FROM run WHERE id = 1").at(0).at(0);
    nights.unit1 = departments.at(0);
    nights.key2 = "reports/report-000002.xml";
    nights.key3 = "reports/report-000003.xml";
    return nights;
}

TEST(BatchResultsDb, TwoNightsAnswerTheExampleQueries) {
    const TwoNights nights = two_nights("queries");
    const Db db(nights.db);
    const std::map<std::string, std::string> queries = example_queries();
    ASSERT_EQ(queries.size(), 3u);

    ASSERT_EQ(db.query("SELECT count(*) FROM run WHERE finished_at IS NOT NULL AND shard IS NULL"),
              (Rows{{"2"}}));
    EXPECT_EQ(db.query("SELECT count(*), sum(errors) FROM report GROUP BY run_id ORDER BY run_id"),
              (Rows{{"3", "2"}, {"3", "2"}}));

    // Report 1's error stood both nights; report 2's was fixed, report 3's is one night old.
    EXPECT_EQ(db.query(queries.at("unfixed-errors"), {{":runs", "2"}}),
              (Rows{{nights.unit1, "1"}}));
    EXPECT_EQ(db.query(queries.at("unfixed-errors"), {{":runs", "1"}}).size(), 2u);
    // Two runs cannot show an error unfixed for three.
    EXPECT_TRUE(db.query(queries.at("unfixed-errors"), {{":runs", "3"}}).empty());

    EXPECT_EQ(db.query(queries.at("rules-this-month"), {{":month", nights.month}}),
              (Rows{{"test-batch-marker", "4", "3"}}));
    EXPECT_TRUE(db.query(queries.at("rules-this-month"), {{":month", "1999-01"}}).empty());

    EXPECT_EQ(db.query(queries.at("changes-since-previous-run")),
              (Rows{{"fixed", nights.key2, "test-batch-marker"},
                    {"new", nights.key3, "test-batch-marker"}}));
}

TEST(BatchResultsDb, FindingsCarryTheirLocationMessagesAndAStableFingerprint) {
    const TwoNights nights = two_nights("findings");
    const Db db(nights.db);
    const Rows rows = db.query(
        "SELECT run_id, severity, block, message_zh, message_en, finding.fingerprint, "
        "report.fingerprint, department "
        "FROM finding JOIN report ON report.id = finding.report_id WHERE key = "
        "'reports/report-000001.xml' ORDER BY run_id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][1], "error");
    EXPECT_EQ(rows[0][2], "2");
    EXPECT_EQ(rows[0][3], "段落含标记");
    EXPECT_EQ(rows[0][4], "paragraph holds the marker");
    EXPECT_EQ(rows[0][5].size(), 64u);
    EXPECT_EQ(rows[0][5], rows[1][5]) << "the same error in another folder keeps its fingerprint";
    EXPECT_EQ(rows[0][6], rows[1][6]) << "the same bytes";
    EXPECT_EQ(rows[0][7], nights.unit1);
    // Two different errors never share one.
    EXPECT_EQ(db.query("SELECT count(DISTINCT fingerprint) FROM finding"), (Rows{{"3"}}));
}

TEST(BatchResultsDb, TheEnginesFingerprintIsStoredWhenTheAuditCarriesOne) {
    const fs::path db = scratch("results-db/engine-fingerprint") / "results.sqlite";
    {
        fincheck::batch::ResultsDb writer(db);
        writer.begin_run({"1.0.0", "hash", "", "out"});
        fincheck::batch::ReportRecord record;
        record.key = "reports/a.xml";
        record.output = "a.audit.xml";
        record.counts.error = 2;
        const std::string finding =
            "<finding rule=\"r\" severity=\"error\"%s><message lang=\"zh-CN\">中</message>"
            "<message lang=\"en\">en</message><location table=\"01\" row=\"a\" column=\"b\"/>"
            "<expected>1</expected><actual>2</actual></finding>";
        std::string audit = "<audit-report><findings>";
        for (const char* attribute : {" fingerprint=\"0123abcd\"", ""}) {
            std::string one = finding;
            one.replace(one.find("%s"), 2, attribute);
            audit += one;
        }
        audit += "</findings></audit-report>";
        writer.add_report(record, audit);
        writer.finish_run();
    }
    EXPECT_EQ(
        Db(db).query("SELECT fingerprint FROM finding ORDER BY id"),
        (Rows{{"0123abcd"}, {fincheck::batch::finding_fingerprint("r", "01/a/b", "1", "2")}}));
}

TEST(BatchResultsDb, ThePageShowsTheSchemaAndEveryQueryAsTheyAre) {
    const TwoNights nights = two_nights("page");
    const std::string page = read(kPage);
    for (const auto& [name, sql] : example_queries())
        EXPECT_NE(page.find("```sql\n" + sql + "\n```"), std::string::npos)
            << name << " differs from " << kQueries;
    for (const std::vector<std::string>& row :
         Db(nights.db).query("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL"))
        EXPECT_NE(page.find(row.at(0) + ";"), std::string::npos)
            << "docs/results-db.md does not show\n"
            << row.at(0);
    EXPECT_EQ(Db(nights.db).query("PRAGMA user_version"),
              (Rows{{std::to_string(fincheck::batch::kResultsDbVersion)}}));
}

TEST(BatchResultsDb, AnUnfinishedRunIsLeftOutOfTheQueries) {
    const TwoNights nights = two_nights("unfinished");
    {
        // A third night killed after one report: its row has no finished_at.
        fincheck::batch::ResultsDb writer(nights.db);
        writer.begin_run({"1.0.0", "hash", "", "out"});
        fincheck::batch::ReportRecord record;
        record.key = nights.key2;
        record.status = fincheck::batch::Status::failed;
        record.failure = fincheck::batch::Failure{"load", nights.key2, 1, 1, "broken"};
        writer.add_report(record, {});
    }
    const Db db(nights.db);
    EXPECT_EQ(db.query("SELECT count(*) FROM run WHERE finished_at IS NULL"), (Rows{{"1"}}));
    EXPECT_EQ(db.query("SELECT count(*) FROM report WHERE run_id = 3"), (Rows{{"0"}}))
        << "the open transaction is rolled back";
    const std::map<std::string, std::string> queries = example_queries();
    EXPECT_EQ(db.query(queries.at("unfixed-errors"), {{":runs", "2"}}),
              (Rows{{nights.unit1, "1"}}));
    EXPECT_EQ(db.query(queries.at("changes-since-previous-run")).size(), 2u);
}

fs::path write_file(const fs::path& file, const std::string& content) {
    std::ofstream(file, std::ios::binary) << content;
    return file;
}

void expect_refused(const fs::path& root, const fs::path& db, const std::string& why) {
    const fs::path reports = root / "reports";
    fs::create_directories(reports);
    write_reports(reports, 1, 5);
    // An earlier run's summary in the same --out must not stand for this one.
    fs::create_directories(root / "out");
    std::ofstream(root / "out" / "summary.xml") << "<batch-summary/>";
    const CliRun run = run_fincheck(
        {"batch", reports.string(), "--out", (root / "out").string(), "--db", db.string()});
    EXPECT_EQ(run.code(), 2) << why << ": " << run.err;
    EXPECT_NE(run.err.find(db.string()), std::string::npos)
        << why << ": the message names the database: " << run.err;
    EXPECT_NE(run.err.find(" / "), std::string::npos) << "zh-CN first, then English: " << run.err;
    EXPECT_FALSE(fs::exists(root / "out" / "summary.xml")) << why;
}

TEST(BatchResultsDb, ADatabaseThatCannotBeUsedIsExitTwoNamingIt) {
    const fs::path root = scratch("results-db/refused");
    expect_refused(root / "a", root / "missing-dir/results.sqlite",
                   "a directory that does not exist");
    expect_refused(root / "b", write_file(root / "text.sqlite", std::string(4096, 'x')),
                   "not an SQLite file");
    {
        const fs::path other = root / "other.sqlite";
        sqlite3* db = nullptr;
        sqlite3_open(other.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        expect_refused(root / "c", other, "another application's database");
    }
    {
        const fs::path newer = root / "newer.sqlite";
        { fincheck::batch::ResultsDb created(newer); }
        sqlite3* db = nullptr;
        sqlite3_open(newer.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        expect_refused(root / "d", newer, "a newer schema");
    }
}

TEST(BatchResultsDb, AnExistingDatabaseIsAppendedToNotReplaced) {
    const fs::path root = scratch("results-db/append");
    const fs::path reports = root / "reports", db = root / "results.sqlite";
    fs::create_directories(reports);
    write_reports(reports, 2, 6);
    for (const char* out : {"out1", "out2"}) {
        const CliRun run = run_fincheck(
            {"batch", reports.string(), "--out", (root / out).string(), "--db", db.string()});
        ASSERT_EQ(run.code(), 0) << run.err;
    }
    EXPECT_EQ(Db(db).query("SELECT run_id, count(*) FROM report GROUP BY run_id"),
              (Rows{{"1", "2"}, {"2", "2"}}));
}

// A full disk under the database mid-run: exit 2 naming it, no summary.xml (the run did not
// complete), an unfinished run in the database; the audits are kept, and --resume finishes.
TEST(BatchResultsDb, ADatabaseWriteThatFailsMidRunIsExitTwoAndResumable) {
    const fs::path root = scratch("results-db/full");
    const fs::path reports = root / "reports", out = root / "out", db = root / "results.sqlite";
    fs::create_directories(reports);
    write_reports(reports, 40, 9, [](std::size_t, fincheck::Report& r) {
        for (std::size_t b = 0; b < 10 && b < r.blocks.size(); ++b) add_marker(r, b);
    });
    {
        fincheck::batch::ResultsDb created(db);
    }  // created before the limit: the run's rows are what fail
    // EFBIG, as a full disk gives ENOSPC: each audit file (~20 KB), the journal and the summary
    // stay below the limit; the database's 400 findings (~150 KB) do not.
    const CliRun full =
        run_fincheck({"batch", reports.string(), "--out", out.string(), "--db", db.string()}, [] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{64 * 1024, 64 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    ASSERT_TRUE(full.exited()) << full.err;
    EXPECT_EQ(full.code(), 2) << full.err;
    EXPECT_NE(full.err.find(db.string()), std::string::npos) << full.err;
    EXPECT_FALSE(fs::exists(out / "summary.xml"));
    EXPECT_EQ(Db(db).query("SELECT count(*) FROM run WHERE finished_at IS NULL"), (Rows{{"1"}}));

    const CliRun resumed = run_fincheck(
        {"batch", reports.string(), "--out", out.string(), "--db", db.string(), "--resume"});
    EXPECT_EQ(resumed.code(), 0) << resumed.err;
    EXPECT_NE(resumed.err.find("40 沿用 / resumed"), std::string::npos)
        << "the audits were kept: " << resumed.err;
    EXPECT_EQ(Db(db).query(
                  "SELECT count(*), sum(warnings) FROM report JOIN run ON run.id = report.run_id "
                  "WHERE finished_at IS NOT NULL"),
              (Rows{{"40", "400"}}));
}

TEST(BatchResultsDb, MergeRefusesAnUnusableDatabaseBeforeWritingTheSummary) {
    const fs::path root = scratch("results-db/merge-refused");
    const fs::path reports = root / "reports";
    fs::create_directories(reports);
    write_reports(reports, 2, 8);
    const CliRun shard = run_fincheck(
        {"batch", reports.string(), "--out", (root / "shard").string(), "--shard", "1/1"});
    ASSERT_EQ(shard.code(), 0) << shard.err;
    const fs::path db = write_file(root / "text.sqlite", std::string(4096, 'x'));
    const CliRun merge = run_fincheck({"merge", (root / "shard/summary.xml").string(), "-o",
                                       (root / "merged.xml").string(), "--db", db.string()});
    EXPECT_EQ(merge.code(), 2) << merge.err;
    EXPECT_NE(merge.err.find(db.string()), std::string::npos) << merge.err;
    EXPECT_FALSE(fs::exists(root / "merged.xml"));
}

}  // namespace
