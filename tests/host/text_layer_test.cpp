// The text layer across the plugin boundary: the host builds report.text() before the rules
// run, and a plugin reads that same object (ABI 1.2, docs/sdk.md "The text layer").
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "fincheck/engine/engine.hpp"
#include "fincheck/text/report_text.hpp"
#include "fincheck/version.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

std::string address_of(const void* p) {
    char text[32];
    std::snprintf(text, sizeof text, "%p", p);
    return text;
}

TEST(TextLayer, APluginReadsTheLayerTheHostBuiltForTheReport) {
    EngineCreation created = Engine::create(test::options_for_dir(FINCHECK_TEST_TEXT_LAYER_DIR, "test-text-layer"));
    ASSERT_TRUE(created.engine) << (created.error ? created.error->to_string() : "");
    Report report;
    Block block;
    block.text = report.own("支出５９２． 29万元，其中基本支出153.53万元，占9.74%。");
    report.blocks = {block};

    const AuditResult result = created.engine->audit(report);

    ASSERT_EQ(result.findings.size(), 2u);
    const std::string layer = address_of(&report.text());  // the object the host built and kept
    std::vector<std::string> messages;
    for (const AuditedFinding& finding : result.findings) messages.push_back(finding.message_en);
    std::sort(messages.begin(), messages.end());
    EXPECT_EQ(messages, (std::vector<std::string>{"153.53 万元 at characters 18–24, text layer " + layer,
                                                  "592.29 万元 at characters 2–9, text layer " + layer}));
    for (const AuditedFinding& finding : result.findings) EXPECT_NE(finding.finding.location.span_end, 0u);
}

// The handshake: a plugin built with the layer declares at least the ABI minor that added it
// (1.2), and loads.
TEST(TextLayer, APluginThatReadsTheLayerDeclaresAbi12) {
    PluginSet set =
        test::load_plugins({std::filesystem::path(FINCHECK_TEST_TEXT_LAYER_DIR) / "fincheck_test_text_layer.so"});
    ASSERT_TRUE(set.issues().empty()) << set.issues().front().message;
    ASSERT_EQ(set.plugins().size(), 1u);
    EXPECT_EQ(set.plugins().front().abi_major, kAbiMajor);
    EXPECT_EQ(set.plugins().front().abi_minor, kAbiMinor);
    EXPECT_GE(kAbiMinor, 2u);
    EXPECT_EQ(set.plugins().front().sdk_version, kSdkVersion);
}

}  // namespace
}  // namespace fincheck::engine
