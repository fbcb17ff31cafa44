#include "fincheck/rule.hpp"

#include <charconv>

#include "fincheck/number_text.hpp"

namespace fincheck {

std::string_view to_string(OptionType type) {
    switch (type) {
        case OptionType::integer: return "integer";
        case OptionType::decimal: return "decimal";
        case OptionType::boolean: return "boolean";
        case OptionType::list: return "list";
        case OptionType::string: break;
    }
    return "string";
}

bool is_rule_id(std::string_view id) {
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (id.empty() || id.front() < 'a' || id.front() > 'z' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (lower_or_digit(id[i])) continue;
        if (id[i] != '-' || id[i + 1] == '-') return false;  // i + 1 exists: id.back() is not '-'
    }
    return true;
}

const MessageSpec* RuleMeta::message(std::string_view message_id) const {
    for (const MessageSpec& m : messages)
        if (m.id == message_id) return &m;
    return nullptr;
}

const OptionSpec* RuleMeta::option(std::string_view name) const {
    for (const OptionSpec& o : options)
        if (o.name == name) return &o;
    return nullptr;
}

std::optional<Decimal> RuleContext::option_decimal(std::string_view name) const {
    auto text = option(name);
    if (!text) return std::nullopt;
    auto parsed = parse_number(*text);
    if (!parsed) return std::nullopt;
    return parsed->value;
}

std::optional<long long> RuleContext::option_integer(std::string_view name) const {
    auto text = option(name);
    if (!text) return std::nullopt;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || ptr != text->data() + text->size()) return std::nullopt;
    return value;
}

bool RuleContext::option_bool(std::string_view name, bool fallback) const {
    auto text = option(name);
    if (!text) return fallback;
    if (*text == "true" || *text == "1" || *text == "yes" || *text == "on") return true;
    if (*text == "false" || *text == "0" || *text == "no" || *text == "off") return false;
    return fallback;
}

std::vector<std::string_view> RuleContext::option_list(std::string_view name) const {
    std::vector<std::string_view> out;
    auto text = option(name);
    if (!text) return out;
    std::string_view rest = *text;
    while (!rest.empty()) {
        std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace fincheck
