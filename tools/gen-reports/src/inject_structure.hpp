// The structure kinds of issue #17 (identity in the narrative, template residue): each planted
// by its own function, after the kinds of inject.cpp, so that a seed keeps planting what it did.
#pragma once

#include <vector>

#include "builder.hpp"
#include "fincheck/gen/generator.hpp"
#include "random.hpp"

namespace fincheck::gen {

void inject_structure_errors(Random& random, double rate, ReportBuilder& builder,
                             const Profile& profile, std::vector<InjectedError>& truth);

}  // namespace fincheck::gen
