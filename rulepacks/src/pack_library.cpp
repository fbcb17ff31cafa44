#include "fincheck/rulepacks/pack_library.hpp"

#include <algorithm>
#include <set>

#include "fincheck/rulepacks/evaluator.hpp"
#include "fincheck/nearest_name.hpp"
#include "fincheck/rulepacks/pack_validation.hpp"

namespace fincheck::rulepacks {

namespace {

// <template ref>: the tables a pack's rules may name are the template's, declared once in
// schemas/templates rather than in every pack.
std::optional<PackError> take_template_tables(Pack& pack, const templates::TemplateSet& templates) {
    if (pack.template_ref.empty()) return std::nullopt;
    const templates::Template* t = templates.find(pack.template_ref);
    if (!t) {
        std::vector<std::string> ids;
        for (const auto& known : templates.all()) ids.push_back(known.id);
        return error_at(pack.template_pos, "pack " + pack.id + " refers to template " + pack.template_ref +
                                               ", which is not loaded" + did_you_mean(pack.template_ref, ids) +
                                               " (引用了未载入的模板)");
    }
    for (const templates::Table& table : t->tables)
        pack.tables.push_back(TableDecl{table.id, table.title, table.order, table.column_keys(), table.rows,
                                        pack.template_pos});
    return std::nullopt;
}

}  // namespace


namespace {

bool has_variable(std::string_view text) { return text.find('{') != std::string_view::npos; }

bool starts_with(std::string_view text, std::string_view prefix) {
    return !prefix.empty() && text.substr(0, prefix.size()) == prefix;
}

bool is_code(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Checks that every table, row and column a rule names exists in the template its pack
// declares; what a loop variable fills in is only known at run time. Collects every problem.
class ReferenceChecker {
public:
    ReferenceChecker(const ResolvedPack& pack, std::vector<PackError>& errors) : pack_(pack), errors_(errors) {}

    void rule(const RuleDef& rule) {
        for (const Condition& c : rule.when) condition(rule, c, {});
        for (const Check& check : rule.checks) {
            if (check.each)
                for (const Each::Source& s : check.each->sources) table(rule, s.table, check.each->pos);
            // A literal loop is known now: check every reference with each value filled in.
            std::vector<Bindings> bindings{Bindings{}};
            if (check.each && check.each->kind == Each::Kind::values) {
                bindings.clear();
                for (const std::string& v : check.each->values) bindings.push_back(Bindings{{check.each->var, v}});
            }
            for (const Bindings& b : bindings) {
                for (const Condition& c : check.when) condition(rule, c, b);
                for (const auto* side : {&check.left, &check.right})
                    for (const Term& t : *side) term(rule, t, b);
            }
        }
    }

private:
    void report(const SourcePos& pos, std::string message) {
        PackError error{pos.file, pos.line, std::move(message)};
        auto same = [&](const PackError& e) { return e.file == error.file && e.line == error.line && e.message == error.message; };
        if (std::none_of(errors_.begin(), errors_.end(), same)) errors_.push_back(std::move(error));
    }

    const TableDecl* table(const RuleDef& rule, const std::string& raw_id, const SourcePos& pos, const Bindings& b = {}) {
        std::string id = substitute(raw_id, b);
        if (has_variable(id)) return nullptr;
        auto it = pack_.tables.find(id);
        if (it != pack_.tables.end()) return &it->second;
        std::vector<std::string> ids;
        for (const auto& [known, decl] : pack_.tables) ids.push_back(known);
        report(pos, "rule " + rule.id + " refers to table \"" + id + "\", which pack " + pack_.pack->id +
                        " does not declare in <tables>" + did_you_mean(id, ids) + " (引用了未声明的表)");
        return nullptr;
    }

    void column(const RuleDef& rule, const TableDecl* decl, const ColumnRef& c, const SourcePos& pos, const Bindings& b) {
        std::string key = substitute(c.key, b);
        if (!decl || key.empty() || has_variable(key) || decl->columns.empty()) return;
        const auto& cols = decl->columns;
        if (std::find(cols.begin(), cols.end(), key) != cols.end()) return;
        report(pos, "rule " + rule.id + " refers to column \"" + key + "\" of table " + decl->id + ", which pack " +
                        pack_.pack->id + " does not declare" + did_you_mean(key, cols) + " (引用了未声明的列)");
    }

    // A row named by key: a declared named row, or a code (optionally "part/code").
    void row(const RuleDef& rule, const TableDecl* decl, const RowRef& r, const SourcePos& pos, const Bindings& b) {
        if (!decl || r.by != RowRef::By::key || r.value.empty() || decl->rows.empty()) return;
        std::string key = substitute(r.value, b);
        if (has_variable(key)) return;
        std::string_view last = key;
        if (std::size_t slash = last.rfind('/'); slash != std::string_view::npos) last.remove_prefix(slash + 1);
        if (is_code(last)) return;
        const auto& rows = decl->rows;
        if (std::find(rows.begin(), rows.end(), key) != rows.end()) return;
        report(pos, "rule " + rule.id + " refers to row \"" + key + "\" of table " + decl->id + ", which pack " +
                        pack_.pack->id + " does not declare" + did_you_mean(key, rows) + " (引用了未声明的行)");
    }

    void condition(const RuleDef& rule, const Condition& c, const Bindings& b) {
        const TableDecl* decl = table(rule, c.table, c.pos, b);
        row(rule, decl, c.row, c.pos, b);
        column(rule, decl, c.column, c.pos, b);
        if (c.kind != Condition::Kind::not_above) return;
        const TableDecl* than = table(rule, c.than_table, c.pos, b);
        row(rule, than, c.than_row, c.pos, b);
        column(rule, than, c.than_column, c.pos, b);
    }

    void term(const RuleDef& rule, const Term& t, const Bindings& b) {
        const TableDecl* decl = table(rule, t.table, t.pos, b);
        row(rule, decl, t.row, t.pos, b);
        for (const RowRef& r : t.rows) row(rule, decl, r, t.pos, b);
        if (t.from) row(rule, decl, *t.from, t.pos, b);
        if (t.to) row(rule, decl, *t.to, t.pos, b);
        column(rule, decl, t.column, t.pos, b);
        for (const ColumnRef& c : t.columns) column(rule, decl, c, t.pos, b);
    }

    const ResolvedPack& pack_;
    std::vector<PackError>& errors_;
};

// A pack nothing can select is a silent no-op: no <applies>, not the fallback root and no
// other pack extends it (a base that only others build on is fine).
bool selectable(const Pack& pack, const std::vector<std::unique_ptr<Pack>>& packs) {
    if (!pack.applies.empty()) return true;
    if (std::any_of(packs.begin(), packs.end(), [&](const auto& p) { return p->extends == pack.id; })) return true;
    if (!pack.extends.empty()) return false;
    // A root without <applies> is the fallback, and when several exist "national" is.
    const bool national_present =
        std::any_of(packs.begin(), packs.end(), [](const auto& p) { return p->id == "national" && p->extends.empty() && p->applies.empty(); });
    return !national_present || pack.id == "national";
}

}  // namespace

void ToleranceSources::take(const ToleranceSpec& spec) {
    if (spec.half_unit) half_unit = spec.pos;
    if (spec.extra) extra = spec.pos;
    if (spec.absolute) absolute = spec.pos;
}

std::string PackErrors::to_string() const {
    std::string out;
    for (const PackError& e : errors) out += (out.empty() ? "" : "\n") + e.to_string();
    return out;
}

std::variant<PackLibrary, PackErrors> PackLibrary::load(const std::vector<std::filesystem::path>& files,
                                                        const RegionNames* regions,
                                                        const templates::TemplateSet* templates) {
    std::vector<Pack> parsed;
    PackErrors errors;
    for (const auto& file : files) {
        PackParseResult r = parse_pack_file(file);
        if (r.error) errors.errors.push_back(std::move(*r.error));
        else parsed.push_back(std::move(*r.pack));
    }
    return link(std::move(parsed), std::move(errors), regions, templates);
}

std::variant<PackLibrary, PackErrors> PackLibrary::load_texts(
    const std::vector<std::pair<std::string, std::string>>& texts, const RegionNames* regions,
    const templates::TemplateSet* templates) {
    std::vector<Pack> parsed;
    PackErrors errors;
    for (const auto& [name, text] : texts) {
        PackParseResult r = parse_pack_buffer(text, name);
        if (r.error) errors.errors.push_back(std::move(*r.error));
        else parsed.push_back(std::move(*r.pack));
    }
    return link(std::move(parsed), std::move(errors), regions, templates);
}

std::vector<std::filesystem::path> PackLibrary::discover(const std::vector<std::filesystem::path>& data_dirs) {
    std::vector<std::filesystem::path> out;
    std::set<std::filesystem::path> seen;
    for (const auto& dir : data_dirs) {
        std::error_code ec;
        std::filesystem::path folder = dir.filename() == "rulepacks" ? dir : dir / "rulepacks";
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (auto& f : files) {
            auto canonical = std::filesystem::weakly_canonical(f, ec);
            if (seen.insert(canonical).second) out.push_back(f);
        }
    }
    return out;
}

std::variant<PackLibrary, PackErrors> PackLibrary::link(std::vector<Pack> parsed, PackErrors failed,
                                                        const RegionNames* regions,
                                                        const templates::TemplateSet* templates) {
    std::vector<PackError>& errors = failed.errors;
    PackLibrary lib;
    for (Pack& p : parsed)
        if (auto e = take_template_tables(p, templates ? *templates : templates::TemplateSet::builtin()))
            errors.push_back(std::move(*e));
    // A later pack with the same id replaces the earlier one, unless both sit in one folder:
    // then one of them would be ignored by accident of file name order.
    for (Pack& p : parsed) {
        for (PackError& e : validate_pack(p, regions)) errors.push_back(std::move(e));
        auto same = std::find_if(lib.packs_.begin(), lib.packs_.end(), [&](const auto& q) { return q->id == p.id; });
        if (same == lib.packs_.end()) {
            lib.packs_.push_back(std::make_unique<Pack>(std::move(p)));
        } else if (std::filesystem::path((*same)->file).parent_path() == std::filesystem::path(p.file).parent_path()) {
            errors.push_back(error_at(p.pos, "pack id " + p.id + " is also the id of " + (*same)->file +
                                                 " in the same folder (规则包标识重复)"));
        } else {
            *same = std::make_unique<Pack>(std::move(p));
        }
    }
    auto by_id = [&](std::string_view id) -> const Pack* {
        for (const auto& p : lib.packs_)
            if (p->id == id) return p.get();
        return nullptr;
    };

    for (const auto& owned : lib.packs_) {
        const Pack& pack = *owned;
        if (!selectable(pack, lib.packs_))
            errors.push_back(error_at(pack.pos, "pack " + pack.id +
                                                    " is never selected: it has no <applies>, no pack extends it, and "
                                                    "it is not the fallback root pack (规则包永远不会被选用)"));
        ResolvedPack r;
        r.pack = &pack;
        std::optional<PackError> chain_error;
        for (const Pack* p = &pack; p;) {
            if (std::find(r.chain.begin(), r.chain.end(), p) != r.chain.end()) {
                chain_error = error_at(pack.pos, "pack " + pack.id + " extends itself through " + p->id + " (规则包继承成环)");
                break;
            }
            r.chain.insert(r.chain.begin(), p);
            if (p->extends.empty()) break;
            const Pack* parent = by_id(p->extends);
            if (!parent) {
                std::vector<std::string> ids;
                for (const auto& q : lib.packs_) ids.push_back(q->id);
                chain_error = error_at(p->pos, "pack " + p->id + " extends \"" + p->extends + "\", which is not loaded" +
                                                   did_you_mean(p->extends, ids) + " (父规则包未加载)");
                break;
            }
            p = parent;
        }
        if (chain_error) {
            if (chain_error->file == pack.file) errors.push_back(std::move(*chain_error));
            continue;  // an ancestor's own problem is reported once, for the ancestor
        }

        ToleranceSpec pack_defaults;
        ToleranceSources pack_defaults_from;
        for (const Pack* p : r.chain) {
            pack_defaults = pack_defaults.merged(p->tolerance);
            pack_defaults_from.take(p->tolerance);
            for (const TableDecl& t : p->tables) {
                auto [it, inserted] = r.tables.emplace(t.id, t);
                if (!inserted) {  // a regional template renames, reorders or adds columns and rows
                    if (!t.title.empty()) it->second.title = t.title;
                    if (t.order) it->second.order = t.order;
                    for (const auto& c : t.columns)
                        if (std::find(it->second.columns.begin(), it->second.columns.end(), c) == it->second.columns.end())
                            it->second.columns.push_back(c);
                    for (const auto& row : t.rows)
                        if (std::find(it->second.rows.begin(), it->second.rows.end(), row) == it->second.rows.end())
                            it->second.rows.push_back(row);
                }
            }
            std::vector<std::string> inherited;
            for (const auto& [id, e] : r.rules) inherited.push_back(id);
            for (const RuleDef& def : p->rules) {
                // A pack that defines a rule id its parent has replaces the parent's relation.
                EffectiveRule e{&def, p, def.severity, def.pos, {}, {}};
                r.rules[def.id] = e;
                r.disabled.erase(def.id);
            }
            const bool own = p == &pack;  // an ancestor's problems are reported for the ancestor
            for (const Override& o : p->overrides)
                if (own && !r.rules.count(o.rule))
                    errors.push_back(error_at(o.pos, "pack " + p->id + " overrides rule " + o.rule +
                                                         ", which no pack it extends defines" + did_you_mean(o.rule, inherited) +
                                                         " (覆盖了不存在的规则)"));
            for (const Disable& d : p->disabled) {
                auto it = r.rules.find(d.rule);
                if (it != r.rules.end()) {
                    r.rules.erase(it);
                    r.disabled[d.rule] = d.pos;
                } else if (own)
                    errors.push_back(error_at(d.pos, "pack " + p->id + " disables rule " + d.rule +
                                                         ", which no pack it extends defines" + did_you_mean(d.rule, inherited) +
                                                         " (停用了不存在的规则)"));
            }
        }
        // Tolerance and severity: pack defaults (ancestors first), the rule's own, then every
        // override along the chain, the most specific pack last.
        for (auto& [id, e] : r.rules) {
            e.tolerance = pack_defaults.merged(e.def->tolerance);
            e.tolerance_from = pack_defaults_from;
            e.tolerance_from.take(e.def->tolerance);
            for (const Pack* p : r.chain)
                for (const Override& o : p->overrides)
                    if (o.rule == id) {
                        if (o.severity) {
                            e.severity = *o.severity;
                            e.severity_from = o.pos;
                        }
                        e.tolerance = e.tolerance.merged(o.tolerance);
                        e.tolerance_from.take(o.tolerance);
                    }
        }
        ReferenceChecker checker(r, errors);
        for (const RuleDef& def : pack.rules) checker.rule(def);
        lib.resolved_.push_back(std::move(r));
    }
    if (!errors.empty()) return failed;

    for (const auto& p : lib.packs_)
        for (const RuleDef& def : p->rules)
            if (std::find(lib.rule_ids_.begin(), lib.rule_ids_.end(), def.id) == lib.rule_ids_.end())
                lib.rule_ids_.push_back(def.id);
    return lib;
}

const ResolvedPack* PackLibrary::find(std::string_view id) const {
    for (const ResolvedPack& r : resolved_)
        if (r.pack->id == id) return &r;
    return nullptr;
}

const RuleDef* PackLibrary::base_definition(std::string_view id) const {
    // The definition nearest the root: that is the relation the rule id was named for.
    const RuleDef* best = nullptr;
    std::size_t best_depth = 0;
    for (const ResolvedPack& r : resolved_)
        for (std::size_t depth = 0; depth < r.chain.size(); ++depth)
            for (const RuleDef& def : r.chain[depth]->rules)
                if (def.id == id && (!best || depth < best_depth)) {
                    best = &def;
                    best_depth = depth;
                }
    return best;
}

const ResolvedPack* PackLibrary::select(const Report& report, std::string_view forced) const {
    return choose(report, forced).pack;
}

PackChoice PackLibrary::choose(const Report& report, std::string_view forced) const {
    if (!forced.empty()) {
        const ResolvedPack* pack = find(forced);
        return {pack, pack ? PackChoice::Why::forced : PackChoice::Why::none, nullptr};
    }
    const ResolvedPack* best = nullptr;
    const Match* best_match = nullptr;
    std::size_t best_score = 0;
    for (const ResolvedPack& r : resolved_) {
        std::size_t match_score = 0;
        const Match* matched = nullptr;
        for (const Match& m : r.pack->applies) {
            bool region_ok = m.region_prefix.empty() || starts_with(report.meta.region, m.region_prefix) ||
                             starts_with(report.meta.department, m.region_prefix);
            bool template_ok = m.template_name.empty() || report.meta.template_name == m.template_name;
            const std::size_t score = 1 + m.region_prefix.size() + (m.template_name.empty() ? 0 : 1000);
            if (region_ok && template_ok && score > match_score) {
                match_score = score;
                matched = &m;
            }
        }
        if (match_score == 0) continue;
        // Depth first: a pack that extends another is more specific than its parent.
        std::size_t score = r.chain.size() * 100000 + match_score;
        if (score > best_score) {
            best = &r;
            best_match = matched;
            best_score = score;
        }
    }
    if (best) return {best, PackChoice::Why::matched, best_match};
    const ResolvedPack* root = fallback();
    return {root, root ? PackChoice::Why::fallback : PackChoice::Why::none, nullptr};
}

std::vector<std::string> PackLibrary::pack_ids() const {
    std::vector<std::string> ids;
    for (const ResolvedPack& r : resolved_) ids.push_back(r.pack->id);
    return ids;
}

const ResolvedPack* PackLibrary::fallback() const {
    // The root pack without <applies>; "national" when several roots exist.
    for (const ResolvedPack& r : resolved_)
        if (r.chain.size() == 1 && r.pack->applies.empty() && r.pack->id == "national") return &r;
    for (const ResolvedPack& r : resolved_)
        if (r.chain.size() == 1 && r.pack->applies.empty()) return &r;
    return nullptr;
}

}  // namespace fincheck::rulepacks
