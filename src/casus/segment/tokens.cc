// The token layer; see tokens.h for the rules. Per sentence: cut the text into words
// and marks, split off clitics, then give each token its norm (one shared pool per
// document), its part of speech from the token before it, and its lemma. A per-thread
// cache keeps each distinct norm's WordNet analysis.
#include "casus/segment/tokens.h"

#include <array>
#include <string>
#include <unordered_map>

#include "casus/core/text.h"
#include "casus/core/utf8.h"
#include "casus/lexicon/english.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus {

struct TokenTagger::Lexicon {
  struct FunctionWord {
    uint16_t flag = 0;  // the TokenFlag of its class; 0 for a number word
    std::string lemma;  // empty: the word itself
  };
  std::unordered_map<std::string, FunctionWord> function_words;
  const lexicon::EnglishLexicon& english = lexicon::EnglishLexicon::Builtin();
};

namespace {

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Whether the code point at `i` (valid UTF-8) is a letter or digit: ASCII alphanumerics
// and every non-ASCII code point but Latin-1 punctuation and signs, general punctuation
// (dashes, curly quotes, ellipsis), and the spaces.
bool IsWordAt(std::string_view text, size_t i, size_t* length) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *length = 1;
    return IsAsciiLetter(c) || IsDigit(c);
  }
  size_t next = i;
  const char32_t code_point = DecodeUtf8(text, &next);
  *length = next - i;
  if (code_point < 0xC0) return code_point == 0xAA || code_point == 0xB5 || code_point == 0xBA;
  if (code_point == 0xD7 || code_point == 0xF7) return false;      // × ÷
  if (code_point >= 0x2000 && code_point <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (code_point >= 0x3000 && code_point <= 0x303F) return false;  // CJK punctuation
  if (code_point == 0xFEFF || (code_point >= 0xFE30 && code_point <= 0xFE6F)) return false;
  return true;
}

bool IsApostropheAt(std::string_view text, size_t i, size_t* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
    *length = 3;
    return true;
  }
  return false;
}

bool IsDoubleQuoteAt(std::string_view text, size_t i, size_t* length) {
  if (text[i] == '"') {
    *length = 1;
    return true;
  }
  for (const char* mark : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"}) {  // “ ” « »
    const size_t n = std::char_traits<char>::length(mark);
    if (text.compare(i, n, mark) == 0) {
      *length = n;
      return true;
    }
  }
  return false;
}

// A cut of the text: [begin, end), and whether it is a word.
struct Piece {
  uint32_t begin, end;
  bool word;
};

