// fincheck merge SUMMARY... -o merged.xml: combine the summaries of shards into the summary
// an unsharded run would have written.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/batch/results_db.hpp"
#include "fincheck/batch/summary.hpp"

namespace fincheck::cli {
namespace {

class MergeCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("merge", "合并分片的批量汇总 / merge shard summaries");
        command->add_option("SUMMARY", summaries_, "分片的 summary.xml / shard summary files")->required();
        command->add_option("-o,--output", output_, "合并后的汇总文件 / merged summary file")->required();
        command->add_option("--db", db_, "把合并后的运行追加到结果数据库 / append the merged run to a results database");
        return command;
    }

    int run() override {
        std::vector<std::filesystem::path> files(summaries_.begin(), summaries_.end());
        try {
            std::optional<batch::ResultsDb> db;
            if (!db_.empty()) db.emplace(db_);
            if (std::optional<std::string> error = batch::merge_summaries(files, output_, db ? &*db : nullptr)) {
                std::cerr << "fincheck: " << *error << "\n";
                return kExitUsage;
            }
        } catch (const std::exception& e) {
            std::cerr << "fincheck: " << e.what() << "\n";
            return kExitUsage;
        }
        return kExitOk;
    }

private:
    std::vector<std::string> summaries_;
    std::string output_;
    std::string db_;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace fincheck::cli
