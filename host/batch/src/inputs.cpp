#include "fincheck/batch/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "fincheck/sha256.hpp"
#include "xml_text.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Files a directory walk passes over without a word: the batch's own outputs, the
// generator's ground truth, hidden files.
bool ignored_in_directory(const std::string& name) {
    return name.empty() || name.front() == '.' || name.ends_with(".truth.xml") || name.ends_with(".audit.xml") ||
           name == "summary.xml";
}

// Why a file found in a directory is not audited, or empty when it is.
std::string skip_reason(const fs::path& file) {
    const std::string ext = lower_extension(file);
    if (ext == ".xml" || ext == ".txt" || ext == ".pdf") return {};
    return "未知文件类型（只审核 .xml、.txt 与 .pdf）/ unknown file type (only .xml, .txt and .pdf are audited)";
}

std::string trimmed(std::string line) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    line.erase(line.begin(), std::find_if(line.begin(), line.end(), not_space));
    line.erase(std::find_if(line.rbegin(), line.rend(), not_space).base(), line.end());
    return line;
}

std::string_view file_name_of_key(std::string_view key) {
    const std::size_t slash = key.find_last_of('/');
    return slash == std::string_view::npos ? key : key.substr(slash + 1);
}

std::string output_name_with(std::string_view key, std::size_t hex_digits) {
    // The file name's bytes that are not XML text become '_' (the output name is written
    // into summary.xml as is); a long name is cut so that the output fits NAME_MAX.
    std::string name;
    const std::string_view file_name = file_name_of_key(key);
    if (is_xml_text(file_name)) name = file_name;
    else
        for (char c : percent_escaped(file_name)) name += c == '%' ? '_' : c;
    name.resize(utf8_prefix(name, kMaxOutputStem).size());
    name += '-';
    name += std::string_view(sha256_hex(key)).substr(0, hex_digits);
    name += ".audit.xml";
    return name;
}

void add_argument(const std::string& argument, InputList& out, int list_depth);

// Walks `dir` depth first in a fixed order (sorted later anyway); symbolic links to
// directories are not followed (a loop would never end), links to files are.
void add_directory(const fs::path& dir, const std::string& root_name, InputList& out) {
    std::vector<fs::path> pending{dir};
    std::string key;
    while (!pending.empty()) {
        const fs::path current = std::move(pending.back());
        pending.pop_back();
        const auto key_of = [&](const fs::path& file) {
            key = root_name;
            key += '/';
            key += file.lexically_relative(dir).generic_string();
            return key;
        };
        std::error_code ec;
        fs::directory_iterator it(current, ec);
        if (ec) {
            out.add_skipped(current.native(), key_of(current) + "/", "无法读取目录 / cannot read the directory: " + ec.message());
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            const fs::path& file = it->path();
            if (ignored_in_directory(file.filename().string())) continue;
            std::error_code entry_ec;
            const fs::file_status own = it->symlink_status(entry_ec);
            const fs::file_status target = it->status(entry_ec);
            if (fs::is_symlink(own) && !fs::exists(target)) {
                out.add_skipped(file.native(), key_of(file), "符号链接指向不存在的文件 / dangling symbolic link");
            } else if (fs::is_directory(target)) {
                if (fs::is_symlink(own))
                    out.add_skipped(file.native(), key_of(file),
                                    "不跟随指向目录的符号链接 / symbolic link to a directory, not followed");
                else pending.push_back(file);
            } else if (!fs::is_regular_file(target)) {
                out.add_skipped(file.native(), key_of(file), "不是普通文件 / not a regular file");
            } else if (std::string reason = skip_reason(file); !reason.empty()) {
                out.add_skipped(file.native(), key_of(file), reason);
            } else {
                const std::uintmax_t size = it->file_size(entry_ec);
                out.add(file.native(), key_of(file), {}, entry_ec ? 0 : size);
            }
        }
        if (ec) out.add_skipped(current.native(), key_of(current) + "/", "无法读取目录 / cannot read the directory: " + ec.message());
    }
}

void add_list(const std::string& list_file, InputList& out, int list_depth) {
    if (list_depth > 4) {
        out.add(list_file, list_file, "列表嵌套过深 / lists nested too deeply");
        return;
    }
    std::ifstream in(list_file);
    if (!in) {
        out.add(list_file, "@" + list_file, "无法读取列表文件 / cannot read the list file");
        return;
    }
    std::string line;
    while (std::getline(in, line)) {
        line = trimmed(std::move(line));
        if (line.empty() || line.front() == '#') continue;
        add_argument(line, out, list_depth + 1);
    }
}

void add_argument(const std::string& argument, InputList& out, int list_depth) {
    if (argument.starts_with('@')) {
        add_list(argument.substr(1), out, list_depth);
        return;
    }
    const fs::path path(argument);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        const fs::path root = fs::weakly_canonical(path, ec);
        const std::string root_name = root.filename().empty() ? std::string("root") : root.filename().string();
        add_directory(path, root_name, out);
        return;
    }
    if (!fs::exists(path, ec)) {
        out.add(path.native(), argument, fs::is_symlink(path, ec) ? "符号链接指向不存在的文件 / dangling symbolic link"
                                                                  : "文件不存在 / no such file or directory");
        return;
    }
    // Named explicitly, a file is audited whatever its extension (a PDF is told by its content);
    // but reading a FIFO or a device (/dev/zero) would never end.
    const std::string key = path.lexically_normal().generic_string();
    if (!fs::is_regular_file(path, ec)) {
        out.add_skipped(path.native(), key, "不是普通文件 / not a regular file");
        return;
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    out.add(path.native(), key, {}, ec ? 0 : size);
}

}  // namespace

