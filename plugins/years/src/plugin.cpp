// The years plugin: checks that titles, headings, prose, balance dates and fill-in dates
// agree with the fiscal year the report covers. Its phrase data is read once here, when the
// host creates the plugin; the rules keep it const.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "make_rules.hpp"
#include "year_phrases.hpp"

namespace fincheck::years {
namespace {

std::unique_ptr<Plugin> create_years_plugin(const PluginEnvironment& environment) {
    // Fail closed: a phrase file that cannot be read, or no phrase data at all, would leave
    // years-body-mention silently inactive, a smaller audit that still looks complete.
    YearPhrases phrases = YearPhrases::load(environment.data_dirs);
    if (!phrases.problems.empty()) {
        std::string all = "years: 年份短语数据无效 / invalid year phrase data:";
        for (const std::string& problem : phrases.problems) all += "\n  " + problem;
        throw std::runtime_error(all);
    }
    if (phrases.own_figures.empty())
        throw std::runtime_error(
            "years: 数据目录下未找到 years/*.xml 年份短语数据 / no phrase data found under <data dir>/years "
            "(years-body-mention cannot run)");
    return std::make_unique<RuleListPlugin>(make_rules(phrases));
}

}  // namespace
}  // namespace fincheck::years

FINCHECK_PLUGIN("years", "1.1.0", "年度一致性：标题、正文、截止日期与填报日期的年份",
                &fincheck::years::create_years_plugin)
