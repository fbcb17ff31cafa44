// The acceptance suite of issues #13 (item 1) and #18: one broken rule pack or config per
// mistake an audit office makes, each written to a fresh folder and run through the real
// fincheck (check, and lint for the packs), asserting the exit code and the key of the message:
// the file, the line and what is wrong. The cases that must WORK (a declared GBK pack, UTF-16,
// a BOM with CRLF) run the report and expect its findings (exit 1), not an error.
#include <gtest/gtest.h>

#include <iconv.h>

#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fincheck/utf8.hpp"
#include "test_support.hpp"

namespace fincheck {
namespace {

namespace fs = std::filesystem;
using test::quote;

const std::string kReport = quote(std::string(FINCHECK_SOURCE_DIR) + "/examples/sample-report-2024.xml");

// A valid district pack: every case below breaks one thing in it (or in a config).
const std::string kPack = R"(<?xml version="1.0" encoding="UTF-8"?>
<rulepack id="wuhan" version="1" extends="national">
  <title zh="武汉市补充规则" en="Wuhan additions"/>
  <applies><match region-prefix="武汉市"/></applies>
  <override rule="xtab-03-05-basic" severity="info"/>
  <rule id="xtab-wuhan-housing" category="cross-table">
    <title zh="01表住房保障支出" en="01 housing"/>
    <message zh="{check}：{actual} ≠ {expected}" en="{check_en}: {actual} vs {expected}"/>
    <check label-zh="01表住房保障支出" label-en="01 housing">
      <left><cell table="01" row="expenditure/221" column="决算数"/></left>
      <right><sum-rows table="05" rows="2210201|2210202" missing="zero" column="合计"/></right>
    </check>
  </rule>
</rulepack>
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("test pack lacks: " + from);
    return text.replace(at, from.size(), to);
}

// The pack with `line` (a whole element) added before </rulepack>.
std::string pack_plus(const std::string& line) { return replaced(kPack, "</rulepack>", line + "\n</rulepack>"); }

// 合计 in GBK.
const std::string kGbkTotal = "\xBA\xCF\xBC\xC6";

// The whole text in another encoding, as an editor would save it.
std::string encoded(const std::string& utf8, const char* encoding) {
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open");
    std::string input = utf8;
    std::string output(utf8.size() * 2 + 16, '\0');
    char* in = input.data();
    char* out = output.data();
    std::size_t in_left = input.size();
    std::size_t out_left = output.size();
    const std::size_t done = iconv(cd, &in, &in_left, &out, &out_left);
    iconv_close(cd);
    if (done == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv");
    output.resize(output.size() - out_left);
    return output;
}

std::string utf16le_with_bom(const std::string& utf8) {
    std::string out = "\xFF\xFE";
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = utf8::next_code_point(utf8, pos);
        out += static_cast<char>(cp & 0xFF);
        out += static_cast<char>((cp >> 8) & 0xFF);
    }
    return out;
}

std::string crlf(std::string text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

struct Case {
    std::string name;
    std::vector<std::pair<std::string, std::string>> files;  // relative path → bytes
    std::string args;  // after "check REPORT"; {dir} is the case's folder
    int exit_code;
    std::vector<std::string> messages;  // each must appear in stderr
    bool lint_too = false;              // `fincheck lint {dir}/p.xml` must say the same
};

std::string config(const std::string& body) { return "<fincheck version=\"1\">\n" + body + "\n</fincheck>\n"; }

const std::string kWithPack = "--rulepack {dir}/p.xml";
const std::string kWithConfig = "--config {dir}/fincheck.xml";

std::vector<Case> cases() {
    return {
        // ---- rule packs ------------------------------------------------------------------
        {"pack_malformed_xml", {{"p.xml", replaced(kPack, "</rule>\n", "")}}, kWithPack, 2, {"p.xml:13:", "malformed XML"}, true},
        {"pack_empty_file", {{"p.xml", ""}}, kWithPack, 2, {"p.xml:1:", "the file is empty"}, true},
        {"pack_missing_file", {}, kWithPack, 2, {"p.xml: no such file"}},
        // Tests run as root in CI, where chmod 000 does not make a file unreadable; a folder
        // where a file is expected is the unreadable case that holds for every user.
        {"pack_unreadable_file", {{"p.xml/x", "x"}}, kWithPack, 2, {"p.xml: not a regular file"}},
        {"pack_region_prefix_typo", {{"p.xml", replaced(kPack, "\"武汉市\"", "\"武汉汉阳区\"")}}, kWithPack, 2,
         {"p.xml:4: ", "武汉汉阳区", "did you mean 武汉市汉阳区?"}, true},
        {"pack_row_key_typo", {{"p.xml", replaced(kPack, "expenditure/221", "expenditure/本年支出合记")}}, kWithPack, 2,
         {"p.xml:10: ", "row \"expenditure/本年支出合记\"", "did you mean expenditure/本年支出合计?"}, true},
        {"pack_total_row_typo", {{"p.xml", replaced(kPack, "table=\"01\" row=\"expenditure/221\" column=\"决算数\"", "table=\"09\" row=\"总计\" column=\"决算数/合计\"")}},
         kWithPack, 2, {"p.xml:10: ", "row \"总计\"", "did you mean 合计?"}, true},
        {"pack_column_typo", {{"p.xml", replaced(kPack, "column=\"合计\"", "column=\"合記\"")}}, kWithPack, 2,
         {"p.xml:11: ", "column \"合記\""}, true},
        {"pack_table_typo", {{"p.xml", replaced(kPack, "table=\"05\"", "table=\"50\"")}}, kWithPack, 2,
         {"p.xml:11: ", "table \"50\""}, true},
        {"pack_disables_its_own_rule", {{"p.xml", pack_plus("  <disable rule=\"xtab-wuhan-housing\"/>")}}, kWithPack, 2,
         {"p.xml:14: ", "which it defines itself"}, true},
        {"pack_undefined_message_placeholder", {{"p.xml", replaced(kPack, "{actual} ≠", "{actaul} ≠")}}, kWithPack, 2,
         {"p.xml:6: ", "{actaul}", "did you mean actual?"}, true},
        {"pack_undefined_label_placeholder", {{"p.xml", replaced(kPack, "label-zh=\"01表", "label-zh=\"{c}01表")}}, kWithPack, 2,
         {"p.xml:9: ", "{c}"}, true},
        {"pack_duplicate_rule", {{"p.xml", replaced(kPack, "</rulepack>", kPack.substr(kPack.find("  <rule id"), kPack.find("</rulepack>") - kPack.find("  <rule id")) + "</rulepack>")}},
         kWithPack, 2, {"p.xml:14: ", "twice"}, true},
        {"pack_duplicate_table", {{"p.xml", pack_plus("  <tables><table id=\"05\"/><table id=\"05\"/></tables>")}}, kWithPack, 2,
         {"p.xml:14: ", "declares table 05 twice"}, true},
        {"pack_duplicate_override", {{"p.xml", pack_plus("  <override rule=\"xtab-03-05-basic\" severity=\"error\"/>")}}, kWithPack, 2,
         {"p.xml:14: ", "overrides rule xtab-03-05-basic twice"}, true},
        {"pack_duplicate_id_in_one_folder",
         {{"d/rulepacks/a.xml", kPack}, {"d/rulepacks/b.xml", kPack}}, "--data-dir {dir}/d", 2,
         {"b.xml:2: ", "pack id wuhan is also the id of", "a.xml"}},
        {"pack_extends_unknown_pack", {{"p.xml", replaced(kPack, "extends=\"national\"", "extends=\"nationl\"")}}, kWithPack, 2,
         {"p.xml:2: ", "did you mean national?"}, true},
        {"pack_overrides_unknown_rule", {{"p.xml", replaced(kPack, "xtab-03-05-basic", "xtab-03-05-basc")}}, kWithPack, 2,
         {"p.xml:5: ", "did you mean xtab-03-05-basic?"}, true},
        {"pack_disables_unknown_rule", {{"p.xml", pack_plus("  <disable rule=\"arith-99-nothing\"/>")}}, kWithPack, 2,
         {"p.xml:14: ", "disables rule arith-99-nothing"}, true},
        {"pack_never_selectable", {{"p.xml", replaced(kPack, "  <applies><match region-prefix=\"武汉市\"/></applies>\n", "")}},
         kWithPack, 2, {"p.xml:2: ", "never selected"}, true},
        {"pack_unknown_element", {{"p.xml", pack_plus("  <disabel rule=\"x\"/>")}}, kWithPack, 2,
         {"p.xml:14: ", "<disabel>"}, true},
        {"pack_bad_severity", {{"p.xml", replaced(kPack, "severity=\"info\"", "severity=\"fatal\"")}}, kWithPack, 2,
         {"p.xml:5: ", "fatal"}, true},
        {"pack_gbk_undeclared", {{"p.xml", encoded(replaced(kPack, " encoding=\"UTF-8\"", ""), "GBK")}},
         kWithPack, 2, {"p.xml:3:", "not UTF-8", "encoding=\"GB18030\""}, true},
        // Column and row keys in GBK must come out as the table model's UTF-8 keys, or the
        // pack would be rejected for an undeclared column.
        {"pack_gbk_declared_works", {{"p.xml", encoded(replaced(kPack, "encoding=\"UTF-8\"", "encoding=\"GBK\""), "GBK")}},
         kWithPack, 1, {}},
        {"pack_gb18030_declared_works",
         {{"p.xml", encoded(replaced(kPack, "encoding=\"UTF-8\"", "encoding=\"GB18030\""), "GB18030")}}, kWithPack, 1, {}},
        {"pack_gbk_declared_with_a_typo_names_the_line",
         {{"p.xml", encoded(replaced(replaced(kPack, "encoding=\"UTF-8\"", "encoding=\"GBK\""), "column=\"合计\"", "column=\"合記\""), "GBK")}},
         kWithPack, 2, {"p.xml:11: ", "column \"合記\""}},
        {"pack_utf16_with_bom_works", {{"p.xml", utf16le_with_bom(replaced(kPack, "UTF-8", "UTF-16"))}}, kWithPack, 1, {}},
        {"pack_bom_and_crlf_work", {{"p.xml", "\xEF\xBB\xBF" + crlf(kPack)}}, kWithPack, 1, {}},
        {"pack_crlf_keeps_line_numbers", {{"p.xml", crlf(replaced(kPack, "expenditure/221", "expenditure/本年支出合记"))}}, kWithPack, 2,
         {"p.xml:10: "}},
        {"every_broken_pack_of_a_folder_at_once",
         {{"d/rulepacks/a.xml", replaced(kPack, "\"武汉市\"", "\"武汉汉阳区\"")},
          {"d/rulepacks/b.xml", replaced(replaced(kPack, "id=\"wuhan\"", "id=\"wuhan2\""), "row=\"expenditure/221\"", "row=\"总计\"")},
          {"d/rulepacks/c.xml", "<rulepack"}},
         "--data-dir {dir}/d", 2, {"a.xml:4: ", "b.xml:10: ", "c.xml:1: "}},
        // A lexicon goes in with --rulepack too (docs/lexicon.md): the narrative plugin's.
        {"lexicon_via_rulepack_works", {{"p.xml", "<lexicon name=\"wuhan\" version=\"1\">\n</lexicon>\n"}}, kWithPack, 1, {}},
        {"lexicon_via_rulepack_broken",
         {{"p.xml", "<lexicon name=\"wuhan\" version=\"1\">\n  <contexts><context id=\"x\" matc=\"y\"/></contexts>\n</lexicon>\n"}},
         kWithPack, 2, {"fincheck_narrative.so [create-failed]", "p.xml: ", "<context> needs id and match"}, true},
        // ---- configs ---------------------------------------------------------------------
        {"config_unknown_version", {{"fincheck.xml", "<?xml version=\"1.0\"?>\n<fincheck version=\"2\"/>\n"}}, kWithConfig, 2,
         {"fincheck.xml:2:1: ", "unsupported config version \"2\""}},
        {"config_malformed_xml", {{"fincheck.xml", "<fincheck version=\"1\">\n  <rule id=\"a\">\n</fincheck>\n"}}, kWithConfig, 2,
         {"fincheck.xml:3:", "malformed XML"}},
        {"config_missing", {}, kWithConfig, 2, {"fincheck.xml: ", "does not exist"}},
        {"config_empty", {{"fincheck.xml", ""}}, kWithConfig, 2, {"fincheck.xml:1:1: ", "the file is empty"}},
        {"config_duplicate_rule", {{"fincheck.xml", config("  <rule id=\"years-*\" severity=\"info\"/>\n  <rule id=\"years-*\" enabled=\"false\"/>")}},
         kWithConfig, 2, {"fincheck.xml:3:3: ", "defined twice", "first defined at line 2"}},
        {"config_duplicate_rules_select", {{"fincheck.xml", config("  <rules select=\"-years-*\"/>\n  <rules select=\"-narrative-*\"/>")}},
         kWithConfig, 2, {"fincheck.xml:3:3: ", "defined twice"}},
        {"config_rule_id_matches_nothing", {{"fincheck.xml", config("  <rule id=\"arith-01-class-line\" severity=\"info\"/>")}},
         kWithConfig, 2, {"fincheck.xml:2:3: ", "did you mean arith-01-class-lines?"}},
        {"config_selection_matches_nothing", {{"fincheck.xml", config("  <rules select=\"-yeras-*\"/>")}}, kWithConfig, 2,
         {"fincheck.xml:2:3: ", "yeras-*", "matches no loaded rule"}},
        {"cli_rules_match_nothing", {}, "--rules 'nosuch-*'", 2, {"--rules: ", "nosuch-*"}},
        {"config_settings_for_unknown_plugin", {{"fincheck.xml", config("  <plugin name=\"narative\"><setting name=\"a\" value=\"b\"/></plugin>")}},
         kWithConfig, 2, {"fincheck.xml:2:3: ", "did you mean narrative?"}},
        {"config_unknown_arith_setting", {{"fincheck.xml", config("  <plugin name=\"arith\"><setting name=\"requir-pack\" value=\"false\"/></plugin>")}},
         kWithConfig, 2, {"fincheck_arith.so [create-failed]", "did you mean require-pack?"}},
        {"config_unknown_xtab_setting", {{"fincheck.xml", config("  <plugin name=\"xtab\"><setting name=\"pak\" value=\"national\"/></plugin>")}},
         kWithConfig, 2, {"fincheck_xtab.so [create-failed]", "did you mean pack?"}},
        // The tables plugin was split: its old name in a config would configure or disable nothing.
        {"config_retired_tables_plugin_settings",
         {{"fincheck.xml", config("  <plugin name=\"tables\"><setting name=\"pack\" value=\"national\"/></plugin>")}},
         kWithConfig, 2,
         {"fincheck.xml:2:3: ", "插件 tables 已拆分为 arith（表内合计，arith-* 规则）和 xtab（表间勾稽，xtab-* 规则）",
          "the tables plugin was split into arith",
          "<plugin name=\"arith\"><setting name=\"pack\" value=\"national\"/></plugin> <plugin name=\"xtab\"><setting name=\"pack\" value=\"national\"/></plugin>"}},
        {"config_retired_tables_plugin_disabled", {{"fincheck.xml", config("  <plugin name=\"tables\" enabled=\"false\"/>")}},
         kWithConfig, 2,
         {"fincheck.xml:2:3: ", "write instead: <plugin name=\"arith\" enabled=\"false\"/> <plugin name=\"xtab\" enabled=\"false\"/>"}},
        {"config_arith_and_xtab_settings_work",
         {{"fincheck.xml", config("  <plugin name=\"arith\"><setting name=\"pack\" value=\"national\"/></plugin>\n"
                                  "  <plugin name=\"xtab\"><setting name=\"require-pack\" value=\"true\"/></plugin>")}},
         kWithConfig, 1, {}},
        {"config_unknown_element", {{"fincheck.xml", config("  <rulez select=\"*\"/>")}}, kWithConfig, 2,
         {"fincheck.xml:2:3: ", "<rulez>"}},
        {"config_gbk_undeclared", {{"fincheck.xml", config("  <!-- " + kGbkTotal + " -->")}}, kWithConfig, 2,
         {"fincheck.xml:2:", "not UTF-8"}},
        {"config_gbk_declared_works",
         {{"fincheck.xml", "<?xml version=\"1.0\" encoding=\"GBK\"?>\n" + config("  <!-- " + kGbkTotal + " -->\n  <rule id=\"years-*\" severity=\"info\"/>")}},
         kWithConfig, 1, {}},
        {"config_bom_and_crlf_work", {{"fincheck.xml", "\xEF\xBB\xBF" + crlf(config("  <rule id=\"years-*\" severity=\"info\"/>"))}},
         kWithConfig, 1, {}},
        {"config_names_a_broken_pack", {{"fincheck.xml", config("  <rulepack path=\"p.xml\"/>")}, {"p.xml", replaced(kPack, "\"武汉市\"", "\"武汉汉阳区\"")}},
         kWithConfig, 2, {"p.xml:4: ", "did you mean 武汉市汉阳区?"}},
    };
}

std::string expand(std::string text, const fs::path& dir) {
    for (std::size_t at = text.find("{dir}"); at != std::string::npos; at = text.find("{dir}", at))
        text.replace(at, 5, dir.string());
    return text;
}

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class BrokenConfig : public ::testing::TestWithParam<Case> {};

TEST_P(BrokenConfig, ExitsWithTheCodeAndNamesFileLineAndProblem) {
    const Case& c = GetParam();
    const fs::path dir = test::scratch_dir("broken-" + c.name);
    for (const auto& [name, bytes] : c.files) {
        fs::create_directories((dir / name).parent_path());
        test::write_file(dir / name, bytes);
    }
    const test::CliRun run = test::run_fincheck("check " + kReport + " " + expand(c.args, dir), "broken-" + c.name);
    EXPECT_EQ(run.exit_code, c.exit_code) << run.err;
    for (const std::string& message : c.messages) EXPECT_NE(run.err.find(message), std::string::npos) << message << "\n" << run.err;
    if (c.exit_code != 2) {
        EXPECT_EQ(run.err, "");
    }
    if (!c.lint_too) return;
    const test::CliRun lint = test::run_fincheck("lint " + quote((dir / "p.xml").string()), "broken-lint-" + c.name);
    EXPECT_EQ(lint.exit_code, 2) << lint.out;
    for (const std::string& message : c.messages) EXPECT_NE(lint.out.find(message), std::string::npos) << message << "\n" << lint.out;
}

INSTANTIATE_TEST_SUITE_P(EveryMistake, BrokenConfig, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.param.name; });

TEST(BrokenConfigSuite, HoldsAtLeastThirtyMistakes) { EXPECT_GE(cases().size(), 30u); }

// The listing commands show what loaded, but a rejected pack must not look clean (#18).
TEST(BrokenConfigSuite, RulesWithARejectedPackListsTheProblemAndExitsTwo) {
    const fs::path dir = test::scratch_dir("rules-bad-pack");
    test::write_file(dir / "p.xml", replaced(kPack, "\"武汉市\"", "\"武汉汉阳区\""));
    const test::CliRun run = test::run_fincheck("rules --rulepack " + quote((dir / "p.xml").string()), "rules-bad-pack");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.out.find("fincheck_arith.so [create-failed]"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("fincheck_xtab.so [create-failed]"), std::string::npos) << run.out;
}

TEST(Lint, ACleanPackAndConfigExitZero) {
    const fs::path dir = test::scratch_dir("lint-clean");
    test::write_file(dir / "p.xml", kPack);
    test::write_file(dir / "fincheck.xml", config("  <rulepack path=\"p.xml\"/>\n  <rule id=\"xtab-wuhan-*\" severity=\"warning\"/>"));
    const test::CliRun run = test::run_fincheck("lint " + quote(dir.string()), "lint-clean");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    EXPECT_NE(run.out.find("2 个文件无误 / file(s) OK"), std::string::npos) << run.out;
}

TEST(Lint, TheShippedPacksAndRegionsAreClean) {
    const std::string rulepacks = std::string(FINCHECK_SOURCE_DIR) + "/rulepacks/";
    const test::CliRun run = test::run_fincheck(
        "lint " + quote(rulepacks + "packs") + " " + quote(rulepacks + "tests/packs") + " " + quote(rulepacks + "data/regions"),
        "lint-shipped");
    EXPECT_EQ(run.exit_code, 0) << run.out;
}

TEST(Lint, AFileThatIsNeitherPackNorConfigAndAMissingPathAreProblems) {
    const fs::path dir = test::scratch_dir("lint-other");
    test::write_file(dir / "report.xml", "<report/>");
    const test::CliRun run = test::run_fincheck("lint " + quote((dir / "report.xml").string()) + " /no/such/pack.xml", "lint-other");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.out.find("report.xml: "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("/no/such/pack.xml: "), std::string::npos) << run.out;
}

}  // namespace
}  // namespace fincheck