// The words and marks of text[span].
void Cut(std::string_view text, Span span, std::vector<Piece>* out) {
  out->clear();
  size_t i = span.begin;
  const size_t end = span.end;
  while (i < end) {
    if (const size_t space = SpaceLengthAt(text, i); space > 0) {
      i += space;
      continue;
    }
    size_t length = 0;
    if (!IsWordAt(text, i, &length)) {
      // A mark: one code point, or a run of periods ("...").
      size_t stop = i + length;
      if (text[i] == '.') {
        while (stop < end && text[stop] == '.') ++stop;
      }
      out->push_back(Piece{static_cast<uint32_t>(i), static_cast<uint32_t>(std::min(stop, end)), false});
      i = std::min(stop, end);
      continue;
    }
    // A word: letters and digits, with inner hyphens, apostrophes, and number or
    // initial punctuation ("1,200", "3.5", "U.S.").
    const size_t begin = i;
    i += length;
    while (i < end) {
      size_t step = 0;
      if (IsWordAt(text, i, &step)) {
        i += step;
        continue;
      }
      const char c = text[i];
      size_t next = 0;
      const bool joins_next = i + 1 < end && IsWordAt(text, i + 1, &next);
      if (c == '-' && joins_next) {
        ++i;
        continue;
      }
      if ((c == ',' || c == '.') && IsDigit(static_cast<unsigned char>(text[i - 1])) && i + 1 < end &&
          IsDigit(static_cast<unsigned char>(text[i + 1]))) {
        ++i;
        continue;
      }
      // Initials: a single letter and a period, twice or more ("U.S.", "U.N.").
      if (c == '.' && i - begin >= 1 && IsAsciiLetter(static_cast<unsigned char>(text[i - 1])) &&
          (i - 1 == begin || text[i - 2] == '.' || text[i - 2] == '-')) {  // "non-U.S."
        const bool more = i + 2 < end && IsAsciiLetter(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == '.';
        const bool closes = i - 1 > begin && text[i - 2] == '.';  // "U.S." ends here
        if (more) {
          i += 2;
          continue;
        }
        if (closes) {
          ++i;
          break;
        }
        break;
      }
      size_t apostrophe = 0;
      if (IsApostropheAt(text, i, &apostrophe) && i + apostrophe < end && IsWordAt(text, i + apostrophe, &next)) {
        i += apostrophe;
        continue;
      }
      break;
    }
    out->push_back(Piece{static_cast<uint32_t>(begin), static_cast<uint32_t>(i), true});
  }
}

// The lower-cased form of text[begin, end) with curly apostrophes made straight.
void Normalize(std::string_view text, uint32_t begin, uint32_t end, std::string* out) {
  out->clear();
  for (uint32_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\xE2' && i + 2 < end && text[i + 1] == '\x80' && text[i + 2] == '\x99') {
      out->push_back('\'');
      i += 2;
    } else if (c == '\xC3' && i + 1 < end && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9E && text[i + 1] != '\x97') {
      out->push_back(c);  // Latin-1 capitals: À..Þ -> à..þ
      out->push_back(static_cast<char>(text[i + 1] + 0x20));
      ++i;
    } else {
      out->push_back(c);
    }
  }
}

}  // namespace

