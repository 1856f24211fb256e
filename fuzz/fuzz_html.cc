// libFuzzer target: hostile HTML must give a document or a clear error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "casus/ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html(reinterpret_cast<const char*>(data), size);
  casus::ingest::MakeValidUtf8(html);  // the reader's contract: gumbo takes UTF-8 only
  casus::Result<casus::Document> document = casus::ingest::ParseHtml(html, "fuzz", "fuzz.html");
  if (document.ok() && document->text().empty()) __builtin_trap();
  return 0;
}
