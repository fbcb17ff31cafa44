#include "fincheck/batch/inputs.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>

#include "fincheck/sha256.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

bool takes_from_directory(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.empty() || name.front() == '.') return false;
    if (name.ends_with(".truth.xml") || name.ends_with(".audit.xml") || name == "summary.xml") return false;
    const std::string ext = file.extension().string();
    return ext == ".xml" || ext == ".txt";
}

std::string trimmed(std::string line) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    line.erase(line.begin(), std::find_if(line.begin(), line.end(), not_space));
    line.erase(std::find_if(line.rbegin(), line.rend(), not_space).base(), line.end());
    return line;
}

void add_argument(const std::string& argument, std::vector<InputFile>& out,
                  int list_depth);

void add_list(const std::string& list_file, std::vector<InputFile>& out,
              int list_depth) {
    if (list_depth > 4) {
        out.push_back({list_file, list_file, {}, "列表嵌套过深 / lists nested too deeply"});
        return;
    }
    std::ifstream in(list_file);
    if (!in) {
        out.push_back({list_file, "@" + list_file, {}, "无法读取列表文件 / cannot read the list file"});
        return;
    }
    std::string line;
    while (std::getline(in, line)) {
        line = trimmed(std::move(line));
        if (line.empty() || line.front() == '#') continue;
        add_argument(line, out, list_depth + 1);
    }
}

void add_argument(const std::string& argument, std::vector<InputFile>& out,
                  int list_depth) {
    if (argument.starts_with('@')) {
        add_list(argument.substr(1), out, list_depth);
        return;
    }
    const fs::path path(argument);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        const fs::path root = fs::weakly_canonical(path, ec);
        const std::string root_name = root.filename().empty() ? std::string("root") : root.filename().string();
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file(ec) && takes_from_directory(it->path())) found.push_back(it->path());
        }
        if (ec) out.push_back({path, argument, {}, ec.message()});
        for (const fs::path& file : found) {
            const std::string key = root_name + "/" + file.lexically_relative(path).generic_string();
            out.push_back({file, key, output_name(key), {}});
        }
        return;
    }
    if (!fs::exists(path, ec)) {
        out.push_back({path, argument, {}, "文件不存在 / no such file or directory"});
        return;
    }
    const std::string key = path.lexically_normal().generic_string();
    out.push_back({path, key, output_name(key), {}});
}

}  // namespace

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

std::string output_name(std::string_view key) {
    std::string name(key);
    if (const std::size_t slash = name.find_last_of('/'); slash != std::string::npos) name.erase(0, slash + 1);
    return name + "-" + sha256_hex(key).substr(0, 12) + ".audit.xml";
}

InputExpansion expand_inputs(const std::vector<std::string>& arguments, const Shard& shard) {
    InputExpansion expansion;
    std::vector<InputFile> all;
    for (const std::string& argument : arguments) add_argument(argument, all, 0);
    std::sort(all.begin(), all.end(), [](const InputFile& a, const InputFile& b) { return a.key < b.key; });
    all.erase(std::unique(all.begin(), all.end(), [](const InputFile& a, const InputFile& b) { return a.key == b.key; }),
              all.end());
    // 48 bits of hash make a clash between two keys with the same file name unlikely, not
    // impossible: the clashing inputs get the full hash instead.
    std::map<std::string, std::size_t> seen;
    for (const InputFile& file : all)
        if (!file.output.empty()) ++seen[file.output];
    for (InputFile& file : all)
        if (!file.output.empty() && seen[file.output] > 1) {
            std::string name = file.key.substr(file.key.find_last_of('/') + 1);
            file.output = name + "-" + sha256_hex(file.key) + ".audit.xml";
        }
    for (InputFile& file : all)
        if (shard.contains(file.key)) expansion.files.push_back(std::move(file));
    return expansion;
}

}  // namespace fincheck::batch
