#include "fincheck/batch/results_db.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <iterator>
#include <map>
#include <pugixml.hpp>
#include <stdexcept>
#include <vector>

#include "file_bytes.hpp"
#include "fincheck/sha256.hpp"
#include "run_stamp.hpp"
#include "xml_text.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

// "FCK1": tells a fincheck results database from any other SQLite file.
constexpr int kApplicationId = 0x46434b31;

// Migrations[v] takes a database of schema version v to v + 1, in one transaction with the
// version bump. Only ever append: a released step must stay as it was, since databases out
// there are at every version in between. docs/results-db.md shows the resulting schema.
const char* const kMigrations[] = {
    // 0 → 1: the first schema.
    R"sql(
CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  host TEXT NOT NULL,
  config_hash TEXT NOT NULL,
  fincheck_version TEXT NOT NULL,
  shard TEXT,
  out_dir TEXT NOT NULL
);
CREATE TABLE report (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES run(id),
  key TEXT NOT NULL,
  fingerprint TEXT,
  department TEXT,
  fiscal_year INTEGER,
  status TEXT NOT NULL CHECK (status IN ('audited', 'failed', 'skipped')),
  failure_kind TEXT,
  failure_message TEXT,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  infos INTEGER NOT NULL,
  audit_file TEXT,
  UNIQUE (run_id, key)
);
CREATE TABLE finding (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES report(id),
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  table_id TEXT,
  row_label TEXT,
  column_label TEXT,
  section TEXT,
  block INTEGER,
  page INTEGER,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL,
  expected TEXT,
  actual TEXT,
  defect TEXT,
  defect_root TEXT,
  fingerprint TEXT NOT NULL
);
CREATE INDEX report_by_key ON report (key, run_id);
CREATE INDEX finding_by_report ON finding (report_id);
CREATE INDEX finding_by_fingerprint ON finding (fingerprint);
)sql",
};
static_assert(std::size(kMigrations) == kResultsDbVersion, "one migration per schema version");

// Database text is UTF-8: a key that is not is stored percent-escaped, as summary.xml does.
std::string key_text(std::string_view key) {
    return is_xml_text(key) ? std::string(key) : percent_escaped(key);
}

class Statement {
public:
    Statement(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK)
            statement_ = nullptr;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(statement_); }
    bool ok() const { return statement_ != nullptr; }

    Statement& text(int index, std::string_view value) {
        sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT);
        return *this;
    }
    Statement& text_or_null(int index, std::string_view value) {
        if (value.empty())
            sqlite3_bind_null(statement_, index);
        else
            text(index, value);
        return *this;
    }
    Statement& integer(int index, std::int64_t value) {
        sqlite3_bind_int64(statement_, index, value);
        return *this;
    }
    Statement& integer_or_null(int index, const char* value) {
        if (!value || !*value)
            sqlite3_bind_null(statement_, index);
        else
            integer(index, std::strtoll(value, nullptr, 10));
        return *this;
    }
    // Runs the statement to completion; false on an error (sqlite3_errmsg tells which).
    bool run() {
        int rc;
        while ((rc = sqlite3_step(statement_)) == SQLITE_ROW) {
        }
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
        return rc == SQLITE_DONE;
    }
    sqlite3_stmt* get() const { return statement_; }

private:
    sqlite3_stmt* statement_ = nullptr;
};

// The location of a finding as the fingerprint sees it: the cell when there is one, else the
// section and paragraph. The source line is left out on purpose: it moves when anything above
// the finding changes.
std::string fingerprint_location(const pugi::xml_node& location) {
    std::string key = location.attribute("table").as_string();
    if (!key.empty()) {
        key += '/';
        key += location.attribute("row").as_string();
        key += '/';
        key += location.attribute("column").as_string();
        return key;
    }
    key = location.attribute("section").as_string();
    if (const char* block = location.attribute("block").as_string(nullptr)) {
        key += "#";
        key += block;
    }
    return key;
}

}  // namespace

std::string finding_fingerprint(std::string_view rule, std::string_view location,
                                std::string_view expected, std::string_view actual) {
    // A separator no field can hold (XML text has no U+0001), so fields cannot run into each other.
    std::string text;
    for (std::string_view field : {rule, location, expected, actual}) {
        text += field;
        text += '\x01';
    }
    return sha256_hex(text);
}

struct ResultsDb::State {
    fs::path file;
    sqlite3* db = nullptr;
    std::int64_t run = 0;
    int pending = 0;  // reports in the open transaction
    std::unique_ptr<Statement> insert_report, insert_finding;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        // An unfinished run keeps what was committed; the open transaction is rolled back.
        if (db && !sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        insert_report.reset();
        insert_finding.reset();
        sqlite3_close(db);
    }

