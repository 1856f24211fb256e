// Corpus-layer benchmark on a generated corpus with planted near-duplicates of known
// count and planted stories: duplicate detection throughput (articles/s, MB/s on one
// core), its recall and precision against the plant, index bytes per article and peak
// memory; then, with --stories, story assignment time per block of articles (the growth
// curve: flat when the time-bucketed index works) and B-cubed against the planted stories.
//
//   casus_corpus_bench [--articles N] [--duplicate-rate R] [--stories] [--block N]
//
// Articles: about 300 words from a Zipf-distributed vocabulary of 50,000 words, plus the
// names and words of their story; articles come in time order over a year, each from one
// of the 20 newest stories (a story runs a few days), as a news stream would.
// A planted duplicate repeats an earlier article's body with a new headline, a byline
// and advertisement lines, two paragraphs swapped and about 2% of its words changed.
// Every article goes through the cleaner first (untimed), as in ingest, so the sketch
// sees the body without headline and boilerplate.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench/peak_memory.h"
#include "casus/corpus/corpus.h"
#include "casus/normalize/cleaner.h"

namespace {

using casus::corpus::kUnknownDay;

struct Random {
  uint64_t state;
  explicit Random(uint64_t seed) : state(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL) {}
  uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
};

constexpr int kVocabulary = 50000;
constexpr int kStoryDays = 365;

std::string Word(uint64_t n, bool capital) {
  static const char* const kSyllables[] = {"ka", "lo", "mi",  "ren", "to", "sa", "vel", "dor", "an", "is",
                                           "ur", "pe", "zin", "ba",  "co", "ni", "ral", "te",  "mo", "fi"};
  std::string word;
  do {
    word += kSyllables[n % 20];
    n /= 20;
  } while (n > 0);
  if (capital) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// Zipf sampling by inverse transform over a precomputed cumulative table.
struct Zipf {
  std::vector<double> cumulative;
  Zipf() {
    cumulative.resize(kVocabulary);
    double sum = 0;
    for (int i = 0; i < kVocabulary; ++i) cumulative[i] = (sum += 1.0 / (i + 1));
    for (double& c : cumulative) c /= sum;
  }
  int Sample(Random& random) const {
    return static_cast<int>(std::lower_bound(cumulative.begin(), cumulative.end(), random.Unit()) - cumulative.begin());
  }
};

struct Article {
  std::string body;
  int day = kUnknownDay;
  int64_t story = 0;
};

// Article `index` of a corpus with `stories` stories; deterministic.
Article MakeArticle(uint64_t index, uint64_t articles, uint64_t stories, const Zipf& zipf) {
  Random random(index + 1);
  Article article;
  // A news stream: article i comes at position i / articles of the year and belongs to
  // one of the 20 stories opened most recently, so live stories per day stay constant.
  const uint64_t newest = std::min<uint64_t>(stories - 1, index * stories / articles);
  article.story = static_cast<int64_t>(newest - std::min<uint64_t>(newest, random.Next() % 20));
  Random story_random(static_cast<uint64_t>(article.story) + 1000003);
  const int story_day = static_cast<int>(static_cast<uint64_t>(article.story) * kStoryDays / stories);
  article.day = 19700 + story_day + static_cast<int>(random.Next() % 4);
  std::vector<std::string> story_words;
  for (int i = 0; i < 12; ++i) story_words.push_back(Word(100000 + story_random.Next() % 2000000, i < 5));
  const int paragraphs = 5 + static_cast<int>(random.Next() % 4);
  for (int p = 0; p < paragraphs; ++p) {
    const int words = 40 + static_cast<int>(random.Next() % 30);
    for (int w = 0; w < words; ++w) {
      if (random.Next() % 6 == 0) {
        article.body += story_words[random.Next() % story_words.size()];
      } else {
        article.body += Word(static_cast<uint64_t>(zipf.Sample(random)), false);
      }
      article.body += w + 1 == words ? ".\n\n" : " ";
    }
  }
  return article;
}

// The planted copy: paragraphs 0 and 1 swapped, ~2% of words replaced, page furniture added.
std::string MakeCopy(const std::string& body, Random& random) {
  std::vector<std::string> paragraphs;
  size_t begin = 0;
  while (begin < body.size()) {
    size_t end = body.find("\n\n", begin);
    if (end == std::string::npos) end = body.size();
    paragraphs.push_back(body.substr(begin, end - begin));
    begin = end + 2;
  }
  if (paragraphs.size() > 2) std::swap(paragraphs[0], paragraphs[1]);
  std::string copy = "Breaking update on the situation\n\nBy Staff Reporter\n\n";
  for (std::string& paragraph : paragraphs) {
    std::string edited;
    size_t start = 0;
    while (start < paragraph.size()) {
      size_t space = paragraph.find(' ', start);
      if (space == std::string::npos) space = paragraph.size();
      edited += random.Next() % 50 == 0 ? std::string("changed") : paragraph.substr(start, space - start);
      if (space < paragraph.size()) edited += ' ';
      start = space + 1;
    }
    copy += edited + "\n\nAdvertisement\n\n";
  }
  return copy;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t articles = 1000000;
  double duplicate_rate = 0.05;
  bool stories = false;
  uint64_t block = 100000;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--articles" && i + 1 < argc) {
      articles = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--duplicate-rate" && i + 1 < argc) {
      duplicate_rate = std::strtod(argv[++i], nullptr);
    } else if (arg == "--stories") {
      stories = true;
    } else if (arg == "--block" && i + 1 < argc) {
      block = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: %s [--articles N] [--duplicate-rate R] [--stories] [--block N]\n", argv[0]);
      return 2;
    }
  }
  if (articles == 0 || block == 0) return 2;
  const Zipf zipf;
  const uint64_t story_count = std::max<uint64_t>(1, articles / 10);

