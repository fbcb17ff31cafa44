// Who and when, as a run records it (the lock file's holder, the results database's run row).
#pragma once

#include <string>

namespace fincheck::batch {

// This machine's host name ("unknown" when the system gives none).
std::string host_name();
// The current time in UTC, ISO 8601 to the second: 2025-10-16T01:00:03Z.
std::string utc_timestamp();

}  // namespace fincheck::batch
