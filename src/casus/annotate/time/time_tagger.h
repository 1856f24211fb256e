// TimeTagger: finds time expressions in a document's content (and its dateline) and
// resolves each to a TIMEX3 value against the publication date.
//
// Absolute forms ("September 20, 2023", "20 Sept", "2023-09-20", "1991", "the 1990s",
// "13:01 IST") and relative ones ("on Tuesday", "yesterday", "last week", "in
// December", "five months ago", "the next day", "the past three decades") are found by
// a longest-match scan over the tokens of each sentence. Relative values take the
// tense of the sentence into account: in a past-tense sentence "Tuesday" is the latest
// Tuesday on or before publication, in a future one the next. Word lists live in
// resources/time_words.tsv. Numbers that are not times ("27 people", "Resolution
// 2334", "F-16") are left alone. Immutable after construction; thread-safe; linear.
#ifndef CASUS_ANNOTATE_TIME_TIME_TAGGER_H_
#define CASUS_ANNOTATE_TIME_TIME_TAGGER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "casus/pipeline/stage.h"

namespace casus {

class TimeTagger : public Stage {
 public:
  TimeTagger();
  ~TimeTagger() override;
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

  // Tags `text` alone as one sentence published on `published` ("YYYY-MM-DD" or
  // empty); for tests and tools.
  std::vector<TimeExpression> Tag(std::string_view text, std::string_view published) const;

  struct Lexicon;

 private:
  StageInfo info_;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace casus

#endif  // CASUS_ANNOTATE_TIME_TIME_TAGGER_H_
