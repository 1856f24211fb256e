// UTF-8 validation and repair. casus keeps all text as valid UTF-8: readers repair
// invalid input once, so later stages never need to check.
#ifndef CASUS_CORE_UTF8_H_
#define CASUS_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace casus {

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid. O(n).
size_t FindInvalidUtf8(std::string_view text);

struct Utf8Repair {
  size_t replaced = 0;      // invalid sequences replaced by U+FFFD
  size_t first_offset = 0;  // byte offset of the first one (in the input)
};

// Replaces each maximal invalid subsequence of `text` with U+FFFD, in place.
Utf8Repair RepairUtf8(std::string& text);

// Decodes one code point at `*offset` of valid UTF-8 and advances the offset.
char32_t DecodeUtf8(std::string_view text, size_t* offset);

// Appends the UTF-8 encoding of `code_point`.
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace casus

#endif  // CASUS_CORE_UTF8_H_
