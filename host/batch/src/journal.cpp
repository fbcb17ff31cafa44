#include "fincheck/batch/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <tuple>

#include "fincheck/engine/atomic_file.hpp"
#include "file_bytes.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

// J2 TAB key TAB output TAB input-sha TAB config-hash TAB audit-sha TAB e,w,i,defects TAB
// rule=e,w,i;rule=e,w,i… TAB checksum NL: an audited report. (J1 lines, without the defect
// count, are not read: --resume audits those reports again.)
// F1 TAB key TAB input-sha TAB config-hash TAB kind TAB message TAB checksum NL: a report
// that crashed or hung its worker, so that --resume does not run into it again.
// Text fields escape the separators as %XX.
constexpr std::string_view kMagic = "J2";
constexpr std::string_view kFailedMagic = "F1";
constexpr std::size_t kChecksumDigits = 16;
constexpr std::size_t kFields = 8;        // before the checksum
constexpr std::size_t kFailedFields = 6;  // before the checksum

bool needs_escape(char c) {
    return c == '%' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == ';' || c == '=' || c == ',';
}

void append_escaped(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : text) {
        if (!needs_escape(c)) {
            out += c;
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> unescaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

void append_number(std::string& out, std::size_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
}

void append_counts(std::string& out, const Counts& counts) {
    append_number(out, counts.error);
    out += ',';
    append_number(out, counts.warning);
    out += ',';
    append_number(out, counts.info);
}

bool parse_number(std::string_view text, std::size_t& value) {
    if (text.empty()) return false;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

bool parse_counts(std::string_view text, Counts& counts) {
    const std::size_t first = text.find(','), second = text.find(',', first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) return false;
    return parse_number(text.substr(0, first), counts.error) &&
           parse_number(text.substr(first + 1, second - first - 1), counts.warning) &&
           parse_number(text.substr(second + 1), counts.info);
}

// FNV-1a, 64 bits, as 16 hex digits: catches a torn or garbled line (what a kill or a power
// loss leaves), which is all the journal needs; a cryptographic hash per line would cost
// more than the rest of the record.
struct Checksum {
    char digits[kChecksumDigits];
    std::string_view view() const { return {digits, kChecksumDigits}; }
};

Checksum checksum(std::string_view body) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : body) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    Checksum sum;
    for (std::size_t i = kChecksumDigits; i-- > 0; hash >>= 4) sum.digits[i] = kHex[hash & 15];
    return sum;
}

// The run number of a journal file name ("journal-000012.log", "journal-000012-03.log"), or
// nullopt for any other file.
std::optional<unsigned> journal_run(const std::string& name) {
    constexpr std::string_view kPrefix = "journal-";
    if (!name.starts_with(kPrefix) || !name.ends_with(".log") || name.size() < kPrefix.size() + 6 + 4) return std::nullopt;
    unsigned run = 0;
    const char* begin = name.data() + kPrefix.size();
    const auto result = std::from_chars(begin, begin + 6, run);
    if (result.ec != std::errc() || result.ptr != begin + 6) return std::nullopt;
    return run;
}

std::string journal_name(unsigned run, std::optional<unsigned> worker) {
    char name[48];
    if (worker) std::snprintf(name, sizeof name, "journal-%06u-%02u.log", run, *worker);
    else std::snprintf(name, sizeof name, "journal-%06u.log", run);
    return name;
}

struct JournalFile {
    unsigned run;
    fs::path path;
};

std::vector<JournalFile> journal_files(const fs::path& state_dir) {
    std::vector<JournalFile> files;
    std::error_code ec;
    for (auto it = fs::directory_iterator(state_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (std::optional<unsigned> run = journal_run(it->path().filename().string())) files.push_back({*run, it->path()});
    // Earlier runs first; within a run the order does not matter (a run audits an input once).
    std::sort(files.begin(), files.end(),
              [](const JournalFile& a, const JournalFile& b) { return std::tie(a.run, a.path) < std::tie(b.run, b.path); });
    return files;
}

}  // namespace

fs::path state_directory(const fs::path& out_dir) { return out_dir / ".fincheck-state"; }

namespace {

void append_fields(std::string& out, std::string_view magic, std::initializer_list<std::string_view> fields) {
    out += magic;
    for (std::string_view field : fields) {
        out += '\t';
        append_escaped(out, field);
    }
}

}  // namespace

void append_journal_line(std::string& out, const ReportRecord& record, std::string_view config_hash) {
    const std::size_t start = out.size();
    if (record.status == Status::failed && record.failure) {
        append_fields(out, kFailedMagic,
                      {record.key, record.sha256, config_hash, record.failure->kind, record.failure->message});
    } else {
        append_fields(out, kMagic, {record.key, record.output, record.sha256, config_hash, record.audit_sha256});
        out += '\t';
        append_counts(out, record.counts);
        out += ',';
        append_number(out, record.defects);
        out += '\t';
        bool first = true;
        for (const auto& [rule, counts] : record.by_rule) {
            if (!first) out += ';';
            first = false;
            append_escaped(out, rule);
            out += '=';
            append_counts(out, counts);
        }
    }
    const Checksum sum = checksum(std::string_view(out).substr(start));
    out += '\t';
    out += sum.view();
    out += '\n';
}

std::optional<ReportRecord> parse_journal_line(std::string_view line, std::string* config_hash) {
    const std::size_t last_tab = line.rfind('\t');
    if (last_tab == std::string_view::npos) return std::nullopt;
    const std::string_view body = line.substr(0, last_tab);
    if (line.substr(last_tab + 1) != checksum(body).view()) return std::nullopt;

    std::string_view fields[kFields];
    std::size_t count = 0;
    for (std::string_view rest = body;; ++count) {
        if (count == kFields) return std::nullopt;
        const std::size_t tab = rest.find('\t');
        fields[count] = rest.substr(0, tab);
        if (tab == std::string_view::npos) {
            ++count;
            break;
        }
        rest.remove_prefix(tab + 1);
    }
    ReportRecord record;
    if (count == kFailedFields && fields[0] == kFailedMagic) {
        std::optional<std::string> key = unescaped(fields[1]), sha = unescaped(fields[2]), config = unescaped(fields[3]),
                                   kind = unescaped(fields[4]), message = unescaped(fields[5]);
        if (!key || !sha || !config || !kind || !message) return std::nullopt;
        record.key = std::move(*key);
        record.sha256 = std::move(*sha);
        record.status = Status::failed;
        record.failure = Failure{std::move(*kind), record.key, 0, 0, std::move(*message)};
        if (config_hash) *config_hash = std::move(*config);
        return record;
    }
    if (count != kFields || fields[0] != kMagic) return std::nullopt;

    std::optional<std::string> key = unescaped(fields[1]), output = unescaped(fields[2]), sha = unescaped(fields[3]),
                               config = unescaped(fields[4]), audit = unescaped(fields[5]);
    // The report's counts end with its defect count: "error,warning,info,defects".
    const std::size_t defects_at = fields[6].rfind(',');
    if (!key || !output || !sha || !config || !audit || defects_at == std::string_view::npos ||
        !parse_counts(fields[6].substr(0, defects_at), record.counts) ||
        !parse_number(fields[6].substr(defects_at + 1), record.defects))
        return std::nullopt;
    record.key = std::move(*key);
    record.output = std::move(*output);
    record.sha256 = std::move(*sha);
    record.audit_sha256 = std::move(*audit);
    record.status = Status::audited;
    for (std::string_view rules = fields[7]; !rules.empty();) {
        const std::size_t end = std::min(rules.find(';'), rules.size());
        const std::string_view item = rules.substr(0, end);
        const std::size_t equals = item.find('=');
        Counts counts;
        if (equals == std::string_view::npos || !parse_counts(item.substr(equals + 1), counts)) return std::nullopt;
        std::optional<std::string> rule = unescaped(item.substr(0, equals));
        if (!rule) return std::nullopt;
        record.by_rule.emplace(std::move(*rule), counts);
        rules.remove_prefix(std::min(end + 1, rules.size()));
    }
    if (config_hash) *config_hash = std::move(*config);
    return record;
}

JournalIndex JournalIndex::load(const fs::path& state_dir) {
    JournalIndex index;
    std::string bytes;
    for (const JournalFile& file : journal_files(state_dir)) {
        index.last_run_ = std::max(index.last_run_, file.run);
        if (!read_file_into(file.path, bytes)) continue;
        std::string_view rest = bytes;
        // A tail without its newline is a torn write: never trusted, even when it looks whole.
        for (std::size_t newline = rest.find('\n'); newline != std::string_view::npos; newline = rest.find('\n')) {
            const std::string_view line = rest.substr(0, newline);
            rest.remove_prefix(newline + 1);
            std::optional<ReportRecord> record = parse_journal_line(line);
            if (!record) continue;
            Entry entry;
            entry.line_offset = index.lines_.size();
            entry.line_size = line.size();
            index.lines_.append(line);
            index.lines_ += '\n';
            entry.key_offset = index.lines_.size();
            index.lines_ += record->key;  // the key unescaped, for the index's order
            entry.key_size = record->key.size();
            index.entries_.push_back(entry);
        }
    }
    // Stable: among the records of one key, the last one read stays last.
    std::stable_sort(index.entries_.begin(), index.entries_.end(), [&index](const Entry& a, const Entry& b) {
        return index.view(a.key_offset, a.key_size) < index.view(b.key_offset, b.key_size);
    });
    std::vector<Entry> last;
    last.reserve(index.entries_.size());
    for (std::size_t i = 0; i < index.entries_.size(); ++i) {
        const Entry& e = index.entries_[i];
        if (i + 1 < index.entries_.size() &&
            index.view(e.key_offset, e.key_size) == index.view(index.entries_[i + 1].key_offset, index.entries_[i + 1].key_size))
            continue;
        last.push_back(e);
    }
    index.entries_ = std::move(last);
    return index;
}

std::optional<ReportRecord> JournalIndex::find(std::string_view key, std::string* config_hash) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                     [this](const Entry& e, std::string_view k) { return view(e.key_offset, e.key_size) < k; });
    if (it == entries_.end() || view(it->key_offset, it->key_size) != key) return std::nullopt;
    return parse_journal_line(view(it->line_offset, it->line_size), config_hash);
}

