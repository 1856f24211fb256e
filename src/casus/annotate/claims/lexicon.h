// The word lists of the claims layer (resources/claims_words.tsv), loaded once.
#ifndef CASUS_ANNOTATE_CLAIMS_LEXICON_H_
#define CASUS_ANNOTATE_CLAIMS_LEXICON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "casus/annotate/claims/tokens.h"
#include "casus/core/document.h"
#include "casus/core/string_table.h"

namespace casus::claims {

enum class Role { kKilled, kWounded, kMissing, kDetained };
enum class Form { kParticiple, kActive, kNoun };

struct CasualtyWord {
  Role role;
  Form form;
};

// A phrase of one or more lower-case words, with a value.
template <typename Value>
struct Phrase {
  std::vector<std::string> words;
  Value value;
};

// Word classes: one bit each, looked up once per token (Classify).
enum WordClass : uint32_t {
  kSpeech = 1u << 0,
  kDirective = 1u << 1,
  kAppeal = 1u << 2,
  kPronoun = 1u << 3,
  kStop = 1u << 4,
  kLead = 1u << 5,
  kAdverb = 1u << 6,
  kToll = 1u << 7,
  kRise = 1u << 8,
  kCauseLead = 1u << 9,
  kPlaceLead = 1u << 10,
  kChainCue = 1u << 11,
  kCasualty = 1u << 12,   // a key of `casualty`
  kPrepStart = 1u << 13,  // the first word of a prepositional cue ("according")
};

struct Lexicon {
  StringSet speech, directive, appeal, pronoun, stop, lead, adverb, toll, rise, cause_lead, place_lead, chain_cue;
  StringMap<std::string> hedge, hedge_cue;
  StringMap<CasualtyWord> casualty;
  StringMap<bool> victim;  // noun -> plural
  StringMap<int64_t> number, scale;
  StringSet nonhuman;           // animals named among victims
  StringSet perpetrator;        // attackers' nouns (also victim nouns, for reading claims)
  StringMap<std::string> unit;  // a word that makes the number before it no count -> example
  std::vector<Phrase<int>> prep_cues;  // value unused
  std::vector<Phrase<CountQualifier>> qualifiers;
  std::vector<Phrase<int64_t>> number_phrases;  // "a dozen", "a couple of"
  std::vector<Phrase<int64_t>> vague;           // "dozens", "tens of thousands"; longest first

  StringMap<uint32_t> classes;  // word -> WordClass bits

  // Whether a token (classified) is of a class.
  static bool Is(uint32_t word_class, const Token& token) { return (token.classes & word_class) != 0; }
  // Sets each word token's classes: one look-up a word.
  void Classify(std::vector<Token>* tokens) const;
};

const Lexicon& ClaimsLexicon();

// Length in tokens of `phrase` at tokens[i], or 0 when it is not there.
size_t MatchPhrase(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& phrase);

}  // namespace casus::claims

#endif  // CASUS_ANNOTATE_CLAIMS_LEXICON_H_
