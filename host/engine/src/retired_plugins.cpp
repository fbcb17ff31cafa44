#include "retired_plugins.hpp"

#include <array>
#include <sstream>
#include <string_view>

namespace fincheck::engine {

namespace {

struct RetiredPlugin {
    std::string_view name;
    std::array<std::string_view, 2> successors;
    std::string_view why_zh;
    std::string_view why_en;
};

// tables was split by rule-id prefix (docs/upgrading.md); the rule ids did not change.
constexpr std::array kRetired{
    RetiredPlugin{"tables",
                  {"arith", "xtab"},
                  "已拆分为 arith（表内合计，arith-* 规则）和 xtab（表间勾稽，xtab-* 规则）",
                  "was split into arith (sums inside a table, the arith-* rules) and xtab (the same figure in two "
                  "tables, the xtab-* rules)"},
};

// The element as the user wrote it (its enabled attribute and settings), under another name.
std::string renamed(pugi::xml_node plugin, std::string_view name) {
    pugi::xml_document copy;
    pugi::xml_node node = copy.append_copy(plugin);
    node.attribute("name").set_value(std::string(name).c_str());
    std::ostringstream out;
    node.print(out, "", pugi::format_raw);
    return out.str();
}

}  // namespace

std::optional<std::string> retired_plugin_message(pugi::xml_node plugin) {
    const std::string_view name = plugin.attribute("name").value();
    for (const RetiredPlugin& retired : kRetired) {
        if (retired.name != name) continue;
        std::string instead;
        for (std::string_view successor : retired.successors)
            instead += (instead.empty() ? "" : " ") + renamed(plugin, successor);
        return "插件 " + std::string(name) + " " + std::string(retired.why_zh) + "，请改写为：" + instead +
               " / the " + std::string(name) + " plugin " + std::string(retired.why_en) + "; write instead: " + instead;
    }
    return std::nullopt;
}

std::optional<std::string> retired_plugin_file_message(const std::vector<std::filesystem::path>& files) {
    for (const std::filesystem::path& file : files)
        for (const RetiredPlugin& retired : kRetired) {
            if (file.filename() != "fincheck_" + std::string(retired.name) + ".so") continue;
            const std::string name(retired.name);
            return file.string() + ": 这是旧插件 " + name + "，" + std::string(retired.why_zh) + "，请删除此文件 / " +
                   "this is the old " + name + " plugin, which " + std::string(retired.why_en) + "; delete this file";
        }
    return std::nullopt;
}

}  // namespace fincheck::engine
