#include "rules.hpp"

namespace fincheck::narrative {

std::vector<std::unique_ptr<NarrativeRule>> make_all_rules(std::shared_ptr<const Lexicon> lexicon) {
    std::vector<std::unique_ptr<NarrativeRule>> rules;
    rules.push_back(make_amount_mismatch(lexicon));
    rules.push_back(make_share_mismatch(lexicon));
    rules.push_back(make_change_mismatch(lexicon));
    rules.push_back(make_rate_mismatch(lexicon));
    rules.push_back(make_comparison_word(lexicon));
    rules.push_back(make_zero_base(lexicon));
    rules.push_back(make_duplicate_fact(lexicon));
    rules.push_back(make_wrong_kind(lexicon));
    rules.push_back(make_listed_items(lexicon));
    rules.push_back(make_percent_sign(lexicon));
    rules.push_back(make_stated_absence(lexicon));
    return rules;
}

}  // namespace fincheck::narrative
