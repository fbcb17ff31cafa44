// batch --html: a review page beside every audit file and index.html for the run, worst first,
// with what is new and fixed against the baseline; a resumed run writes the pages it lacks.
#include <gtest/gtest.h>

#include "batch_test_support.hpp"
#include "fincheck/batch/review_pages.hpp"

namespace {

using namespace batchtest;
using fincheck::batch::ReportRecord;
using fincheck::batch::Status;

fs::path page_of(const fs::path& out, const pugi::xml_document& summary, const std::string& input) {
    return out / fincheck::batch::review_page_name(
                     report_node(summary, input).attribute("output").as_string());
}

TEST(BatchHtml, ReviewPageNameReplacesTheAuditSuffix) {
    EXPECT_EQ(fincheck::batch::review_page_name("a.txt-0123456789ab.audit.xml"),
              "a.txt-0123456789ab.html");
}

TEST(BatchHtml, WritesAPagePerReportAndAnIndexWorstFirstWithTheBaselineDiff) {
    const fs::path in = scratch("html/in");
    write_reports(in, 3, 10, [](std::size_t i, fincheck::Report& r) {
        add_marker(r, 3);
        if (i == 0) add_marker(r, 5);
    });
    auto engine = marker_engine();
    const fs::path before = scratch("html/before");
    run_batch(*engine, options({in.string()}, before));
    EXPECT_FALSE(fs::exists(before / "index.html")) << "no pages without --html";
    // Report 1 loses the marker in block 5 and gains two, in blocks 7 and 8: the most findings.
    write_reports(in, 3, 10, [](std::size_t i, fincheck::Report& r) {
        add_marker(r, 3);
        if (i == 0) {
            add_marker(r, 7);
            add_marker(r, 8);
        }
    });
    const fs::path after = scratch("html/after");
    auto o = options({in.string()}, after);
    o.baseline_dir = before;
    o.html = true;
    o.language = fincheck::engine::Language::en;
    run_batch(*engine, o);

    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((after / "summary.xml").c_str()));
    for (const char* input :
         {"in/report-000001.xml", "in/report-000002.xml", "in/report-000003.xml"}) {
        const fs::path page = page_of(after, summary, input);
        ASSERT_TRUE(fs::exists(page)) << page;
        EXPECT_NE(read(page).find("mark sev-"), std::string::npos)
            << "every report has a marker finding";
    }
    const std::string index = read(after / "index.html");
    const std::size_t worst = index.find(">in/report-000001.xml</a>");
    const std::size_t other = index.find(">in/report-000002.xml</a>");
    ASSERT_NE(worst, std::string::npos) << index;
    ASSERT_NE(other, std::string::npos) << index;
    EXPECT_LT(worst, other) << "the report with the most findings comes first";
    EXPECT_NE(
        index.find("href=\"" + page_of(after, summary, "in/report-000001.xml").filename().string() +
                   "\""),
        std::string::npos);
    EXPECT_NE(index.find("<span class=\"new\">new 2</span><span class=\"fixed\">fixed 1</span>"),
              std::string::npos)
        << index;
    // The run's defects, then each report's: the three markers of report 1 are three defects.
    EXPECT_NE(index.find("<span>defects 5</span>"), std::string::npos) << index;
    EXPECT_NE(index.find("report-000001.xml</a></td><td class=\"n defects\">3</td>"), std::string::npos) << index;
    EXPECT_NE(index.find("New findings 2"), std::string::npos);
    EXPECT_NE(index.find("block:7"), std::string::npos);
    EXPECT_NE(index.find("Fixed 1"), std::string::npos);
}

TEST(BatchHtml, AResumedRunWithHtmlWritesThePagesAnEarlierRunDidNot) {
    const fs::path in = scratch("html-resume/in");
    write_reports(in, 2, 11, [](std::size_t, fincheck::Report& r) { add_marker(r, 2); });
    auto engine = marker_engine();
    const fs::path out = scratch("html-resume/out");
    run_batch(*engine, options({in.string()}, out));
    auto o = options({in.string()}, out);
    o.resume = true;
    o.html = true;
    const auto result = run_batch(*engine, o);
    EXPECT_EQ(result.resumed, 0u) << "a report without its page is audited again";
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    EXPECT_TRUE(fs::exists(page_of(out, summary, "in/report-000001.xml")));
    EXPECT_TRUE(fs::exists(out / "index.html"));
    EXPECT_EQ(run_batch(*engine, o).resumed, 2u) << "with its page it is resumed";
}

TEST(BatchHtml, PagesOfAPdfInputLinkToItRelativeToTheOutputDirectory) {
    const fs::path in = scratch("html-pdf/in");
    fs::copy_file(fs::path(FINCHECK_SOURCE_DIR) / "examples/sample-report-2024.pdf",
                  in / "sample.pdf");
    auto engine = project_engine();
    const fs::path out = scratch("html-pdf/out");
    auto o = options({in.string()}, out, 1);
    o.html = true;
    run_batch(*engine, o);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    const std::string page = read(page_of(out, summary, "in/sample.pdf"));
    EXPECT_NE(page.find("href=\"../in/sample.pdf#page=4\">第 4 页</a>"), std::string::npos);
}

TEST(BatchHtml, IndexPutsFailuresFirstAndEscapesNames) {
    ReportRecord failed;
    failed.key = "in/<script>x</script>.xml";
    failed.status = Status::failed;
    failed.failure = fincheck::batch::Failure{"load", failed.key, 1, 1, "<b>bad</b>"};
    ReportRecord clean;
    clean.key = "in/a.xml";
    clean.output = "a.xml-0.audit.xml";
    ReportRecord warned = clean;
    warned.key = "in/b.xml";
    warned.counts.warning = 1;
    ReportRecord errored = clean;
    errored.key = "in/c.xml";
    errored.counts.error = 1;
    fincheck::batch::Totals totals;
    for (const ReportRecord* r : {&failed, &clean, &warned, &errored}) totals.add(*r);
    const std::string index = fincheck::batch::write_batch_index_html(
        {}, totals, {clean, warned, errored, failed}, fincheck::engine::Language::zh, true);
    EXPECT_EQ(index.find("<script>"), std::string::npos);
    EXPECT_EQ(index.find("<b>bad"), std::string::npos);
    const std::size_t f = index.find("in/&lt;script&gt;"), c = index.find(">in/c.xml<"),
                      b = index.find(">in/b.xml<"), a = index.find(">in/a.xml<");
    ASSERT_NE(f, std::string::npos);
    EXPECT_LT(f, c);
    EXPECT_LT(c, b);
    EXPECT_LT(b, a);
    EXPECT_NE(index.find("失败 1"), std::string::npos);
}

}  // namespace