void CutTokens(std::string_view text, Span span, std::vector<TokenCut>* out) {
  out->clear();
  span.end = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  std::vector<Piece> pieces;
  Cut(text, span, &pieces);
  std::string norm;
  for (const Piece& piece : pieces) {
    // Clitics split off the end of a word: "'s", "n't", "'re", "'ve", "'ll", "'d", "'m".
    uint32_t word_end = piece.end;
    if (piece.word) {
      Normalize(text, piece.begin, piece.end, &norm);
      for (std::string_view clitic : {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}) {
        if (norm.size() <= clitic.size() || norm.compare(norm.size() - clitic.size(), clitic.size(), clitic) != 0) {
          continue;
        }
        // The clitic's bytes in the text (an apostrophe may be 3 bytes long).
        uint32_t at = piece.end;
        for (size_t n = 0; n < clitic.size(); ++n) {
          --at;
          while (at > piece.begin && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        }
        word_end = at;
        break;
      }
    }
    if (piece.begin < word_end) out->push_back(TokenCut{Span{piece.begin, word_end}, piece.word, false});
    if (word_end < piece.end) out->push_back(TokenCut{Span{word_end, piece.end}, true, true});
  }
}

namespace {

// What a norm is, looked up once per document.
struct Analysis {
  lexicon::WordSenses senses;              // WordNet's parts of speech, weighted
  std::array<std::string_view, 4> lemmas;  // the lemma for each (in the lexicon), empty when none
  bool whole = false;                      // read by its last part: the word itself is the lemma
  const TokenTagger::Lexicon::FunctionWord* function = nullptr;
};

int PartIndex(PartOfSpeech pos) {
  switch (pos) {
    case PartOfSpeech::kNoun: return lexicon::kWordNetNoun;
    case PartOfSpeech::kVerb: return lexicon::kWordNetVerb;
    case PartOfSpeech::kAdjective: return lexicon::kWordNetAdjective;
    case PartOfSpeech::kAdverb: return lexicon::kWordNetAdverb;
    default: return -1;
  }
}

constexpr PartOfSpeech kPartOf[4] = {PartOfSpeech::kNoun, PartOfSpeech::kVerb, PartOfSpeech::kAdjective,
                                     PartOfSpeech::kAdverb};

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// The part of speech of an open-class word that WordNet lists under several, from the
// token before it (already tagged) and its ending.
PartOfSpeech Disambiguate(const Analysis& analysis, std::string_view norm, const Token* previous,
                          std::string_view previous_norm) {
  const auto& w = analysis.senses.weight;
  auto has = [&](int part) { return w[part] > 0; };
  const bool noun = has(lexicon::kWordNetNoun), verb = has(lexicon::kWordNetVerb),
             adjective = has(lexicon::kWordNetAdjective);
  if (previous != nullptr) {
    const bool after_determiner = previous->Is(kTokenDeterminer) || previous->pos == PartOfSpeech::kAdjective ||
                                  previous->pos == PartOfSpeech::kNumber;
    if (after_determiner && noun) return PartOfSpeech::kNoun;
    if (after_determiner && adjective) return PartOfSpeech::kAdjective;
    const bool verb_context = previous->Is(kTokenModal) || previous->Is(kTokenPronoun) ||
                              previous->Is(kTokenNegation) || previous_norm == "to" || previous_norm == "did" ||
                              previous_norm == "do" || previous_norm == "does";
    if (verb_context && verb) return PartOfSpeech::kVerb;
    if (previous->Is(kTokenAuxiliary) && verb &&
        (EndsWith(norm, "ed") || EndsWith(norm, "ing") || EndsWith(norm, "en") || !analysis.lemmas[1].empty())) {
      if (!(adjective && !EndsWith(norm, "ed") && !EndsWith(norm, "ing") && !EndsWith(norm, "en"))) {
        return PartOfSpeech::kVerb;
      }
    }
    // After a subject, a past form is the verb: "Azerbaijan shelled", "the rebels retreated".
    if ((previous->pos == PartOfSpeech::kProperNoun || previous->pos == PartOfSpeech::kNoun) && verb &&
        EndsWith(norm, "ed")) {
      return PartOfSpeech::kVerb;
    }
  }
  // The part used most; a verb form in -ed that is no noun reads as a verb.
  int best = -1;
  for (int part = 0; part < 4; ++part) {
    if (w[part] > 0 && (best < 0 || w[part] > w[best])) best = part;
  }
  if (best < 0) return PartOfSpeech::kOther;
  if (verb && EndsWith(norm, "ed") && w[lexicon::kWordNetVerb] >= w[best]) return PartOfSpeech::kVerb;
  if (verb && EndsWith(norm, "ed") && best != lexicon::kWordNetVerb && !noun) return PartOfSpeech::kVerb;
  return kPartOf[best];
}

}  // namespace

TokenTagger::TokenTagger() : lexicon_(std::make_unique<Lexicon>()) {
  info_ = StageInfo{"tokens", {Layer::kSentences}, {Layer::kTokens}};
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::function_words())) {
    if (row.size() < 2) continue;
    Lexicon::FunctionWord word;
    const std::string_view kind = row[1];
    word.flag = kind == "det"     ? kTokenDeterminer
                : kind == "prep"  ? kTokenPreposition
                : kind == "pron"  ? kTokenPronoun
                : kind == "aux"   ? kTokenAuxiliary
                : kind == "modal" ? kTokenModal
                : kind == "neg"   ? kTokenNegation
                : kind == "conj"  ? kTokenConjunction
                : kind == "sub"   ? kTokenSubordinator
                                  : 0;
    if (row.size() > 2) word.lemma = std::string(row[2]);
    lexicon_->function_words.emplace(std::string(row[0]), std::move(word));
  }
  (void)lexicon_->english.size();  // loaded now, not inside the first document's timing
}

TokenTagger::~TokenTagger() = default;

