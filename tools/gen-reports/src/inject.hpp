// Plants the errors of ErrorKind in a consistent report and records where they are.
#pragma once

#include <vector>

#include "builder.hpp"
#include "fincheck/gen/generator.hpp"
#include "random.hpp"

namespace fincheck::gen {

void inject_errors(Random& random, double rate, ReportBuilder& builder, const Profile& profile,
                   const Finances& finances, const NarrativeAnchors& anchors,
                   std::vector<InjectedError>& truth);

// The narrative kinds of issue #17 (inject_narrative.cpp); inject_errors calls it last.
void inject_narrative_errors(Random& random, double rate, ReportBuilder& builder, const Profile& profile,
                             const Finances& finances, std::vector<InjectedError>& truth);

}  // namespace fincheck::gen
