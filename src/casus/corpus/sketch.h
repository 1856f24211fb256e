// Sketches of an article's body for near-duplicate detection.
//
// The body is the article's content (boilerplate, dateline and headline left out), read
// as lower-case words; its features are the overlapping runs of kShingleWords words.
// One-permutation MinHash: each shingle's 64-bit hash falls into one of kSketchBins bins
// by its top bits and each bin keeps its smallest hash; a bin no shingle reached borrows
// its right neighbour's value (rotation densification). A sketch stores the low 16 bits
// of each bin, enough to estimate the Jaccard similarity of two shingle sets, plus a hash
// of the whole word sequence that identifies exact copies. Band keys for LSH are taken
// from the same 16-bit values, so an index can be rebuilt from stored sketches alone.
#ifndef CASUS_CORPUS_SKETCH_H_
#define CASUS_CORPUS_SKETCH_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "casus/core/document.h"

namespace casus::corpus {

inline constexpr int kShingleWords = 4;
inline constexpr int kSketchBins = 32;

struct Sketch {
  std::array<uint16_t, kSketchBins> bins{};
  uint64_t exact = 0;     // hash of the body's word sequence; 0 for an empty body
  uint32_t shingles = 0;  // number of shingles seen (0: nothing to compare)
};

// The body spans of `document`: its content spans without the headline.
std::vector<Span> BodySpans(const Document& document);

// A 64-bit finaliser (splitmix64's): every input bit reaches every output bit.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Sketches the body of `document`. Linear in the text; allocates nothing per word.
Sketch SketchDocument(const Document& document);
// Sketches a plain text (tests, benchmarks).
Sketch SketchText(std::string_view text);

// Estimated Jaccard similarity of the two shingle sets, in [0, 1]; exact copies give 1.
double EstimateSimilarity(const Sketch& a, const Sketch& b);

// The 16-bit values packed little-endian (2 * kSketchBins bytes), for the store.
std::vector<uint8_t> PackBins(const Sketch& sketch);
// Fails (returns false) when `bytes` has the wrong size.
bool UnpackBins(const uint8_t* bytes, size_t size, Sketch* sketch);

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_SKETCH_H_
