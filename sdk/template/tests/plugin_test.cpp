// The built plugin as the host sees it: it exports the descriptor under the fixed alias, with
// the SDK and ABI versions of the headers it was compiled against, and it provides the rule.
#include <algorithm>
#include <cstring>
#include <string>

#include <boost/dll/import.hpp>
#include <gtest/gtest.h>

#include <fincheck/plugin.hpp>

namespace {

#define EXAMPLE_STRINGIFY2(x) #x
#define EXAMPLE_STRINGIFY(x) EXAMPLE_STRINGIFY2(x)

TEST(ExamplePlugin, ExportsDescriptorWithTheSdkAndAbiVersionsItWasBuiltWith) {
    // Declared first so it outlives everything created from the library's code.
    auto entry = boost::dll::import_alias<fincheck::PluginEntryPoint>(
        boost::dll::fs::path(EXAMPLE_PLUGIN_FILE), EXAMPLE_STRINGIFY(FINCHECK_PLUGIN_ENTRY_ALIAS));
    const fincheck::PluginDescriptor* descriptor = entry();
    ASSERT_NE(descriptor, nullptr);
    EXPECT_EQ(descriptor->magic, fincheck::kPluginMagic);
    EXPECT_EQ(descriptor->abi_major, fincheck::kAbiMajor);
    EXPECT_EQ(descriptor->abi_minor, fincheck::kAbiMinor);
    EXPECT_STREQ(descriptor->sdk_version, fincheck::kSdkVersion);
    EXPECT_STREQ(descriptor->name, "example");

    auto plugin = descriptor->create(fincheck::PluginEnvironment{});
    ASSERT_NE(plugin, nullptr);
    auto rules = plugin->rules();
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules.front()->meta().id, "example-negative-amount");
}

}  // namespace
