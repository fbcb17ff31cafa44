#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>

#include <fstream>
#include <sstream>

namespace fincheck::test {
namespace fs = std::filesystem;

namespace {

Cell number_cell(Report& report, const char* raw, std::int64_t units, SourceLine line) {
    Cell cell;
    cell.raw = report.own(raw);
    cell.value = Decimal::from_units(units);
    cell.line = line;
    return cell;
}

}  // namespace

Report report_with_blank_total() {
    Report report;
    report.meta.department = report.own("测试区测试局");
    report.meta.fiscal_year = 2024;
    report.meta.title = report.own("测试区测试局2024年度部门决算");

    Table expenditure;
    expenditure.id = report.own("03");
    expenditure.kind = TableKind::standard;
    expenditure.title = report.own("支出决算表");
    expenditure.line = 40;
    expenditure.columns.push_back(Column{report.own("本年支出合计"), {}, 1, {}});
    Row total;
    total.key = total.label = report.own("合计");
    total.level = RowLevel::total;
    total.cells.push_back(Cell{});
    total.line = 45;
    expenditure.rows.push_back(total);
    for (auto [code, raw, units, line] :
         {std::tuple{"2013101", "12.00", 12'000'000, 47u}, std::tuple{"2013102", "3.50", 3'500'000, 48u}}) {
        Row item;
        item.key = item.code = report.own(code);
        item.label = report.own("项目");
        item.level = RowLevel::subitem;
        item.cells.push_back(number_cell(report, raw, units, line));
        item.line = line;
        expenditure.rows.push_back(item);
    }
    report.tables.push_back(std::move(expenditure));

    Table three_public;
    three_public.id = report.own("09");
    three_public.kind = TableKind::standard;
    three_public.line = 90;
    three_public.columns.push_back(Column{report.own("决算数"), {}, 1, {}});
    Row filled_total;
    filled_total.key = filled_total.label = report.own("合计");
    filled_total.level = RowLevel::total;
    filled_total.cells.push_back(number_cell(report, "1.00", 1'000'000, 92));
    filled_total.line = 92;
    Row part;
    part.key = part.label = report.own("公务接待费");
    part.cells.push_back(number_cell(report, "1.00", 1'000'000, 93));
    part.line = 93;
    three_public.rows = {filled_total, part};
    report.tables.push_back(std::move(three_public));
    return report;
}

engine::EngineOptions options_for_dir(const fs::path& plugin_dir, std::string rules) {
    engine::EngineOptions options;
    options.search.plugin_dirs = {plugin_dir};
    options.search.use_environment = false;
    options.search.use_default = false;
    options.rules = std::move(rules);
    return options;
}

engine::EngineOptions options_with_load_problems() {
    engine::EngineOptions options = options_for_dir(FINCHECK_TEST_PLUGIN_DIR);
    options.search.plugin_dirs.push_back(FINCHECK_TEST_BROKEN_PLUGIN_DIR);
    options.tolerate_plugin_problems = true;
    return options;
}

// Per test, not only per name: ctest runs the tests of one fixture in parallel processes, and
// one test's remove_all must not pull the folder out from under another.
fs::path scratch_dir(const std::string& name) {
    fs::path dir = fs::path(FINCHECK_TEST_SCRATCH_DIR) / name;
    if (const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info())
        dir /= std::string(test->test_suite_name()) + "." + test->name();
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

void write_file(const fs::path& file, const std::string& content) {
    std::ofstream out(file, std::ios::binary);
    out << content;
}

std::string quote(const std::string& text) { return "'" + text + "'"; }

CliRun run_fincheck(const std::string& args, const std::string& name, const fs::path& cwd,
                    const std::string& environment) {
    return run_command((cwd.empty() ? std::string() : "cd " + quote(cwd.string()) + " && ") +
                           "timeout 60 env -u FINCHECK_PLUGIN_PATH -u LC_ALL -u LC_MESSAGES -u LANG " + environment +
                           " " + quote(FINCHECK_CLI) + " " + args,
                       "cli-io-" + name);
}

CliRun run_command(const std::string& command, const std::string& name) {
    fs::path dir = scratch_dir(name);
    const std::string redirected =
        "{ " + command + "; } > " + quote((dir / "out").string()) + " 2> " + quote((dir / "err").string());
    int status = std::system(redirected.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(dir / "out");
    run.err = read_file(dir / "err");
    return run;
}

engine::PluginSet load_plugins(const std::vector<fs::path>& files) {
    return engine::PluginSet::load(files, [](std::string_view) { return PluginEnvironment{}; });
}

}  // namespace fincheck::test
