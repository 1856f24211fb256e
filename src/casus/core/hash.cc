// XXH3-64 over bytes; the hex form is what ids and the store use.
#include "casus/core/hash.h"

#include <xxhash.h>

namespace casus {

uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string HashHex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  uint64_t value = Hash64(bytes);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace casus
