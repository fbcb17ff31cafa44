// Placeholder until the importer lands (issue 3): every input is refused with a clear error.
#include "fincheck/import.hpp"

namespace fincheck {

ImportResult import_text(std::string, std::string_view name) {
    ImportResult result;
    result.error = LoadError{std::string(name), 0, 0, "the text importer is not built yet"};
    return result;
}

ImportResult import_text_file(const std::filesystem::path& file) {
    return import_text({}, file.string());
}

const std::vector<RuleMeta>& import_rule_metas() {
    static const std::vector<RuleMeta> metas;
    return metas;
}

}  // namespace fincheck
