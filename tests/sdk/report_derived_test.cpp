#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "fincheck/report.hpp"

namespace {
const int kClaimsTag = 0;
const int kIndexTag = 1;
}  // namespace

TEST(ReportDerived, ComputesOnceAndSharesTheResult) {
    fincheck::Report report;
    int calls = 0;
    const auto& first = report.derived<std::vector<int>>(&kClaimsTag, [&] { ++calls; return std::vector<int>{1, 2}; });
    const auto& second = report.derived<std::vector<int>>(&kClaimsTag, [&] { ++calls; return std::vector<int>{3}; });
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(&first, &second);
    EXPECT_EQ(second.size(), 2u);
}

TEST(ReportDerived, KeepsAnalysesWithDifferentTagsApart) {
    fincheck::Report report;
    const auto& a = report.derived<int>(&kClaimsTag, [] { return 1; });
    const auto& b = report.derived<int>(&kIndexTag, [] { return 2; });
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 2);
}

TEST(ReportDerived, ConcurrentRulesAllSeeTheSameAnalysis) {
    fincheck::Report report;
    std::atomic<const int*> seen[4] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] { seen[i] = &report.derived<int>(&kClaimsTag, [i] { return i; }); });
    for (auto& t : threads) t.join();
    for (int i = 1; i < 4; ++i) EXPECT_EQ(seen[i].load(), seen[0].load());
}

namespace fincheck {
namespace {

// The level's three spellings agree: the report XML's word, its Chinese name and back.
TEST(AdminLevelNames, EachLevelHasOneXmlWordAndOneChineseName) {
    for (AdminLevel level : {AdminLevel::national, AdminLevel::province, AdminLevel::city, AdminLevel::district})
        EXPECT_EQ(admin_level_from_string(to_string(level)), level);
    EXPECT_EQ(name_zh(AdminLevel::national), "中央");
    EXPECT_EQ(name_zh(AdminLevel::district), "区县级");
    EXPECT_EQ(name_zh(AdminLevel::unknown), "未知");
    EXPECT_EQ(admin_level_from_string("county"), AdminLevel::unknown);
}

}  // namespace
}  // namespace fincheck
