// Every file the batch writes is XML whatever the inputs are called or say: file names that
// are not UTF-8 or hold control characters, messages cut inside a character, names too long
// for an output name; and nothing the walk finds is dropped without a word.
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "batch_test_support.hpp"
#include "fincheck/batch/inputs.hpp"
#include "fincheck/batch/summary.hpp"

namespace {

using namespace batchtest;
using fincheck::batch::run_batch;

void copy_report(const fs::path& from, const fs::path& to) { fs::copy_file(from, to, fs::copy_options::overwrite_existing); }

TEST(BatchNames, OddFileNamesAreAuditedAndEveryOutputIsValidXml) {
    const fs::path in = scratch("names/in");
    write_reports(in, 1, 51, [](std::size_t, fincheck::Report& r) { add_marker(r, 1); });
    const fs::path report = in / "report-000001.xml";
    const std::string latin1 = "bericht-\xe4nderung-\xff.xml";     // not UTF-8
    const std::string control = std::string("ctl-\x01-\x1b.xml");  // C0 controls
    std::string chinese_long;                                      // 246 bytes: too long for "-<hash>.audit.xml"
    while (chinese_long.size() < 240) chinese_long += "部门决算";
    chinese_long += ".xml";
    const std::string percent = "50%-report.xml";
    for (const std::string& name : {latin1, control, chinese_long, percent}) copy_report(report, in / name);
    // A loader message that quotes 80 bytes of the input, cut inside a character.
    std::string value;
    while (value.size() < 120) value += "版本";
    std::ofstream(in / "bad-version.xml") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report format-version=\"" << value
                                          << "\"/>\n";

    const fs::path out = scratch("names/out");
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({in.string()}, out));
    EXPECT_EQ(result.totals.audited, 5u);
    EXPECT_EQ(result.totals.failed, 1u);

    EXPECT_EQ(xmllint(out / "summary.xml", false), 0) << read(out / "summary.xml");
    EXPECT_EQ(xmllint(out / "summary.xml", true), 0) << "summary.xml does not match schemas/batch-summary.xsd";
    for (const auto& entry : fs::directory_iterator(out)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".xml")) continue;
        EXPECT_LE(name.size(), 255u);
        EXPECT_EQ(xmllint(entry.path(), false), 0) << name << " is not well-formed XML";
    }

    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    const pugi::xml_node root = summary.child("batch-summary");
    std::size_t escaped = 0;
    for (pugi::xml_node node : root.children("report")) {
        const std::string input = node.attribute("input").as_string();
        if (std::string(node.attribute("input-encoding").as_string()) == "percent") {
            ++escaped;
            EXPECT_TRUE(input == "in/bericht-%E4nderung-%FF.xml" || input == "in/ctl-%01-%1B.xml") << input;
        }
        if (std::string(node.attribute("status").as_string()) == "audited") {
            EXPECT_TRUE(fs::exists(out / node.attribute("output").as_string())) << input;
        }
    }
    EXPECT_EQ(escaped, 2u);
    // The % of a UTF-8 name needs no escape: the input is written as is, without the marker.
    EXPECT_TRUE(report_node(summary, "in/" + percent));
    // The long name is audited under a shortened output name that the summary records.
    const pugi::xml_node long_node = report_node(summary, "in/" + chinese_long);
    ASSERT_TRUE(long_node);
    EXPECT_STREQ(long_node.attribute("status").as_string(), "audited");
    const std::string long_output = long_node.attribute("output").as_string();
    EXPECT_TRUE(long_output.starts_with("部门决算")) << long_output;
    EXPECT_EQ(long_output, fincheck::batch::output_name("in/" + chinese_long));
    // The cut message: the partial character is shown as bytes, not written raw.
    const std::string message = report_node(summary, "in/bad-version.xml").child("error").text().as_string();
    EXPECT_NE(message.find("版本"), std::string::npos) << message;

    // Merged, a percent-escaped key is read back to its bytes and written the same way.
    const fs::path shard = scratch("names/shard");
    auto o = options({in.string()}, shard);
    o.inputs = fincheck::batch::expand_inputs({in.string()}, fincheck::batch::Shard{1, 1}).files;
    o.shard = "1/1";
    run_batch(*engine, o);
    const fs::path merged = shard / "merged.xml";
    ASSERT_EQ(fincheck::batch::merge_summaries({shard / "summary.xml"}, merged), std::nullopt);
    EXPECT_EQ(read(merged), read(out / "summary.xml"));
}

