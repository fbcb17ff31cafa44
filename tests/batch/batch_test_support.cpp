#include "batch_test_support.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "fincheck/gen/generator.hpp"
#include "fincheck/report_xml.hpp"

namespace batchtest {

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(FINCHECK_TEST_SCRATCH_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write_reports(const fs::path& dir, std::size_t count, std::uint64_t seed,
                   const std::function<void(std::size_t, fincheck::Report&)>& edit) {
    fs::create_directories(dir);
    fincheck::gen::GeneratorOptions generator;
    generator.seed = seed;
    for (std::size_t i = 0; i < count; ++i) {
        fincheck::gen::GeneratedReport generated = fincheck::gen::generate_report(generator, i);
        if (edit) edit(i, generated.report);
        char name[32];
        std::snprintf(name, sizeof name, "report-%06zu.xml", i + 1);
        std::ofstream(dir / name, std::ios::binary) << fincheck::write_report_xml(generated.report);
    }
}

void add_marker(fincheck::Report& report, std::size_t block) {
    fincheck::Block& b = report.blocks.at(block);
    b.text = report.own(std::string(b.text) + "【标记】");
}

namespace {

std::unique_ptr<fincheck::engine::Engine> engine_with(const fs::path& plugin_dir) {
    fincheck::engine::EngineOptions options;
    options.search.plugin_dirs = {plugin_dir};
    options.search.use_environment = false;
    options.search.use_default = false;
    options.search.executable_dir = fs::path(FINCHECK_BINARY_DIR) / "bin";
    fincheck::engine::EngineCreation created = fincheck::engine::Engine::create(options);
    if (!created.engine) throw std::runtime_error(created.error->to_string());
    return std::move(created.engine);
}

}  // namespace

std::unique_ptr<fincheck::engine::Engine> marker_engine() { return engine_with(FINCHECK_BATCH_TEST_PLUGIN_DIR); }
std::unique_ptr<fincheck::engine::Engine> project_engine() { return engine_with(FINCHECK_PLUGIN_BUILD_DIR); }

fincheck::batch::BatchOptions options(const std::vector<std::string>& inputs, const fs::path& out, unsigned jobs) {
    fincheck::batch::BatchOptions o;
    o.inputs = fincheck::batch::expand_inputs(inputs).files;
    o.out_dir = out;
    o.jobs = jobs;
    o.progress = fincheck::batch::ProgressStyle::none;
    return o;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

pugi::xml_node report_node(const pugi::xml_document& summary, const std::string& input) {
    return summary.child("batch-summary").find_child_by_attribute("report", "input", input.c_str());
}

pid_t start_fincheck(const std::vector<std::string>& args, const fs::path& stderr_file, const std::function<void()>& in_child) {
    std::vector<std::string> all{FINCHECK_EXECUTABLE};
    all.insert(all.end(), args.begin(), args.end());
    if (!args.empty() && args.front() == "batch")
        all.insert(all.end(), {"--progress", "none", "--plugin-dir", FINCHECK_BATCH_TEST_PLUGIN_DIR});
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = ::open("/dev/null", O_WRONLY);
        if (err < 0 || null < 0) ::_exit(126);
        ::dup2(err, 2);
        ::dup2(null, 1);
        if (in_child) in_child();
        std::vector<char*> argv;
        for (std::string& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(FINCHECK_EXECUTABLE, argv.data());
        ::_exit(127);
    }
    return pid;
}

bool CliRun::exited() const { return WIFEXITED(status); }
int CliRun::code() const { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

CliRun run_fincheck(const std::vector<std::string>& args, const std::function<void()>& in_child) {
    const fs::path err = fs::path(FINCHECK_TEST_SCRATCH_DIR) / ("stderr-" + std::to_string(::getpid()) + ".txt");
    fs::create_directories(err.parent_path());
    CliRun run;
    const pid_t pid = start_fincheck(args, err, in_child);
    while (::waitpid(pid, &run.status, 0) < 0 && errno == EINTR) {
    }
    run.err = read(err);
    fs::remove(err);
    return run;
}

Db::Db(const fs::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error(file.string() + ": " + sqlite3_errmsg(db_));
}

Db::~Db() { sqlite3_close(db_); }

Rows Db::query(const std::string& sql, const std::map<std::string, std::string>& parameters) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error(sqlite3_errmsg(db_) + std::string(" in ") + sql);
    for (const auto& [name, value] : parameters) {
        const int index = sqlite3_bind_parameter_index(statement, name.c_str());
        if (index > 0 && !value.empty() && value.find_first_not_of("0123456789") == std::string::npos)
            sqlite3_bind_int64(statement, index, std::stoll(value));
        else if (index > 0)
            sqlite3_bind_text(statement, index, value.c_str(), -1, SQLITE_TRANSIENT);
    }
    Rows rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::vector<std::string>& row = rows.emplace_back();
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const unsigned char* text = sqlite3_column_text(statement, c);
            row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
    }
    sqlite3_finalize(statement);
    return rows;
}

int xmllint(const fs::path& file, bool schema) {
    std::string command = "xmllint --noout ";
    if (schema) command += "--schema " FINCHECK_SOURCE_DIR "/schemas/batch-summary.xsd ";
    command += "'" + file.string() + "' 2>/dev/null";
    return std::system(command.c_str());
}

}  // namespace batchtest
