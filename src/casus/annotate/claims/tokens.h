// Word tokens for the claims layer: words (with inner hyphens split off, "'s" apart),
// numbers ("1,000", "6.6"), and single punctuation marks, each with its byte span and
// a lower-case form. Shared by attribution and casualty extraction.
#ifndef CASUS_ANNOTATE_CLAIMS_TOKENS_H_
#define CASUS_ANNOTATE_CLAIMS_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/span.h"

namespace casus::claims {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kPunct;
  bool capitalized = false;
  std::string lower;     // lower case; curly apostrophes and quotes kept as written
  uint32_t classes = 0;  // the claims lexicon's word classes (lexicon.h), set by Classify
};

std::vector<Token> Tokenize(std::string_view text, Span span);

// Whether a punctuation token is a double (" “ ” « » „) or single (' ‘ ’) quotation mark.
bool IsDoubleQuoteMark(std::string_view mark);
bool IsSingleQuoteMark(std::string_view mark);

// Whether `word` ends with `suffix` after a stem of at least three letters ("denied"
// ends with "ed"; "red" does not).
bool HasSuffix(std::string_view word, std::string_view suffix);

}  // namespace casus::claims

#endif  // CASUS_ANNOTATE_CLAIMS_TOKENS_H_
