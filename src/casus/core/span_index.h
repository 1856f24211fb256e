// SpanIndex: which of many spans overlap a given one, in logarithmic time.
//
// Built once from a list of spans in any order (O(n log n)); the spans are sorted by
// begin with the running maximum of their ends beside them. A span [b, e) overlaps the
// query [qb, qe) exactly when b < qe and e > qb (Span::Overlaps), so among the spans
// that begin before qe, some overlaps exactly when the largest end exceeds qb: one
// binary search answers Any(); ForEach() walks back from there while that maximum still
// exceeds qb. Immutable once built; safe to query from several threads.
#ifndef CASUS_CORE_SPAN_INDEX_H_
#define CASUS_CORE_SPAN_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "casus/core/span.h"

namespace casus {

class SpanIndex {
 public:
  SpanIndex() = default;
  // `span_of(i)` gives the i-th span, for i in [0, count).
  template <typename SpanOf>
  SpanIndex(size_t count, SpanOf span_of) : order_(count) {
    std::iota(order_.begin(), order_.end(), uint32_t{0});
    spans_.reserve(count);
    for (size_t i = 0; i < count; ++i) spans_.push_back(span_of(i));
    std::stable_sort(order_.begin(), order_.end(),
                     [&](uint32_t a, uint32_t b) { return spans_[a].begin < spans_[b].begin; });
    max_end_.resize(count);
    uint32_t running = 0;
    for (size_t k = 0; k < count; ++k) {
      running = std::max(running, spans_[order_[k]].end);
      max_end_[k] = running;
    }
  }

  // True when some indexed span overlaps `query`.
  bool Any(Span query) const {
    const size_t before = BeginningBefore(query.end);
    return before > 0 && max_end_[before - 1] > query.begin;
  }

  // Calls `visit(i)` for the index of every span overlapping `query`, latest begin first.
  template <typename Visit>
  void ForEach(Span query, Visit visit) const {
    for (size_t k = BeginningBefore(query.end); k > 0 && max_end_[k - 1] > query.begin; --k) {
      const uint32_t i = order_[k - 1];
      if (spans_[i].Overlaps(query)) visit(i);
    }
  }

 private:
  // How many spans (in begin order) begin before `end`.
  size_t BeginningBefore(uint32_t end) const {
    auto it = std::partition_point(order_.begin(), order_.end(), [&](uint32_t i) { return spans_[i].begin < end; });
    return static_cast<size_t>(it - order_.begin());
  }

  std::vector<uint32_t> order_;    // span indexes by begin
  std::vector<Span> spans_;        // by index
  std::vector<uint32_t> max_end_;  // max end over order_[0..k]
};

}  // namespace casus

#endif  // CASUS_CORE_SPAN_INDEX_H_
