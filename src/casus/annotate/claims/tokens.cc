#include "casus/annotate/claims/tokens.h"

#include <string>
#include <unordered_set>

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

size_t CodePointLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Persons' titles of resources/abbreviations.tsv (third column "person"), lower case.
bool IsTitleAbbreviation(const std::string& word) {
  static const std::unordered_set<std::string> titles = [] {
    std::unordered_set<std::string> out;
    for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::abbreviations())) {
      if (row.size() < 3 || row[2] != "person") continue;
      std::string title(row[0]);
      for (char& c : title) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      out.insert(std::move(title));
    }
    return out;
  }();
  return titles.count(word) > 0;
}

}  // namespace

bool IsDoubleQuoteMark(std::string_view m) {
  return m == "\"" || m == "\u201C" || m == "\u201D" || m == "\u00AB" || m == "\u00BB" || m == "\u201E";
}

bool IsSingleQuoteMark(std::string_view m) { return m == "'" || m == "\u2018" || m == "\u2019"; }

bool HasSuffix(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() + 2 && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<Token> Tokenize(std::string_view text, Span span) {
  std::vector<Token> tokens;
  tokens.reserve(span.size() / 5 + 4);
  size_t i = span.begin;
  const size_t end = std::min<size_t>(span.end, text.size());
  while (i < end) {
    size_t space = SpaceLengthAt(text, i);
    if (space > 0) {
      i += space;
      continue;
    }
    Token token;
    const size_t begin = i;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiLetter(text[i]) || IsWideLetterLead(c)) {
      token.kind = TokenKind::kWord;
      token.capitalized = text[i] >= 'A' && text[i] <= 'Z';
      if (IsWideLetterLead(c)) {
        // Á..Þ (U+00C0..U+00DE) are capitals; beyond Latin-1 we cannot tell cheaply, so
        // a word starting with them counts as capitalized only when it is in Latin-1.
        unsigned char next = i + 1 < end ? static_cast<unsigned char>(text[i + 1]) : 0;
        token.capitalized = c == 0xC3 && next >= 0x80 && next <= 0x9E;
      }
      while (i < end) {
        unsigned char d = static_cast<unsigned char>(text[i]);
        if (IsAsciiLetter(text[i])) {
          token.lower.push_back(text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i]);
          ++i;
        } else if (d >= 0x80 && IsWideLetterLead(d)) {
          size_t n = CodePointLength(d);
          token.lower.append(text.substr(i, std::min(n, end - i)));
          i += n;
        } else if (text[i] == '.' &&
                   (token.lower.size() == 1 ||
                    (token.lower.size() >= 3 && token.lower[token.lower.size() - 2] == '.')) &&
                   ((i + 2 < end && IsAsciiLetter(text[i + 1]) && text[i + 2] == '.') ||
                    token.lower.find('.') != std::string::npos)) {
          token.lower.push_back('.');  // initialisms: "U.S.", "U.N."
          ++i;
        } else {
          break;
        }
      }
      // A title's abbreviation keeps its full stop: "Mr. Obama", "Sen. Warren".
      if (token.capitalized && i + 2 < end && text[i] == '.' && text[i + 1] == ' ' &&
          IsTitleAbbreviation(token.lower)) {
        token.lower.push_back('.');
        ++i;
      }
    } else if (IsDigit(text[i])) {
      token.kind = TokenKind::kNumber;
      while (i < end &&
             (IsDigit(text[i]) || ((text[i] == ',' || text[i] == '.') && i + 1 < end && IsDigit(text[i + 1])))) {
        token.lower.push_back(text[i]);
        ++i;
      }
    } else {
      token.kind = TokenKind::kPunct;
      size_t n = std::min(CodePointLength(c), end - i);
      // "'s" and "’s" as one token: the possessive.
      std::string_view mark = text.substr(i, n);
      if ((mark == "'" || mark == "\u2019") && i + n < end && (text[i + n] == 's' || text[i + n] == 'S') &&
          (i + n + 1 >= end || !IsAsciiLetter(text[i + n + 1])) && !tokens.empty() && tokens.back().span.end == i &&
          tokens.back().kind == TokenKind::kWord) {
        n += 1;
        token.kind = TokenKind::kWord;
        token.lower = "'s";
      } else {
        token.lower.assign(mark);
      }
      i += n;
    }
    token.span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(i)};
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace casus::claims
