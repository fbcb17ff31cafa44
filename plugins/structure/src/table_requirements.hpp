// Which standard tables a template requires. A rule pack's template (<template ref>, or its own
// <tables>; share/fincheck/rulepacks/*.xml, following its `extends` chain) is the authority;
// without one, the structure plugin's own data (required-tables) or the national 01–09.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/templates/template.hpp"
#include "phrase_data.hpp"

namespace fincheck::structure {

struct RequiredTable {
    std::string id;
    std::string title;
};

class TableRequirements {
public:
    // Reads <dir>/rulepacks/*.xml in every data dir; <template ref> names one of `templates`.
    static TableRequirements load(const std::vector<std::filesystem::path>& data_dirs,
                                  const PhraseData& fallback,
                                  const templates::TemplateSet& templates = templates::TemplateSet::builtin());
    std::vector<RequiredTable> for_template(std::string_view template_name) const;
    // The template a report of `template_name` follows: the one its pack names (<template ref>,
    // along `extends`), else the template of that id, else the national one.
    const templates::Template* template_for(std::string_view template_name) const;

    // Title of a table of the national template, for messages.
    static std::string_view national_title(std::string_view id);

private:
    struct Pack {
        std::string extends;
        std::vector<std::string> match_templates;
        std::vector<RequiredTable> tables;  // declared in this pack only
        std::vector<std::string> not_required;
        std::string template_ref;
    };
    std::map<std::string, Pack> packs_;
    templates::TemplateSet templates_;
    std::string pack_for(std::string_view template_name) const;
    PhraseData fallback_;
    void collect(const std::string& pack_id, std::vector<RequiredTable>& out, int depth) const;
};

}  // namespace fincheck::structure
