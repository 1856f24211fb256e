// The claims layer's tokens, read off the document's one token layer (segment/tokens.h):
// its words and marks, with the pieces of a word split at hyphens, inner apostrophes
// and the borders of letters and digits ("10-year-old" -> "10" "-" "year" "-" "old",
// "1990s" -> "1990" "s"), so counts and ranges read as numbers; a title's abbreviation
// keeps its full stop ("Mr.", "Sen."). Each token's lower-case form is a view into the
// document (its norms or text) or into a static table: no copy per token.
#ifndef CASUS_ANNOTATE_CLAIMS_TOKENS_H_
#define CASUS_ANNOTATE_CLAIMS_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/document.h"
#include "casus/core/span.h"

namespace casus::claims {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kPunct;
  bool capitalized = false;
  std::string_view lower;  // lower case; marks as written
  uint32_t classes = 0;  // the claims lexicon's word classes (lexicon.h), set by Classify
  PartOfSpeech pos = PartOfSpeech::kOther;  // the token layer's, for the word it comes from
};

// The tokens of sentence `sentence` (the token layer must have run).
std::vector<Token> SentenceTokens(const Document& document, uint32_t sentence);

// Whether a punctuation token is a double (" “ ” « » „) or single (' ‘ ’) quotation mark.
bool IsDoubleQuoteMark(std::string_view mark);
bool IsSingleQuoteMark(std::string_view mark);

// Whether `word` ends with `suffix` after a stem of at least three letters ("denied"
// ends with "ed"; "red" does not).
bool HasSuffix(std::string_view word, std::string_view suffix);

}  // namespace casus::claims

#endif  // CASUS_ANNOTATE_CLAIMS_TOKENS_H_
