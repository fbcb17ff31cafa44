#include "language.hpp"

#include <cstdlib>
#include <string_view>

namespace fincheck::cli {

engine::Language language_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
    std::string_view locale;
    for (const char* value : {lc_all, lc_messages, lang}) {
        if (value != nullptr && *value != '\0') {
            locale = value;
            break;
        }
    }
    // "C", "POSIX" and their encodings ("C.UTF-8") name no language.
    const std::string_view name = locale.substr(0, locale.find_first_of(".@"));
    if (name.empty() || name == "C" || name == "POSIX" || name.substr(0, 2) == "zh") return engine::Language::zh;
    return engine::Language::en;
}

engine::Language default_language() {
    return language_from_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

}  // namespace fincheck::cli
