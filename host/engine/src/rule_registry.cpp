#include "fincheck/engine/rule_registry.hpp"

#include <algorithm>

#include "fincheck/engine/host_rules.hpp"
#include "fincheck/import.hpp"

namespace fincheck::engine {

RuleRegistry RuleRegistry::build(PluginSet& plugins) {
    RuleRegistry registry;
    for (const RuleMeta& meta : host_rule_metas())
        registry.entries_.push_back({&meta, nullptr, std::string(kHostPluginName)});
    for (const RuleMeta& meta : import_rule_metas())
        registry.entries_.push_back({&meta, nullptr, std::string(kImportPluginName)});
    for (const LoadedPlugin& plugin : plugins.plugins()) {
        for (const Rule* rule : plugin.rules) {
            const RuleMeta& meta = rule->meta();
            if (registry.find(meta.id) != nullptr) {
                plugins.add_issue({plugin.file, PluginProblem::duplicate_rule,
                                   "规则 " + meta.id + " 与宿主或导入器的规则同名，已跳过 / rule " + meta.id +
                                       " clashes with a host or importer rule id; skipped"});
                continue;
            }
            registry.entries_.push_back({&meta, rule, plugin.name});
        }
    }
    std::stable_sort(registry.entries_.begin(), registry.entries_.end(),
                     [](const RuleEntry& a, const RuleEntry& b) { return a.meta->id < b.meta->id; });
    return registry;
}

const RuleEntry* RuleRegistry::find(std::string_view id) const {
    for (const RuleEntry& entry : entries_)
        if (entry.meta->id == id) return &entry;
    return nullptr;
}

}  // namespace fincheck::engine
