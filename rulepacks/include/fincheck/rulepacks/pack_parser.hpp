// Reading one rule-pack file. Errors are values that name the file, the line and the reason,
// the way pugixml reports a parse failure; nothing here throws for bad input.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "pack_model.hpp"

namespace fincheck::rulepacks {

struct PackError {
    std::string file;
    std::uint32_t line = 0;
    std::string message;
    std::string to_string() const;  // "file:line: message"
};

// A problem found at a pack element after parsing.
inline PackError error_at(const SourcePos& pos, std::string message) {
    return PackError{pos.file, pos.line, std::move(message)};
}

struct PackParseResult {
    std::optional<Pack> pack;
    std::optional<PackError> error;
};

PackParseResult parse_pack_file(const std::filesystem::path& file);
// `name` stands for the file in positions and errors.
PackParseResult parse_pack_buffer(std::string_view text, std::string_view name);

}  // namespace fincheck::rulepacks
