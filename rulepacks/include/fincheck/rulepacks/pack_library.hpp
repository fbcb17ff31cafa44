// All loaded rule packs, resolved: each pack knows its ancestors, the tables its template
// declares and the effective form of every rule it inherits, adds, overrides or disables.
// Chooses the pack that applies to a report (most specific match; the root pack otherwise).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "fincheck/report.hpp"
#include "fincheck/templates/template.hpp"
#include "pack_model.hpp"
#include "pack_parser.hpp"
#include "region_names.hpp"

namespace fincheck::rulepacks {

// Where each field of an effective tolerance was written; an empty file: not set by a pack.
struct ToleranceSources {
    SourcePos half_unit;
    SourcePos extra;
    SourcePos absolute;
    // Records `spec`'s position for each field it sets.
    void take(const ToleranceSpec& spec);
};

// A rule as one pack sees it after inheritance and overrides.
struct EffectiveRule {
    const RuleDef* def = nullptr;
    const Pack* defined_in = nullptr;
    Severity severity = Severity::error;
    SourcePos severity_from;  // the <rule> that defines it, or the <override> that changed it
    ToleranceSpec tolerance;  // pack defaults along the chain, then the rule's, then overrides
    ToleranceSources tolerance_from;
};

struct ResolvedPack {
    const Pack* pack = nullptr;
    std::vector<const Pack*> chain;  // root first, this pack last
    std::map<std::string, TableDecl> tables;
    std::map<std::string, EffectiveRule> rules;  // disabled rules are absent
    std::map<std::string, SourcePos> disabled;   // the <disable> that removed each of them
};

// Why a pack was chosen for a report.
struct PackChoice {
    enum class Why : std::uint8_t { none, forced, matched, fallback };
    const ResolvedPack* pack = nullptr;
    Why why = Why::none;
    const Match* match = nullptr;  // Why::matched: the <match> that selected it
};

// Every problem of every pack, so that one run names every broken file of a shared folder.
struct PackErrors {
    std::vector<PackError> errors;  // in load order, each file's by line
    std::string to_string() const;  // one "file:line: message" per line
};

class PackLibrary {
public:
    // Parses, links and validates each pack on its own (a broken pack does not hide the
    // problems of the others). Every problem comes back in PackErrors; no library then.
    // `files` are loaded in order; a later pack with the same id from another folder replaces
    // an earlier one (so --rulepack can replace an installed pack); the same id twice in one
    // folder is an error. `regions` null: region prefixes are not checked. A pack's
    // <template ref> names a template of `templates` (null: the built-in ones).
    static std::variant<PackLibrary, PackErrors> load(const std::vector<std::filesystem::path>& files,
                                                      const RegionNames* regions = nullptr,
                                                      const templates::TemplateSet* templates = nullptr);
    // The same from in-memory texts: (name, text) pairs.
    static std::variant<PackLibrary, PackErrors> load_texts(const std::vector<std::pair<std::string, std::string>>& texts,
                                                            const RegionNames* regions = nullptr,
                                                            const templates::TemplateSet* templates = nullptr);

    // Pack files in the rulepacks/ folder of each data directory (and the directory itself
    // when it is a rulepacks folder), in name order per directory.
    static std::vector<std::filesystem::path> discover(const std::vector<std::filesystem::path>& data_dirs);

    const std::vector<ResolvedPack>& packs() const { return resolved_; }
    const ResolvedPack* find(std::string_view id) const;
    // The pack for this report: `forced` if given, else the most specific pack whose
    // <applies> matches, else the root pack (national). nullptr when no pack is loaded.
    const ResolvedPack* select(const Report& report, std::string_view forced = {}) const;
    // The same choice, with the reason for it (fincheck explain).
    PackChoice choose(const Report& report, std::string_view forced = {}) const;
    // The pack a report that no <applies> matches gets; nullptr when there is none.
    const ResolvedPack* fallback() const;
    std::vector<std::string> pack_ids() const;
    // Every rule id any pack defines, in first-definition order.
    const std::vector<std::string>& rule_ids() const { return rule_ids_; }
    // The first definition of a rule (for its metadata).
    const RuleDef* base_definition(std::string_view id) const;

    PackLibrary(PackLibrary&&) noexcept = default;
    PackLibrary& operator=(PackLibrary&&) noexcept = default;

private:
    PackLibrary() = default;
    static std::variant<PackLibrary, PackErrors> link(std::vector<Pack> parsed, PackErrors errors,
                                                      const RegionNames* regions,
                                                      const templates::TemplateSet* templates);

    std::vector<std::unique_ptr<Pack>> packs_;
    std::vector<ResolvedPack> resolved_;
    std::vector<std::string> rule_ids_;
};

}  // namespace fincheck::rulepacks
