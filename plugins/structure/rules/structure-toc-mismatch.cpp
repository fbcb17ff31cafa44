// structure-toc-mismatch: the table of contents and the body headings disagree: a part or
// heading listed but absent (or present without its number), one in the body but not
// listed, a different text under the same number, or a different order. Small rewordings
// (「…说明」 / 「…情况」) and year differences (owned by years-title-mismatch) pass.
#include <optional>
#include <string>
#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "org_name.hpp"
#include "rule_data.hpp"
#include "text_util.hpp"

namespace fincheck::structure {

class TocMismatchRule final : public DeclaredRule {
public:
    TocMismatchRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "structure-toc-mismatch";
// Texts at least this similar (LCS over the longer length) are the same heading reworded.
constexpr double kSameHeading = 0.6;

struct Entry {
    Ordinal ordinal;
    std::string printed;
    std::u32string text;  // comparable_heading of the part after the ordinal
    SourceLine line = 0;
    int section = -1;     // matched body section
};

struct Part {
    Entry entry;
    std::vector<Entry> children;
};

// What the rule needs of each body section, computed once per check (a contents entry is
// compared with many sections).
class SectionCache {
public:
    explicit SectionCache(const Report& report) : report_(report), entries_(report.sections.size()) {}

    // The number in front of the heading (Section::number, else the heading's start).
    const std::optional<Ordinal>& ordinal(int index) { return at(index).ordinal; }

    // The heading reduced for comparison, without its number.
    const std::u32string& text(int index) {
        Cached& c = at(index);
        if (!c.has_text) {
            const Section& s = section(index);
            // The number may be inside the heading when the importer did not split it off.
            std::u32string_view heading = c.heading;
            if (s.number.empty())
                if (auto o = leading_ordinal(heading)) heading = heading.substr(o->length);
            c.text = comparable_heading_of_compacted(heading);
            c.has_text = true;
        }
        return c.text;
    }

private:
    struct Cached {
        bool ready = false;
        bool has_text = false;
        std::u32string heading;  // compact(heading)
        std::optional<Ordinal> ordinal;
        std::u32string text;
    };
    const Section& section(int index) const { return report_.sections[static_cast<std::size_t>(index)]; }
    Cached& at(int index) {
        Cached& c = entries_[static_cast<std::size_t>(index)];
        if (!c.ready) {
            const Section& s = section(index);
            c.heading = compact(s.heading);
            c.ordinal = leading_ordinal(compact(s.number));
            if (!c.ordinal) c.ordinal = leading_ordinal(c.heading);
            c.ready = true;
        }
        return c;
    }

    const Report& report_;
    std::vector<Cached> entries_;
};

}  // namespace

TocMismatchRule::TocMismatchRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("目录与正文标题不一致",
                 "Table of contents disagrees with the body headings")
          .severity(Severity::error)
          .page_in("plugins/structure")
          .messages({
              {"missing-in-body", "目录列有「{entry}」，正文中没有对应标题",
               "The contents list \"{entry}\", but the body has no such heading"},
              {"number-missing", "目录列有「{entry}」，正文对应标题「{heading}」缺少或改变了编号",
               "The contents list \"{entry}\"; the body heading \"{heading}\" lacks that number"},
              {"missing-in-toc", "正文标题「{heading}」未列入目录",
               "The body heading \"{heading}\" is not in the contents"},
              {"text-differs", "目录「{entry}」与正文标题「{heading}」不一致",
               "Contents entry \"{entry}\" differs from the body heading \"{heading}\""},
              {"order", "正文标题「{heading}」的顺序与目录不同",
               "The body heading \"{heading}\" is out of the contents' order"},
          })
          .build()) {}

