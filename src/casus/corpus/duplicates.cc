// Banded LSH over one-permutation MinHash sketches (see duplicates.h).
//
// Buckets are intrusive chains: heads_[slot] holds an entry number (article * kBands +
// band, plus one) and next_[entry] the following one, so the index is three flat arrays
// with no per-bucket allocation. A walk checks that the entry's band matches and that
// its band key is equal (slots are shared by all bands and keys), then compares bins.
#include "casus/corpus/duplicates.h"

#include <algorithm>
#include <bit>

namespace casus::corpus {
namespace {

constexpr int kMinHeadBits = 10;
// Entries of one bucket looked at per band. Newest entries come first, so a bucket
// crowded by a large group of copies still yields its recent members, and adding an
// article stays O(1) however many articles share its bands.
constexpr int kMaxBucketWalk = 48;

}  // namespace

DuplicateIndex::DuplicateIndex(double threshold, size_t expected) : threshold_(threshold) {
  bins_.reserve(expected);
  exact_.reserve(expected);
  canonical_.reserve(expected);
  next_.reserve(expected * kBands);
  // Load at most two entries per bucket.
  size_t entries = std::max<size_t>(expected * kBands / 2, size_t{1} << kMinHeadBits);
  head_bits_ = std::bit_width(entries - 1);
  heads_.assign(size_t{1} << head_bits_, 0);
}

uint64_t DuplicateIndex::BandKey(const Bins& bins, int band) {
  uint64_t key = static_cast<uint64_t>(band) << 48;
  for (int row = 0; row < kRows; ++row) key ^= static_cast<uint64_t>(bins[band * kRows + row]) << (16 * row);
  return Mix64(key);
}

void DuplicateIndex::Link(uint32_t entry, uint64_t key) {
  uint32_t& head = heads_[key >> (64 - head_bits_)];
  next_[entry] = head;
  head = entry + 1;
}

void DuplicateIndex::Grow() {
  ++head_bits_;
  heads_.assign(size_t{1} << head_bits_, 0);
  for (uint32_t article = 0; article < bins_.size(); ++article) {
    if (exact_[article] == 0) continue;  // an empty body is never a candidate
    for (int band = 0; band < kBands; ++band) Link(article * kBands + band, BandKey(bins_[article], band));
  }
}

std::optional<DuplicateMatch> DuplicateIndex::Add(const Sketch& sketch) {
  const uint32_t article = static_cast<uint32_t>(bins_.size());
  std::optional<DuplicateMatch> match;
  if (sketch.shingles > 0) {
    Sketch candidate_sketch;
    std::vector<uint32_t> seen;
    double best = 0;
    uint32_t nearest = 0;
    for (int band = 0; band < kBands && best < 1; ++band) {
      const uint64_t key = BandKey(sketch.bins, band);
      int walked = 0;
      for (uint32_t link = heads_[key >> (64 - head_bits_)]; link != 0 && walked < kMaxBucketWalk;
           link = next_[link - 1]) {
        const uint32_t entry = link - 1;
        ++walked;
        if (static_cast<int>(entry % kBands) != band) continue;
        const uint32_t other = entry / kBands;
        if (BandKey(bins_[other], band) != key) continue;
        if (std::find(seen.begin(), seen.end(), other) != seen.end()) continue;
        seen.push_back(other);
        candidate_sketch.bins = bins_[other];
        candidate_sketch.exact = exact_[other];
        candidate_sketch.shingles = exact_[other] != 0 ? 1 : 0;
        double similarity = EstimateSimilarity(sketch, candidate_sketch);
        if (similarity > best || (similarity == best && best > 0 && other < nearest)) {
          best = similarity;
          nearest = other;
        }
      }
    }
    if (best >= threshold_) {
      DuplicateMatch found;
      found.canonical = canonical_[nearest];
      found.nearest = nearest;
      candidate_sketch.bins = bins_[found.canonical];
      candidate_sketch.exact = exact_[found.canonical];
      candidate_sketch.shingles = 1;
      found.similarity = EstimateSimilarity(sketch, candidate_sketch);
      found.exact = sketch.exact == exact_[found.canonical];
      match = found;
    }
  }
  bins_.push_back(sketch.bins);
  exact_.push_back(sketch.shingles > 0 ? sketch.exact : 0);
  canonical_.push_back(match ? match->canonical : article);
  next_.resize(next_.size() + kBands);
  if (sketch.shingles > 0) {
    if (next_.size() > 2 * heads_.size()) {
      Grow();  // links every article, this one included
    } else {
      for (int band = 0; band < kBands; ++band) Link(article * kBands + band, BandKey(sketch.bins, band));
    }
  }
  return match;
}

size_t DuplicateIndex::MemoryBytes() const {
  return bins_.capacity() * sizeof(Bins) + exact_.capacity() * sizeof(uint64_t) +
         canonical_.capacity() * sizeof(uint32_t) + next_.capacity() * sizeof(uint32_t) +
         heads_.capacity() * sizeof(uint32_t);
}

}  // namespace casus::corpus
