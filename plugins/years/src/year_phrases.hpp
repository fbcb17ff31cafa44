// The years plugin's phrase data: the 决算 noun phrases that name a report's own figures, the
// subjects that may precede them and the activity words that may follow them. Read once when
// the plugin is created from every years/*.xml file in the data directories (see
// data/year-phrases.xml and schemas/year-phrases.xsd).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/phrase_group.hpp"

namespace fincheck::years {

// Each list holds PhraseGroups (fincheck/phrase_group.hpp), read from its own element.
struct YearPhrases {
    std::vector<PhraseGroup> own_figures;
    std::vector<PhraseGroup> subjects;
    std::vector<PhraseGroup> activities;
    std::vector<std::string> problems;  // files that could not be read, for the log

    // Appends the groups of one file; a malformed file is recorded in `problems`.
    void load_file(const std::filesystem::path& file);
    // Loads <dir>/years/*.xml for every dir, in sorted file order per dir.
    static YearPhrases load(const std::vector<std::filesystem::path>& data_dirs);

    // A group of `group_template` applies to a report of `report_template` ("" applies to all).
    static bool applies(std::string_view group_template, std::string_view report_template) {
        return PhraseGroup::applies(group_template, report_template);
    }
};

}  // namespace fincheck::years
