// The language of fincheck's text output when --lang is not given.
#pragma once

#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::cli {

// From the locale environment, in POSIX precedence: the first non-empty of LC_ALL, LC_MESSAGES
// and LANG. A zh* locale, no locale at all, and C/POSIX give Chinese: fincheck is written for
// Chinese auditors first, and C is what cron, CI runners and containers have, not a choice a
// person made. Any other language (en_US.UTF-8, de_DE) gives English, the one other language
// every message carries. Arguments are the variables' values, null when unset.
engine::Language language_from_locale(const char* lc_all, const char* lc_messages, const char* lang);

// language_from_locale() over the process environment.
engine::Language default_language();

}  // namespace fincheck::cli
