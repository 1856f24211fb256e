// White space: ASCII blanks, U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF.
#include "casus/core/text.h"

namespace casus {

size_t SpaceLengthAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  }
  return 0;
}

size_t SpaceLengthBefore(std::string_view s, size_t end) {
  if (end == 0) return 0;
  for (size_t length = 1; length <= 3 && length <= end; ++length) {
    if (SpaceLengthAt(s, end - length) == length) return length;
  }
  return 0;
}

std::string_view TrimSpaces(std::string_view text) {
  size_t begin = 0;
  while (size_t n = SpaceLengthAt(text, begin)) begin += n;
  size_t end = text.size();
  while (end > begin) {
    size_t n = SpaceLengthBefore(text, end);
    if (n == 0) break;
    end -= n;
  }
  return text.substr(begin, end - begin);
}

Span TrimSpan(std::string_view text, Span span) {
  std::string_view trimmed = TrimSpaces(span.Of(text));
  if (trimmed.empty()) return Span{span.begin, span.begin};
  uint32_t begin = static_cast<uint32_t>(trimmed.data() - text.data());
  return Span{begin, begin + static_cast<uint32_t>(trimmed.size())};
}

std::optional<int64_t> ParseDigits(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

int64_t LeadingInteger(std::string_view text, int64_t fallback) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  if (i >= text.size() || text[i] < '0' || text[i] > '9') return fallback;
  constexpr int64_t kMax = INT64_MAX;
  int64_t value = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    const int digit = text[i] - '0';
    if (value > (kMax - digit) / 10) return negative ? INT64_MIN : kMax;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

}  // namespace casus
