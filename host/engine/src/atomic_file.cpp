#include "fincheck/engine/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fincheck::engine {
namespace {

std::runtime_error system_failure(const std::filesystem::path& file, std::string_view what, int error) {
    return std::runtime_error("无法写入 / cannot write " + file.string() + ": " + std::string(what) +
                              ": " + std::strerror(error));
}

// Closes and unlinks the temporary file unless the write was committed.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::filesystem::path& target) {
        std::filesystem::path dir = target.parent_path();
        if (dir.empty()) dir = ".";
        std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        fd_ = ::mkstemp(buffer.data());
        if (fd_ < 0) throw system_failure(target, "mkstemp", errno);
        path_.assign(buffer.data());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
    }

    void write_all(const std::filesystem::path& target, std::string_view content) {
        const char* data = content.data();
        std::size_t left = content.size();
        while (left > 0) {
            ssize_t written = ::write(fd_, data, left);
            if (written < 0) {
                if (errno == EINTR) continue;
                throw system_failure(target, "write", errno);
            }
            data += written;
            left -= static_cast<std::size_t>(written);
        }
    }

    void commit(const std::filesystem::path& target, bool durable = true) {
        if (durable && ::fsync(fd_) != 0) throw system_failure(target, "fsync", errno);
        // mkstemp creates 0600; an audit report is an ordinary document.
        if (::fchmod(fd_, 0644) != 0) throw system_failure(target, "fchmod", errno);
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw system_failure(target, "close", errno);
        if (::rename(path_.c_str(), target.c_str()) != 0) throw system_failure(target, "rename", errno);
        committed_ = true;
        if (durable) sync_directory(target);
    }

private:
    // Makes the rename itself durable; failure here is not worth failing the run.
    static void sync_directory(const std::filesystem::path& target) {
        std::filesystem::path dir = target.parent_path();
        if (dir.empty()) dir = ".";
        int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
        if (dfd < 0) return;
        ::fsync(dfd);
        ::close(dfd);
    }

    int fd_ = -1;
    std::string path_;
    bool committed_ = false;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
    TemporaryFile temp(target);
    temp.write_all(target, content);
    temp.commit(target);
}

void write_file_atomically_deferred(const std::filesystem::path& target, std::string_view content) {
    TemporaryFile temp(target);
    temp.write_all(target, content);
    temp.commit(target, false);
}

void sync_filesystem(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) throw system_failure(dir, "open", errno);
    const int result = ::syncfs(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0) throw system_failure(dir, "syncfs", error);
}

void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& produce) {
    // Produce first, in memory: a producer that throws never creates a file at all.
    std::ostringstream buffer;
    produce(buffer);
    write_file_atomically(target, buffer.view());
}

}  // namespace fincheck::engine
