#include <gtest/gtest.h>

#include <stdexcept>

#include "fincheck/engine/atomic_file.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> entries_of(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(AtomicFile, WritesTheWholeContentAndLeavesNoTemporaryFile) {
    fs::path dir = test::scratch_dir("atomic-write");
    write_file_atomically(dir / "audit.xml", "<audit-report/>\n");
    EXPECT_EQ(test::read_file(dir / "audit.xml"), "<audit-report/>\n");
    EXPECT_EQ(entries_of(dir), (std::vector<std::string>{"audit.xml"}));
}

TEST(AtomicFile, ReplacesAnExistingFile) {
    fs::path dir = test::scratch_dir("atomic-replace");
    test::write_file(dir / "audit.xml", "old");
    write_file_atomically(dir / "audit.xml", "new");
    EXPECT_EQ(test::read_file(dir / "audit.xml"), "new");
}

TEST(AtomicFile, AFailingProducerLeavesTheOldFileAndNoPartialFile) {
    fs::path dir = test::scratch_dir("atomic-fail");
    test::write_file(dir / "audit.xml", "old");
    EXPECT_THROW(write_file_atomically(dir / "audit.xml",
                                       [](std::ostream& out) {
                                           out << "partial";
                                           throw std::runtime_error("writer failed");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(test::read_file(dir / "audit.xml"), "old");
    EXPECT_EQ(entries_of(dir), (std::vector<std::string>{"audit.xml"}));
}

TEST(AtomicFile, AnUnwritableTargetThrowsNamingTheFileAndCreatesNothing) {
    fs::path dir = test::scratch_dir("atomic-missing-dir");
    fs::path target = dir / "no-such-subdir" / "audit.xml";
    try {
        write_file_atomically(target, "x");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(target.string()), std::string::npos) << e.what();
    }
    EXPECT_TRUE(entries_of(dir).empty());
}

TEST(AtomicFile, ARenameThatFailsRemovesTheTemporaryFile) {
    fs::path dir = test::scratch_dir("atomic-rename-fail");
    fs::create_directories(dir / "audit.xml" / "occupied");  // a non-empty directory cannot be replaced
    EXPECT_THROW(write_file_atomically(dir / "audit.xml", "x"), std::runtime_error);
    EXPECT_EQ(entries_of(dir), (std::vector<std::string>{"audit.xml"}));
    EXPECT_TRUE(fs::is_directory(dir / "audit.xml"));
}

}  // namespace
}  // namespace fincheck::engine
