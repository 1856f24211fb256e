// libFuzzer targets for the evaluation readers, one binary per reader (CASUS_FUZZ_READER
// picks it): whatever the file holds, a reader gives records whose spans lie inside
// their texts, or an error. The input is written to a file (a folder for PolNeAR,
// whose text and annotation the first NUL byte separates), as the readers read paths.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "casus/eval/claims_data.h"
#include "casus/eval/geo.h"
#include "casus/eval/timeml.h"

namespace {

const std::string& Folder() {
  static const std::string folder = [] {
    char pattern[] = "/tmp/casus-fuzz-eval-XXXXXX";
    const char* made = ::mkdtemp(pattern);
    if (made == nullptr) std::abort();
    return std::string(made);
  }();
  return folder;
}

void Write(const std::string& path, std::string_view bytes) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::abort();
  std::fwrite(bytes.data(), 1, bytes.size(), file);
  std::fclose(file);
}

bool Inside(casus::Span span, const std::string& text) { return span.begin <= span.end && span.end <= text.size(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string file = Folder() + "/input";
#if CASUS_FUZZ_READER == 1
  Write(file + ".tml", bytes);
  auto document = casus::eval::ReadTimeMl(file + ".tml");
  if (document.ok()) {
    for (const auto& timex : document->gold) {
      if (!Inside(timex.span, document->text)) __builtin_trap();
    }
  }
#elif CASUS_FUZZ_READER == 2
  Write(file + ".tsv", bytes);
  (void)casus::eval::ReadGvdb(file + ".tsv");
#elif CASUS_FUZZ_READER == 3
  Write(file + ".json", bytes);
  (void)casus::eval::ReadPloverDead(file + ".json");
#elif CASUS_FUZZ_READER == 4
  Write(file + ".xml", bytes);
  int skipped = 0;
  auto articles = casus::eval::ReadLgl(file + ".xml", &skipped);
  if (articles.ok()) {
    for (const auto& article : *articles) {
      for (const auto& toponym : article.toponyms) {
        if (!Inside(toponym.span, article.text)) __builtin_trap();
      }
    }
  }
#elif CASUS_FUZZ_READER == 5
  const std::string dir = Folder() + "/polnear";
  std::filesystem::create_directories(dir + "/text");
  std::filesystem::create_directories(dir + "/attributions");
  const size_t cut = bytes.find('\0');
  Write(dir + "/text/a.txt", bytes.substr(0, cut));
  Write(dir + "/attributions/a_x.ann", cut == std::string_view::npos ? "" : bytes.substr(cut + 1));
  auto documents = casus::eval::ReadPolnear(dir);
  if (documents.ok()) {
    for (const auto& document : *documents) {
      for (const auto& a : document.attributions) {
        if (!Inside(a.source, document.text) || !Inside(a.cue, document.text) || !Inside(a.content, document.text)) {
          __builtin_trap();
        }
      }
    }
  }
#else
#error "CASUS_FUZZ_READER must be 1 to 5"
#endif
  return 0;
}
