// Each years rule against its annotated fixture: every expected finding fires, nothing else.
#include <gtest/gtest.h>

#include <filesystem>

#include "balance_date_rule.hpp"
#include "body_mention_rule.hpp"
#include "date_out_of_range_rule.hpp"
#include "fincheck/testing.hpp"
#include "phrase_data.hpp"
#include "title_mismatch_rule.hpp"

namespace fincheck::years {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(FINCHECK_SOURCE_DIR) / "plugins" / "years" / "fixtures";

void expect_fixture(const Rule& rule, const std::string& file) {
    const auto run = testing::run_fixture(rule, kFixtures / file);
    EXPECT_FALSE(run.expectations.empty()) << file << " has no expectations";
    for (const auto& mismatch : run.mismatches) ADD_FAILURE() << file << ": " << mismatch;
}

TEST(YearsFixtures, TitleMismatchFixture) { expect_fixture(TitleMismatchRule{}, "years-title-mismatch.xml"); }
TEST(YearsFixtures, DateOutOfRangeFixture) { expect_fixture(DateOutOfRangeRule{}, "years-date-out-of-range.xml"); }
TEST(YearsFixtures, BalanceDateFixture) { expect_fixture(BalanceDateRule{}, "years-balance-date.xml"); }
TEST(YearsFixtures, BodyMentionFixture) {
    expect_fixture(BodyMentionRule{testing_data::shipped_phrases()}, "years-body-mention.xml");
}

}  // namespace
}  // namespace fincheck::years
