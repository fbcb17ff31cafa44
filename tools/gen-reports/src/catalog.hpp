// Vocabularies of the generator: classification codes with their standard names (from the
// national template, schemas/templates/national.xml),
// regions, kinds of departments and the stock phrases of a report's prose.
#pragma once

#include <span>
#include <string_view>

#include "fincheck/report.hpp"

namespace fincheck::gen {

struct CodeName {
    std::string_view code;
    std::string_view name;
};

// The 26 functional classes in the order of the 01 and 04 tables.
std::span<const CodeName> functional_classes();
// Standard name of a functional class (3 digits), 款 (5) or 项 (7) code.
std::string_view functional_name(std::string_view code);

// Economic codes of table 06 in print order; groups 301/303 are 人员经费, 302/310 公用经费.
std::span<const CodeName> economic_codes();
bool is_personnel_code(std::string_view code);

struct Region {
    std::string_view full;      // 湖北省武汉市汉阳区
    std::string_view prefix;    // what a department name starts with: 武汉市汉阳区
    std::string_view party;     // party committee prefix: 中共武汉市汉阳区委
    AdminLevel level;
};
std::span<const Region> regions();

// A kind of department: its name, the functional 项 codes its own work is booked under,
// and the government-fund codes it may spend.
struct Archetype {
    std::string_view name;          // 财政局, or 组织部 for a party body
    bool party_body;                // name is 中共…委 + name
    std::span<const std::string_view> own_codes;
    std::span<const std::string_view> fund_codes;
    std::string_view duty;          // one phrase of its duties
};
std::span<const Archetype> archetypes();

// 项 codes every unit has: pensions, medical insurance, housing fund.
std::span<const std::string_view> common_codes();

// Stock phrases used to give paragraphs their realistic length.
std::span<const std::string_view> duty_phrases();
std::span<const std::string_view> work_phrases();
std::span<const std::string_view> reason_phrases();
std::span<const std::string_view> project_names();
std::span<const CodeName> glossary();

}  // namespace fincheck::gen
