// The years plugin: checks that titles, headings, balance dates and fill-in dates agree
// with the fiscal year the report covers.
#include <memory>
#include <vector>

#include "balance_date_rule.hpp"
#include "date_out_of_range_rule.hpp"
#include "fincheck/plugin.hpp"
#include "title_mismatch_rule.hpp"

namespace fincheck::years {
namespace {

class YearsPlugin final : public Plugin {
public:
    std::vector<const Rule*> rules() const override {
        return {&title_mismatch_, &date_out_of_range_, &balance_date_};
    }

private:
    TitleMismatchRule title_mismatch_;
    DateOutOfRangeRule date_out_of_range_;
    BalanceDateRule balance_date_;
};

std::unique_ptr<Plugin> create_years_plugin(const PluginEnvironment& /*environment*/) {
    return std::make_unique<YearsPlugin>();
}

}  // namespace
}  // namespace fincheck::years

FINCHECK_PLUGIN("years", "1.0.0", "年度一致性：标题、截止日期与填报日期的年份",
                &fincheck::years::create_years_plugin)
