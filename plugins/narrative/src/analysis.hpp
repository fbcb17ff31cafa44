// One pass of claim extraction over a whole report, shared by all narrative rules of one
// check() call. Nothing is cached across calls: a rule builds it, uses it, drops it.
#pragma once

#include <string>
#include <vector>

#include "claim.hpp"
#include "facts.hpp"
#include "fincheck/report.hpp"
#include "lexicon.hpp"

namespace fincheck::narrative {

struct BlockClaims {
    int block = -1;
    std::string context;                       // context id from the section headings
    const ContextRule* context_rule = nullptr;
    std::vector<Claim> claims;
    std::vector<const Concept*> concepts;      // per claim: what it is about, or nullptr
    bool ends_with_colon = false;              // 「…主要用于以下方面：」 opens a list
};

struct Analysis {
    const Report* report = nullptr;
    const Lexicon* lexicon = nullptr;
    std::vector<BlockClaims> blocks;           // one per Report::blocks entry, same order

    // Facts bound to claim `index` of `block`, or to `entry` in that block's context.
    std::vector<FactValue> facts(const BlockClaims& block, const Concept* entry, Role role) const;
};

Analysis analyze(const Report& report, const Lexicon& lexicon);

// True when a claim's subject names a 款 or 项 (「…财政事务（款）行政运行（项）」): a class
// binding would be wrong there.
bool names_item_level(const Report& report, const BlockClaims& block, const Claim& claim);

}  // namespace fincheck::narrative
