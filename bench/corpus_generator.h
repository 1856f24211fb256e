// Synthetic news articles for benchmarks: realistic length (about 2.5 KB), with a
// headline, timestamp, byline, dateline, quotes, abbreviations, figures, and planted
// boilerplate lines whose number is known, so a run can check its own output.
#ifndef CASUS_BENCH_CORPUS_GENERATOR_H_
#define CASUS_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <string>

namespace casus::bench {

struct GeneratedArticle {
  std::string id;
  std::string text;
  int boilerplate_lines = 0;  // planted boilerplate lines (header excluded)
};

// Deterministic for a given index and seed. With `crawl_format`, about half the
// articles start with the crawl header (" date YYYY-MM-DD"); JSON records never do.
GeneratedArticle GenerateArticle(uint64_t index, bool crawl_format, uint64_t seed = 1);

// One JSON Lines record holding the article.
std::string ToJsonLine(const GeneratedArticle& article);

}  // namespace casus::bench

#endif  // CASUS_BENCH_CORPUS_GENERATOR_H_
