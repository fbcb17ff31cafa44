#include <gtest/gtest.h>

#include "fincheck/nearest_name.hpp"

namespace fincheck {
namespace {

TEST(NearestName, CountsEditsInCodePointsNotBytes) {
    EXPECT_EQ(edit_distance("总计", "合计"), 1u);
    EXPECT_EQ(edit_distance("上海普陀区", "上海市普陀区"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(NearestName, OffersTheClosestPlausibleCandidate) {
    const std::vector<std::string> names{"合计", "人员经费合计", "公用经费合计"};
    EXPECT_EQ(nearest_name("总计", names), "合计");
    EXPECT_EQ(nearest_name("arith-01-class-line", {"arith-01-class-lines", "arith-04-class-lines"}),
              "arith-01-class-lines");
    // Too far to be a typo, or the name itself: nothing to suggest.
    EXPECT_EQ(nearest_name("xyz", names), std::nullopt);
    EXPECT_EQ(nearest_name("合计", {"合计"}), std::nullopt);
    EXPECT_EQ(did_you_mean("总计", names), "（是否应为 合计？/ did you mean 合计?）");
    EXPECT_EQ(did_you_mean("xyz", names), "");
}

}  // namespace
}  // namespace fincheck
