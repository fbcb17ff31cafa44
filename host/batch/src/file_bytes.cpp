#include "file_bytes.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace fincheck::batch {

bool read_file_into(const std::filesystem::path& path, std::string& out) {
    // O_NONBLOCK: opening a FIFO put where a report was must not wait for a writer; only a
    // regular file is read (a FIFO or /dev/zero would never end).
    Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (file.fd < 0) return false;
    struct stat info{};
    if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) return false;
    // The size is a hint: a file that grows or shrinks meanwhile is read to its end.
    std::size_t size = info.st_size > 0 ? static_cast<std::size_t>(info.st_size) : 0;
    out.resize(size + 1);  // one spare byte: a read that fills it means the file grew
    std::size_t used = 0;
    for (;;) {
        if (used == out.size()) out.resize(out.size() * 2);
        const ssize_t n = ::read(file.fd, out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    out.resize(used);
    return true;
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace fincheck::batch
