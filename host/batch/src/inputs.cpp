#include "fincheck/batch/inputs.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "fincheck/sha256.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

bool takes_from_directory(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.empty() || name.front() == '.') return false;
    if (name.ends_with(".truth.xml") || name.ends_with(".audit.xml") || name == "summary.xml") return false;
    const std::string ext = file.extension().string();
    return ext == ".xml" || ext == ".txt" || ext == ".pdf";
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
    std::string name(file_name_of_key(key));
    name += '-';
    name += std::string_view(sha256_hex(key)).substr(0, hex_digits);
    name += ".audit.xml";
    return name;
}

void add_argument(const std::string& argument, InputList& out, int list_depth);

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
        std::string key;
        for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& file = it->path();
            if (!it->is_regular_file(ec) || !takes_from_directory(file)) continue;
            key = root_name;
            key += '/';
            key += file.lexically_relative(path).generic_string();
            out.add(file.native(), key);
        }
        if (ec) out.add(path.native(), argument, ec.message());
        return;
    }
    if (!fs::exists(path, ec)) {
        out.add(path.native(), argument, "文件不存在 / no such file or directory");
        return;
    }
    out.add(path.native(), path.lexically_normal().generic_string());
}

}  // namespace

std::uint32_t InputList::store(std::string_view text) {
    if (arena_.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("输入列表过大 / the input list exceeds 4 GB of names");
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    arena_ += text;
    return offset;
}

void InputList::add(std::string_view path, std::string_view key, std::string_view problem) {
    Entry entry;
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
    if (file.problem.empty()) file.output = output_name_with(file.key, entry.full_hash ? 64 : 12);
    return file;
}

void InputList::finish(const Shard& shard) {
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) { return key(a) < key(b); });
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [&](const Entry& a, const Entry& b) { return key(a) == key(b); }),
                   entries_.end());

    // 48 bits of hash make a clash between two keys with the same file name unlikely, not
    // impossible: the clashing inputs get the full hash instead. Decided over all inputs,
    // before sharding, so every shard names a report's output as an unsharded run does.
    struct Short {
        std::uint64_t hash;  // first 48 bits of SHA-256(key)
        std::uint32_t index;
    };
    std::vector<Short> shorts;
    std::vector<bool> in_shard(entries_.size());
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
        const std::string hex = sha256_hex(key(entries_[i]));
        std::uint64_t value = 0;
        std::from_chars(hex.data(), hex.data() + 16, value, 16);
        in_shard[i] = shard.count <= 1 || value % shard.count == shard.index - 1;
        if (entries_[i].problem_size == 0) shorts.push_back({value >> 16, i});
    }
    std::sort(shorts.begin(), shorts.end(), [](const Short& a, const Short& b) { return a.hash < b.hash; });
    for (std::size_t i = 0; i < shorts.size();) {
        std::size_t end = i + 1;
        while (end < shorts.size() && shorts[end].hash == shorts[i].hash) ++end;
        for (std::size_t a = i; a < end; ++a)
            for (std::size_t b = a + 1; b < end; ++b) {
                Entry& first = entries_[shorts[a].index];
                Entry& second = entries_[shorts[b].index];
                if (file_name_of_key(key(first)) == file_name_of_key(key(second))) first.full_hash = second.full_hash = true;
            }
        i = end;
    }
    shorts = {};

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
