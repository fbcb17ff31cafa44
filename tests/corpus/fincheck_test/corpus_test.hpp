// GoogleTest side of corpus.hpp: skip, saying where the corpus was looked for, when it is absent.
#pragma once

#include <gtest/gtest.h>

#include "fincheck_test/corpus.hpp"

// Skips the calling test (or fixture SetUp) when a corpus report is absent.
#define FINCHECK_REQUIRE_CORPUS(key)                                                       \
    do {                                                                                   \
        if (!::fincheck::corpus::available(key)) GTEST_SKIP() << ::fincheck::corpus::missing_message(key); \
    } while (0)

namespace fincheck::corpus {
// A fixture whose tests all need the whole corpus.
class CorpusTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const Document& document : kDocuments) FINCHECK_REQUIRE_CORPUS(document.key);
    }
};
}  // namespace fincheck::corpus
