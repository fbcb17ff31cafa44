#include "analysis.hpp"

#include "scanner.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

// The context rule each section's own heading selects (nullptr when none): normalized and
// matched once per section, not once per block and ancestor.
std::vector<const ContextRule*> heading_contexts(const Report& report, const Lexicon& lexicon) {
    std::vector<const ContextRule*> out;
    out.reserve(report.sections.size());
    for (const Section& section : report.sections)
        out.push_back(lexicon.context_of(normalize_phrase(to_u32(section.heading))));
    return out;
}

// The nearest section, from the block's own up through its parents, whose heading selects
// a context.
const ContextRule* context_of_block(const Report& report, const std::vector<const ContextRule*>& headings,
                                    const Block& block) {
    for (int s = block.section; s >= 0 && static_cast<std::size_t>(s) < report.sections.size();
         s = report.sections[static_cast<std::size_t>(s)].parent) {
        if (const ContextRule* found = headings[static_cast<std::size_t>(s)]) return found;
    }
    return nullptr;
}

bool is_amount_like(const Claim& claim) { return claim.kind == ClaimKind::amount; }

}  // namespace

std::vector<FactValue> Analysis::facts(const BlockClaims& block, const Concept* entry, Role role) const {
    if (entry == nullptr) return {};
    return facts_for(*report, *lexicon, *entry, block.context, role);
}

Analysis analyze(const Report& report, const Lexicon& lexicon) {
    Analysis analysis;
    analysis.report = &report;
    analysis.lexicon = &lexicon;
    ScanOptions options;
    options.fiscal_year = report.meta.fiscal_year;
    const std::vector<const ContextRule*> headings = heading_contexts(report, lexicon);
    analysis.blocks.reserve(report.blocks.size());
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        BlockClaims out;
        out.block = static_cast<int>(b);
        out.context_rule = context_of_block(report, headings, block);
        if (out.context_rule != nullptr) out.context = out.context_rule->id;
        out.text = to_u32(block.text);
        out.claims = scan_claims(out.text, options);
        std::u32string_view trimmed = out.text;
        while (!trimmed.empty() && is_space(trimmed.back())) trimmed.remove_suffix(1);
        out.ends_with_colon = !trimmed.empty() && fold(trimmed.back()) == U'：';
        out.concepts.resize(out.claims.size(), nullptr);
        for (std::size_t i = 0; i < out.claims.size(); ++i) {
            const Claim& claim = out.claims[i];
            if (claim.kind == ClaimKind::count) {
                out.concepts[i] = lexicon.find(claim.subject, true);
                continue;
            }
            if (claim.kind != ClaimKind::amount && claim.kind != ClaimKind::change_amount &&
                claim.kind != ClaimKind::change_percent)
                continue;
            out.concepts[i] = lexicon.find(claim.subject);
            if (out.concepts[i] != nullptr || claim.prior_year) continue;
            // 「…年初预算为0.95万元，支出决算为0.00万元」 and 「…增加0.36万元」 speak of the
            // concept the sentence named first: inherit it, within the sentence only.
            bool inherits = claim.role != Role::level || claim.kind != ClaimKind::amount;
            if (!inherits) continue;
            for (std::size_t k = i; k-- > 0;) {
                const Claim& earlier = out.claims[k];
                if (earlier.sentence != claim.sentence) break;
                if (!is_amount_like(earlier) || earlier.prior_year) continue;
                if (earlier.after_qizhong != claim.after_qizhong) break;
                out.concepts[i] = out.concepts[k];
                break;
            }
        }
        analysis.blocks.push_back(std::move(out));
    }
    analysis.form_rates = form_rates(report);
    return analysis;
}

const Analysis& shared_analysis(const Report& report, const std::shared_ptr<const Lexicon>& lexicon) {
    // Keyed by the lexicon: rules built around another lexicon (a test's, a region's) get
    // their own analysis of the same report.
    return report.derived<Analysis>(lexicon.get(), [&] {
        Analysis analysis = analyze(report, *lexicon);
        analysis.lexicon_owner = lexicon;
        return analysis;
    });
}

bool names_item_level(const Report&, const BlockClaims& block, const Claim& claim) {
    std::u32string_view text = block.text;
    std::u32string_view before = text.substr(0, std::min<std::size_t>(claim.begin, text.size()));
    // Only the clause that leads to the number matters.
    std::size_t start = before.find_last_of(U"，。；：,;:");
    std::u32string_view clause = start == std::u32string_view::npos ? before : before.substr(start + 1);
    // 「（款）」 / 「（项）」, brackets full- or half-width.
    for (std::size_t k = 0; k + 2 < clause.size(); ++k) {
        if (fold(clause[k]) != U'（' || fold(clause[k + 2]) != U'）') continue;
        if (clause[k + 1] == U'款' || clause[k + 1] == U'项') return true;
    }
    return false;
}

}  // namespace fincheck::narrative