    // "结果数据库 FILE 无法写入 / results database FILE cannot be written: <SQLite's reason>"
    [[noreturn]] void fail(std::string_view zh, std::string_view en,
                           std::string reason = {}) const {
        if (reason.empty() && db) reason = sqlite3_errmsg(db);
        throw std::runtime_error("结果数据库 " + file.string() + " " + std::string(zh) +
                                 " / results database " + file.string() + " " + std::string(en) +
                                 (reason.empty() ? "" : ": " + reason));
    }
    [[noreturn]] void fail_write() const { fail("无法写入", "cannot be written"); }
    void exec(const char* sql) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail_write();
    }
    std::int64_t pragma(const char* sql) {
        Statement statement(db, sql);
        if (!statement.ok() || sqlite3_step(statement.get()) != SQLITE_ROW)
            fail("无法读取", "cannot be read");
        return sqlite3_column_int64(statement.get(), 0);
    }
    void begin() {
        if (pending == 0) exec("BEGIN IMMEDIATE");
    }
    void commit() {
        exec("COMMIT");
        pending = 0;
    }
    void migrate();
};

void ResultsDb::State::migrate() {
    exec("BEGIN IMMEDIATE");
    const std::int64_t application = pragma("PRAGMA application_id");
    const std::int64_t version = pragma("PRAGMA user_version");
    const std::int64_t objects = pragma("SELECT count(*) FROM sqlite_schema");
    if (version > kResultsDbVersion) {
        throw std::runtime_error(
            "结果数据库 " + file.string() + " 的结构版本 " + std::to_string(version) +
            " 比本程序（" + std::to_string(kResultsDbVersion) + "）新 / results database " +
            file.string() + " has schema version " + std::to_string(version) +
            ", newer than this fincheck's " + std::to_string(kResultsDbVersion) +
            ": use a newer fincheck or another file");
    }
    if (application != kApplicationId && !(application == 0 && objects == 0)) {
        throw std::runtime_error("文件 " + file.string() + " 不是 fincheck 结果数据库 / " +
                                 file.string() +
                                 " is an SQLite database but not a fincheck results database");
    }
    for (std::int64_t v = version; v < kResultsDbVersion; ++v) exec(kMigrations[v]);
    const std::string header = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                               "; PRAGMA user_version = " + std::to_string(kResultsDbVersion);
    exec(header.c_str());
    exec("COMMIT");
}

