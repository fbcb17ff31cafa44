#include "inject.hpp"

#include "inject_structure.hpp"

#include <algorithm>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace fincheck::gen {
namespace {

Table* table_by_id(Report& r, std::string_view id) {
    for (Table& t : r.tables)
        if (t.id == id) return &t;
    return nullptr;
}

Row* row_by_key(Table& t, std::string_view key) {
    for (Row& row : t.rows)
        if (row.key == key) return &row;
    return nullptr;
}

void set_amount(ReportBuilder& b, Cell& cell, Decimal value) {
    cell.raw = b.own(value.to_string(2));
    cell.value = value;
}

std::vector<std::string> classes_present(const Finances& f, bool general_only) {
    std::vector<std::string> out;
    for (const CodeName& c : functional_classes()) {
        const std::string code(c.code);
        if ((general_only ? f.class_general(code) : f.class_total(code)) >= 1'000) out.push_back(code);
    }
    return out;
}

// A 合计 that leaves out one class line.
void class_missing(Random& random, ReportBuilder& b, const Finances& f, std::vector<InjectedError>& truth) {
    const std::vector<std::string> classes = classes_present(f, false);
    if (classes.size() < 2) return;
    const std::string& left_out = classes[random.index(classes.size())];
    const bool in_01 = random.chance(0.5);
    Table* t = table_by_id(b.report(), in_01 ? "01" : "03");
    Row* row = row_by_key(*t, in_01 ? "expenditure/本年支出合计" : "合计");
    Cell& cell = row->cells[0];
    const Decimal wrong = wan(f.spending_total() - f.class_total(left_out));
    InjectedError e;
    e.kind = ErrorKind::class_missing_from_total;
    e.table = std::string(t->id);
    e.row = std::string(row->key);
    e.column = in_01 ? "决算数" : "本年支出合计";
    e.expected = std::string(cell.raw);
    e.actual = wrong.to_string(2);
    e.note = fmt::format("本年支出合计 omits class {} ({})", left_out, functional_name(left_out));
    set_amount(b, cell, wrong);
    truth.push_back(std::move(e));
}

// Two class lines of 04 swapped: each line still adds up, but no longer matches 05 and 01.
void cross_table(Random& random, ReportBuilder& b, const Finances& f, std::vector<InjectedError>& truth) {
    std::vector<std::string> classes = classes_present(f, true);
    if (classes.size() < 2) return;
    const std::size_t first = random.index(classes.size());
    std::size_t second = classes.size();
    for (std::size_t k = 1; k < classes.size(); ++k) {
        const std::size_t candidate = (first + k) % classes.size();
        if ((wan(f.class_general(classes[first])) - wan(f.class_general(classes[candidate]))).abs() >
            Decimal::from_units(50'000)) {
            second = candidate;
            break;
        }
    }
    if (second == classes.size()) return;
    Table* t = table_by_id(b.report(), "04");
    Row* a = row_by_key(*t, "expenditure/" + classes[first]);
    Row* c = row_by_key(*t, "expenditure/" + classes[second]);
    InjectedError e;
    e.kind = ErrorKind::cross_table_mismatch;
    e.table = "04";
    e.row = std::string(a->key);
    e.column = "一般公共预算财政拨款";
    e.expected = std::string(a->cells[1].raw);
    e.actual = std::string(c->cells[1].raw);
    e.note = fmt::format("04 class lines {} and {} swapped; each disagrees with 05 and 01", classes[first], classes[second]);
    for (std::size_t i = 0; i < a->cells.size(); ++i) {
        std::swap(a->cells[i].raw, c->cells[i].raw);
        std::swap(a->cells[i].value, c->cells[i].value);
    }
    truth.push_back(std::move(e));
}

// A share in prose moved by a few points.
void wrong_percentage(Random& random, ReportBuilder& b, const NarrativeAnchors& anchors,
                      std::vector<InjectedError>& truth) {
    if (anchors.spending_block < 0) return;
    Block& block = b.report().blocks[static_cast<std::size_t>(anchors.spending_block)];
    std::string text(block.text);
    const std::string marker = "占本年支出";
    const std::size_t at = text.find(marker);
    if (at == std::string::npos) return;
    const std::size_t begin = at + marker.size();
    const std::size_t end = text.find('%', begin);
    const auto stated = Decimal::parse(std::string_view(text).substr(begin, end - begin));
    if (!stated) return;
    Decimal shift = Decimal::from_units(random.between(100, 500) * 10'000);  // 1.00–5.00 points
    if (*stated + shift > Decimal::from_int(100)) shift = -shift;
    const Decimal wrong = *stated + shift;
    InjectedError e;
    e.kind = ErrorKind::wrong_percentage;
    e.block = anchors.spending_block;
    e.expected = stated->to_string(2);
    e.actual = wrong.to_string(2);
    e.note = "基本支出 share of 本年支出 in 三、支出决算情况说明";
    text.replace(begin, end - begin, wrong.to_string(2));
    block.text = b.own(text);
    truth.push_back(std::move(e));
}

// An attachment titled with the previous year, as a copied form keeps it.
void wrong_year(Random& random, ReportBuilder& b, const Profile& p, std::vector<InjectedError>& truth) {
    Report& r = b.report();
    if (r.attachments.empty()) return;
    // Prefer a project form (附件2-n): the form most often copied from last year's report.
    std::size_t chosen = random.index(r.attachments.size());
    for (std::size_t k = 0; k < r.attachments.size(); ++k) {
        const std::size_t i = (chosen + k) % r.attachments.size();
        if (r.attachments[i].label.starts_with("附件2-")) { chosen = i; break; }
    }
    Attachment& a = r.attachments[chosen];
    const std::string right = fmt::format("{}年度", p.year);
    const std::string wrong = fmt::format("{}年度", p.year - 1);
    std::string title(a.title);
    if (const std::size_t at = title.find(right); at != std::string::npos) title.replace(at, right.size(), wrong);
    a.title = b.own(title);
    InjectedError e;
    e.kind = ErrorKind::wrong_attachment_year;
    for (int t : a.tables) {
        Table& table = r.tables[static_cast<std::size_t>(t)];
        table.title = a.title;
        if (e.table.empty()) e.table = std::string(table.id);
    }
    e.expected = std::to_string(p.year);
    e.actual = std::to_string(p.year - 1);
    e.note = fmt::format("{} titled {}", a.label, title);
    truth.push_back(std::move(e));
}

// Another unit's name on the 部门： line of one standard table.
void foreign_department(Random& random, ReportBuilder& b, const Profile& p, std::vector<InjectedError>& truth) {
    const std::span<const Archetype> kinds = archetypes();
    const Archetype* other = &kinds[random.index(kinds.size())];
    if (other == p.archetype) other = &kinds[(static_cast<std::size_t>(other - kinds.data()) + 1) % kinds.size()];
    const std::string name = std::string(other->party_body ? p.region->party : p.region->prefix) + std::string(other->name);
    const std::string id = fmt::format("0{}", random.between(1, 9));
    Table* t = table_by_id(b.report(), id);
    InjectedError e;
    e.kind = ErrorKind::foreign_department;
    e.table = id;
    e.expected = p.department;
    e.actual = name;
    e.note = "部门： line names another unit";
    t->department = b.own(name);
    truth.push_back(std::move(e));
}

// A choice of the template's wording left unresolved in a change sentence:
// 「与2023年度…相比减少（增加）0.07万元」.
void unresolved_alternative(ReportBuilder& b, std::vector<InjectedError>& truth) {
    Report& r = b.report();
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
        std::string text(r.blocks[i].text);
        for (const auto& [word, other] : {std::pair{"相比增加", "（减少）"}, std::pair{"相比减少", "（增加）"}}) {
            const std::size_t at = text.find(word);
            if (at == std::string::npos) continue;
            text.insert(at + std::string_view(word).size(), other);
            r.blocks[i].text = b.own(text);
            InjectedError e;
            e.kind = ErrorKind::unresolved_alternative;
            e.block = static_cast<int>(i);
            e.expected = std::string(word).substr(std::string_view("相比").size());
            e.actual = e.expected + other;
            e.note = "change sentence keeps the template's alternative";
            truth.push_back(std::move(e));
            return;
        }
    }
}

// A class line of 01 printed under the name the catalogue used before 2019.
void obsolete_class_name(ReportBuilder& b, const Profile& p, std::vector<InjectedError>& truth) {
    if (p.year < 2019) return;
    Table* t = table_by_id(b.report(), "01");
    if (t == nullptr) return;
    for (const auto& [code, current, old] :
         {std::tuple{"210", "卫生健康", "医疗卫生与计划生育"}, std::tuple{"207", "文化旅游体育与传媒", "文化体育与传媒"},
          std::tuple{"220", "自然资源海洋气象等", "国土海洋气象等"}}) {
        Row* row = row_by_key(*t, fmt::format("expenditure/{}", code));
        if (row == nullptr) continue;
        std::string label(row->label);
        const std::size_t at = label.find(current);
        if (at == std::string::npos) continue;
        label.replace(at, std::string_view(current).size(), old);
        row->label = b.own(label);
        InjectedError e;
        e.kind = ErrorKind::obsolete_class_name;
        e.table = "01";
        e.row = std::string(row->key);
        e.expected = current;
        e.actual = old;
        e.note = fmt::format("class {} printed under its pre-2019 name", code);
        truth.push_back(std::move(e));
        return;
    }
}

// Another unit's name in the heading of 第一部分 (概况), as a heading copied from another report.
void foreign_part_heading(Random& random, ReportBuilder& b, const Profile& p, std::vector<InjectedError>& truth) {
    const std::span<const Archetype> kinds = archetypes();
    const Archetype* other = &kinds[random.index(kinds.size())];
    if (other == p.archetype) other = &kinds[(static_cast<std::size_t>(other - kinds.data()) + 1) % kinds.size()];
    const std::string name = std::string(other->party_body ? p.region->party : p.region->prefix) + std::string(other->name);
    for (Section& section : b.report().sections) {
        if (section.level != 1 || !std::string_view(section.heading).ends_with("概况")) continue;
        InjectedError e;
        e.kind = ErrorKind::foreign_part_heading;
        e.expected = p.department;
        e.actual = name;
        e.note = fmt::format("heading of {} names another unit", section.number);
        section.heading = b.own(name + "概况");
        truth.push_back(std::move(e));
        return;
    }
}

}  // namespace

void inject_errors(Random& random, double rate, ReportBuilder& builder, const Profile& profile,
                   const Finances& finances, const NarrativeAnchors& anchors,
                   std::vector<InjectedError>& truth) {
    // Every kind draws its chance even when the rate is zero, so a report's other content
    // does not depend on the rate.
    const bool kinds[5] = {random.chance(rate), random.chance(rate), random.chance(rate), random.chance(rate),
                           random.chance(rate)};
    if (kinds[0]) class_missing(random, builder, finances, truth);
    if (kinds[1]) cross_table(random, builder, finances, truth);
    if (kinds[2]) wrong_percentage(random, builder, anchors, truth);
    if (kinds[3]) wrong_year(random, builder, profile, truth);
    if (kinds[4]) foreign_department(random, builder, profile, truth);
    // The kinds added later draw after the first five have been planted, so that a seed keeps
    // planting the same first five errors it always did.
    if (random.chance(rate)) unresolved_alternative(builder, truth);
    if (random.chance(rate)) obsolete_class_name(builder, profile, truth);
    if (random.chance(rate)) foreign_part_heading(random, builder, profile, truth);
    inject_narrative_errors(random, rate, builder, profile, finances, truth);
    inject_structure_errors(random, rate, builder, profile, truth);
}

}  // namespace fincheck::gen