  // Pass 1: the plant. Article i is a copy of an earlier original with probability R.
  std::vector<int64_t> copy_of(articles, -1);
  {
    Random random(42);
    std::vector<uint32_t> originals;
    for (uint64_t i = 0; i < articles; ++i) {
      if (!originals.empty() && random.Unit() < duplicate_rate) {
        copy_of[i] = originals[random.Next() % originals.size()];
      } else {
        originals.push_back(static_cast<uint32_t>(i));
      }
    }
  }

  // Pass 2: generate, clean (headline, byline and advertisements marked, as in ingest),
  // sketch and index; only sketching and indexing are timed.
  const casus::Cleaner cleaner;
  casus::corpus::DuplicateIndex index(casus::corpus::kDefaultDuplicateThreshold, articles);
  casus::corpus::StoryClusterer clusterer;
  std::vector<int64_t> assigned;
  std::vector<int64_t> planted_story;
  size_t refined = 0;  // articles already through the second pass
  if (stories) {
    assigned.reserve(articles);
    planted_story.reserve(articles);
  }
  double detect_seconds = 0, story_seconds_block = 0, story_seconds = 0;
  uint64_t bytes = 0, planted = 0, found = 0, wrong = 0, false_pairs = 0;
  Random edit_random(7);
  std::printf("articles  block story s  per article  stories  (story assignment growth)\n");
  for (uint64_t i = 0; i < articles; ++i) {
    Article article = MakeArticle(copy_of[i] >= 0 ? static_cast<uint64_t>(copy_of[i]) : i, articles, story_count, zipf);
    if (copy_of[i] >= 0) article.body = MakeCopy(article.body, edit_random);
    bytes += article.body.size();
    casus::Document document("a", "a", casus::SourceFormat::kCrawlText, std::move(article.body));
    if (!cleaner.Process(document).ok()) return 1;
    auto start = std::chrono::steady_clock::now();
    casus::corpus::Sketch sketch = casus::corpus::SketchDocument(document);
    std::optional<casus::corpus::DuplicateMatch> match = index.Add(sketch);
    detect_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (copy_of[i] >= 0) {
      ++planted;
      if (match && index.Canonical(static_cast<uint32_t>(copy_of[i])) == match->canonical) {
        ++found;
      } else if (match) {
        ++wrong;
      }
    } else if (match) {
      ++false_pairs;
    }
    if (stories) {
      auto story_start = std::chrono::steady_clock::now();
      int64_t same = match ? assigned[match->canonical] : -1;
      int64_t follows = match && match->canonical >= refined ? static_cast<int64_t>(match->canonical - refined) : -1;
      size_t story = clusterer.Add(casus::corpus::ArticleTerms(document), article.day, same, follows);
      assigned.push_back(static_cast<int64_t>(story));
      planted_story.push_back(article.story);
      if (assigned.size() - refined == casus::corpus::Corpus::kRefineEvery || i + 1 == articles) {
        // The second pass, as Corpus runs it: every kRefineEvery articles and at the end.
        std::vector<size_t> placed = clusterer.Refine();
        for (size_t k = 0; k < placed.size(); ++k) assigned[refined + k] = static_cast<int64_t>(placed[k]);
        refined = assigned.size();
      }
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - story_start).count();
      story_seconds_block += seconds;
      story_seconds += seconds;
      if ((i + 1) % block == 0) {
        std::printf("%8llu  %12.2f  %9.1f us  %7zu\n", static_cast<unsigned long long>(i + 1), story_seconds_block,
                    story_seconds_block * 1e6 / static_cast<double>(block), clusterer.stories().size());
        std::fflush(stdout);
        story_seconds_block = 0;
      }
    }
  }
  const double non_copies = static_cast<double>(articles - planted);
  std::printf("\nnear-duplicates  %llu articles, %llu planted copies, threshold %.2f\n",
              static_cast<unsigned long long>(articles), static_cast<unsigned long long>(planted),
              casus::corpus::kDefaultDuplicateThreshold);
  std::printf("  recall         %.4f (%llu found, %llu joined to another group)\n",
              planted ? static_cast<double>(found) / static_cast<double>(planted) : 1.0,
              static_cast<unsigned long long>(found), static_cast<unsigned long long>(wrong));
  const double flagged = static_cast<double>(found + wrong + false_pairs);
  std::printf("  precision      %.4f (%llu originals flagged as copies of %.0f)\n",
              flagged > 0 ? static_cast<double>(found) / flagged : 1.0, static_cast<unsigned long long>(false_pairs),
              non_copies);
  std::printf("  throughput     %.0f articles/s, %.1f MB/s (sketch + index, one core)\n",
              static_cast<double>(articles) / detect_seconds, static_cast<double>(bytes) / 1e6 / detect_seconds);
  std::printf("  index memory   %.1f bytes/article (%.1f MB)\n",
              static_cast<double>(index.MemoryBytes()) / static_cast<double>(articles), index.MemoryBytes() / 1e6);
  if (stories) {
    // B-cubed of the assignment against the planted stories.
    std::map<std::pair<int64_t, int64_t>, double> joint;
    std::map<int64_t, double> gold_size, system_size;
    for (size_t i = 0; i < assigned.size(); ++i) {
      joint[{planted_story[i], assigned[i]}] += 1;
      gold_size[planted_story[i]] += 1;
      system_size[assigned[i]] += 1;
    }
    double precision = 0, recall = 0;
    for (size_t i = 0; i < assigned.size(); ++i) {
      double both = joint[{planted_story[i], assigned[i]}];
      precision += both / system_size[assigned[i]];
      recall += both / gold_size[planted_story[i]];
    }
    precision /= static_cast<double>(assigned.size());
    recall /= static_cast<double>(assigned.size());
    size_t standing = 0;
    for (const auto& story : clusterer.stories()) standing += story.members > 0;
    std::printf("stories          %zu made for %zu planted; B-cubed P %.3f R %.3f F1 %.3f\n", standing,
                gold_size.size(), precision, recall, 2 * precision * recall / (precision + recall));
    std::printf("  assignment     %.0f articles/s overall (%.1f s)\n", static_cast<double>(articles) / story_seconds,
                story_seconds);
  }
  std::printf("peak memory      %.1f MB (RSS, generator and plant included)\n", casus::bench::PeakRssMegabytes());
  return 0;
}
