// Table exports. Each table is a list of columns with a function that yields the rows
// of one document; the writers turn rows into JSON objects or CSV lines.
#include "casus/store/export.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "casus/core/utf8.h"

namespace casus {
namespace {

// A cell is text, an integer, or nested JSON (written raw in JSON Lines, as its
// plain-text summary in CSV).
struct Cell {
  enum class Kind { kText, kNumber, kNull, kJson } kind = Kind::kNull;
  std::string value;  // text, digits, or raw JSON
  std::string csv;    // for kJson: the CSV rendering
};

Cell Text(std::string value) {
  if (value.empty()) return Cell{};
  return Cell{Cell::Kind::kText, std::move(value), ""};
}
Cell Number(int64_t value) { return Cell{Cell::Kind::kNumber, std::to_string(value), ""}; }

struct Table {
  std::vector<std::string> columns;
  std::function<void(const Document&, std::vector<std::vector<Cell>>*)> rows;
};

Cell BoilerplateCell(const Document& document) {
  Cell cell;
  cell.kind = Cell::Kind::kJson;
  cell.value = "[";
  for (size_t i = 0; i < document.boilerplate.size(); ++i) {
    const BoilerplateSpan& b = document.boilerplate[i];
    if (i > 0) {
      cell.value += ',';
      cell.csv += " | ";
    }
    std::string_view text = document.Text(b.span);
    cell.value += "{\"kind\":\"";
    cell.value += BoilerplateKindName(b.kind);
    cell.value +=
        "\",\"begin\":" + std::to_string(b.span.begin) + ",\"end\":" + std::to_string(b.span.end) + ",\"text\":";
    AppendJsonString(text, &cell.value);
    cell.value += '}';
    cell.csv += BoilerplateKindName(b.kind);
    cell.csv += ": ";
    cell.csv += text;
  }
  cell.value += ']';
  return cell;
}

Cell PostsCell(const Document& document) {
  Cell cell;
  cell.kind = Cell::Kind::kJson;
  cell.value = "[";
  for (size_t i = 0; i < document.embedded_posts.size(); ++i) {
    const EmbeddedPost& post = document.embedded_posts[i];
    if (i > 0) {
      cell.value += ',';
      cell.csv += " | ";
    }
    cell.value += "{\"platform\":";
    AppendJsonString(post.platform, &cell.value);
    cell.value += ",\"author\":";
    AppendJsonString(post.author, &cell.value);
    cell.value += ",\"handle\":";
    AppendJsonString(post.handle, &cell.value);
    cell.value += ",\"date\":";
    AppendJsonString(post.date, &cell.value);
    cell.value += '}';
    cell.csv += post.author + " (" + post.handle + ") " + post.date;
  }
  cell.value += ']';
  return cell;
}

// A list of strings: a JSON array, or its members joined by `separator` in CSV (" <- "
// for a source chain, "; " for a plain list).
Cell ListCell(const std::vector<std::string>& items, const char* separator = " <- ") {
  Cell cell;
  cell.kind = Cell::Kind::kJson;
  cell.value = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      cell.value += ',';
      cell.csv += separator;
    }
    AppendJsonString(items[i], &cell.value);
    cell.csv += items[i];
  }
  cell.value += ']';
  return cell;
}

