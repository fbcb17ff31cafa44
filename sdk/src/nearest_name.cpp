#include "fincheck/nearest_name.hpp"

#include <algorithm>

#include "fincheck/utf8.hpp"

namespace fincheck {

namespace {

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8::next_code_point(text, pos));
    return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string x = code_points(a);
    const std::u32string y = code_points(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[y.size()];
}

std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
    const std::size_t length = utf8::code_point_count(name);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(name, candidate);
        if (distance == 0) continue;
        const std::size_t longer = std::max(length, utf8::code_point_count(candidate));
        if (distance > std::max<std::size_t>(1, longer / 3)) continue;
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    std::optional<std::string> nearest = nearest_name(name, candidates);
    if (!nearest) return {};
    return "（是否应为 " + *nearest + "？/ did you mean " + *nearest + "?）";
}

}  // namespace fincheck
