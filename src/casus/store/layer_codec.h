// The packed forms of the dense layers kept in columns of `documents` (sentences,
// boilerplate): LEB128 varints, each span as the gap from the previous one's end and its
// length. Decoding checks everything it reads (a damaged or hostile blob is an error,
// never a span outside the text); encoding then decoding gives the layer back.
#ifndef CASUS_STORE_LAYER_CODEC_H_
#define CASUS_STORE_LAYER_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/document.h"

namespace casus {

void AppendVarint(uint64_t value, std::string* out);
// Reads one varint at `*pos` and advances it; false when the bytes end inside one or it
// runs past 64 bits.
bool ReadVarint(std::string_view in, size_t* pos, uint64_t* value);

std::string EncodeSentences(const std::vector<Sentence>& sentences);
// Appends to `out`; false when the bytes do not describe ordered spans inside a text of
// `text_size` bytes (what was appended before the fault stays).
bool DecodeSentences(std::string_view in, size_t text_size, std::vector<Sentence>* out);

std::string EncodeBoilerplate(const std::vector<BoilerplateSpan>& spans);
bool DecodeBoilerplate(std::string_view in, size_t text_size, std::vector<BoilerplateSpan>* out);

}  // namespace casus

#endif  // CASUS_STORE_LAYER_CODEC_H_
