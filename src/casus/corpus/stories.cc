// Online story clustering over weighted term vectors (see stories.h).
//
// Term extraction reads each sentence once: a word is a run of letters (ASCII letters or
// non-ASCII bytes); words with digits, short words and stop words are skipped; a word
// capitalised after a sentence's first word counts as a name. The inverted index holds
// each story under its kIndexedTerms heaviest terms, once per time bucket it touches and
// once in a list per term for undated articles.
#include "casus/corpus/stories.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "casus/core/calendar.h"
#include "casus/corpus/sketch.h"
#include "casus/corpus/words.h"

namespace casus::corpus {
namespace {

bool IsLetterByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool IsDigitByte(unsigned char c) { return c >= '0' && c <= '9'; }

// Bytes of a UTF-8 punctuation or space character at `i` (U+0080..U+00BF, U+2000..U+206F:
// curly quotes, dashes, no-break spaces), 0 otherwise.
size_t PunctuationLength(const unsigned char* bytes, size_t size, size_t i) {
  if (bytes[i] == 0xC2 && i + 1 < size) return 2;
  if (bytes[i] == 0xE2 && i + 2 < size && (bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81)) return 3;
  return 0;
}

bool HeavierFirst(const WeightedTerm& a, const WeightedTerm& b) { return a.second > b.second; }

double Norm(const std::vector<WeightedTerm>& vector) {
  double sum = 0;
  for (const auto& [term, weight] : vector) sum += static_cast<double>(weight) * weight;
  return std::sqrt(sum);
}

// Folds the commonest English plurals so "strikes" and "strike" meet.
void FoldPlural(std::string& word) {
  const size_t n = word.size();
  if (n > 4 && word.compare(n - 3, 3, "ies") == 0) {
    word.replace(n - 3, 3, "y");
  } else if (n > 4 && word[n - 1] == 's' && word[n - 2] != 's' && word[n - 2] != 'u' && word[n - 2] != 'i') {
    word.pop_back();
  }
}

void AddWords(std::string_view text, float base_weight, bool names_count,
              std::unordered_map<std::string, float>& counts) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  bool first_word = true;
  std::string word, previous_name;
  size_t previous_end = 0;
  while (i < size) {
    while (i < size) {
      if (size_t skip = PunctuationLength(bytes, size, i); skip > 0) {
        i += skip;
      } else if (!IsLetterByte(bytes[i]) && !IsDigitByte(bytes[i])) {
        ++i;
      } else {
        break;
      }
    }
    if (i == size) break;
    const size_t begin = i;
    bool has_digit = false;
    while (i < size && (IsLetterByte(bytes[i]) || IsDigitByte(bytes[i])) && PunctuationLength(bytes, size, i) == 0) {
      has_digit |= IsDigitByte(bytes[i++]);
    }
    const bool sentence_start = first_word;
    first_word = false;
    if (has_digit || i - begin < 3) continue;
    word.assign(text.substr(begin, i - begin));
    const bool capitalised = bytes[begin] >= 'A' && bytes[begin] <= 'Z';
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    if (IsStopWord(word)) {
      previous_name.clear();
      continue;
    }
    FoldPlural(word);
    float weight = base_weight;
    if (names_count && capitalised && !sentence_start) weight *= 2;
    counts[word] += weight;
    // Two capitalised words in a row ("Tara Reid", "Betty Ford") also count as one name.
    if (capitalised && !previous_name.empty() && previous_end + 1 == begin) {
      counts[previous_name + "_" + word] += base_weight;
    }
    previous_name = capitalised ? word : std::string();
    previous_end = i;
  }
}

}  // namespace

int DayOf(std::string_view iso_date) {
  if (iso_date.size() < 10 || iso_date[4] != '-' || iso_date[7] != '-') return kUnknownDay;
  std::optional<DateTimeMatch> date = ParseTimestamp(iso_date.substr(0, 10));
  if (!date || date->day == 0) return kUnknownDay;
  return static_cast<int>(DaysFromCivil(date->year, date->month, date->day));
}

