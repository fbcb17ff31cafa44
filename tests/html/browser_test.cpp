// The review page as a browser draws it: headless Chromium opens the page of the bundled sample
// PDF and of every corpus report with #fincheck-selfcheck, the page's script checks each of its
// findings (is its mark there, drawn, on which element) and writes one line per finding; the
// test compares those lines with the findings of the audit XML of the same report, so a finding
// marked on the wrong cell or sentence, or not drawn at all, fails here.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fincheck_test/corpus.hpp"

namespace fincheck {
namespace {

namespace fs = std::filesystem;

std::string quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(FINCHECK_TEST_SCRATCH_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// fincheck with the build tree's plugins only and a fixed locale; exit 1 (findings) is fine.
void fincheck(const std::string& args, const fs::path& dir) {
    const std::string command = "env -u FINCHECK_PLUGIN_PATH -u LC_ALL -u LC_MESSAGES LANG=C " +
                                quote(FINCHECK_EXECUTABLE) + " " + args + " >" +
                                quote((dir / "out.txt").string()) + " 2>" +
                                quote((dir / "err.txt").string());
    const int code = run(command);
    ASSERT_TRUE(code == 0 || code == 1)
        << command << " exited " << code << ": " << read_file(dir / "err.txt");
}

// The DOM after the page's script ran, as Chromium serialises it.
std::string dump_dom(const fs::path& page, const fs::path& dir) {
    if (run("command -v chromium >/dev/null") != 0) {
        ADD_FAILURE() << "chromium is not installed: tools/install-deps.sh installs it (Debian "
                         "package chromium)";
        return {};
    }
    const fs::path dom = dir / "dom.html";
    const std::string command =
        "timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--user-data-dir=" +
        quote((dir / "profile").string()) + " --virtual-time-budget=10000 --dump-dom " +
        quote("file://" + fs::absolute(page).string() + "#fincheck-selfcheck") + " >" +
        quote(dom.string()) + " 2>" + quote((dir / "chromium.log").string());
    const int code = run(command);
    EXPECT_EQ(code, 0) << command << "\n" << read_file(dir / "chromium.log");
    return read_file(dom);
}

std::string unescape(std::string text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            for (auto [entity, ch] :
                 {std::pair{"&amp;", "&"}, std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"},
                  std::pair{"&quot;", "\""}, std::pair{"&nbsp;", "\xC2\xA0"}}) {
                if (text.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
                    out += ch;
                    i += std::char_traits<char>::length(entity) - 1;
                    goto next;
                }
            }
        }
        out += text[i];
    next:;
    }
    return out;
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at = text.find(by); at != std::string::npos; at = text.find(by, from)) {
        parts.push_back(text.substr(from, at - from));
        from = at + 1;
    }
    parts.push_back(text.substr(from));
    return parts;
}

// What the page's script wrote: one line per finding, in the panel's order.
struct Checked {
    std::string id, rule, visible, kind, table, row, column, section, block, begin, end, line,
        evidence;
};

std::vector<Checked> selfcheck_lines(const std::string& dom) {
    const std::size_t tag = dom.find("<pre id=\"fc-selfcheck\"");
    if (tag == std::string::npos) return {};
    const std::size_t open_end = dom.find('>', tag);
    if (dom.substr(tag, open_end - tag).find("data-done=\"1\"") == std::string::npos) return {};
    EXPECT_NE(dom.substr(tag, open_end - tag).find("data-filters=\"ok\""), std::string::npos)
        << "the severity and rule filters: " << dom.substr(tag, open_end - tag);
    const std::string body =
        unescape(dom.substr(open_end + 1, dom.find("</pre>", open_end) - open_end - 1));
    std::vector<Checked> lines;
    if (body.empty()) return lines;
    for (const std::string& line : split(body, '\n')) {
        std::vector<std::string> f = split(line, '\t');
        f.resize(13);
        lines.push_back(
            {f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]});
    }
    return lines;
}

