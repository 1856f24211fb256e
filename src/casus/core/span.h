// Span: a half-open byte range [begin, end) into a Document's text. Every fact casus
// states carries one, so it can be shown with the words it came from.
#ifndef CASUS_CORE_SPAN_H_
#define CASUS_CORE_SPAN_H_

#include <cstdint>
#include <string_view>

namespace casus {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(Span other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(Span other) const { return begin < other.end && other.begin < end; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
};

}  // namespace casus

#endif  // CASUS_CORE_SPAN_H_
