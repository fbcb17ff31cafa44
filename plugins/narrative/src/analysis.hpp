// One pass of claim extraction over a whole report, shared by all eight narrative rules:
// the first rule that checks a report builds it (Report::derived), the others reuse it, and
// it is freed with the report. Nothing is kept across reports.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claim.hpp"
#include "facts.hpp"
#include "fincheck/report.hpp"
#include "lexicon.hpp"

namespace fincheck::narrative {

// Views into the arrays of the Analysis that holds them: one allocation per report for all
// the blocks' texts, claims and concepts instead of three per block.
struct BlockClaims {
    int block = -1;
    std::u32string_view text;                  // the block's text as code points (claim spans index it);
                                               // kept only for blocks with claims, empty otherwise
    std::string_view context;                  // context id from the section headings
    const ContextRule* context_rule = nullptr;
    std::span<const Claim> claims;
    std::span<const Concept* const> concepts;  // per claim: what it is about, or nullptr
    bool ends_with_colon = false;              // 「…主要用于以下方面：」 opens a list
};

// The 预算数 (A), 执行数 (B) and 执行率 (B/A) fields of an attachment form.
struct FormRate {
    const Attachment* attachment = nullptr;
    const Field* budget = nullptr;
    const Field* actual = nullptr;
    const Field* rate = nullptr;
};

struct Analysis {
    Analysis() = default;
    // Moved, never copied: the blocks' views point into the arrays below.
    Analysis(Analysis&&) = default;
    Analysis& operator=(Analysis&&) = default;
    Analysis(const Analysis&) = delete;
    Analysis& operator=(const Analysis&) = delete;

    const Report* report = nullptr;
    const Lexicon* lexicon = nullptr;
    // Keeps the lexicon alive while the report holds this analysis: the lexicon's address is
    // the key the analysis is stored under, and must not be reused by another lexicon.
    std::shared_ptr<const Lexicon> lexicon_owner;
    std::vector<BlockClaims> blocks;           // one per Report::blocks entry, same order
    std::vector<FormRate> form_rates;          // attachment forms that state all three

    // What the blocks' views point into (filled by analyze(); a vector keeps its buffer when moved).
    std::vector<char32_t> texts_;
    std::vector<Claim> claims_;
    std::vector<const Concept*> concepts_;

    // Facts bound to claim `index` of `block`, or to `entry` in that block's context.
    std::vector<FactValue> facts(const BlockClaims& block, const Concept* entry, Role role) const;
};

Analysis analyze(const Report& report, const Lexicon& lexicon);

// The analysis of `report` under `lexicon`, built once per report and shared by every rule
// that holds the same lexicon.
const Analysis& shared_analysis(const Report& report, const std::shared_ptr<const Lexicon>& lexicon);

// True when a claim's subject names a 款 or 项 (「…财政事务（款）行政运行（项）」): a class
// binding would be wrong there.
bool names_item_level(const Report& report, const BlockClaims& block, const Claim& claim);

}  // namespace fincheck::narrative
