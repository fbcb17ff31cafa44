// batch_parse_only DIR [JOBS]: reads and parses every report XML under DIR with pugixml and
// nothing else — the floor the batch is compared with (bench/batch_bench.sh). It must do all
// the work a parse needs and nothing more, or the ratio means nothing:
//   - the same files as `fincheck batch DIR` (*.xml, not *.truth.xml / *.audit.xml /
//     summary.xml / hidden files), each read whole from disk with open/fstat/read;
//   - parsed with pugixml's default options (parse_default, encoding detection), in place
//     in the buffer just read — no copy beyond what the parse itself needs;
//   - every element of the tree is visited and counted, so a parse that silently stopped
//     early would show in the count; a file that fails to parse makes the exit code 1.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <pugixml.hpp>

namespace fs = std::filesystem;

namespace {

bool taken(const fs::path& file) {
    const std::string name = file.filename().string();
    return !name.empty() && name.front() != '.' && name.ends_with(".xml") && !name.ends_with(".truth.xml") &&
           !name.ends_with(".audit.xml") && name != "summary.xml";
}

bool read_whole(const fs::path& file, std::vector<char>& buffer) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat info{};
    bool ok = ::fstat(fd, &info) == 0;
    std::size_t used = 0;
    if (ok) {
        buffer.resize(static_cast<std::size_t>(info.st_size) + 1);
        for (ssize_t n; (n = ::read(fd, buffer.data() + used, buffer.size() - used)) != 0;) {
            if (n < 0) {
                ok = false;
                break;
            }
            used += static_cast<std::size_t>(n);
            if (used == buffer.size()) buffer.resize(buffer.size() * 2);
        }
    }
    ::close(fd);
    buffer.resize(used);
    return ok;
}

std::size_t count_elements(pugi::xml_node root) {
    std::size_t n = 0;
    for (pugi::xml_node node = root.first_child(); node;) {
        if (node.type() == pugi::node_element) ++n;
        if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && !node.next_sibling() && node != root) node = node.parent();
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: batch_parse_only DIR [JOBS]\n");
        return 2;
    }
    const unsigned jobs = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 1;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(argv[1]))
        if (entry.is_regular_file() && taken(entry.path())) files.push_back(entry.path());
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
            if (!doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default, pugi::encoding_auto)) {
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
