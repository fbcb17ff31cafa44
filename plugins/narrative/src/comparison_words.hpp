// The comparison words the scanner reads as claims of their own (「与上年持平」,
// 「决算数小于预算数」). Shared by the scanner, which reads them, and the compact reader,
// which stops only at characters that can open one.
#pragma once

#include <array>
#include <string_view>

#include "claim.hpp"

namespace fincheck::narrative {

struct ComparisonWord {
    std::u32string_view text;
    Relation relation;
};

// Longest first where one word ends another (基本持平 before 持平).
inline constexpr std::array<ComparisonWord, 10> kComparisonWords{{
    {U"基本持平", Relation::about_equal}, {U"保持不变", Relation::equal}, {U"没有变化", Relation::equal},
    {U"无变化", Relation::equal},         {U"持平", Relation::equal},     {U"等于", Relation::equal},
    {U"大于", Relation::greater},         {U"高于", Relation::greater},   {U"小于", Relation::less},
    {U"低于", Relation::less},
}};

}  // namespace fincheck::narrative
