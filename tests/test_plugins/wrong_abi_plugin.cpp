// A plugin built "for the next ABI major": a hand-built descriptor whose abi_major is one
// more than this SDK's. The host must refuse it before calling anything in it.
#include <memory>
#include <stdexcept>

#include "fincheck/fincheck.hpp"

namespace {

std::unique_ptr<fincheck::Plugin> must_not_be_called(const fincheck::PluginEnvironment&) {
    throw std::logic_error("the host called create() on a plugin of another ABI");
}

const fincheck::PluginDescriptor* future_descriptor() {
    static const fincheck::PluginDescriptor descriptor{
        fincheck::kPluginMagic, fincheck::kAbiMajor + 1, 0,       "99.0.0",
        "test-wrong-abi",       "9.9.9",                  "ABI 过新", &must_not_be_called};
    return &descriptor;
}

}  // namespace

BOOST_DLL_ALIAS(future_descriptor, fincheck_plugin_v1)
