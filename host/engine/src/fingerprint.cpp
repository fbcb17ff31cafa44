#include "fincheck/engine/fingerprint.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "fincheck/sha256.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::engine {
namespace {

constexpr std::string_view kScheme = "fincheck-finding/1";

bool is_white_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
           cp == 0x00A0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

// The code points [begin, end) of `text` (all of it when end <= begin), white space dropped:
// a PDF and its extracted text wrap and pad the same sentence differently.
std::string normalised(std::string_view text, std::uint32_t begin = 0, std::uint32_t end = 0) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (std::uint32_t index = 0; pos < text.size(); ++index) {
        const char32_t cp = utf8::next_code_point(text, pos);
        if (end > begin && (index < begin || index >= end)) continue;
        if (!is_white_space(cp)) utf8::append(out, cp);
    }
    return out;
}

// Length-prefixed, so that no two different field lists hash the same bytes.
void add_field(std::string& canonical, std::string_view field) {
    canonical += std::to_string(field.size());
    canonical += ':';
    canonical += field;
}

}  // namespace

std::string finding_fingerprint(const Finding& finding, const Report& report) {
    std::string hash;  // the canonical bytes that are hashed
    add_field(hash, kScheme);
    add_field(hash, finding.rule_id);
    add_field(hash, finding.message_id);
    const Location& at = finding.location;
    if (!at.table.empty()) {
        add_field(hash, "cell");
        add_field(hash, at.table);
        add_field(hash, at.row);
        add_field(hash, at.column);
    } else if (at.block >= 0 && static_cast<std::size_t>(at.block) < report.blocks.size()) {
        add_field(hash, "prose");
        add_field(hash, normalised(at.section));
        add_field(hash, normalised(report.blocks[static_cast<std::size_t>(at.block)].text, at.span_begin, at.span_end));
    } else {
        add_field(hash, "section");
        add_field(hash, normalised(at.section));
    }
    std::vector<std::pair<std::string_view, std::string>> args;
    for (const auto& [name, value] : finding.args)
        if (name != "line" && name != "page") args.emplace_back(name, normalised(value));
    std::stable_sort(args.begin(), args.end());
    for (const auto& [name, value] : args) {
        add_field(hash, name);
        add_field(hash, value);
    }
    return sha256_hex(hash);
}

}  // namespace fincheck::engine
