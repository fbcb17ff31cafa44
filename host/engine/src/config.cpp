#include "fincheck/engine/config.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include <pugixml.hpp>

#include "fincheck/data_file.hpp"
#include "fincheck/number_text.hpp"
#include "fincheck/utf8.hpp"
#include "retired_plugins.hpp"

namespace fincheck::engine {
namespace fs = std::filesystem;

std::string ConfigError::to_string() const {
    if (file.empty()) return message;
    if (line == 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

bool Config::plugin_disabled(std::string_view name) const {
    return std::find(disabled_plugins.begin(), disabled_plugins.end(), name) != disabled_plugins.end();
}

namespace {

// 1-based line and column (in code points) of a byte offset. The configuration is not
// validated as UTF-8, so the column counts the characters that start before the offset.
SourcePosition position_of(std::string_view text, std::ptrdiff_t offset) {
    std::size_t end = offset < 0 ? 0 : std::min(text.size(), static_cast<std::size_t>(offset));
    std::string_view before = text.substr(0, end);
    std::size_t last_newline = before.rfind('\n');
    std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
    SourcePosition pos;
    pos.line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
    pos.column = static_cast<std::uint32_t>(1 + utf8::lead_byte_count(before.substr(line_start)));
    return pos;
}

class ConfigParser {
public:
    ConfigParser(std::string_view text, const fs::path& file) : text_(text), file_(file) {}

    ConfigResult parse() {
        pugi::xml_document doc;
        pugi::xml_parse_result parsed =
            doc.load_buffer(text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!parsed) return fail_at(parsed.offset, std::string("XML 格式错误 / malformed XML: ") + parsed.description());
        pugi::xml_node root = doc.document_element();
        if (std::string_view(root.name()) != "fincheck")
            return fail(root, "根元素应为 <fincheck> / the root element must be <fincheck>");
        Config config;
        config.file = file_;
        if (auto error = check_attributes(root, {"version"})) return *error;
        if (pugi::xml_attribute version = root.attribute("version"); version && std::string_view(version.value()) != kConfigVersion)
            return fail(root, std::string("不支持的配置文件版本 \"") + version.value() + "\"（本程序读取版本 " +
                                  kConfigVersion + "）/ unsupported config version \"" + version.value() +
                                  "\" (this fincheck reads version " + kConfigVersion + ")");
        for (pugi::xml_node node : root.children()) {
            if (node.type() != pugi::node_element) continue;
            std::optional<ConfigResult> error = read_element(node, config);
            if (error) return *error;
        }
        return ConfigResult{std::move(config), std::nullopt};
    }

private:
    ConfigResult fail_at(std::ptrdiff_t offset, std::string message) const {
        SourcePosition pos = position_of(text_, offset);
        return ConfigResult{std::nullopt, ConfigError{file_.string(), pos.line, pos.column, std::move(message)}};
    }
    // pugixml's element offset points at the name; editors and users point at the '<'.
    static std::ptrdiff_t element_offset(pugi::xml_node node) {
        std::ptrdiff_t offset = node.offset_debug();
        return node.type() == pugi::node_element && offset > 0 ? offset - 1 : offset;
    }
    ConfigResult fail(pugi::xml_node node, std::string message) const {
        return fail_at(element_offset(node), std::move(message));
    }
    SourcePosition position(pugi::xml_node node) const { return position_of(text_, element_offset(node)); }

    std::optional<ConfigResult> check_attributes(pugi::xml_node node, std::set<std::string_view> allowed) const {
        for (pugi::xml_attribute attribute : node.attributes())
            if (!allowed.contains(attribute.name()))
                return fail(node, std::string("<") + node.name() + "> 不认识属性 " + attribute.name() +
                                      " / unknown attribute " + attribute.name() + " on <" + node.name() + ">");
        return std::nullopt;
    }

    std::optional<ConfigResult> require(pugi::xml_node node, const char* attribute, std::string& out) const {
        pugi::xml_attribute a = node.attribute(attribute);
        if (!a || std::string_view(a.value()).empty())
            return fail(node, std::string("<") + node.name() + "> 缺少属性 " + attribute +
                                  " / <" + node.name() + "> needs a " + attribute + " attribute");
        out = a.value();
        return std::nullopt;
    }

    std::optional<ConfigResult> read_decimal(pugi::xml_node node, const char* attribute,
                                             std::optional<Decimal>& out) const {
        pugi::xml_attribute a = node.attribute(attribute);
        if (!a) return std::nullopt;
        auto value = Decimal::parse(a.value());
        if (!value || *value < Decimal{})
            return fail(node, std::string(attribute) + " 应为非负小数 / " + attribute +
                                  " must be a non-negative decimal, not \"" + a.value() + "\"");
        out = value;
        return std::nullopt;
    }

    // The second definition of the same thing is an error naming both places: one of the two
    // would otherwise be silently ignored.
    std::optional<ConfigResult> first_definition(pugi::xml_node node, const std::string& what) {
        auto [it, inserted] = defined_.emplace(what, position(node));
        if (inserted) return std::nullopt;
        const std::string first = std::to_string(it->second.line);
        return fail(node, "重复定义：" + what + "（首次定义于第 " + first + " 行）/ defined twice: " + what +
                              " (first defined at line " + first + ")");
    }

    fs::path resolve(const std::string& path) const {
        fs::path p(path);
        return p.is_absolute() ? p : (file_.parent_path() / p).lexically_normal();
    }

    std::optional<ConfigResult> read_path(pugi::xml_node node, std::vector<fs::path>& out) {
        if (auto error = check_attributes(node, {"path"})) return error;
        std::string path;
        if (auto error = require(node, "path", path)) return error;
        fs::path resolved = resolve(path);
        if (auto error = first_definition(node, "<" + std::string(node.name()) + " path=\"" + resolved.string() + "\">"))
            return error;
        out.push_back(std::move(resolved));
        return std::nullopt;
    }

    std::optional<ConfigResult> read_enabled(pugi::xml_node node, std::optional<bool>& out) const {
        pugi::xml_attribute a = node.attribute("enabled");
        if (!a) return std::nullopt;
        std::string_view v = a.value();
        if (v == "true") out = true;
        else if (v == "false") out = false;
        else return fail(node, "enabled 应为 true 或 false / enabled must be true or false");
        return std::nullopt;
    }

    std::optional<ConfigResult> read_rule(pugi::xml_node node, Config& config) {
        if (auto error = check_attributes(node, {"id", "enabled", "severity"})) return error;
        RuleSetting setting;
        setting.position = position(node);
        if (auto error = require(node, "id", setting.pattern)) return error;
        if (auto error = first_definition(node, "<rule id=\"" + setting.pattern + "\">")) return error;
        if (auto error = read_enabled(node, setting.enabled)) return error;
        if (pugi::xml_attribute a = node.attribute("severity")) {
            setting.severity = severity_from_string(a.value());
            if (!setting.severity)
                return fail(node, std::string("未知的严重级别 ") + a.value() +
                                      "（应为 error、warning 或 info）/ unknown severity \"" + a.value() +
                                      "\" (error, warning or info)");
        }
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::string_view(child.name()) != "option")
                return fail(child, std::string("<rule> 中不认识的元素 <") + child.name() +
                                       "> / unknown element <" + child.name() + "> in <rule>");
            if (auto error = check_attributes(child, {"name", "value"})) return error;
            std::string name;
            if (auto error = require(child, "name", name)) return error;
            if (!child.attribute("value"))
                return fail(child, "<option> 缺少属性 value / <option> needs a value attribute");
            if (auto error = first_definition(child, "<rule id=\"" + setting.pattern + "\"> <option name=\"" + name + "\">"))
                return error;
            setting.options[name] = child.attribute("value").value();
            setting.option_positions[name] = position(child);
        }
        config.rules.push_back(std::move(setting));
        return std::nullopt;
    }

    std::optional<ConfigResult> read_plugin(pugi::xml_node node, Config& config) {
        if (auto error = check_attributes(node, {"name", "enabled"})) return error;
        std::string name;
        if (auto error = require(node, "name", name)) return error;
        if (auto error = first_definition(node, "<plugin name=\"" + name + "\">")) return error;
        if (std::optional<std::string> retired = retired_plugin_message(node)) return fail(node, *retired);
        std::optional<bool> enabled;
        if (auto error = read_enabled(node, enabled)) return error;
        if (enabled == false) config.disabled_plugins.push_back(name);
        config.plugin_positions[name] = position(node);
        auto& settings = config.plugin_settings[name];
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::string_view(child.name()) != "setting")
                return fail(child, std::string("<plugin> 中不认识的元素 <") + child.name() +
                                       "> / unknown element <" + child.name() + "> in <plugin>");
            if (auto error = check_attributes(child, {"name", "value"})) return error;
            std::string key;
            if (auto error = require(child, "name", key)) return error;
            if (auto error = first_definition(child, "<plugin name=\"" + name + "\"> <setting name=\"" + key + "\">"))
                return error;
            settings[key] = child.attribute("value").value();
        }
        return std::nullopt;
    }

