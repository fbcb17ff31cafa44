// The structure plugin: structure and metadata checks (department names, placeholders,
// required tables, contents, numbering, administrative level). Its data is read once here,
// when the host creates the plugin; the rules keep it const.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "make_rules.hpp"
#include "phrase_data.hpp"
#include "rule_data.hpp"
#include "table_requirements.hpp"

namespace fincheck::structure {
namespace {

std::unique_ptr<Plugin> create_structure_plugin(const PluginEnvironment& environment) {
    // Fail closed: a phrase file that cannot be read, or no phrase data at all, would leave
    // structure-wrong-level and the instruction checks silently inactive.
    const PhraseData data = PhraseData::load(environment.data_dirs);
    if (!data.problems.empty()) {
        std::string all = "structure: 结构短语数据无效 / invalid structure phrase data:";
        for (const std::string& problem : data.problems) all += "\n  " + problem;
        throw std::runtime_error(all);
    }
    if (data.wrong_level.empty() && data.instructions.empty() && data.alternatives.empty())
        throw std::runtime_error(
            "structure: 数据目录下未找到 structure/*.xml 结构短语数据 / no phrase data found under "
            "<data dir>/structure (structure-wrong-level and the template-instruction checks cannot run)");
    std::vector<templates::TemplateError> template_errors;
    const auto template_set = templates::TemplateSet::with_data_dirs(environment.data_dirs, template_errors);
    if (!template_errors.empty())
        throw std::runtime_error("structure: 模板无效 / template rejected: " + template_errors.front().to_string());
    return std::make_unique<RuleListPlugin>(
        make_rules(RuleData(data, TableRequirements::load(environment.data_dirs, data, template_set))));
}

}  // namespace
}  // namespace fincheck::structure

FINCHECK_PLUGIN("structure", "1.0.0", "结构与元数据一致性：部门名称、占位符、缺表、目录、序号、行政层级",
                &fincheck::structure::create_structure_plugin)
