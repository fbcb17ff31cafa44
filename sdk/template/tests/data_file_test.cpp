// A plugin that keeps data of its own (a phrase list, a lexicon) reads it with
// fincheck/data_file.hpp (SDK 1.1): a bad file comes back as "file:line:column: what", ready
// for PluginEnvironment::log, and a good one as a pugixml document.
#include <string>

#include <gtest/gtest.h>

#include <fincheck/data_file.hpp>
#include <fincheck/phrase_group.hpp>

namespace {

TEST(ExampleDataFile, ReadsPhraseGroupsFromAGoodFile) {
    fincheck::DataFileResult loaded = fincheck::parse_data_file(
        "<example-phrases>\n  <negative template=\"national\"><phrase>负数</phrase></negative>\n"
        "</example-phrases>\n",
        "example-phrases.xml", "example-phrases");
    ASSERT_TRUE(loaded.file.has_value()) << loaded.error->to_string();
    const fincheck::PhraseGroup group = fincheck::read_phrase_group(loaded.file->root().child("negative"));
    EXPECT_EQ(group.template_name, "national");
    ASSERT_EQ(group.phrases.size(), 1u);
    EXPECT_EQ(group.phrases[0], "负数");
}

TEST(ExampleDataFile, ABrokenFileNamesItsLine) {
    fincheck::DataFileResult loaded =
        fincheck::parse_data_file("<example-phrases>\n  <negative>\n</example-phrases>\n",
                                  "example-phrases.xml", "example-phrases");
    ASSERT_TRUE(loaded.error.has_value());
    EXPECT_EQ(loaded.error->to_string().rfind("example-phrases.xml:3:", 0), 0u) << loaded.error->to_string();
}

}  // namespace
