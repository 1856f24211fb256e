// Cleaner: marks boilerplate and finds the article's metadata in its text.
//
// Works line by line with general rules (word lists in resources/boilerplate.tsv and
// resources/outlet_words.tsv): links to other articles, advertisements, image
// credits, share and comment widgets, bylines, timestamps, section labels beside a
// byline, and embedded social-media posts are marked as boilerplate spans (the text
// is never changed). It also finds the publication date, time and zone, the headline,
// the author or publisher, and the dateline. Metadata already set by a reader (crawl
// header, JSON fields, HTML meta) is kept; the text only fills what is missing.
// Immutable after construction; Process is thread-safe. Linear in the text size.
#ifndef CASUS_NORMALIZE_CLEANER_H_
#define CASUS_NORMALIZE_CLEANER_H_

#include <memory>

#include "casus/pipeline/stage.h"

namespace casus {

class Cleaner : public Stage {
 public:
  Cleaner();
  ~Cleaner() override;
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

  struct Lexicon;  // cue phrases, defined in cleaner.cc

 private:
  StageInfo info_;
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace casus

#endif  // CASUS_NORMALIZE_CLEANER_H_
