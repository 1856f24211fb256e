// DuplicateIndex: near-duplicate detection over sketches, linear in the corpus.
//
// Locality-sensitive hashing: the first kBands * kRows bins of a sketch form kBands band
// keys; two articles become candidates when they agree on a whole band, which happens
// with probability 1 - (1 - J^kRows)^kBands for Jaccard similarity J (0.89 at J = 0.6,
// 0.985 at 0.7, above 0.999 at 0.8). Candidates are then compared on all bins, and an
// article joins the group of its most similar earlier article when the estimate reaches
// the threshold. The first article of a group is its canonical member.
//
// Memory: per article its 64 bins, exact hash and group (76 bytes), one chain link per
// band (40 bytes) and a share of the bucket heads (20 to 40 bytes): about 140-160 bytes.
// The bucket table doubles (rebuilt from the stored bins) when its load passes two.
// Not thread-safe; articles are numbered 0, 1, 2, ... in the order they are added.
#ifndef CASUS_CORPUS_DUPLICATES_H_
#define CASUS_CORPUS_DUPLICATES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "casus/corpus/sketch.h"

namespace casus::corpus {

// The default similarity at which two bodies are near-duplicates: estimated Jaccard
// similarity of their 4-word shingles. Republished wire copy with a new headline, byline,
// section label or reordered paragraphs scores above 0.8; different articles on one
// incident, even ones sharing a quoted statement, stay below 0.3.
inline constexpr double kDefaultDuplicateThreshold = 0.6;

struct DuplicateMatch {
  uint32_t canonical = 0;  // the group's first article
  uint32_t nearest = 0;    // the most similar earlier article (may be the canonical)
  double similarity = 0;   // estimated similarity to the canonical
  bool exact = false;      // same word sequence as the canonical
};

class DuplicateIndex {
 public:
  static constexpr int kBands = 10;
  static constexpr int kRows = 3;
  static_assert(kBands * kRows <= kSketchBins, "bands must fit in the sketch");

  // `threshold` in (0, 1]; `expected` articles are reserved up front (0: grow as needed).
  explicit DuplicateIndex(double threshold = kDefaultDuplicateThreshold, size_t expected = 0);

  // Adds `sketch` as article number size() and returns the group it joins, or nullopt
  // when it is the first of its kind. Cost: one bucket lookup per band and one bin
  // comparison per candidate.
  std::optional<DuplicateMatch> Add(const Sketch& sketch);

  uint32_t Canonical(uint32_t article) const { return canonical_[article]; }
  size_t size() const { return exact_.size(); }
  // Bytes held by the index (capacities, not sizes).
  size_t MemoryBytes() const;

 private:
  using Bins = std::array<uint16_t, kSketchBins>;
  static uint64_t BandKey(const Bins& bins, int band);
  void Link(uint32_t entry, uint64_t key);
  void Grow();

  double threshold_;
  std::vector<Bins> bins_;
  std::vector<uint64_t> exact_;
  std::vector<uint32_t> canonical_;
  std::vector<uint32_t> next_;   // per (article, band): the next entry in its bucket, 0 ends
  std::vector<uint32_t> heads_;  // per bucket: its first entry + 1, 0 when empty
  int head_bits_ = 0;
};

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_DUPLICATES_H_
