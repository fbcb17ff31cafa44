#include "fincheck/engine/root_cause.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace fincheck::engine {
namespace {

std::string cell_key(const Location& l) {
    if (l.table.empty() || l.row.empty() || l.column.empty()) return {};
    return l.table + "/" + l.row + "/" + l.column;
}

// The figure a prose finding points at (block and span), or empty: findings of several rules on
// the same printed number are one wrong figure to correct.
std::string prose_key(const Location& l) {
    if (l.block < 0 || l.span_end <= l.span_begin || !l.table.empty()) return {};
    return std::to_string(l.block) + ":" + std::to_string(l.span_begin) + "-" + std::to_string(l.span_end);
}

// Union-find over findings: two findings of table relations sharing a cell are one component.
struct Components {
    std::vector<std::size_t> parent;
    explicit Components(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

// The value the root cell should hold: what the findings located at it say it should be, the
// cross-table one first (two printings agree exactly; a sum carries a tail) — but only when all
// of them agree within their tolerance. Findings that point different ways (a blank 05 total
// read as 0.00 against the sum of 04's class lines) leave the correction to the auditor.
std::string agreed_correction(const std::vector<const Finding*>& findings, const std::vector<RelationCells>& cells,
                              const std::vector<std::size_t>& members, const std::string& root) {
    std::string chosen;
    std::optional<Decimal> chosen_value;
    for (int pass = 0; pass < 2 && chosen.empty(); ++pass)
        for (std::size_t j : members)
            if (cell_key(findings[j]->location) == root && (pass == 1 || cells[j].cross_table) &&
                !findings[j]->expected.empty()) {
                chosen = findings[j]->expected;
                chosen_value = Decimal::parse(chosen);
                break;
            }
    if (chosen.empty() || !chosen_value) return {};
    for (std::size_t j : members) {
        if (cell_key(findings[j]->location) != root) continue;
        const std::optional<Decimal> said = Decimal::parse(findings[j]->expected);
        const Decimal allowed = findings[j]->tolerance.value_or(Decimal{});
        if (!said || (*said - *chosen_value).abs() > allowed) return {};
    }
    return chosen;
}

}  // namespace

RelationCells relation_cells(const Finding& finding, std::string_view category) {
    RelationCells out;
    out.table_relation = category == "arithmetic" || category == "cross-table";
    out.cross_table = category == "cross-table";
    if (!out.table_relation) return out;
    std::set<std::string> keys;
    if (std::string key = cell_key(finding.location); !key.empty()) keys.insert(std::move(key));
    for (const Evidence& e : finding.evidence)
        if (std::string key = cell_key(e.location); !key.empty()) keys.insert(std::move(key));
    out.cells.assign(keys.begin(), keys.end());
    return out;
}

std::vector<Defect> group_by_root_cause(const std::vector<const Finding*>& findings,
                                        const std::vector<RelationCells>& cells) {
    const std::size_t n = findings.size();
    Components components(n);
    std::map<std::string, std::vector<std::size_t>> by_cell;
    for (std::size_t i = 0; i < n; ++i)
        for (const std::string& cell : cells[i].cells) by_cell[cell].push_back(i);
    for (const auto& [cell, members] : by_cell)
        for (std::size_t k = 1; k < members.size(); ++k) components.join(members[0], members[k]);
    // A number of the prose that several rules find wrong (its amount against the tables, its
    // parts against it) is one defect: correcting it answers them all.
    std::map<std::string, std::size_t> first_at_figure;
    for (std::size_t i = 0; i < n; ++i) {
        if (cells[i].table_relation) continue;
        const std::string key = prose_key(findings[i]->location);
        if (key.empty()) continue;
        const auto [it, inserted] = first_at_figure.try_emplace(key, i);
        if (!inserted) components.join(it->second, i);
    }

    std::map<std::size_t, std::vector<std::size_t>> groups;  // component root → findings
    for (std::size_t i = 0; i < n; ++i) groups[components.find(i)].push_back(i);

    std::vector<Defect> defects;
    for (const auto& [root, members] : groups) {
        if (members.size() == 1 || !cells[members.front()].table_relation) {
            // One finding, or the findings on one figure of the prose.
            defects.push_back({{}, {}, {}, members});
            continue;
        }
        // Greedy set cover over the component's cells.
        std::set<std::size_t> open(members.begin(), members.end());
        while (!open.empty()) {
            std::string best;
            std::size_t best_cover = 0, best_located = 0;
            for (std::size_t i : open) {
                for (const std::string& cell : cells[i].cells) {
                    std::size_t cover = 0, located = 0;
                    for (std::size_t j : by_cell[cell]) {
                        if (!open.count(j)) continue;
                        ++cover;
                        if (cell_key(findings[j]->location) == cell) ++located;
                    }
                    const bool better = cover > best_cover || (cover == best_cover && located > best_located) ||
                                        (cover == best_cover && located == best_located && cell < best);
                    if (better) {
                        best = cell;
                        best_cover = cover;
                        best_located = located;
                    }
                }
            }
            Defect defect;
            defect.root = best;
            for (std::size_t j : by_cell[best])
                if (open.erase(j)) defect.findings.push_back(j);
            std::sort(defect.findings.begin(), defect.findings.end());
            defect.corrected = agreed_correction(findings, cells, defect.findings, best);
            defects.push_back(std::move(defect));
        }
    }
    std::sort(defects.begin(), defects.end(),
              [](const Defect& a, const Defect& b) { return a.findings.front() < b.findings.front(); });
    for (std::size_t d = 0; d < defects.size(); ++d) defects[d].id = "d" + std::to_string(d + 1);
    return defects;
}

}  // namespace fincheck::engine
