#include "fincheck/text/report_text.hpp"

#include "fincheck/report.hpp"
#include "fincheck/text/decode.hpp"

namespace fincheck::text {

ReportText::ReportText(const Report& report) {
    blocks_.reserve(report.blocks.size());
    for (const Block& block : report.blocks) {
        BlockText text;
        text.original = decode(block.text);
        text.compact = compact(std::u32string_view(text.original));
        text.numbers = find_numbers(block.text);
        blocks_.push_back(std::move(text));
    }
}

}  // namespace fincheck::text

namespace fincheck {

// Stored among the derived analyses under the address of the report's storage: the same in
// the host and in every plugin (each binary has its own copy of a tag object), stable when
// the Report is moved, and never the address of an object of a plugin.
const text::ReportText& Report::text() const {
    return derived<text::ReportText>(storage_.get(), [this] { return text::ReportText(*this); });
}

}  // namespace fincheck
