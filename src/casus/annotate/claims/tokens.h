// Word tokens for the claims layer: words (with inner hyphens split off, "'s" apart),
// numbers ("1,000", "6.6"), and single punctuation marks, each with its byte span and
// a lower-case form. Shared by attribution and casualty extraction.
#ifndef CASUS_ANNOTATE_CLAIMS_TOKENS_H_
#define CASUS_ANNOTATE_CLAIMS_TOKENS_H_

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
  std::string lower;  // lower case; curly apostrophes and quotes kept as written
};

std::vector<Token> Tokenize(std::string_view text, Span span);

// Quotation marks: which way a mark at text[pos] can face, judged by its neighbours.
bool IsDoubleQuoteMark(std::string_view mark);  // " “ ” « »
bool IsSingleQuoteMark(std::string_view mark);  // ' ‘ ’

}  // namespace casus::claims

#endif  // CASUS_ANNOTATE_CLAIMS_TOKENS_H_
