// libFuzzer target: the date scanner never reads past its input and only returns
// valid calendar dates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "casus/core/calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool missing_year : {false, true}) {
    casus::DateTimeOptions options;
    options.allow_missing_year = missing_year;
    auto match = casus::MatchDateTime(text, options);
    if (!match) continue;
    if (match->length > size) __builtin_trap();
    if (match->year != 0 && !casus::IsValidDate(match->year, match->month, match->day)) __builtin_trap();
    if (match->hour > 23 || match->minute > 59) __builtin_trap();
  }
  casus::ParseTimestamp(text);
  return 0;
}