Status TokenTagger::Process(Document& document) const {
  document.tokens.clear();
  document.token_norms.clear();
  document.sentence_tokens.clear();
  const std::string_view text = document.text();
  document.tokens.reserve(text.size() / 5 + 16);
  document.token_norms.reserve(text.size() + 64);
  // Each norm's analysis, kept per thread across documents (it depends on the word
  // alone), so a word is looked up in WordNet once per thread, not once per document.
  // Bounded: emptied when it holds too many words or belongs to another tagger.
  struct Cache {
    const Lexicon* owner = nullptr;
    std::unordered_map<std::string, Analysis> analyses;
  };
  thread_local Cache cache;
  if (cache.owner != lexicon_.get() || cache.analyses.size() > 400000) {
    cache.analyses.clear();
    cache.owner = lexicon_.get();
  }
  auto& analyses = cache.analyses;
  std::vector<TokenCut> cuts;
  std::string norm, scratch;
  // Interns a string in the pool, returning its offset.
  auto pool = [&](std::string_view value) {
    const auto at = static_cast<uint32_t>(document.token_norms.size());
    document.token_norms.append(value);
    return at;
  };
  for (uint32_t k = 0; k < document.sentences.size(); ++k) {
    if ((k & 255) == 0 && document.PastDeadline()) return Document::DeadlineStatus(info_.name);
    const Sentence& sentence = document.sentences[k];
    document.sentence_tokens.push_back(static_cast<uint32_t>(document.tokens.size()));
    CutTokens(text, sentence.span, &cuts);
    // A headline in title case: its capitals say nothing about names.
    size_t words = 0, capitalized = 0;
    for (const TokenCut& cut : cuts) {
      if (!cut.word || cut.clitic) continue;
      ++words;
      const auto c = static_cast<unsigned char>(text[cut.span.begin]);
      capitalized += (c >= 'A' && c <= 'Z') ? 1 : 0;
    }
    const bool title_case = words >= 3 && capitalized * 10 >= words * 7;
    bool quoted = false, first_word = true;
    for (const TokenCut& cut : cuts) {
      const uint32_t begin = cut.span.begin, end = cut.span.end;
      Token token;
      token.span = Span{begin, end};
      token.sentence = k;
      Normalize(text, begin, end, &norm);
      token.norm_begin = pool(norm);
      token.norm_size = static_cast<uint16_t>(std::min<size_t>(norm.size(), 65535));
      token.lemma_begin = token.norm_begin;
      token.lemma_size = token.norm_size;
      size_t mark = 0;
      if (!cut.word) {
        token.pos = PartOfSpeech::kPunctuation;
        if (IsDoubleQuoteAt(text, begin, &mark)) quoted = !quoted;
        document.tokens.push_back(token);
        continue;
      }
      const auto first = static_cast<unsigned char>(text[begin]);
      const bool capital = (first >= 'A' && first <= 'Z') ||
                           (first == 0xC3 && begin + 1 < end && static_cast<unsigned char>(text[begin + 1]) <= 0x9E);
      if (capital) token.flags |= kTokenCapitalized;
      size_t letters = 0, upper = 0;
      bool digit = false, hyphen = false;
      for (uint32_t i = begin; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (IsAsciiLetter(c)) {
          ++letters;
          upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
        }
        digit = digit || IsDigit(c);
        hyphen = hyphen || c == '-';
      }
      if (letters >= 2 && upper == letters) token.flags |= kTokenAllCaps;
      if (digit) token.flags |= kTokenDigits;
      if (hyphen && letters > 0) token.flags |= kTokenHyphenated;
      if (first_word) token.flags |= kTokenSentenceStart;
      if (quoted) token.flags |= kTokenQuoted;
      first_word = false;
      // The analysis of this norm, made once per document.
      auto [entry, added] = analyses.try_emplace(norm);
      Analysis& analysis = entry->second;
      if (added) {
        if (auto fw = lexicon_->function_words.find(norm); fw != lexicon_->function_words.end()) {
          analysis.function = &fw->second;
        } else {
          // A hyphenated word WordNet lacks ("anti-terrorist") is read as its last part.
          std::string_view looked_up = norm;
          if (lexicon_->english.Find(norm) == nullptr && norm.find('-') != std::string::npos && norm.back() != '-') {
            looked_up = std::string_view(norm).substr(norm.rfind('-') + 1);
          }
          const lexicon::EnglishLexicon::Analysis found = lexicon_->english.Analyze(looked_up, &scratch);
          analysis.senses = found.senses;
          analysis.lemmas = found.lemmas;
          analysis.whole = looked_up.size() != norm.size();
        }
      }
      token.wordnet = analysis.senses.Bits();
      const Token* previous = nullptr;
      std::string_view previous_norm;
      if (document.tokens.size() > document.sentence_tokens.back()) {
        previous = &document.tokens.back();
        previous_norm = document.Norm(*previous);
      }
      if (first >= '0' && first <= '9') {
        token.pos = PartOfSpeech::kNumber;
      } else if (analysis.function != nullptr && !(capital && !token.Is(kTokenSentenceStart) && !title_case &&
                                                   analysis.function->flag == kTokenModal && norm == "may")) {
        token.flags |= analysis.function->flag;
        token.pos = analysis.function->flag == 0 ? PartOfSpeech::kNumber : PartOfSpeech::kFunction;
        if (!analysis.function->lemma.empty()) {
          token.lemma_begin = pool(analysis.function->lemma);
          token.lemma_size = static_cast<uint16_t>(analysis.function->lemma.size());
        }
      } else if ((capital && !token.Is(kTokenSentenceStart) && !title_case) ||
                 (token.Is(kTokenAllCaps) && !title_case) || (capital && token.wordnet == 0) ||
                 (capital && analysis.senses.name == 2 && token.wordnet == 1)) {
        // A capitalised adjective is a demonym ("Azerbaijani forces"), else a name.
        token.pos = (token.wordnet & (1 << lexicon::kWordNetAdjective)) && !token.Is(kTokenAllCaps)
                        ? PartOfSpeech::kAdjective
                        : PartOfSpeech::kProperNoun;
      } else if (token.wordnet == 0) {
        token.pos = capital ? PartOfSpeech::kProperNoun : PartOfSpeech::kOther;
      } else if ((token.wordnet & (token.wordnet - 1)) == 0) {
        for (int p = 0; p < 4; ++p) {
          if (token.wordnet & (1 << p)) token.pos = kPartOf[p];
        }
      } else {
        token.pos = Disambiguate(analysis, norm, previous, previous_norm);
      }
      // A word WordNet lacks, in -s but not -ss, is a plural: "gunships" -> "gunship".
      if (token.pos == PartOfSpeech::kOther && norm.size() > 3 && norm.back() == 's' &&
          norm[norm.size() - 2] != 's' && norm[norm.size() - 2] != '\'') {
        token.lemma_begin = pool(std::string_view(norm).substr(0, norm.size() - 1));
        token.lemma_size = static_cast<uint16_t>(norm.size() - 1);
      } else if (const int p = PartIndex(token.pos);
                 p >= 0 && !analysis.whole && !analysis.lemmas[p].empty() && analysis.lemmas[p] != norm) {
        token.lemma_begin = pool(analysis.lemmas[p]);
        token.lemma_size = static_cast<uint16_t>(analysis.lemmas[p].size());
      }
      document.tokens.push_back(token);
    }
  }
  document.sentence_tokens.push_back(static_cast<uint32_t>(document.tokens.size()));
  // A word read as a verb right before a past verb is a noun when it can be one: the
  // subject's head, "Government forces attacked", "the sides' talks ended".
  for (size_t k = 0; k + 1 < document.sentence_tokens.size(); ++k) {
    for (uint32_t i = document.sentence_tokens[k]; i + 2 <= document.sentence_tokens[k + 1]; ++i) {
      Token& token = document.tokens[i];
      const Token& next = document.tokens[i + 1];
      if (token.pos != PartOfSpeech::kVerb || next.pos != PartOfSpeech::kVerb || (token.wordnet & 1) == 0) continue;
      const std::string_view next_norm = document.Norm(next);
      if (next_norm.size() < 3 || next_norm.substr(next_norm.size() - 2) != "ed") continue;
      const std::string_view norm = document.Norm(token);
      if (norm.size() > 2 && norm.substr(norm.size() - 2) == "ed") continue;  // "shelled destroyed" stays
      token.pos = PartOfSpeech::kNoun;
      const std::string_view noun = lexicon_->english.Lemma(norm, lexicon::kWordNetNoun, &scratch);
      const std::string lemma(noun.empty() ? norm : noun);
      token.lemma_begin = pool(lemma);
      token.lemma_size = static_cast<uint16_t>(lemma.size());
    }
  }
  return Status::Ok();
}

}  // namespace casus
