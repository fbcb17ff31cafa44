// fincheck import REPORT.txt|REPORT.pdf: convert extracted report text, or a PDF (recognised by
// its content), to report XML.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/engine/atomic_file.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "fincheck/engine/input_file.hpp"
#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/sha256.hpp"
#include "input_options.hpp"
#include "logging.hpp"

namespace fincheck::cli {
namespace {

class ImportCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command =
            root.add_subcommand("import", "把报告文本或 PDF 转为报告 XML / convert report text or a PDF to report XML");
        command->add_option("REPORT", input_,
                            "报告文本或 PDF（- 为标准输入）/ report text (.txt) or PDF; - reads standard input")
            ->required();
        command->add_option("-o,--output", output_,
                            "输出的报告 XML（默认或 - 为标准输出）/ report XML to write (default or -: stdout)");
        command->add_option("--data-dir", data_dirs_,
                            "附加数据目录，读取其中 templates/ 下的地区模板（可重复）/ extra data directory whose "
                            "templates/ folder holds a region's template (repeatable)");
        command->add_option("--config", config_, "配置文件，代替向上查找 fincheck.xml / config file instead of the "
                                                 "fincheck.xml lookup");
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
        // The templates `check` would read this input against, from the same data directories
        // and config: an import must not recognise fewer tables than the audit of the same text.
        engine::ImportSetupResult setup = engine::import_setup(engine_options());
        if (setup.error) {
            std::cerr << "fincheck: " << setup.error->to_string() << "\n";
            return kExitUsage;
        }
        templates_ = &setup.setup->templates;
        const std::string name =
            is_stdio(input_) ? "stdin" : engine::display_name(std::filesystem::path(input_).filename().native());
        std::vector<PageBox> line_origin;
        ImportResult imported = import_bytes(std::move(read.bytes), name, line_origin);
        if (!imported.report) {
            std::cerr << "fincheck: "
                      << (imported.error ? imported.error->to_string() : input_ + ": cannot be imported") << "\n";
            return kExitUsage;
        }
        // A PDF's pages and boxes go into the XML beside each line (schemas/report.xsd).
        std::string xml = write_report_xml(*imported.report, line_origin.empty() ? nullptr : &line_origin);
        if (output_.empty() || is_stdio(output_)) {
            std::cout << xml;
        } else {
            engine::write_file_atomically(output_, xml);
        }
        // Extraction damage is reported, not fixed: show it so the user knows what to check.
        for (const Finding& diagnostic : imported.diagnostics)
            std::cerr << "fincheck: " << diagnostic.rule_id << " @ "
                      << engine::describe_location(diagnostic.location, engine::Language::zh, &line_origin) << "\n";
        return kExitOk;
    }

private:
    // A PDF by its %PDF- signature, whatever the extension; anything else as extracted text.
    ImportResult import_bytes(std::string bytes, const std::string& name, std::vector<PageBox>& line_origin) const {
        if (!is_pdf(bytes)) return import_text(std::move(bytes), name, *templates_);
        const std::string sha = sha256_hex(bytes);
        PdfImportResult pdf = is_stdio(input_) ? import_pdf_bytes(bytes, name, sha, {}, *templates_)
                                               : import_pdf(input_, name, sha, {}, *templates_);
        line_origin = std::move(pdf.line_origin);
        return std::move(pdf.imported);
    }

    engine::EngineOptions engine_options() const {
        engine::EngineOptions options;
        for (const std::string& dir : data_dirs_) options.search.data_dirs.emplace_back(dir);
        if (!config_.empty()) options.config_file = std::filesystem::path(config_);
        // As `check` looks it up: upward from the report's folder (from here for standard input).
        options.config_search_from = is_stdio(input_) ? std::filesystem::current_path()
                                                       : std::filesystem::absolute(input_).parent_path();
        options.log = &host_log();
        return options;
    }

    std::string input_;
    std::string output_;
    std::vector<std::string> data_dirs_;
    std::string config_;
    InputOptions input_options_;
    const templates::TemplateSet* templates_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace fincheck::cli
