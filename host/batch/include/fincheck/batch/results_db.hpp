// The results database (`fincheck batch --db FILE`, `fincheck merge --db FILE`): every run
// appends one row to `run`, one to `report` per input and one to `finding` per finding, so
// that trends over nights ("errors unfixed for three runs", "rules that fire most this month")
// are an SQL query away. SQLite, written by the batch's parent process only (the workers it
// forks never touch the connection), in WAL mode and in transactions of at most
// kReportsPerTransaction reports: a run killed half-way leaves a consistent database whose
// run row has no finished_at, and the example queries read only finished runs. Schema and
// queries: docs/results-db.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fincheck/batch/record.hpp"

namespace fincheck::batch {

// The schema version this fincheck writes (PRAGMA user_version). A database of a later
// version is refused; an earlier one is migrated when opened (docs/results-db.md).
inline constexpr int kResultsDbVersion = 1;

struct RunInfo {
    std::string tool_version;
    std::string config_hash;
    std::string shard;  // "I/N", or empty for a whole run (a batch without --shard, a merge)
    std::string out_dir;
};

// The identity of a finding across runs, folders and renames, for an audit file whose
// <finding> carries no `fingerprint` attribute: SHA-256 over the rule id, the cell
// (table/row/column) or, for prose, the section and paragraph, and the expected and actual
// values; never the file name or the source line. When the engine writes its own fingerprint
// into the audit (#16.5, the "formats" work), the database stores that one instead, so that
// the database, SARIF and baselines agree; this stays only for audits without it.
std::string finding_fingerprint(std::string_view rule, std::string_view location,
                                std::string_view expected, std::string_view actual);

class ResultsDb {
public:
    // Opens (creating, or migrating from an older schema) the database. Throws
    // std::runtime_error naming the file when it cannot be opened or written, is not a
    // fincheck results database, or has a newer schema.
    explicit ResultsDb(const std::filesystem::path& file);
    ResultsDb(const ResultsDb&) = delete;
    ResultsDb& operator=(const ResultsDb&) = delete;
    ~ResultsDb();  // an unfinished run stays without finished_at

    // Starts a run (committed at once, so that a run that dies is visible as unfinished).
    void begin_run(const RunInfo& info);
    // Adds one report; `audit_xml` is its audit file (empty for a failed or skipped input),
    // from which its department, year and findings are read. Throws std::runtime_error
    // naming the database (or the report, when its audit file cannot be read).
    void add_report(const ReportRecord& record, std::string_view audit_xml);
    // Commits what is pending and marks the run finished.
    void finish_run();

    std::int64_t run_id() const;
    const std::filesystem::path& file() const;

    static constexpr int kReportsPerTransaction = 500;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Adds `record` with the findings of its audit file in `audit_dir` (the batch's --out, or a
// shard's directory for merge). Throws std::runtime_error naming the file that failed.
void add_report_from_dir(ResultsDb& db, const ReportRecord& record,
                         const std::filesystem::path& audit_dir);

}  // namespace fincheck::batch
