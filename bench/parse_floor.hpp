// The bare work of the parse-only floor, shared by batch_parse_only and batch_floor so that the
// two measure exactly the same reading and parsing (bench/RESULTS.md, "Batch").
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace fincheck::bench {

// The same files as `fincheck batch DIR`: *.xml, not *.truth.xml / *.audit.xml / summary.xml
// or hidden files. Sorted, so that every program visits them in the same order.
inline std::vector<std::filesystem::path> report_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && !name.empty() && name.front() != '.' && name.ends_with(".xml") &&
            !name.ends_with(".truth.xml") && !name.ends_with(".audit.xml") && name != "summary.xml")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Reads a whole file with open/fstat/read, as the batch does.
inline bool read_whole(const std::filesystem::path& file, std::vector<char>& buffer) {
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

// Visits every node, so that a parse which silently stopped early would show in the count.
inline std::size_t count_elements(pugi::xml_node root) {
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

// pugixml's default options, in place in the buffer just read: no copy beyond the parse's own.
inline bool parse_in_place(std::vector<char>& buffer, pugi::xml_document& doc) {
    return static_cast<bool>(doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default, pugi::encoding_auto));
}

}  // namespace fincheck::bench
