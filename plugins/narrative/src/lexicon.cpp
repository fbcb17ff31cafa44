#include "lexicon.hpp"

#include <algorithm>
#include <span>
#include <system_error>

#include <pugixml.hpp>

#include "fincheck/data_file.hpp"
#include "text.hpp"

namespace fincheck::narrative {

namespace {

struct Hit {
    std::size_t concept_index;
    std::size_t begin, end;
};

// The longest hit wins, among equals the one ending last (nearest the number), among those
// the concept listed first. A hit of another concept beside it (not overlapping) makes the
// phrase ambiguous.
const Hit* choose(std::span<const Hit> hits) {
    const Hit* best = nullptr;
    for (const Hit& hit : hits) {
        if (best == nullptr) { best = &hit; continue; }
        std::size_t length = hit.end - hit.begin, best_length = best->end - best->begin;
        if (length != best_length) { if (length > best_length) best = &hit; continue; }
        if (hit.end != best->end) { if (hit.end > best->end) best = &hit; continue; }
        if (hit.concept_index < best->concept_index) best = &hit;
    }
    if (best == nullptr) return nullptr;
    for (const Hit& hit : hits) {
        bool disjoint = hit.end <= best->begin || hit.begin >= best->end;
        if (hit.concept_index != best->concept_index && disjoint) return nullptr;
    }
    return best;
}

}  // namespace

// Words that, written right before a concept's name, make it a narrower or a different
// concept: 「政府性基金预算财政拨款收入」 is a part of 财政拨款收入, 「非财政拨款收入」 its
// complement. A fund name may be followed by a link (财政拨款, 安排的) before the concept
// (「政府性基金预算财政拨款基本支出」). When the lexicon knows the longer concept, its own hit
// covers the qualifier and wins as the longest; otherwise the phrase names nothing known.
// The fund names and links are lexicon data (<fund-qualifiers>); 非 is grammar.
bool Lexicon::qualified_as_another(std::u32string_view phrase, std::size_t begin, std::u32string_view synonym) const {
    std::u32string_view before = phrase.substr(0, begin);
    if (before.empty()) return false;
    if (before.back() == U'非') return true;
    for (const std::u32string& link : fund_links) {
        // The link must not already be the synonym's own start (「财政拨款收入」 after a fund).
        if (ends_with(before, link) && !starts_with(synonym, link)) {
            before.remove_suffix(link.size());
            break;
        }
    }
    for (const std::u32string& fund : fund_qualifiers) {
        if (ends_with(before, fund)) return true;
    }
    return false;
}

std::size_t Lexicon::synonym_count() const {
    std::size_t count = 0;
    for (const Concept& entry : concepts) count += entry.synonyms.size();
    return count;
}

void Lexicon::reindex() {
    by_first_char_.clear();
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        const Concept& entry = concepts[c];
        for (std::size_t s = 0; s < entry.synonyms.size(); ++s) {
            if (entry.synonyms[s].empty()) continue;
            by_first_char_[entry.synonyms[s].front()].push_back(
                {static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(s)});
        }
    }
    count_synonyms_utf8_.clear();
    for (const Concept& entry : concepts) {
        if (!entry.count) continue;
        for (const std::u32string& synonym : entry.synonyms) {
            if (!synonym.empty()) count_synonyms_utf8_.push_back(to_utf8(synonym));
        }
    }
    indexed_concepts_ = concepts.size();
    indexed_synonyms_ = synonym_count();
}

const Concept* Lexicon::find(std::u32string_view phrase, bool counts) const {
    if (indexed_concepts_ != concepts.size() || indexed_synonyms_ != synonym_count())
        return find_by_scan(phrase, counts);
    // A plain local, not a thread_local buffer: a plugin's dynamic TLS is what LeakSanitizer's
    // exit-time scan of dlopen'ed modules trips over (gcc 12, glibc 2.36), and the vector
    // allocates only when a phrase names something.
    std::vector<Hit> hits;
    for (std::size_t at = 0; at < phrase.size(); ++at) {
        auto bucket = by_first_char_.find(phrase[at]);
        if (bucket == by_first_char_.end()) continue;
        std::u32string_view rest = phrase.substr(at);
        for (const SynonymRef& ref : bucket->second) {
            const Concept& entry = concepts[ref.concept_index];
            if (entry.count != counts) continue;
            const std::u32string& synonym = entry.synonyms[ref.synonym_index];
            if (rest.substr(0, synonym.size()) != synonym || qualified_as_another(phrase, at, synonym)) continue;
            hits.push_back({ref.concept_index, at, at + synonym.size()});
        }
    }
    const Hit* best = choose(hits);
    return best == nullptr ? nullptr : &concepts[best->concept_index];
}

