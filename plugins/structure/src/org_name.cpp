#include "org_name.hpp"

#include <array>

#include "text_util.hpp"

namespace fincheck::structure {
namespace {

bool is_region_suffix(char32_t c) {
    return c == U'省' || c == U'市' || c == U'区' || c == U'县' || c == U'州' || c == U'盟' || c == U'旗';
}

// Two-character words ending in a region suffix that are not regions (社区, 园区 …).
bool is_common_word(std::u32string_view token) {
    constexpr std::array<std::u32string_view, 18> kWords = {
        U"社区", U"小区", U"园区", U"景区", U"城区", U"街区", U"市区", U"辖区", U"学区",
        U"片区", U"校区", U"牧区", U"矿区", U"林区", U"山区", U"库区", U"老区", U"湾区"};
    for (std::u32string_view w : kWords)
        if (token == w) return true;
    return false;
}

// Characters that end a region chain: the body of the organisation has begun.
bool is_body_char(char32_t c) {
    constexpr std::u32string_view kBody = U"委局厅部处科办院会中心所站队室政府人大协党团";
    return kBody.find(c) != std::u32string_view::npos;
}

std::u32string concat(const std::vector<std::u32string>& parts) {
    std::u32string out;
    for (const auto& p : parts) out += p;
    return out;
}

}  // namespace

bool ends_like_a_body(std::u32string_view name) {
    static constexpr std::u32string_view kLast = U"局委会部办院所心室厅处站队馆校府署社团联";
    return !name.empty() && kLast.find(name.back()) != std::u32string_view::npos;
}

OrgName parse_org_name(std::u32string_view text) {
    OrgName name;
    for (std::u32string_view prefix : {std::u32string_view(U"中国共产党"), std::u32string_view(U"中共")}) {
        if (text.starts_with(prefix)) {
            name.party_prefix = prefix;
            text.remove_prefix(prefix.size());
            break;
        }
    }
    // Shortest token first: 武汉市汉阳区 reads as 武汉市 + 汉阳区.
    while (!text.empty()) {
        std::size_t found = 0;
        for (std::size_t len = 2; len <= 8 && len <= text.size(); ++len) {
            if (is_body_char(text[len - 2]) && len > 2) break;
            if (is_region_suffix(text[len - 1]) && !is_region_suffix(text[0])) {
                found = len;
                break;
            }
        }
        if (found == 0 || is_common_word(text.substr(0, found))) break;
        name.regions.emplace_back(text.substr(0, found));
        text.remove_prefix(found);
    }
    name.body = text;
    return name;
}

OrgMatch compare_org_names(std::u32string_view printed, std::u32string_view department) {
    if (printed.empty() || department.empty()) return OrgMatch::same;
    if (printed.find(department) != std::u32string_view::npos) return OrgMatch::same;
    if (const std::size_t at = department.find(printed); at != std::u32string_view::npos) {
        // Inside the department's name, a name that ends like a body while the department's
        // name goes on to another body is its parent: 「…委员会」 for 「…委员会办公室」,
        // 「中共…区委」 for 「中共…区委社会工作部」. What comes before it is only a region
        // or party prefix left out (「普陀区财政局」 for 「上海市普陀区财政局」).
        const std::u32string_view after = department.substr(at + printed.size());
        // 「…卫生健康委」 for 「…卫生健康委员会」 is the same body shortened, not its parent: what
        // follows must be a body's name of its own (two characters at least, not 员会).
        if (after.size() >= 2 && !after.starts_with(U"员") && ends_like_a_body(printed) && ends_like_a_body(after))
            return OrgMatch::higher_level;
        return OrgMatch::same;
    }
    const OrgName p = parse_org_name(printed);
    const OrgName d = parse_org_name(department);
    if (!p.regions.empty() && !d.regions.empty()) {
        const std::u32string p_chain = concat(p.regions);
        const std::u32string d_chain = concat(d.regions);
        // Every region the printed name gives must belong to the department's chain …
        if (!is_subsequence(p_chain, d_chain)) return OrgMatch::other_region;
        // … and it must reach down to the department's own level: 武汉市 alone is the city,
        // not the district the department belongs to.
        if (!p_chain.ends_with(d.regions.back())) return OrgMatch::higher_level;
    }
    // The body may be abbreviated (工委 for 工作委员会) but not replaced (税务局 for 财政局).
    if (is_subsequence(p.body, d.body) || is_subsequence(d.body, p.body)) return OrgMatch::same;
    // 「规划与自然资源局」 for 「规划和自然资源局」: the same body misspelt, not another one.
    auto conjunctions_as_he = [](std::u32string body) {
        for (char32_t& c : body)
            if (c == U'与' || c == U'及') c = U'和';
        return body;
    };
    const std::u32string p_body = conjunctions_as_he(p.body), d_body = conjunctions_as_he(d.body);
    if (p_body != p.body || d_body != d.body)
        if (is_subsequence(p_body, d_body) || is_subsequence(d_body, p_body)) return OrgMatch::variant_spelling;
    return OrgMatch::other_body;
}

}  // namespace fincheck::structure
