#include "pack_library.hpp"

#include <algorithm>
#include <set>

#include "evaluator.hpp"

namespace fincheck::tables {

namespace {

bool has_variable(std::string_view text) { return text.find('{') != std::string_view::npos; }

bool starts_with(std::string_view text, std::string_view prefix) {
    return !prefix.empty() && text.substr(0, prefix.size()) == prefix;
}

PackError error_at(const SourcePos& pos, std::string message) {
    return PackError{pos.file, pos.line, std::move(message)};
}

// Checks that every table and column a rule names exists in the template its pack declares;
// what a loop variable fills in is only known at run time.
class ReferenceChecker {
public:
    explicit ReferenceChecker(const ResolvedPack& pack) : pack_(pack) {}

    std::optional<PackError> rule(const RuleDef& rule) const {
        for (const Condition& c : rule.when)
            if (auto e = condition(rule, c, {})) return e;
        for (const Check& check : rule.checks) {
            if (check.each)
                for (const Each::Source& s : check.each->sources)
                    if (auto e = table(rule, s.table, check.each->pos)) return e;
            // A literal loop is known now: check every reference with each value filled in.
            std::vector<Bindings> bindings{Bindings{}};
            if (check.each && check.each->kind == Each::Kind::values) {
                bindings.clear();
                for (const std::string& v : check.each->values) bindings.push_back(Bindings{{check.each->var, v}});
            }
            for (const Bindings& b : bindings) {
                for (const Condition& c : check.when)
                    if (auto e = condition(rule, c, b)) return e;
                for (const auto* side : {&check.left, &check.right})
                    for (const Term& t : *side)
                        if (auto e = term(rule, t, b)) return e;
            }
        }
        return std::nullopt;
    }

private:
    std::optional<PackError> table(const RuleDef& rule, const std::string& raw_id, const SourcePos& pos,
                                   const Bindings& b = {}) const {
        std::string id = substitute(raw_id, b);
        if (has_variable(id) || pack_.tables.count(id)) return std::nullopt;
        return error_at(pos, "rule " + rule.id + " refers to table \"" + id + "\", which pack " +
                                 pack_.pack->id + " does not declare in <tables> (引用了未声明的表)");
    }

    std::optional<PackError> column(const RuleDef& rule, const std::string& raw_table, const ColumnRef& c,
                                    const SourcePos& pos, const Bindings& b) const {
        std::string table_id = substitute(raw_table, b);
        std::string key = substitute(c.key, b);
        if (key.empty() || has_variable(key) || has_variable(table_id)) return std::nullopt;
        auto it = pack_.tables.find(table_id);
        if (it == pack_.tables.end() || it->second.columns.empty()) return std::nullopt;
        const auto& cols = it->second.columns;
        if (std::find(cols.begin(), cols.end(), key) != cols.end()) return std::nullopt;
        return error_at(pos, "rule " + rule.id + " refers to column \"" + key + "\" of table " + table_id +
                                 ", which pack " + pack_.pack->id + " does not declare (引用了未声明的列)");
    }

    std::optional<PackError> condition(const RuleDef& rule, const Condition& c, const Bindings& b) const {
        if (auto e = table(rule, c.table, c.pos, b)) return e;
        return column(rule, c.table, c.column, c.pos, b);
    }

    std::optional<PackError> term(const RuleDef& rule, const Term& t, const Bindings& b) const {
        if (auto e = table(rule, t.table, t.pos, b)) return e;
        if (auto e = column(rule, t.table, t.column, t.pos, b)) return e;
        for (const ColumnRef& c : t.columns)
            if (auto e = column(rule, t.table, c, t.pos, b)) return e;
        return std::nullopt;
    }