const Table* FindTable(const std::string& name) {
  static const Table kDocuments{
      {"id", "title", "published", "published_time", "published_zone", "publisher", "author", "dateline", "url",
       "source", "format", "sentences", "boilerplate", "embedded_posts"},
      [](const Document& d, std::vector<std::vector<Cell>>* rows) {
        const Metadata& m = d.metadata;
        rows->push_back({Text(d.id()), Text(m.title), Text(m.published), Text(m.published_time), Text(m.published_zone),
                         Text(m.publisher), Text(m.author), Text(m.dateline), Text(m.url), Text(d.source()),
                         Text(SourceFormatName(d.format())), Number(static_cast<int64_t>(d.sentences.size())),
                         BoilerplateCell(d), PostsCell(d)});
      }};
  static const Table kSentences{
      {"doc", "position", "begin", "end", "paragraph", "headline", "text"},
      [](const Document& d, std::vector<std::vector<Cell>>* rows) {
        for (size_t i = 0; i < d.sentences.size(); ++i) {
          const Sentence& s = d.sentences[i];
          rows->push_back({Text(d.id()), Number(static_cast<int64_t>(i)), Number(s.span.begin), Number(s.span.end),
                           Number(s.paragraph), Number(s.headline ? 1 : 0), Text(std::string(d.Text(s.span)))});
        }
      }};
  static const Table kBoilerplate{
      {"doc", "begin", "end", "kind", "text"}, [](const Document& d, std::vector<std::vector<Cell>>* rows) {
        for (const BoilerplateSpan& b : d.boilerplate) {
          rows->push_back({Text(d.id()), Number(b.span.begin), Number(b.span.end), Text(BoilerplateKindName(b.kind)),
                           Text(std::string(d.Text(b.span)))});
        }
      }};
  static const Table kDates{{"doc", "text", "begin", "end", "type", "value", "anchor", "role", "sentence"},
                            [](const Document& d, std::vector<std::vector<Cell>>* rows) {
                              for (const TimeExpression& t : d.time_expressions) {
                                std::string sentence;
                                for (const Sentence& s : d.sentences) {
                                  if (s.span.Contains(t.span)) sentence = std::string(d.Text(s.span));
                                }
                                rows->push_back({Text(d.id()), Text(std::string(d.Text(t.span))), Number(t.span.begin),
                                                 Number(t.span.end), Text(TimexTypeName(t.type)), Text(t.value),
                                                 Text(t.anchor), Text(TimeRoleName(t)), Text(sentence)});
                              }
                            }};
  static const Table kCasualties{
      {"doc", "begin", "end", "evidence", "killed", "killed_qualifier", "wounded", "wounded_qualifier", "missing",
       "missing_qualifier", "detained", "detained_qualifier", "victims", "where", "when", "cause", "source_chain",
       "hedge", "cumulative"},
      [](const Document& d, std::vector<std::vector<Cell>>* rows) {
        for (const CasualtyClaim& c : d.casualties) {
          std::vector<Cell> row = {Text(d.id()), Number(c.span.begin), Number(c.span.end),
                                   Text(std::string(d.Text(c.evidence)))};
          for (const CasualtyCount* count : {&c.killed, &c.wounded, &c.missing, &c.detained}) {
            if (!count->present) {
              row.push_back(Cell{});
              row.push_back(Cell{});
            } else {
              row.push_back(count->vague.empty() ? Number(count->value) : Text(count->vague));
              row.push_back(Text(CountQualifierName(count->qualifier)));
            }
          }
          row.push_back(Text(c.victims));
          row.push_back(Text(c.where));
          row.push_back(Text(c.when));
          row.push_back(Text(c.cause));
          row.push_back(ListCell(c.source_chain));
          row.push_back(Text(c.hedge));
          row.push_back(Number(c.cumulative ? 1 : 0));
          rows->push_back(std::move(row));
        }
      }};
  static const Table kQuotes{
      {"doc", "begin", "end", "text", "speaker", "kind", "source_chain"},
      [](const Document& d, std::vector<std::vector<Cell>>* rows) {
        for (const Quote& q : d.quotes) {
          rows->push_back({Text(d.id()), Number(q.span.begin), Number(q.span.end), Text(std::string(d.Text(q.span))),
                           Text(q.speaker), Text(QuoteKindName(q.kind)), ListCell(q.chain)});
        }
      }};
  // Entities and, apart, the places (and countries) among them: the rows a map shows.
  auto entity_row = [](const Document& d, const EntityMention& e) {
    auto coordinate = [&](double value) {
      if (!e.located) return Cell{};
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.4f", value);
      return Cell{Cell::Kind::kNumber, buffer, ""};
    };
    return std::vector<Cell>{Text(d.id()),
                             Text(std::string(d.Text(e.span))),
                             Number(e.span.begin),
                             Number(e.span.end),
                             Text(EntityKindName(e.kind)),
                             Text(e.canonical),
                             Text(e.country),
                             Text(e.sector),
                             Text(e.ActorCode()),
                             Text(e.role),
                             coordinate(e.lat),
                             coordinate(e.lon),
                             Text(e.place_id),
                             e.refers_to >= 0 ? Number(e.refers_to) : Cell{},
                             Number(e.metonym ? 1 : 0),
                             Number(e.in_boilerplate ? 1 : 0)};
  };
  static const std::vector<std::string> kEntityColumns = {
      "doc",   "text", "begin", "end", "kind",     "canonical", "country", "sector",
      "actor", "role", "lat",   "lon", "place_id", "refers_to", "metonym", "in_boilerplate"};
  static const Table kEntities{kEntityColumns, [entity_row](const Document& d, std::vector<std::vector<Cell>>* rows) {
                                 for (const EntityMention& e : d.entities) rows->push_back(entity_row(d, e));
                               }};
  static const Table kPlaces{kEntityColumns, [entity_row](const Document& d, std::vector<std::vector<Cell>>* rows) {
                               for (const EntityMention& e : d.entities) {
                                 if (e.kind == EntityKind::kPlace || e.kind == EntityKind::kCountry) {
                                   rows->push_back(entity_row(d, e));
                                 }
                               }
                             }};
  if (name == "entities") return &kEntities;
  if (name == "places") return &kPlaces;
  if (name == "casualties") return &kCasualties;
  if (name == "quotes") return &kQuotes;
  if (name == "documents") return &kDocuments;
  if (name == "dates") return &kDates;
  if (name == "sentences") return &kSentences;
  if (name == "boilerplate") return &kBoilerplate;
  return nullptr;
}

}  // namespace

