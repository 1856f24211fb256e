// Input walking and dispatch: folders are read recursively in name order, links are
// followed but a folder already seen (by device and inode) is reported as a loop and
// skipped; each file goes to the reader its extension or first bytes call for. JSON
// Lines are streamed one line at a time with a bounded buffer, so a 100 MB line costs
// no more memory than the limit it breaks.
#include "casus/ingest/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "casus/core/calendar.h"
#include "casus/core/hash.h"
#include "casus/core/utf8.h"

namespace casus::ingest {
namespace {

namespace fs = std::filesystem;

std::string Lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsJsonLinesExtension(const std::string& ext) { return ext == ".jsonl" || ext == ".ndjson" || ext == ".json"; }
bool IsHtmlExtension(const std::string& ext) { return ext == ".html" || ext == ".htm" || ext == ".xhtml"; }

// Chooses a format from the extension, else from the first bytes.
SourceFormat DetectFormat(const fs::path& path, std::string_view head) {
  std::string ext = Lowercase(path.extension().string());
  if (IsJsonLinesExtension(ext)) return SourceFormat::kJsonLines;
  if (IsHtmlExtension(ext)) return SourceFormat::kHtml;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string start = Lowercase(std::string(head.substr(i, 64)));
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0) return SourceFormat::kHtml;
  if (ext != ".txt" && ext != ".text" && !start.empty() && start[0] == '{') return SourceFormat::kJsonLines;
  return SourceFormat::kCrawlText;
}

std::string ErrnoText(int error) { return std::strerror(error); }

class Walker {
 public:
  Walker(const ReaderOptions& options, const DocumentSink& on_document, const DiagnosticSink& on_diagnostic)
      : options_(options), on_document_(on_document), on_diagnostic_(on_diagnostic) {}

  void ReadPath(const std::string& path) {
    if (path == "-") {
      ReadJsonLines(stdin, "<stdin>");
      return;
    }
    struct stat info;
    if (::stat(path.c_str(), &info) != 0) {
      int error = errno;
      struct stat link_info;
      bool dangling = ::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode);
      Report(path, 0, ErrorCode::kNotFound,
             std::string(dangling ? "cannot read (broken link): " : "cannot read: ") + ErrnoText(error));
      return;
    }
    if (S_ISDIR(info.st_mode)) {
      ReadFolder(path, info);
    } else {
      ReadFile(path, info);
    }
  }

 private:
  void Report(const std::string& source, size_t line, ErrorCode code, std::string message,
              Severity severity = Severity::kError) {
    on_diagnostic_(Diagnostic{source, line, severity, code, std::move(message)});
  }

