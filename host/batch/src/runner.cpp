#include "fincheck/batch/runner.hpp"

#include "fincheck/engine/atomic_file.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "file_bytes.hpp"
#include "process.hpp"
#include "progress.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

// Records arrive in completion order and leave in input order: the summary is the same
// bytes whatever the scheduling. Only records waiting for an earlier one are held.
class OrderedSink {
public:
    OrderedSink(SummaryWriter& writer, Progress& progress) : writer_(writer), progress_(progress) {}

    void deliver(std::size_t index, ReportRecord record, bool resumed) {
        std::lock_guard lock(mutex_);
        if (resumed) ++resumed_;
        if (record.status == Status::failed) ++failed_;
        if (index == next_) {
            // The common case, also with two workers: no detour through the waiting map.
            writer_.add(record);
            ++next_;
        } else {
            waiting_.emplace(index, std::move(record));
        }
        for (auto it = waiting_.find(next_); it != waiting_.end(); it = waiting_.find(next_)) {
            writer_.add(it->second);
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
    std::mutex mutex_;
    SummaryWriter& writer_;
    Progress& progress_;
    std::map<std::size_t, ReportRecord> waiting_;
    std::size_t next_ = 0;
    std::size_t done_ = 0;
    std::size_t failed_ = 0;
    std::size_t resumed_ = 0;
};

void run_threads(const ProcessContext& context, unsigned run, OrderedSink& sink) {
    const InputList& inputs = context.options->inputs;
    const fs::path state_dir = state_directory(context.options->out_dir);
    std::atomic<std::size_t> next{0};
    // Each worker appends to its own journal: no lock, no interleaving of two writers' lines.
    auto work = [&](unsigned worker) {
        WorkerBuffers buffers(context.options->out_dir, worker);
        JournalWriter journal(state_dir, run, worker);
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            const InputFile input = inputs[i];
            Processed processed;
            try {
                processed = process_report(context, input, buffers);
            } catch (const std::exception& e) {
                processed.record = failed_record(input, "internal", e.what());
            }
            journal_record(journal, context.config_hash, processed.record);
            sink.deliver(i, std::move(processed.record), processed.resumed);
        }
    };
    const unsigned jobs = std::max(1u, context.options->jobs);
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work, t);
    work(0u);
    for (std::thread& t : threads) t.join();
}

// ---- --isolate ----------------------------------------------------------------------

struct Child {
    pid_t pid = -1;
    int fd = -1;
    std::size_t index = 0;
    std::string received;
    std::chrono::steady_clock::time_point deadline;
};

[[noreturn]] void child_main(const ProcessContext& context, std::size_t index, int fd) {
    int code = 0;
    try {
        WorkerBuffers buffers(context.options->out_dir, 0);
        Processed processed = process_report(context, context.options->inputs[index], buffers);
        // First byte: R(esumed) or A(udited); then the record element.
        std::string message(1, processed.resumed ? 'R' : 'A');
        message += record_to_xml(processed.record);
        if (!write_all(fd, message)) code = 3;
    } catch (const std::exception& e) {
        std::string message = "A" + record_to_xml(failed_record(context.options->inputs[index], "internal", e.what()));
        if (!write_all(fd, message)) code = 3;
    }
    ::close(fd);
    ::_exit(code);  // no atexit handlers, no static destructors: the parent owns those
}

std::string signal_text(int signal_number) {
    const char* name = ::sigdescr_np(signal_number);
    return std::to_string(signal_number) + (name ? std::string(" (") + name + ")" : std::string());
}

