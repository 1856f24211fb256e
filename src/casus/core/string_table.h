// Hash tables keyed by strings and looked up with string_views: a token's norm finds its
// entry without a temporary string.
#ifndef CASUS_CORE_STRING_TABLE_H_
#define CASUS_CORE_STRING_TABLE_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace casus {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace casus

#endif  // CASUS_CORE_STRING_TABLE_H_
