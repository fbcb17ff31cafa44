// "Did you mean …": the known name nearest to a misspelt one, so that an error about a
// configuration or data file can offer the fix (上海普陀区 → 上海市普陀区, 总计 → 合计).
// Distances count code points, not bytes, so one wrong Chinese character is one edit.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fincheck {

// Levenshtein distance between two UTF-8 strings, in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `name`, when it is near enough to be a plausible typo: at most
// a third of the longer name's code points (and at least one) differ. Ties go to the
// candidate listed first.
std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates);

// " (是否应为 X？/ did you mean X?)" for the nearest candidate, or "" when none is near.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace fincheck
