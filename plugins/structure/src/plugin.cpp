// The structure plugin: structure and metadata checks (department names, placeholders,
// required tables, contents, numbering, administrative level). Its data is read once here,
// when the host creates the plugin; the rules keep it const.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "department_mismatch_rule.hpp"
#include "empty_table_note_rule.hpp"
#include "fincheck/plugin.hpp"
#include "list_numbering_rule.hpp"
#include "missing_table_rule.hpp"
#include "obsolete_class_name_rule.hpp"
#include "phrase_data.hpp"
#include "placeholder_text_rule.hpp"
#include "repeated_punctuation_rule.hpp"
#include "text_scan.hpp"
#include "toc_mismatch_rule.hpp"
#include "unresolved_alternative_rule.hpp"
#include "wrong_level_rule.hpp"

namespace fincheck::structure {
namespace {

class StructurePlugin final : public Plugin {
public:
    StructurePlugin(const PhraseData& data, TableRequirements requirements)
        : scanner_(std::make_shared<const TextScanner>(data)),
          placeholder_text_(data, scanner_),
          missing_table_(std::move(requirements)),
          wrong_level_(data, scanner_),
          unresolved_alternative_(data),
          obsolete_class_name_() {}

    std::vector<const Rule*> rules() const override {
        return {&department_mismatch_, &placeholder_text_, &missing_table_,
                &toc_mismatch_,        &list_numbering_,   &wrong_level_,
                &repeated_punctuation_, &unresolved_alternative_, &obsolete_class_name_,
                &empty_table_note_};
    }

private:
    // One pass per report serves placeholder-text and wrong-level (Report::derived).
    std::shared_ptr<const TextScanner> scanner_;
    DepartmentMismatchRule department_mismatch_;
    PlaceholderTextRule placeholder_text_;
    MissingTableRule missing_table_;
    TocMismatchRule toc_mismatch_;
    ListNumberingRule list_numbering_;
    WrongLevelRule wrong_level_;
    RepeatedPunctuationRule repeated_punctuation_;
    UnresolvedAlternativeRule unresolved_alternative_;
    ObsoleteClassNameRule obsolete_class_name_;
    EmptyTableNoteRule empty_table_note_;
};

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
    return std::make_unique<StructurePlugin>(data, TableRequirements::load(environment.data_dirs, data, template_set));
}

}  // namespace
}  // namespace fincheck::structure

FINCHECK_PLUGIN("structure", "1.0.0", "结构与元数据一致性：部门名称、占位符、缺表、目录、序号、行政层级",
                &fincheck::structure::create_structure_plugin)