void TocMismatchRule::check(const Report& report, const RuleContext& context, FindingSink& sink) const {
    if (report.toc.empty()) {
        context.log().write(LogLevel::debug, "structure-toc-mismatch: no contents; skipped");
        return;
    }
    // Contents: parts (第N部分) with the entries listed under each.
    std::vector<Part> parts;
    for (const TocEntry& e : report.toc) {
        if (!may_start_ordinal(e.text)) continue;  // no ordinal: not an entry
        const std::u32string compacted = compact(e.text);
        const auto ordinal = leading_ordinal(compacted);
        if (!ordinal) continue;
        Entry entry{*ordinal, std::string(e.text),
                    comparable_heading_of_compacted(std::u32string_view(compacted).substr(ordinal->length)),
                    e.line, -1};
        if (ordinal->style == OrdinalStyle::part) parts.push_back({std::move(entry), {}});
        else if (!parts.empty() && (parts.back().children.empty() ||
                                    parts.back().children.front().ordinal.style == ordinal->style))
            parts.back().children.push_back(std::move(entry));
    }
    if (parts.empty()) return;

    auto heading_text = [&](int index) {
        const Section& s = report.sections[static_cast<std::size_t>(index)];
        return std::string(s.number) + std::string(s.heading);
    };
    auto at_section = [&](int index) {
        Location l = Location::at_line(report.sections[static_cast<std::size_t>(index)].line);
        l.section = report.section_path(index);
        return l;
    };
    auto add = [&](std::string_view message, Location location, std::string_view entry, std::string_view heading) {
        sink.add(FindingBuilder(kRuleId, message)
                     .at(std::move(location))
                     .arg("entry", entry)
                     .arg("heading", heading)
                     .expected(entry)
                     .actual(heading)
                     .build());
    };

    // The department's name is often left out of a heading or the contents (「第二部分 2024年度部门
    // 决算表」 for 「第二部分 上海市普陀区财政局2024年度部门决算表」): the same part. Whether the
    // name printed is the right one is structure-department-mismatch's question.
    const std::u32string department = comparable_heading(report.meta.department);
    auto same_heading = [&](std::u32string_view a, std::u32string_view b, double threshold) {
        if (similar_at_least(a, b, threshold)) return true;
        auto without_department = [&](std::u32string_view text) {
            if (!department.empty() && text.starts_with(department)) text.remove_prefix(department.size());
            return text;
        };
        const std::u32string_view a_rest = without_department(a), b_rest = without_department(b);
        if (a_rest.size() + b_rest.size() < a.size() + b.size() && !a_rest.empty() && !b_rest.empty() &&
            similar_at_least(a_rest, b_rest, threshold))
            return true;
        // An abbreviation of the name, or another form of it: the longer ends with the shorter and
        // has only a body's name more.
        const std::u32string_view longer = a.size() >= b.size() ? a : b, shorter = a.size() >= b.size() ? b : a;
        return shorter.size() >= 2 && longer.size() > shorter.size() && longer.ends_with(shorter) &&
               ends_like_a_body(longer.substr(0, longer.size() - shorter.size()));
    };

    SectionCache sections(report);
    // comparable_heading of the short paragraphs, made when first compared: every contents
    // entry without a numbered heading is compared with all of them.
    std::vector<std::optional<std::u32string>> block_headings(report.blocks.size());
    auto block_heading = [&](std::size_t b) -> const std::u32string& {
        if (!block_headings[b]) block_headings[b] = comparable_heading(report.blocks[b].text);
        return *block_headings[b];
    };
    // Matches `entries` against the body sections of their style under `parent`.
    auto match_level = [&](std::vector<Entry>& entries, int parent, bool top_level) {
        if (entries.empty()) return;
        const OrdinalStyle style = entries.front().ordinal.style;
        std::vector<int> body;          // sections of this level, document order
        std::vector<int> unnumbered;    // same level but without a number (candidates)
        for (std::size_t i = 0; i < report.sections.size(); ++i) {
            const Section& s = report.sections[i];
            if (top_level ? s.level != 1 : s.parent != parent) continue;
            const auto& o = sections.ordinal(static_cast<int>(i));
            if (o && o->style == style) body.push_back(static_cast<int>(i));
            else if (!o && top_level) unnumbered.push_back(static_cast<int>(i));
        }
        if (!top_level && body.empty()) return;  // e.g. the tables part: entries are tables
        std::vector<bool> used(body.size(), false);
        for (Entry& entry : entries) {
            for (std::size_t k = 0; k < body.size(); ++k) {
                if (used[k] || sections.ordinal(body[k])->value !=
                                   entry.ordinal.value)
                    continue;
                used[k] = true;
                entry.section = body[k];
                break;
            }
            if (entry.section >= 0) {
                const std::u32string& text = sections.text(entry.section);
                if (!same_heading(entry.text, text, kSameHeading))
                    add("text-differs", at_section(entry.section), entry.printed, heading_text(entry.section));
                continue;
            }
            // Listed but not numbered in the body: a heading with the same words, or none.
            int candidate = -1;
            for (int u : unnumbered)
                if (same_heading(entry.text, sections.text(u), 0.8))
                    candidate = u;
            if (candidate >= 0) {
                // The 2024 Shanghai template itself prints the tables part as 「上海市XX局2024年度
                // 部门决算表」 without 第二部分: a report that follows it is right. Only the national
                // template (its tables coded 公开NN表, which the importer reads as "national")
                // numbers that heading.
                const bool template_prints_it_so =
                    report.meta.template_name != "national" && sections.text(candidate).ends_with(U"部门决算表");
                if (!template_prints_it_so)
                    add("number-missing", at_section(candidate), entry.printed, heading_text(candidate));
                continue;
            }
            int block_candidate = -1;
            for (std::size_t b = 0; b < report.blocks.size() && top_level; ++b) {
                const Block& block = report.blocks[b];
                if (block.text.size() > 200) continue;
                if (similar_at_least(entry.text, block_heading(b), 0.8)) {
                    block_candidate = static_cast<int>(b);
                    break;
                }
            }
            if (block_candidate >= 0) {
                const Block& block = report.blocks[static_cast<std::size_t>(block_candidate)];
                add("number-missing", Location::at_block(report, block_candidate), entry.printed, block.text);
                continue;
            }
            add("missing-in-body", Location::at_line(entry.line), entry.printed, "");
        }
        // Body headings the contents do not list. A repeated number is left to
        // structure-list-numbering.
        for (std::size_t k = 0; k < body.size(); ++k) {
            if (used[k]) continue;
            const int value = sections.ordinal(body[k])->value;
            bool listed_number = false;
            for (const Entry& entry : entries)
                if (entry.ordinal.value == value) listed_number = true;
            if (!listed_number) add("missing-in-toc", at_section(body[k]), "", heading_text(body[k]));
        }
        // Order: matched sections must appear in the order of their entries.
        int last = -1;
        for (const Entry& entry : entries) {
            if (entry.section < 0) continue;
            if (entry.section < last) add("order", at_section(entry.section), entry.printed, heading_text(entry.section));
            else last = entry.section;
        }
    };

    std::vector<Entry> top;
    for (const Part& part : parts) top.push_back(part.entry);
    match_level(top, -1, true);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        if (top[p].section < 0) continue;
        match_level(parts[p].children, top[p].section, false);
    }
}

}  // namespace fincheck::structure

FINCHECK_RULE(structure_toc_mismatch, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::TocMismatchRule>();
}
