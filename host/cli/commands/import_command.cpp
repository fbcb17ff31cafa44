// fincheck import REPORT.txt: convert extracted report text to report XML.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/engine/atomic_file.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/input_file.hpp"
#include "fincheck/import.hpp"
#include "fincheck/report_xml.hpp"
#include "input_options.hpp"

namespace fincheck::cli {
namespace {

class ImportCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("import", "把提取的报告文本转为报告 XML / convert extracted text to report XML");
        command->add_option("REPORT", input_, "报告文本（- 为标准输入）/ report text (.txt; - reads standard input)")
            ->required();
        command->add_option("-o,--output", output_,
                            "输出的报告 XML（默认或 - 为标准输出）/ report XML to write (default or -: stdout)");
        input_options_.add_to(*command);
        return command;
    }

    int run() override {
        engine::InputBytes read = engine::read_input_bytes(input_, input_options_.max_size());
        if (read.error) {
            std::cerr << "fincheck: " << read.error->to_string() << "\n";
            return kExitUsage;
        }
        if (output_is_the_input(output_, input_, read.identity)) return kExitUsage;
        const std::string name =
            is_stdio(input_) ? "stdin" : engine::display_name(std::filesystem::path(input_).filename().native());
        ImportResult imported = import_text(std::move(read.bytes), name);
        if (!imported.report) {
            std::cerr << "fincheck: "
                      << (imported.error ? imported.error->to_string() : input_ + ": cannot be imported") << "\n";
            return kExitUsage;
        }
        std::string xml = write_report_xml(*imported.report);
        if (output_.empty() || is_stdio(output_)) {
            std::cout << xml;
        } else {
            engine::write_file_atomically(output_, xml);
        }
        // Extraction damage is reported, not fixed: show it so the user knows what to check.
        for (const Finding& diagnostic : imported.diagnostics)
            std::cerr << "fincheck: " << diagnostic.rule_id << " @ "
                      << engine::describe_location(diagnostic.location, engine::Language::zh) << "\n";
        return kExitOk;
    }

private:
    std::string input_;
    std::string output_;
    InputOptions input_options_;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace fincheck::cli