const std::vector<std::string>& ExportTables() {
  static const std::vector<std::string> kNames = {"documents", "sentences", "boilerplate", "dates",      "casualties",
                                                  "quotes",    "entities",  "places",      "duplicates", "stories"};
  return kNames;
}

void AppendJsonString(std::string_view value, std::string* out) {
  // Text in the store is valid UTF-8, but an id or a path may not be: repaired here, so
  // every export parses as UTF-8 JSON.
  std::string repaired;
  if (FindInvalidUtf8(value) != std::string_view::npos) {
    repaired = std::string(value);
    RepairUtf8(repaired);
    value = repaired;
  }
  out->push_back('"');
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        // Controls (C0, DEL, and the C1 range U+0080..U+009F, written C2 80..C2 9F) as
        // escapes: a terminal showing the export reads none of them.
        const bool c1 = byte == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) <= 0x9F;
        if (byte < 0x20 || byte == 0x7F || c1) {
          const unsigned code = c1 ? static_cast<unsigned char>(value[++i]) : byte;
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", code);
          *out += buffer;
        } else {
          out->push_back(c);
        }
      }
    }
  }
  out->push_back('"');
}

void AppendCsvField(std::string_view value, std::string* out) {
  std::string repaired;
  if (FindInvalidUtf8(value) != std::string_view::npos) {
    repaired = std::string(value);
    RepairUtf8(repaired);
    value = repaired;
  }
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out->append(value);
    return;
  }
  out->push_back('"');
  for (char c : value) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

namespace {

// Tables of the corpus layer: rows come from whole-store queries, not document by document.
struct CorpusTable {
  std::vector<std::string> columns;
  std::function<Status(Store&, std::vector<std::vector<Cell>>*)> rows;
};

const CorpusTable* FindCorpusTable(const std::string& name) {
  static const CorpusTable kDuplicates{
      {"doc", "duplicate_of", "similarity", "exact"}, [](Store& store, std::vector<std::vector<Cell>>* rows) {
        Result<std::vector<DuplicateRecord>> records = store.Duplicates();
        if (!records.ok()) return records.status();
        for (const DuplicateRecord& r : *records) {
          char similarity[16];
          std::snprintf(similarity, sizeof similarity, "%.3f", r.similarity);
          rows->push_back(
              {Text(r.id), Text(r.duplicate_of), Cell{Cell::Kind::kNumber, similarity, ""}, Number(r.exact ? 1 : 0)});
        }
        return Status::Ok();
      }};
  static const CorpusTable kStories{
      {"id", "label", "first", "last", "published_first", "published_last", "articles", "independent", "docs", "places",
       "terms", "killed", "wounded", "conflicting"},
      [](Store& store, std::vector<std::vector<Cell>>* rows) {
        Result<std::vector<StoryRecord>> stories = store.Stories();
        if (!stories.ok()) return stories.status();
        for (const StoryRecord& s : *stories) {
          Result<std::vector<std::string>> members = store.StoryMembers(s.id);
          if (!members.ok()) return members.status();
          rows->push_back({Number(s.id), Text(s.label), Text(s.first), Text(s.last), Text(s.published_first),
                           Text(s.published_last), Number(s.articles), Number(s.independent), ListCell(*members, "; "),
                           Text(s.places), Text(s.terms), Text(s.killed), Text(s.wounded),
                           Number(s.conflicting ? 1 : 0)});
        }
        return Status::Ok();
      }};
  if (name == "duplicates") return &kDuplicates;
  if (name == "stories") return &kStories;
  return nullptr;
}

// "name":value, the value as its cell's kind asks.
void AppendJsonMember(const std::string& name, const Cell& cell, std::string* line) {
  AppendJsonString(name, line);
  *line += ':';
  switch (cell.kind) {
    case Cell::Kind::kText: AppendJsonString(cell.value, line); break;
    case Cell::Kind::kNumber:
    case Cell::Kind::kJson: *line += cell.value; break;
    case Cell::Kind::kNull: *line += "null"; break;
  }
}

void WriteRow(const std::vector<std::string>& columns, const std::vector<Cell>& row, ExportFormat format,
              std::string* line) {
  line->clear();
  if (format == ExportFormat::kJsonLines) {
    *line += '{';
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) *line += ',';
      AppendJsonMember(columns[i], row[i], line);
    }
    *line += "}\n";
  } else {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) *line += ',';
      AppendCsvField(row[i].kind == Cell::Kind::kJson ? row[i].csv : row[i].value, line);
    }
    *line += "\r\n";
  }
}