    const ResolvedPack& pack_;
};

}  // namespace

std::variant<PackLibrary, PackError> PackLibrary::load(const std::vector<std::filesystem::path>& files) {
    std::vector<Pack> parsed;
    for (const auto& file : files) {
        PackParseResult r = parse_pack_file(file);
        if (r.error) return *r.error;
        parsed.push_back(std::move(*r.pack));
    }
    return link(std::move(parsed));
}

std::variant<PackLibrary, PackError> PackLibrary::load_texts(
    const std::vector<std::pair<std::string, std::string>>& texts) {
    std::vector<Pack> parsed;
    for (const auto& [name, text] : texts) {
        PackParseResult r = parse_pack_buffer(text, name);
        if (r.error) return *r.error;
        parsed.push_back(std::move(*r.pack));
    }
    return link(std::move(parsed));
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

std::variant<PackLibrary, PackError> PackLibrary::link(std::vector<Pack> parsed) {
    PackLibrary lib;
    // A later pack with the same id replaces the earlier one.
    for (Pack& p : parsed) {
        auto same = std::find_if(lib.packs_.begin(), lib.packs_.end(), [&](const auto& q) { return q->id == p.id; });
        if (same != lib.packs_.end()) *same = std::make_unique<Pack>(std::move(p));
        else lib.packs_.push_back(std::make_unique<Pack>(std::move(p)));
    }
    auto by_id = [&](std::string_view id) -> const Pack* {
        for (const auto& p : lib.packs_)
            if (p->id == id) return p.get();
        return nullptr;
    };

    for (const auto& owned : lib.packs_) {
        const Pack& pack = *owned;
        ResolvedPack r;
        r.pack = &pack;
        for (const Pack* p = &pack; p;) {
            if (std::find(r.chain.begin(), r.chain.end(), p) != r.chain.end())
                return error_at(pack.pos, "pack " + pack.id + " extends itself through " + p->id + " (规则包继承成环)");
            r.chain.insert(r.chain.begin(), p);
            if (p->extends.empty()) break;
            const Pack* parent = by_id(p->extends);
            if (!parent)
                return error_at(p->pos, "pack " + p->id + " extends \"" + p->extends +
                                            "\", which is not loaded (父规则包未加载)");
            p = parent;
        }

        ToleranceSpec pack_defaults;
        for (const Pack* p : r.chain) {
            pack_defaults = pack_defaults.merged(p->tolerance);
            for (const TableDecl& t : p->tables) {
                auto [it, inserted] = r.tables.emplace(t.id, t);
                if (!inserted) {  // a regional template renames, reorders or adds columns
                    if (!t.title.empty()) it->second.title = t.title;
                    if (t.order) it->second.order = t.order;
                    for (const auto& c : t.columns)
                        if (std::find(it->second.columns.begin(), it->second.columns.end(), c) == it->second.columns.end())
                            it->second.columns.push_back(c);
                }
            }
            for (const RuleDef& def : p->rules) {
                // A pack that defines a rule id its parent has replaces the parent's relation.
                EffectiveRule e{&def, p, def.severity, {}};
                r.rules[def.id] = e;
            }
            for (const Override& o : p->overrides) {
                auto it = r.rules.find(o.rule);
                if (it == r.rules.end())
                    return error_at(o.pos, "pack " + p->id + " overrides rule " + o.rule +
                                               ", which no pack it extends defines (覆盖了不存在的规则)");
            }
            for (const Disable& d : p->disabled) {
                auto it = r.rules.find(d.rule);
                if (it == r.rules.end())
                    return error_at(d.pos, "pack " + p->id + " disables rule " + d.rule +
                                               ", which no pack it extends defines (停用了不存在的规则)");
                r.rules.erase(it);
            }
        }
        // Tolerance and severity: pack defaults (ancestors first), the rule's own, then every
        // override along the chain, the most specific pack last.
        for (auto& [id, e] : r.rules) {
            e.tolerance = pack_defaults.merged(e.def->tolerance);
            for (const Pack* p : r.chain)
                for (const Override& o : p->overrides)
                    if (o.rule == id) {
                        if (o.severity) e.severity = *o.severity;
                        e.tolerance = e.tolerance.merged(o.tolerance);
                    }
        }
        ReferenceChecker checker(r);
        for (const RuleDef& def : pack.rules)
            if (auto err = checker.rule(def)) return *err;
        lib.resolved_.push_back(std::move(r));
    }

    for (const auto& p : lib.packs_)
        for (const RuleDef& def : p->rules) {
            if (std::find(lib.rule_ids_.begin(), lib.rule_ids_.end(), def.id) == lib.rule_ids_.end())
                lib.rule_ids_.push_back(def.id);
            else if (std::count_if(p->rules.begin(), p->rules.end(), [&](const RuleDef& d) { return d.id == def.id; }) > 1)
                return error_at(def.pos, "rule " + def.id + " is defined twice in pack " + p->id + " (规则重复定义)");
        }
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
    if (!forced.empty()) return find(forced);
    const ResolvedPack* best = nullptr;
    std::size_t best_score = 0;
    for (const ResolvedPack& r : resolved_) {
        std::size_t match_score = 0;
        for (const Match& m : r.pack->applies) {
            bool region_ok = m.region_prefix.empty() || starts_with(report.meta.region, m.region_prefix) ||
                             starts_with(report.meta.department, m.region_prefix);
            bool template_ok = m.template_name.empty() || report.meta.template_name == m.template_name;
            if (region_ok && template_ok)
                match_score = std::max(match_score, 1 + m.region_prefix.size() + (m.template_name.empty() ? 0 : 1000));
        }
        if (match_score == 0) continue;
        // Depth first: a pack that extends another is more specific than its parent.
        std::size_t score = r.chain.size() * 100000 + match_score;
        if (score > best_score) {
            best = &r;
            best_score = score;
        }
    }
    if (best) return best;
    // Fallback: the root pack without <applies>; "national" when several roots exist.
    for (const ResolvedPack& r : resolved_)
        if (r.chain.size() == 1 && r.pack->applies.empty() && r.pack->id == "national") return &r;
    for (const ResolvedPack& r : resolved_)
        if (r.chain.size() == 1 && r.pack->applies.empty()) return &r;
    return nullptr;
}

}  // namespace fincheck::tables
