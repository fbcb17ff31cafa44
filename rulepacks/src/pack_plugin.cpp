#include "fincheck/rulepacks/pack_plugin.hpp"

#include <algorithm>
#include <stdexcept>

#include "fincheck/data_file.hpp"
#include "fincheck/nearest_name.hpp"
#include "fincheck/rulepacks/pack_explanation.hpp"
#include "fincheck/rulepacks/pack_library.hpp"
#include "fincheck/rulepacks/pack_rule.hpp"
#include "fincheck/rulepacks/region_names.hpp"

namespace fincheck::rulepacks {

namespace {

const std::vector<std::string>& known_settings() {
    static const std::vector<std::string> names{"pack", "require-pack"};
    return names;
}

// Every problem on its own line, each naming its file and line, so that one run lists every
// broken pack of a shared folder.
[[noreturn]] void reject(const std::string& what, const std::string& problems) {
    throw std::runtime_error(what + "\n" + problems);
}

RegionNames load_regions(const std::vector<std::filesystem::path>& data_dirs) {
    auto loaded = RegionNames::load(data_dirs);
    if (auto* errors = std::get_if<std::vector<DataFileError>>(&loaded)) {
        std::string problems;
        for (const DataFileError& e : *errors) problems += (problems.empty() ? "" : "\n") + e.to_string();
        reject("地区名称表无效 / region list rejected:", problems);
    }
    return std::move(std::get<RegionNames>(loaded));
}

bool require_pack(const RuleFamily& family, const PluginEnvironment& environment) {
    auto it = environment.settings.find("require-pack");
    if (it == environment.settings.end() || it->second == "true") return true;
    if (it->second == "false") return false;
    throw std::runtime_error(family.plugin + ": setting require-pack=" + it->second +
                             " must be true or false (require-pack 应为 true 或 false)");
}

}  // namespace

PackPlugin::PackPlugin(RuleFamily family, const PluginEnvironment& environment,
                       std::vector<std::unique_ptr<Rule>> own_rules)
    : family_(std::move(family)) {
    for (const auto& [name, value] : environment.settings)
        if (std::find(known_settings().begin(), known_settings().end(), name) == known_settings().end())
            throw std::runtime_error(family_.plugin + ": unknown setting " + name + did_you_mean(name, known_settings()) +
                                     " (未知的设置项)");
    std::vector<std::filesystem::path> files = PackLibrary::discover(environment.data_dirs);
    // A pack named again with --rulepack (`fincheck lint` of the installed folder) is the same
    // file, not a second pack with the same id. A narrative lexicon may be passed with
    // --rulepack too (docs/lexicon.md): it is the narrative plugin's, not a broken pack.
    for (const auto& pack : environment.rule_packs) {
        if (load_data_file(pack, "lexicon").file) continue;
        std::error_code ec;
        const auto same = [&](const std::filesystem::path& f) { return std::filesystem::equivalent(f, pack, ec); };
        if (std::none_of(files.begin(), files.end(), same)) files.push_back(pack);
    }
    const RegionNames regions = load_regions(environment.data_dirs);
    std::vector<templates::TemplateError> template_errors;
    const auto template_set = templates::TemplateSet::with_data_dirs(environment.data_dirs, template_errors);
    if (!template_errors.empty()) {
        std::string listed;
        for (const auto& e : template_errors) listed += (listed.empty() ? "" : "\n") + e.to_string();
        reject("模板无效 / template rejected:", listed);
    }
    auto loaded = PackLibrary::load(files, &regions, &template_set);
    if (auto* errors = std::get_if<PackErrors>(&loaded))
        reject("规则包无效 / rule pack rejected:", errors->to_string());
    auto library = std::make_shared<const PackLibrary>(std::move(std::get<PackLibrary>(loaded)));

    std::string forced;
    if (auto it = environment.settings.find("pack"); it != environment.settings.end()) {
        forced = it->second;
        if (!library->find(forced))
            throw std::runtime_error(family_.plugin + ": setting pack=" + forced + " names no loaded rule pack" +
                                     did_you_mean(forced, library->pack_ids()) + " (指定的规则包不存在)");
    }
    // Fail closed: a report that no pack covers would get only the generic sums, and look
    // checked. Without a fallback pack that is an error unless the configuration says so.
    if (forced.empty() && !library->fallback() && require_pack(family_, environment))
        throw std::runtime_error(
            family_.plugin + ": 未找到兜底规则包（没有 <applies> 的根规则包，如 national），部分报告将不做规则包中的校验；"
            "请检查数据目录，或在配置中设置 <plugin name=\"" + family_.plugin +
            "\"><setting name=\"require-pack\" value=\"false\"/> / "
            "no fallback rule pack (a root pack without <applies>, such as national) was found, so some reports "
            "would get none of the pack's checks; check the data directories, or set require-pack=false for the " +
            family_.plugin + " plugin in the configuration");
    for (const std::string& id : library->rule_ids())
        if (id.starts_with(family_.rule_prefix))
            rules_.push_back(std::make_unique<PackRule>(library, id, "plugins/" + family_.plugin, forced));
    for (auto& rule : own_rules) rules_.push_back(std::move(rule));
    library_ = std::move(library);
    forced_ = std::move(forced);
}

ReportExplanation PackPlugin::explain(const Report& report) const {
    return explain_packs(*library_, report, forced_, family_.rule_prefix);
}

std::vector<const Rule*> PackPlugin::rules() const {
    std::vector<const Rule*> out;
    for (const auto& r : rules_) out.push_back(r.get());
    return out;
}

}  // namespace fincheck::rulepacks
