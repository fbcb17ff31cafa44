// The narrative rules on reports they have never seen: synthetic reports from the generator
// (fincheck::gen), whose prose restates consistent tables. On clean reports every narrative
// finding is a false positive; on reports with planted prose errors the wrong percentage
// must still be found where it was planted.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "fincheck/gen/generator.hpp"
#include "fincheck/testing.hpp"
#include "shipped_rules.hpp"

namespace fincheck::narrative {
namespace {

std::vector<Finding> run_all(const Report& report) {
    std::vector<Finding> all;
    for (const auto& rule : make_rules(test::national_lexicon())) {
        for (Finding& finding : testing::run_rule(*rule, report)) all.push_back(std::move(finding));
    }
    return all;
}

std::string quote_block(const Report& report, int block) {
    if (block < 0 || static_cast<std::size_t>(block) >= report.blocks.size()) return "(no block)";
    return std::string(report.blocks[static_cast<std::size_t>(block)].text);
}

// Several seeds and years drawn per report, so that the generator's sentence variants and
// fund situations (no 政府性基金, zero 三公, …) all occur.
TEST(GeneratedReports, CleanReportsRaiseNoNarrativeFinding) {
    constexpr std::uint64_t kReportsPerSeed = 150;
    std::size_t checked = 0;
    for (std::uint64_t seed : {1U, 7U, 2024U}) {
        gen::GeneratorOptions options;
        options.seed = seed;
        for (std::uint64_t i = 0; i < kReportsPerSeed; ++i) {
            const gen::GeneratedReport generated = gen::generate_report(options, i);
            ASSERT_TRUE(generated.truth.empty());
            for (const Finding& f : run_all(generated.report)) {
                ADD_FAILURE() << "seed " << seed << " report " << i << ": " << f.rule_id << " expected " << f.expected
                              << " actual " << f.actual << "\n  in: " << quote_block(generated.report, f.location.block);
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 3 * kReportsPerSeed);
}

TEST(GeneratedReports, PlantedWrongPercentageIsStillFoundWhereItWasPlanted) {
    gen::GeneratorOptions options;
    options.seed = 3;
    options.error_rate = 1.0;
    std::size_t planted = 0, found = 0;
    for (std::uint64_t i = 0; i < 60; ++i) {
        const gen::GeneratedReport generated = gen::generate_report(options, i);
        const std::vector<Finding> findings = run_all(generated.report);
        for (const gen::InjectedError& error : generated.truth) {
            if (error.kind != gen::ErrorKind::wrong_percentage) continue;
            ++planted;
            bool hit = false;
            for (const Finding& f : findings) {
                hit = hit || (f.rule_id == "narrative-share-mismatch" && f.location.block == error.block &&
                              f.actual.rfind(error.actual, 0) == 0);
            }
            if (hit) ++found;
            else ADD_FAILURE() << "report " << i << ": planted " << error.actual << " (expected " << error.expected
                               << ") not found in: " << quote_block(generated.report, error.block);
        }
    }
    EXPECT_GE(planted, 50u);  // the generator plants one per report at rate 1
    EXPECT_EQ(found, planted);
}

}  // namespace
}  // namespace fincheck::narrative
