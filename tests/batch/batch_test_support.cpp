#include "batch_test_support.hpp"

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

}  // namespace batchtest
