// Unusable PDFs fail closed: a LoadError naming the file with a zh-CN / English reason, and
// `fincheck check` exits 2. The extractor's limits hold against a hung or flooding child.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fincheck/engine/input.hpp"
#include "fincheck/pdf_import.hpp"
#include "tiny_pdf.hpp"

namespace fincheck {
namespace {

namespace fs = std::filesystem;
using test::tiny_pdf;

class PdfBadInput : public ::testing::Test {
protected:
    fs::path dir_ = fs::path(FINCHECK_TEST_SCRATCH_DIR) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    void SetUp() override {
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    fs::path write(const std::string& name, const std::string& bytes, bool executable = false) const {
        fs::path file = dir_ / name;
        std::ofstream(file, std::ios::binary) << bytes;
        if (executable) fs::permissions(file, fs::perms::owner_all);
        return file;
    }
    static std::string message_of(const PdfImportResult& result) {
        EXPECT_FALSE(result.imported.report);
        EXPECT_TRUE(result.imported.error);
        return result.imported.error ? result.imported.error->to_string() : "";
    }
};

TEST_F(PdfBadInput, RecognisedByContentNotByExtension) {
    EXPECT_TRUE(is_pdf("%PDF-1.7\n..."));
    EXPECT_TRUE(is_pdf("\r\n%PDF-1.4"));  // junk before the header, as readers accept
    EXPECT_FALSE(is_pdf("**2024年度某局部门决算**\n"));
    EXPECT_FALSE(is_pdf("<?xml version=\"1.0\"?><report/>"));
    // A PDF named .txt goes to the PDF importer: its error is about the PDF, not about UTF-8.
    fs::path disguised = write("scan.txt", tiny_pdf(test::drawing_content()));
    engine::LoadedInput loaded = engine::load_input(disguised);
    ASSERT_TRUE(loaded.error);
    EXPECT_NE(loaded.error->message.find("ocrmypdf"), std::string::npos) << loaded.error->message;
}

TEST_F(PdfBadInput, ImageOnlyPdfSuggestsOcr) {
    std::string message = message_of(import_pdf(write("scan.pdf", tiny_pdf(test::drawing_content())), "scan.pdf", ""));
    EXPECT_NE(message.find("scan.pdf"), std::string::npos);
    EXPECT_NE(message.find("没有文本层"), std::string::npos);
    EXPECT_NE(message.find("no text layer"), std::string::npos);
    EXPECT_NE(message.find("ocrmypdf"), std::string::npos);
}

TEST_F(PdfBadInput, EncryptedPdfIsRefused) {
    std::string pdf = tiny_pdf(test::text_content({"Secret"}), true);
    std::string message = message_of(import_pdf(write("locked.pdf", pdf), "locked.pdf", ""));
    EXPECT_NE(message.find("locked.pdf"), std::string::npos);
    EXPECT_NE(message.find("encrypted"), std::string::npos) << message;
}

TEST_F(PdfBadInput, TruncatedPdfIsRefused) {
    std::string pdf = tiny_pdf(test::text_content({"Hello 2024"}));
    std::string message = message_of(import_pdf(write("cut.pdf", pdf.substr(0, pdf.size() / 3)), "cut.pdf", ""));
    EXPECT_NE(message.find("damaged or truncated"), std::string::npos) << message;
}

TEST_F(PdfBadInput, RandomBytesAfterTheHeaderAreRefused) {
    std::string junk = "%PDF-1.4\n";
    for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 7919 + 13) % 256);
    std::string message = message_of(import_pdf(write("junk.pdf", junk), "junk.pdf", ""));
    EXPECT_NE(message.find("damaged or truncated"), std::string::npos) << message;
}

TEST_F(PdfBadInput, MissingPopplerGivesTheInstallHint) {
    PdfLimits limits;
    limits.pdftotext = (dir_ / "no-such-pdftotext").string();
    std::string pdf = tiny_pdf(test::text_content({"Hello"}));
    std::string message = message_of(import_pdf(write("a.pdf", pdf), "a.pdf", "", limits));
    EXPECT_NE(message.find("apt-get install poppler-utils poppler-data"), std::string::npos) << message;
}

TEST_F(PdfBadInput, HungExtractorIsKilledAtTheTimeout) {
    PdfLimits limits;
    limits.pdftotext = write("slow", "#!/bin/sh\nsleep 30\n", true).string();
    limits.timeout = std::chrono::milliseconds(300);
    auto start = std::chrono::steady_clock::now();
    std::string message = message_of(import_pdf(write("a.pdf", tiny_pdf("")), "a.pdf", "", limits));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_NE(message.find("timed out"), std::string::npos) << message;
}

TEST_F(PdfBadInput, FloodingExtractorIsCutAtTheOutputCap) {
    PdfLimits limits;
    limits.pdftotext = write("flood", "#!/bin/sh\nwhile :; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done\n", true).string();
    limits.output_bytes = 1 << 20;
    std::string message = message_of(import_pdf(write("a.pdf", tiny_pdf("")), "a.pdf", "", limits));
    EXPECT_NE(message.find("resource limits"), std::string::npos) << message;
}

TEST_F(PdfBadInput, SpinningExtractorIsStoppedByTheCpuLimit) {
    PdfLimits limits;
    limits.pdftotext = write("spin", "#!/bin/sh\nwhile :; do :; done\n", true).string();
    limits.cpu_seconds = 1;
    std::string message = message_of(import_pdf(write("a.pdf", tiny_pdf("")), "a.pdf", "", limits));
    EXPECT_NE(message.find("resource limits"), std::string::npos) << message;
}

TEST_F(PdfBadInput, CheckExitsTwoNamingTheFile) {
    fs::path scan = write("scan.pdf", tiny_pdf(test::drawing_content()));
    fs::path err = dir_ / "stderr.txt";
    std::string command = std::string("\"") + FINCHECK_CLI + "\" check \"" + scan.string() + "\" > /dev/null 2> \"" + err.string() + "\"";
    int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    std::ifstream in(err);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("scan.pdf"), std::string::npos) << text;
    EXPECT_NE(text.find("ocrmypdf"), std::string::npos) << text;
}

