// Recall of the template-residue rules on the official 2024 Shanghai template (附件2：部门决算模板,
// corpus pdf/shanghai-template-2024.pdf): its placeholders, instructions and unresolved choices are
// exactly what must not survive into a published report, so audited as if it were one, every
// text of it that holds one must be reported. The PDF is not in the repository: the test skips,
// saying where it looked, when it is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <pugixml.hpp>
#include <set>
#include <string>

#include "fincheck_test/corpus.hpp"
#include "run_command.hpp"

namespace {

namespace fs = std::filesystem;

// What marks a text as the template's rather than a unit's: a placeholder, a note to the writer,
// a choice left open.
bool holds_template_residue(std::string_view text) {
    static constexpr std::string_view kMarks[] = {"XX",         "××",
                                                  "请",         "填写",
                                                  "作持平表述", "不涉及的不列",
                                                  "作下述说明", "仍保留该表格式",
                                                  "制度名称",   "不列举主要内容",
                                                  "（增加）",   "（减少）",
                                                  "（增长）",   "（下降）",
                                                  "（大于）",   "（小于）"};
    for (std::string_view mark : kMarks)
        if (text.find(mark) != std::string_view::npos) return true;
    return false;
}

TEST(CorpusTemplate, EveryTextOfTheShanghaiTemplateThatHoldsResidueIsReported) {
    const fs::path pdf = fincheck::corpus::dir() / "pdf" / "shanghai-template-2024.pdf";
    if (!fs::is_regular_file(pdf))
        GTEST_SKIP() << "the official Shanghai template is not at " << pdf
                     << "; set FINCHECK_CORPUS_DIR to the corpus folder to run this test";
    const fs::path scratch = fs::path(FINCHECK_TEST_SCRATCH_DIR) / "template";
    fs::create_directories(scratch);
    const fs::path report = scratch / "template.xml", audit = scratch / "template.audit.xml";
    const std::string cli = std::string("'") + FINCHECK_CLI + "' ";
    ASSERT_EQ(fincheck::corpus::run_command(cli + "import '" + pdf.string() + "' -o '" +
                                            report.string() + "' >/dev/null 2>&1"),
              0);
    ASSERT_LE(fincheck::corpus::run_command(cli + "check '" + report.string() + "' -o '" +
                                            audit.string() + "' >/dev/null 2>&1"),
              1);

    pugi::xml_document imported, audited;
    ASSERT_TRUE(imported.load_file(report.c_str()));
    ASSERT_TRUE(audited.load_file(audit.c_str()));
    std::set<unsigned> reported;  // source lines with a residue finding
    for (pugi::xml_node f : audited.child("audit-report").child("findings").children("finding")) {
        const std::string rule = f.attribute("rule").as_string();
        if (rule == "structure-placeholder-text" || rule == "structure-unresolved-alternative")
            reported.insert(f.child("location").attribute("line").as_uint());
    }
    std::size_t texts = 0;
    std::set<std::string> seen;  // a paragraph printed twice is one defect, reported once
    for (pugi::xpath_node node :
         imported.select_nodes("//title | //section | //p | //li | //note | //toc/entry")) {
        const pugi::xml_node element = node.node();
        const std::string text =
            std::string(element.text().as_string()) + element.attribute("heading").as_string();
        if (!holds_template_residue(text)) continue;
        ++texts;
        const unsigned line = element.attribute("line").as_uint();
        EXPECT_TRUE(reported.count(line) || seen.count(text))
            << "line " << line << " of the imported template is not reported: " << text;
        seen.insert(text);
    }
    EXPECT_GT(texts, 40u) << "the template's residue was not imported as text";
}

}  // namespace
