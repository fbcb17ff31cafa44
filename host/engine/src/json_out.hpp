// Writes indented JSON (RFC 8259) straight into a string, for the SARIF and JSON audit
// writers: members in the order written, two spaces per level, so the same calls give the
// same bytes. Text is always valid UTF-8: a byte that does not start a well-formed sequence is
// written as U+FFFD (messages and names come from untrusted reports and file systems).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/utf8.hpp"

namespace fincheck::engine {

class JsonOut {
public:
    explicit JsonOut(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // The name of the next member; its value follows with one of the calls below.
    void key(std::string_view name) {
        separate();
        append_string(name);
        out_ += ": ";
        after_key_ = true;
    }
    void string(std::string_view text) {
        before_value();
        append_string(text);
    }
    void number(std::uint64_t value) {
        before_value();
        out_ += std::to_string(value);
    }
    void boolean(bool value) {
        before_value();
        out_ += value ? "true" : "false";
    }

    void member(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void member_if(std::string_view name, std::string_view text) {
        if (!text.empty()) member(name, text);
    }
    void member(std::string_view name, std::uint64_t value) {
        key(name);
        number(value);
    }
    void member_bool(std::string_view name, bool value) {
        key(name);
        boolean(value);
    }

private:
    void open(char bracket) {
        before_value();
        out_ += bracket;
        empty_.push_back(true);
    }
    void close(char bracket) {
        const bool empty = empty_.back();
        empty_.pop_back();
        if (!empty) newline();
        out_ += bracket;
        if (empty_.empty()) out_ += '\n';
    }
    void before_value() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        separate();
    }
    // A comma after the previous element of the enclosing object or array, then a new line.
    void separate() {
        if (empty_.empty()) return;
        if (!empty_.back()) out_ += ',';
        empty_.back() = false;
        newline();
    }
    void newline() {
        out_ += '\n';
        out_.append(empty_.size() * 2, ' ');
    }

    void append_string(std::string_view text) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += '"';
        std::size_t i = 0;
        while (i < text.size()) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x80) {
                const std::size_t length = utf8::well_formed_length(text, i);
                if (length == 0) {
                    out_ += "\xEF\xBF\xBD";  // U+FFFD
                    ++i;
                } else {
                    out_.append(text.substr(i, length));
                    i += length;
                }
                continue;
            }
            ++i;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    if (c < 0x20) {
                        out_ += "\\u00";
                        out_ += kHex[c >> 4];
                        out_ += kHex[c & 0xF];
                    } else {
                        out_ += static_cast<char>(c);
                    }
            }
        }
        out_ += '"';
    }

    std::string& out_;
    std::vector<bool> empty_;  // per open object or array: nothing written in it yet
    bool after_key_ = false;
};

}  // namespace fincheck::engine
