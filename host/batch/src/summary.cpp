#include "fincheck/batch/summary.hpp"

#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/results_db.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <pugixml.hpp>

#include "xml_text.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

std::string escape_attribute(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string counts_attributes(const Counts& c) {
    return "error=\"" + std::to_string(c.error) + "\" warning=\"" + std::to_string(c.warning) + "\" info=\"" +
           std::to_string(c.info) + "\" total=\"" + std::to_string(c.total()) + "\"";
}

std::runtime_error failure(const fs::path& file, const char* what) {
    return std::runtime_error("无法写入 / cannot write " + file.string() + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

void Totals::add(const ReportRecord& record) {
    ++reports;
    if (record.status == Status::failed) {
        ++failed;
    } else if (record.status == Status::skipped) {
        ++skipped;
    } else {
        ++audited;
        counts += record.counts;
        defects += record.defects;
        for (const auto& [rule, c] : record.by_rule) by_rule[rule] += c;
    }
    if (record.baseline) {
        baseline = true;
        added += record.baseline->added.size();
        gone += record.baseline->gone.size();
        remaining += record.baseline->remaining;
    }
}

SummaryWriter::SummaryWriter(const fs::path& target, const SummaryHeader& header) : target_(target) {
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "." + string + "…".
    std::string name = ".";
    name += target.filename().string();
    name += ".tmp-XXXXXX";
    std::string pattern = (dir / name).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) throw failure(target, "mkstemp");
    temporary_ = pattern;
    std::string start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<batch-summary format-version=\"";
    start += kSummaryFormatVersion;
    start += "\" tool-version=\"" + escape_attribute(header.tool_version) + "\" config-hash=\"" +
             escape_attribute(header.config_hash) + "\" inputs=\"" + std::to_string(header.inputs_total) +
             "\" inputs-sha256=\"" + escape_attribute(header.inputs_fingerprint) + "\"";
    if (!header.shard.empty()) start += " shard=\"" + escape_attribute(header.shard) + "\"";
    if (!header.baseline.empty()) start += " baseline=\"" + escape_attribute(xml_readable(header.baseline)) + "\"";
    write(start + ">\n");
}

SummaryWriter::~SummaryWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!finished_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

void SummaryWriter::write(std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd_, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw failure(target_, "write");
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

void SummaryWriter::add(const ReportRecord& record) {
    totals_.add(record);
    append_record_xml(pending_, record, {}, 1);
    // One write per ~64 KB instead of one per report: the sink calls this under its lock.
    if (pending_.size() >= kFlushBytes) flush();
}

void SummaryWriter::flush() {
    write(pending_);
    pending_.clear();
}

void SummaryWriter::finish() {
    std::string end = "  <totals reports=\"" + std::to_string(totals_.reports) + "\" audited=\"" +
                      std::to_string(totals_.audited) + "\" failed=\"" + std::to_string(totals_.failed) + "\" skipped=\"" +
                      std::to_string(totals_.skipped) + "\">\n";
    end += "    <counts " + counts_attributes(totals_.counts) + " defects=\"" + std::to_string(totals_.defects) + "\" />\n";
    for (const auto& [rule, c] : totals_.by_rule)
        end += "    <rule id=\"" + escape_attribute(rule) + "\" " + counts_attributes(c) + " />\n";
    if (totals_.baseline)
        end += "    <baseline new=\"" + std::to_string(totals_.added) + "\" gone=\"" + std::to_string(totals_.gone) +
               "\" remaining=\"" + std::to_string(totals_.remaining) + "\" />\n";
    end += "  </totals>\n</batch-summary>\n";
    flush();
    write(end);
    if (::fsync(fd_) != 0) throw failure(target_, "fsync");
    ::fchmod(fd_, 0644);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw failure(target_, "close");
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) throw failure(target_, "rename");
    finished_ = true;
}

std::optional<std::string> merge_summaries(const std::vector<fs::path>& summaries, const fs::path& output,
                                           ResultsDb* db) {
    SummaryHeader header;
    std::vector<ReportRecord> records;
    std::map<std::string, fs::path> audit_dirs;  // with a db: input key → its shard's directory
    std::vector<std::string> shard_files;  // index I-1: the file that holds shard I
    std::string tool_version;
    for (const fs::path& file : summaries) {
        const std::string name = file.string();
        pugi::xml_document doc;
        const pugi::xml_parse_result parsed = doc.load_file(file.c_str());
        if (!parsed)
            return name + ": 不是完整的 XML / malformed XML at byte " + std::to_string(parsed.offset) + ": " + parsed.description();
        pugi::xml_node root = doc.child("batch-summary");
        if (!root) return name + ": 不是批量汇总文件 / not a batch summary";
        const std::string version = root.attribute("format-version").as_string();
        if (version != kSummaryFormatVersion)
            return name + ": 汇总格式版本 " + version + " 不受支持 / summary format version '" + version + "' is not supported (expected " +
                   kSummaryFormatVersion + "; run the shards with this fincheck version)";
        const std::optional<Shard> shard = parse_shard(root.attribute("shard").as_string());
        if (!shard) return name + ": 不是分片汇总（缺少 shard=\"I/N\"）/ not a shard summary (no shard=\"I/N\")";
        const std::string hash = root.attribute("config-hash").as_string();
        const std::string baseline = root.attribute("baseline").as_string();
        const std::string fingerprint = root.attribute("inputs-sha256").as_string();
        const std::size_t inputs = root.attribute("inputs").as_ullong();
        if (shard_files.empty()) {
            tool_version = root.attribute("tool-version").as_string();
            header.tool_version = tool_version;
            header.config_hash = hash;
            header.baseline = baseline;
            header.inputs_fingerprint = fingerprint;
            header.inputs_total = inputs;
            shard_files.resize(shard->count);
        } else if (shard->count != shard_files.size()) {
            return name + ": 分片总数 " + std::to_string(shard->count) + " 与其他分片的 " + std::to_string(shard_files.size()) +
                   " 不同 / shard count " + std::to_string(shard->count) + " differs from the other shards' " +
                   std::to_string(shard_files.size());
        } else if (fingerprint != header.inputs_fingerprint || inputs != header.inputs_total) {
            return name + ": 输入集合与其他分片不同 / ran over another input set than the other shards";
        } else if (hash != header.config_hash) {
            return name + ": 规则配置与其他分片不同 / ran with another rule configuration than the other shards";
        } else if (baseline != header.baseline) {
            return name + ": 基线与其他分片不同 / compared with another baseline than the other shards";
        } else if (root.attribute("tool-version").as_string() != tool_version) {
            return name + ": fincheck 版本与其他分片不同 / written by another fincheck version than the other shards";
        }
        std::string& holder = shard_files[shard->index - 1];
        if (!holder.empty())
            return name + ": 分片 " + std::to_string(shard->index) + "/" + std::to_string(shard->count) + " 已由 " + holder +
                   " 给出 / shard " + std::to_string(shard->index) + "/" + std::to_string(shard->count) + " given twice (also " +
                   holder + ")";
        holder = name;
        std::size_t count = 0;
        for (pugi::xml_node node : root.children("report")) {
            std::optional<ReportRecord> record = record_from_node(node);
            if (!record)
                return name + ": 第 " + std::to_string(count + 1) + " 条记录无法读取 / report record " + std::to_string(count + 1) +
                       " is malformed";
            if (db) audit_dirs[record->key] = file.parent_path();
            records.push_back(std::move(*record));
            ++count;
        }
        const pugi::xml_node totals = root.child("totals");
        if (!totals || totals.attribute("reports").as_ullong() != count)
            return name + ": 记录数与汇总不符（文件已损坏）/ the number of report records does not match the totals (corrupted)";
    }
    for (std::size_t i = 0; i < shard_files.size(); ++i)
        if (shard_files[i].empty())
            return "缺少分片 " + std::to_string(i + 1) + "/" + std::to_string(shard_files.size()) + " / shard " + std::to_string(i + 1) +
                   "/" + std::to_string(shard_files.size()) + " is missing";
    if (records.size() != header.inputs_total)
        return "分片合计 " + std::to_string(records.size()) + " 份报告，输入集合有 " + std::to_string(header.inputs_total) +
               " 份 / the shards hold " + std::to_string(records.size()) + " reports, the input set has " +
               std::to_string(header.inputs_total);
    std::stable_sort(records.begin(), records.end(), [](const ReportRecord& a, const ReportRecord& b) { return a.key < b.key; });
    for (std::size_t i = 1; i < records.size(); ++i)
        if (records[i].key == records[i - 1].key)
            return "报告在多个分片中出现 / input in more than one shard: " + records[i].key;
    try {
        // The database first: the merged summary appears last, as a batch's does.
        if (db) {
            db->begin_run(RunInfo{header.tool_version, header.config_hash, "", output.parent_path().string()});
            for (const ReportRecord& record : records) add_report_from_dir(*db, record, audit_dirs[record.key]);
            db->finish_run();
        }
        SummaryWriter writer(output, header);
        for (const ReportRecord& record : records) writer.add(record);
        writer.finish();
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

}  // namespace fincheck::batch
