// Shell-style globs for rule ids: '*' matches any run of characters, '?' one character.
// Rule ids are short ASCII, so a small backtracking matcher beats any regex here.
#pragma once

#include <string_view>

namespace fincheck::engine {

bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace fincheck::engine
