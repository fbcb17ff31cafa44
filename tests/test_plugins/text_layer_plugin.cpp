// A plugin that reads the report's text layer (SDK 1.4, ABI 1.2): one finding per amount in
// 万元 of the prose, saying where it stands and which ReportText object the plugin was given,
// so a host test can see that the plugin reads the layer the host built, not one of its own.
#include <cstdio>
#include <memory>

#include "fincheck/fincheck.hpp"

namespace {

class AmountsInProse final : public fincheck::Rule {
public:
    AmountsInProse() {
        meta_.id = "test-text-layer";
        meta_.title_zh = "正文金额（文本层测试）";
        meta_.title_en = "Amounts in the prose (text layer test)";
        meta_.category = "narrative";
        meta_.default_severity = fincheck::Severity::info;
        meta_.messages = {{"amount", "{value} 万元，第 {begin}–{end} 字，文本层 {layer}",
                           "{value} 万元 at characters {begin}–{end}, text layer {layer}"}};
    }
    const fincheck::RuleMeta& meta() const override { return meta_; }
    void check(const fincheck::Report& report, const fincheck::RuleContext&, fincheck::FindingSink& sink) const override {
        const fincheck::text::ReportText& layer = report.text();
        char address[32];
        std::snprintf(address, sizeof address, "%p", static_cast<const void*>(&layer));
        for (std::size_t b = 0; b < layer.blocks().size(); ++b)
            for (const fincheck::text::TextNumber& number : layer.block(b).numbers) {
                if (number.unit != fincheck::text::AmountUnit::wan_yuan) continue;
                sink.add(fincheck::FindingBuilder(meta_.id, "amount")
                             .at(fincheck::Location::at_block(report, static_cast<int>(b), number.begin, number.end))
                             .arg("value", number.value.to_string())
                             .arg("begin", std::to_string(number.begin))
                             .arg("end", std::to_string(number.end))
                             .arg("layer", address)
                             .build());
            }
    }

private:
    fincheck::RuleMeta meta_;
};

class TextLayerPlugin final : public fincheck::Plugin {
public:
    std::vector<const fincheck::Rule*> rules() const override { return {&rule_}; }

private:
    AmountsInProse rule_;
};

std::unique_ptr<fincheck::Plugin> create_text_layer_plugin(const fincheck::PluginEnvironment&) {
    return std::make_unique<TextLayerPlugin>();
}

}  // namespace

FINCHECK_PLUGIN("test-text-layer", "0.1.0", "reads report.text()", &create_text_layer_plugin)
