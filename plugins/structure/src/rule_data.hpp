// What the structure plugin hands each rule when it makes them (fincheck_add_rules' CONTEXT, the
// second argument of FINCHECK_RULE in rules/<id>.cpp): the data read once when the plugin is
// created, and the text scanner structure-placeholder-text and structure-wrong-level share, so
// that one pass per report serves both (Report::derived). A rule copies what it keeps.
#pragma once

#include <memory>
#include <utility>

#include "phrase_data.hpp"
#include "table_requirements.hpp"
#include "text_scan.hpp"

namespace fincheck::structure {

struct RuleData {
    RuleData(PhraseData phrase_data, TableRequirements table_requirements)
        : phrases(std::move(phrase_data)),
          requirements(std::move(table_requirements)),
          scanner(std::make_shared<const TextScanner>(phrases)) {}

    PhraseData phrases;
    TableRequirements requirements;
    std::shared_ptr<const TextScanner> scanner;  // indexes `phrases`
};

}  // namespace fincheck::structure
