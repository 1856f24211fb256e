// Table exports. Each table is a list of columns with a function that yields the rows
// of one document; the writers turn rows into JSON objects or CSV lines.
#include "casus/store/export.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <unordered_map>

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

// What a document's rows may need from the corpus: each document's story and each
// event's incident (filled only for the tables that ask).
struct ExportContext {
  std::unordered_map<std::string, int64_t> stories;
  std::map<std::pair<std::string, int64_t>, int64_t> incidents;
};

struct Table {
  std::vector<std::string> columns;
  std::function<void(const Document&, const ExportContext&, std::vector<std::vector<Cell>>*)> rows;
  bool needs_corpus = false;
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
      [](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
        const Metadata& m = d.metadata;
        rows->push_back({Text(d.id()), Text(m.title), Text(m.published), Text(m.published_time), Text(m.published_zone),
                         Text(m.publisher), Text(m.author), Text(m.dateline), Text(m.url), Text(d.source()),
                         Text(SourceFormatName(d.format())), Number(static_cast<int64_t>(d.sentences.size())),
                         BoilerplateCell(d), PostsCell(d)});
      }};
  static const Table kSentences{
      {"doc", "position", "begin", "end", "paragraph", "headline", "text"},
      [](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
        for (size_t i = 0; i < d.sentences.size(); ++i) {
          const Sentence& s = d.sentences[i];
          rows->push_back({Text(d.id()), Number(static_cast<int64_t>(i)), Number(s.span.begin), Number(s.span.end),
                           Number(s.paragraph), Number(s.headline ? 1 : 0), Text(std::string(d.Text(s.span)))});
        }
      }};
  static const Table kBoilerplate{
      {"doc", "begin", "end", "kind", "text"},
      [](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
        for (const BoilerplateSpan& b : d.boilerplate) {
          rows->push_back({Text(d.id()), Number(b.span.begin), Number(b.span.end), Text(BoilerplateKindName(b.kind)),
                           Text(std::string(d.Text(b.span)))});
        }
      }};
  static const Table kDates{{"doc", "text", "begin", "end", "type", "value", "anchor", "role", "sentence"},
                            [](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
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
       "hedge", "cumulative", "background", "part_of", "group"},
      [](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
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
          row.push_back(Number(c.background ? 1 : 0));
          // The larger figure, by its begin offset (claims are keyed by document and begin).
          const bool part = c.part_of >= 0 && static_cast<size_t>(c.part_of) < d.casualties.size();
          row.push_back(part ? Number(d.casualties[c.part_of].span.begin) : Cell{});
          row.push_back(Text(CasualtyGroupName(c.group)));
          rows->push_back(std::move(row));
        }
      }};
  static const Table kQuotes{
      {"doc", "begin", "end", "text", "speaker", "kind", "source_chain"},
      [](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
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
  static const Table kEntities{
      kEntityColumns, [entity_row](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
        for (const EntityMention& e : d.entities) rows->push_back(entity_row(d, e));
      }};
  static const Table kPlaces{
      kEntityColumns, [entity_row](const Document& d, const ExportContext&, std::vector<std::vector<Cell>>* rows) {
        for (const EntityMention& e : d.entities) {
          if (e.kind == EntityKind::kPlace || e.kind == EntityKind::kCountry) {
            rows->push_back(entity_row(d, e));
          }
        }
      }};
  // Events: one row per event mention, its participants' names and codes as lists.
  static const Table kEvents{
      {"doc",          "seq",    "begin",       "end",        "trigger",        "plover",
       "mode",         "cameo",  "acled",       "event_type", "sub_event_type", "actor",
       "actor_code",   "target", "target_code", "date",       "date_precision", "time",
       "place",        "lat",    "lon",         "country",    "killed",         "wounded",
       "source_chain", "hedge",  "modality",    "governor",   "story",          "incident",
       "evidence"},
      [](const Document& d, const ExportContext& context, std::vector<std::vector<Cell>>* rows) {
        auto story = context.stories.find(d.id());
        for (size_t i = 0; i < d.events.size(); ++i) {
          const EventMention& e = d.events[i];
          std::vector<std::string> actors, actor_codes, targets, target_codes;
          for (const EventParticipant& p : e.actors) {
            actors.push_back(ParticipantName(d, p));
            actor_codes.push_back(ParticipantCode(d, p));
          }
          for (const EventParticipant& p : e.targets) {
            targets.push_back(ParticipantName(d, p));
            target_codes.push_back(ParticipantCode(d, p));
          }
          const EntityMention* place =
              e.place >= 0 && static_cast<size_t>(e.place) < d.entities.size() ? &d.entities[e.place] : nullptr;
          auto coordinate = [&](double value) {
            if (place == nullptr || !place->located) return Cell{};
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.4f", value);
            return Cell{Cell::Kind::kNumber, buffer, ""};
          };
          const CasualtyClaim* claim = e.casualty >= 0 && static_cast<size_t>(e.casualty) < d.casualties.size()
                                           ? &d.casualties[e.casualty]
                                           : nullptr;
          auto count = [&](const CasualtyCount CasualtyClaim::*role) {
            if (claim == nullptr || !(claim->*role).present) return Cell{};
            return (claim->*role).vague.empty() ? Number((claim->*role).value) : Text((claim->*role).vague);
          };
          auto incident = context.incidents.find({d.id(), static_cast<int64_t>(i)});
          rows->push_back({Text(d.id()),
                           Number(static_cast<int64_t>(i)),
                           Number(e.trigger.begin),
                           Number(e.trigger.end),
                           Text(std::string(d.Text(e.trigger))),
                           Text(e.plover),
                           Text(e.mode),
                           Text(e.cameo),
                           Text(e.acled),
                           Text(e.acled_type),
                           Text(e.acled_subtype),
                           ListCell(actors, "; "),
                           ListCell(actor_codes, "; "),
                           ListCell(targets, "; "),
                           ListCell(target_codes, "; "),
                           Text(e.date),
                           Text(e.date_precision),
                           e.time >= 0 && static_cast<size_t>(e.time) < d.time_expressions.size()
                               ? Text(std::string(d.Text(d.time_expressions[e.time].span)))
                               : Cell{},
                           place != nullptr ? Text(place->canonical) : Cell{},
                           coordinate(place != nullptr ? place->lat : 0),
                           coordinate(place != nullptr ? place->lon : 0),
                           place != nullptr ? Text(place->country) : Cell{},
                           count(&CasualtyClaim::killed),
                           count(&CasualtyClaim::wounded),
                           ListCell(e.source_chain),
                           Text(e.hedge),
                           Text(EventModalityName(e.modality)),
                           e.governor >= 0 ? Number(e.governor) : Cell{},
                           story != context.stories.end() ? Number(story->second) : Cell{},
                           incident != context.incidents.end() ? Number(incident->second) : Cell{},
                           Text(std::string(d.Text(e.evidence)))});
        }
      },
      true};
  if (name == "events") return &kEvents;
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
  static const std::vector<std::string> kNames = {"documents",  "sentences",  "boilerplate", "dates",
                                                  "casualties", "quotes",     "entities",    "places",
                                                  "events",     "duplicates", "stories",     "incidents"};
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
  static const CorpusTable kIncidents{{"incident",
                                       "story",
                                       "event_date",
                                       "date_precision",
                                       "event_type",
                                       "sub_event_type",
                                       "acled",
                                       "plover",
                                       "mode",
                                       "cameo",
                                       "actor1",
                                       "actor1_code",
                                       "actor2",
                                       "actor2_code",
                                       "country",
                                       "admin1",
                                       "location",
                                       "latitude",
                                       "longitude",
                                       "geo_precision",
                                       "fatalities",
                                       "fatalities_max",
                                       "wounded",
                                       "wounded_max",
                                       "conflicting",
                                       "sources",
                                       "urls",
                                       "articles",
                                       "independent_sources",
                                       "notes",
                                       "docs"},
                                      [](Store& store, std::vector<std::vector<Cell>>* rows) {
                                        Result<std::vector<IncidentRecord>> incidents = store.Incidents();
                                        if (!incidents.ok()) return incidents.status();
                                        for (const IncidentRecord& r : *incidents) {
                                          auto coordinate = [&](double value) {
                                            if (!r.located) return Cell{};
                                            char buffer[32];
                                            std::snprintf(buffer, sizeof buffer, "%.4f", value);
                                            return Cell{Cell::Kind::kNumber, buffer, ""};
                                          };
                                          auto optional = [](const std::optional<int64_t>& value) {
                                            return value ? Number(*value) : Cell{};
                                          };
                                          rows->push_back({Number(r.id),
                                                           Number(r.story_id),
                                                           Text(r.event_date),
                                                           Text(r.date_precision),
                                                           Text(r.event_type),
                                                           Text(r.sub_event_type),
                                                           Text(r.acled),
                                                           Text(r.plover),
                                                           Text(r.mode),
                                                           Text(r.cameo),
                                                           Text(r.actor1),
                                                           Text(r.actor1_code),
                                                           Text(r.actor2),
                                                           Text(r.actor2_code),
                                                           Text(r.country),
                                                           Text(r.admin1),
                                                           Text(r.location),
                                                           coordinate(r.latitude),
                                                           coordinate(r.longitude),
                                                           r.geo_precision > 0 ? Number(r.geo_precision) : Cell{},
                                                           optional(r.fatalities),
                                                           optional(r.fatalities_max),
                                                           optional(r.wounded),
                                                           optional(r.wounded_max),
                                                           Number(r.conflicting ? 1 : 0),
                                                           ListCell(r.sources, "; "),
                                                           ListCell(r.urls, "; "),
                                                           Number(r.articles),
                                                           Number(r.independent_sources),
                                                           Text(r.notes),
                                                           ListCell(r.docs, "; ")});
                                        }
                                        return Status::Ok();
                                      }};
  if (name == "incidents") return &kIncidents;
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
    if (columns[i] == "lat" || columns[i] == "latitude") lat = static_cast<int>(i);
    if (columns[i] == "lon" || columns[i] == "longitude") lon = static_cast<int>(i);
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
  auto has_coordinates = [](const std::vector<std::string>& columns) {
    return std::find(columns.begin(), columns.end(), "lat") != columns.end() ||
           std::find(columns.begin(), columns.end(), "latitude") != columns.end();
  };
  const char* kNoCoordinates = "' has no coordinates: GeoJSON is for the places, entities, events and incidents tables";
  if (const CorpusTable* corpus_table = FindCorpusTable(table_name)) {
    const bool geojson = format == ExportFormat::kGeoJson;
    if (geojson && !has_coordinates(corpus_table->columns)) {
      return Status(ErrorCode::kInvalidArgument, "table '" + table_name + kNoCoordinates);
    }
    std::vector<std::vector<Cell>> rows;
    CASUS_RETURN_IF_ERROR(corpus_table->rows(store, &rows));
    WriteHeader(corpus_table->columns, format, out);
    if (geojson) out << "{\"type\":\"FeatureCollection\",\"features\":[\n";
    std::string line;
    bool first_feature = true;
    for (const std::vector<Cell>& row : rows) {
      if (geojson) {
        if (!WriteFeature(corpus_table->columns, row, &line)) continue;
        out << (first_feature ? "" : ",\n") << line;
        first_feature = false;
      } else {
        WriteRow(corpus_table->columns, row, format, &line);
        out << line;
      }
    }
    if (geojson) out << "\n]}\n";
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
  if (geojson && !has_coordinates(table->columns)) {
    return Status(ErrorCode::kInvalidArgument, "table '" + table_name + kNoCoordinates);
  }
  ExportContext context;
  if (table->needs_corpus) {
    Result<std::unordered_map<std::string, int64_t>> stories = store.DocumentStories();
    if (!stories.ok()) return stories.status();
    context.stories = std::move(stories.value());
    Result<std::map<std::pair<std::string, int64_t>, int64_t>> incidents = store.EventIncidents();
    if (!incidents.ok()) return incidents.status();
    context.incidents = std::move(incidents.value());
  }
  WriteHeader(table->columns, format, out);
  if (geojson) out << "{\"type\":\"FeatureCollection\",\"features\":[\n";
  std::string line;
  std::vector<std::vector<Cell>> rows;
  bool first_feature = true;
  Status status = store.ForEach([&](const Document& document) {
    rows.clear();
    table->rows(document, context, &rows);
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
