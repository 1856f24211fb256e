// UTF-8 validation (with an 8-byte ASCII fast path) and repair by U+FFFD substitution,
// following the "maximal subpart" practice of the Unicode standard (chapter 3).
#include "casus/core/utf8.h"

#include <cstdint>
#include <cstring>

namespace casus {
namespace {

// Length of the valid sequence starting at `i`, or 0 when it is invalid there.
size_t ValidSequenceLength(const unsigned char* p, size_t i, size_t n) {
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    return (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xE0 && (c1 < 0xA0 || c1 > 0xBF)) return 0;
    if (c == 0xED && (c1 < 0x80 || c1 > 0x9F)) return 0;  // surrogates
    if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xF0 && (c1 < 0x90 || c1 > 0xBF)) return 0;
    if (c == 0xF4 && (c1 < 0x80 || c1 > 0x8F)) return 0;
    if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return 0;
    return 4;
  }
  return 0;
}

// Length of the maximal subpart of an ill-formed sequence at `i` (at least 1).
size_t InvalidRunLength(const unsigned char* p, size_t i, size_t n) {
  unsigned char c = p[i];
  size_t expected = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
  size_t length = 1;
  while (length < expected && i + length < n && (p[i + length] & 0xC0) == 0x80) {
    // Stop where the prefix itself can no longer lead to a valid sequence.
    if (length == 1) {
      unsigned char c1 = p[i + 1];
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
          (c == 0xF4 && c1 > 0x8F)) {
        break;
      }
    }
    ++length;
  }
  return length;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    size_t length = ValidSequenceLength(p, i, n);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

Utf8Repair RepairUtf8(std::string& text) {
  Utf8Repair repair;
  size_t first = FindInvalidUtf8(text);
  if (first == std::string_view::npos) return repair;
  repair.first_offset = first;
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, 0, first);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = first;
  while (i < n) {
    size_t length = ValidSequenceLength(p, i, n);
    if (length > 0) {
      out.append(text, i, length);
      i += length;
    } else {
      out += "\xEF\xBF\xBD";
      ++repair.replaced;
      i += InvalidRunLength(p, i, n);
    }
  }
  text.swap(out);
  return repair;
}

char32_t DecodeUtf8(std::string_view text, size_t* offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = *offset;
  unsigned char c = p[i];
  if (c < 0x80) {
    *offset = i + 1;
    return c;
  }
  size_t length = ValidSequenceLength(p, i, text.size());
  if (length == 0) {
    *offset = i + 1;
    return 0xFFFD;
  }
  char32_t value = length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < length; ++k) value = (value << 6) | (p[i + k] & 0x3F);
  *offset = i + length;
  return value;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string TerminalSafe(std::string_view text, bool keep_lines) {
  static const char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  std::string out;
  out.reserve(n);
  auto byte_escape = [&](unsigned char c) {
    out += "\\x";
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  };
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c < 0x80) {
      if (keep_lines && (c == '\n' || c == '\t')) {
        out.push_back(static_cast<char>(c));
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else {
        byte_escape(c);
      }
      ++i;
      continue;
    }
    const size_t length = ValidSequenceLength(p, i, n);
    if (length == 0) {
      byte_escape(c);
      ++i;
      continue;
    }
    size_t next = i;
    const char32_t code_point = DecodeUtf8(text, &next);
    const bool control = code_point >= 0x80 && code_point <= 0x9F;
    const bool bidi = (code_point >= 0x202A && code_point <= 0x202E) || (code_point >= 0x2066 && code_point <= 0x2069);
    if (control || bidi) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(code_point >> shift) & 15]);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace casus
