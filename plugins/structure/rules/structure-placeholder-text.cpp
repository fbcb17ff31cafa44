// structure-placeholder-text: template placeholders left in the published text (「XX局」,
// 「××单位」, 「XXX」, 「〇〇」) and instructions addressed to whoever fills in the template
// (「请依据…实际情况进行解释」, 「仍保留该表格式，并在本表下方作下述说明」).
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/utf8.hpp"

#include "phrase_data.hpp"
#include "placeholder_marks.hpp"
#include "report_text.hpp"
#include "rule_data.hpp"
#include "text_scan.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

class PlaceholderTextRule final : public DeclaredRule {
public:
    // With the plugin's scanner, shared with structure-wrong-level: one pass per report.
    PlaceholderTextRule(const PhraseData& data, std::shared_ptr<const TextScanner> scanner);
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    std::shared_ptr<const TextScanner> scanner_;
    std::vector<std::string> group_templates_;  // per instruction group
};

namespace {

constexpr std::string_view kRuleId = "structure-placeholder-text";

}  // namespace

PlaceholderTextRule::PlaceholderTextRule(const PhraseData& data, std::shared_ptr<const TextScanner> scanner)
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("残留模板占位符或填写说明",
                 "Template placeholder or fill-in instruction left in the text")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"placeholder", "{place}中残留模板占位符「{mark}」：{excerpt}",
               "Template placeholder \"{mark}\" left in the {place_en}: {excerpt}"},
              {"instruction", "{place}中残留模板填写说明「{mark}」：{excerpt}",
               "Template instruction \"{mark}\" left in the {place_en}: {excerpt}"},
          })
          .build()),
      scanner_(std::move(scanner)) {
    for (const InstructionGroup& group : data.instructions) group_templates_.push_back(group.template_name);
}

void PlaceholderTextRule::check(const Report& report, const RuleContext& /*context*/,
                                FindingSink& sink) const {
    const ReportScan& scan = scanner_->scan(report);
    if (scan.texts.empty()) return;
    std::vector<bool> active;  // instruction groups that apply to this report's template
    for (const std::string& group_template : group_templates_)
        active.push_back(PhraseGroup::applies(group_template, report.meta.template_name));
    const std::vector<TextScanner::Phrase>& phrases = scanner_->phrases();
    std::set<std::pair<std::string, std::string>> reported;  // (text, mark): a form repeats itself
    for (const TextHits& found : scan.texts) {
        // One finding per piece of text: the earliest placeholder or instruction in it; at one
        // position a placeholder before an instruction, and the instruction listed first.
        std::string_view message;
        std::size_t first = std::string_view::npos;
        std::size_t first_end = 0;
        if (found.first_mark) {
            message = "placeholder";
            first = found.first_mark->begin;
            first_end = found.first_mark->end;
        }
        const PhraseHit* best = nullptr;
        for (std::uint32_t h = found.first_hit; h < found.first_hit + found.hit_count; ++h) {
            const PhraseHit& hit = scan.hits[h];
            const TextScanner::Phrase& phrase = phrases[hit.phrase];
            if (phrase.use != TextScanner::Use::instruction || !active[phrase.group]) continue;
            if (best == nullptr || hit.begin < best->begin || (hit.begin == best->begin && hit.phrase < best->phrase))
                best = &hit;
        }
        if (best != nullptr && (first == std::string_view::npos || best->begin < first)) {
            message = "instruction";
            first = best->begin;
            first_end = best->begin + phrases[best->phrase].text.size();
        }
        if (first == std::string_view::npos) continue;
        const std::string_view text = text_at(report, found.ref);
        const std::string mark(text.substr(first, first_end - first));
        if (!reported.emplace(std::string(text), mark).second) continue;
        sink.add(finding_in_text(kRuleId, message, report, found.ref, text, first, first_end)
                     .arg("mark", mark)
                     .expected("实际内容 / the actual text")
                     .actual(mark)
                     .build());
    }
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_placeholder_text, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::PlaceholderTextRule>(context.phrases, context.scanner);
}
