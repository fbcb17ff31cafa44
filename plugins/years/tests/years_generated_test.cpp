// The years rules on reports they have never seen: synthetic reports from the generator
// (fincheck::gen). Their prose is full of legitimate prior-year comparisons (「与2023年度
// …万元相比」), balance dates and 填报日期, so on clean reports every finding is a false
// positive. A sentence whose year is then turned back by one, as a copied sentence keeps it,
// must be found exactly there.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fincheck/gen/generator.hpp"
#include "fincheck/testing.hpp"
#include "phrase_data.hpp"

namespace fincheck::years {
namespace {

struct AllRules {
    std::vector<Finding> run(const Report& report) const {
        std::vector<Finding> all;
        for (const Rule* rule : testing_data::all_years_rules())
            for (Finding& f : testing::run_rule(*rule, report)) all.push_back(std::move(f));
        return all;
    }
};

constexpr std::uint64_t kReports = 200;

TEST(YearsGenerated, CleanReportsRaiseNoYearsFinding) {
    const AllRules rules;
    gen::GeneratorOptions options;
    options.seed = 11;
    for (std::uint64_t i = 0; i < kReports; ++i) {
        const gen::GeneratedReport generated = gen::generate_report(options, i);
        ASSERT_TRUE(generated.truth.empty());
        for (const Finding& f : rules.run(generated.report)) {
            const std::string block = f.location.block >= 0
                                          ? std::string(generated.report.blocks[static_cast<std::size_t>(f.location.block)].text)
                                          : std::string();
            ADD_FAILURE() << "report " << i << ": " << f.rule_id << " expected " << f.expected << " actual "
                          << f.actual << "\n  in: " << block;
        }
    }
}

TEST(YearsGenerated, ATotalLabelledWithThePriorYearIsFoundInItsParagraph) {
    const AllRules rules;
    gen::GeneratorOptions options;
    options.seed = 12;
    std::size_t planted = 0;
    for (std::uint64_t i = 0; i < kReports; ++i) {
        gen::GeneratedReport generated = gen::generate_report(options, i);
        Report& report = generated.report;
        const std::string right = std::to_string(report.meta.fiscal_year) + "年度";
        const std::string wrong = std::to_string(report.meta.fiscal_year - 1) + "年度";
        // The first paragraph that opens with 「Y年度」 and names a figure: its year goes back by one.
        int changed = -1;
        for (std::size_t b = 0; b < report.blocks.size() && changed < 0; ++b) {
            const std::string_view text = report.blocks[b].text;
            if (!text.starts_with(right) || text.find("总计") == std::string_view::npos) continue;
            report.blocks[b].text = report.own(wrong + std::string(text.substr(right.size())));
            changed = static_cast<int>(b);
        }
        ASSERT_GE(changed, 0) << "report " << i << " has no paragraph opening with " << right;
        ++planted;
        const std::vector<Finding> findings = rules.run(report);
        ASSERT_EQ(findings.size(), 1u) << "report " << i;
        EXPECT_EQ(findings[0].rule_id, "years-body-mention");
        EXPECT_EQ(findings[0].location.block, changed);
        EXPECT_EQ(findings[0].actual, std::to_string(report.meta.fiscal_year - 1));
    }
    EXPECT_EQ(planted, kReports);
}

}  // namespace
}  // namespace fincheck::years
