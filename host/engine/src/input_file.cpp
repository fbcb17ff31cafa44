#include "fincheck/engine/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "fincheck/utf8.hpp"

namespace fincheck::engine {
namespace {

// Closes the descriptor on every way out of the read.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ > STDERR_FILENO) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "目录 / a directory";
    if (S_ISFIFO(mode)) return "管道 / a FIFO";
    if (S_ISSOCK(mode)) return "套接字 / a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "设备 / a device";
    return "特殊文件 / a special file";
}

InputBytes failed(const std::string& name, std::string message) {
    InputBytes input;
    input.error = LoadError{name, 0, 0, std::move(message)};
    return input;
}

// `size` is absent when the input has no size to look at first (standard input, or a file
// that grew while it was read) and was read only up to one byte past the limit.
std::string too_large(std::optional<std::uint64_t> size, std::uint64_t limit) {
    const std::string shown_limit = describe_byte_size(limit);
    if (!size)
        return "输入超过上限 " + shown_limit + " / input larger than the limit of " + shown_limit +
               " (--max-input-size)";
    const std::string shown = describe_byte_size(*size);
    return "输入过大（" + shown + "，上限 " + shown_limit + "）/ input too large: " + shown + ", the limit is " +
           shown_limit + " (--max-input-size)";
}

}  // namespace

InputBytes read_input_bytes(const std::filesystem::path& path, std::uint64_t max_size) {
    const bool from_stdin = path == kStdioPath;
    const std::string name = from_stdin ? "stdin" : display_name(path.native());
    // O_NONBLOCK: opening a FIFO without a writer would wait forever; fstat then refuses it.
    // The check is on the descriptor that is read, so nothing can swap the file in between.
    const int fd = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return failed(name, std::string("无法打开文件 / cannot open the file: ") + std::strerror(errno));
    Descriptor file(fd);
    struct stat info{};
    if (::fstat(fd, &info) != 0)
        return failed(name, std::string("无法读取文件 / cannot read the file: ") + std::strerror(errno));
    InputBytes input;
    if (!from_stdin) {
        if (!S_ISREG(info.st_mode))
            return failed(name, std::string("不是普通文件，而是") + kind_of(info.st_mode) +
                                    " / not a regular file; fincheck reads only regular files");
        if (static_cast<std::uint64_t>(info.st_size) > max_size)
            return failed(name, too_large(static_cast<std::uint64_t>(info.st_size), max_size));
        // Reads of a regular file never block; clear the flag all the same.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        input.identity = FileIdentity{info.st_dev, info.st_ino};
    }
    // The size is a hint (standard input has none, a file may grow meanwhile): read up to
    // one byte past the limit, which tells a file at the limit from one beyond it.
    std::string& out = input.bytes;
    const std::uint64_t hint = S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0;
    out.resize(static_cast<std::size_t>(std::min<std::uint64_t>(hint, max_size) + 1));
    std::size_t used = 0;
    for (;;) {
        if (used == out.size()) {
            if (used > max_size) return failed(name, too_large(std::nullopt, max_size));
            out.resize(static_cast<std::size_t>(std::min<std::uint64_t>(max_size + 1, std::uint64_t{used} * 2 + 4096)));
        }
        const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            return failed(name, std::string("读取文件失败 / reading the file failed: ") + std::strerror(errno));
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    if (used > max_size) return failed(name, too_large(std::nullopt, max_size));
    out.resize(used);
    return input;
}

std::string display_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t length = utf8::xml_char_length(name, i);
        if (length != 0 && static_cast<unsigned char>(name[i]) >= 0x20) {
            out.append(name, i, length);
            i += length;
            continue;
        }
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned char>(name[i]));
        out += escaped;
        ++i;
    }
    return out;
}

bool is_same_file(const std::filesystem::path& output, const FileIdentity& input) {
    struct stat info{};
    if (::stat(output.c_str(), &info) != 0) return false;
    return info.st_dev == input.device && info.st_ino == input.inode;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
    std::uint64_t value = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    if (i == 0) return std::nullopt;
    std::string_view unit = text.substr(i);
    int shift = 0;
    if (!unit.empty()) {
        switch (unit[0]) {
            case 'K': case 'k': shift = 10; break;
            case 'M': case 'm': shift = 20; break;
            case 'G': case 'g': shift = 30; break;
            case 'B': case 'b': shift = -1; break;
            default: return std::nullopt;
        }
        if (shift < 0) {
            if (unit.size() != 1) return std::nullopt;
            shift = 0;
        } else {
            unit.remove_prefix(1);
            if (!(unit.empty() || unit == "B" || unit == "iB")) return std::nullopt;
        }
    }
    if (value == 0 || value > (UINT64_MAX >> shift)) return std::nullopt;
    return value << shift;
}

std::string describe_byte_size(std::uint64_t bytes) {
    // Exact: a size just past the limit must not read the same as the limit.
    static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    std::size_t unit = 0;
    while (bytes != 0 && unit + 1 < std::size(kUnits) && bytes % (std::uint64_t{1} << (10 * (unit + 1))) == 0) ++unit;
    return std::to_string(bytes >> (10 * unit)) + " " + kUnits[unit];
}

}  // namespace fincheck::engine
