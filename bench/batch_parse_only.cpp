// batch_parse_only DIR [JOBS]: reads and parses every report XML under DIR with pugixml and
// nothing else — the floor the batch is compared with (bench/batch_bench.sh).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <pugixml.hpp>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: batch_parse_only DIR [JOBS]\n");
        return 2;
    }
    const unsigned jobs = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 1;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.ends_with(".xml") && !name.ends_with(".truth.xml")) files.push_back(entry.path());
    }
    const auto start = std::chrono::steady_clock::now();
    std::atomic<std::size_t> next{0}, nodes{0}, failed{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            std::ifstream in(files[i], std::ios::binary);
            std::ostringstream buffer;
            buffer << in.rdbuf();
            const std::string bytes = std::move(buffer).str();
            pugi::xml_document doc;
            if (!doc.load_buffer(bytes.data(), bytes.size())) {
                ++failed;
                continue;
            }
            std::size_t n = 0;
            // Walk the rows, as a loader must, so the parse cannot be optimised away.
            for (pugi::xml_node row = doc.first_child(); row; row = row.next_sibling()) ++n;
            n += doc.select_nodes("//row").size();
            nodes += n;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("parsed %zu files (%zu failed, %zu rows) in %.3f s with %u jobs\n", files.size(), failed.load(),
                nodes.load(), seconds, jobs);
    return failed ? 1 : 0;
}
