// Small text helpers over UTF-8 shared by every layer: white space that includes the
// Unicode spaces news pages use (no-break space, thin spaces, ideographic space).
#ifndef CASUS_CORE_TEXT_H_
#define CASUS_CORE_TEXT_H_

#include <cstddef>
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

}  // namespace casus

#endif  // CASUS_CORE_TEXT_H_