  void ReadFolder(const std::string& path, const struct stat& info) {
    auto key = std::make_pair(info.st_dev, info.st_ino);
    if (!visited_folders_.insert(key).second) {
      Report(path, 0, ErrorCode::kLoop, "directory loop: this folder was already read through another path; skipped");
      return;
    }
    std::error_code error;
    std::vector<std::string> children;
    for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') continue;  // hidden files and folders
      children.push_back(it->path().string());
    }
    if (error) {
      Report(path, 0, ErrorCode::kIoError, "cannot list folder: " + error.message());
      return;
    }
    std::sort(children.begin(), children.end());
    for (const std::string& child : children) ReadPath(child);
  }

  void ReadFile(const std::string& path, const struct stat& info) {
    if (!S_ISREG(info.st_mode)) {
      Report(path, 0, ErrorCode::kUnsupportedFormat, "not a regular file; skipped");
      return;
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      Report(path, 0, ErrorCode::kIoError, "cannot open: " + ErrnoText(errno));
      return;
    }
    char head_buffer[512];
    size_t head_size = std::fread(head_buffer, 1, sizeof head_buffer, file);
    if (std::ferror(file)) {
      Report(path, 0, ErrorCode::kIoError, "cannot read: " + ErrnoText(errno));
      std::fclose(file);
      return;
    }
    std::string_view head(head_buffer, head_size);
    if (info.st_size == 0) {
      std::fclose(file);
      Report(path, 0, ErrorCode::kEmptyInput, "empty file; skipped");
      return;
    }
    if (Status head_status = CheckText(head); head_status.code() == ErrorCode::kBinaryInput) {
      std::fclose(file);
      Report(path, 0, head_status.code(), head_status.message());
      return;
    }
    SourceFormat format = options_.format ? *options_.format : DetectFormat(path, head);
    std::rewind(file);
    if (format == SourceFormat::kJsonLines) {
      ReadJsonLines(file, path);
      std::fclose(file);
      return;
    }
    if (static_cast<size_t>(info.st_size) > options_.max_document_bytes) {
      std::fclose(file);
      Report(path, 0, ErrorCode::kTooLarge,
             "file of " + std::to_string(info.st_size) + " bytes exceeds the document limit of " +
                 std::to_string(options_.max_document_bytes) + " bytes (--max-bytes); skipped");
      return;
    }
    std::string bytes;
    bytes.resize(static_cast<size_t>(info.st_size));
    size_t got = std::fread(bytes.data(), 1, bytes.size(), file);
    bool failed = std::ferror(file) != 0;
    int error = errno;
    std::fclose(file);
    if (failed) {
      Report(path, 0, ErrorCode::kIoError, "cannot read: " + ErrnoText(error));
      return;
    }
    bytes.resize(got);
    Status text_status = CheckText(bytes);
    if (!text_status.ok()) {
      Report(path, 0, text_status.code(), text_status.message());
      return;
    }
    std::string repair = MakeValidUtf8(bytes);
    if (!repair.empty()) Report(path, 0, ErrorCode::kMalformedInput, repair, Severity::kWarning);
    std::string id = fs::path(path).stem().string();
    RepairUtf8(id);  // a file name may be any bytes; an id is text
    if (format == SourceFormat::kHtml) {
      Result<Document> document = ParseHtml(bytes, id, path);
      if (!document.ok()) {
        Report(path, 0, document.status().code(), document.status().message());
        return;
      }
      on_document_(std::move(document.value()));
      return;
    }
    on_document_(ParseCrawlText(std::move(bytes), id, path));
  }

  // Streams lines with a buffer bounded by the document limit; an over-long line is
  // skipped to its end and reported by number.
  void ReadJsonLines(std::FILE* file, const std::string& source) {
    std::string line;
    std::vector<char> chunk(1 << 16);
    size_t line_number = 1;
    bool skipping = false;
    size_t skipped_bytes = 0;
    auto finish_line = [&]() {
      if (skipping) {
        Report(source, line_number, ErrorCode::kTooLarge,
               "line of " + std::to_string(skipped_bytes) + " bytes exceeds the document limit of " +
                   std::to_string(options_.max_document_bytes) + " bytes (--max-bytes); skipped");
      } else {
        HandleJsonLine(line, source, line_number);
      }
      line.clear();
      skipping = false;
      skipped_bytes = 0;
      ++line_number;
    };
    while (true) {
      size_t got = std::fread(chunk.data(), 1, chunk.size(), file);
      if (got == 0) break;
      size_t pos = 0;
      while (pos < got) {
        const char* newline = static_cast<const char*>(std::memchr(chunk.data() + pos, '\n', got - pos));
        size_t piece_end = newline != nullptr ? static_cast<size_t>(newline - chunk.data()) : got;
        size_t piece = piece_end - pos;
        if (skipping) {
          skipped_bytes += piece;
        } else if (line.size() + piece > options_.max_document_bytes) {
          skipping = true;
          skipped_bytes = line.size() + piece;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(chunk.data() + pos, piece);
        }
        pos = piece_end;
        if (newline != nullptr) {
          finish_line();
          ++pos;
        }
      }
    }
    if (std::ferror(file)) {
      Report(source, line_number, ErrorCode::kIoError, "read error: " + ErrnoText(errno));
      return;
    }
    if (!line.empty() || skipping) finish_line();
  }

  void HandleJsonLine(std::string& line, const std::string& source, size_t line_number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool blank = std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
    if (blank) return;
    std::string repair = MakeValidUtf8(line);
    if (!repair.empty()) Report(source, line_number, ErrorCode::kMalformedInput, repair, Severity::kWarning);
    std::string where = source + ":" + std::to_string(line_number);
    std::string warning;
    Result<Document> document = ParseJsonRecord(line, where, &warning);
    if (!document.ok()) {
      Report(source, line_number, document.status().code(), document.status().message());
      return;
    }
    if (!warning.empty()) Report(source, line_number, ErrorCode::kMalformedInput, warning, Severity::kWarning);
    on_document_(std::move(document.value()));
  }

  const ReaderOptions& options_;
  const DocumentSink& on_document_;
  const DiagnosticSink& on_diagnostic_;
  std::set<std::pair<dev_t, ino_t>> visited_folders_;
};

}  // namespace

void ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options, const DocumentSink& on_document,
                const DiagnosticSink& on_diagnostic) {
  Walker walker(options, on_document, on_diagnostic);
  for (const std::string& path : paths) walker.ReadPath(path);
}

Document ParseCrawlText(std::string text, std::string id, std::string source) {
  // Header: optional spaces, "date", spaces, an ISO date, then a space or line end.
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  std::optional<DateTimeMatch> header_date;
  size_t header_end = 0;
  if (text.compare(i, 5, "date ") == 0) {
    size_t j = i + 5;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j + 10 <= text.size() && (j + 10 == text.size() || text[j + 10] == ' ' || text[j + 10] == '\n' ||
                                  text[j + 10] == '\r' || text[j + 10] == '\t')) {
      header_date = ParseTimestamp(std::string_view(text).substr(j, 10));
      if (header_date) {
        header_end = j + 10;
        while (header_end < text.size() && (text[header_end] == ' ' || text[header_end] == '\t')) ++header_end;
      }
    }
  }
  Document document(std::move(id), std::move(source), SourceFormat::kCrawlText, std::move(text));
  if (header_date) {
    document.boilerplate.push_back({Span{0, static_cast<uint32_t>(header_end)}, BoilerplateKind::kCrawlHeader});
    document.metadata.published = header_date->IsoDate();
    document.metadata.published_from = "crawl header";
  }
  return document;
}

}  // namespace casus::ingest
