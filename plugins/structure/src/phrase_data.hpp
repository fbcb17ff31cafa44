// The structure plugin's data: wrong-level phrases, template instructions and required
// tables, read once when the plugin is created from every structure/*.xml file in the
// data directories (see data/structure-phrases.xml and schemas/region-phrases.xsd).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/phrase_group.hpp"
#include "fincheck/report.hpp"

namespace fincheck::structure {

struct WrongLevelGroup {
    AdminLevel report_level = AdminLevel::unknown;
    std::string template_name;  // empty: every template
    std::vector<std::string> phrases;
    std::vector<std::string> allow_after;
};

// Template instructions are plain phrase groups, the shape years' phrase lists share.
using InstructionGroup = PhraseGroup;

// Words a template offers in parentheses for the author to choose from (「增加（减少）」): any two
// different words of one group written as 「W1（W2）」 are an unresolved choice. With `before`,
// only where one of those strings comes right before W1 (「我部门（单位）」 names the reporting body;
// 「各部门（单位）」 names others and is ordinary usage).
struct AlternativeGroup {
    std::string template_name;  // empty: every template
    std::vector<std::string> words;
    std::vector<std::string> before;
};

struct RequiredTables {
    std::string template_name;
    std::vector<std::string> ids;
};

struct PhraseData {
    std::vector<WrongLevelGroup> wrong_level;
    std::vector<InstructionGroup> instructions;
    std::vector<AlternativeGroup> alternatives;
    std::vector<RequiredTables> required_tables;
    std::vector<std::string> problems;  // files that could not be read, for the log

    // Appends the groups of one file; a malformed file is recorded in `problems`.
    void load_file(const std::filesystem::path& file);
    // Loads <dir>/structure/*.xml for every dir, in sorted file order per dir.
    static PhraseData load(const std::vector<std::filesystem::path>& data_dirs);

    // The required table ids for a template; falls back to "national", then 01–09.
    std::vector<std::string> required_for(std::string_view template_name) const;
};

}  // namespace fincheck::structure
