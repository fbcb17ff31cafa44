// Each file under tests/fuzz_regressions/<target>/ is an input that once crashed, hung, leaked
// or broke an invariant in that fuzz target (tools/fuzz.sh, docs/security.md), or a hand-made
// hostile input of a kind a fuzzer finds only slowly (deep nesting, forbidden characters,
// packs that extend each other). Replaying it through the same entry point must end in a clean
// result or a clean error; a relapse aborts this test, or fails it under the sanitizers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "entry_points.hpp"

namespace {

namespace fs = std::filesystem;

struct Target {
    const char* name;
    void (*entry)(fincheck::fuzz::Bytes);
};

std::vector<fs::path> inputs_of(const char* target) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(FINCHECK_FUZZ_REGRESSIONS_DIR) / target))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::uint8_t> bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Names the target, not its bytes, in GoogleTest's output.
void PrintTo(const Target& target, std::ostream* out) { *out << target.name; }

class FuzzRegression : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzRegression, EveryInputEndsCleanly) {
    std::vector<fs::path> files = inputs_of(GetParam().name);
    // A folder that lost its inputs (or a wrong path) must not pass as "nothing crashed".
    ASSERT_FALSE(files.empty()) << "no regression inputs for " << GetParam().name;
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.string());
        // Printed first: an abort or a sanitizer report below then names the input.
        std::cerr << "replaying " << file.filename().string() << '\n';
        std::vector<std::uint8_t> input = bytes_of(file);
        GetParam().entry(input);
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression,
                         ::testing::Values(Target{"report_xml", &fincheck::fuzz::report_xml},
                                           Target{"import_text", &fincheck::fuzz::import_text},
                                           Target{"rulepack", &fincheck::fuzz::rulepack},
                                           Target{"config", &fincheck::fuzz::config}),
                         [](const auto& target) { return std::string(target.param.name); });

}  // namespace
