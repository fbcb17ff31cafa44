// The corpus reports end to end: imported with fincheck::import_text_file, every narrative
// rule run. Pins the real prose errors each report contains, and the silence of the rules on
// its correct percentages, changes and prior-year figures (the total count per rule).
#include <gtest/gtest.h>

#include <map>

#include "fincheck/import.hpp"
#include "fincheck_test/corpus_test.hpp"
#include "fincheck/testing.hpp"
#include "shipped_rules.hpp"

namespace fincheck::narrative {
namespace {

struct Pinned {
    std::string rule;
    std::string actual;  // the figure the finding reports as printed
};

class CorpusReport : public corpus::CorpusTest {
protected:
    static Report load(const std::string& name) {
        auto result = import_text_file(corpus::text(name));
        EXPECT_TRUE(result.report.has_value()) << (result.error ? result.error->to_string() : "");
        if (!result.report) return Report{};
        return std::move(*result.report);
    }

    static std::vector<Finding> run_all(const Report& report) {
        std::vector<Finding> all;
        for (const auto& rule : make_rules(test::national_lexicon())) {
            for (Finding& finding : testing::run_rule(*rule, report)) all.push_back(std::move(finding));
        }
        return all;
    }

    static std::string describe(const std::vector<Finding>& findings) {
        std::string out;
        for (const Finding& f : findings) {
            out += f.rule_id + " @ " + testing::location_key(f) + " line " + std::to_string(f.location.line) +
                   " expected " + f.expected + " actual " + f.actual + "\n";
        }
        return out;
    }

    // Every pinned finding is present, and nothing else fired.
    static void expect_exactly(const std::vector<Finding>& findings, const std::vector<Pinned>& pinned) {
        std::vector<bool> used(findings.size(), false);
        for (const Pinned& p : pinned) {
            bool found = false;
            for (std::size_t i = 0; i < findings.size() && !found; ++i) {
                if (!used[i] && findings[i].rule_id == p.rule && findings[i].actual == p.actual) used[i] = found = true;
            }
            EXPECT_TRUE(found) << "missing " << p.rule << " actual " << p.actual << "\nfindings:\n" << describe(findings);
        }
        for (std::size_t i = 0; i < findings.size(); ++i) {
            EXPECT_TRUE(used[i]) << "unexpected: " << describe({findings[i]});
        }
    }
};

TEST_F(CorpusReport, WuhanProseErrorsAreFoundAndCorrectFiguresPass) {
    Report report = load("wuhan-hanyang-jiguan-gongwei-2024.txt");
    auto findings = run_all(report);
    expect_exactly(findings, {
        // 一般公共预算财政拨款支出 stated as a figure the tables do not have.
        {"narrative-amount-mismatch", "492.29"},
        // 公用经费 in prose differs from table 06's 公用经费合计.
        {"narrative-amount-mismatch", "7.07"},
        // 一般公共服务支出: 171.9 of a 182.39 budget is not 97.7%.
        {"narrative-rate-mismatch", "97.7%"},
        // Project forms: 403 of 4050 is not 99.51%; 19.26 of 20 is 96.30%, not 98.31%.
        {"narrative-rate-mismatch", "99.51%"},
        {"narrative-rate-mismatch", "98.31%"},
        // The same project's budget: 4050 in its form, 405 in the summary table and in the
        // form's own indicators (数量指标 资金拨付, 成本指标 不超预算): the form's 预算数 (A) is
        // the odd one out, reported once, at the form; the summary row is not a finding.
        {"narrative-duplicate-fact", "4050.00"},
        // Staff: 概况 says 在职实有人数3人 and 2024年末实有人数总共11人; the 部门整体绩效自评表
        // gives 在职人员控制率 as 4人 and 「按年底实有人数4人精准编制基本支出」.
        {"narrative-duplicate-fact", "4人"},
        {"narrative-duplicate-fact", "4人"},
    });
}

TEST_F(CorpusReport, PutuoFinanceBureauProseErrorsAreFound) {
    Report report = load("putuo-finance-bureau-2024.txt");
    auto findings = run_all(report);
    expect_exactly(findings, {
        // 财政拨款收入支出总计 stated as 0.3 while table 04 has 2,961.68 (and the text says 持平).
        {"narrative-amount-mismatch", "0.30"},
        // 一般公共服务支出 2106.66 of 2940.05 is 71.65%, not 71.73%.
        {"narrative-share-mismatch", "71.73%"},
        // 一般行政管理事务 described as 基本支出; table 05 books it all as 项目支出.
        {"narrative-wrong-kind", "基本支出"},
        // 人员经费「主要包括…个人农业生产补贴」, a row 06 prints blank.
        {"narrative-listed-items", "空白"},
        // 「其中：因公出国（境）费决算为0.00万元，完成预算的0%；公务用车购置及运行维护费…完成预算的0%」:
        // 09 budgets neither (blank), so no completion rate exists (公务接待费's 0.95 does).
        {"narrative-zero-base", "0%"},
        {"narrative-zero-base", "0%"},
    });
}

TEST_F(CorpusReport, PutuoAlteredCopyProseErrorsAreFound) {
    Report report = load("putuo-finance-bureau-2024-altered.txt");
    auto findings = run_all(report);
    expect_exactly(findings, {
        // 收入支出总计 stated as 0 (table 01: 2,995.39).
        {"narrative-amount-mismatch", "0.00"},
        // The 三公 budget stated as 0.95 while this copy's table 09 is blank.
        {"narrative-amount-mismatch", "0.95"},
        {"narrative-share-mismatch", "71.73%"},
        // 决算数大于预算数 / 等于 while the actual is below the budget.
        {"narrative-comparison-word", "1511.89 vs 1560.05"},
        {"narrative-comparison-word", "80.38 vs 80.81"},
        {"narrative-comparison-word", "60.99 vs 62.29"},
        {"narrative-wrong-kind", "基本支出"},
        {"narrative-listed-items", "空白"},
        // This copy's 09 is blank: none of the three “三公” items has a budget, so each
        // 「完成预算的0%」 of the item sentences has no base.
        {"narrative-zero-base", "0%"},
        {"narrative-zero-base", "0%"},
        {"narrative-zero-base", "0%"},
    });
}

TEST_F(CorpusReport, PutuoSocialWorkRatesAgainstZeroBasesAreFound) {
    Report report = load("putuo-social-work-dept-2024.txt");
    auto findings = run_all(report);
    expect_exactly(findings, {
        // A department new in 2024: growth rates of 100.00% against a prior year of zero.
        {"narrative-zero-base", "100.00%"},
        {"narrative-zero-base", "100.00%"},
        {"narrative-zero-base", "100.00%"},
        {"narrative-zero-base", "100.00%"},
        // 完成年初预算的95.89% where the 年初预算 is 0.
        {"narrative-zero-base", "95.89%"},
        // 公用经费「主要包括：办公费、邮电费…」 while 06 prints 邮电费 0.00.
        {"narrative-listed-items", "0.00"},
    });
}

}  // namespace
}  // namespace fincheck::narrative
