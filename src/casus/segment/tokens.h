// TokenTagger: the one token layer every later stage may read (Layer::kTokens).
//
// Each sentence is cut into words and marks with byte spans into the text: a word runs
// over letters and digits, keeps inner hyphens ("anti-terrorist"), apostrophes and the
// points and commas of numbers ("1,200", "3.5") and of initials ("U.S."), and gives up
// its clitics as tokens of their own ("Azerbaijan's" -> "Azerbaijan" "'s", "didn't" ->
// "did" "n't"). Each token gets its lower-cased norm, a coarse part of speech, a lemma
// and flags (capitalised, sentence start, in quotation marks, and the classes of the
// function words: determiner, preposition, pronoun, auxiliary, modal, negation,
// conjunction, subordinator).
//
// Part of speech: marks and numbers by their characters; function words from
// resources/function_words.tsv; a capitalised word inside a sentence not in title case
// is a name; other words take the parts of speech WordNet lists for them (the English
// lexicon, lexicon/english.h), and when it lists several, the word before decides (a
// determiner makes a noun, "to", a modal or a subject pronoun a verb, an auxiliary a
// participle), else the part WordNet's SemCor counts use most. The lemma is WordNet's
// base form for that part of speech. Each distinct word of a document is looked up once.
//
// Immutable after construction; thread-safe; linear in the text.
#ifndef CASUS_SEGMENT_TOKENS_H_
#define CASUS_SEGMENT_TOKENS_H_

#include <memory>
#include <string_view>
#include <vector>

#include "casus/core/span.h"
#include "casus/pipeline/stage.h"

namespace casus {

// The token layer's cut of text[span] into words and marks, clitics apart: the spans
// the TokenTagger gives a sentence, for text outside sentences (related-link lines).
struct TokenCut {
  Span span;
  bool word = false;    // a word (or clitic), not a mark
  bool clitic = false;  // "'s", "n't", ... split off the word before
};
void CutTokens(std::string_view text, Span span, std::vector<TokenCut>* out);

class TokenTagger : public Stage {
 public:
  TokenTagger();
  ~TokenTagger() override;
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

  struct Lexicon;

 private:
  StageInfo info_;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace casus

#endif  // CASUS_SEGMENT_TOKENS_H_
