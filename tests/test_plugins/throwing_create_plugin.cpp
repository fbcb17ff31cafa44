// A plugin whose create() fails (as a real one would when its lexicon is missing).
#include <memory>
#include <stdexcept>

#include "fincheck/fincheck.hpp"

namespace {

std::unique_ptr<fincheck::Plugin> create_plugin(const fincheck::PluginEnvironment&) {
    throw std::runtime_error("词典文件缺失 / lexicon file missing");
}

}  // namespace

FINCHECK_PLUGIN("test-throwing-create", "0.1.0", "初始化失败 / create fails", &create_plugin)
