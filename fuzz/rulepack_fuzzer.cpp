// libFuzzer target: fincheck::fuzz::rulepack (entry_points.hpp).
#include "entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fincheck::fuzz::rulepack({data, size});
    return 0;
}
