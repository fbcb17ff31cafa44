#include "analysis.hpp"

#include <span>

#include "compact_reader.hpp"
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

namespace {

// The concept each claim of a block is about (nullptr when none), appended to `out`.
void bind_concepts(const Lexicon& lexicon, std::span<const Claim> claims, std::vector<const Concept*>& out) {
    const std::size_t first = out.size();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        const Concept* found = nullptr;
        if (claim.kind == ClaimKind::count) {
            found = lexicon.find(claim.subject, true);
        } else if (claim.kind == ClaimKind::amount || claim.kind == ClaimKind::change_amount ||
                   claim.kind == ClaimKind::change_percent) {
            found = lexicon.find(claim.subject);
            // 「…年初预算为0.95万元，支出决算为0.00万元」 and 「…增加0.36万元」 speak of the
            // concept the sentence named first: inherit it, within the sentence only.
            bool inherits = claim.role != Role::level || claim.kind != ClaimKind::amount;
            if (found == nullptr && !claim.prior_year && inherits) {
                for (std::size_t k = i; k-- > 0;) {
                    const Claim& earlier = claims[k];
                    if (earlier.sentence != claim.sentence) break;
                    if (!is_amount_like(earlier) || earlier.prior_year) continue;
                    if (earlier.after_qizhong != claim.after_qizhong) break;
                    found = out[first + k];
                    break;
                }
            }
        }
        out.push_back(found);
    }
}

// Where one block's pieces sit in the analysis-wide arrays; turned into views once every
// block is read and the arrays no longer move.
struct BlockExtent {
    std::size_t text_begin = 0, text_size = 0;
    std::size_t claims_begin = 0, claims_size = 0;
};

}  // namespace

Analysis analyze(const Report& report, const Lexicon& lexicon) {
    Analysis analysis;
    analysis.report = &report;
    analysis.lexicon = &lexicon;
    ScanOptions options;
    options.fiscal_year = report.meta.fiscal_year;
    const std::vector<const ContextRule*> headings = heading_contexts(report, lexicon);
    const text::ReportText& report_text = report.text();
    CompactReader reader;
    std::vector<BlockExtent> extents(report.blocks.size());
    analysis.blocks.resize(report.blocks.size());
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        BlockClaims& out = analysis.blocks[b];
        BlockExtent& extent = extents[b];
        out.block = static_cast<int>(b);
        out.context_rule = context_of_block(report, headings, block);
        if (out.context_rule != nullptr) out.context = out.context_rule->id;
        if (!may_hold_claim(block.text)) {  // most blocks: no digit, no comparison word
            out.ends_with_colon = ends_with_colon(block.text);
            continue;
        }
        reader.read(report_text.block(b));
        out.ends_with_colon = reader.ends_with_colon();
        extent.claims_begin = analysis.claims_.size();
        scan_claims(reader, options, analysis.claims_);
        extent.claims_size = analysis.claims_.size() - extent.claims_begin;
        if (extent.claims_size == 0) continue;
        // Only blocks with claims keep their text: claim spans and look-backs index it.
        std::u32string_view original = reader.original();
        extent.text_begin = analysis.texts_.size();
        extent.text_size = original.size();
        analysis.texts_.insert(analysis.texts_.end(), original.begin(), original.end());
        bind_concepts(lexicon, std::span<const Claim>(analysis.claims_).subspan(extent.claims_begin, extent.claims_size),
                      analysis.concepts_);
    }
    for (std::size_t b = 0; b < extents.size(); ++b) {
        const BlockExtent& extent = extents[b];
        BlockClaims& out = analysis.blocks[b];
        out.text = std::u32string_view(analysis.texts_.data() + extent.text_begin, extent.text_size);
        out.claims = std::span<const Claim>(analysis.claims_).subspan(extent.claims_begin, extent.claims_size);
        out.concepts = std::span<const Concept* const>(analysis.concepts_).subspan(extent.claims_begin, extent.claims_size);
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
