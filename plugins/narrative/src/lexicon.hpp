// The narrative lexicon: which phrases name which table facts, and which section headings
// select which tables. Data, not code: loaded from lexicon XML (schemas/lexicon.xsd), and a
// region extends the national lexicon with its own file the way a rule pack does.
#pragma once

#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claim.hpp"

namespace fincheck::narrative {

// One table cell, addressed through the canonical model (docs/table-model.md). `row` may
// contain {code}, replaced by a class entry's code. `class_total` reads the functional
// class total of a code table (the class row, or the sum of its 项 rows).
struct FactTerm {
    std::string table;
    std::string row;
    std::string column;
    bool class_total = false;
};

// A fact a entry binds to: one cell, or the sum of several.
struct Binding {
    std::string context;  // empty = any section
    Role role = Role::level;  // budget bindings serve budget claims only
    std::vector<FactTerm> terms;
};

struct Concept {
    std::string id;
    std::vector<std::u32string> synonyms;  // normalized with normalize_phrase
    std::vector<Binding> bindings;
    std::string code;         // functional class code for class concepts
    bool count = false;       // a head count (duplicate-fact), never bound to a table
};

// A count concept and concepts that are parts of it. `exhaustive`: the parts add up to the
// whole (在职 + 退休 = 实有); otherwise they only never exceed it.
struct Partition {
    std::string whole;               // concept id
    std::vector<std::string> parts;  // concept ids
    bool exhaustive = false;
};

struct ContextRule {
    std::string id;
    std::u32string match;     // normalized phrase looked for in section headings
    std::string share_whole;  // entry a bare 「占…%」 in this context is a share of
};

class Lexicon {
public:
    std::vector<ContextRule> contexts;
    std::vector<Concept> concepts;
    std::vector<Binding> class_bindings;  // templates applied to every class entry
    std::vector<std::string> sources;     // files merged, in order
    // Fund names that, written right before a concept's name, make it another concept
    // (「政府性基金预算财政拨款收入」 is not 财政拨款收入), and the words that may link a fund
    // name to the concept (「…基金预算财政拨款基本支出」, 「…安排的支出」). Normalized; the
    // links are kept longest first so that 财政拨款 is tried before 拨款.
    std::vector<std::u32string> fund_qualifiers;
    std::vector<std::u32string> fund_links;
    // Head-count partitions (「实有人数总共11人，其中在职3人，退休8人」).
    std::vector<Partition> partitions;

    // The entry whose synonym occurs in `phrase` (normalized), the longest one winning and,
    // among equals, the one ending last (nearest the number). nullptr when none.
    // A phrase that names two different concepts side by side (「卫生健康支出、住房保障支出」)
    // is ambiguous and finds nothing. `counts` looks among head-count concepts instead.
    const Concept* find(std::u32string_view phrase, bool counts = false) const;
    const Concept* by_id(std::string_view id) const;
    // True when the UTF-8 `text` may hold a head-count synonym (kind="count"), tested on the
    // bytes: a cut before decoding a long text for count claims.
    bool may_name_count(std::string_view text) const;
    // The context selected by a section heading (normalized), first rule in order wins.
    const ContextRule* context_of(std::u32string_view heading) const;
    // The bindings that apply to `entry` for a claim of `role` in `context`: the ones
    // written for that context if any, else the context-free ones. Class templates included.
    // (facts_for() makes the same selection without copying.)
    std::vector<Binding> bindings(const Concept& entry, std::string_view context, Role role) const;

    // Adds another lexicon's entries: a entry with a known id gains synonyms and bindings
    // (or has its bindings replaced when the file says replace="true"), new ids are appended.
    void merge(Lexicon other, bool replace_bindings_of_known = false);

    // Rebuilds the synonym index find() uses. merge() calls it; code that edits `concepts`
    // directly must call it too (until then find() falls back to a full scan).
    void reindex();

private:
    // Synonyms by their first character, so find() tries at each position of a phrase only
    // the synonyms that can start there instead of searching the phrase for every synonym.
    struct SynonymRef {
        std::uint32_t concept_index;
        std::uint32_t synonym_index;
    };
    std::unordered_map<char32_t, std::vector<SynonymRef>> by_first_char_;
    std::vector<std::string> count_synonyms_utf8_;
    std::size_t indexed_concepts_ = 0;
    std::size_t indexed_synonyms_ = 0;

    const Concept* find_by_scan(std::u32string_view phrase, bool counts) const;
    bool qualified_as_another(std::u32string_view phrase, std::size_t begin, std::u32string_view synonym) const;
    std::size_t synonym_count() const;
};

// Parses one lexicon file; returns the error text instead of throwing.
std::optional<std::string> load_lexicon_file(const std::filesystem::path& file, Lexicon& into);
std::optional<std::string> load_lexicon_buffer(std::string_view xml, std::string_view name, Lexicon& into);

// Loads every lexicons/*.xml under each data directory (national.xml first, then the rest
// by name), then any extra file given explicitly. Errors are collected, not thrown.
Lexicon load_lexicons(const std::vector<std::filesystem::path>& data_dirs,
                      const std::vector<std::filesystem::path>& extra_files, std::vector<std::string>& errors);

}  // namespace fincheck::narrative
