// fincheck merge SUMMARY... -o merged.xml: combine the summaries of shards into the summary
// an unsharded run would have written.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/batch/summary.hpp"

namespace fincheck::cli {
namespace {

class MergeCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("merge", "合并分片的批量汇总 / merge shard summaries");
        command->add_option("SUMMARY", summaries_, "分片的 summary.xml / shard summary files")->required();
        command->add_option("-o,--output", output_, "合并后的汇总文件 / merged summary file")->required();
        return command;
    }

    int run() override {
        std::vector<std::filesystem::path> files(summaries_.begin(), summaries_.end());
        if (std::optional<std::string> error = batch::merge_summaries(files, output_)) {
            std::cerr << "fincheck: " << *error << "\n";
            return kExitUsage;
        }
        return kExitOk;
    }

private:
    std::vector<std::string> summaries_;
    std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace fincheck::cli
