// SentenceSplitter: sentence spans over a document's content (boilerplate and the
// dateline excluded), with byte offsets into the original text.
//
// Sentences never cross a line: each content line is a paragraph. Inside one, a
// sentence ends at '.', '!' or '?' (closing quotes and brackets included) followed by
// space and a capital, a digit or an opening quote, except after a title abbreviation
// (Gen., Dr., Jan.), or after an initial or other abbreviation (U.S., p.m.) unless a
// typical sentence opener follows. Word lists: resources/abbreviations.tsv and
// resources/sentence_openers.tsv. A run of text longer than kMaxSentenceBytes with no
// such end (a list, a table, a scrape without full stops) is cut into pieces of at most
// that size, each at the last semicolon, else comma, else space of its second half, so
// no later stage ever sees a sentence longer than that. Immutable after construction;
// thread-safe; linear.
#ifndef CASUS_SEGMENT_SENTENCES_H_
#define CASUS_SEGMENT_SENTENCES_H_

#include <memory>
#include <string_view>
#include <vector>

#include "casus/pipeline/stage.h"

namespace casus {

class SentenceSplitter : public Stage {
 public:
  // Real news sentences stay well under this (the longest in the evaluation corpora are
  // about 1,500 bytes); stages may do work quadratic in a sentence's length.
  static constexpr uint32_t kMaxSentenceBytes = 3000;

  SentenceSplitter();
  ~SentenceSplitter() override;
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

  // Splits one paragraph starting at byte `offset` of the text; appends to `out`.
  void SplitParagraph(std::string_view text, Span paragraph, uint32_t paragraph_index,
                      std::vector<Sentence>* out) const;

  struct Lexicon;

 private:
  StageInfo info_;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace casus

#endif  // CASUS_SEGMENT_SENTENCES_H_
