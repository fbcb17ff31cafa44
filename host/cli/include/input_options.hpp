// What `check` and `import` share about their input and output paths: the size limit
// (--max-input-size), "-" for standard input and output, and the refusal to write the
// output over the input. Include only from command files, which already pay for CLI11.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "fincheck/engine/input_file.hpp"

namespace fincheck::cli {

struct InputOptions {
    std::string max_size_text;

    void add_to(CLI::App& command) {
        command
            .add_option("--max-input-size", max_size_text,
                        "输入文件大小上限，如 64M、512K（默认 64M）/ largest input accepted, e.g. 64M, 512K "
                        "(default 64M)")
            ->check(CLI::Validator(
                [](std::string& text) -> std::string {
                    return engine::parse_byte_size(text)
                               ? std::string()
                               : "不是大小，应如 64M / not a size such as 64M, 512K or 1048576";
                },
                "SIZE"));
    }

    std::uint64_t max_size() const {
        return max_size_text.empty() ? engine::kDefaultMaxInputSize : *engine::parse_byte_size(max_size_text);
    }
};

inline bool is_stdio(const std::string& path) { return path == engine::kStdioPath; }

// True (after saying why) when `output` would replace the input that was read.
inline bool output_is_the_input(const std::string& output, const std::string& input,
                                const std::optional<engine::FileIdentity>& identity) {
    if (output.empty() || is_stdio(output) || !identity || !engine::is_same_file(output, *identity)) return false;
    const std::string shown_output = engine::display_name(output), shown_input = engine::display_name(input);
    std::cerr << "fincheck: " << shown_output << ": 输出文件就是输入文件 " << shown_input
              << "，拒绝覆盖 / the output is the input file " << shown_input << " (same file); refusing to overwrite it\n";
    return true;
}

}  // namespace fincheck::cli
