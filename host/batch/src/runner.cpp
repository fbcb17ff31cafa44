#include "fincheck/batch/runner.hpp"

#include "fincheck/engine/atomic_file.hpp"

#include <signal.h>

#include <map>
#include <stdexcept>

#include "fincheck/batch/results_db.hpp"
#include "fincheck/batch/review_pages.hpp"
#include "output_lock.hpp"
#include "process.hpp"
#include "progress.hpp"
#include "workers.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

// --db: each record, in input order, with its findings into the results database. The first
// failure (a full disk, a locked file) stops the recording; the batch audits and journals the
// rest and then ends with exit 2 (no summary), so that --resume records the run from there
// without auditing anything again.
class DbRecorder {
public:
    DbRecorder(ResultsDb* db, fs::path out_dir) : db_(db), out_dir_(std::move(out_dir)) {}
    void add(const ReportRecord& record) {
        if (!db_ || !error_.empty()) return;
        try {
            add_report_from_dir(*db_, record, out_dir_);
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }
    // Throws the first failure, or marks the run finished.
    void finish() {
        if (!db_) return;
        if (!error_.empty()) throw std::runtime_error(error_);
        db_->finish_run();
    }

private:
    ResultsDb* db_;
    fs::path out_dir_;
    std::string error_;
};

// Records arrive in completion order and leave in input order: the summary is the same
// bytes whatever the scheduling. Only records waiting for an earlier one are held.
class OrderedSink final : public RecordSink {
public:
    OrderedSink(SummaryWriter& writer, Progress& progress, DbRecorder& db) : writer_(writer), progress_(progress), db_(db) {}

    void deliver(std::size_t index, ReportRecord record, bool resumed) override {
        if (resumed) ++resumed_;
        if (record.status == Status::failed) ++failed_;
        if (index == next_) {
            // The common case, also with two workers: no detour through the waiting map.
            writer_.add(record);
            db_.add(record);
            ++next_;
        } else {
            waiting_.emplace(index, std::move(record));
        }
        for (auto it = waiting_.find(next_); it != waiting_.end(); it = waiting_.find(next_)) {
            writer_.add(it->second);
            db_.add(it->second);
            waiting_.erase(it);
            ++next_;
        }
        ++done_;
        progress_.update(done_, failed_);
    }
    std::size_t done() const { return done_; }
    std::size_t failed() const { return failed_; }
    std::size_t resumed() const { return resumed_; }

private:
    SummaryWriter& writer_;
    Progress& progress_;
    DbRecorder& db_;
    std::map<std::size_t, ReportRecord> waiting_;
    std::size_t next_ = 0;
    std::size_t done_ = 0;
    std::size_t failed_ = 0;
    std::size_t resumed_ = 0;
};

// Temporary files a killed run left behind (the atomic writer's .NAME.tmp-XXXXXX), and the
// per-report .state files of versions before the journal, which are not read.
void remove_leftovers(const fs::path& dir, const fs::path& state_dir) {
    std::error_code ec;
    for (const fs::path& d : {dir, state_dir})
        for (auto it = fs::directory_iterator(d, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if ((name.starts_with('.') && name.find(".tmp-") != std::string::npos) || (d == state_dir && name.ends_with(".state")))
                fs::remove(it->path(), ec);
        }
}

// SIGPIPE ignored while the batch runs: a write to a worker that died is an EPIPE to handle,
// not the end of the batch.
struct IgnoreSigpipe {
    struct sigaction previous {};
    IgnoreSigpipe() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGPIPE, &ignore, &previous);
    }
    ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &previous, nullptr); }
};

}  // namespace

BatchResult run_batch(const engine::Engine& engine, const BatchOptions& options) {
    // Before the output directory is touched: a baseline that cannot be used stops the batch.
    std::optional<BaselineIndex> baseline;
    if (options.baseline_dir) {
        std::error_code same_ec;
        if (fs::equivalent(*options.baseline_dir, options.out_dir, same_ec))
            throw std::runtime_error("基线目录就是输出目录 / the baseline directory is the output directory: " +
                                     options.baseline_dir->string());
        baseline = BaselineIndex::load(*options.baseline_dir);
    }
    const fs::path state_dir = state_directory(options.out_dir);
    std::error_code ec;
    fs::create_directories(state_dir, ec);
    if (ec) throw std::runtime_error("无法创建输出目录 / cannot create " + options.out_dir.string() + ": " + ec.message());
    const OutputLock lock(options.out_dir);  // before anything in the directory is touched
    const IgnoreSigpipe ignore_sigpipe;
    remove_leftovers(options.out_dir, state_dir);
    // A summary says a run completed: an earlier run's must not stand for this one should it
    // not finish (exit 2 and no summary.xml is unambiguous for a cron job).
    fs::remove(options.out_dir / "summary.xml", ec);
    // Opened before any audit, so that a database that cannot be written stops the run at once
    // (and after the old summary is gone: exit 2 with a summary.xml would say this run ended).
    // The workers forked later inherit the connection's descriptors but never use them.
    std::optional<ResultsDb> db;
    if (options.results_db) db.emplace(*options.results_db);

    // A resumed run reads every journal and appends its own under the next run number; a new
    // run starts from an empty journal.
    JournalIndex journal;
    if (options.resume) journal = JournalIndex::load(state_dir);
    else remove_journals(state_dir);
    const unsigned run = journal.last_run() + 1;

    ProcessContext context;
    context.engine = &engine;
    context.options = &options;
    context.config_hash = configuration_hash(engine);
    if (options.resume) context.journal = &journal;
    if (baseline) context.baseline = &*baseline;

    SummaryHeader header;
    header.tool_version = engine::tool_version();
    header.config_hash = context.config_hash;
    header.shard = options.shard;
    header.inputs_fingerprint = options.inputs.fingerprint();
    header.inputs_total = options.inputs.total_inputs();
    if (options.baseline_dir) header.baseline = options.baseline_dir->generic_string();
    SummaryWriter writer(options.out_dir / "summary.xml", header);
    if (db) db->begin_run(RunInfo{header.tool_version, header.config_hash, header.shard, options.out_dir.string()});
    DbRecorder recorder(db ? &*db : nullptr, options.out_dir);
    Progress progress(options.inputs.size(), options.progress);
    OrderedSink sink(writer, progress, recorder);

    run_workers(context, run, sink);

    // A resumed run leaves the journals of earlier runs beside its own, with records that
    // later ones superseded: one compacted file replaces them. A new run's journals hold one
    // record per report already and are left as they are (no serial work at the end).
    if (options.resume) {
        journal = JournalIndex();  // its memory is not needed any more
        compact_journals(state_dir, run);
    }
    // Audit files and journals were written without waiting for the disk; make them durable
    // in one go before the summary says the batch is complete.
    engine::sync_filesystem(options.out_dir);
    recorder.finish();
    writer.finish();
    if (options.html) write_batch_index(options.out_dir, header, writer.totals(), options.language);
    progress.finish(sink.done(), sink.failed());
    BatchResult result;
    result.totals = writer.totals();
    result.resumed = sink.resumed();
    return result;
}

}  // namespace fincheck::batch
