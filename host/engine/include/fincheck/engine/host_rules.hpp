// Rules the host itself reports under: a rule that throws becomes an internal-rule-error
// finding instead of ending the run.
#pragma once

#include <vector>

#include "fincheck/rule.hpp"

namespace fincheck::engine {

inline constexpr std::string_view kInternalRuleError = "internal-rule-error";
inline constexpr std::string_view kHostPluginName = "host";
inline constexpr std::string_view kImportPluginName = "import";

const RuleMeta& internal_rule_error_meta();
const std::vector<RuleMeta>& host_rule_metas();

}  // namespace fincheck::engine