    std::optional<ConfigResult> read_element(pugi::xml_node node, Config& config) {
        std::string_view name = node.name();
        if (name == "rules") {
            if (auto error = check_attributes(node, {"select"})) return error;
            if (auto error = first_definition(node, "<rules>")) return error;
            config.select = node.attribute("select").value();
            config.select_position = position(node);
            return std::nullopt;
        }
        if (name == "tolerance") {
            if (auto error = check_attributes(node, {"half-unit", "extra"})) return error;
            if (auto error = first_definition(node, "<tolerance>")) return error;
            config.tolerance_position = position(node);
            if (auto error = read_decimal(node, "half-unit", config.half_unit)) return error;
            return read_decimal(node, "extra", config.extra);
        }
        if (name == "rule") return read_rule(node, config);
        if (name == "rulepack") return read_path(node, config.rule_packs);
        if (name == "plugin-dir") return read_path(node, config.plugin_dirs);
        if (name == "data-dir") return read_path(node, config.data_dirs);
        if (name == "plugin") return read_plugin(node, config);
        return fail(node, std::string("不认识的元素 <") + node.name() + "> / unknown element <" + node.name() + ">");
    }

    std::string_view text_;
    fs::path file_;
    std::map<std::string, SourcePosition> defined_;  // what was defined where, for duplicates
};

}  // namespace

