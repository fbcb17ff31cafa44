// structure-placeholder-text: template placeholders left in the published text (「XX局」,
// 「××单位」, 「XXX」, 「〇〇」) and instructions addressed to whoever fills in the template
// (「请依据…实际情况进行解释」, 「仍保留该表格式，并在本表下方作下述说明」).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"

namespace fincheck::consistency {

class PlaceholderTextRule final : public Rule {
public:
    explicit PlaceholderTextRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    // An instruction phrase prepared for a Boyer-Moore-Horspool search: every text of the
    // report is searched for every phrase, and most texts are long runs of CJK whose lead
    // bytes make a plain find() stop at nearly every character.
    struct Needle {
        std::string text;
        std::array<std::size_t, 256> shift{};
        explicit Needle(std::string phrase);
        std::size_t find_in(std::string_view haystack) const;  // like string_view::find
    };
    struct NeedleGroup {
        std::string template_name;
        std::vector<Needle> needles;
    };

    RuleMeta meta_;
    std::vector<NeedleGroup> instructions_;
};

// Byte spans of placeholder marks in `text`: runs of two or more X/x/×/Ｘ not part of a
// Latin word, and runs of two or more 〇/○ not part of a Chinese numeral (二〇〇八).
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<Span> find_placeholder_marks(std::string_view text);

}  // namespace fincheck::consistency
