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

// `text` made safe to write to a terminal: nothing in it can move the cursor, set a
// title, make a link, erase or overwrite what was written. C0 controls, DEL and the C1
// controls (U+0080..U+009F, which some terminals read as ESC [) are written as escapes
// ("\x1b", "\r", "\u009b"), and so are the bidirectional embeddings, overrides and
// isolates (U+202A..U+202E, U+2066..U+2069) that would reorder a line; an invalid byte is
// written as "\xff". With `keep_lines`, line feeds and tabs stay (a text of several
// lines); without, they are escaped too (one line: a diagnostic, a field). O(n).
std::string TerminalSafe(std::string_view text, bool keep_lines = false);

}  // namespace casus

#endif  // CASUS_CORE_UTF8_H_
