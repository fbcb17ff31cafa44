// summary.xml (schemas/batch-summary.xsd), written as the batch goes: one <report> per input
// in key order, then the totals. Only the totals stay in memory, so a batch of any size
// needs the same memory; the file appears under its name only when complete (rename).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fincheck/batch/record.hpp"

namespace fincheck::batch {

class ResultsDb;

struct SummaryHeader {
    std::string tool_version;
    std::string config_hash;
    std::string shard;     // "I/N" when sharded, else empty
    std::string baseline;  // the baseline directory as given, else empty
    // The whole input set before sharding (InputList::fingerprint, total_inputs): merge
    // checks that the shards ran over one set and that together they cover it.
    std::string inputs_fingerprint;
    std::size_t inputs_total = 0;
};

// The summary format this version writes and merge reads; 2 added skipped inputs, the shard
// fingerprint and percent-escaped input names; 3 the defect counts (counts/@defects), which a
// summary of version 2 lacks, so merge refuses it rather than total its defects as 0.
inline constexpr const char* kSummaryFormatVersion = "3";

struct Totals {
    std::size_t reports = 0;
    std::size_t audited = 0;
    std::size_t failed = 0;
    std::size_t skipped = 0;
    Counts counts;
    std::size_t defects = 0;
    std::map<std::string, Counts> by_rule;
    bool baseline = false;
    std::size_t added = 0;
    std::size_t gone = 0;
    std::size_t remaining = 0;
    void add(const ReportRecord& record);
};

class SummaryWriter {
public:
    // Opens a temporary file beside `target`; throws std::runtime_error when it cannot.
    SummaryWriter(const std::filesystem::path& target, const SummaryHeader& header);
    SummaryWriter(const SummaryWriter&) = delete;
    SummaryWriter& operator=(const SummaryWriter&) = delete;
    ~SummaryWriter();  // an unfinished summary is discarded

    void add(const ReportRecord& record);
    // Writes the totals, syncs and renames the file into place.
    void finish();
    const Totals& totals() const { return totals_; }

private:
    static constexpr std::size_t kFlushBytes = 64 * 1024;
    void write(std::string_view text);
    void flush();
    std::filesystem::path target_;
    std::string temporary_;
    std::string pending_;  // records not yet written
    int fd_ = -1;
    bool finished_ = false;
    Totals totals_;
};

// Combines shard summaries into one, as if the batch had run unsharded. Refuses (an error
// message naming the file at fault) a summary that is malformed, of another format version,
// not a shard, or inconsistent with its own totals; shards of different input sets, rule
// configurations, baselines or shard counts; a shard missing or given twice; an input in two
// shards. Returns nullopt on success. With `db`, the merged run is also appended to that
// results database, each report's findings read from the audit file in its shard's directory.
std::optional<std::string> merge_summaries(const std::vector<std::filesystem::path>& summaries,
                                           const std::filesystem::path& output, ResultsDb* db = nullptr);

}  // namespace fincheck::batch
