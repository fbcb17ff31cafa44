// structure-placeholder-text: template placeholders left in the published text (「XX局」,
// 「××单位」, 「XXX」, 「〇〇」) and instructions addressed to whoever fills in the template
// (「请依据…实际情况进行解释」, 「仍保留该表格式，并在本表下方作下述说明」).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"
#include "placeholder_marks.hpp"
#include "text_scan.hpp"

namespace fincheck::structure {

class PlaceholderTextRule final : public Rule {
public:
    // With the plugin's scanner, shared with structure-wrong-level: one pass per report.
    PlaceholderTextRule(const PhraseData& data, std::shared_ptr<const TextScanner> scanner);
    explicit PlaceholderTextRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::shared_ptr<const TextScanner> scanner_;
    std::vector<std::string> group_templates_;  // per instruction group
};

}  // namespace fincheck::structure
