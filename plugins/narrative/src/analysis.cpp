#include "analysis.hpp"

#include "scanner.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

std::string context_of_block(const Report& report, const Lexicon& lexicon, const Block& block,
                             const ContextRule*& rule) {
    rule = nullptr;
    for (int s = block.section; s >= 0 && static_cast<std::size_t>(s) < report.sections.size();
         s = report.sections[static_cast<std::size_t>(s)].parent) {
        const Section& section = report.sections[static_cast<std::size_t>(s)];
        if (const ContextRule* found = lexicon.context_of(normalize_phrase(to_u32(section.heading)))) {
            rule = found;
            return found->id;
        }
    }
    return {};
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
    analysis.blocks.reserve(report.blocks.size());
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const Block& block = report.blocks[b];
        BlockClaims out;
        out.block = static_cast<int>(b);
        out.context = context_of_block(report, lexicon, block, out.context_rule);
        out.claims = scan_claims(block.text, options);
        std::u32string text = to_u32(block.text);
        while (!text.empty() && is_space(text.back())) text.pop_back();
        out.ends_with_colon = !text.empty() && fold(text.back()) == U'：';
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
    return analysis;
}

bool names_item_level(const Report& report, const BlockClaims& block, const Claim& claim) {
    const Block& source = report.blocks[static_cast<std::size_t>(block.block)];
    std::u32string text = to_u32(source.text);
    std::u32string_view before = std::u32string_view(text).substr(0, std::min<std::size_t>(claim.begin, text.size()));
    // Only the clause that leads to the number matters.
    std::size_t start = before.find_last_of(U"，。；：,;:");
    std::u32string_view clause = start == std::u32string_view::npos ? before : before.substr(start + 1);
    std::u32string folded;
    for (char32_t c : clause) folded.push_back(fold(c));
    return contains(folded, U"（款）") || contains(folded, U"（项）");
}

}  // namespace fincheck::narrative
