// SDK and ABI versions. The ABI major changes whenever a struct or virtual interface that
// crosses the plugin boundary changes; the host refuses plugins built for another major.
#pragma once

#include <cstdint>

#define FINCHECK_SDK_VERSION "1.5.0"
#define FINCHECK_ABI_MAJOR 1
#define FINCHECK_ABI_MINOR 2

namespace fincheck {

inline constexpr const char* kSdkVersion = FINCHECK_SDK_VERSION;
inline constexpr std::uint32_t kAbiMajor = FINCHECK_ABI_MAJOR;
inline constexpr std::uint32_t kAbiMinor = FINCHECK_ABI_MINOR;

}  // namespace fincheck