void run_isolated(const ProcessContext& context, unsigned run, OrderedSink& sink) {
    const InputList& inputs = context.options->inputs;
    // The parent journals what the children report: one writer, as the parent is one thread.
    JournalWriter journal(state_directory(context.options->out_dir), run, 0);
    const unsigned jobs = std::max(1u, context.options->jobs);
    const double timeout = context.options->timeout_seconds;
    std::vector<Child> running;
    std::size_t next = 0;

    auto finish = [&](Child& child, bool timed_out) {
        int status = 0;
        if (timed_out) ::kill(child.pid, SIGKILL);
        while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(child.fd);
        const InputFile& input = inputs[child.index];
        if (timed_out) {
            sink.deliver(child.index,
                         failed_record(input, "timeout",
                                       "审核超时（" + std::to_string(timeout) + " 秒），规则进程已终止 / audit exceeded the "
                                       "timeout of " + std::to_string(timeout) + " s; the rule process was killed"),
                         false);
        } else if (WIFSIGNALED(status)) {
            sink.deliver(child.index,
                         failed_record(input, "crash",
                                       "规则进程因信号 " + signal_text(WTERMSIG(status)) + " 终止 / the rule process died on signal " +
                                           signal_text(WTERMSIG(status))),
                         false);
        } else {
            std::optional<ReportRecord> record;
            if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && child.received.size() > 1)
                record = record_from_xml(std::string_view(child.received).substr(1));
            if (record) {
                journal_record(journal, context.config_hash, *record);
                sink.deliver(child.index, std::move(*record), child.received.front() == 'R');
            }
            else
                sink.deliver(child.index,
                             failed_record(input, "internal",
                                           "规则进程异常退出 / the rule process exited with status " +
                                               std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1)),
                             false);
        }
        child.pid = -1;
    };

    while (next < inputs.size() || !running.empty()) {
        while (running.size() < jobs && next < inputs.size()) {
            int fds[2];
            if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
            const pid_t pid = ::fork();
            if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
            if (pid == 0) {
                ::close(fds[0]);
                for (const Child& other : running) ::close(other.fd);
                child_main(context, next, fds[1]);  // never returns
            }
            ::close(fds[1]);
            Child child;
            child.pid = pid;
            child.fd = fds[0];
            child.index = next++;
            child.deadline = std::chrono::steady_clock::now() +
                             std::chrono::milliseconds(static_cast<long long>((timeout > 0 ? timeout : 1e9) * 1000));
            running.push_back(std::move(child));
        }

        std::vector<pollfd> polls;
        auto nearest = std::chrono::steady_clock::time_point::max();
        for (const Child& child : running) {
            polls.push_back({child.fd, POLLIN, 0});
            nearest = std::min(nearest, child.deadline);
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(nearest - std::chrono::steady_clock::now());
        const int timeout_ms = static_cast<int>(std::clamp<long long>(wait.count() + 1, 0, 1000));
        if (::poll(polls.data(), polls.size(), timeout_ms) < 0 && errno != EINTR)
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));

        const auto now = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < running.size(); ++i) {
            Child& child = running[i];
            if (polls[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buffer[65536];
                const ssize_t n = ::read(child.fd, buffer, sizeof buffer);
                if (n > 0) child.received.append(buffer, static_cast<std::size_t>(n));
                else if (n == 0 || errno != EINTR) finish(child, false);
            }
            if (child.pid > 0 && timeout > 0 && now >= child.deadline) finish(child, true);
        }
        std::erase_if(running, [](const Child& child) { return child.pid < 0; });
    }
}

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

}  // namespace

BatchResult run_batch(const engine::Engine& engine, const BatchOptions& options) {
    const fs::path state_dir = state_directory(options.out_dir);
    std::error_code ec;
    fs::create_directories(state_dir, ec);
    if (ec) throw std::runtime_error("无法创建输出目录 / cannot create " + options.out_dir.string() + ": " + ec.message());
    remove_leftovers(options.out_dir, state_dir);

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

    SummaryHeader header;
    header.tool_version = engine::tool_version();
    header.config_hash = context.config_hash;
    header.shard = options.shard;
    if (options.baseline_dir) header.baseline = options.baseline_dir->generic_string();
    SummaryWriter writer(options.out_dir / "summary.xml", header);
    Progress progress(options.inputs.size(), options.progress);
    OrderedSink sink(writer, progress);

    if (options.isolate) run_isolated(context, run, sink);
    else run_threads(context, run, sink);

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
    writer.finish();
    progress.finish(sink.done(), sink.failed());
    BatchResult result;
    result.totals = writer.totals();
    result.resumed = sink.resumed();
    return result;
}

}  // namespace fincheck::batch
