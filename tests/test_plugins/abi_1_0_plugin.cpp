// A plugin as SDK 1.2 (ABI 1.0) built it: its descriptor says abi_minor 0, so its vtable has
// no Plugin::explain slot and the host must never call one. Built with today's headers, it
// overrides explain() to throw, so a host that ignores the minor is caught by a test (the
// throw becomes a plugin note) instead of jumping through a stray vtable slot.
#include <memory>
#include <stdexcept>

#include "fincheck/fincheck.hpp"
#include "named_rule.hpp"

namespace {

class OldPlugin final : public fincheck::Plugin {
public:
    std::vector<const fincheck::Rule*> rules() const override { return {&rule_}; }
    fincheck::ReportExplanation explain(const fincheck::Report&) const override {
        throw std::logic_error("the host called explain() on an ABI 1.0 plugin");
    }

private:
    fincheck::test_plugins::NamedRule rule_{"test-old-abi"};
};

std::unique_ptr<fincheck::Plugin> create_old(const fincheck::PluginEnvironment&) { return std::make_unique<OldPlugin>(); }

const fincheck::PluginDescriptor* old_descriptor() {
    static const fincheck::PluginDescriptor descriptor{
        fincheck::kPluginMagic, fincheck::kAbiMajor, 0,          "1.2.0",
        "test-abi-1-0",         "0.1.0",             "ABI 1.0", &create_old};
    return &descriptor;
}

}  // namespace

BOOST_DLL_ALIAS(old_descriptor, fincheck_plugin_v1)
