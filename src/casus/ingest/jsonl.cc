// One JSON Lines record to a Document, with simdjson's DOM parser (which validates the
// whole line). Each line is parsed on its own, so a bad line spoils only itself.
// Fields: text (required), id, title, url, published, source, author; unknown fields
// are ignored; a known field of the wrong type is an error naming the field.
#include <simdjson.h>

#include <cctype>

#include "casus/core/calendar.h"
#include "casus/core/hash.h"
#include "casus/ingest/reader.h"

namespace casus::ingest {
namespace {

// Reads an optional string field (`id` may also be a number).
Status ReadStringField(const simdjson::dom::object& object, std::string_view name, std::string* out) {
  simdjson::dom::element value;
  if (object.at_key(name).get(value) != simdjson::SUCCESS) return Status::Ok();
  if (value.is_null()) return Status::Ok();
  if (name == "id" && (value.is_int64() || value.is_uint64())) {
    *out = value.is_int64() ? std::to_string(int64_t(value)) : std::to_string(uint64_t(value));
    return Status::Ok();
  }
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return Status(ErrorCode::kMalformedInput, "field '" + std::string(name) + "' must be a string");
  }
  *out = std::string(text);
  return Status::Ok();
}

// `line` with every number outside a string written as a string ("views": 1e400 ->
// "views": "1e400"), for a second parse when the first stopped at a number no 64-bit
// type holds. casus reads no number field but `id`, whose digits it keeps as text.
std::string QuoteNumbers(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 16);
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < line.size()) {
        out.push_back(line[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < line.size() && (std::isdigit(static_cast<unsigned char>(line[end])) || line[end] == '-' ||
                                   line[end] == '+' || line[end] == '.' || line[end] == 'e' || line[end] == 'E')) {
        ++end;
      }
      out.push_back('"');
      out.append(line.substr(i, end - i));
      out.push_back('"');
      i = end - 1;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

Result<Document> ParseJsonRecord(std::string_view line, std::string_view source, std::string* warning) {
  // One parser per thread: it keeps its buffers from line to line.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  std::string quoted;  // the line again, its numbers quoted, when one was out of range
  auto error = parser.parse(line.data(), line.size()).get(root);
  if (error == simdjson::NUMBER_ERROR || error == simdjson::NUMBER_OUT_OF_RANGE) {
    quoted = QuoteNumbers(line);
    error = parser.parse(quoted.data(), quoted.size()).get(root);
  }
  if (error) {
    return Status(ErrorCode::kMalformedInput, std::string("malformed JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status(ErrorCode::kMalformedInput, "malformed JSON record: expected an object");
  }
  if (object.at_key("text").error() != simdjson::SUCCESS) {
    return Status(ErrorCode::kMalformedInput, "missing required field 'text'");
  }
  std::string text, id, title, url, published, publisher, author;
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "text", &text));
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "id", &id));
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "title", &title));
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "url", &url));
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "published", &published));
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "source", &publisher));
  CASUS_RETURN_IF_ERROR(ReadStringField(object, "author", &author));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status(ErrorCode::kEmptyInput, "field 'text' is empty; skipped");
  }
  if (text.find('\0') != std::string::npos) {
    return Status(ErrorCode::kBinaryInput, "field 'text' holds NUL characters; skipped");
  }
  if (id.empty()) id = HashHex(text);
  Document document(std::move(id), std::string(source), SourceFormat::kJsonLines, std::move(text));
  Metadata& metadata = document.metadata;
  metadata.title = std::move(title);
  metadata.url = std::move(url);
  metadata.publisher = std::move(publisher);
  metadata.author = std::move(author);
  if (!published.empty()) {
    std::optional<DateTimeMatch> date = ParseTimestamp(published);
    if (!date) date = MatchDateTime(published);
    if (date) {
      metadata.published = date->IsoDate();
      metadata.published_time = date->IsoTime();
      metadata.published_zone = date->zone;
      metadata.published_from = "json field";
    } else if (warning != nullptr) {
      std::string shown = published.size() > 60 ? published.substr(0, 60) + "..." : published;
      *warning = "field 'published' holds no date casus can read ('" + shown +
                 "'); the article is dated from its text, if at all";
    }
  }
  return document;
}

}  // namespace casus::ingest
