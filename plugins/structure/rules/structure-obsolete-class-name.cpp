// structure-obsolete-class-name: a functional class (类) printed under a name the catalogue of
// the report's year no longer uses (「文化体育与传媒支出」 in a 2024 report, renamed
// 文化旅游体育与传媒 in 2019): the table or the text was copied from an outdated template.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/templates/template.hpp"

#include "report_text.hpp"
#include "rule_data.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

// A functional class (类) renamed in the catalogue: from fiscal year `since` on, `old_name` is
// outdated (文化体育与传媒 → 文化旅游体育与传媒 in 2019). Names without the 支出 ending, as text
// also says 「卫生健康（类）支出」.
struct RenamedClass {
    std::string code;
    std::string old_name;
    std::string new_name;
    int since = 0;
};

class ObsoleteClassNameRule final : public DeclaredRule {
public:
    // The renamings are the former names of `catalogue`'s functional classes (schemas/templates).
    explicit ObsoleteClassNameRule(const templates::Template& catalogue);
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    std::vector<RenamedClass> renamed_;
};

namespace {

constexpr std::string_view kRuleId = "structure-obsolete-class-name";

// 「原文化体育与传媒支出」 names the old class on purpose (a history, a reclassification note).
bool names_the_former_class(std::string_view text, std::size_t at) {
    return text.substr(0, at).ends_with("原");
}

std::string without_expenditure(std::string_view name) {
    constexpr std::string_view kSuffix = "支出";
    if (name.ends_with(kSuffix)) name.remove_suffix(kSuffix.size());
    return std::string(name);
}

std::vector<RenamedClass> renamed_in(const templates::Template& catalogue) {
    std::vector<RenamedClass> out;
    for (const templates::Code* cls : catalogue.functional_classes())
        for (const templates::FormerName& former : cls->former)
            out.push_back({cls->code, without_expenditure(former.name), without_expenditure(cls->name), former.before});
    return out;
}

}  // namespace

ObsoleteClassNameRule::ObsoleteClassNameRule(const templates::Template& catalogue)
    // The figure may be right; the class name is not the one of the report's year.
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("支出功能分类名称已过时",
                 "Outdated name of a functional expenditure class")
          .severity(Severity::warning)
          .page_in("plugins/structure")
          .messages({
              {"renamed", "{place}使用了{year}年度已不再使用的功能分类名称「{old}」（自{since}年起为「{new}」）：{excerpt}",
               "The {place_en} uses \"{old}\", a functional class renamed \"{new}\" in {since}, in a {year} report: "
               "{excerpt}"},
          })
          .build()),
      renamed_(renamed_in(catalogue)) {}

void ObsoleteClassNameRule::check(const Report& report, const RuleContext& /*context*/, FindingSink& sink) const {
    const int year = report.meta.fiscal_year;
    if (year <= 0) return;
    std::set<std::pair<std::string_view, std::string_view>> reported;  // (text, old name)
    auto look = [&](const TextRef& ref, std::string_view text) {
        for (const RenamedClass& renamed : renamed_) {
            if (year < renamed.since) continue;
            const std::size_t at = text.find(renamed.old_name);
            if (at == std::string_view::npos || names_the_former_class(text, at)) continue;
            if (!reported.emplace(text, renamed.old_name).second) continue;
            const std::size_t end = at + renamed.old_name.size();
            sink.add(finding_in_text(kRuleId, "renamed", report, ref, text, at, end)
                         .arg("year", std::to_string(year))
                         .arg("since", std::to_string(renamed.since))
                         .arg("old", renamed.old_name)
                         .arg("new", renamed.new_name)
                         .expected(renamed.new_name)
                         .actual(renamed.old_name)
                         .build());
        }
    };
    for_each_text(report, false, look);
    for (std::size_t t = 0; t < report.tables.size(); ++t)
        for (std::size_t r = 0; r < report.tables[t].rows.size(); ++r)
            look(TextRef{TextPlace::row_label, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(r), 0},
                 report.tables[t].rows[r].label);
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_obsolete_class_name, fincheck::structure::RuleData) {
    // The national catalogue holds every class's former names.
    return std::make_unique<fincheck::structure::ObsoleteClassNameRule>(
        *fincheck::templates::TemplateSet::builtin().find("national"));
}
