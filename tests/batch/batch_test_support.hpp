// Shared helpers of the batch tests: scratch directories, generated inputs, engines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "fincheck/batch/runner.hpp"
#include "fincheck/engine/engine.hpp"
#include "fincheck/report.hpp"

struct sqlite3;

namespace batchtest {

namespace fs = std::filesystem;

// A fresh, empty directory under the test scratch area.
fs::path scratch(const std::string& name);

// Writes `count` generated reports report-NNNNNN.xml into `dir`; `edit` may alter each
// report before it is written.
void write_reports(const fs::path& dir, std::size_t count, std::uint64_t seed,
                   const std::function<void(std::size_t, fincheck::Report&)>& edit = {});

// Appends the marker the test plugin reports to block `block` of `report`.
void add_marker(fincheck::Report& report, std::size_t block);

// An engine with only the batch test plugin, or with the project's real rule plugins.
std::unique_ptr<fincheck::engine::Engine> marker_engine();
std::unique_ptr<fincheck::engine::Engine> project_engine();

fincheck::batch::BatchOptions options(const std::vector<std::string>& inputs, const fs::path& out, unsigned jobs = 2);

std::string read(const fs::path& file);

// The <report> element of `input` in a loaded summary.xml.
pugi::xml_node report_node(const pugi::xml_document& summary, const std::string& input);

// `fincheck ARGS…` (for batch: with --progress none --plugin-dir <batch test plugins>) as a child process, stderr into
// `stderr_file`; `in_child` runs in the child before exec (limits, signal dispositions).
pid_t start_fincheck(const std::vector<std::string>& args, const fs::path& stderr_file,
                     const std::function<void()>& in_child = {});

struct CliRun {
    int status = 0;  // as waitpid gives it
    std::string err;
    bool exited() const;
    int code() const;  // exit code, or -1 when it did not exit
};
CliRun run_fincheck(const std::vector<std::string>& args, const std::function<void()>& in_child = {});

// A results database opened read-only, for asserting on what a batch recorded.
using Rows = std::vector<std::vector<std::string>>;
class Db {
public:
    explicit Db(const fs::path& file);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();
    // Every row as text (NULL as "NULL"); parameters bound by name (a number as an integer,
    // as sqlite3's `.param set :runs 3` does), unbound ones are NULL.
    Rows query(const std::string& sql, const std::map<std::string, std::string>& parameters = {}) const;

private:
    ::sqlite3* db_ = nullptr;
};

// xmllint --noout (and --schema schemas/batch-summary.xsd when `schema`): 0 when valid.
int xmllint(const fs::path& file, bool schema);

}  // namespace batchtest
