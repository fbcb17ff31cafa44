// Each rule over its annotated fixture (fixtures/<rule id>.xml): every finding matches an
// `expect:` comment and every comment a finding; unannotated blocks must stay silent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fincheck/testing.hpp"
#include "rules.hpp"

namespace fincheck::narrative {
namespace {

std::shared_ptr<const Lexicon> national_lexicon() {
    static std::shared_ptr<const Lexicon> lexicon = [] {
        auto loaded = std::make_shared<Lexicon>();
        auto error = load_lexicon_file(std::string(NARRATIVE_LEXICON_DIR) + "/national.xml", *loaded);
        EXPECT_FALSE(error.has_value());
        return loaded;
    }();
    return lexicon;
}

class RuleFixture : public ::testing::TestWithParam<std::size_t> {};

// <rule id>.xml, and any <rule id>.<case>.xml beside it (another template's wording, the
// Shanghai tables): each must match its annotations.
std::vector<std::filesystem::path> fixtures_of(const std::string& id) {
    std::vector<std::filesystem::path> out{std::filesystem::path(NARRATIVE_FIXTURE_DIR) / (id + ".xml")};
    std::vector<std::filesystem::path> cases;
    for (const auto& entry : std::filesystem::directory_iterator(NARRATIVE_FIXTURE_DIR)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(id + ".") && name != id + ".xml" && name.ends_with(".xml")) cases.push_back(entry.path());
    }
    std::sort(cases.begin(), cases.end());
    out.insert(out.end(), cases.begin(), cases.end());
    return out;
}

TEST_P(RuleFixture, FindingsMatchTheAnnotations) {
    auto rules = make_all_rules(national_lexicon());
    const NarrativeRule& rule = *rules.at(GetParam());
    for (const std::filesystem::path& path : fixtures_of(rule.meta().id)) {
        testing::FixtureRun run = testing::run_fixture(rule, path);
        EXPECT_FALSE(run.expectations.empty()) << path << " has no expect: annotation";
        std::string mismatches;
        for (const auto& m : run.mismatches) mismatches += m + "\n";
        EXPECT_TRUE(run.ok()) << path << "\n" << mismatches;
    }
}

// The test is named after the rule id (narrative-zero-base -> ZeroBase), and every rule the
// plugin makes has one: a rule added to make_all_rules without a fixture fails here.
std::size_t rule_count() { return make_all_rules(national_lexicon()).size(); }

std::string rule_name(const ::testing::TestParamInfo<std::size_t>& info) {
    const std::string id = make_all_rules(national_lexicon()).at(info.param)->meta().id;
    std::string name;
    bool upper = true;
    for (char c : id.substr(std::string_view("narrative-").size())) {
        if (c == '-') {
            upper = true;
            continue;
        }
        name += upper ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(EveryNarrativeRule, RuleFixture, ::testing::Range<std::size_t>(0, rule_count()), rule_name);

}  // namespace
}  // namespace fincheck::narrative
