// Small text helpers over UTF-8 shared by every layer: white space that includes the
// Unicode spaces news pages use (no-break space, thin spaces, ideographic space).
#ifndef CASUS_CORE_TEXT_H_
#define CASUS_CORE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "casus/core/span.h"

namespace casus {

// Byte length of a white-space character at `i` (ASCII or Unicode), 0 when none.
size_t SpaceLengthAt(std::string_view text, size_t i);
// Byte length of a white-space character ending just before `end`, 0 when none.
size_t SpaceLengthBefore(std::string_view text, size_t end);

std::string_view TrimSpaces(std::string_view text);
// Shrinks `span` of `text` so it neither starts nor ends with white space.
Span TrimSpan(std::string_view text, Span span);

// Numbers read from text without exceptions (std::stoi throws on "" and ".0" and on
// numbers past its type; nothing in casus may throw on input).
// The whole of `text` as a decimal number: digits only, at most 18 of them; nullopt for
// anything else (empty, a sign, a point, a letter, too many digits).
std::optional<int64_t> ParseDigits(std::string_view text);
// The number `text` opens with, as std::stol reads it (blanks, an optional sign, then
// digits; what follows is ignored), or `fallback` when no digit opens it; a number past
// the bounds of int64_t saturates at them.
int64_t LeadingInteger(std::string_view text, int64_t fallback = 0);

}  // namespace casus

#endif  // CASUS_CORE_TEXT_H_
