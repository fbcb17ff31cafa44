#include "wrong_level_rule.hpp"

#include <string>

#include "report_text.hpp"
#include "text_util.hpp"

namespace fincheck::consistency {
namespace {

constexpr std::string_view kRuleId = "structure-wrong-level";

std::string_view level_zh(AdminLevel level) {
    switch (level) {
        case AdminLevel::national: return "中央";
        case AdminLevel::province: return "省级";
        case AdminLevel::city: return "市级";
        case AdminLevel::district: return "区县级";
        case AdminLevel::unknown: break;
    }
    return "未知";
}

// True when byte `pos` of `text` lies inside 《…》: a cited document may name any level.
bool inside_book_title(std::string_view text, std::size_t pos) {
    const std::size_t open = text.rfind("《", pos);
    if (open == std::string_view::npos) return false;
    const std::size_t close = text.rfind("》", pos);
    return close == std::string_view::npos || close < open;
}

}  // namespace

WrongLevelRule::WrongLevelRule(const PhraseData& data) : groups_(data.wrong_level) {
    meta_.id = std::string(kRuleId);
    meta_.title_zh = "出现其他行政层级的模板表述";
    meta_.title_en = "Text from another administrative level's template";
    meta_.category = "structure";
    meta_.default_severity = Severity::error;
    meta_.docs = "docs/rules/structure-wrong-level.md";
    meta_.messages = {
        {"wrong-level", "{level}报告的{place}中出现其他层级的表述「{phrase}」",
         "The {place_en} of a {level_en}-level report uses \"{phrase}\", text of another level"},
    };
}

void WrongLevelRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    const AdminLevel level = report.meta.level;
    if (level == AdminLevel::unknown) {
        context.log().write(LogLevel::debug, "structure-wrong-level: report level unknown; skipped");
        return;
    }
    for_each_text(report, false, [&](TextPlace place, std::string_view text, const auto& location_for) {
        if (place == TextPlace::toc) return;  // the contents repeat the headings
        for (const WrongLevelGroup& group : groups_) {
            if (group.report_level != level ||
                !PhraseData::applies(group.template_name, report.meta.template_name))
                continue;
            for (const std::string& phrase : group.phrases) {
                for (std::size_t at = text.find(phrase); at != std::string_view::npos;
                     at = text.find(phrase, at + phrase.size())) {
                    if (inside_book_title(text, at)) continue;
                    const std::string_view after = text.substr(at + phrase.size());
                    bool allowed = false;
                    for (const std::string& word : group.allow_after)
                        if (after.starts_with(word)) allowed = true;
                    if (allowed) continue;
                    sink.add(FindingBuilder(kRuleId, "wrong-level")
                                 .at(location_for(at, at + phrase.size()))
                                 .arg("level", level_zh(level))
                                 .arg("level_en", to_string(level))
                                 .arg("place", place_name_zh(place))
                                 .arg("place_en", place_name_en(place))
                                 .arg("phrase", phrase)
                                 .expected("本级表述 / wording of the report's own level")
                                 .actual(phrase)
                                 .build());
                    break;  // one finding per phrase and text is enough to fix it
                }
            }
        }
    });
}

}  // namespace fincheck::consistency
