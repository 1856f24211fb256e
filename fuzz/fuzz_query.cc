// libFuzzer target: the search box. Whatever a person types, BuildFtsQuery gives a query
// FTS5 accepts (or nothing), so a search fails only for a raw query; the raw mode may
// fail but must not crash. Runs against a small store made once.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "casus/store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static casus::Store* store = [] {
    char pattern[] = "/tmp/casus-fuzz-query-XXXXXX";
    const char* dir = ::mkdtemp(pattern);
    if (dir == nullptr) std::abort();
    auto opened = casus::Store::Open(std::string(dir) + "/q.db");
    if (!opened.ok()) std::abort();
    casus::Store* made = opened.value().release();
    for (const char* text : {"Shelling hit Baku on Monday.", "Talks on a ceasefire resumed in Geneva.",
                             "\"Protesters\" gathered near the parliament - AND OR NOT NEAR"}) {
      casus::Document d(text, "q.txt", casus::SourceFormat::kCrawlText, text);
      if (!made->Put(d).ok()) std::abort();
    }
    if (!made->Flush().ok()) std::abort();
    return made;
  }();
  const std::string query(reinterpret_cast<const char*>(data), size);
  casus::SearchOptions options;
  const std::string built = casus::BuildFtsQuery(query);
  auto hits = store->Search(query, options);
  if (!built.empty() && !hits.ok()) __builtin_trap();
  options.raw = true;
  (void)store->Search(query, options);
  return 0;
}
