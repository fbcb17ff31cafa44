#include "rule_folders.hpp"

#include <algorithm>

#include "fincheck/testing.hpp"

namespace fincheck::rule_fixtures {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> xml_files_in(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

bool is_silent(const fs::path& fixture) { return fixture.filename().string().starts_with(kSilentPrefix); }

// XML comments may not hold "--": the suggested quote stops before one.
std::string quotable(std::string message) {
    if (auto dash = message.find("--"); dash != std::string::npos) message.resize(dash);
    return message;
}

// The last part of a section path ("第三部分 … / 一、收入支出决算总体情况说明").
std::string innermost_section(const std::string& path) {
    const auto slash = path.rfind(" / ");
    return slash == std::string::npos ? path : path.substr(slash + 3);
}

void check_fixture(const Rule& rule, const fs::path& fixture, const std::vector<std::string>& plugin_rule_ids,
                   std::vector<std::string>& problems) {
    const testing::FixtureRun run = testing::run_fixture(rule, fixture, {}, plugin_rule_ids);
    const std::string name = fixture.string();
    for (const std::string& mismatch : run.mismatches) problems.push_back(name + ": " + mismatch);
    if (is_silent(fixture) && !run.expectations.empty())
        problems.push_back(name + ": a silent*.xml fixture must stay silent, yet it expects " +
                           std::to_string(run.expectations.size()) + " finding(s)");
    if (!is_silent(fixture) && run.expectations.empty())
        problems.push_back(name + ": expects no finding of " + rule.meta().id +
                           "; a fixture where the rule must stay silent is named silent*.xml");
    for (std::size_t e = 0; e < run.expectations.size(); ++e) {
        const testing::Expectation& x = run.expectations[e];
        if (run.matched_finding[e] == std::string::npos) continue;
        const Finding& finding = run.findings[run.matched_finding[e]];
        const std::string at = name + ":" + std::to_string(x.line) + ": ";
        // Every expectation says what the finding must say, not only where it is.
        if (x.message.empty())
            problems.push_back(at + "expect quotes no message; the finding says \"" +
                               quotable(testing::rendered_message(rule.meta(), finding)) + "\"");
        // Prose in a section is named by its section, which survives a paragraph added above it.
        if (x.location.starts_with("block:") && !finding.location.section.empty())
            problems.push_back(at + "expect names " + x.location + "; name its section instead: @ §" +
                               innermost_section(finding.location.section));
    }
}

}  // namespace

std::vector<std::string> check_rule(const Rule& rule, const fs::path& home,
                                    const std::vector<std::string>& plugin_rule_ids, int* fixtures_run) {
    std::vector<std::string> problems;
    const std::string& id = rule.meta().id;
    const fs::path page = home / "rules" / (id + ".md");
    if (!fs::is_regular_file(page))
        problems.push_back("rule " + id + " has no doc page: expected " + page.string() +
                           " (docs/writing-a-rule.md)");
    else if (!rule.meta().docs.ends_with("rules/" + id + ".md"))
        problems.push_back("rule " + id + " points its docs at \"" + rule.meta().docs + "\", not at its page " +
                           page.string());

    const fs::path folder = home / "fixtures" / id;
    if (!fs::is_directory(folder)) {
        std::string hint;
        if (fs::exists(home / "fixtures" / (id + ".xml")))
            hint = "; the flat fixtures/" + id + ".xml moves to fixtures/" + id + "/fires.xml, and fixtures/" + id +
                   ".<case>.xml to fixtures/" + id + "/<case>.xml (silent-<case>.xml when it must stay silent)";
        problems.push_back("rule " + id + " has no fixture folder: expected " + folder.string() +
                           "/ holding fires.xml (and silent*.xml)" + hint);
        return problems;
    }
    const std::vector<fs::path> fixtures = xml_files_in(folder);
    if (fixtures_run) *fixtures_run = static_cast<int>(fixtures.size());
    if (std::none_of(fixtures.begin(), fixtures.end(), [](const fs::path& f) { return !is_silent(f); }))
        problems.push_back("rule " + id + ": " + folder.string() +
                           "/ holds no fixture where the rule fires (fires.xml, with expect: comments)");
    for (const fs::path& fixture : fixtures) check_fixture(rule, fixture, plugin_rule_ids, problems);
    return problems;
}

std::vector<std::string> orphans(const fs::path& home, const std::vector<std::string>& rule_ids) {
    std::vector<std::string> out;
    auto known = [&](const std::string& id) { return std::find(rule_ids.begin(), rule_ids.end(), id) != rule_ids.end(); };
    if (fs::is_directory(home / "rules"))
        for (const auto& entry : fs::directory_iterator(home / "rules"))
            if (entry.path().extension() == ".md" && !known(entry.path().stem().string()))
                out.push_back(entry.path().string() + ": a page for no rule of the plugin");
    if (fs::is_directory(home / "fixtures"))
        for (const auto& entry : fs::directory_iterator(home / "fixtures")) {
            const std::string name = entry.path().filename().string();
            if (entry.is_directory() && name.find('-') != std::string::npos && !known(name))
                out.push_back(entry.path().string() + "/: a fixture folder for no rule of the plugin");
            if (entry.is_regular_file() && entry.path().extension() == ".xml")
                out.push_back(entry.path().string() + ": a flat fixture; it belongs in fixtures/<rule id>/");
        }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace fincheck::rule_fixtures
