#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "fincheck/templates/template.hpp"

namespace fincheck::templates::detail {

// One template file, resolved against the templates already `loaded` (its parent among them).
std::optional<Template> read_template(std::string_view text, std::string_view file_name,
                                      const TemplateSet& loaded,
                                      std::vector<TemplateError>& errors);

// Where from[index], a column `into` lacks, goes: after the column it follows in `from`, so that
// both orders are kept (a template's additions to its parent's table, the reading of all).
std::vector<Column>::iterator insertion_point(std::vector<Column>& into,
                                              const std::vector<Column>& from, std::size_t index);

struct BuiltinFile {
    std::string_view name;
    std::string_view text;
};
// schemas/templates/*.xml as compiled in (builtin_templates.cpp, generated), parents first.
std::vector<BuiltinFile> builtin_files();

}  // namespace fincheck::templates::detail
