// libFuzzer target: the store's packed layers. Any bytes decode to spans inside the
// text, in order, or to an error; what decodes encodes to the same layer again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "casus/store/layer_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  // The first two bytes give the text's length, the rest is the blob.
  const size_t text_size = size_t{data[0]} << 8 | data[1];
  const std::string_view blob(reinterpret_cast<const char*>(data) + 2, size - 2);
  std::vector<casus::Sentence> sentences;
  if (casus::DecodeSentences(blob, text_size, &sentences)) {
    uint32_t end = 0;
    for (const casus::Sentence& s : sentences) {
      if (s.span.begin < end || s.span.end < s.span.begin || s.span.end > text_size) __builtin_trap();
      end = s.span.end;
    }
    std::vector<casus::Sentence> again;
    if (!casus::DecodeSentences(casus::EncodeSentences(sentences), text_size, &again)) __builtin_trap();
    if (again.size() != sentences.size()) __builtin_trap();
    for (size_t i = 0; i < again.size(); ++i) {
      if (!(again[i].span == sentences[i].span) || again[i].paragraph != sentences[i].paragraph) __builtin_trap();
    }
  }
  std::vector<casus::BoilerplateSpan> spans;
  if (casus::DecodeBoilerplate(blob, text_size, &spans)) {
    uint32_t end = 0;
    for (const casus::BoilerplateSpan& b : spans) {
      if (b.span.begin < end || b.span.end < b.span.begin || b.span.end > text_size) __builtin_trap();
      end = b.span.end;
    }
    std::vector<casus::BoilerplateSpan> again;
    if (!casus::DecodeBoilerplate(casus::EncodeBoilerplate(spans), text_size, &again)) __builtin_trap();
    if (again.size() != spans.size()) __builtin_trap();
  }
  return 0;
}
