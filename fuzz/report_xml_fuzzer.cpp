// libFuzzer target: fincheck::fuzz::report_xml (entry_points.hpp).
#include "entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fincheck::fuzz::report_xml({data, size});
    return 0;
}
