// Corpus: the sink for work across documents. Add(document) places each article: its
// near-duplicate group (DuplicateIndex) and its story (StoryClusterer); a duplicate
// joins its canonical's story without comparison. State from earlier batches is restored
// first (Restore*), so a new batch joins existing stories instead of re-clustering.
// touched() tells which stories changed. Not thread-safe.
#ifndef CASUS_CORPUS_CORPUS_H_
#define CASUS_CORPUS_CORPUS_H_

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "casus/core/document.h"
#include "casus/corpus/duplicates.h"
#include "casus/corpus/sketch.h"
#include "casus/corpus/stories.h"

namespace casus::corpus {

struct CorpusOptions {
  double duplicate_threshold = kDefaultDuplicateThreshold;
  StoryOptions stories;
  size_t expected_articles = 0;  // reserve room for this many
};

struct Placement {
  uint32_t article = 0;  // number of the article in this corpus (restored ones included)
  Sketch sketch;
  std::string duplicate_of;  // id of the canonical article, or empty
  double similarity = 0;     // to the canonical
  bool exact = false;
  int64_t story_id = 0;  // as first assigned; Finish() may move the article (StoryIdOf)
};

class Corpus {
 public:
  explicit Corpus(CorpusOptions options = {});

  // Restoring, in this order: frequencies, stories, then articles in the order they were added.
  void RestoreFrequencies(int64_t articles, const std::vector<std::pair<std::string, int64_t>>& frequencies) {
    stories_.RestoreFrequencies(articles, frequencies);
  }
  void ReserveStoryIdsThrough(int64_t id) { stories_.ReserveIdsThrough(id); }
  void RestoreStory(int64_t id, int first_day, int last_day, uint32_t members,
                    const std::vector<std::pair<std::string, float>>& centroid);
  void RestoreArticle(const std::string& id, const Sketch& sketch, int64_t story_id);

  Placement Add(const Document& document);

  // Ends a batch: the second pass of StoryClusterer::Refine over the articles added since
  // the last Finish (also run every kRefineEvery articles, to bound memory). After it,
  // StoryIdOf gives each article's story; stories left empty have no members.
  void Finish();
  static constexpr size_t kRefineEvery = 20000;
  int64_t StoryIdOf(uint32_t article) const;
  // Stories that took an article since the last restore, by id.
  const std::set<int64_t>& touched() const { return touched_; }
  const StoryClusterer& clusterer() const { return stories_; }
  const DuplicateIndex& duplicates() const { return duplicates_; }
  // Index of story `id` in clusterer().stories(), or -1.
  int64_t StoryIndex(int64_t id) const;

 private:
  DuplicateIndex duplicates_;
  StoryClusterer stories_;
  std::vector<std::string> ids_;        // per article number
  std::vector<int64_t> article_story_;  // per article number: story index, -1 unknown
  std::unordered_map<int64_t, size_t> story_index_;
  std::set<int64_t> touched_;
  uint32_t batch_first_ = 0;  // first article not yet refined
};

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_CORPUS_H_
