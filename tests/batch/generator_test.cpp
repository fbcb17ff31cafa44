// The synthetic report generator: deterministic, loadable, consistent by construction (the
// project's arithmetic and cross-table rules find nothing in a clean report) and its
// planted errors are found by the rules of their family.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <gtest/gtest.h>

#include "batch_test_support.hpp"
#include "fincheck/gen/generator.hpp"
#include "fincheck/report_xml.hpp"

namespace {

using namespace fincheck;

std::string category_of(const engine::Engine& e, const std::string& rule_id) {
    const engine::RuleEntry* entry = e.registry().find(rule_id);
    return entry ? entry->meta->category : std::string();
}

TEST(Generator, SameSeedAndIndexGiveTheSameReport) {
    gen::GeneratorOptions options;
    options.seed = 42;
    const std::string a = write_report_xml(gen::generate_report(options, 3).report);
    EXPECT_EQ(a, write_report_xml(gen::generate_report(options, 3).report));
    EXPECT_NE(a, write_report_xml(gen::generate_report(options, 4).report));
}

TEST(Generator, InjectingErrorsLeavesTheRestOfTheReportAlone) {
    gen::GeneratorOptions clean, faulty;
    clean.seed = faulty.seed = 5;
    faulty.error_rate = 1.0;
    const gen::GeneratedReport a = gen::generate_report(clean, 0);
    const gen::GeneratedReport b = gen::generate_report(faulty, 0);
    EXPECT_TRUE(a.truth.empty());
    EXPECT_GE(b.truth.size(), 4u);
    EXPECT_EQ(a.report.meta.department, b.report.meta.department);
    EXPECT_EQ(a.report.tables.size(), b.report.tables.size());
}

TEST(Generator, ReportsLoadBackAndHaveTheSizeOfARealReport) {
    gen::GeneratorOptions options;
    options.seed = 9;
    for (std::uint64_t i = 0; i < 5; ++i) {
        const std::string xml = write_report_xml(gen::generate_report(options, i).report);
        LoadResult loaded = load_report_xml_buffer(xml, "generated.xml");
        ASSERT_TRUE(loaded) << loaded.error->to_string();
        EXPECT_EQ(write_report_xml(*loaded.report), xml);
        std::size_t rows = 0;
        for (const Table& t : loaded.report->tables) rows += t.rows.size();
        EXPECT_GE(loaded.report->blocks.size(), 80u);
        EXPECT_GE(rows, 150u);
        EXPECT_EQ(loaded.report->tables.front().id, "01");
    }
}

// Audits `count` reports generated with `seed` and `error_rate`, handing each to `check`.
template <class Check>
void audit_generated(std::uint64_t seed, double error_rate, std::uint64_t count, Check&& check) {
    auto engine = batchtest::project_engine();
    ASSERT_FALSE(engine->plugins().plugins().empty());
    gen::GeneratorOptions options;
    options.seed = seed;
    options.error_rate = error_rate;
    for (std::uint64_t i = 0; i < count; ++i) {
        const gen::GeneratedReport generated = gen::generate_report(options, i);
        check(*engine, i, generated, engine->audit(generated.report));
    }
}

// Reports consistent by construction raise no finding of these categories.
void expect_clean_of(std::uint64_t seed, const std::vector<std::string>& categories) {
    audit_generated(seed, 0.0, 40, [&](const engine::Engine& engine, std::uint64_t i, const gen::GeneratedReport&,
                                       const engine::AuditResult& result) {
        for (const engine::AuditedFinding& f : result.findings) {
            const std::string category = category_of(engine, f.finding.rule_id);
            EXPECT_TRUE(std::find(categories.begin(), categories.end(), category) == categories.end())
                << "report " << i << ": " << f.finding.rule_id << " " << f.message_en;
        }
    });
}

TEST(Generator, ConsistentReportsRaiseNoArithmeticOrCrossTableFinding) { expect_clean_of(77, {"arithmetic", "cross-table"}); }

// The precision guard of issue #17 for the structure and metadata rules.
TEST(Generator, ConsistentReportsRaiseNoStructureOrMetadataFinding) { expect_clean_of(80, {"structure", "metadata"}); }

// The precision guard of issue #17 over every rule category: a consistent report may carry
// style notes (info) but not one error or warning.
TEST(Generator, ConsistentReportsRaiseNoErrorOrWarningInAnyCategory) {
    audit_generated(81, 0.0, 40, [&](const engine::Engine& engine, std::uint64_t i, const gen::GeneratedReport&,
                                     const engine::AuditResult& result) {
        for (const engine::AuditedFinding& f : result.findings)
            EXPECT_EQ(f.severity, Severity::info) << "report " << i << ": " << category_of(engine, f.finding.rule_id)
                                                  << " " << f.finding.rule_id << " " << f.message_en;
    });
}

TEST(Generator, PlantedTableErrorsAreFoundByTheirRuleFamily) {
    std::size_t planted = 0, found = 0;
    audit_generated(78, 1.0, 20, [&](const engine::Engine& engine, std::uint64_t, const gen::GeneratedReport& generated,
                                     const engine::AuditResult& result) {
        for (const gen::InjectedError& e : generated.truth) {
            const std::string family(gen::family_of(e.kind));
            if (family != "arithmetic" && family != "cross-table") continue;
            ++planted;
            for (const engine::AuditedFinding& f : result.findings)
                if (category_of(engine, f.finding.rule_id) == family) {
                    ++found;
                    break;
                }
        }
    });
    EXPECT_GT(planted, 30u);
    EXPECT_EQ(found, planted);
}

// The structure and metadata kinds, each found by the rule built for it, at the place it was
// planted.
std::string_view rule_for(gen::ErrorKind kind) {
    switch (kind) {
        case gen::ErrorKind::unresolved_alternative: return "structure-unresolved-alternative";
        case gen::ErrorKind::obsolete_class_name: return "structure-obsolete-class-name";
        case gen::ErrorKind::foreign_part_heading:
        case gen::ErrorKind::foreign_narrative_subject: return "structure-department-mismatch";
        case gen::ErrorKind::empty_table_note: return "structure-empty-table-note";
        case gen::ErrorKind::template_instruction: return "structure-placeholder-text";
        default: return {};
    }
}

TEST(Generator, PlantedStructureErrorsAreFoundWhereTheyWerePlanted) {
    std::size_t planted = 0, found = 0;
    audit_generated(79, 1.0, 20, [&](const engine::Engine&, std::uint64_t i, const gen::GeneratedReport& generated,
                                     const engine::AuditResult& result) {
        for (const gen::InjectedError& e : generated.truth) {
            const std::string_view rule = rule_for(e.kind);
            if (rule.empty()) continue;
            ++planted;
            bool hit = false;
            for (const engine::AuditedFinding& f : result.findings) {
                if (f.finding.rule_id != rule || f.finding.actual.find(e.actual) == std::string::npos) continue;
                if (e.block >= 0 && f.finding.location.block != e.block) continue;
                if (!e.table.empty() && f.finding.location.table != e.table) continue;
                hit = true;
            }
            EXPECT_TRUE(hit) << "report " << i << ": " << gen::to_string(e.kind) << " (" << e.note << ") not found by "
                             << rule;
            found += hit ? 1 : 0;
        }
    });
    EXPECT_GE(planted, 110u);  // six kinds in nearly every report
    EXPECT_EQ(found, planted);
}

// The narrative kinds of issue #17, each found by the rule built for it at the planted block,
// at the severity its gap asks for: a wrong scope and a denied spending are errors, a
// truncated rate is info.
struct NarrativeExpectation {
    std::string_view rule;
    Severity severity;
};
std::optional<NarrativeExpectation> narrative_rule_for(gen::ErrorKind kind) {
    switch (kind) {
        case gen::ErrorKind::wrong_fund_scope: return NarrativeExpectation{"narrative-amount-mismatch", Severity::error};
        case gen::ErrorKind::stated_absence: return NarrativeExpectation{"narrative-stated-absence", Severity::error};
        case gen::ErrorKind::truncated_rate: return NarrativeExpectation{"narrative-rate-mismatch", Severity::info};
        default: return std::nullopt;
    }
}

TEST(Generator, PlantedNarrativeErrorsAreFoundWhereTheyWerePlanted) {
    std::map<gen::ErrorKind, std::pair<std::size_t, std::size_t>> by_kind;  // planted, found
    audit_generated(82, 1.0, 200, [&](const engine::Engine&, std::uint64_t i, const gen::GeneratedReport& generated,
                                     const engine::AuditResult& result) {
        for (const gen::InjectedError& e : generated.truth) {
            const auto expectation = narrative_rule_for(e.kind);
            if (!expectation) continue;
            bool hit = false;
            for (const engine::AuditedFinding& f : result.findings) {
                hit = hit || (f.finding.rule_id == expectation->rule && f.finding.location.block == e.block &&
                              f.severity == expectation->severity &&
                              (e.kind == gen::ErrorKind::stated_absence || f.finding.actual.find(e.actual) != std::string::npos));
            }
            auto& [planted, found] = by_kind[e.kind];
            ++planted;
            found += hit ? 1 : 0;
            EXPECT_TRUE(hit) << "report " << i << ": " << gen::to_string(e.kind) << " (" << e.note << ", " << e.actual
                             << ") not found by " << expectation->rule;
        }
    });
    for (gen::ErrorKind kind : {gen::ErrorKind::wrong_fund_scope, gen::ErrorKind::stated_absence, gen::ErrorKind::truncated_rate}) {
        const auto [planted, found] = by_kind[kind];
        EXPECT_GE(planted, 20u) << gen::to_string(kind) << " is planted too rarely to measure";
        EXPECT_GE(found * 100, planted * 95) << gen::to_string(kind) << ": " << found << " of " << planted;
    }
}

}  // namespace
