// libFuzzer target: fincheck::fuzz::import_text (entry_points.hpp).
#include "entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fincheck::fuzz::import_text({data, size});
    return 0;
}