TEST(BatchNames, LongNamesThatShareAPrefixGetDistinctOutputs) {
    std::string stem(200, 'a');
    const std::string first = "d/" + stem + "-one.xml", second = "d/" + stem + "-two.xml";
    EXPECT_NE(fincheck::batch::output_name(first), fincheck::batch::output_name(second));
    EXPECT_LE(fincheck::batch::output_name(first).size(), 255u);
}

TEST(BatchSkipped, TheWalkListsWhatItCannotAuditAndAcceptsUpperCaseExtensions) {
    const fs::path in = scratch("skipped/in");
    write_reports(in, 1, 52);
    copy_report(in / "report-000001.xml", in / "UPPER.XML");
    std::ofstream(in / "scan.pdf") << "%PDF-1.7";  // audited: a PDF, and a broken one
    std::ofstream(in / "notes.docx") << "PK";
    fs::create_symlink(in / "gone.xml", in / "dangling.xml");
    ASSERT_EQ(::mkfifo((in / "pipe.xml").c_str(), 0644), 0);
    std::ofstream(in / ".hidden.xml") << "<x/>";          // ignored by design
    std::ofstream(in / "report-000001.truth.xml") << "<x/>";  // generator ground truth

    const fs::path out = scratch("skipped/out");
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({in.string()}, out));
    EXPECT_EQ(result.totals.audited, 2u);
    EXPECT_EQ(result.totals.failed, 1u);
    EXPECT_EQ(result.totals.skipped, 3u);
    EXPECT_EQ(result.totals.reports, 6u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    EXPECT_STREQ(report_node(summary, "in/UPPER.XML").attribute("status").as_string(), "audited");
    const auto reason = [&](const char* input) {
        const pugi::xml_node node = report_node(summary, input);
        EXPECT_STREQ(node.attribute("status").as_string(), "skipped") << input;
        return std::string(node.child("error").text().as_string());
    };
    EXPECT_STREQ(report_node(summary, "in/scan.pdf").attribute("status").as_string(), "failed");
    EXPECT_NE(reason("in/notes.docx").find("unknown file type"), std::string::npos);
    EXPECT_NE(reason("in/dangling.xml").find("dangling symbolic link"), std::string::npos);
    EXPECT_NE(reason("in/pipe.xml").find("not a regular file"), std::string::npos);
    EXPECT_EQ(summary.child("batch-summary").child("totals").attribute("skipped").as_uint(), 3u);
    EXPECT_EQ(xmllint(out / "summary.xml", true), 0) << "summary.xml does not match schemas/batch-summary.xsd";
}

TEST(BatchInputs, AReportOverTheSizeLimitIsAFailedRecordAndTheOthersAreAudited) {
    const fs::path in = scratch("too-large/in");
    write_reports(in, 3, 54);
    const std::uintmax_t size = fs::file_size(in / "report-000002.xml");
    const fs::path out = scratch("too-large/out");
    auto engine = marker_engine();
    fincheck::batch::BatchOptions opts = options({in.string()}, out);
    opts.max_input_size = size - 1;  // just below report 2, but reports differ in size
    const auto result = run_batch(*engine, opts);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    const pugi::xml_node big = report_node(summary, "in/report-000002.xml");
    EXPECT_STREQ(big.attribute("status").as_string(), "failed");
    EXPECT_NE(std::string(big.child("error").text().as_string())
                  .find("input too large: " + fincheck::engine::describe_byte_size(size) + ", the limit is " +
                        fincheck::engine::describe_byte_size(size - 1)),
              std::string::npos)
        << big.child("error").text().as_string();
    EXPECT_GE(result.totals.failed, 1u);
    EXPECT_GE(result.totals.audited + result.totals.failed, 3u);
}

TEST(BatchSkipped, NamedDevicesAndFifosAreSkippedNotReadForever) {
    const fs::path in = scratch("skipped-named/in");
    write_reports(in, 1, 53);
    std::ofstream(in / "scan.PDF") << "%PDF-1.7";
    ASSERT_EQ(::mkfifo((in / "pipe.xml").c_str(), 0644), 0);
    const fs::path out = scratch("skipped-named/out");
    auto engine = marker_engine();
    const auto result = run_batch(*engine, options({(in / "report-000001.xml").string(), (in / "scan.PDF").string(),
                                                    (in / "pipe.xml").string(), "/dev/zero"},
                                                   out));
    EXPECT_EQ(result.totals.audited, 1u);
    EXPECT_EQ(result.totals.failed, 1u);  // the PDF, told by its content, is read and is broken
    EXPECT_EQ(result.totals.skipped, 2u);
    pugi::xml_document summary;
    ASSERT_TRUE(summary.load_file((out / "summary.xml").c_str()));
    EXPECT_STREQ(report_node(summary, "/dev/zero").attribute("status").as_string(), "skipped");
}

}  // namespace
