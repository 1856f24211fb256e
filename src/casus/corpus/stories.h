// StoryClusterer: articles about one incident or episode grouped into stories, online.
//
// Each article becomes a term vector: lower-cased content words (stop words of
// resources/corpus_words.tsv and numbers left out, plurals folded), names counted twice
// (capitalised words inside a sentence) and headline words twice, weighted by
// (1 + log tf) * idf, cut to its kArticleTerms heaviest terms and normalised. Document
// frequencies are those of everything seen so far plus kPriorArticles imaginary articles
// holding none of the terms, so the first articles of a corpus do not treat every shared
// word as common. A story keeps the sum of its members' vectors (cut to kStoryTerms
// terms), its publication range and size. A new article is compared (cosine) with the
// stories that share one of its heavy terms and whose publication range, widened by the
// window, holds its date; it joins the best one above the threshold, or opens a story.
// Near-duplicates are not compared: they join their canonical's story. Refine() is the
// second pass over a batch (see there).
//
// The inverted index is keyed by term and time bucket (kBucketDays days): a story is
// listed under each bucket its publication range touches, and a dated article looks only
// at the buckets of its window, so the cost of placing an article depends on the stories
// of its weeks, not on the size of the corpus, and articles may come in any order.
// Undated articles are compared with every story sharing their terms, and undated
// stories are listed apart where every article sees them; when either side is undated
// the similarity must be kUndatedPenalty times higher, since time cannot rule it out. Not thread-safe.
#ifndef CASUS_CORPUS_STORIES_H_
#define CASUS_CORPUS_STORIES_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "casus/core/document.h"

namespace casus::corpus {

struct StoryOptions {
  double threshold = 0.16;  // cosine of an article and a story's centroid needed to join
  int window_days = 7;      // how far outside a story's publication range a member may fall
};

inline constexpr int kUnknownDay = std::numeric_limits<int>::min();

// Days since 1970-01-01 of an ISO date or date-time ("2023-09-20", "2023-09-20T13:00"),
// or kUnknownDay.
int DayOf(std::string_view iso_date);

// A term and its weight; vectors are sorted by term.
using WeightedTerm = std::pair<uint32_t, float>;

struct StoryState {
  int64_t id = 0;               // stable id: 1, 2, 3, ... in the order stories open
  int first_day = kUnknownDay;  // publication range, days since 1970-01-01
  int last_day = kUnknownDay;
  uint32_t members = 0;
  std::vector<WeightedTerm> centroid;  // summed member vectors, sorted by term
  double norm = 0;
};

// An article's terms before weighting: term text and raw count (names and headline count twice).
using TermCounts = std::vector<std::pair<std::string, float>>;

// The terms of `document` (its headline and sentences, or its content when it has no
// sentences). Boilerplate never contributes.
TermCounts ArticleTerms(const Document& document);

class StoryClusterer {
 public:
  static constexpr size_t kArticleTerms = 40;
  static constexpr size_t kStoryTerms = 120;
  static constexpr size_t kIndexedTerms = 25;
  static constexpr size_t kProbeTerms = 20;
  static constexpr int kRefinePasses = 2;  // an article's terms looked up in the index
  static constexpr int kBucketDays = 16;
  static constexpr double kPriorArticles = 50;
  // An article and a story not both dated need this many times the threshold.
  static constexpr double kUndatedPenalty = 1.5;
  static constexpr double kLoneFactor = 0.7;  // the bar for an article still alone after the passes

  explicit StoryClusterer(StoryOptions options = {});

  // Assigns an article (publication day or kUnknownDay) and returns the story's index in
  // stories(). `same_story_as` (a story index, e.g. its canonical's) skips the comparison.
  // Every article, duplicates included, counts towards document frequencies.
  // `follows` (an index into this batch, from 0 at the last Refine) names the article a
  // near-duplicate copies, so Refine moves it along.
  size_t Add(const TermCounts& terms, int day, int64_t same_story_as = -1, int64_t follows = -1);

