// fincheck explain REPORT: what a check of this report would run, without running it: the
// detected region, level, template and year; the rule pack chosen and why; every rule's
// effective state, severity and tolerance with what set each (the audit header's own data).
#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "engine_options.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/input.hpp"
#include "input_options.hpp"

namespace fincheck::cli {
namespace {

class ExplainCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand(
            "explain", "说明一份报告将按何种配置审核：地区、规则包及其选用原因、每条规则的状态与来源 / show how a "
                       "report would be audited: region, rule packs and why, every rule's state and its source");
        command->add_option("REPORT", report_,
                            "报告文件（.xml、.txt 或 .pdf，与 check 相同；- 为标准输入）/ report file (.xml, .txt or .pdf, as "
                            "for check; - reads standard input)")
            ->required();
        command->add_option("--format", format_, "输出格式 / output format")->check(CLI::IsMember({"text", "xml"}));
        lang_.add_to(*command);
        engine_options_.add_to(*command);
        input_options_.add_to(*command);
        return command;
    }

    int run() override {
        const std::filesystem::path report_path(report_);
        // The same engine check would build, from the same config lookup, and the input read
        // against its templates as check reads it.
        std::unique_ptr<engine::Engine> engine =
            engine_options_.create_engine(std::filesystem::absolute(report_path).parent_path());
        if (!engine) return kExitUsage;
        engine::LoadedInput input = engine::load_input(report_path, input_options_.max_size(), engine->templates());
        if (!input.report) {
            std::cerr << "fincheck: " << (input.error ? input.error->to_string() : report_ + ": unreadable") << "\n";
            return kExitUsage;
        }
        const engine::AuditResult described = engine->describe(*input.report, input.input);
        std::cout << (format_ == "xml" ? engine::write_explanation_xml(described)
                                       : engine::write_explanation_text(described, lang_.language()));
        std::cout.flush();
        return kExitOk;
    }

private:
    std::string report_;
    std::string format_ = "text";
    LanguageOption lang_;
    EngineCliOptions engine_options_;
    InputOptions input_options_;
};

}  // namespace

std::unique_ptr<Command> make_explain_command() { return std::make_unique<ExplainCommand>(); }

}  // namespace fincheck::cli
