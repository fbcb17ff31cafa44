// The precision guard on real reports. For each corrections/<key>.corrections, the corpus report
// <key> with those edits applied must audit with no error and no warning (a rule that fires on a
// corrected report raises a false alarm a customer would see), and the original must show each
// genuine error the file lists, by its rule, on its line. The corpus text itself is never in the
// repository: the tests skip, saying where they looked, when it is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fincheck_test/corpus_test.hpp"
#include "run_command.hpp"

namespace {

namespace fs = std::filesystem;

struct Correction {
    std::size_t line = 0;  // 1-based line of the corpus text
    std::string old_text;
    std::string new_text;
    std::string rule;    // finds:
    std::string reason;  // reason:
    std::size_t at = 0;  // line of the corrections file, for messages
};

struct Corrections {
    std::vector<Correction> edits;
    std::vector<std::string> problems;  // "file:line: what is wrong"
};

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

// "line N: OLD → NEW", then indented "finds: RULE" and "reason: …"; '#' starts a comment line.
Corrections parse_corrections(const fs::path& file) {
    Corrections out;
    std::ifstream in(file);
    if (!in) out.problems.push_back(file.string() + ": cannot read");
    const std::string arrow = "→";
    std::string raw;
    for (std::size_t number = 1; std::getline(in, raw); ++number) {
        const std::string where = file.filename().string() + ":" + std::to_string(number) + ": ";
        const std::string line = trimmed(raw);
        if (line.empty() || line.starts_with("#")) continue;
        if (line.starts_with("line ")) {
            Correction c;
            c.at = number;
            const auto colon = line.find(':');
            const auto split = line.find(arrow);
            if (colon == std::string::npos || split == std::string::npos || split < colon) {
                out.problems.push_back(where + "expected 'line N: OLD → NEW'");
                continue;
            }
            c.line = std::strtoul(line.substr(5, colon - 5).c_str(), nullptr, 10);
            c.old_text = trimmed(line.substr(colon + 1, split - colon - 1));
            c.new_text = trimmed(line.substr(split + arrow.size()));
            if (c.line == 0 || c.old_text.empty())
                out.problems.push_back(where + "no line number or no old text");
            out.edits.push_back(std::move(c));
        } else if (out.edits.empty()) {
            out.problems.push_back(where + "'" + line + "' before the first 'line N:' edit");
        } else if (line.starts_with("finds:")) {
            out.edits.back().rule = trimmed(line.substr(6));
        } else if (line.starts_with("reason:")) {
            out.edits.back().reason = trimmed(line.substr(7));
        } else {
            out.problems.push_back(where + "expected 'finds:' or 'reason:', found '" + line + "'");
        }
    }
    for (const Correction& c : out.edits) {
        const std::string where = file.filename().string() + ":" + std::to_string(c.at) + ": ";
        if (c.rule.empty())
            out.problems.push_back(where + "the edit names no rule that finds the error (finds:)");
        if (c.reason.empty())
            out.problems.push_back(where + "the edit gives no auditor's reason (reason:)");
    }
    return out;
}

std::vector<fs::path> corrections_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(FINCHECK_CORRECTIONS_DIR))
        if (entry.path().extension() == ".corrections") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> read_lines(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

struct Audited {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::multiset<std::pair<std::string, std::size_t>> findings;  // rule, source line
    std::string text;                                             // the text audit, for messages
};

std::optional<Audited> audit(const fs::path& report, const fs::path& scratch) {
    const fs::path xml = scratch / (report.stem().string() + ".audit.xml");
    const fs::path text = scratch / (report.stem().string() + ".audit.txt");
    const std::string check = std::string("'") + FINCHECK_CLI + "' check '" + report.string() + "'";
    // 0: nothing at --fail-on, 1: findings; anything else is not an audit.
    if (fincheck::corpus::run_command(check + " -o '" + xml.string() + "' >/dev/null 2>&1") > 1)
        return std::nullopt;
    fincheck::corpus::run_command(check + " --format text --lang en > '" + text.string() +
                                  "' 2>&1");
    pugi::xml_document doc;
    if (!doc.load_file(xml.c_str())) return std::nullopt;
    Audited out;
    for (pugi::xml_node f : doc.child("audit-report").child("findings").children("finding")) {
        const std::string severity = f.attribute("severity").as_string();
        if (severity == "error") ++out.errors;
        if (severity == "warning") ++out.warnings;
        out.findings.emplace(f.attribute("rule").as_string(),
                             f.child("location").attribute("line").as_ullong());
    }
    std::ifstream in(text);
    std::stringstream all;
    all << in.rdbuf();
    out.text = all.str();
    return out;
}

TEST(CorpusCorrections, EveryFileIsWellFormedWithARuleAndAReasonPerEdit) {
    const std::vector<fs::path> files = corrections_files();
    ASSERT_FALSE(files.empty()) << "no corrections file in " << FINCHECK_CORRECTIONS_DIR;
    for (const fs::path& file : files) {
        const Corrections parsed = parse_corrections(file);
        EXPECT_TRUE(parsed.problems.empty()) << ::testing::PrintToString(parsed.problems);
        EXPECT_FALSE(parsed.edits.empty()) << file << " lists no correction";
    }
}

TEST(CorpusCorrections, CorrectedReportAuditsCleanAndTheOriginalShowsEachGenuineError) {
    for (const fs::path& file : corrections_files()) {
        const std::string key = file.stem().string();
        SCOPED_TRACE(key);
        FINCHECK_REQUIRE_CORPUS(key);
        const Corrections parsed = parse_corrections(file);
        ASSERT_TRUE(parsed.problems.empty()) << ::testing::PrintToString(parsed.problems);

        std::vector<std::string> lines = read_lines(fincheck::corpus::text(key));
        for (const Correction& c : parsed.edits) {
            ASSERT_LE(c.line, lines.size()) << file.filename() << ":" << c.at << ": the report has "
                                            << lines.size() << " lines";
            std::string& line = lines[c.line - 1];
            const auto at = line.find(c.old_text);
            ASSERT_NE(at, std::string::npos)
                << file.filename() << ":" << c.at << ": '" << c.old_text << "' is not on line "
                << c.line << ": " << line;
            ASSERT_EQ(line.find(c.old_text, at + 1), std::string::npos)
                << file.filename() << ":" << c.at << ": '" << c.old_text
                << "' is more than once on line " << c.line;
            line.replace(at, c.old_text.size(), c.new_text);
        }
        const fs::path scratch = fs::path(FINCHECK_TEST_SCRATCH_DIR) / key;
        fs::create_directories(scratch);
        const fs::path corrected = scratch / (key + "-corrected.txt");
        {
            std::ofstream out(corrected, std::ios::binary | std::ios::trunc);
            for (const std::string& line : lines) out << line << '\n';
        }

        const std::optional<Audited> clean = audit(corrected, scratch);
        ASSERT_TRUE(clean) << "fincheck could not audit " << corrected;
        EXPECT_EQ(clean->errors, 0u) << "false alarms on the corrected report:\n" << clean->text;
        EXPECT_EQ(clean->warnings, 0u) << "false alarms on the corrected report:\n" << clean->text;

        const std::optional<Audited> original = audit(fincheck::corpus::text(key), scratch);
        ASSERT_TRUE(original) << "fincheck could not audit " << fincheck::corpus::text(key);
        for (const Correction& c : parsed.edits)
            EXPECT_TRUE(original->findings.contains({c.rule, c.line}))
                << file.filename() << ":" << c.at << ": " << c.rule << " does not report line "
                << c.line << " of the original (" << c.reason << ")\n"
                << original->text;
    }
}

}  // namespace