std::uint32_t InputList::store(std::string_view text) {
    if (arena_.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("输入列表过大 / the input list exceeds 4 GB of names");
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    arena_ += text;
    return offset;
}

void InputList::add_skipped(std::string_view path, std::string_view key, std::string_view reason) {
    add(path, key, reason);
    entries_.back().skipped = true;
}

void InputList::add(std::string_view path, std::string_view key, std::string_view problem, std::uint64_t size) {
    Entry entry;
    entry.size = size;
    entry.path_offset = store(path);
    entry.path_size = static_cast<std::uint32_t>(path.size());
    entry.key_offset = store(key);
    entry.key_size = static_cast<std::uint32_t>(key.size());
    entry.problem_offset = store(problem);
    entry.problem_size = static_cast<std::uint32_t>(problem.size());
    entries_.push_back(entry);
}

InputFile InputList::operator[](std::size_t index) const {
    const Entry& entry = entries_.at(index);
    InputFile file;
    file.path = fs::path(std::string(view(entry.path_offset, entry.path_size)));
    file.key = std::string(key(entry));
    file.problem = std::string(view(entry.problem_offset, entry.problem_size));
    file.skipped = entry.skipped;
    if (file.problem.empty()) file.output = output_name_with(file.key, entry.full_hash ? 64 : 12);
    return file;
}

void InputList::finish(const Shard& shard) {
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) { return key(a) < key(b); });
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [&](const Entry& a, const Entry& b) { return key(a) == key(b); }),
                   entries_.end());

    // 48 bits of hash make a clash between two keys with the same (possibly shortened) file
    // name unlikely, not impossible: the clashing inputs get the full hash instead. Decided
    // over all inputs, before sharding, so every shard names a report's output as an
    // unsharded run does.
    std::vector<bool> in_shard(entries_.size());
    std::vector<std::pair<std::string, std::uint32_t>> names;
    Sha256 fingerprint;
    std::string line;
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        const Entry& entry = entries_[i];
        in_shard[i] = shard.contains(key(entry));
        if (entry.problem_size == 0) names.emplace_back(output_name_with(key(entry), 12), i);
        line.assign(key(entry));
        line += '\t';
        line += std::to_string(entry.size);
        line += entry.skipped ? "\tskipped\n" : entry.problem_size ? "\tproblem\n" : "\n";
        fingerprint.update(line);
    }
    std::sort(names.begin(), names.end());
    for (std::size_t i = 1; i < names.size(); ++i)
        if (names[i].first == names[i - 1].first) entries_[names[i].second].full_hash = entries_[names[i - 1].second].full_hash = true;
    names = {};
    static constexpr char kHex[] = "0123456789abcdef";
    fingerprint_.clear();
    for (std::uint8_t byte : fingerprint.finish()) {
        fingerprint_ += kHex[byte >> 4];
        fingerprint_ += kHex[byte & 15];
    }
    total_inputs_ = entries_.size();

    // Keep the shard's inputs, with an arena holding only their names.
    std::string arena;
    std::vector<Entry> kept;
    auto copy = [&](std::uint32_t offset, std::uint32_t size) {
        const auto moved = static_cast<std::uint32_t>(arena.size());
        arena.append(arena_, offset, size);
        return moved;
    };
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (!in_shard[i]) continue;
        Entry entry = entries_[i];
        entry.path_offset = copy(entry.path_offset, entry.path_size);
        entry.key_offset = copy(entry.key_offset, entry.key_size);
        entry.problem_offset = copy(entry.problem_offset, entry.problem_size);
        kept.push_back(entry);
    }
    arena_ = std::move(arena);
    entries_ = std::move(kept);
    arena_.shrink_to_fit();
    entries_.shrink_to_fit();
}

bool Shard::contains(std::string_view key) const {
    if (count <= 1) return true;
    // The first 8 bytes of SHA-256: stable across machines and releases, unlike std::hash.
    const std::string hex = sha256_hex(key);
    std::uint64_t value = 0;
    std::from_chars(hex.data(), hex.data() + 16, value, 16);
    return value % count == index - 1;
}

std::optional<Shard> parse_shard(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    Shard shard;
    auto parse = [](std::string_view part, std::size_t& value) {
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        return ec == std::errc{} && end == part.data() + part.size();
    };
    if (!parse(text.substr(0, slash), shard.index) || !parse(text.substr(slash + 1), shard.count)) return std::nullopt;
    if (shard.count == 0 || shard.index == 0 || shard.index > shard.count) return std::nullopt;
    return shard;
}

std::string output_name(std::string_view key) { return output_name_with(key, 12); }

InputExpansion expand_inputs(const std::vector<std::string>& arguments, const Shard& shard) {
    InputExpansion expansion;
    for (const std::string& argument : arguments) add_argument(argument, expansion.files, 0);
    expansion.files.finish(shard);
    return expansion;
}

}  // namespace fincheck::batch
