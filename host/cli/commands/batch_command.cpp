// fincheck batch INPUT... --out DIR: audit many reports with plugins loaded once; one audit
// file per report and DIR/summary.xml. See docs/batch.md.
#include <malloc.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "engine_options.hpp"
#include "input_options.hpp"
#include "fincheck/batch/runner.hpp"
#include "fincheck/batch/shard_environment.hpp"

namespace fincheck::cli {
namespace {

namespace fs = std::filesystem;

// Each report allocates and frees the same few megabytes (its bytes, the parse, the model,
// the findings). By default glibc hands the freed top of the heap back to the kernel once it
// exceeds 128 KB and grows its thresholds only for mmap-sized blocks, so every report faulted
// its memory back in page by page. Keeping up to 64 MB per arena and serving blocks below
// 32 MB from the heap ends that; peak memory stays what one report per worker needs.
void keep_freed_memory_for_the_next_report() {
    ::mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    ::mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
}

class BatchCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("batch", "批量审核报告 / audit many reports");
        command->add_option("INPUT", inputs_,
                            "报告文件、目录（递归）或 @列表文件 / report files, directories (recursive) or @list files")
            ->required();
        command->add_option("-o,--out", out_, "输出目录 / output directory")->required();
        command->add_option("-j,--jobs", jobs_, "并行数 / reports audited at once")->check(CLI::PositiveNumber);
        command->add_flag("--resume", resume_, "跳过输入与规则配置均未变化的报告 / skip reports whose input and rule configuration are unchanged");
        command->add_flag("--isolate", isolate_, "每份报告一个新的子进程 / a fresh worker process for every report");
        command->add_flag("--retry-crashed", retry_crashed_,
                          "--resume 时重新审核曾崩溃或超时的报告 / with --resume, audit again reports that crashed or timed out");
        command->add_option("--timeout", timeout_, "每份报告的时限（秒）/ per-report time limit in seconds")
            ->check(CLI::NonNegativeNumber);
        command->add_option("--fail-on", fail_on_, "达到此级别的发现时退出码为 1 / exit 1 on findings at or above")
            ->check(CLI::IsMember({"error", "warning", "info", "none"}))
            ->capture_default_str();
        command->add_option("--baseline", baseline_, "与此前批次的输出目录比较 / compare findings with an earlier batch output directory");
        command->add_option("--shard", shard_,
                            "只处理第 I 份（共 N 份）；auto：取自 Kubernetes 索引作业或 Slurm 作业数组 / process shard I of N (I/N); "
                            "auto: from a Kubernetes Indexed Job or a Slurm job array");
        command->add_option("--db", db_, "把本次运行追加到结果数据库（SQLite）/ append this run to a results database (SQLite)");
        command->add_option("--progress", progress_, "进度显示 / progress display")
            ->check(CLI::IsMember({"auto", "bar", "lines", "none"}))
            ->capture_default_str();
        command->add_flag("--html", html_,
                          "为每份报告写审核页并写 DIR/index.html / write a review page per report and DIR/index.html");
        lang_.add_to(*command);
        engine_options_.add_to(*command);
        input_options_.add_to(*command);
        return command;
    }

