// Readers: turn files, folders and streams into Documents.
//
// ReadInputs walks each path (folders recursively, following links but never the
// same folder twice), picks a reader by extension or content, and hands every
// document to `on_document` and every problem to `on_diagnostic`. A bad input never
// stops the batch: it is reported with its file (and line) and the walk goes on.
// Text is made valid UTF-8 here (invalid bytes become U+FFFD, with a warning), so
// later stages never see invalid UTF-8. Not thread-safe; callbacks run on the
// calling thread, in input order.
#ifndef CASUS_INGEST_READER_H_
#define CASUS_INGEST_READER_H_

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/document.h"
#include "casus/core/status.h"

namespace casus::ingest {

enum class Severity {
  kWarning,  // the input was read, with a repair ("invalid UTF-8 replaced")
  kError,    // the input (or this line of it) was skipped
};

struct Diagnostic {
  std::string source;  // file path, or "<stdin>"
  size_t line = 0;     // 1-based line, 0 when not about one line
  Severity severity = Severity::kError;
  ErrorCode code = ErrorCode::kOk;
  std::string message;
  // "path:12: error: malformed JSON: ..." in the style of compilers.
  std::string ToString() const;
};

struct ReaderOptions {
  // Documents (files, JSON lines) above this many bytes are rejected, not truncated.
  size_t max_document_bytes = 16u << 20;
  // Force a format instead of choosing by extension and content.
  std::optional<SourceFormat> format;
};

using DocumentSink = std::function<void(Document&&)>;
using DiagnosticSink = std::function<void(Diagnostic&&)>;

// Reads every path ("-" is standard input, always read as JSON Lines).
void ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options, const DocumentSink& on_document,
                const DiagnosticSink& on_diagnostic);

// --- Single-format parsers, exposed for tests and for callers with text in hand. ---

// Crawl text: an optional first-line header " date YYYY-MM-DD" (the rest of that line
// is article text). The header becomes boilerplate and the publication date.
Document ParseCrawlText(std::string text, std::string id, std::string source);

// One JSON Lines record. `source` is used in messages ("file:LINE"). A problem that
// does not cost the record (a `published` value that is no date) goes to `*warning`
// when given. A number no 64-bit type holds, in a field casus ignores, is no error.
Result<Document> ParseJsonRecord(std::string_view line, std::string_view source, std::string* warning = nullptr);

// An HTML page: main text, title, dates, author and publisher from the markup. A page
// that would make the parser build too much (see MeasureMarkup and html.cc's bounds)
// is refused with kMalformedInput before it is parsed.
Result<Document> ParseHtml(std::string_view html, std::string id, std::string source);

// What parsing `html` would build, from one linear pass over it (html.cc says how):
// elements (start tags), the deepest nesting, the most attributes on one tag and the
// attributes of all tags.
struct MarkupCost {
  size_t elements = 0;
  size_t depth = 0;
  size_t attributes = 0;
  size_t total_attributes = 0;
};
MarkupCost MeasureMarkup(std::string_view html);

// The most memory the HTML parser may take for a page of `html_bytes`: 48 times its
// size, at least 64 MB, at most 1 GB. A page that needs more is refused.
size_t HtmlParseBudget(size_t html_bytes);

// Checks that `bytes` look like text. Returns kBinaryInput naming what was seen
// (NUL bytes, a file signature such as PDF or gzip) or kEmptyInput.
Status CheckText(std::string_view bytes);

// Makes `text` valid UTF-8 (dropping a byte-order mark); returns a warning message
// naming the line and column of the first bad byte, or empty when nothing changed.
std::string MakeValidUtf8(std::string& text);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_READER_H_
