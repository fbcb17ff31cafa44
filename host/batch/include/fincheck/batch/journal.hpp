// The resume journal: what `--resume` knows of the reports audited before, kept as
// append-only files in DIR/.fincheck-state/ instead of one sidecar file per report (two file
// creations and renames per report were most of the batch's kernel time, and two workers
// contended on the directory for them).
//
// Files: `journal-RRRRRR-WW.log` of run RRRRRR, written by the batch's parent process as
// WW 00 (a resumed run takes the next run number, a new run starts again at 1 after removing
// every journal). A record is one line written with one write(2): the audited report's key,
// output, input SHA-256, rule-configuration hash, audit file SHA-256 and counts, ending in a
// checksum of the line; or, for a report that crashed or hung its worker, the key, input
// SHA-256, configuration hash and the failure, so that --resume does not run into it again.
// A run killed (or a machine that lost power) in the middle of a write leaves a tail without
// its newline or with a wrong checksum; the reader skips such lines, so the report they
// describe is audited again. At the end of a successful resumed run the journals are
// compacted into one file (written atomically) holding the last record of every input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/batch/record.hpp"

namespace fincheck::batch {

// DIR/.fincheck-state
std::filesystem::path state_directory(const std::filesystem::path& out_dir);

// The journal line of an audited report (its audit_sha256 set) or of a failed one (crash,
// timeout: its sha256 set), with its trailing newline.
void append_journal_line(std::string& out, const ReportRecord& record, std::string_view config_hash);
// The record of a line (without its newline), or nullopt when the line is torn, altered or
// not a journal record. `config_hash` receives the line's configuration hash.
std::optional<ReportRecord> parse_journal_line(std::string_view line, std::string* config_hash = nullptr);

// Every valid record of every journal in a state directory, the last one per input key
// (later runs over earlier ones). The lines are held in one buffer with a sorted index.
class JournalIndex {
public:
    static JournalIndex load(const std::filesystem::path& state_dir);

    // The last valid record of `key`, or nullopt.
    std::optional<ReportRecord> find(std::string_view key, std::string* config_hash = nullptr) const;
    std::size_t size() const { return entries_.size(); }
    // The highest run number among the journal files read (0 when there were none).
    unsigned last_run() const { return last_run_; }
    // One line per input, in key order: the content of a compacted journal.
    std::string compacted() const;

private:
    struct Entry {
        std::size_t key_offset = 0, key_size = 0;
        std::size_t line_offset = 0, line_size = 0;
    };
    std::string_view view(std::size_t offset, std::size_t size) const { return {lines_.data() + offset, size}; }
    std::string lines_;  // the valid lines, each with its newline
    std::vector<Entry> entries_;
    unsigned last_run_ = 0;
};

// Appends records to one journal file; one write(2) per record. Not thread-safe: one
// writer per worker.
class JournalWriter {
public:
    JournalWriter(const std::filesystem::path& state_dir, unsigned run, unsigned worker);
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;
    ~JournalWriter();

    // Throws std::runtime_error when the file cannot be opened or written.
    void append(const ReportRecord& record, std::string_view config_hash);

private:
    std::filesystem::path path_;
    std::string line_;
    int fd_ = -1;  // opened on the first append, so that a worker with nothing to record leaves no file
};

// Removes every journal: a new, non-resumed run starts from nothing. (The per-report `.state`
// files of versions before the journal are removed with the other leftovers when a run starts.)
void remove_journals(const std::filesystem::path& state_dir);

// Replaces the journals by one compacted file (run `run`, written atomically; durable once
// the caller syncs the file system), then removes the others. Best effort: on failure the journals stay as they were, which
// --resume reads equally well.
void compact_journals(const std::filesystem::path& state_dir, unsigned run);

}  // namespace fincheck::batch
