// Text sniffing (binary signatures, NUL bytes, emptiness) and UTF-8 repair with a
// message that points at the first bad byte by line and column.
#include <cstring>

#include "casus/core/utf8.h"
#include "casus/ingest/reader.h"

namespace casus::ingest {
namespace {

struct Signature {
  const char* magic;
  size_t length;
  const char* name;
};

constexpr Signature kSignatures[] = {
    {"%PDF-", 5, "a PDF document"},
    {"\x89PNG", 4, "a PNG image"},
    {"\xFF\xD8\xFF", 3, "a JPEG image"},
    {"GIF8", 4, "a GIF image"},
    {"PK\x03\x04", 4, "a ZIP archive"},
    {"\x1F\x8B", 2, "a gzip archive"},
    {"\x28\xB5\x2F\xFD", 4, "a zstd archive"},
    {"BZh", 3, "a bzip2 archive"},
    {"\xFD"
     "7zXZ",
     5, "an xz archive"},
    {"\x7F"
     "ELF",
     4, "an executable"},
    {"SQLite format 3", 15, "an SQLite database"},
};

}  // namespace

Status CheckText(std::string_view bytes) {
  for (const Signature& signature : kSignatures) {
    if (bytes.size() >= signature.length && std::memcmp(bytes.data(), signature.magic, signature.length) == 0) {
      return Status(ErrorCode::kBinaryInput, std::string("binary file (") + signature.name + "), not text; skipped");
    }
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return Status(ErrorCode::kBinaryInput, "UTF-16 text is not supported; convert it to UTF-8; skipped");
  }
  size_t probe = std::min<size_t>(bytes.size(), 65536);
  size_t control = 0;
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      return Status(ErrorCode::kBinaryInput,
                    "binary file (NUL byte at offset " + std::to_string(i) + "), not text; skipped");
    }
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (probe > 0 && control * 10 > probe) {
    return Status(ErrorCode::kBinaryInput, "binary file (mostly control characters), not text; skipped");
  }
  // Past the probe, a NUL byte anywhere still makes the file binary (text never holds one).
  if (bytes.size() > probe) {
    if (const void* nul = std::memchr(bytes.data() + probe, 0, bytes.size() - probe); nul != nullptr) {
      const size_t at = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
      return Status(ErrorCode::kBinaryInput,
                    "binary file (NUL byte at offset " + std::to_string(at) + "), not text; skipped");
    }
  }
  for (char c : bytes) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') return Status::Ok();
  }
  return Status(ErrorCode::kEmptyInput, bytes.empty() ? "empty file; skipped" : "file holds only white space; skipped");
}

std::string MakeValidUtf8(std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  size_t first = FindInvalidUtf8(text);
  if (first == std::string_view::npos) return "";
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < first; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  Utf8Repair repair = RepairUtf8(text);
  return "invalid UTF-8 at line " + std::to_string(line) + ", byte " + std::to_string(first - line_start + 1) + "; " +
         std::to_string(repair.replaced) + " invalid sequence" + (repair.replaced == 1 ? "" : "s") +
         " replaced by U+FFFD";
}

std::string Diagnostic::ToString() const {
  std::string out = source;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

}  // namespace casus::ingest