ResultsDb::ResultsDb(const fs::path& file) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.file = file;
    if (sqlite3_open_v2(file.c_str(), &s.db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string message = s.db ? sqlite3_errmsg(s.db) : "out of memory";
        sqlite3_close(s.db);
        s.db = nullptr;
        s.fail("无法打开", "cannot be opened", message);
    }
    // Another process reading the database (a dashboard, sqlite3) may hold it briefly.
    sqlite3_busy_timeout(s.db, 10000);
    // "file is not a database" shows on the first statement that reads it.
    s.exec("PRAGMA foreign_keys = ON");
    {
        Statement mode(s.db, "PRAGMA journal_mode = WAL");
        if (!mode.ok() || sqlite3_step(mode.get()) != SQLITE_ROW)
            s.fail("无法读取", "cannot be read");
    }
    s.exec("PRAGMA synchronous = NORMAL");
    s.migrate();
    s.insert_report =
        std::make_unique<Statement>(s.db,
                                    "INSERT INTO report (run_id, key, fingerprint, department, "
                                    "fiscal_year, status, failure_kind, "
                                    "failure_message, errors, warnings, infos, audit_file) VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    s.insert_finding = std::make_unique<Statement>(
        s.db,
        "INSERT INTO finding (report_id, rule, severity, table_id, row_label, column_label, "
        "section, block, page, "
        "message_zh, message_en, expected, actual, defect, defect_root, fingerprint) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    if (!s.insert_report->ok() || !s.insert_finding->ok()) s.fail_write();
}

ResultsDb::~ResultsDb() = default;

void ResultsDb::begin_run(const RunInfo& info) {
    State& s = *state_;
    Statement insert(
        s.db,
        "INSERT INTO run (started_at, host, config_hash, fincheck_version, shard, out_dir) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) s.fail_write();
    insert.text(1, utc_timestamp())
        .text(2, xml_readable(host_name()))
        .text(3, info.config_hash)
        .text(4, info.tool_version)
        .text_or_null(5, info.shard)
        .text(6, xml_readable(info.out_dir));
    if (!insert.run()) s.fail_write();
    s.run = sqlite3_last_insert_rowid(s.db);
}

void ResultsDb::add_report(const ReportRecord& record, std::string_view audit_xml) {
    State& s = *state_;
    pugi::xml_document audit;
    pugi::xml_node root;
    if (!audit_xml.empty()) {
        if (!audit.load_buffer(audit_xml.data(), audit_xml.size()) ||
            !(root = audit.child("audit-report")))
            throw std::runtime_error("无法读取审核文件 / cannot read the audit file " +
                                     record.output + " of " + xml_readable(record.key) +
                                     " for the results database " + s.file.string());
    }
    const pugi::xml_node meta = root.child("header").child("report");
    s.begin();
    ++s.pending;
    Statement& report = *s.insert_report;
    report.integer(1, s.run)
        .text(2, key_text(record.key))
        .text_or_null(3, record.sha256)
        .text_or_null(4, meta.attribute("department").as_string())
        .integer_or_null(5, meta.attribute("fiscal-year").as_string(nullptr))
        .text(6, to_string(record.status))
        .text_or_null(7, record.failure ? record.failure->kind : std::string())
        .text_or_null(8, record.failure ? xml_readable(record.failure->message) : std::string())
        .integer(9, static_cast<std::int64_t>(record.counts.error))
        .integer(10, static_cast<std::int64_t>(record.counts.warning))
        .integer(11, static_cast<std::int64_t>(record.counts.info))
        .text_or_null(12, record.output);
    if (!report.run()) s.fail_write();
    const std::int64_t report_id = sqlite3_last_insert_rowid(s.db);

    std::map<std::string, std::string, std::less<>> roots;  // defect id → its root cell
    for (pugi::xml_node defect : root.child("defects").children("defect"))
        roots[defect.attribute("id").as_string()] = defect.attribute("root").as_string();
    Statement& insert = *s.insert_finding;
    for (pugi::xml_node f : root.child("findings").children("finding")) {
        const pugi::xml_node location = f.child("location");
        const std::string rule = f.attribute("rule").as_string();
        const std::string expected = f.child("expected").text().as_string();
        const std::string actual = f.child("actual").text().as_string();
        const std::string defect = f.attribute("defect").as_string();
        std::string zh, en;
        for (pugi::xml_node message : f.children("message"))
            (std::string_view(message.attribute("lang").as_string()) == "en" ? en : zh) =
                message.text().as_string();
        const auto defect_root = roots.find(defect);
        // The engine's own fingerprint when the audit carries one (see finding_fingerprint).
        const char* engine_fingerprint = f.attribute("fingerprint").as_string(nullptr);
        insert.integer(1, report_id)
            .text(2, rule)
            .text(3, f.attribute("severity").as_string())
            .text_or_null(4, location.attribute("table").as_string())
            .text_or_null(5, location.attribute("row").as_string())
            .text_or_null(6, location.attribute("column").as_string())
            .text_or_null(7, location.attribute("section").as_string())
            .integer_or_null(8, location.attribute("block").as_string(nullptr))
            .integer_or_null(9, location.attribute("page").as_string(nullptr))
            .text(10, zh)
            .text(11, en)
            .text_or_null(12, expected)
            .text_or_null(13, actual)
            .text_or_null(14, defect)
            .text_or_null(15, defect_root == roots.end() ? std::string() : defect_root->second)
            .text(16, engine_fingerprint ? std::string(engine_fingerprint)
                                         : finding_fingerprint(rule, fingerprint_location(location),
                                                               expected, actual));
        if (!insert.run()) s.fail_write();
    }
    if (s.pending >= kReportsPerTransaction) s.commit();
}

void ResultsDb::finish_run() {
    State& s = *state_;
    s.begin();
    ++s.pending;
    Statement finish(s.db, "UPDATE run SET finished_at = ?1 WHERE id = ?2");
    if (!finish.ok()) s.fail_write();
    finish.text(1, utc_timestamp()).integer(2, s.run);
    if (!finish.run()) s.fail_write();
    s.commit();
}

void add_report_from_dir(ResultsDb& db, const ReportRecord& record, const fs::path& audit_dir) {
    std::string audit;
    if (record.status == Status::audited &&
        (record.output.empty() || !read_file_into(audit_dir / record.output, audit)))
        throw std::runtime_error("无法读取审核文件 / cannot read the audit file " +
                                 (audit_dir / record.output).string() +
                                 " for the results database " + db.file().string());
    db.add_report(record, audit);
}

std::int64_t ResultsDb::run_id() const {
    return state_->run;
}
const fs::path& ResultsDb::file() const {
    return state_->file;
}

}  // namespace fincheck::batch
