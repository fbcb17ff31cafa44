// The year mentions of every text the years rules read (paragraphs, table and attachment
// titles, headings, contents entries), found once per report and shared by the rules through
// Report::derived(): each text is decoded once, however many rules look at it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "fincheck/report.hpp"
#include "year_text.hpp"

namespace fincheck::years {

class YearIndex {
public:
    explicit YearIndex(const Report& report);

    // The index of `report`, built by the first rule that asks.
    static const YearIndex& of(const Report& report);

    std::span<const YearMention> block(std::size_t index) const { return slice(blocks_at_ + index); }
    std::span<const YearMention> table_title(std::size_t index) const { return slice(tables_at_ + index); }
    std::span<const YearMention> attachment_title(std::size_t index) const { return slice(attachments_at_ + index); }
    std::span<const YearMention> section_heading(std::size_t index) const { return slice(sections_at_ + index); }
    std::span<const YearMention> toc_entry(std::size_t index) const { return slice(toc_at_ + index); }

private:
    std::span<const YearMention> slice(std::size_t text) const {
        return {mentions_.data() + starts_[text], starts_[text + 1] - starts_[text]};
    }

    // All mentions, text after text; starts_[i] is where text i's begin (one extra at the end).
    std::vector<YearMention> mentions_;
    std::vector<std::uint32_t> starts_;
    std::size_t blocks_at_ = 0, tables_at_ = 0, attachments_at_ = 0, sections_at_ = 0, toc_at_ = 0;
};

}  // namespace fincheck::years
