// narrative-stated-absence: the prose says the unit had none of something the tables print
// as non-zero — 「本部门没有政府性基金预算财政拨款收入」 while 07 shows income, 「无“三公”经费财政
// 拨款支出」 while 09 shows spending. The negated phrase is read with the lexicon, so every
// concept it binds to a table (the fund tables 07 and 08, the 04 fund columns, 09, 05, 06 …)
// is covered; a blank cell is zero.
#include <array>
#include <string>
#include <string_view>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

// Words that deny what follows them in the clause. Not 「未使用」 (「未使用的公用经费结余」
// names a balance) nor 「未安排」 (a budget not set, while money may have been spent).
constexpr std::array<std::string_view, 3> kDenials = {"没有", "未发生", "无"};
constexpr std::array<std::string_view, 8> kDenialClauseEnds = {"，", "。", "；", "！", "？", ",", ";", "："};

std::size_t denial_clause_end(std::string_view text, std::size_t from) {
    std::size_t end = text.size();
    for (std::string_view stop : kDenialClauseEnds) {
        const std::size_t at = text.find(stop, from);
        if (at != std::string_view::npos && at < end) end = at;
    }
    return end;
}

std::size_t denial_clause_start(std::string_view text, std::size_t before) {
    std::size_t start = 0;
    for (std::string_view stop : kDenialClauseEnds) {
        const std::size_t at = text.rfind(stop, before);
        if (at != std::string_view::npos && at < before && at + stop.size() > start) start = at + stop.size();
    }
    return start;
}

// The sections a unit reports as a whole, 「没有…」 when it has none: the government-fund and
// state-capital appropriations (07, 08) and the “三公” (09). A denial of another concept usually
// speaks of a part (「项目支出中无人员经费」, 「该项目无公用经费」) and is not read.
bool of_a_whole_table(const Concept& entry) {
    for (const Binding& binding : entry.bindings)
        for (const FactTerm& term : binding.terms)
            if (term.table == "07" || term.table == "08" || term.table == "09") return true;
    return false;
}

class StatedAbsence final : public NarrativeRule {
public:
    explicit StatedAbsence(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-stated-absence")
                            .title("正文称无此项收支，决算表却有数",
                                "The prose says there is none, the table prints an amount")
                            .severity(Severity::error)
                            .message("mismatch",
                                "正文称「{stated}」，但决算表（{cell}）「{concept}」为{fact}万元",
                                "The prose says \"{stated}\", but the table ({cell}) prints {concept} as {fact} (10k yuan)")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& /*context*/, FindingSink& sink) const override {
        const Report& report = *analysis.report;
        for (std::size_t b = 0; b < report.blocks.size(); ++b) {
            const BlockClaims& block = analysis.blocks[b];
            scan(analysis, report.blocks[b].text, block.context, sink, [&](std::size_t begin, std::size_t end) {
                return block_span(report, block.block, begin, end);
            });
        }
        // A table's own note: 「注：本单位无政府性基金预算财政拨款支出，故本表无数据。」
        for (const Table& table : report.tables) {
            if (table.note.empty()) continue;
            scan(analysis, table.note, {}, sink, [&](std::size_t, std::size_t) { return Location::at_table(table); });
        }
    }

private:
    template <class Where>
    void scan(const Analysis& analysis, std::string_view text, std::string_view context, FindingSink& sink,
              const Where& where) const {
        const Report& report = *analysis.report;
        const std::string prior_year = std::to_string(report.meta.fiscal_year - 1) + "年";
        for (std::size_t at = 0; at < text.size();) {
            std::size_t found = std::string_view::npos;
            std::string_view word;
            for (std::string_view denial : kDenials) {
                const std::size_t f = text.find(denial, at);
                if (f < found) found = f, word = denial;
            }
            if (found == std::string_view::npos) break;
            const std::size_t phrase_begin = found + word.size();
            const std::size_t end = denial_clause_end(text, phrase_begin);
            at = phrase_begin;
            // 「2023年度没有…」 speaks of another year.
            const std::size_t lead_begin = denial_clause_start(text, found);
            if (report.meta.fiscal_year > 0 &&
                text.substr(lead_begin, found - lead_begin).find(prior_year) != std::string_view::npos)
                continue;
            const std::string_view stated = text.substr(found, end - found);
            check(analysis, context, stated, text.substr(phrase_begin, end - phrase_begin), where(found, end), sink);
        }
    }

    void check(const Analysis& analysis, std::string_view context, std::string_view stated, std::string_view denied,
               Location location, FindingSink& sink) const {
        const std::u32string phrase = normalize_phrase(to_u32(denied));
        // 「没有安排公务接待费预算」 denies a budget, not the spending the table shows.
        if (ends_with(phrase, U"预算") || ends_with(phrase, U"预算数")) return;
        const Concept* entry = lexicon().find(phrase);
        if (entry == nullptr || entry->count || !of_a_whole_table(*entry)) return;
        std::vector<FactValue> facts = facts_for(*analysis.report, *analysis.lexicon, *entry, context, Role::level);
        const FactValue* printed = nullptr;
        for (const FactValue& fact : facts) {
            if (!fact.value.is_zero()) {
                printed = &fact;
                break;
            }
        }
        if (printed == nullptr) return;
        FindingBuilder finding(meta().id, "mismatch");
        finding.at(std::move(location))
            .arg("concept", entry->id)
            .arg("stated", std::string(stated))
            .arg("fact", printed->value)
            .arg("cell", printed->label)
            .expected(printed->value)
            .actual("0.00")
            .difference(-printed->value);
        for (const FactValue& fact : facts) add_fact_evidence(finding, fact, "fact");
        sink.add(std::move(finding).build());
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_stated_absence, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::StatedAbsence>(context);
}