// The same lookup without the index, for a lexicon edited after its last reindex().
const Concept* Lexicon::find_by_scan(std::u32string_view phrase, bool counts) const {
    std::vector<Hit> hits;
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        const Concept& entry = concepts[c];
        if (entry.count != counts) continue;
        for (const std::u32string& synonym : entry.synonyms) {
            if (synonym.empty()) continue;
            for (std::size_t at = phrase.find(synonym); at != std::u32string_view::npos; at = phrase.find(synonym, at + 1)) {
                if (!qualified_as_another(phrase, at, synonym)) hits.push_back({c, at, at + synonym.size()});
            }
        }
    }
    const Hit* best = choose(hits);
    return best == nullptr ? nullptr : &concepts[best->concept_index];
}

bool Lexicon::may_name_count(std::string_view text) const {
    if (indexed_concepts_ != concepts.size() || indexed_synonyms_ != synonym_count()) return true;  // stale: decode
    for (const std::string& synonym : count_synonyms_utf8_) {
        if (contains_utf8(text, synonym)) return true;
    }
    return false;
}

const Concept* Lexicon::by_id(std::string_view id) const {
    for (const Concept& entry : concepts) {
        if (entry.id == id) return &entry;
    }
    return nullptr;
}

const ContextRule* Lexicon::context_of(std::u32string_view heading) const {
    for (const ContextRule& rule : contexts) {
        if (!rule.match.empty() && contains(heading, rule.match)) return &rule;
    }
    return nullptr;
}

std::vector<Binding> Lexicon::bindings(const Concept& entry, std::string_view context, Role role) const {
    Role wanted = role == Role::budget ? Role::budget : Role::level;
    std::vector<Binding> all = entry.bindings;
    if (!entry.code.empty()) {
        for (Binding binding : class_bindings) {
            for (FactTerm& term : binding.terms) {
                if (auto at = term.row.find("{code}"); at != std::string::npos) term.row.replace(at, 6, entry.code);
                if (term.class_total && term.row.empty()) term.row = entry.code;
            }
            all.push_back(std::move(binding));
        }
    }
    std::vector<Binding> specific, general;
    for (Binding& binding : all) {
        if (binding.role != wanted) continue;
        if (binding.context.empty()) general.push_back(std::move(binding));
        else if (binding.context == context) specific.push_back(std::move(binding));
    }
    return specific.empty() ? general : specific;
}