ConfigResult parse_config(std::string_view text, const fs::path& file) {
    // GB18030/GBK as declared, UTF-16, a BOM: the same reading as every plugin data file.
    std::string utf8_text;
    if (std::optional<DataFileError> error = xml_text_as_utf8(text, file.string(), utf8_text)) {
        const TextPosition pos = error->position.value_or(TextPosition{});
        return ConfigResult{std::nullopt, ConfigError{file.string(), pos.line, pos.column, std::move(error->message)}};
    }
    return ConfigParser(utf8_text, file).parse();
}

ConfigResult load_config(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec))
        return ConfigResult{std::nullopt,
                            ConfigError{file.string(), 0, 0, "配置文件不存在 / the config file does not exist"}};
    std::ifstream in(file, std::ios::binary);
    if (!in || fs::is_directory(file, ec))
        return ConfigResult{std::nullopt,
                            ConfigError{file.string(), 0, 0, "无法读取配置文件 / cannot read the config file"}};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_config(buffer.view(), file);
}

std::optional<fs::path> find_config(const fs::path& start_dir) {
    std::error_code ec;
    fs::path dir = fs::absolute(start_dir.empty() ? fs::path(".") : start_dir, ec).lexically_normal();
    if (ec) return std::nullopt;
    while (true) {
        fs::path candidate = dir / kConfigFileName;
        if (fs::is_regular_file(candidate, ec)) return candidate;
        fs::path parent = dir.parent_path();
        if (parent == dir || parent.empty()) return std::nullopt;
        dir = parent;
    }
}

}  // namespace fincheck::engine
