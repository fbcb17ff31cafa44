#include "count_statements.hpp"

#include "compact_reader.hpp"
#include "fincheck/text/bytes.hpp"
#include "scanner.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

bool is_sentence_end(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U';'; }

// The text of the sentence before code point `at`.
std::u32string_view sentence_before(std::u32string_view text, std::size_t at) {
    std::size_t start = at;
    while (start > 0 && !is_sentence_end(text[start - 1])) --start;
    return text.substr(start, at - start);
}

bool opens_with_digit(std::string_view raw) {
    const std::size_t k = raw.find_first_not_of(" \t\r\n");
    return k != std::string_view::npos && text::digit_length_at(raw, k) != 0;
}

// True when some 人 or 名 right after a digit has a count synonym in the bytes before it
// (a claim's subject is the clause before its number: a window of 64 bytes holds the
// synonyms of the lexicon and the words between them and the number). One pass over the
// bytes looking for digits, which are rare in narrative cells.
bool names_a_count_before_a_unit(std::string_view raw, const Lexicon& lexicon) {
    constexpr std::size_t kWindow = 64;
    if (!text::has_digit(raw)) return false;  // most narrative cells: one vectorised pass
    const std::size_t n = raw.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t digit = text::digit_length_at(raw, i);
        if (digit == 0) continue;
        std::size_t end = i;  // where the number starts: its subject ends there
        std::size_t k = i + digit;
        while (k < n && ((raw[k] >= '0' && raw[k] <= '9') || raw[k] == '.' || raw[k] == ' ')) ++k;
        i = k - 1;
        std::string_view rest = raw.substr(k);
        if (rest.substr(0, 3) != "人" && rest.substr(0, 3) != "名") continue;
        std::size_t begin = end > kWindow ? end - kWindow : 0;
        if (lexicon.may_name_count(raw.substr(begin, end - begin))) return true;
    }
    return false;
}

// Counts from one form cell: those whose own words name a count concept, and a first count
// with no words before it, which the indicator's name speaks of.
void cell_statements(const Analysis& analysis, const IndicatorRow& indicator, std::size_t column,
                     const ScanOptions& options, std::vector<CountStatement>& out) {
    std::string_view raw = indicator.cell_text(column);
    // A count the cell's own words name needs a count synonym shortly before a number and its
    // unit; one that takes the indicator's name opens the cell. Long narrative cells are
    // passed over undecoded.
    bool may_count = opens_with_digit(raw)
                         ? raw.find("人") != std::string_view::npos || raw.find("名") != std::string_view::npos
                         : names_a_count_before_a_unit(raw, *analysis.lexicon);
    if (!may_count) return;
    std::u32string text = to_u32(raw);
    std::vector<Claim> claims = scan_claims(std::u32string_view(text), options);
    const Lexicon& lexicon = *analysis.lexicon;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& claim = claims[i];
        if (!is_head_count(claim)) continue;
        const Concept* entry = lexicon.find(claim.subject, true);
        TimeFrame frame = time_frame(sentence_before(text, claim.begin), options.fiscal_year);
        if (entry == nullptr && i == 0 && claim.subject.empty()) {
            std::u32string name = normalize_phrase(to_u32(indicator.name()));
            entry = lexicon.find(name, true);
            frame = time_frame(name, options.fiscal_year);
        }
        if (entry == nullptr) continue;
        CountStatement statement;
        statement.entry = entry;
        statement.frame = frame;
        statement.value = claim.value;
        statement.text = text_of(claim);
        statement.table = indicator.table;
        statement.row = indicator.row;
        statement.column = column;
        out.push_back(std::move(statement));
    }
}

}  // namespace

TimeFrame time_frame(std::u32string_view before, int fiscal_year) {
    TimeFrame frame{fiscal_year, false};
    bool point_found = false, year_found = false;
    for (std::size_t k = before.size(); k-- > 0 && !(point_found && year_found);) {
        if (before[k] != U'年') continue;
        char32_t next = k + 1 < before.size() ? before[k + 1] : U'\0';
        if (!point_found && (next == U'初' || next == U'末' || next == U'底')) {
            point_found = true;
            frame.year_start = next == U'初';
            if (k > 0 && before[k - 1] == U'上' && !year_found) {  // 上年末: the end of Y−1
                frame.year = fiscal_year - 1;
                year_found = true;
            }
        }
        if (!year_found && k >= 4 && is_digit(before[k - 1]) && is_digit(before[k - 2]) && is_digit(before[k - 3]) &&
            is_digit(before[k - 4]) && (k == 4 || !is_digit(before[k - 5]))) {
            // 「与2023年相比」「比2023年」: the year compared with, not the count's own.
            char32_t lead = k > 4 ? before[k - 5] : U'\0';
            if (lead == U'与' || lead == U'比' || lead == U'较') continue;
            int year = 0;
            for (std::size_t d = k - 4; d < k; ++d) year = year * 10 + static_cast<int>(before[d] - U'0');
            frame.year = year;
            year_found = true;
        }
    }
    return frame;
}

bool is_head_count(const Claim& claim) {
    return claim.kind == ClaimKind::count && (claim.unit == U"人" || claim.unit == U"名") && !claim.approximate &&
           !claim.prior_year && claim.relation == Relation::none;
}

std::vector<CountStatement> count_statements(const Analysis& analysis,
                                             const std::vector<std::vector<IndicatorRow>>& indicators) {
    std::vector<CountStatement> out;
    const int fiscal_year = analysis.report->meta.fiscal_year;
    for (const BlockClaims& block : analysis.blocks) {
        for (std::size_t i = 0; i < block.claims.size(); ++i) {
            const Claim& claim = block.claims[i];
            const Concept* entry = block.concepts[i];
            if (entry == nullptr || !is_head_count(claim)) continue;
            CountStatement statement;
            statement.entry = entry;
            statement.frame = time_frame(sentence_before(block.text, claim.begin), fiscal_year);
            statement.value = claim.value;
            statement.text = text_of(claim);
            statement.block = &block;
            statement.claim = &claim;
            out.push_back(std::move(statement));
        }
    }
    ScanOptions options;
    options.fiscal_year = fiscal_year;
    for (const std::vector<IndicatorRow>& rows : indicators) {
        for (const IndicatorRow& indicator : rows) {
            std::size_t before = out.size();
            if (indicator.actual_column) cell_statements(analysis, indicator, *indicator.actual_column, options, out);
            if (out.size() == before && indicator.target_column)
                cell_statements(analysis, indicator, *indicator.target_column, options, out);
        }
    }
    return out;
}

Location statement_location(const Analysis& analysis, const CountStatement& statement) {
    if (statement.claim != nullptr) return claim_location(analysis, *statement.block, *statement.claim);
    if (statement.column >= statement.table->columns.size()) return Location::at_row(*statement.table, *statement.row);
    return Location::at_cell(*statement.table, *statement.row, statement.table->columns[statement.column].key);
}

void add_statement_evidence(FindingBuilder& finding, const Analysis& analysis, const CountStatement& statement,
                            std::string_view role) {
    if (statement.claim != nullptr) add_claim_evidence(finding, analysis, *statement.block, *statement.claim, role);
    else finding.evidence_cell(role, *statement.table, *statement.row, statement.column);
}

}  // namespace fincheck::narrative
