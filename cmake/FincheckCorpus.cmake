# The real reports live outside the repository. Tests and benchmarks that use them link
# fincheck_test_corpus, which tells them where to look (see tests/corpus/fincheck_test/corpus.hpp);
# tools/fuzz.sh and bench/pdf_bench.sh read the same setting from the build's cache. This is the
# one place the default is written: `corpus/` in the source tree, ignored by git, where a
# developer copies or links the reports (or names any folder with -DFINCHECK_CORPUS_DIR=… or the
# environment variable of the same name when the tests run).
set(FINCHECK_CORPUS_DIR "${PROJECT_SOURCE_DIR}/corpus" CACHE PATH
    "Folder of real report texts for the corpus tests (skipped when absent)")
add_library(fincheck_test_corpus INTERFACE)
target_include_directories(fincheck_test_corpus INTERFACE "${PROJECT_SOURCE_DIR}/tests/corpus")
target_compile_definitions(fincheck_test_corpus INTERFACE FINCHECK_CORPUS_DIR="${FINCHECK_CORPUS_DIR}")
