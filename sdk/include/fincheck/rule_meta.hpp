// The one way a rule declares its metadata, read top to bottom like the rule's card:
//
//   meta_ = RuleMetaBuilder("years-title-mismatch", "years")
//               .title("标题年度与报告年度不符", "Title names a year other than the fiscal year")
//               .severity(Severity::error)                   // the default
//               .page_in("plugins/years")                    // → plugins/years/rules/<id>.md
//               .messages({{"mismatch", "…{year}…", "…{year}…"}})
//               .build();
//
// The page path is derived from the id, so a rule cannot point at another rule's page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fincheck/rule.hpp"

namespace fincheck {

class RuleMetaBuilder {
public:
    RuleMetaBuilder(std::string id, std::string category);

    RuleMetaBuilder& title(std::string zh, std::string en);
    RuleMetaBuilder& severity(Severity severity);
    RuleMetaBuilder& version(std::string version);
    RuleMetaBuilder& option(OptionSpec option);
    RuleMetaBuilder& options(std::vector<OptionSpec> options);
    RuleMetaBuilder& message(std::string id, std::string zh, std::string en);
    RuleMetaBuilder& messages(std::vector<MessageSpec> messages);
    // The rule's page, `<home>/rules/<id>.md`: home is the plugin's folder as the repository
    // names it ("plugins/years"), or empty for a plugin of its own (→ "rules/<id>.md").
    RuleMetaBuilder& page_in(std::string_view home);
    // Any other documentation address (a URL, a section of another page).
    RuleMetaBuilder& docs(std::string docs);

    RuleMeta build() const& { return meta_; }
    RuleMeta build() && { return std::move(meta_); }

private:
    RuleMeta meta_;
};

}  // namespace fincheck
