// The text layer of one report: what every plugin would otherwise compute again from the
// report's prose, computed once. The host builds it before any rule runs (Engine::audit);
// a rule reaches it with report.text().
//
// It crosses the plugin boundary like the Report itself (since ABI 1.2), so its layout is
// fixed within an ABI major. A plugin that runs in an older host, which does not build it,
// still gets it: Report::text() builds it on first use, once per report.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "fincheck/text/compact.hpp"
#include "fincheck/text/numbers.hpp"

namespace fincheck {
class Report;
}

namespace fincheck::text {

// One paragraph (Report::blocks) in the layer's forms.
struct BlockText {
    std::u32string original;          // the block decoded (decode.hpp): what code-point offsets index
    CompactText compact;              // whitespace dropped, folded, offsets into the block
    std::vector<TextNumber> numbers;  // in reading order, with code-point and byte offsets
};

class ReportText {
public:
    explicit ReportText(const Report& report);

    // Parallel to Report::blocks.
    std::span<const BlockText> blocks() const { return blocks_; }
    const BlockText& block(std::size_t index) const { return blocks_.at(index); }

private:
    std::vector<BlockText> blocks_;
};

}  // namespace fincheck::text
