#include "fincheck/rulepacks/pack_validation.hpp"

#include <algorithm>
#include <map>

#include "fincheck/nearest_name.hpp"

namespace fincheck::rulepacks {

namespace {

// The {name}s of a template, in order.
std::vector<std::string> placeholders_in(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace_back(text.substr(open + 1, close - open - 1));
    }
    return names;
}

void check_placeholders(const std::string& text, const std::string& where, const std::vector<std::string>& known,
                        const SourcePos& pos, std::vector<PackError>& errors) {
    for (const std::string& name : placeholders_in(text))
        if (std::find(known.begin(), known.end(), name) == known.end())
            errors.push_back(error_at(pos, where + " uses {" + name + "}, which nothing fills in" +
                                               did_you_mean(name, known) + " (占位符未定义)"));
}

void check_rule_texts(const RuleDef& rule, std::vector<PackError>& errors) {
    std::vector<std::string> loop_vars;
    for (const Check& check : rule.checks) {
        std::vector<std::string> vars;
        if (check.each) vars.push_back(check.each->var);
        check_placeholders(check.label_zh, "label-zh of a check of rule " + rule.id, vars, check.pos, errors);
        check_placeholders(check.label_en, "label-en of a check of rule " + rule.id, vars, check.pos, errors);
        loop_vars.insert(loop_vars.end(), vars.begin(), vars.end());
    }
    std::vector<std::string> known = message_placeholders();
    known.insert(known.end(), loop_vars.begin(), loop_vars.end());
    check_placeholders(rule.message_zh, "the zh message of rule " + rule.id, known, rule.pos, errors);
    check_placeholders(rule.message_en, "the en message of rule " + rule.id, known, rule.pos, errors);
}

template <typename Item, typename Key>
void check_unique(const std::vector<Item>& items, Key key, const std::string& what, std::vector<PackError>& errors) {
    std::map<std::string, std::uint32_t> first_line;
    for (const Item& item : items) {
        auto [it, inserted] = first_line.emplace(key(item), item.pos.line);
        if (!inserted)
            errors.push_back(error_at(item.pos, what + " " + it->first + " twice (first at line " +
                                                    std::to_string(it->second) + ") (重复定义)"));
    }
}

}  // namespace

const std::vector<std::string>& message_placeholders() {
    static const std::vector<std::string> names{"check", "check_en", "left",      "right", "expected", "actual",
                                                "difference", "tolerance", "op", "pack"};
    return names;
}

std::vector<PackError> validate_pack(const Pack& pack, const RegionNames* regions) {
    std::vector<PackError> errors;
    check_unique(pack.rules, [](const RuleDef& r) { return r.id; }, "pack " + pack.id + " defines rule", errors);
    check_unique(pack.tables, [](const TableDecl& t) { return t.id; }, "pack " + pack.id + " declares table",
                 errors);
    check_unique(pack.overrides, [](const Override& o) { return o.rule; }, "pack " + pack.id + " overrides rule",
                 errors);
    check_unique(pack.disabled, [](const Disable& d) { return d.rule; }, "pack " + pack.id + " disables rule",
                 errors);
    for (const Disable& disable : pack.disabled) {
        if (std::any_of(pack.rules.begin(), pack.rules.end(), [&](const RuleDef& r) { return r.id == disable.rule; }))
            errors.push_back(error_at(disable.pos, "pack " + pack.id + " disables rule " + disable.rule +
                                                       ", which it defines itself: remove one of the two (规则包停用了自身定义的规则)"));
        if (std::any_of(pack.overrides.begin(), pack.overrides.end(),
                        [&](const Override& o) { return o.rule == disable.rule; }))
            errors.push_back(error_at(disable.pos, "pack " + pack.id + " both overrides and disables rule " +
                                                       disable.rule + " (同一规则既覆盖又停用)"));
    }
    for (const RuleDef& rule : pack.rules) check_rule_texts(rule, errors);
    for (const Match& match : pack.applies) {
        if (match.region_prefix.empty() || !regions) continue;
        if (regions->empty())
            errors.push_back(error_at(match.pos, "region-prefix \"" + match.region_prefix +
                                                     "\" cannot be checked: no region list (regions/*.xml) was found in "
                                                     "the data directories (未找到地区名称表)"));
        else if (!regions->known(match.region_prefix))
            errors.push_back(error_at(match.pos, "region-prefix \"" + match.region_prefix +
                                                     "\" is not a region fincheck knows, so the pack would never be "
                                                     "selected" + did_you_mean(match.region_prefix, regions->names()) +
                                                     "; a region missing from the list goes into a regions/*.xml file of "
                                                     "a data directory (地区名称未知)"));
    }
    std::stable_sort(errors.begin(), errors.end(),
              [](const PackError& a, const PackError& b) { return a.line < b.line; });
    return errors;
}

}  // namespace fincheck::rulepacks
