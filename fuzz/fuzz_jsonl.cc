// libFuzzer target: any bytes as one JSON Lines record must give a document or a
// clear error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "casus/ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  casus::ingest::MakeValidUtf8(line);
  casus::Result<casus::Document> document = casus::ingest::ParseJsonRecord(line, "fuzz");
  if (!document.ok() && document.status().message().empty()) __builtin_trap();
  return 0;
}
