#include "year_index.hpp"

namespace fincheck::years {
namespace {

// Names the analysis in Report::derived(); only its address matters.
constexpr char kYearIndexTag = 0;

}  // namespace

YearIndex::YearIndex(const Report& report) {
    starts_.reserve(report.blocks.size() + report.tables.size() + report.attachments.size() +
                    report.sections.size() + report.toc.size() + 1);
    auto add = [&](std::string_view text) {
        starts_.push_back(static_cast<std::uint32_t>(mentions_.size()));
        append_year_mentions(text, mentions_);
    };
    blocks_at_ = starts_.size();
    for (const Block& block : report.blocks) add(block.text);
    tables_at_ = starts_.size();
    for (const Table& table : report.tables) add(table.title);
    attachments_at_ = starts_.size();
    for (const Attachment& attachment : report.attachments) add(attachment.title);
    sections_at_ = starts_.size();
    for (const Section& section : report.sections) add(section.heading);
    toc_at_ = starts_.size();
    for (const TocEntry& entry : report.toc) add(entry.text);
    starts_.push_back(static_cast<std::uint32_t>(mentions_.size()));
}

const YearIndex& YearIndex::of(const Report& report) {
    return report.derived<YearIndex>(&kYearIndexTag, [&] { return YearIndex(report); });
}

}  // namespace fincheck::years
