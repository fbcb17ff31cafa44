// batch_parse_only DIR [JOBS]: reads and parses every report XML under DIR with pugixml and
// nothing else — the floor the batch is compared with (bench/batch_bench.sh). It must do all
// the work a parse needs and nothing more, or the ratio means nothing:
//   - the same files as `fincheck batch DIR` (*.xml, not *.truth.xml / *.audit.xml /
//     summary.xml / hidden files), each read whole from disk with open/fstat/read;
//   - parsed with pugixml's default options (parse_default, encoding detection), in place
//     in the buffer just read — no copy beyond what the parse itself needs;
//   - every element of the tree is visited and counted, so a parse that silently stopped
//     early would show in the count; a file that fails to parse makes the exit code 1.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "parse_floor.hpp"

namespace fs = std::filesystem;
using namespace fincheck::bench;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: batch_parse_only DIR [JOBS]\n");
        return 2;
    }
    const unsigned jobs = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 1;
    const std::vector<fs::path> files = report_files(argv[1]);
    const auto start = std::chrono::steady_clock::now();
    std::atomic<std::size_t> next{0}, elements{0}, bytes{0}, failed{0};
    auto work = [&] {
        std::vector<char> buffer;
        for (std::size_t i = next++; i < files.size(); i = next++) {
            if (!read_whole(files[i], buffer)) {
                ++failed;
                continue;
            }
            bytes += buffer.size();
            pugi::xml_document doc;
            if (!parse_in_place(buffer, doc)) {
                ++failed;
                continue;
            }
            elements += count_elements(doc);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("parsed %zu files, %.1f MB (%zu failed, %zu elements) in %.3f s with %u jobs\n", files.size(),
                static_cast<double>(bytes.load()) / 1e6, failed.load(), elements.load(), seconds, jobs);
    return failed ? 1 : 0;
}