void Lexicon::merge(Lexicon other, bool replace_bindings_of_known) {
    for (ContextRule& rule : other.contexts) {
        auto same = std::find_if(contexts.begin(), contexts.end(), [&](const ContextRule& r) { return r.id == rule.id; });
        if (same != contexts.end()) *same = std::move(rule);
        else contexts.push_back(std::move(rule));
    }
    for (Concept& entry : other.concepts) {
        auto same = std::find_if(concepts.begin(), concepts.end(), [&](const Concept& c) { return c.id == entry.id; });
        if (same == concepts.end()) {
            concepts.push_back(std::move(entry));
            continue;
        }
        for (auto& synonym : entry.synonyms) {
            if (std::find(same->synonyms.begin(), same->synonyms.end(), synonym) == same->synonyms.end())
                same->synonyms.push_back(std::move(synonym));
        }
        if (replace_bindings_of_known && !entry.bindings.empty()) same->bindings.clear();
        for (auto& binding : entry.bindings) same->bindings.push_back(std::move(binding));
        if (!entry.code.empty()) same->code = entry.code;
    }
    for (Binding& binding : other.class_bindings) class_bindings.push_back(std::move(binding));
    for (std::string& source : other.sources) sources.push_back(std::move(source));
    auto add_unique = [](std::vector<std::u32string>& into, std::vector<std::u32string>& more) {
        for (std::u32string& word : more) {
            if (!word.empty() && std::find(into.begin(), into.end(), word) == into.end()) into.push_back(std::move(word));
        }
    };
    add_unique(fund_qualifiers, other.fund_qualifiers);
    add_unique(fund_links, other.fund_links);
    std::stable_sort(fund_links.begin(), fund_links.end(),
                     [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
    for (Partition& partition : other.partitions) {
        auto same = std::find_if(partitions.begin(), partitions.end(),
                                 [&](const Partition& p) { return p.whole == partition.whole; });
        if (same != partitions.end()) *same = std::move(partition);
        else partitions.push_back(std::move(partition));
    }
    reindex();
}

namespace {

Role role_from(std::string_view text) { return text == "budget" ? Role::budget : Role::level; }

FactTerm term_from(const pugi::xml_node& node) {
    FactTerm term;
    term.table = node.attribute("table").as_string();
    term.row = node.attribute("row").as_string();
    term.column = node.attribute("column").as_string();
    term.class_total = node.attribute("class-total").as_bool(false);
    return term;
}

Binding binding_from(const pugi::xml_node& node) {
    Binding binding;
    binding.context = node.attribute("context").as_string();
    binding.role = role_from(node.attribute("role").as_string());
    if (std::string_view(node.name()) == "sum") {
        for (pugi::xml_node term : node.children("fact")) binding.terms.push_back(term_from(term));
    } else {
        binding.terms.push_back(term_from(node));
    }
    return binding;
}

void read_concept_body(const pugi::xml_node& node, Concept& entry) {
    for (pugi::xml_node child : node.children()) {
        std::string_view name = child.name();
        if (name == "synonym") entry.synonyms.push_back(normalize_phrase(to_u32(child.text().as_string())));
        else if (name == "bind" || name == "sum") entry.bindings.push_back(binding_from(child));
    }
}

// `root` is the <lexicon> element (load_data_file checked it).
std::optional<std::string> read_document(pugi::xml_node root, std::string_view name, Lexicon& into) {
    Lexicon lexicon;
    lexicon.sources.emplace_back(name);
    for (pugi::xml_node context : root.child("contexts").children("context")) {
        ContextRule rule;
        rule.id = context.attribute("id").as_string();
        rule.match = normalize_phrase(to_u32(context.attribute("match").as_string()));
        rule.share_whole = context.attribute("share-whole").as_string();
        if (rule.id.empty() || rule.match.empty()) return std::string(name) + ": <context> needs id and match";
        lexicon.contexts.push_back(std::move(rule));
    }
    for (pugi::xml_node node : root.child("fund-qualifiers").children()) {
        std::string_view element = node.name();
        std::u32string word = normalize_phrase(to_u32(node.text().as_string()));
        if (word.empty()) return std::string(name) + ": empty <" + std::string(element) + "> in <fund-qualifiers>";
        if (element == "fund") lexicon.fund_qualifiers.push_back(std::move(word));
        else if (element == "link") lexicon.fund_links.push_back(std::move(word));
    }
    for (pugi::xml_node node : root.children("partition")) {
        Partition partition;
        partition.whole = node.attribute("whole").as_string();
        partition.exhaustive = node.attribute("exhaustive").as_bool(false);
        for (pugi::xml_node part : node.children("part")) partition.parts.emplace_back(part.attribute("concept").as_string());
        if (partition.whole.empty() || partition.parts.empty())
            return std::string(name) + ": <partition> needs whole and at least one <part>";
        lexicon.partitions.push_back(std::move(partition));
    }
    for (pugi::xml_node node : root.children("concept")) {
        Concept entry;
        entry.id = node.attribute("id").as_string();
        if (entry.id.empty()) return std::string(name) + ": <concept> without id";
        entry.count = std::string_view(node.attribute("kind").as_string()) == "count";
        entry.synonyms.push_back(normalize_phrase(to_u32(entry.id)));
        read_concept_body(node, entry);
        lexicon.concepts.push_back(std::move(entry));
    }
    pugi::xml_node classes = root.child("classes");
    for (pugi::xml_node node : classes.children()) {
        std::string_view element = node.name();
        if (element == "bind" || element == "sum") {
            lexicon.class_bindings.push_back(binding_from(node));
        } else if (element == "class") {
            Concept entry;
            entry.code = node.attribute("code").as_string();
            std::string title = node.attribute("name").as_string();
            if (entry.code.empty() || title.empty()) return std::string(name) + ": <class> needs code and name";
            entry.id = "class:" + entry.code;
            entry.synonyms.push_back(normalize_phrase(to_u32(title)));
            read_concept_body(node, entry);
            lexicon.concepts.push_back(std::move(entry));
        }
    }
    into.merge(std::move(lexicon), root.attribute("replace").as_bool(false));
    return std::nullopt;
}

std::optional<std::string> read_loaded(const DataFileResult& loaded, Lexicon& into) {
    if (loaded.error) return loaded.error->to_string();
    return read_document(loaded.file->root(), loaded.file->name(), into);
}

}  // namespace

std::optional<std::string> load_lexicon_buffer(std::string_view xml, std::string_view name, Lexicon& into) {
    return read_loaded(parse_data_file(xml, name, "lexicon"), into);
}

std::optional<std::string> load_lexicon_file(const std::filesystem::path& file, Lexicon& into) {
    return read_loaded(load_data_file(file, "lexicon"), into);
}

Lexicon load_lexicons(const std::vector<std::filesystem::path>& data_dirs,
                      const std::vector<std::filesystem::path>& extra_files, std::vector<std::string>& errors) {
    Lexicon lexicon;
    for (const auto& dir : data_dirs) {
        std::filesystem::path folder = dir / "lexicons";
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            if (entry.path().extension() == ".xml") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
            bool a_national = a.filename() == "national.xml", b_national = b.filename() == "national.xml";
            if (a_national != b_national) return a_national;
            return a.filename() < b.filename();
        });
        for (const auto& file : files) {
            if (auto error = load_lexicon_file(file, lexicon)) errors.push_back(*error);
        }
        if (!files.empty()) break;  // the first data directory that has lexicons wins
    }
    for (const auto& file : extra_files) {
        if (auto error = load_lexicon_file(file, lexicon)) errors.push_back(*error);
    }
    return lexicon;
}

}  // namespace fincheck::narrative
