// RuleMetaBuilder: what a rule leaves unsaid keeps RuleMeta's defaults, and the page path is
// derived from the id so it cannot name another rule's page.
#include <gtest/gtest.h>

#include "fincheck/rule_meta.hpp"

namespace {

using fincheck::RuleMetaBuilder;

TEST(RuleMetaBuilder, DerivesThePageFromTheIdAndKeepsTheDefaults) {
    const fincheck::RuleMeta meta = RuleMetaBuilder("acme-thing", "structure")
                                        .title("某事", "A thing")
                                        .message("found", "发现{x}", "Found {x}")
                                        .page_in("plugins/acme")
                                        .build();
    EXPECT_EQ(meta.id, "acme-thing");
    EXPECT_EQ(meta.category, "structure");
    EXPECT_EQ(meta.title_zh, "某事");
    EXPECT_EQ(meta.title_en, "A thing");
    EXPECT_EQ(meta.docs, "plugins/acme/rules/acme-thing.md");
    EXPECT_EQ(meta.default_severity, fincheck::Severity::error);
    EXPECT_EQ(meta.version, "1");
    ASSERT_NE(meta.message("found"), nullptr);
    EXPECT_EQ(meta.message("found")->en, "Found {x}");
    EXPECT_TRUE(meta.options.empty());

    EXPECT_EQ(RuleMetaBuilder("acme-thing", "structure").page_in("").build().docs, "rules/acme-thing.md");
}

TEST(RuleMetaBuilder, AppendsMessagesAndOptionsInOrder) {
    const fincheck::RuleMeta meta =
        RuleMetaBuilder("acme-thing", "years")
            .severity(fincheck::Severity::warning)
            .version("pack@2")
            .option({"limit", fincheck::OptionType::integer, "1", "上限", "limit"})
            .options({{"names", fincheck::OptionType::list, "", "名称", "names"}})
            .messages({{"a", "甲", "A"}})
            .message("b", "乙", "B")
            .docs("https://example.org/acme-thing")
            .build();
    EXPECT_EQ(meta.default_severity, fincheck::Severity::warning);
    EXPECT_EQ(meta.version, "pack@2");
    ASSERT_EQ(meta.options.size(), 2u);
    EXPECT_EQ(meta.options[1].name, "names");
    ASSERT_EQ(meta.messages.size(), 2u);
    EXPECT_EQ(meta.messages[0].id, "a");
    EXPECT_EQ(meta.messages[1].id, "b");
    EXPECT_EQ(meta.docs, "https://example.org/acme-thing");
}

}  // namespace
