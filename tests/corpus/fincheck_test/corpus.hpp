// Where the real reports are. The corpus of published reports is not part of this repository
// (it is not ours to publish): tests and benchmarks read it when it is present and skip, saying
// where they looked, when it is not. Its place is FINCHECK_CORPUS_DIR at run time, else the
// directory chosen at configure time (cmake -DFINCHECK_CORPUS_DIR=…; the default is set once,
// in cmake/FincheckCorpus.cmake).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace fincheck::corpus {

// Tests name a report by what it is; the corpus names some files by their publication id.
struct Document {
    std::string_view key;
    std::string_view file;
};
inline constexpr Document kDocuments[] = {
    {"wuhan-hanyang-jiguan-gongwei-2024", "000_aea889925d4c5a63.txt"},
    {"putuo-finance-bureau-2024", "putuo-finance-bureau-2024.txt"},
    {"putuo-finance-bureau-2024-altered", "putuo-finance-bureau-2024-altered.txt"},
    {"putuo-social-work-dept-2024", "putuo-social-work-dept-2024.txt"},
};

inline std::filesystem::path dir() {
    if (const char* from_env = std::getenv("FINCHECK_CORPUS_DIR"); from_env && *from_env) return from_env;
    return FINCHECK_CORPUS_DIR;
}

// The text file of a report, by its key (".txt" after the key is accepted and ignored).
inline std::filesystem::path text(std::string_view key) {
    if (key.ends_with(".txt")) key.remove_suffix(4);
    for (const Document& document : kDocuments)
        if (document.key == key) return dir() / document.file;
    return dir() / (std::string(key) + ".txt");
}

inline bool available(std::string_view key = kDocuments[0].key) { return std::filesystem::is_regular_file(text(key)); }

inline std::string missing_message(std::string_view key = kDocuments[0].key) {
    return "the real report " + std::string(key) + " is not at " + text(key).string() +
           "; corpus tests are skipped (set FINCHECK_CORPUS_DIR to the corpus folder to run them)";
}

}  // namespace fincheck::corpus
