// structure-placeholder-text: template placeholders left in the published text (「XX局」,
// 「××单位」, 「XXX」, 「〇〇」) and instructions addressed to whoever fills in the template
// (「请依据…实际情况进行解释」, 「仍保留该表格式，并在本表下方作下述说明」).
#pragma once

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"

namespace fincheck::consistency {

class PlaceholderTextRule final : public Rule {
public:
    explicit PlaceholderTextRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::vector<InstructionGroup> instructions_;
};

// Byte spans of placeholder marks in `text`: runs of two or more X/x/×/Ｘ not part of a
// Latin word, and runs of two or more 〇/○ not part of a Chinese numeral (二〇〇八).
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<Span> find_placeholder_marks(std::string_view text);

}  // namespace fincheck::consistency
