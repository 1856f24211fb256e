// Google Benchmark of each stage on generated articles (bytes/s per stage). Each
// benchmark checks that the stage produced output, so a broken stage cannot look fast.
#include <benchmark/benchmark.h>

#include <cstring>
#include <vector>

#include "bench/corpus_generator.h"
#include "casus/annotate/claims/attribution.h"
#include "casus/annotate/claims/casualties.h"
#include "casus/annotate/entities/entity_tagger.h"
#include "casus/annotate/events/event_tagger.h"
#include "casus/annotate/time/time_tagger.h"
#include "casus/ingest/reader.h"
#include "casus/lexicon/gazetteer.h"
#include "casus/normalize/cleaner.h"
#include "casus/segment/sentences.h"
#include "casus/segment/tokens.h"

namespace casus {
namespace {

std::vector<bench::GeneratedArticle> Articles() {
  std::vector<bench::GeneratedArticle> articles;
  for (uint64_t i = 0; i < 2000; ++i) articles.push_back(bench::GenerateArticle(i, true));
  return articles;
}

// The generated articles read from crawl text and run through the first `stages` of
// clean, sentences, time (0 to 3), and the token layer when `tokens`; `bytes` gets
// their total text size.
std::vector<Document> Prepared(int stages, int64_t* bytes, bool tokens = false) {
  Cleaner cleaner;
  SentenceSplitter splitter;
  TokenTagger token_tagger;
  TimeTagger tagger;
  std::vector<Document> documents;
  *bytes = 0;
  for (const auto& article : Articles()) {
    Document& document = documents.emplace_back(ingest::ParseCrawlText(article.text, article.id, "bench"));
    if (document.metadata.published.empty()) document.metadata.published = "2024-03-14";
    if (stages >= 1) cleaner.Process(document);
    if (stages >= 2) splitter.Process(document);
    if (stages >= 2 && tokens) token_tagger.Process(document);
    if (stages >= 3) tagger.Process(document);
    *bytes += static_cast<int64_t>(article.text.size());
  }
  return documents;
}

void BM_ParseJsonRecord(benchmark::State& state) {
  std::vector<std::string> lines;
  int64_t bytes = 0;
  for (const auto& article : Articles()) {
    lines.push_back(bench::ToJsonLine(article));
    bytes += static_cast<int64_t>(lines.back().size());
  }
  for (auto _ : state) {
    for (const std::string& line : lines) {
      Result<Document> document = ingest::ParseJsonRecord(line, "bench");
      if (!document.ok()) state.SkipWithError("parse failed");
      benchmark::DoNotOptimize(document);
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ParseJsonRecord)->Unit(benchmark::kMillisecond);

void BM_Clean(benchmark::State& state) {
  Cleaner cleaner;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(0, &bytes);
  for (auto _ : state) {
    size_t marked = 0;
    for (Document& document : documents) {
      document.boilerplate.resize(document.boilerplate.empty() ? 0 : 1);  // keep only the crawl header
      document.metadata = Metadata{};
      document.embedded_posts.clear();
      cleaner.Process(document);
      marked += document.boilerplate.size();
    }
    if (marked == 0) state.SkipWithError("nothing marked");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Clean)->Unit(benchmark::kMillisecond);

void BM_Sentences(benchmark::State& state) {
  SentenceSplitter splitter;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(1, &bytes);
  for (auto _ : state) {
    size_t sentences = 0;
    for (Document& document : documents) {
      splitter.Process(document);
      sentences += document.sentences.size();
    }
    if (sentences == 0) state.SkipWithError("no sentences");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

void BM_TimeTagger(benchmark::State& state) {
  TimeTagger tagger;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(2, &bytes);
  for (auto _ : state) {
    size_t found = 0;
    for (Document& document : documents) {
      tagger.Process(document);
      found += document.time_expressions.size();
    }
    if (found == 0) state.SkipWithError("no time expressions");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_TimeTagger)->Unit(benchmark::kMillisecond);

// The claims layer (attribution and quotes, then casualty claims) over cleaned,
// segmented, tokenized and time-tagged articles.
void BM_Claims(benchmark::State& state) {
  AttributionTagger attribution;
  CasualtyTagger casualties;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(3, &bytes, true);
  for (auto _ : state) {
    size_t found = 0, sourced = 0;
    for (Document& document : documents) {
      attribution.Process(document);
      casualties.Process(document);
      found += document.casualties.size();
      sourced += document.attributions.size();
    }
    if (found == 0 || sourced == 0) state.SkipWithError("no claims or attributions");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Claims)->Unit(benchmark::kMillisecond);

// The entity layer (people, organisations, places resolved) over cleaned, segmented,
// tokenized articles.
void BM_Entities(benchmark::State& state) {
  entities::EntityTagger tagger;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(2, &bytes, true);
  for (auto _ : state) {
    size_t people = 0, located = 0;
    for (Document& document : documents) {
      tagger.Process(document);
      for (const EntityMention& mention : document.entities) {
        people += mention.kind == EntityKind::kPerson ? 1 : 0;
        located += mention.located ? 1 : 0;
      }
    }
    if (people == 0 || located == 0) state.SkipWithError("no people or no located places");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Entities)->Unit(benchmark::kMillisecond);

// The token layer over cleaned, segmented articles.
void BM_Tokens(benchmark::State& state) {
  TokenTagger tagger;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(2, &bytes);
  for (auto _ : state) {
    size_t tokens = 0;
    for (Document& document : documents) {
      tagger.Process(document);
      tokens += document.tokens.size();
    }
    if (tokens == 0) state.SkipWithError("no tokens");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Tokens)->Unit(benchmark::kMillisecond);

// The events layer over articles with every layer it reads.
void BM_Events(benchmark::State& state) {
  TokenTagger tokens;
  AttributionTagger attribution;
  CasualtyTagger casualties;
  entities::EntityTagger entity_tagger;
  events::EventTagger tagger;
  int64_t bytes = 0;
  std::vector<Document> documents = Prepared(3, &bytes);
  for (Document& document : documents) {
    tokens.Process(document);
    attribution.Process(document);
    casualties.Process(document);
    entity_tagger.Process(document);
  }
  for (auto _ : state) {
    size_t found = 0;
    for (Document& document : documents) {
      tagger.Process(document);
      found += document.events.size();
    }
    if (found == 0) state.SkipWithError("no events");
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond);

// Checking the gazetteer image the program carries (what its first use costs).
void BM_GazetteerLoad(benchmark::State& state) {
  const lexicon::Gazetteer& builtin = lexicon::Gazetteer::Builtin();
  const auto entries = builtin.entries();
  // The image starts at the header, just before the entries.
  const char* begin = reinterpret_cast<const char*>(entries.data()) - sizeof(lexicon::GazetteerHeader);
  lexicon::GazetteerHeader header;
  std::memcpy(&header, begin, sizeof header);
  const size_t size = sizeof header + size_t{header.entry_count} * sizeof(lexicon::GazetteerEntry) +
                      size_t{header.key_count} * sizeof(lexicon::GazetteerKey) +
                      size_t{header.word_count} * sizeof(uint64_t) + size_t{header.slot_count} * sizeof(uint32_t) +
                      size_t{header.posting_count} * sizeof(uint32_t) + header.pool_size;
  for (auto _ : state) {
    auto loaded = lexicon::Gazetteer::FromImage(std::string_view(begin, size));
    if (!loaded.ok()) state.SkipWithError(loaded.status().message().c_str());
    benchmark::DoNotOptimize(loaded);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(size));
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casus

BENCHMARK_MAIN();
