// Exports a descriptor whose ABI major is one above the SDK's, as a plugin built against a
// future SDK would. Written out by hand instead of with FINCHECK_PLUGIN, which always stamps
// the current version.
#include <memory>

#include <fincheck/plugin.hpp>

namespace {

std::unique_ptr<fincheck::Plugin> create_plugin(const fincheck::PluginEnvironment& /*environment*/) {
    return nullptr;  // never reached: the host must refuse the plugin before creating it
}

}  // namespace

namespace incompatible_export {

const fincheck::PluginDescriptor* descriptor() {
    static const fincheck::PluginDescriptor d{
        fincheck::kPluginMagic, FINCHECK_ABI_MAJOR + 1, 0, "99.0.0", "incompatible", "1.0.0",
        "built for the next ABI major", &create_plugin};
    return &d;
}

}  // namespace incompatible_export

BOOST_DLL_ALIAS(incompatible_export::descriptor, fincheck_plugin_v1)
