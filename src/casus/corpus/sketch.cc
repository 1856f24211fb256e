// One-permutation MinHash over word shingles of an article body (see sketch.h).
//
// Words are runs of ASCII letters and digits or non-ASCII bytes, lower-cased in ASCII;
// each word is hashed as it is read, a ring of the last kShingleWords word hashes gives
// the shingle hash, and the shingle updates its bin's minimum. Nothing is allocated per
// word, so sketching runs at memory speed.
#include "casus/corpus/sketch.h"

#include <algorithm>
#include <limits>

namespace casus::corpus {
namespace {

constexpr uint64_t kBinShift = 64 - 5;  // 32 bins: the top five bits choose the bin
static_assert(kSketchBins == 32, "kBinShift assumes 32 bins");
constexpr uint64_t kValueMask = (uint64_t{1} << kBinShift) - 1;

uint64_t RotateLeft(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

class SketchBuilder {
 public:
  SketchBuilder() { minimum_.fill(std::numeric_limits<uint64_t>::max()); }

  void AddText(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    size_t i = 0;
    while (i < size) {
      while (i < size && !IsWordByte(bytes[i])) ++i;
      if (i == size) break;
      uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a over the lower-cased bytes
      while (i < size && IsWordByte(bytes[i])) {
        unsigned char c = bytes[i++];
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + ('a' - 'A'));
        hash = (hash ^ c) * 0x100000001b3ULL;
      }
      AddWord(Mix64(hash));
    }
  }

  Sketch Finish() {
    Sketch sketch;
    if (words_ == 0) return sketch;
    if (words_ < kShingleWords) AddShingle(ShingleHash(static_cast<int>(words_)));
    sketch.exact = Mix64(exact_ ^ words_);
    sketch.shingles = shingles_;
    for (int bin = 0; bin < kSketchBins; ++bin) {
      uint64_t value = minimum_[bin];
      // An empty bin borrows from the next filled one, salted by the distance, so two
      // sketches agree on it only when they agree on the bin it borrowed from.
      for (int step = 1; value == std::numeric_limits<uint64_t>::max() && step < kSketchBins; ++step) {
        uint64_t borrowed = minimum_[(bin + step) % kSketchBins];
        if (borrowed != std::numeric_limits<uint64_t>::max()) value = Mix64(borrowed + static_cast<uint64_t>(step));
      }
      sketch.bins[bin] = static_cast<uint16_t>(value);
    }
    return sketch;
  }

 private:
  void AddWord(uint64_t word_hash) {
    ring_[words_ % kShingleWords] = word_hash;
    ++words_;
    exact_ = Mix64(exact_ + word_hash);
    if (words_ >= kShingleWords) AddShingle(ShingleHash(kShingleWords));
  }

  // The hash of the last `count` words, in order.
  uint64_t ShingleHash(int count) const {
    uint64_t hash = 0;
    for (int k = count; k >= 1; --k) hash = RotateLeft(hash, 23) ^ ring_[(words_ - k) % kShingleWords];
    return Mix64(hash);
  }

  void AddShingle(uint64_t hash) {
    ++shingles_;
    uint64_t& slot = minimum_[hash >> kBinShift];
    slot = std::min(slot, hash & kValueMask);
  }

  std::array<uint64_t, kSketchBins> minimum_;
  std::array<uint64_t, kShingleWords> ring_{};
  uint64_t words_ = 0;
  uint64_t exact_ = 0;
  uint32_t shingles_ = 0;
};

}  // namespace

std::vector<Span> BodySpans(const Document& document) {
  std::vector<Span> spans = document.ContentSpans();
  const Span title = document.metadata.title_span;
  if (!title.empty()) {
    std::erase_if(spans, [&](Span span) { return span.begin < title.end && title.begin < span.end; });
  }
  return spans;
}

Sketch SketchDocument(const Document& document) {
  SketchBuilder builder;
  for (Span span : BodySpans(document)) builder.AddText(document.Text(span));
  return builder.Finish();
}

Sketch SketchText(std::string_view text) {
  SketchBuilder builder;
  builder.AddText(text);
  return builder.Finish();
}

double EstimateSimilarity(const Sketch& a, const Sketch& b) {
  if (a.shingles == 0 || b.shingles == 0) return 0;
  if (a.exact == b.exact) return 1;
  int equal = 0;
  for (int bin = 0; bin < kSketchBins; ++bin) equal += a.bins[bin] == b.bins[bin];
  // Two different minima agree on their low 16 bits by chance once in 65,536.
  constexpr double kChance = 1.0 / 65536;
  double estimate = (static_cast<double>(equal) / kSketchBins - kChance) / (1 - kChance);
  return std::clamp(estimate, 0.0, 1.0);
}

std::vector<uint8_t> PackBins(const Sketch& sketch) {
  std::vector<uint8_t> bytes(2 * kSketchBins);
  for (int bin = 0; bin < kSketchBins; ++bin) {
    bytes[2 * bin] = static_cast<uint8_t>(sketch.bins[bin]);
    bytes[2 * bin + 1] = static_cast<uint8_t>(sketch.bins[bin] >> 8);
  }
  return bytes;
}

bool UnpackBins(const uint8_t* bytes, size_t size, Sketch* sketch) {
  if (size != 2 * kSketchBins) return false;
  for (int bin = 0; bin < kSketchBins; ++bin) {
    sketch->bins[bin] = static_cast<uint16_t>(bytes[2 * bin] | (bytes[2 * bin + 1] << 8));
  }
  return true;
}

}  // namespace casus::corpus