    int run() override {
        batch::Shard shard;
        if (shard_ == "auto") {
            const batch::ShardResolution resolved = batch::shard_from_environment([](const char* name) { return std::getenv(name); });
            if (!resolved.shard) {
                std::cerr << "fincheck: --shard auto: " << resolved.message << "\n";
                return kExitUsage;
            }
            shard_ = std::to_string(resolved.shard->index) + "/" + std::to_string(resolved.shard->count);
            std::cerr << "fincheck batch: 分片 / shard " << shard_ << " (" << resolved.message << ")\n";
        }
        if (!shard_.empty()) {
            std::optional<batch::Shard> parsed = batch::parse_shard(shard_);
            if (!parsed) {
                std::cerr << "fincheck: --shard 须为 I/N（1 ≤ I ≤ N）或 auto / --shard must be I/N with 1 <= I <= N, or auto\n";
                return kExitUsage;
            }
            shard = *parsed;
        }
        batch::BatchOptions options;
        options.inputs = batch::expand_inputs(inputs_, shard).files;
        // Nothing to audit is not a clean night. (A shard may be empty when the set is not:
        // that is fine, or a scheduler would retry it forever.)
        if (options.inputs.total_inputs() == 0) {
            std::cerr << "fincheck: 输入中没有任何文件 / the inputs hold no file to audit\n";
            return kExitUsage;
        }
        options.out_dir = out_;
        options.jobs = jobs_;
        options.resume = resume_;
        options.isolate = isolate_;
        options.retry_crashed = retry_crashed_;
        options.timeout_seconds = timeout_;
        options.max_input_size = input_options_.max_size();
        if (!baseline_.empty()) options.baseline_dir = fs::path(baseline_);
        options.shard = shard_;
        if (!db_.empty()) options.results_db = fs::path(db_);
        options.html = html_;
        options.language = lang_.language();
        options.progress = progress_ == "bar"     ? batch::ProgressStyle::bar
                           : progress_ == "lines" ? batch::ProgressStyle::lines
                           : progress_ == "none"  ? batch::ProgressStyle::none
                                                  : batch::ProgressStyle::automatic;

        engine::EngineCreation created = engine::Engine::create(engine_options_.to_engine_options(fs::current_path()));
        if (!created.engine) {
            std::cerr << "fincheck: " << created.error->to_string() << "\n";
            return kExitUsage;
        }
        keep_freed_memory_for_the_next_report();
        try {
            const batch::BatchResult result = batch::run_batch(*created.engine, options);
            std::cerr << "fincheck batch: " << result.totals.reports << " 份报告 / reports, " << result.totals.audited
                      << " 已审核 / audited (" << result.resumed << " 沿用 / resumed), " << result.totals.failed
                      << " 失败 / failed, " << result.totals.skipped << " 跳过 / skipped; " << result.totals.defects
                      << " 处缺陷 / defects (" << result.totals.counts.error << " error, " << result.totals.counts.warning
                      << " warning, " << result.totals.counts.info << " info findings) → "
                      << (fs::path(out_) / "summary.xml").string()
                      << (html_ ? ", " + (fs::path(out_) / "index.html").string() : std::string()) << "\n";
            return exit_code(result.totals);
        } catch (const std::exception& e) {
            std::cerr << "fincheck: " << e.what() << "\n";
            return kExitUsage;
        }
    }

private:
    // 2 when the batch did not audit every input (failed or skipped: the summary lists
    // them), else 1 when findings reach --fail-on, else 0. See "Exit status" in docs/batch.md.
    int exit_code(const batch::Totals& totals) const {
        if (totals.failed > 0 || totals.skipped > 0) return kExitUsage;
        if (fail_on_ == "none") return kExitOk;
        const std::optional<Severity> threshold = severity_from_string(fail_on_);
        const batch::Counts& c = totals.counts;
        const std::size_t reached = *threshold == Severity::error     ? c.error
                                    : *threshold == Severity::warning ? c.error + c.warning
                                                                      : c.total();
        return reached > 0 ? kExitFindings : kExitOk;
    }

    std::vector<std::string> inputs_;
    std::string out_;
    unsigned jobs_ = std::max(1u, std::thread::hardware_concurrency());
    bool resume_ = false;
    bool isolate_ = false;
    bool retry_crashed_ = false;
    double timeout_ = 0;
    std::string fail_on_ = "none";
    std::string baseline_;
    std::string shard_;
    std::string db_;
    std::string progress_ = "auto";
    bool html_ = false;
    LanguageOption lang_;
    EngineCliOptions engine_options_;
    InputOptions input_options_;
};

}  // namespace

std::unique_ptr<Command> make_batch_command() { return std::make_unique<BatchCommand>(); }

}  // namespace fincheck::cli
