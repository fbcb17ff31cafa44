// Umbrella header: everything a rule plugin needs.
#pragma once

#include "fincheck/decimal.hpp"
#include "fincheck/finding.hpp"
#include "fincheck/number_text.hpp"
#include "fincheck/plugin.hpp"
#include "fincheck/report.hpp"
#include "fincheck/rule.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/text/bytes.hpp"
#include "fincheck/text/chars.hpp"
#include "fincheck/text/compact.hpp"
#include "fincheck/text/decode.hpp"
#include "fincheck/text/numbers.hpp"
#include "fincheck/text/report_text.hpp"
#include "fincheck/text_position.hpp"
#include "fincheck/tolerance.hpp"
#include "fincheck/version.hpp"
