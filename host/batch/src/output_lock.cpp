#include "output_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "file_bytes.hpp"
#include "run_stamp.hpp"

namespace fincheck::batch {

OutputLock::OutputLock(const std::filesystem::path& out_dir) {
    const std::filesystem::path file = path(out_dir);
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw std::runtime_error("无法创建锁文件 / cannot create the lock file " + file.string() + ": " + std::strerror(errno));
    // A POSIX record lock, not flock(2): it belongs to this process alone and is not inherited
    // by the forked workers, so it is gone the moment the batch dies, not when its last worker
    // has followed (a scheduler restarting a killed batch at once would find it still held).
    struct flock whole {};
    whole.l_type = F_WRLCK;
    whole.l_whence = SEEK_SET;
    if (::fcntl(fd_, F_SETLK, &whole) != 0) {
        const int error = errno;
        std::string holder;
        read_file_into(file, holder);
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r')) holder.pop_back();
        ::close(fd_);
        fd_ = -1;
        if (error != EACCES && error != EAGAIN)
            throw std::runtime_error("无法锁定输出目录 / cannot lock " + file.string() + ": " + std::strerror(error));
        throw std::runtime_error("输出目录正被另一个批量运行使用 / the output directory is in use by another batch run (" +
                                 (holder.empty() ? std::string("holder unknown") : holder) + "), lock file " + file.string());
    }
    const std::string text = "pid " + std::to_string(::getpid()) + " on host " + host_name() + " since " + utc_timestamp() + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
        // The lock is held all the same; only the holder's description is missing.
    }
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace fincheck::batch