std::string JournalIndex::compacted() const {
    std::string out;
    for (const Entry& e : entries_) {
        out.append(view(e.line_offset, e.line_size));
        out += '\n';
    }
    return out;
}

JournalWriter::JournalWriter(const fs::path& state_dir, unsigned run, unsigned worker)
    : path_(state_dir / journal_name(run, worker)) {}

JournalWriter::~JournalWriter() {
    if (fd_ >= 0) ::close(fd_);
}

void JournalWriter::append(const ReportRecord& record, std::string_view config_hash) {
    const auto failure = [this](const char* what) {
        return std::runtime_error("无法写入 / cannot write " + path_.string() + ": " + what + ": " + std::strerror(errno));
    };
    if (fd_ < 0) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd_ < 0) throw failure("open");
    }
    line_.clear();
    append_journal_line(line_, record, config_hash);
    // One write(2) per record: a kill leaves the line whole or missing. Should the kernel
    // write less (a full disk), the partial line has no newline or a wrong checksum and is
    // ignored; the next record then starts on a fresh line so that it is not lost with it.
    for (;;) {
        const ssize_t n = ::write(fd_, line_.data(), line_.size());
        if (n == static_cast<ssize_t>(line_.size())) return;
        if (n < 0 && errno == EINTR) continue;
        if (n >= 0) {
            const char newline = '\n';
            [[maybe_unused]] const ssize_t ignored = ::write(fd_, &newline, 1);
            errno = ENOSPC;
        }
        throw failure("write");
    }
}

void remove_journals(const fs::path& state_dir) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(state_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (journal_run(it->path().filename().string())) fs::remove(it->path(), ec);
}

void compact_journals(const fs::path& state_dir, unsigned run) {
    const std::vector<JournalFile> before = journal_files(state_dir);
    const fs::path target = state_dir / journal_name(run, std::nullopt);
    try {
        // Not synced here: run_batch syncs the file system right after. Should the machine
        // lose power first, what is lost is at worst the journal, and --resume then audits
        // again rather than trusting anything.
        engine::write_file_atomically_deferred(target, JournalIndex::load(state_dir).compacted());
    } catch (const std::exception&) {
        return;  // the journals as they are serve --resume as well
    }
    std::error_code ec;
    for (const JournalFile& file : before)
        if (file.path != target) fs::remove(file.path, ec);
}

}  // namespace fincheck::batch
