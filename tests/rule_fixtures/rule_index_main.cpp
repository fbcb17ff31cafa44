// Writes docs/rules/README.md from the built plugins' metadata, or with --check tells
// whether the committed page is current (a test runs it so).
//   fincheck_rule_index PLUGIN_DIR PAGE [--check]
#include <fstream>
#include <iostream>
#include <sstream>

#include "loaded_rules.hpp"
#include "rule_index.hpp"

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4 || (argc == 4 && std::string_view(argv[3]) != "--check")) {
        std::cerr << "用法 / usage: fincheck_rule_index PLUGIN_DIR PAGE [--check]\n";
        return 2;
    }
    const std::filesystem::path page = argv[2];
    auto loaded = fincheck::rule_fixtures::load_plugins(argv[1]);
    if (!loaded.engine) {
        std::cerr << "插件加载失败 / plugins do not load: " << loaded.error << '\n';
        return 2;
    }
    const std::string index = fincheck::rule_fixtures::render_rule_index(loaded.engine->registry());
    if (argc == 4) {
        std::ifstream in(page, std::ios::binary);
        std::ostringstream committed;
        committed << in.rdbuf();
        if (in && committed.str() == index) return 0;
        std::cerr << page.string() << ": 规则索引已过期，请运行 cmake --build --preset dev --target rule_index / "
                  << "the rule index is stale (a rule was added, renamed or changed its title, category or "
                     "severity): regenerate it with cmake --build --preset dev --target rule_index\n";
        return 1;
    }
    std::ofstream out(page, std::ios::binary);
    out << index;
    if (!out) {
        std::cerr << page.string() << ": 无法写入 / cannot write\n";
        return 2;
    }
    return 0;
}