// Audits `input` to XML and to the review page, opens the page in Chromium and checks that
// every finding of the XML has its mark, drawn, on the element its location names.
void expect_every_finding_marked(const fs::path& input, const std::string& name) {
    const fs::path dir = scratch(name);
    fincheck("check " + quote(input.string()) + " -o " + quote((dir / "audit.xml").string()), dir);
    fincheck("check " + quote(input.string()) + " --format html -o " +
                 quote((dir / "review.html").string()),
             dir);
    pugi::xml_document audit;
    ASSERT_TRUE(audit.load_file((dir / "audit.xml").c_str()));
    const std::vector<Checked> checked = selfcheck_lines(dump_dom(dir / "review.html", dir));

    std::size_t i = 0;
    for (pugi::xml_node finding :
         audit.child("audit-report").child("findings").children("finding")) {
        SCOPED_TRACE(name + ": finding " + std::to_string(i) + " " +
                     finding.attribute("rule").as_string());
        ASSERT_LT(i, checked.size()) << "the page checked fewer findings than the audit has";
        const Checked& c = checked[i++];
        EXPECT_EQ(c.rule, finding.attribute("rule").as_string());
        EXPECT_EQ(c.visible, "visible") << "no drawn mark";
        const pugi::xml_node at = finding.child("location");
        const std::string table = at.attribute("table").as_string();
        const std::string row = at.attribute("row").as_string();
        const std::string column = at.attribute("column").as_string();
        if (!table.empty() && c.kind == "field") {
            // A labelled field of an attachment's form, named as a column of its table.
            EXPECT_TRUE(row.empty());
            EXPECT_EQ(c.column, column);
            EXPECT_NE((" " + c.table + " ").find(" " + table + " "), std::string::npos) << c.table;
        } else if (!table.empty()) {
            EXPECT_EQ(c.table, table);
            EXPECT_EQ(c.kind, !row.empty() && !column.empty() ? "cell"
                              : !row.empty()                  ? "row"
                              : !column.empty()               ? "column"
                                                              : "table");
            EXPECT_EQ(c.row, row);
            EXPECT_EQ(c.column, column);
        } else if (at.attribute("block")) {
            EXPECT_EQ(c.block, at.attribute("block").as_string());
            const unsigned begin = at.attribute("span-begin").as_uint(),
                           end = at.attribute("span-end").as_uint();
            if (end > begin) {
                EXPECT_EQ(c.kind, "span");
                EXPECT_EQ(c.begin, std::to_string(begin));
                EXPECT_EQ(c.end, std::to_string(end));
            } else {
                EXPECT_EQ(c.kind, "block");
            }
        } else if (at.attribute("section")) {
            EXPECT_EQ(c.kind, "section");
            EXPECT_EQ(c.section, at.attribute("section").as_string());
        } else {
            EXPECT_EQ(c.line, at.attribute("line").as_string())
                << "a line alone marks what was printed on it";
        }
        // Selecting the finding highlights every evidence element it has.
        std::size_t evidence = 0;
        for (pugi::xml_node e : finding.children("evidence")) evidence += e ? 1 : 0;
        const std::vector<std::string> counts = split(c.evidence, '/');
        ASSERT_EQ(counts.size(), 2u) << c.evidence;
        EXPECT_EQ(counts[0], counts[1]) << "evidence resolved but not highlighted";
        if (evidence > 0) {
            EXPECT_GT(std::stoul(counts[1]), 0u) << "evidence in the audit, none on the page";
        }
    }
    EXPECT_EQ(i, checked.size()) << "the page lists findings the audit does not have";
    EXPECT_GT(i, 0u) << "a test report without findings proves nothing about marks";
}

TEST(ReviewPageInBrowser, MarksEveryFindingOfTheSamplePdf) {
    expect_every_finding_marked(fs::path(FINCHECK_SOURCE_DIR) / "examples/sample-report-2024.pdf",
                                "sample-pdf");
}

