// Packed dense layers; see layer_codec.h.
#include "casus/store/layer_codec.h"

#include <algorithm>

namespace casus {

// documents.sentences: per sentence, four unsigned LEB128 varints: the gap from the
// previous sentence's end to this begin, the length, the paragraph increase, and a
// flags field (bit 0: headline).
void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool ReadVarint(std::string_view in, size_t* pos, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64 && *pos < in.size(); shift += 7) {
    uint8_t byte = static_cast<uint8_t>(in[(*pos)++]);
    *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

std::string EncodeSentences(const std::vector<Sentence>& sentences) {
  std::string out;
  out.reserve(sentences.size() * 5);
  uint32_t previous_end = 0;
  uint32_t previous_paragraph = 0;
  for (const Sentence& s : sentences) {
    AppendVarint(s.span.begin - previous_end, &out);
    AppendVarint(s.span.size(), &out);
    AppendVarint(s.paragraph - previous_paragraph, &out);
    AppendVarint(s.headline ? 1 : 0, &out);
    previous_end = s.span.end;
    previous_paragraph = s.paragraph;
  }
  return out;
}

// Decodes what EncodeSentences wrote; false when the bytes do not describe ordered
// spans inside a text of `text_size` bytes.
bool DecodeSentences(std::string_view in, size_t text_size, std::vector<Sentence>* out) {
  size_t pos = 0;
  uint64_t end = 0;
  uint64_t paragraph = 0;
  while (pos < in.size()) {
    uint64_t gap, length, paragraph_step, flags;
    if (!ReadVarint(in, &pos, &gap) || !ReadVarint(in, &pos, &length) || !ReadVarint(in, &pos, &paragraph_step) ||
        !ReadVarint(in, &pos, &flags)) {
      return false;
    }
    // Each step checked before it is added: a huge varint must not wrap around.
    if (gap > text_size || length > text_size || paragraph_step > UINT32_MAX) return false;
    uint64_t begin = end + gap;
    end = begin + length;
    paragraph += paragraph_step;
    if (end > text_size || paragraph > UINT32_MAX) return false;
    out->push_back(Sentence{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                            static_cast<uint32_t>(paragraph), (flags & 1) != 0});
  }
  return true;
}

// documents.boilerplate: per span, three varints: gap from the previous end, length,
// and the BoilerplateKind value.
std::string EncodeBoilerplate(const std::vector<BoilerplateSpan>& spans) {
  std::string out;
  uint32_t previous_end = 0;
  for (const BoilerplateSpan& b : spans) {
    // Spans are sorted and disjoint after cleaning; a span starting before the
    // previous end is stored from that end (a programming error upstream).
    uint32_t begin = std::max(b.span.begin, previous_end);
    AppendVarint(begin - previous_end, &out);
    AppendVarint(b.span.end > begin ? b.span.end - begin : 0, &out);
    AppendVarint(static_cast<uint64_t>(b.kind), &out);
    previous_end = std::max(previous_end, b.span.end);
  }
  return out;
}

bool DecodeBoilerplate(std::string_view in, size_t text_size, std::vector<BoilerplateSpan>* out) {
  size_t pos = 0;
  uint64_t end = 0;
  while (pos < in.size()) {
    uint64_t gap, length, kind;
    if (!ReadVarint(in, &pos, &gap) || !ReadVarint(in, &pos, &length) || !ReadVarint(in, &pos, &kind)) return false;
    if (gap > text_size || length > text_size) return false;
    uint64_t begin = end + gap;
    end = begin + length;
    if (end > text_size || kind > static_cast<uint64_t>(BoilerplateKind::kSourceUrl)) return false;
    out->push_back(BoilerplateSpan{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                                   static_cast<BoilerplateKind>(kind)});
  }
  return true;
}

}  // namespace casus
