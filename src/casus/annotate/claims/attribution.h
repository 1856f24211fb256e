// AttributionTagger: who vouches for each clause, and direct quotations with speakers.
//
// One mechanism for the whole system. In each sentence (outside quotations) it finds
// cues: speech verbs ("said", "told", "reported", "quoted ... as saying"), prepositional
// cues ("according to", "as per"), and, for quotations only, verbs of appeal ("urged",
// "asked"). The source is the noun phrase before the verb, after it when inverted
// ("..., said the ministry"), or after the prepositional cue; "citing X" and "quoted X"
// add an inner source to the chain. Pronoun sources ("It added") take the last named
// source. The content is the clause after the cue, or before it when the cue comes
// last ("..., TASS reported"). Hedges ("reportedly", "allegedly", "claimed") are kept.
// Quotations are found over whole lines (straight, curly, nested, running over
// paragraphs) and classed as statements, partial quotations or scare quotes.
#ifndef CASUS_ANNOTATE_CLAIMS_ATTRIBUTION_H_
#define CASUS_ANNOTATE_CLAIMS_ATTRIBUTION_H_

#include <memory>
#include <string>
#include <vector>

#include "casus/pipeline/stage.h"

namespace casus {

class SpanIndex;

class AttributionTagger : public Stage {
 public:
  AttributionTagger();
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

 private:
  StageInfo info_;
};

// Who vouches for a span, over a document's attributions, indexed once by content
// (O(n log n)) so that each question costs a logarithm plus the attributions that
// answer it. Refers to the document, which must outlive it and keep its attributions.
class ChainFinder {
 public:
  explicit ChainFinder(const Document& document);
  ~ChainFinder();
  // The source chain (outermost first) and hedge that vouch for `span`: the chains of
  // the attributions whose content holds it, widest first, with repeats dropped.
  void ChainFor(Span span, std::vector<std::string>* chain, std::string* hedge) const;

 private:
  const Document& document_;
  std::unique_ptr<SpanIndex> contents_;
};

}  // namespace casus

#endif  // CASUS_ANNOTATE_CLAIMS_ATTRIBUTION_H_
