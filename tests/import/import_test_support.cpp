#include "import_test_support.hpp"

#include <map>
#include <memory>

namespace fincheck::import_test {

const ImportResult& imported(std::string_view name) {
    static std::map<std::string, std::unique_ptr<ImportResult>, std::less<>> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.emplace(std::string(name), std::make_unique<ImportResult>(import_text_file(corpus(name)))).first;
    return *it->second;
}

}  // namespace fincheck::import_test
