// structure-placeholder-text: template placeholders left in the published text (「XX局」,
// 「××单位」, 「XXX」, 「〇〇」) and instructions addressed to whoever fills in the template
// (「请依据…实际情况进行解释」, 「仍保留该表格式，并在本表下方作下述说明」).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
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
    // Instruction phrases in data order, indexed by their first byte: each text is scanned
    // once for all of them instead of once per phrase.
    struct Phrase {
        std::string text;
        std::size_t group = 0;  // index into group_templates_
    };
    struct PhraseMatch {
        std::size_t begin = 0;
        std::size_t end = 0;
    };
    // The earliest instruction in `text` among the groups marked `active`; at one position
    // the phrase listed first wins (as a search phrase by phrase would find).
    std::optional<PhraseMatch> earliest_instruction(std::string_view text, const std::vector<bool>& active) const;

    RuleMeta meta_;
    std::vector<std::string> group_templates_;
    std::vector<Phrase> phrases_;
    std::array<std::vector<std::size_t>, 256> by_first_byte_;  // indices into phrases_, ascending
    std::vector<std::size_t> empty_phrases_;                   // match at 0 in any text
    // Byte pairs that can start a phrase (a one-byte phrase allows any second byte): most
    // positions of a text are passed over with one bit test.
    std::vector<std::uint8_t> may_start_;  // 65536 entries, index = first byte * 256 + second byte
};

// Byte spans of placeholder marks in `text`: runs of two or more X/x/×/Ｘ not part of a
// Latin word, and runs of two or more 〇/○ not part of a Chinese numeral (二〇〇八).
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<Span> find_placeholder_marks(std::string_view text);

}  // namespace fincheck::consistency
