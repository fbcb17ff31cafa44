#include "fincheck/engine/catalog.hpp"

#include <sstream>

#include <pugixml.hpp>

namespace fincheck::engine {
namespace {

std::string problems_text(const PluginSet& plugins, bool zh) {
    std::string out;
    if (plugins.issues().empty()) return out;
    out += zh ? "\n加载失败 / load problems:\n" : "\nLoad problems:\n";
    for (const PluginIssue& issue : plugins.issues())
        out += "  " + issue.file + " [" + std::string(to_string(issue.problem)) + "] " + issue.message + "\n";
    return out;
}

}  // namespace

std::string write_rule_catalog_text(const RuleRegistry& registry, const PluginSet& plugins, Language language) {
    const bool zh = language == Language::zh;
    std::string out;
    for (const RuleEntry& entry : registry.entries()) {
        const RuleMeta& meta = *entry.meta;
        out += meta.id + "  [" + std::string(to_string(meta.default_severity)) + "]  " + meta.category + "  (" +
               entry.plugin + ")\n";
        out += "    " + (zh ? meta.title_zh : meta.title_en) + " / " + (zh ? meta.title_en : meta.title_zh) + "\n";
        for (const OptionSpec& option : meta.options) {
            out += "    --" + option.name + " (" + std::string(to_string(option.type)) + ", " +
                   (zh ? "默认 " : "default ") + (option.default_value.empty() ? "\"\"" : option.default_value) + ")";
            const std::string& description = zh ? option.description_zh : option.description_en;
            if (!description.empty()) out += ": " + description;
            out += "\n";
        }
    }
    out += zh ? "共 " + std::to_string(registry.entries().size()) + " 条规则\n"
              : std::to_string(registry.entries().size()) + " rules\n";
    out += problems_text(plugins, zh);
    return out;
}

std::string write_rule_catalog_xml(const RuleRegistry& registry, const PluginSet& plugins) {
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("rule-catalog");
    for (const RuleEntry& entry : registry.entries()) {
        const RuleMeta& meta = *entry.meta;
        pugi::xml_node rule = root.append_child("rule");
        rule.append_attribute("id") = meta.id.c_str();
        rule.append_attribute("version") = meta.version.c_str();
        rule.append_attribute("severity") = std::string(to_string(meta.default_severity)).c_str();
        rule.append_attribute("category") = meta.category.c_str();
        rule.append_attribute("plugin") = entry.plugin.c_str();
        if (!meta.docs.empty()) rule.append_attribute("docs") = meta.docs.c_str();
        pugi::xml_node title_zh = rule.append_child("title");
        title_zh.append_attribute("lang") = "zh-CN";
        title_zh.text().set(meta.title_zh.c_str());
        pugi::xml_node title_en = rule.append_child("title");
        title_en.append_attribute("lang") = "en";
        title_en.text().set(meta.title_en.c_str());
        for (const OptionSpec& spec : meta.options) {
            pugi::xml_node option = rule.append_child("option");
            option.append_attribute("name") = spec.name.c_str();
            option.append_attribute("type") = std::string(to_string(spec.type)).c_str();
            option.append_attribute("default") = spec.default_value.c_str();
            if (!spec.description_zh.empty()) option.append_child("description").text().set(spec.description_zh.c_str());
        }
        for (const MessageSpec& spec : meta.messages) {
            pugi::xml_node message = rule.append_child("message");
            message.append_attribute("id") = spec.id.c_str();
            message.append_attribute("zh-CN") = spec.zh.c_str();
            message.append_attribute("en") = spec.en.c_str();
        }
    }
    for (const PluginIssue& issue : plugins.issues()) {
        pugi::xml_node problem = root.append_child("load-problem");
        problem.append_attribute("file") = issue.file.c_str();
        problem.append_attribute("kind") = std::string(to_string(issue.problem)).c_str();
        problem.text().set(issue.message.c_str());
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(out).str();
}

std::string write_plugin_list_text(const PluginSet& plugins, const std::vector<std::filesystem::path>& search_dirs,
                                   Language language) {
    const bool zh = language == Language::zh;
    std::string out = zh ? "搜索目录 / search path:\n" : "Search path:\n";
    for (const auto& dir : search_dirs) out += "  " + dir.string() + "\n";
    out += zh ? "\n已加载插件 / loaded plugins:\n" : "\nLoaded plugins:\n";
    if (plugins.plugins().empty()) out += zh ? "  （无）\n" : "  (none)\n";
    for (const LoadedPlugin& plugin : plugins.plugins()) {
        out += "  " + plugin.name + " " + plugin.version + "  " + plugin.file + "  SDK " + plugin.sdk_version +
               "  ABI " + std::to_string(plugin.abi_major) + "." + std::to_string(plugin.abi_minor) + "  " +
               std::to_string(plugin.rules.size()) + (zh ? " 条规则" : " rules") + "\n";
        if (!plugin.description.empty()) out += "    " + plugin.description + "\n";
    }
    out += problems_text(plugins, zh);
    return out;
}

}  // namespace fincheck::engine
