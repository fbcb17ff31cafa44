#include "inject_structure.hpp"

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>

namespace fincheck::gen {
namespace {

// 「<another unit>2024年度机关运行经费支出…」: a 说明 sentence copied from another unit's report,
// its subject (the body named before the year, as the Shanghai template writes it) left as it was.
void foreign_narrative_subject(Random& random, ReportBuilder& b, const Profile& p,
                               std::vector<InjectedError>& truth) {
    const std::span<const Archetype> kinds = archetypes();
    const Archetype* other = &kinds[random.index(kinds.size())];
    if (other == p.archetype)
        other = &kinds[(static_cast<std::size_t>(other - kinds.data()) + 1) % kinds.size()];
    const std::string name = std::string(other->party_body ? p.region->party : p.region->prefix) +
                             std::string(other->name);
    const std::string opening = fmt::format("{}年度{}", p.year, p.department);
    Report& r = b.report();
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
        const std::string_view text = r.blocks[i].text;
        if (!text.starts_with(opening)) continue;
        r.blocks[i].text =
            b.own(fmt::format("{}{}年度{}", name, p.year, text.substr(opening.size())));
        InjectedError e;
        e.kind = ErrorKind::foreign_narrative_subject;
        e.block = static_cast<int>(i);
        e.expected = p.department;
        e.actual = name;
        e.note = "a 说明 sentence opens with another unit as its subject";
        truth.push_back(std::move(e));
        return;
    }
}

// The template's empty-table note kept under 05, which has amounts.
void empty_table_note(ReportBuilder& b, std::vector<InjectedError>& truth) {
    for (Table& t : b.report().tables) {
        if (t.id != "05") continue;
        const Cell* amount = nullptr;  // the first amount: where structure-empty-table-note points
        for (const Row& row : t.rows)
            for (const Cell& cell : row.cells)
                if (amount == nullptr && cell.value && !cell.value->is_zero()) amount = &cell;
        if (amount == nullptr) return;
        t.note =
            b.own(std::string(t.note) + "本部门本年度无一般公共预算财政拨款支出，故本表无数据。");
        InjectedError e;
        e.kind = ErrorKind::empty_table_note;
        e.table = "05";
        e.expected = "no such note";
        e.actual = std::string(amount->raw);
        e.note = "05's note says the table is empty";
        truth.push_back(std::move(e));
        return;
    }
}

// The Shanghai template's note to the writer, 「（如持平作持平表述）」, left after a change
// sentence.
void template_instruction(ReportBuilder& b, std::vector<InjectedError>& truth) {
    Report& r = b.report();
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
        const std::string_view text = r.blocks[i].text;
        if (text.find("相比") == std::string_view::npos || !text.ends_with("。")) continue;
        r.blocks[i].text = b.own(std::string(text) + "（如持平作持平表述）");
        InjectedError e;
        e.kind = ErrorKind::template_instruction;
        e.block = static_cast<int>(i);
        e.expected = "实际内容 / the actual text";
        e.actual = "作持平表述";
        e.note = "the template's instruction left after a change sentence";
        truth.push_back(std::move(e));
        return;
    }
}

}  // namespace

void inject_structure_errors(Random& random, double rate, ReportBuilder& builder,
                             const Profile& profile, std::vector<InjectedError>& truth) {
    if (random.chance(rate)) foreign_narrative_subject(random, builder, profile, truth);
    if (random.chance(rate)) empty_table_note(builder, truth);
    if (random.chance(rate)) template_instruction(builder, truth);
}

}  // namespace fincheck::gen
