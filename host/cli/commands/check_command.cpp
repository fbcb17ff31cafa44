// fincheck check REPORT: audit one report (XML, or .txt through the importer) and write
// the audit report; the exit code says whether findings reached --fail-on.
#include <filesystem>
#include <iostream>
#include <optional>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "engine_options.hpp"
#include "fincheck/engine/atomic_file.hpp"
#include "fincheck/engine/audit_html.hpp"
#include "fincheck/engine/url_path.hpp"
#include "fincheck/engine/audit_baseline.hpp"
#include "fincheck/engine/audit_formats.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/input.hpp"
#include "input_options.hpp"

namespace fincheck::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSummaryFindings = 10;

class CheckCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("check", "审核一份报告 / audit one report");
        command->add_option("REPORT", report_,
                            "报告文件（.xml，或 .txt 经导入；- 为标准输入）/ report file (.xml, or .txt via the importer; - "
                            "reads standard input)")
            ->required();
        command->add_option("-o,--output", output_,
                            "审计报告输出文件（- 为标准输出）/ write the audit report to this file (- for standard output)");
        command->add_option("--format", format_, "输出格式 / output format")
            ->check(CLI::IsMember({"xml", "text", "html", "sarif", "json", "csv", "xlsx"}));
        command->add_option("--fail-on", fail_on_, "达到此级别的发现时退出码为 1 / exit 1 on findings at or above")
            ->check(CLI::IsMember({"error", "warning", "info", "none"}))
            ->capture_default_str();
        command->add_option("--baseline", baseline_,
                            "与同一报告此前的审计报告（XML）比较：标出新增与已修复的发现，--fail-on 只计新增 / compare "
                            "with an earlier audit (XML) of this report: mark new and fixed findings; --fail-on counts "
                            "only the new ones");
        lang_.add_to(*command);
        engine_options_.add_to(*command);
        input_options_.add_to(*command);
        return command;
    }

    int run() override {
        const fs::path report_path(report_);
        // The engine first: its data directories may hold a region's template, which the
        // importers need to recognise that region's tables. Absolute: `check mod.txt` has an
        // empty parent, which would mean "no config at all".
        std::unique_ptr<engine::Engine> engine =
            engine_options_.create_engine(fs::absolute(report_path).parent_path());
        if (!engine) return kExitUsage;
        engine::LoadedInput input = engine::load_input(report_path, input_options_.max_size(), engine->templates());
        if (!input.report) {
            std::cerr << "fincheck: " << (input.error ? input.error->to_string() : report_ + ": unreadable") << "\n";
            return kExitUsage;
        }
        if (output_is_the_input(output_, report_, input.identity)) return kExitUsage;
        std::optional<engine::BaselineAudit> baseline;
        if (!baseline_.empty()) {
            engine::BaselineLoad loaded = engine::read_baseline_audit(baseline_);
            if (!loaded.audit) {
                std::cerr << "fincheck: " << loaded.error->to_string() << "\n";
                return kExitUsage;
            }
            baseline = std::move(loaded.audit);
        }
        engine::AuditResult result = engine->audit(*input.report, std::move(input.diagnostics), input.input);
        if (baseline) engine::compare_with_baseline(result, *baseline);

        const engine::Language language = lang_.language();
        const std::string format = format_.value_or("xml");
        auto render = [&]() -> std::string {
            if (format == "html") return engine::write_audit_html(*input.report, result, {language, pdf_href(input)});
            if (format == "text") return engine::write_audit_text(result, {language});
            if (format == "sarif") return engine::write_audit_sarif(result, {language, is_stdio(report_) ? std::string() : report_, {}});
            if (format == "json") return engine::write_audit_json(result);
            if (format == "csv") return engine::write_audit_csv(result, language);
            if (format == "xlsx") return engine::write_audit_xlsx(result, language);
            return engine::write_audit_xml(result);
        };
        const bool to_stdout = is_stdio(output_) || (output_.empty() && format_);
        if (to_stdout && format == "xlsx" && ::isatty(STDOUT_FILENO)) {
            std::cerr << "fincheck: XLSX 是二进制文件，拒绝写到终端；请用 -o FILE.xlsx 或重定向 / XLSX is binary; "
                         "refusing to write it to a terminal: use -o FILE.xlsx or redirect standard output\n";
            return kExitUsage;
        }
        if (is_stdio(output_)) {
            std::cout << render();
        } else if (!output_.empty()) {
            engine::write_file_atomically(output_, render());
            std::cout << engine::write_audit_text(result, {language, kSummaryFindings, false});
        } else if (format_) {
            std::cout << render();
        } else {
            std::cout << engine::write_audit_text(result, {language, kSummaryFindings, true});
        }
        std::cout.flush();

        if (fail_on_ == "none") return kExitOk;
        std::optional<Severity> threshold = severity_from_string(fail_on_);
        const engine::SeverityCounts& counted = result.baseline ? result.baseline->new_counts : result.counts;
        return threshold && counted.at_or_above(*threshold) > 0 ? kExitFindings : kExitOk;
    }

private:
    // The review page links page numbers to the PDF it came from, relative to the folder the
    // page is written to, so that the two can be moved or mailed together.
    std::string pdf_href(const engine::LoadedInput& input) const {
        if (input.input.line_origin.empty() || is_stdio(report_)) return {};
        const fs::path page_dir =
            output_.empty() || is_stdio(output_) ? fs::current_path() : fs::absolute(output_).parent_path();
        return engine::relative_link(page_dir, report_);
    }

    std::string report_;
    std::string output_;
    std::optional<std::string> format_;
    std::string fail_on_ = "error";
    std::string baseline_;
    LanguageOption lang_;
    EngineCliOptions engine_options_;
    InputOptions input_options_;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace fincheck::cli