TEST(ReviewPageInBrowser, MarksEveryFindingOfEveryCorpusReport) {
    if (!corpus::available())
        GTEST_SKIP() << "corpus not found at " << corpus::dir() << " (FINCHECK_CORPUS_DIR)";
    for (const corpus::Document& document : corpus::kDocuments) {
        if (!corpus::available(document.key)) continue;
        expect_every_finding_marked(corpus::text(document.key), std::string(document.key));
    }
    for (const char* pdf :
         {"putuo-social-work-dept-2024.pdf", "putuo-finance-bureau-2024-altered.pdf"}) {
        const fs::path file = corpus::dir() / "pdf" / pdf;
        if (fs::is_regular_file(file)) expect_every_finding_marked(file, std::string("pdf-") + pdf);
    }
}

// check --format html on a PDF: page numbers link to the PDF relative to the page's folder, so
// that the two can be moved or mailed together; the page goes to standard output as well.
TEST(ReviewPageOfAPdf, LinksPagesToThePdfRelativeToThePage) {
    const fs::path dir = scratch("pdf-links");
    fs::create_directories(dir / "in");
    fs::copy_file(fs::path(FINCHECK_SOURCE_DIR) / "examples/sample-report-2024.pdf",
                  dir / "in/report 1.pdf");
    fincheck("check " + quote((dir / "in/report 1.pdf").string()) + " --format html -o " +
                 quote((dir / "in/review.html").string()),
             dir);
    EXPECT_NE(read_file(dir / "in/review.html").find("href=\"report%201.pdf#page=4\">第 4 页</a>"),
              std::string::npos);
    fincheck("check " + quote((dir / "in/report 1.pdf").string()) + " --format html --lang en -o " +
                 quote((dir / "review.html").string()),
             dir);
    EXPECT_NE(read_file(dir / "review.html").find("href=\"in/report%201.pdf#page=4\">page 4</a>"),
              std::string::npos);
    fincheck("check " + quote((dir / "in/report 1.pdf").string()) + " --format html -o -", dir);
    const std::string out = read_file(dir / "out.txt");
    EXPECT_TRUE(out.starts_with("<!DOCTYPE html>")) << out.substr(0, 200);
    EXPECT_NE(out.find("<html lang=\"zh-CN\">"), std::string::npos)
        << "LANG=C gives Chinese, as the CLI does";
}

// Report text that is markup stays text: a cell and the title holding an <img onerror> and a
// <script> that would mark the body if they ran.
TEST(ReviewPageInBrowser, HostileReportTextDoesNotRun) {
    const fs::path dir = scratch("hostile");
    std::string xml = read_file(fs::path(FINCHECK_SOURCE_DIR) / "examples/minimal-report.xml");
    const std::string payload =
        "&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"&gt;"
        "&lt;script&gt;document.body.setAttribute('data-pwned','script')&lt;/script&gt;";
    auto replace = [&](const std::string& plain, const std::string& hostile) {
        const std::size_t at = xml.find(plain);
        ASSERT_NE(at, std::string::npos) << plain;
        xml.replace(at, plain.size(), hostile);
    };
    replace("<c col=\"0\">20.00</c>", "<c col=\"0\">" + payload + "</c>");
    replace("示例区示例局2024年度部门决算</title>", payload + "</title>");
    std::ofstream(dir / "hostile.xml", std::ios::binary) << xml;
    fincheck("check " + quote((dir / "hostile.xml").string()) + " --format html -o " +
                 quote((dir / "review.html").string()),
             dir);
    const std::string dom = dump_dom(dir / "review.html", dir);
    ASSERT_NE(dom.find("fc-selfcheck"), std::string::npos) << "the page did not load";
    EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos) << "report text ran as markup";
    EXPECT_NE(dom.find("&lt;script&gt;document.body.setAttribute"), std::string::npos)
        << "the text is shown as text";
}

}  // namespace
}  // namespace fincheck