TEST_F(PdfBadInput, BatchRecordsAFailedPdfAndAuditsTheRest) {
    fs::create_directories(dir_ / "in");
    fs::copy_file(fs::path(FINCHECK_SOURCE_DIR) / "examples" / "minimal-report.xml", dir_ / "in" / "good.xml");
    std::ofstream(dir_ / "in" / "scan.pdf", std::ios::binary) << tiny_pdf(test::drawing_content());
    std::string command = std::string("env -u FINCHECK_PLUGIN_PATH \"") + FINCHECK_CLI + "\" batch \"" + (dir_ / "in").string() +
                          "\" --out \"" + (dir_ / "out").string() + "\" > /dev/null 2>&1";
    std::system(command.c_str());
    std::ifstream in(dir_ / "out" / "summary.xml");
    std::string summary((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(summary.find("audited=\"1\" failed=\"1\""), std::string::npos) << summary;
    EXPECT_NE(summary.find("ocrmypdf"), std::string::npos) << summary;
}

TEST_F(PdfBadInput, ReadablePdfStillImports) {
    // must-still-work: a text PDF passes the same checks and reaches the text importer, which
    // then judges the text (here: no final-accounts title, as it would for the same .txt).
    std::string pdf = tiny_pdf(test::text_content({"2024 Annual Report"}));
    PdfImportResult result = import_pdf(write("ok.pdf", pdf), "ok.pdf", "abc");
    ASSERT_TRUE(result.imported.error);
    EXPECT_NE(result.imported.error->message.find("no final-accounts title"), std::string::npos);
    EXPECT_NE(result.text.find("2024 Annual Report"), std::string::npos) << result.text;
    ASSERT_GE(result.line_origin.size(), 2u);
    EXPECT_EQ(result.line_origin[1].page, 1);
}

}  // namespace
}  // namespace fincheck
