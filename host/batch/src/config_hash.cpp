#include "fincheck/batch/runner.hpp"
#include "fincheck/sha256.hpp"

namespace fincheck::batch {

std::string configuration_hash(const engine::Engine& engine) {
    // A canonical text of the configuration, hashed: one line per fact, in a fixed order.
    std::string text = std::string("tool ") + engine::tool_version() + "\n";
    for (const engine::LoadedPlugin& plugin : engine.plugins().plugins())
        text += "plugin " + plugin.name + " " + plugin.version + " " + plugin.sdk_version + "\n";
    const engine::AuditPlan& plan = engine.plan();
    text += "tolerance " + plan.tolerance.half_unit.to_string(0) + " " + plan.tolerance.extra.to_string(0) + "\n";
    for (const engine::RulePlan& rule : plan.rules) {
        text += "rule " + rule.entry->meta->id + " " + rule.entry->meta->version + " " + rule.entry->plugin + " " +
                (rule.enabled ? "on " : "off ") + std::string(to_string(rule.severity)) + "\n";
        for (const auto& [name, value] : rule.options) text += "  option " + name + "=" + value + "\n";
    }
    return sha256_hex(text);
}

}  // namespace fincheck::batch
