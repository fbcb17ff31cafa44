#include "fincheck/rule_meta.hpp"

#include <utility>

namespace fincheck {

RuleMetaBuilder::RuleMetaBuilder(std::string id, std::string category) {
    meta_.id = std::move(id);
    meta_.category = std::move(category);
}

RuleMetaBuilder& RuleMetaBuilder::title(std::string zh, std::string en) {
    meta_.title_zh = std::move(zh);
    meta_.title_en = std::move(en);
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::severity(Severity severity) {
    meta_.default_severity = severity;
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::version(std::string version) {
    meta_.version = std::move(version);
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::option(OptionSpec option) {
    meta_.options.push_back(std::move(option));
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::options(std::vector<OptionSpec> options) {
    for (OptionSpec& option : options) meta_.options.push_back(std::move(option));
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::message(std::string id, std::string zh, std::string en) {
    meta_.messages.push_back({std::move(id), std::move(zh), std::move(en)});
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::messages(std::vector<MessageSpec> messages) {
    for (MessageSpec& message : messages) meta_.messages.push_back(std::move(message));
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::page_in(std::string_view home) {
    meta_.docs = home.empty() ? std::string() : std::string(home) + "/";
    meta_.docs += "rules/" + meta_.id + ".md";
    return *this;
}

RuleMetaBuilder& RuleMetaBuilder::docs(std::string docs) {
    meta_.docs = std::move(docs);
    return *this;
}

}  // namespace fincheck
