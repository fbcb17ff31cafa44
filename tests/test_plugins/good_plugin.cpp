// A well-behaved test plugin: a blank-total rule and a rule that echoes its option, the
// tolerance and a plugin setting (so tests can see configuration reach a rule).
#include <memory>
#include <string>

#include "fincheck/fincheck.hpp"

namespace {

using namespace fincheck;

// Flags a table whose 合计 row is blank while other rows carry numbers.
class BlankTotalRule final : public Rule {
public:
    BlankTotalRule() {
        meta_.id = "test-blank-total";
        meta_.title_zh = "合计行为空";
        meta_.title_en = "Blank total row";
        meta_.category = "structure";
        meta_.default_severity = Severity::error;
        meta_.messages = {{"blank-total", "表 {table} 的合计行为空，但其他行有数字",
                           "Table {table}: the total row is blank while other rows carry numbers"}};
    }
    const RuleMeta& meta() const override { return meta_; }

    void check(const Report& report, const RuleContext&, FindingSink& sink) const override {
        for (const Table& table : report.tables) {
            const Row* total = nullptr;
            bool others_have_numbers = false;
            for (const Row& row : table.rows) {
                bool is_total = row.level == RowLevel::total || row.label == "合计";
                if (is_total && total == nullptr) total = &row;
                else if (!is_total && has_number(row)) others_have_numbers = true;
            }
            if (total && others_have_numbers && !has_number(*total))
                sink.add(FindingBuilder(meta_.id, "blank-total")
                             .at(Location::at_row(table, *total))
                             .arg("table", table.id)
                             .expected("合计数 / a total")
                             .actual("空白 / blank")
                             .build());
        }
    }

private:
    static bool has_number(const Row& row) {
        for (const Cell& cell : row.cells)
            if (cell.value) return true;
        return false;
    }
    RuleMeta meta_;
};

// One info finding per report carrying its configuration.
class EchoRule final : public Rule {
public:
    explicit EchoRule(std::string mark) : mark_(std::move(mark)) {
        meta_.id = "test-echo";
        meta_.title_zh = "回显配置";
        meta_.title_en = "Echo the configuration";
        meta_.category = "structure";
        meta_.default_severity = Severity::info;
        meta_.options = {{"greeting", OptionType::string, "你好", "问候语", "greeting"},
                         {"repeat", OptionType::integer, "1", "重复次数", "findings to report"}};
        meta_.messages = {{"echo", "问候 {greeting}，半单位 {half}，标记 {mark}",
                           "greeting {greeting}, half unit {half}, mark {mark}"}};
    }
    const RuleMeta& meta() const override { return meta_; }

    void check(const Report&, const RuleContext& context, FindingSink& sink) const override {
        long long repeat = context.option_integer("repeat").value_or(1);
        context.log().write(LogLevel::debug, "echo");
        for (long long i = 0; i < repeat; ++i)
            sink.add(FindingBuilder(meta_.id, "echo")
                         .arg("greeting", context.option("greeting").value_or("?"))
                         .arg("half", context.tolerance().half_unit, 3)
                         .arg("mark", mark_)
                         .build());
    }

private:
    RuleMeta meta_;
    std::string mark_;
};

class GoodPlugin final : public Plugin {
public:
    explicit GoodPlugin(const PluginEnvironment& environment)
        : echo_(environment.settings.contains("mark") ? environment.settings.at("mark") : "-") {}
    std::vector<const Rule*> rules() const override { return {&blank_total_, &echo_}; }

private:
    BlankTotalRule blank_total_;
    EchoRule echo_;
};

std::unique_ptr<Plugin> create_good_plugin(const PluginEnvironment& environment) {
    return std::make_unique<GoodPlugin>(environment);
}

}  // namespace

FINCHECK_PLUGIN("test-good", "0.1.0", "宿主测试用插件 / host test plugin", &create_good_plugin)
