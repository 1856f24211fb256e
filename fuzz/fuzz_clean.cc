// libFuzzer target: crawl text through the cleaner, the sentence splitter and the time
// tagger; every span produced must lie inside the text and avoid boilerplate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "casus/annotate/time/time_tagger.h"
#include "casus/ingest/reader.h"
#include "casus/normalize/cleaner.h"
#include "casus/segment/sentences.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casus::Cleaner cleaner;
  static const casus::SentenceSplitter splitter;
  static const casus::TimeTagger tagger;
  std::string text(reinterpret_cast<const char*>(data), size);
  casus::ingest::MakeValidUtf8(text);
  casus::Document document = casus::ingest::ParseCrawlText(text, "fuzz", "fuzz.txt");
  if (document.metadata.published.empty()) document.metadata.published = "2023-09-20";
  if (!cleaner.Process(document).ok() || !splitter.Process(document).ok() || !tagger.Process(document).ok()) {
    __builtin_trap();
  }
  for (const auto& t : document.time_expressions) {
    if (t.span.end > document.text().size() || t.span.empty() || document.OverlapsBoilerplate(t.span)) __builtin_trap();
  }
  const size_t length = document.text().size();
  for (const auto& b : document.boilerplate) {
    if (b.span.end > length || b.span.begin > b.span.end) __builtin_trap();
  }
  for (const auto& s : document.sentences) {
    if (s.span.end > length || s.span.empty() || document.OverlapsBoilerplate(s.span)) __builtin_trap();
  }
  if (document.metadata.dateline_span.end > length || document.metadata.title_span.end > length) __builtin_trap();
  document.CleanText();
  return 0;
}