TermCounts ArticleTerms(const Document& document) {
  std::unordered_map<std::string, float> counts;
  const Span title = document.metadata.title_span;
  if (!document.metadata.title.empty()) AddWords(document.metadata.title, 2, false, counts);
  if (!document.sentences.empty()) {
    for (const Sentence& sentence : document.sentences) {
      if (sentence.headline || sentence.span.Overlaps(title)) continue;  // counted above, from the metadata
      AddWords(document.Text(sentence.span), 1, true, counts);
    }
  } else {
    for (Span span : BodySpans(document)) AddWords(document.Text(span), 1, true, counts);
  }
  TermCounts terms(counts.begin(), counts.end());
  std::sort(terms.begin(), terms.end());
  return terms;
}

StoryClusterer::StoryClusterer(StoryOptions options) : options_(options) {}

uint32_t StoryClusterer::Intern(const std::string& term) {
  auto [it, inserted] = term_ids_.try_emplace(term, static_cast<uint32_t>(term_text_.size()));
  if (inserted) {
    term_text_.push_back(term);
    frequency_.push_back(0);
    postings_.emplace_back();
  }
  return it->second;
}

double StoryClusterer::Idf(uint32_t term) const {
  return std::log((static_cast<double>(articles_) + kPriorArticles) / (static_cast<double>(frequency_[term]) + 1));
}

std::vector<WeightedTerm> StoryClusterer::Weigh(const TermCounts& terms, std::vector<IdCount>* counts) {
  counts->clear();
  counts->reserve(terms.size());
  for (const auto& [text, count] : terms) counts->emplace_back(Intern(text), count);
  return Weigh(*counts);
}

std::vector<WeightedTerm> StoryClusterer::Weigh(const std::vector<IdCount>& counts) const {
  std::vector<WeightedTerm> vector;
  vector.reserve(counts.size());
  for (const auto& [term, count] : counts) {
    double weight = (1 + std::log(static_cast<double>(count))) * Idf(term);
    if (weight > 0) vector.emplace_back(term, static_cast<float>(weight));
  }
  if (vector.size() > kArticleTerms) {
    std::nth_element(vector.begin(), vector.begin() + kArticleTerms, vector.end(), HeavierFirst);
    vector.resize(kArticleTerms);
  }
  std::sort(vector.begin(), vector.end());
  const double norm = Norm(vector);
  if (norm > 0) {
    for (auto& entry : vector) entry.second = static_cast<float>(entry.second / norm);
  }
  return vector;
}

namespace {

constexpr int64_t kUndatedBucket = std::numeric_limits<int64_t>::min();

int64_t BucketOf(int day) {
  return day >= 0 ? day / StoryClusterer::kBucketDays
                  : -((-static_cast<int64_t>(day) + StoryClusterer::kBucketDays - 1) / StoryClusterer::kBucketDays);
}

// The undated list of a term sits beside its buckets: bit 32 set.
uint64_t BucketKey(uint32_t term, int64_t bucket) {
  const uint64_t low = bucket == kUndatedBucket ? (uint64_t{1} << 32) : static_cast<uint32_t>(bucket);
  return (static_cast<uint64_t>(term) << 33) | low;
}

}  // namespace

void StoryClusterer::Post(uint32_t term, int64_t bucket, uint32_t story) {
  bucket_postings_[BucketKey(term, bucket)].push_back(story);
}

template <typename Visit>
void StoryClusterer::ForEachCandidate(uint32_t term, int day, Visit&& visit) const {
  if (day == kUnknownDay) {
    for (uint32_t story : postings_[term]) visit(story);
    return;
  }
  auto walk = [&](uint64_t key) {
    auto it = bucket_postings_.find(key);
    if (it == bucket_postings_.end()) return;
    for (uint32_t story : it->second) visit(story);
  };
  for (int64_t bucket = BucketOf(day - options_.window_days); bucket <= BucketOf(day + options_.window_days);
       ++bucket) {
    walk(BucketKey(term, bucket));
  }
  walk(BucketKey(term, kUndatedBucket));
}