  // Second pass over the articles added since the last Refine (or restore): they are
  // weighed again with the frequencies of the whole batch and placed again in order
  // (stories the batch opened are reused); then each is compared again, with every story
  // of the batch formed and its own contribution taken out of its story, and moves when
  // another story is more similar than its own (and above the threshold); an article
  // still alone joins its most similar story at kLoneFactor times the threshold. Online assignment depends on arrival
  // order; this undoes the commonest such mistakes at a cost linear in the batch. Near-duplicates move with their
  // canonical when it moves. Returns the final story index of each article added, in the order of Add; stories left
  // with no member have members == 0.
  std::vector<size_t> Refine();

  // Restores state saved from an earlier batch. Call before any Add.
  // New stories get ids above `id` (stories not restored keep theirs).
  void ReserveIdsThrough(int64_t id) { next_id_ = std::max(next_id_, id + 1); }
  void RestoreFrequencies(int64_t articles, const std::vector<std::pair<std::string, int64_t>>& frequencies);
  size_t RestoreStory(int64_t id, int first_day, int last_day, uint32_t members,
                      const std::vector<std::pair<std::string, float>>& centroid);

  const std::vector<StoryState>& stories() const { return stories_; }
  std::string_view TermText(uint32_t term) const { return term_text_[term]; }
  // The centroid's heaviest terms, heaviest first.
  std::vector<std::pair<std::string, float>> TopTerms(size_t story, size_t count) const;
  int64_t articles() const { return articles_; }
  // The cosine of the last added article with its best candidate story (0 when none).
  double last_similarity() const { return last_similarity_; }
  uint32_t DocumentFrequency(uint32_t term) const { return frequency_[term]; }
  size_t TermCount() const { return term_text_.size(); }

 private:
  uint32_t Intern(const std::string& term);
  double Idf(uint32_t term) const;
  using IdCount = std::pair<uint32_t, float>;
  // The article's weighted vector; `counts` gets its terms as ids (for the frequencies).
  std::vector<WeightedTerm> Weigh(const TermCounts& terms, std::vector<IdCount>* counts);
  std::vector<WeightedTerm> Weigh(const std::vector<IdCount>& counts) const;
  bool InWindow(const StoryState& story, int day) const;
  void Merge(size_t story, const std::vector<WeightedTerm>& vector, int day);
  void IndexStory(size_t story);
  void Remove(size_t story, const std::vector<WeightedTerm>& vector);
  // The best story for `vector` other than `exclude`, and its similarity.
  std::pair<size_t, double> BestStory(const std::vector<WeightedTerm>& vector, int day, size_t exclude);
  double Similarity(const std::vector<WeightedTerm>& vector, const StoryState& story) const;
  // Similarity, divided by kUndatedPenalty when only one side is dated.
  double Score(const std::vector<WeightedTerm>& vector, int day, const StoryState& story) const;
  size_t NewStory(int64_t id);  // an empty story with its index slots
  void Post(uint32_t term, int64_t bucket, uint32_t story);
  template <typename Visit>
  void ForEachCandidate(uint32_t term, int day, Visit&& visit) const;

  StoryOptions options_;
  std::unordered_map<std::string, uint32_t> term_ids_;
  std::vector<std::string> term_text_;
  std::vector<uint32_t> frequency_;  // per term: articles holding it
  int64_t articles_ = 0;
  std::vector<StoryState> stories_;
  std::vector<std::vector<uint32_t>> postings_;                          // per term: every story indexed under it
  std::unordered_map<uint64_t, std::vector<uint32_t>> bucket_postings_;  // (term, bucket): stories
  std::vector<std::vector<uint32_t>> indexed_terms_;                     // per story: terms it is indexed under
  std::vector<std::pair<int64_t, int64_t>> indexed_buckets_;             // per story: bucket range it is listed in
  std::vector<uint32_t> visit_mark_;                                     // per story: last article that looked at it
  int64_t next_id_ = 1;
  double last_similarity_ = 0;
  struct BatchArticle {
    std::vector<WeightedTerm> vector;
    std::vector<IdCount> counts;  // raw term counts, weighed again in Refine
    int day;
    size_t story;
    int64_t follows;  // index in batch_ of the article it is a duplicate of, or -1
    bool pinned;      // a copy of an article of an earlier batch: stays in its story
  };
  std::vector<BatchArticle> batch_;
  size_t batch_first_story_ = 0;  // stories from this index on were opened by the batch
  void Move(BatchArticle& article, size_t story);
  uint32_t visit_stamp_ = 0;
};

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_STORIES_H_
