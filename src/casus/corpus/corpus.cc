// The corpus sink: near-duplicate groups first, then stories (see corpus.h).
#include "casus/corpus/corpus.h"

namespace casus::corpus {

Corpus::Corpus(CorpusOptions options)
    : duplicates_(options.duplicate_threshold, options.expected_articles), stories_(options.stories) {
  ids_.reserve(options.expected_articles);
  article_story_.reserve(options.expected_articles);
}

void Corpus::RestoreStory(int64_t id, int first_day, int last_day, uint32_t members,
                          const std::vector<std::pair<std::string, float>>& centroid) {
  story_index_[id] = stories_.RestoreStory(id, first_day, last_day, members, centroid);
}

void Corpus::RestoreArticle(const std::string& id, const Sketch& sketch, int64_t story_id) {
  duplicates_.Add(sketch);
  ids_.push_back(id);
  article_story_.push_back(StoryIndex(story_id));
  batch_first_ = static_cast<uint32_t>(ids_.size());
}

int64_t Corpus::StoryIndex(int64_t id) const {
  auto it = story_index_.find(id);
  return it == story_index_.end() ? -1 : static_cast<int64_t>(it->second);
}

Placement Corpus::Add(const Document& document) {
  Placement placement;
  placement.sketch = SketchDocument(document);
  std::optional<DuplicateMatch> match = duplicates_.Add(placement.sketch);
  int64_t same_story = -1;
  int64_t follows = -1;
  placement.article = static_cast<uint32_t>(ids_.size());
  if (match) {
    placement.duplicate_of = ids_[match->canonical];
    placement.similarity = match->similarity;
    placement.exact = match->exact;
    same_story = article_story_[match->canonical];
    if (match->canonical >= batch_first_) follows = static_cast<int64_t>(match->canonical - batch_first_);
  }
  const size_t story = stories_.Add(ArticleTerms(document), DayOf(document.metadata.published), same_story, follows);
  placement.story_id = stories_.stories()[story].id;
  story_index_[placement.story_id] = story;
  touched_.insert(placement.story_id);
  ids_.push_back(document.id());
  article_story_.push_back(static_cast<int64_t>(story));
  if (ids_.size() - batch_first_ >= kRefineEvery) Finish();
  return placement;
}

void Corpus::Finish() {
  const std::vector<size_t> placed = stories_.Refine();
  for (size_t i = 0; i < placed.size(); ++i) {
    article_story_[batch_first_ + i] = static_cast<int64_t>(placed[i]);
    const int64_t id = stories_.stories()[placed[i]].id;
    story_index_[id] = placed[i];
    touched_.insert(id);
  }
  batch_first_ = static_cast<uint32_t>(ids_.size());
}

int64_t Corpus::StoryIdOf(uint32_t article) const {
  const int64_t index = article_story_[article];
  return index < 0 ? 0 : stories_.stories()[static_cast<size_t>(index)].id;
}

}  // namespace casus::corpus
