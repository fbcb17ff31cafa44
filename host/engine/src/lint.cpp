#include "fincheck/engine/lint.hpp"

#include <algorithm>
#include <system_error>

#include <pugixml.hpp>

#include "fincheck/data_file.hpp"
#include "fincheck/text_position.hpp"

namespace fincheck::engine {
namespace fs = std::filesystem;

namespace {

enum class Kind { pack, config, regions };

struct Classified {
    std::vector<fs::path> packs;
    std::vector<fs::path> configs;
    std::vector<fs::path> region_data_dirs;  // the folder above each regions/ folder
};

void add_problem(LintResult& result, std::string problem) {
    if (std::find(result.problems.begin(), result.problems.end(), problem) == result.problems.end())
        result.problems.push_back(std::move(problem));
}

// The problems of a failed engine creation, one per line.
void add_problems(LintResult& result, const ConfigError& error) {
    std::string text = error.to_string();
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) add_problem(result, text.substr(start, end - start));
        start = end + 1;
    }
}

std::optional<Kind> classify(const fs::path& file, LintResult& result) {
    std::string bytes;
    std::string why;
    if (!read_whole_file(file, bytes, why)) {
        add_problem(result, why);
        return std::nullopt;
    }
    std::string text;
    if (std::optional<DataFileError> error = xml_text_as_utf8(bytes, file.string(), text)) {
        add_problem(result, error->to_string());
        return std::nullopt;
    }
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        add_problem(result, located_error(file.string(), text, static_cast<std::size_t>(parsed.offset),
                                          std::string("XML 格式错误 / malformed XML: ") + parsed.description()));
        return std::nullopt;
    }
    const std::string_view root = document.document_element().name();
    // A narrative lexicon is passed the way a pack is (docs/lexicon.md).
    if (root == "rulepack" || root == "lexicon") return Kind::pack;
    if (root == "fincheck") return Kind::config;
    if (root == "regions") return Kind::regions;
    add_problem(result, file.string() + ": 根元素 <" + std::string(root) +
                            "> 不是规则包、词库、配置或地区名称表 / the root element <" + std::string(root) +
                            "> is none of <rulepack>, <lexicon>, <fincheck>, <regions>");
    return std::nullopt;
}

std::vector<fs::path> expand(const std::vector<fs::path>& paths, LintResult& result) {
    std::vector<fs::path> files;
    for (const fs::path& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> found = data_files_in(path);
            if (found.empty()) add_problem(result, path.string() + ": 目录中没有 .xml 文件 / no .xml file in this folder");
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            add_problem(result, path.string() + ": 文件不存在 / no such file");
        }
    }
    return files;
}

}  // namespace

LintResult lint(const std::vector<fs::path>& paths, EngineOptions base) {
    LintResult result;
    Classified found;
    for (const fs::path& file : expand(paths, result)) {
        result.files.push_back(file);
        const fs::path absolute = fs::absolute(file).lexically_normal();
        const std::optional<Kind> kind = classify(file, result);
        if (kind == Kind::pack) found.packs.push_back(absolute);
        if (kind == Kind::config) found.configs.push_back(absolute);
        if (kind != Kind::regions) continue;
        if (absolute.parent_path().filename() == "regions")
            found.region_data_dirs.push_back(absolute.parent_path().parent_path());
        else
            add_problem(result, file.string() + ": 地区名称表应放在数据目录的 regions/ 文件夹中 / a region list must "
                                                "sit in the regions/ folder of a data directory");
    }
    if (!result.problems.empty()) return result;  // unreadable files would only repeat below

    base.config_search_from.clear();
    base.tolerate_plugin_problems = false;
    base.rule_packs.insert(base.rule_packs.begin(), found.packs.begin(), found.packs.end());
    for (const fs::path& dir : found.region_data_dirs)
        if (std::find(base.search.data_dirs.begin(), base.search.data_dirs.end(), dir) == base.search.data_dirs.end())
            base.search.data_dirs.push_back(dir);

    // The packs (with --config, if given), then each config with the packs.
    EngineCreation created = Engine::create(base);
    if (created.error) add_problems(result, *created.error);
    for (const fs::path& config : found.configs) {
        EngineOptions options = base;
        options.config_file = config;
        EngineCreation with_config = Engine::create(options);
        if (with_config.error) add_problems(result, *with_config.error);
    }
    return result;
}

}  // namespace fincheck::engine
