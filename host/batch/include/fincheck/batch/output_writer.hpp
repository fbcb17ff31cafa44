// Writes a worker's audit files into the output directory atomically (a reader or a later run
// sees the old file or the complete new one, also after a kill) without waiting for the disk;
// run_batch makes them durable at the end with one syncfs.
//
// Why not engine::write_file_atomically_deferred: a file created by name (mkstemp) gets its
// inode while the kernel holds the output directory's lock, and finding a free inode is the
// slow part of a create (ext4 scans its inode bitmaps, more so on a file system where many
// files were just deleted). Two workers then queue for the directory. An unnamed file
// (O_TMPFILE) gets its inode without that lock; it is then linked under its name (one short
// directory operation) or, when that name exists already, under a per-worker temporary name
// and renamed over the target. File systems
// without O_TMPFILE (or without /proc to link through) fall back to the engine's writer.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace fincheck::batch {

class OutputWriter {
public:
    // `worker` makes the temporary name unique among the workers of one process.
    OutputWriter(const std::filesystem::path& out_dir, unsigned worker);
    OutputWriter(const OutputWriter&) = delete;
    OutputWriter& operator=(const OutputWriter&) = delete;
    ~OutputWriter();

    // Writes `content` to out_dir/name. Throws std::runtime_error naming the file on failure;
    // the target is then untouched.
    void write(const std::string& name, std::string_view content);

private:
    bool write_unnamed(const std::string& name, std::string_view content);  // false: not supported here
    std::filesystem::path out_dir_;
    std::string temporary_name_;  // ".fincheck-wN.tmp-PID": removed as a leftover by the next run
    int dir_fd_ = -1;
    bool unnamed_supported_ = true;
};

}  // namespace fincheck::batch
