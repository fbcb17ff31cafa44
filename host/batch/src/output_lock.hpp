// One batch at a time per output directory: two runs on the same --out would interleave
// their journals and replace each other's audit files. The lock is an exclusive fcntl(2)
// lock on DIR/.fincheck-lock, held by the batch's parent for the whole run (the kernel drops
// it when the process dies, so a killed run leaves no stale lock); the file names the holder
// for the one refused.
#pragma once

#include <filesystem>

namespace fincheck::batch {

class OutputLock {
public:
    // Takes the lock or throws std::runtime_error naming the holder (pid, host, start time).
    explicit OutputLock(const std::filesystem::path& out_dir);
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;
    ~OutputLock();

    static std::filesystem::path path(const std::filesystem::path& out_dir) { return out_dir / ".fincheck-lock"; }

private:
    int fd_ = -1;
};

}  // namespace fincheck::batch
