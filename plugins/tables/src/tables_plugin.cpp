#include "tables_plugin.hpp"

#include <stdexcept>

#include "generic/sum_rules.hpp"
#include "pack/pack_library.hpp"
#include "pack/pack_rule.hpp"

namespace fincheck::tables {

TablesPlugin::TablesPlugin(const PluginEnvironment& environment) {
    std::vector<std::filesystem::path> files = PackLibrary::discover(environment.data_dirs);
    files.insert(files.end(), environment.rule_packs.begin(), environment.rule_packs.end());
    auto loaded = PackLibrary::load(files);
    if (auto* error = std::get_if<PackError>(&loaded))
        throw std::runtime_error("rule pack rejected (规则包无效): " + error->to_string());
    auto library = std::make_shared<const PackLibrary>(std::move(std::get<PackLibrary>(loaded)));
    if (library->packs().empty() && environment.log)
        environment.log->write(LogLevel::warn, "tables: no rule pack found in the data directories; only generic "
                                               "arithmetic rules run (未找到规则包)");

    std::string forced;
    if (auto it = environment.settings.find("pack"); it != environment.settings.end()) {
        forced = it->second;
        if (!library->find(forced))
            throw std::runtime_error("tables: setting pack=" + forced + " names no loaded rule pack (指定的规则包不存在)");
    }
    for (const std::string& id : library->rule_ids()) rules_.push_back(std::make_unique<PackRule>(library, id, forced));
    for (auto& rule : make_sum_rules()) rules_.push_back(std::move(rule));
}

std::vector<const Rule*> TablesPlugin::rules() const {
    std::vector<const Rule*> out;
    for (const auto& r : rules_) out.push_back(r.get());
    return out;
}

std::unique_ptr<Plugin> create_tables_plugin(const PluginEnvironment& environment) {
    return std::make_unique<TablesPlugin>(environment);
}

}  // namespace fincheck::tables
