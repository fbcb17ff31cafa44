// Raw file I/O of the batch's per-report path. Reading a whole file in one read(2) into a
// string sized from fstat, instead of an ifstream copied through a growing ostringstream
// (several reallocations and copies of every input, thousands of times a night).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace fincheck::batch {

// Closes the descriptor on every path out of the scope that opened it.
struct Descriptor {
    int fd;
    explicit Descriptor(int descriptor) : fd(descriptor) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

// Writes all of `data`, retrying after signals. False on an error, with errno set.
bool write_all(int fd, std::string_view data);

// Replaces `out` with the file's bytes (its capacity is reused). False when the file
// cannot be opened or read or is not a regular file; `out` is then unspecified.
bool read_file_into(const std::filesystem::path& path, std::string& out);

}  // namespace fincheck::batch
