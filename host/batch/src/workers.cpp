#include "workers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <stdexcept>

#include "fincheck/sha256.hpp"
#include "file_bytes.hpp"

namespace fincheck::batch {
namespace {

// The parent never audits: it hands report indices to worker processes forked from it
// (the plugins are loaded already, so a worker starts in a millisecond and loads nothing),
// reads their records back, journals them and writes the summary. A worker that dies on a
// signal, exits early or outlives --timeout takes only the report it was on with it: the
// parent knows which (the oldest index it gave that worker and got no record for), records
// it as failed and gives the rest to a fresh worker. By default a worker lives for the whole
// batch; under --isolate it audits one report and exits, so no report can leave state behind
// for the next one.
//
// Parent → worker: one index per line. Worker → parent: per report 'A' (audited now) or 'R'
// (resumed from the journal), the <report> element, and a NUL (which XML text cannot hold).

using Clock = std::chrono::steady_clock;

// Indices given to a long-lived worker ahead of the one it is on, so that it never waits
// for the parent between two reports.
constexpr std::size_t kPipelineDepth = 2;

struct Worker {
    pid_t pid = -1;
    int commands = -1;  // write end: indices for the worker
    int results = -1;   // read end: the worker's records
    std::deque<std::size_t> assigned;  // given and not yet answered; the first is in progress
    std::string received;
    Clock::time_point started;  // when the first of `assigned` began
};

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

[[noreturn]] void worker_main(const ProcessContext& context, pid_t parent, int commands, int results, unsigned id) {
    // Die with the parent: a batch killed by its scheduler must not leave workers behind
    // still writing into the output directory. The parent may have died before prctl.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(4);
    int code = 0;
    {
        WorkerBuffers buffers(context.options->out_dir, id);
        std::string pending, message;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(commands, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // the parent has no more work, or is gone
            pending.append(buffer, static_cast<std::size_t>(n));
            for (std::size_t newline = pending.find('\n'); newline != std::string::npos; newline = pending.find('\n')) {
                const std::size_t index = std::stoul(pending.substr(0, newline));
                pending.erase(0, newline + 1);
                const InputFile input = context.options->inputs[index];
                Processed processed;
                try {
                    processed = process_report(context, input, buffers);
                } catch (const std::exception& e) {
                    processed.record = failed_record(input, "internal", e.what());
                }
                message.assign(1, processed.resumed ? 'R' : 'A');
                append_record_xml(message, processed.record);
                message += '\0';
                if (!write_all(results, message)) {
                    code = 3;
                    break;
                }
            }
            if (code != 0) break;
        }
    }
    ::_exit(code);  // no atexit handlers, no static destructors: the parent owns those
}

std::string signal_text(int signal_number) {
    const char* name = ::sigdescr_np(signal_number);
    return std::to_string(signal_number) + (name ? std::string(" (") + name + ")" : std::string());
}

// Kills and reaps the workers still running when the parent leaves early (an exception).
struct WorkerPool {
    std::vector<Worker> workers;
    ~WorkerPool() {
        for (Worker& worker : workers) {
            if (worker.pid > 0) {
                ::kill(worker.pid, SIGKILL);
                while (::waitpid(worker.pid, nullptr, 0) < 0 && errno == EINTR) {
                }
            }
            close_fd(worker.commands);
            close_fd(worker.results);
        }
    }
};

// A crashed or hung report is journaled with its input's hash, so that --resume knows it
// is the same bytes and does not run into it again.
ReportRecord lost_report(const InputFile& input, std::string kind, std::string message) {
    ReportRecord record = failed_record(input, std::move(kind), std::move(message));
    std::string bytes;
    if (read_file_into(input.path, bytes)) record.sha256 = sha256_hex(bytes);
    return record;
}

}  // namespace

void run_workers(const ProcessContext& context, unsigned run, RecordSink& sink) {
    const InputList& inputs = context.options->inputs;
    const bool one_report_each = context.options->isolate;
    const double timeout = context.options->timeout_seconds;
    const unsigned jobs = std::max(1u, context.options->jobs);
    // One journal, written by the parent: the workers only report.
    JournalWriter journal(state_directory(context.options->out_dir), run, 0);
    WorkerPool pool;
    std::vector<Worker>& workers = pool.workers;
    std::deque<std::size_t> retry;  // given to a worker that died before reaching them
    std::size_t next = 0;
    unsigned spawned = 0;

    const auto has_work = [&] { return !retry.empty() || next < inputs.size(); };
    const auto take_work = [&] {
        if (!retry.empty()) {
            const std::size_t index = retry.front();
            retry.pop_front();
            return index;
        }
        return next++;
    };
    const auto give = [&](Worker& worker) {
        const std::size_t index = take_work();
        if (worker.assigned.empty()) worker.started = Clock::now();
        worker.assigned.push_back(index);
        // A worker that died meanwhile gives EPIPE here (SIGPIPE is ignored); its end of
        // file on `results` then accounts for the index.
        (void)write_all(worker.commands, std::to_string(index) + "\n");
    };
    const auto spawn = [&] {
        int commands[2], results[2];
        if (::pipe2(commands, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        if (::pipe2(results, O_CLOEXEC) != 0) {
            ::close(commands[0]);
            ::close(commands[1]);
            throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        }
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0) {
            const int error = errno;
            for (int fd : {commands[0], commands[1], results[0], results[1]}) ::close(fd);
            throw std::runtime_error(std::string("fork: ") + std::strerror(error));
        }
        if (pid == 0) {
            ::close(commands[1]);
            ::close(results[0]);
            for (const Worker& other : workers) {
                ::close(other.commands);
                ::close(other.results);
            }
            worker_main(context, parent, commands[0], results[1], spawned % 100);  // never returns
        }
        ::close(commands[0]);
        ::close(results[1]);
        ++spawned;
        Worker worker;
        worker.pid = pid;
        worker.commands = commands[1];
        worker.results = results[0];
        workers.push_back(std::move(worker));
        Worker& added = workers.back();
        if (one_report_each) {
            give(added);
            close_fd(added.commands);  // one report, then end of file: the worker exits
        } else {
            while (added.assigned.size() < kPipelineDepth && has_work()) give(added);
        }
    };
    const auto deliver = [&](std::size_t index, ReportRecord record, bool resumed) {
        if (!resumed) journal_record(journal, context.config_hash, record);  // a resumed one is journaled already
        sink.deliver(index, std::move(record), resumed);
    };
    // Records complete in `received`, in the order the worker was given their indices.
    const auto take_records = [&](Worker& worker) {
        std::size_t start = 0;
        for (std::size_t end = worker.received.find('\0'); end != std::string::npos;
             start = end + 1, end = worker.received.find('\0', start)) {
            if (worker.assigned.empty()) break;  // a worker never sends more than it was given
            const std::size_t index = worker.assigned.front();
            worker.assigned.pop_front();
            worker.started = Clock::now();
            const std::string_view frame = std::string_view(worker.received).substr(start, end - start);
            std::optional<ReportRecord> record;
            if (frame.size() > 1) record = record_from_xml(frame.substr(1));
            if (record) deliver(index, std::move(*record), frame.front() == 'R');
            else deliver(index, failed_record(inputs[index], "internal", "审核进程的记录无法读取 / unreadable record from the worker"), false);
        }
        worker.received.erase(0, start);
    };
    // The worker is gone (end of file) or has to go (timeout): reap it and account for the
    // reports it still held.
    const auto finish = [&](Worker& worker, bool timed_out) {
        int status = 0;
        if (timed_out) ::kill(worker.pid, SIGKILL);
        while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
        }
        worker.pid = -1;
        close_fd(worker.commands);
        close_fd(worker.results);
        if (worker.assigned.empty()) return;
        const std::size_t index = worker.assigned.front();
        worker.assigned.pop_front();
        const InputFile input = inputs[index];
        if (timed_out) {
            deliver(index,
                    lost_report(input, "timeout",
                                "审核超时（" + std::to_string(timeout) + " 秒），审核进程已终止 / audit exceeded the timeout of " +
                                    std::to_string(timeout) + " s; the worker process was killed"),
                    false);
        } else if (WIFSIGNALED(status)) {
            deliver(index,
                    lost_report(input, "crash",
                                "审核进程因信号 " + signal_text(WTERMSIG(status)) + " 终止 / crashed: the worker process died on signal " +
                                    signal_text(WTERMSIG(status)) + " while auditing this report"),
                    false);
        } else {
            deliver(index,
                    failed_record(input, "internal",
                                  "审核进程异常退出 / the worker process exited with status " +
                                      std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + " while auditing this report"),
                    false);
        }
        // The reports queued behind the lost one were never started: a fresh worker takes them.
        for (auto it = worker.assigned.rbegin(); it != worker.assigned.rend(); ++it) retry.push_front(*it);
        worker.assigned.clear();
    };

    while (has_work() || !workers.empty()) {
        while (workers.size() < jobs && has_work()) spawn();
        if (!has_work())
            for (Worker& worker : workers)
                if (worker.assigned.empty()) close_fd(worker.commands);  // done: let it exit

        std::vector<pollfd> polls;
        auto nearest = Clock::time_point::max();
        for (const Worker& worker : workers) {
            polls.push_back({worker.results, POLLIN, 0});
            if (timeout > 0 && !worker.assigned.empty())
                nearest = std::min(nearest, worker.started + std::chrono::milliseconds(static_cast<long long>(timeout * 1000)));
        }
        int timeout_ms = -1;
        if (nearest != Clock::time_point::max()) {
            const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(nearest - Clock::now());
            timeout_ms = static_cast<int>(std::clamp<long long>(wait.count() + 1, 0, 1000));
        }
        if (::poll(polls.data(), polls.size(), timeout_ms) < 0 && errno != EINTR)
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));

        const auto now = Clock::now();
        for (std::size_t i = 0; i < workers.size(); ++i) {
            Worker& worker = workers[i];
            if (polls[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buffer[65536];
                const ssize_t n = ::read(worker.results, buffer, sizeof buffer);
                if (n > 0) {
                    worker.received.append(buffer, static_cast<std::size_t>(n));
                    take_records(worker);
                    if (!one_report_each && worker.commands >= 0)
                        while (worker.assigned.size() < kPipelineDepth && has_work()) give(worker);
                } else if (n == 0 || errno != EINTR) {
                    finish(worker, false);
                }
            }
            if (worker.pid > 0 && timeout > 0 && !worker.assigned.empty() &&
                now - worker.started >= std::chrono::milliseconds(static_cast<long long>(timeout * 1000)))
                finish(worker, true);
        }
        std::erase_if(workers, [](const Worker& worker) { return worker.pid < 0; });
    }
}

}  // namespace fincheck::batch
