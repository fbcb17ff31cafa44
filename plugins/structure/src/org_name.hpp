// Reading a Chinese organisation name as its administrative-region chain plus the body
// itself: 「中共武汉市汉阳区委直属机关工作委员会」 → regions 武汉市, 汉阳区; body
// 「委直属机关工作委员会」. Enough to tell an abbreviation of the same body
// (「中共汉阳区委直属机关工委」) from a different one (「中共武汉市委直属机关工委」).
#pragma once

#include <string>
#include <vector>

namespace fincheck::structure {

struct OrgName {
    std::u32string party_prefix;           // 中共 / 中国共产党, when printed
    std::vector<std::u32string> regions;   // outermost first: 上海市, 普陀区
    std::u32string body;                   // the rest: 财政局, 委直属机关工作委员会
};

OrgName parse_org_name(std::u32string_view compacted);

// The last character is one an organisation's name ends with (局, 委员会, 办公室, 中心, 医院,
// 学校, 人民政府 …).
bool ends_like_a_body(std::u32string_view name);

enum class OrgMatch : std::uint8_t { same, other_region, higher_level, other_body, variant_spelling };

// Compares a printed name with the report's department. `same` when the printed name is
// the department, contains it (「…本级」) or abbreviates it without leaving its region;
// `variant_spelling` for its name with 与 or 及 where the department has 和 (or back);
// `higher_level` for the department's parent, named inside its name (「…委员会」 for
// 「…委员会办公室」) or by a region above the department's (市 for 区).
OrgMatch compare_org_names(std::u32string_view printed, std::u32string_view department);

}  // namespace fincheck::structure
