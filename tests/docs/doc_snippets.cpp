// doc_snippets MARKDOWN OUT_DIR FILE...: writes each fenced code block of MARKDOWN whose info
// string names a file (```cpp file=src/rule.cpp) to OUT_DIR/<file>, so the build compiles the
// docs' own text; a later block tagged `file=X append` continues X (a tutorial that grows a
// file section by section). FILE... are the files the build expects: a tagged block that is
// not among them, one of them that no block provides, or a file tagged twice without `append`
// is an error naming the markdown line, so a snippet can neither be dropped from the build
// nor added without it.
// A file whose content is unchanged is not rewritten (no needless recompiles).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Snippet {
    std::string text;
    int line = 0;  // of the opening fence
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

// "```cpp file=src/x.cpp" → "src/x.cpp"; empty when the fence names no file.
std::string file_of(const std::string& fence) {
    const std::string key = " file=";
    std::size_t at = fence.find(key);
    if (at == std::string::npos) return {};
    std::string name = fence.substr(at + key.size());
    return name.substr(0, name.find_first_of(" \t\r"));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: doc_snippets MARKDOWN OUT_DIR FILE...\n";
        return 2;
    }
    const fs::path markdown = argv[1];
    const fs::path out_dir = argv[2];
    const std::set<std::string> expected(argv + 3, argv + argc);
    std::ifstream in(markdown, std::ios::binary);
    if (!in) {
        std::cerr << markdown.string() << ": cannot open\n";
        return 2;
    }

    std::map<std::string, Snippet> snippets;
    int errors = 0;
    std::string line;
    std::string current;  // the file of the block being read, empty outside tagged blocks
    bool in_fence = false;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.rfind("```", 0) == 0) {
            if (in_fence) {
                in_fence = false;
                current.clear();
                continue;
            }
            in_fence = true;
            current = file_of(line);
            if (current.empty()) continue;
            if (!expected.count(current)) {
                std::cerr << markdown.string() << ":" << number << ": snippet " << current
                          << " is not built: add it to the file list in tests/docs/CMakeLists.txt\n";
                ++errors;
            }
            const bool append = line.find(" append") != std::string::npos;
            if (append && !snippets.count(current)) {
                std::cerr << markdown.string() << ":" << number << ": " << current
                          << " is appended to before any block starts it\n";
                ++errors;
            } else if (!append && !snippets.emplace(current, Snippet{"", number}).second) {
                std::cerr << markdown.string() << ":" << number << ": " << current << " is tagged twice\n";
                ++errors;
            }
            continue;
        }
        if (in_fence && !current.empty()) snippets[current].text += line + "\n";
    }
    for (const std::string& file : expected) {
        if (snippets.count(file)) continue;
        std::cerr << markdown.string() << ": no ```… file=" << file << " block, which the build expects\n";
        ++errors;
    }
    if (errors) return 1;

    for (const auto& [file, snippet] : snippets) {
        const fs::path target = out_dir / file;
        fs::create_directories(target.parent_path());
        if (fs::exists(target) && read_all(target) == snippet.text) continue;
        std::ofstream(target, std::ios::binary) << snippet.text;
    }
    return 0;
}
