// A group of phrases that applies to the reports of one template, or to all: the shape in
// which plugins keep their phrase lists (years' own-figure phrases, structure's template
// instructions), read from a group element of a data file:
//   <own-figures template="shanghai"><phrase>决算数</phrase>…</own-figures>
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace fincheck {

struct PhraseGroup {
    std::string template_name;  // empty: every template
    std::vector<std::string> phrases;

    // A group of `group_template` applies to a report of `report_template` ("" applies to all).
    static bool applies(std::string_view group_template, std::string_view report_template) {
        return group_template.empty() || group_template == report_template;
    }
};

// The group an element holds: its `template` attribute and the texts of its <phrase>
// children, empty ones left out.
PhraseGroup read_phrase_group(pugi::xml_node group);

}  // namespace fincheck