bool StoryClusterer::InWindow(const StoryState& story, int day) const {
  if (day == kUnknownDay || story.first_day == kUnknownDay) return true;
  return day >= story.first_day - options_.window_days && day <= story.last_day + options_.window_days;
}

void StoryClusterer::Merge(size_t index, const std::vector<WeightedTerm>& vector, int day) {
  StoryState& story = stories_[index];
  std::vector<WeightedTerm> merged;
  merged.reserve(story.centroid.size() + vector.size());
  auto a = story.centroid.begin();
  auto b = vector.begin();
  while (a != story.centroid.end() || b != vector.end()) {
    if (b == vector.end() || (a != story.centroid.end() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == story.centroid.end() || b->first < a->first) {
      merged.push_back(*b++);
    } else {
      merged.emplace_back(a->first, a->second + b->second);
      ++a;
      ++b;
    }
  }
  if (merged.size() > kStoryTerms) {
    std::nth_element(merged.begin(), merged.begin() + kStoryTerms, merged.end(), HeavierFirst);
    merged.resize(kStoryTerms);
    std::sort(merged.begin(), merged.end());
  }
  story.centroid = std::move(merged);
  story.norm = Norm(story.centroid);
  ++story.members;
  if (day != kUnknownDay) {
    story.first_day = story.first_day == kUnknownDay ? day : std::min(story.first_day, day);
    story.last_day = story.last_day == kUnknownDay ? day : std::max(story.last_day, day);
  }
  IndexStory(index);
}

void StoryClusterer::IndexStory(size_t index) {
  const StoryState& story = stories_[index];
  std::vector<WeightedTerm> heaviest = story.centroid;
  const size_t count = std::min(kIndexedTerms, heaviest.size());
  std::partial_sort(heaviest.begin(), heaviest.begin() + static_cast<std::ptrdiff_t>(count), heaviest.end(),
                    HeavierFirst);
  const uint32_t story_number = static_cast<uint32_t>(index);
  // The buckets the story is listed in: its publication range, or the undated list.
  std::pair<int64_t, int64_t> wanted{kUndatedBucket, kUndatedBucket};
  if (story.first_day != kUnknownDay) wanted = {BucketOf(story.first_day), BucketOf(story.last_day)};
  std::pair<int64_t, int64_t>& listed = indexed_buckets_[index];
  std::vector<uint32_t>& indexed = indexed_terms_[index];
  if (listed != wanted) {
    // Terms already indexed go into the buckets they are not in yet. A story moves from
    // undated to dated at most once; its undated postings stay (harmless: it is compared
    // only when in the article's window).
    for (uint32_t term : indexed) {
      for (int64_t bucket = wanted.first; wanted.first != kUndatedBucket && bucket <= wanted.second; ++bucket) {
        if (listed.first == kUndatedBucket || bucket < listed.first || bucket > listed.second)
          Post(term, bucket, story_number);
      }
    }
    listed = wanted;
  }
  for (size_t i = 0; i < count; ++i) {
    const uint32_t term = heaviest[i].first;
    if (std::find(indexed.begin(), indexed.end(), term) != indexed.end()) continue;
    indexed.push_back(term);
    postings_[term].push_back(story_number);
    if (listed.first == kUndatedBucket) {
      Post(term, kUndatedBucket, story_number);
    } else {
      for (int64_t bucket = listed.first; bucket <= listed.second; ++bucket) Post(term, bucket, story_number);
    }
  }
}

double StoryClusterer::Similarity(const std::vector<WeightedTerm>& vector, const StoryState& story) const {
  // Cosine with the centroid; `vector` is normalised. Both are sorted by term.
  double dot = 0;
  auto a = story.centroid.begin();
  for (const auto& [term, weight] : vector) {
    while (a != story.centroid.end() && a->first < term) ++a;
    if (a == story.centroid.end()) break;
    if (a->first == term) dot += static_cast<double>(a->second) * weight;
  }
  return story.norm > 0 ? dot / story.norm : 0;
}

double StoryClusterer::Score(const std::vector<WeightedTerm>& vector, int day, const StoryState& story) const {
  const double cosine = Similarity(vector, story);
  // Without dates on both sides time cannot rule a story out: ask more of the words.
  return (day == kUnknownDay) != (story.first_day == kUnknownDay) ? cosine / kUndatedPenalty : cosine;
}

std::pair<size_t, double> StoryClusterer::BestStory(const std::vector<WeightedTerm>& vector, int day, size_t exclude) {
  const uint32_t stamp = ++visit_stamp_;
  double best = 0;
  size_t best_story = 0;
  // Candidates come from the article's heaviest terms only: its rare, specific words
  // find its story; common words would only add stories to compare.
  std::vector<WeightedTerm> probes = vector;
  const size_t probe_count = std::min(kProbeTerms, probes.size());
  std::partial_sort(probes.begin(), probes.begin() + static_cast<std::ptrdiff_t>(probe_count), probes.end(),
                    HeavierFirst);
  probes.resize(probe_count);
  for (const auto& [term, weight] : probes) {
    ForEachCandidate(term, day, [&](uint32_t candidate) {
      if (visit_mark_[candidate] == stamp || candidate == exclude) return;
      visit_mark_[candidate] = stamp;
      const StoryState& story = stories_[candidate];
      if (!InWindow(story, day) || story.members == 0) return;
      const double cosine = Score(vector, day, story);
      if (cosine > best) {
        best = cosine;
        best_story = candidate;
      }
    });
  }
  return {best_story, best};
}

void StoryClusterer::Remove(size_t index, const std::vector<WeightedTerm>& vector) {
  StoryState& story = stories_[index];
  auto b = vector.begin();
  for (auto& entry : story.centroid) {
    while (b != vector.end() && b->first < entry.first) ++b;
    if (b != vector.end() && b->first == entry.first) entry.second = std::max(0.0f, entry.second - b->second);
  }
  std::erase_if(story.centroid, [](const WeightedTerm& entry) { return entry.second <= 1e-6f; });
  story.norm = Norm(story.centroid);
  --story.members;
  if (story.members == 0) {
    story.centroid.clear();
    story.norm = 0;
  }
}

void StoryClusterer::Move(BatchArticle& article, size_t story) {
  Remove(article.story, article.vector);
  Merge(story, article.vector, article.day);
  article.story = story;
}

size_t StoryClusterer::NewStory(int64_t id) {
  StoryState story;
  story.id = id;
  stories_.push_back(std::move(story));
  indexed_terms_.emplace_back();
  indexed_buckets_.emplace_back(kUndatedBucket, kUndatedBucket);
  visit_mark_.push_back(0);
  return stories_.size() - 1;
}

std::vector<size_t> StoryClusterer::Refine() {
  // The batch placed again, in its order, with the frequencies of the whole batch: its
  // first articles were weighed and placed when every word still looked rare and few
  // stories existed. Stories the batch opened and emptied are used again, in order.
  for (BatchArticle& article : batch_) {
    Remove(article.story, article.vector);
    article.vector = Weigh(article.counts);
  }
  std::vector<size_t> emptied;
  for (size_t story = batch_first_story_; story < stories_.size(); ++story) {
    if (stories_[story].members == 0) emptied.push_back(story);
  }
  size_t reused = 0;
  for (BatchArticle& article : batch_) {
    if (article.follows >= 0) {
      article.story = batch_[static_cast<size_t>(article.follows)].story;
    } else if (!article.pinned) {
      auto [best_story, best] = BestStory(article.vector, article.day, stories_.size());
      if (best >= options_.threshold) {
        article.story = best_story;
      } else {
        article.story = reused < emptied.size() ? emptied[reused++] : NewStory(next_id_++);
      }
    }
    Merge(article.story, article.vector, article.day);
  }
  for (int pass = 0; pass < kRefinePasses; ++pass) {
    for (size_t i = 0; i < batch_.size(); ++i) {
      BatchArticle& article = batch_[i];
      if (article.follows >= 0 || article.pinned) continue;
      const size_t own = article.story;
      double own_similarity = 0;
      if (stories_[own].members > 1) {
        Remove(own, article.vector);
        own_similarity = Score(article.vector, article.day, stories_[own]);
        Merge(own, article.vector, article.day);
      }
      auto [other, similarity] = BestStory(article.vector, article.day, own);
      if (similarity < options_.threshold || similarity <= own_similarity) continue;
      Move(article, other);
    }
  }
  // An article still alone joins its most similar story at a lower bar.
  for (BatchArticle& article : batch_) {
    if (article.follows >= 0 || article.pinned || stories_[article.story].members != 1) continue;
    auto [other, similarity] = BestStory(article.vector, article.day, article.story);
    if (similarity >= options_.threshold * kLoneFactor) Move(article, other);
  }
  // Copies go where their canonical went.
  std::vector<size_t> placed;
  for (BatchArticle& article : batch_) {
    if (article.follows >= 0) {
      const size_t target = batch_[static_cast<size_t>(article.follows)].story;
      if (target != article.story) Move(article, target);
    }
    placed.push_back(article.story);
  }
  batch_.clear();
  batch_first_story_ = stories_.size();
  return placed;
}

size_t StoryClusterer::Add(const TermCounts& terms, int day, int64_t same_story_as, int64_t follows) {
  std::vector<IdCount> counts;
  std::vector<WeightedTerm> vector = Weigh(terms, &counts);
  ++articles_;
  for (const auto& [term, count] : counts) ++frequency_[term];

  if (same_story_as >= 0 && static_cast<size_t>(same_story_as) < stories_.size()) {
    Merge(static_cast<size_t>(same_story_as), vector, day);
    batch_.push_back(BatchArticle{std::move(vector), std::move(counts), day, static_cast<size_t>(same_story_as),
                                  follows, follows < 0});
    return static_cast<size_t>(same_story_as);
  }

  auto [best_story, best] = BestStory(vector, day, stories_.size());
  last_similarity_ = best;
  const size_t chosen = best >= options_.threshold ? best_story : NewStory(next_id_++);
  Merge(chosen, vector, day);
  batch_.push_back(BatchArticle{std::move(vector), std::move(counts), day, chosen, -1, false});
  return chosen;
}

void StoryClusterer::RestoreFrequencies(int64_t articles,
                                        const std::vector<std::pair<std::string, int64_t>>& frequencies) {
  articles_ = articles;
  for (const auto& [text, count] : frequencies) frequency_[Intern(text)] = static_cast<uint32_t>(count);
}

size_t StoryClusterer::RestoreStory(int64_t id, int first_day, int last_day, uint32_t members,
                                    const std::vector<std::pair<std::string, float>>& centroid) {
  const size_t index = NewStory(id);
  StoryState& story = stories_[index];
  story.first_day = first_day;
  story.last_day = last_day;
  story.members = members;
  for (const auto& [text, weight] : centroid) story.centroid.emplace_back(Intern(text), weight);
  std::sort(story.centroid.begin(), story.centroid.end());
  story.norm = Norm(story.centroid);
  next_id_ = std::max(next_id_, id + 1);
  IndexStory(index);
  batch_first_story_ = stories_.size();
  return index;
}

std::vector<std::pair<std::string, float>> StoryClusterer::TopTerms(size_t story, size_t count) const {
  std::vector<WeightedTerm> heaviest = stories_[story].centroid;
  std::sort(heaviest.begin(), heaviest.end(), HeavierFirst);
  if (heaviest.size() > count) heaviest.resize(count);
  std::vector<std::pair<std::string, float>> out;
  for (const auto& [term, weight] : heaviest) out.emplace_back(term_text_[term], weight);
  return out;
}

}  // namespace casus::corpus
