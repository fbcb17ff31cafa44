#include "output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string>

#include "file_bytes.hpp"

namespace fincheck::batch {

OutputLock::OutputLock(const std::filesystem::path& out_dir) {
    const std::filesystem::path file = path(out_dir);
    // O_CLOEXEC only matters for exec; forked workers share the lock, which is what we want
    // (they die with the parent).
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw std::runtime_error("无法创建锁文件 / cannot create the lock file " + file.string() + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        std::string holder;
        read_file_into(file, holder);
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r')) holder.pop_back();
        ::close(fd_);
        fd_ = -1;
        if (error != EWOULDBLOCK)
            throw std::runtime_error("无法锁定输出目录 / cannot lock " + file.string() + ": " + std::strerror(error));
        throw std::runtime_error("输出目录正被另一个批量运行使用 / the output directory is in use by another batch run (" +
                                 (holder.empty() ? std::string("holder unknown") : holder) + "), lock file " + file.string());
    }
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    char started[32] = {};
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    std::strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", &utc);
    const std::string text = "pid " + std::to_string(::getpid()) + " on host " + host + " since " + started + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
        // The lock is held all the same; only the holder's description is missing.
    }
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace fincheck::batch
