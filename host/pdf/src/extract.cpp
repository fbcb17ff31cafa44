#include "extract.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

extern char** environ;

namespace fincheck::pdf_detail {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The program as a path: resolved in the parent, because after fork() in a multi-threaded
// process (batch) only async-signal-safe calls are allowed, and a PATH search is not one.
std::optional<std::string> resolve_program(const PdfLimits& limits) {
    std::string program = limits.pdftotext;
    if (program.empty()) {
        const char* from_env = std::getenv("FINCHECK_PDFTOTEXT");
        program = from_env && *from_env ? from_env : "pdftotext";
    }
    if (program.find('/') != std::string::npos)
        return access(program.c_str(), X_OK) == 0 ? std::optional(program) : std::nullopt;
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    while (!dirs.empty()) {
        std::size_t colon = dirs.find(':');
        std::string dir(dirs.substr(0, colon));
        dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

void set_limit(int resource, rlim_t value) {
    rlimit limit{value, value};
    setrlimit(resource, &limit);
}

// In the child: own process group (so the whole group can be killed), no stdin, limits,
// then exec. Only async-signal-safe calls from here on.
[[noreturn]] void exec_child(const std::vector<char*>& argv, int out_fd, int err_fd, const PdfLimits& limits, int max_fd) {
    setpgid(0, 0);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    set_limit(RLIMIT_CPU, limits.cpu_seconds);
    set_limit(RLIMIT_AS, limits.memory_bytes);
    set_limit(RLIMIT_FSIZE, limits.output_bytes);
    set_limit(RLIMIT_CORE, 0);
    for (int fd = 3; fd < max_fd; ++fd) close(fd);
    execve(argv[0], argv.data(), environ);
    _exit(127);
}

struct ChildOutput {
    std::string out;
    std::string err;
    bool timed_out = false;
    bool too_large = false;
};

// Reads both pipes until they close, the deadline passes or stdout exceeds the cap.
ChildOutput drain(int out_fd, int err_fd, const PdfLimits& limits) {
    ChildOutput result;
    const auto deadline = Clock::now() + limits.timeout;
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buffer[65536];
    while (open_count > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) { result.timed_out = true; break; }
        int ready = poll(fds, 2, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) { fds[i].fd = -1; --open_count; continue; }
            if (i == 1 && sinks[1]->size() > 16384) continue;  // keep only the start of stderr
            sinks[i]->append(buffer, static_cast<std::size_t>(got));
        }
        if (result.out.size() > limits.output_bytes) { result.too_large = true; break; }
    }
    return result;
}

ExtractStatus classify_exit(int status, const ChildOutput& output) {
    if (output.timed_out) return ExtractStatus::timed_out;
    if (output.too_large) return ExtractStatus::limit_exceeded;
    if (WIFSIGNALED(status)) {
        int signal = WTERMSIG(status);
        return signal == SIGXCPU || signal == SIGXFSZ || signal == SIGKILL || signal == SIGSEGV || signal == SIGABRT
                   ? ExtractStatus::limit_exceeded
                   : ExtractStatus::failed;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 0) return ExtractStatus::ok;
    if (code == 127) return ExtractStatus::not_installed;
    if (code == 3 || output.err.find("password") != std::string::npos ||
        output.err.find("ncrypt") != std::string::npos)
        return ExtractStatus::encrypted;
    // An allocation refused under RLIMIT_AS ends in std::bad_alloc or a "out of memory" line.
    if (output.err.find("bad_alloc") != std::string::npos || output.err.find("emory") != std::string::npos)
        return ExtractStatus::limit_exceeded;
    return ExtractStatus::failed;
}

std::string last_lines(const std::string& text) {
    std::string trimmed = text.substr(0, 2000);
    while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r')) trimmed.pop_back();
    return trimmed;
}

}  // namespace

Extraction run_pdftotext(const fs::path& file, const PdfLimits& limits) {
    Extraction extraction;
    std::optional<std::string> program = resolve_program(limits);
    if (!program) {
        extraction.status = ExtractStatus::not_installed;
        return extraction;
    }
    std::vector<std::string> args = {*program, "-bbox-layout", "-enc", "UTF-8", file.string(), "-"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    int out_pipe[2];
    int err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) { extraction.status = ExtractStatus::failed; extraction.details = std::strerror(errno); return extraction; }
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(out_pipe[0]); close(out_pipe[1]);
        extraction.status = ExtractStatus::failed;
        extraction.details = std::strerror(errno);
        return extraction;
    }
    long open_max = sysconf(_SC_OPEN_MAX);  // here: sysconf is not async-signal-safe
    int max_fd = open_max > 0 && open_max < 65536 ? static_cast<int>(open_max) : 65536;
    pid_t child = fork();
    if (child == 0) exec_child(argv, out_pipe[1], err_pipe[1], limits, max_fd);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (child < 0) {
        close(out_pipe[0]); close(err_pipe[0]);
        extraction.status = ExtractStatus::failed;
        extraction.details = std::strerror(errno);
        return extraction;
    }
    setpgid(child, child);  // also from the parent, so killpg works whoever runs first
    ChildOutput output = drain(out_pipe[0], err_pipe[0], limits);
    if (output.timed_out || output.too_large) killpg(child, SIGKILL);
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    extraction.status = classify_exit(status, output);
    extraction.details = last_lines(output.err);
    if (extraction.status == ExtractStatus::ok) extraction.xhtml = std::move(output.out);
    return extraction;
}

}  // namespace fincheck::pdf_detail
