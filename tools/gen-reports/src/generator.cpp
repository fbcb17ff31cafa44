#include "fincheck/gen/generator.hpp"

#include <fmt/format.h>

#include "builder.hpp"
#include "inject.hpp"
#include "random.hpp"

namespace fincheck::gen {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::class_missing_from_total: return "class-missing-from-total";
        case ErrorKind::cross_table_mismatch: return "cross-table-mismatch";
        case ErrorKind::wrong_percentage: return "wrong-percentage";
        case ErrorKind::wrong_attachment_year: return "wrong-attachment-year";
        case ErrorKind::foreign_department: return "foreign-department";
        case ErrorKind::unresolved_alternative: return "unresolved-alternative";
        case ErrorKind::obsolete_class_name: return "obsolete-class-name";
        case ErrorKind::foreign_part_heading: return "foreign-part-heading";
        case ErrorKind::wrong_fund_scope: return "wrong-fund-scope";
        case ErrorKind::stated_absence: return "stated-absence";
        case ErrorKind::truncated_rate: return "truncated-rate";
        case ErrorKind::foreign_narrative_subject: return "foreign-narrative-subject";
        case ErrorKind::empty_table_note: return "empty-table-note";
        case ErrorKind::template_instruction: break;
    }
    return "template-instruction";
}

std::string_view family_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::class_missing_from_total: return "arithmetic";
        case ErrorKind::cross_table_mismatch: return "cross-table";
        case ErrorKind::wrong_percentage:
        case ErrorKind::wrong_fund_scope:
        case ErrorKind::stated_absence:
        case ErrorKind::truncated_rate: return "narrative";
        case ErrorKind::wrong_attachment_year: return "years";
        case ErrorKind::unresolved_alternative:
        case ErrorKind::obsolete_class_name:
        case ErrorKind::empty_table_note:
        case ErrorKind::template_instruction: return "structure";
        case ErrorKind::foreign_department:
        case ErrorKind::foreign_part_heading:
        case ErrorKind::foreign_narrative_subject: break;
    }
    return "metadata";
}

namespace {

Profile draw_profile(Random& random, const GeneratorOptions& options) {
    Profile p;
    p.region = &random.pick(regions());
    p.archetype = &random.pick(archetypes());
    p.department = std::string(p.archetype->party_body ? p.region->party : p.region->prefix) +
                   std::string(p.archetype->name);
    p.short_name = std::string(p.archetype->name);
    p.year = options.fiscal_year != 0 ? options.fiscal_year : static_cast<int>(random.between(2021, 2024));
    switch (p.region->level) {
        case AdminLevel::province: p.level_word = "省级"; break;
        case AdminLevel::city: p.level_word = "市级"; break;
        default: p.level_word = p.region->prefix.ends_with("县") ? "县级" : "区级"; break;
    }
    p.subtotal_rows = random.chance(0.5);
    return p;
}

}  // namespace

GeneratedReport generate_report(const GeneratorOptions& options, std::uint64_t index) {
    Random random(splitmix64(options.seed) ^ (index * 0x9E3779B97F4A7C15ULL + 1));
    GeneratedReport out;
    Report& report = out.report;
    ReportBuilder builder(report);

    const Profile profile = draw_profile(random, options);
    const Finances finances = draw_finances(random, *profile.archetype);

    Metadata& m = report.meta;
    m.department = report.own(profile.department);
    m.level = profile.region->level;
    m.region = report.own(profile.region->full);
    m.template_name = report.own("national");
    m.fiscal_year = profile.year;
    m.title = report.own(fmt::format("{}年度{}部门决算", profile.year, profile.department));
    m.amount_unit = report.own("万元");
    m.publication_date = report.own(fmt::format("{}-{:02}-{:02}", profile.year + 1, random.between(6, 10), random.between(1, 28)));

    add_front_matter(builder, profile, finances);
    add_standard_tables(builder, profile, finances);
    const NarrativeAnchors anchors = add_narrative(builder, profile, finances);
    add_attachments(builder, profile, finances);
    fill_toc(report);

    inject_errors(random, options.error_rate, builder, profile, finances, anchors, out.truth);
    return out;
}

}  // namespace fincheck::gen
