#include "casus/annotate/claims/tokens.h"

#include <string>
#include <algorithm>

#include "casus/core/string_table.h"
#include "casus/core/text.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus::claims {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A letter outside ASCII: any lead byte of a two-byte sequence (Latin, Greek, Cyrillic)
// or of the three-byte blocks that are not punctuation (U+2000..U+2BFF start with 0xE2).
bool IsWideLetterLead(unsigned char c) { return c >= 0xC3 && c != 0xE2 && c != 0xEF; }

size_t CodePointLength(char byte) {
  const auto lead = static_cast<unsigned char>(byte);
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Persons' titles of resources/abbreviations.tsv (third column "person"), lower case,
// with their full stop ("mr."): the view a title token reads.
std::string_view TitleAbbreviation(std::string_view word) {
  static const StringSet titles = [] {
    StringSet out;
    for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::abbreviations())) {
      if (row.size() < 3 || row[2] != "person") continue;
      std::string title(row[0]);
      for (char& c : title) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      out.insert(title + ".");
    }
    return out;
  }();
  if (word.size() > 15) return {};
  char key[17];
  word.copy(key, word.size());
  key[word.size()] = '.';
  auto it = titles.find(std::string_view(key, word.size() + 1));
  return it == titles.end() ? std::string_view() : std::string_view(*it);
}

// Whether the code point led by `c` is a letter for the claims layer: ASCII letters and
// any lead byte of a two-byte sequence (Latin, Greek, Cyrillic) or of the three-byte
// blocks that are not punctuation (U+2000..U+2BFF start with 0xE2).
bool LetterAt(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  return IsAsciiLetter(text[i]) || IsWideLetterLead(c);
}

bool Capitalized(std::string_view raw) {
  if (raw.empty()) return false;
  if (raw[0] >= 'A' && raw[0] <= 'Z') return true;
  // Á..Þ (U+00C0..U+00DE) are capitals; beyond Latin-1 we cannot tell cheaply.
  return static_cast<unsigned char>(raw[0]) == 0xC3 && raw.size() > 1 &&
         static_cast<unsigned char>(raw[1]) >= 0x80 && static_cast<unsigned char>(raw[1]) <= 0x9E;
}

// Cuts a word of the token layer into the claims layer's pieces: runs of letters, runs
// of digits (with the points and commas between digits), and single other characters.
// `raw` and `norm` have the same length, so a piece's offsets hold in both.
void Pieces(std::string_view raw, std::string_view norm, uint32_t begin, std::vector<Token>* out) {
  size_t i = 0;
  while (i < raw.size()) {
    Token piece;
    const size_t start = i;
    if (LetterAt(raw, i)) {
      piece.kind = TokenKind::kWord;
      while (i < raw.size() && LetterAt(raw, i)) i += IsAsciiLetter(raw[i]) ? 1 : CodePointLength(raw[i]);
    } else if (IsDigit(raw[i])) {
      piece.kind = TokenKind::kNumber;
      while (i < raw.size() &&
             (IsDigit(raw[i]) || ((raw[i] == ',' || raw[i] == '.') && i + 1 < raw.size() && IsDigit(raw[i + 1])))) {
        ++i;
      }
    } else {
      i += CodePointLength(raw[i]);
    }
    i = std::min(i, raw.size());
    piece.span = Span{begin + static_cast<uint32_t>(start), begin + static_cast<uint32_t>(i)};
    piece.capitalized = piece.kind == TokenKind::kWord && Capitalized(raw.substr(start));
    piece.lower = piece.kind == TokenKind::kPunct ? raw.substr(start, i - start) : norm.substr(start, i - start);
    out->push_back(piece);
  }
}

}  // namespace

bool IsDoubleQuoteMark(std::string_view m) {
  return m == "\"" || m == "\u201C" || m == "\u201D" || m == "\u00AB" || m == "\u00BB" || m == "\u201E";
}

bool IsSingleQuoteMark(std::string_view m) { return m == "'" || m == "\u2018" || m == "\u2019"; }

bool HasSuffix(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() + 2 && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<Token> SentenceTokens(const Document& document, uint32_t sentence) {
  std::vector<Token> tokens;
  if (sentence + 1 >= document.sentence_tokens.size()) return tokens;
  const uint32_t first = document.sentence_tokens[sentence], end = document.sentence_tokens[sentence + 1];
  tokens.reserve(end - first + 8);
  const std::string_view text = document.text();
  for (uint32_t t = first; t < end; ++t) {
    const casus::Token& source = document.tokens[t];
    const std::string_view raw = text.substr(source.span.begin, source.span.size());
    const std::string_view norm = document.Norm(source);
    if (raw.empty()) continue;
    Token token;
    token.span = source.span;
    if (source.pos == PartOfSpeech::kPunctuation) {
      token.kind = TokenKind::kPunct;
      token.lower = raw;
      tokens.push_back(token);
      continue;
    }
    token.kind = TokenKind::kWord;
    token.capitalized = Capitalized(raw);
    token.lower = norm;
    // Whole: a clitic ("'s", "n't"), an initialism ("u.s."), a word of letters only, or
    // one whose norm differs in length from its text (curly apostrophes, case changes).
    bool letters = true, digits = IsDigit(raw[0]);
    for (size_t i = 0; i < raw.size(); i += CodePointLength(raw[i])) {
      letters = letters && LetterAt(raw, i);
      digits = digits && (IsDigit(raw[i]) || ((raw[i] == ',' || raw[i] == '.') && i + 1 < raw.size() &&
                                              IsDigit(raw[i + 1])));
    }
    if (digits) token.kind = TokenKind::kNumber;
    const bool whole = letters || digits || norm == "'s" || norm == "n't" ||
                       norm.find('.') != std::string_view::npos || raw.size() != norm.size();
    token.pos = source.pos;
    if (!whole) {
      const size_t first_piece = tokens.size();
      Pieces(raw, norm, source.span.begin, &tokens);
      for (size_t p = first_piece; p < tokens.size(); ++p) tokens[p].pos = source.pos;
      continue;
    }
    // A title's abbreviation keeps its full stop: "Mr. Obama", "Sen. Warren".
    if (token.capitalized && t + 1 < end && document.tokens[t + 1].span.begin == source.span.end &&
        text.substr(source.span.end, 1) == "." && source.span.end + 1 < text.size() &&
        text[source.span.end + 1] == ' ') {
      const std::string_view title = TitleAbbreviation(norm);
      if (!title.empty()) {
        token.lower = title;
        token.span.end += 1;
        ++t;
      }
    }
    tokens.push_back(token);
  }
  return tokens;
}

}  // namespace casus::claims