// One GeoJSON Feature (the row's lat and lon as its point); false when the row has none.
bool WriteFeature(const std::vector<std::string>& columns, const std::vector<Cell>& row, std::string* line) {
  int lat = -1, lon = -1;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == "lat") lat = static_cast<int>(i);
    if (columns[i] == "lon") lon = static_cast<int>(i);
  }
  if (lat < 0 || lon < 0 || row[lat].kind != Cell::Kind::kNumber || row[lon].kind != Cell::Kind::kNumber) return false;
  *line = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + row[lon].value + "," +
          row[lat].value + "]},\"properties\":{";
  bool first = true;
  for (size_t i = 0; i < row.size(); ++i) {
    if (static_cast<int>(i) == lat || static_cast<int>(i) == lon) continue;
    if (!first) *line += ',';
    first = false;
    AppendJsonMember(columns[i], row[i], line);
  }
  *line += "}}";
  return true;
}

void WriteHeader(const std::vector<std::string>& columns, ExportFormat format, std::ostream& out) {
  if (format != ExportFormat::kCsv) return;
  std::string line;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) line += ',';
    AppendCsvField(columns[i], &line);
  }
  line += "\r\n";
  out << line;
}

}  // namespace

Status ExportTable(Store& store, const std::string& table_name, ExportFormat format, std::ostream& out) {
  if (const CorpusTable* corpus_table = FindCorpusTable(table_name)) {
    if (format == ExportFormat::kGeoJson) {
      return Status(ErrorCode::kInvalidArgument,
                    "table '" + table_name + "' has no coordinates: GeoJSON is for the places and entities tables");
    }
    std::vector<std::vector<Cell>> rows;
    CASUS_RETURN_IF_ERROR(corpus_table->rows(store, &rows));
    WriteHeader(corpus_table->columns, format, out);
    std::string line;
    for (const std::vector<Cell>& row : rows) {
      WriteRow(corpus_table->columns, row, format, &line);
      out << line;
    }
    if (!out) return Status(ErrorCode::kIoError, "cannot write the export");
    return Status::Ok();
  }
  const Table* table = FindTable(table_name);
  if (table == nullptr) {
    std::string known;
    for (const std::string& name : ExportTables()) known += (known.empty() ? "" : ", ") + name;
    return Status(ErrorCode::kInvalidArgument, "unknown table '" + table_name + "' (known: " + known + ")");
  }
  const bool geojson = format == ExportFormat::kGeoJson;
  if (geojson && std::find(table->columns.begin(), table->columns.end(), "lat") == table->columns.end()) {
    return Status(ErrorCode::kInvalidArgument, "table '" + table_name +
                                                   "' has no coordinates: GeoJSON is for the "
                                                   "places and entities tables");
  }
  WriteHeader(table->columns, format, out);
  if (geojson) out << "{\"type\":\"FeatureCollection\",\"features\":[\n";
  std::string line;
  std::vector<std::vector<Cell>> rows;
  bool first_feature = true;
  Status status = store.ForEach([&](const Document& document) {
    rows.clear();
    table->rows(document, &rows);
    for (const std::vector<Cell>& row : rows) {
      if (geojson) {
        if (!WriteFeature(table->columns, row, &line)) continue;
        out << (first_feature ? "" : ",\n") << line;
        first_feature = false;
      } else {
        WriteRow(table->columns, row, format, &line);
        out << line;
      }
    }
    return static_cast<bool>(out);
  });
  if (!status.ok()) return status;
  if (geojson) out << "\n]}\n";
  if (!out) return Status(ErrorCode::kIoError, "cannot write the export");
  return Status::Ok();
}

}  // namespace casus
