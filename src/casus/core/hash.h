// Fast non-cryptographic content hashes (XXH3), used for ids and change detection.
#ifndef CASUS_CORE_HASH_H_
#define CASUS_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace casus {

uint64_t Hash64(std::string_view bytes);
// 16 lower-case hex digits of Hash64.
std::string HashHex(std::string_view bytes);

}  // namespace casus

#endif  // CASUS_CORE_HASH_H_
