// fincheck import REPORT.txt|REPORT.pdf: convert extracted report text, or a PDF (recognised by
// its content), to report XML.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/engine/atomic_file.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck/sha256.hpp"
#include "fincheck/report_xml.hpp"

namespace fincheck::cli {
namespace {

class ImportCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("import", "把报告文本或 PDF 转为报告 XML / convert report text or a PDF to report XML");
        command->add_option("REPORT", input_, "报告文本或 PDF / report text (.txt) or PDF")->required();
        command->add_option("-o,--output", output_, "输出的报告 XML（默认标准输出）/ report XML to write (default: stdout)");
        return command;
    }

    int run() override {
        std::vector<PageBox> line_origin;
        ImportResult imported = import_file(line_origin);
        if (!imported.report) {
            std::cerr << "fincheck: "
                      << (imported.error ? imported.error->to_string() : input_ + ": cannot be imported") << "\n";
            return kExitUsage;
        }
        std::string xml = write_report_xml(*imported.report);
        if (output_.empty()) {
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
    // A PDF by its %PDF- signature, whatever the extension; anything else as text.
    ImportResult import_file(std::vector<PageBox>& line_origin) const {
        std::ifstream in(input_, std::ios::binary);
        std::string head(1024, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        if (!in.bad() && is_pdf(head)) {
            in.clear();
            in.seekg(0);
            std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            PdfImportResult pdf = import_pdf(input_, input_, sha256_hex(bytes));
            line_origin = std::move(pdf.line_origin);
            return std::move(pdf.imported);
        }
        return import_text_file(input_);
    }

    std::string input_;
    std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace fincheck::cli
