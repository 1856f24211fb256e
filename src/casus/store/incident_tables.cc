// The incidents of the corpus (schema 7): written per story inside SaveCorpus's
// transaction (a story's incidents replace the ones stored before), read back for the
// export and `casus story`. Lists (sources, addresses, documents) are stored joined by
// U+001F, as source chains are.
#include <sqlite3.h>

#include "casus/store/sqlite_util.h"
#include "casus/store/store.h"

namespace casus {
namespace {

struct Finalize {
  sqlite3_stmt* statement;
  ~Finalize() { sqlite3_finalize(statement); }
};

constexpr const char* kIncidentColumns =
    "incident, story_id, event_date, date_precision, event_type, sub_event_type, acled, plover, mode, cameo, actor1, "
    "actor1_code, actor2, actor2_code, country, admin1, location, latitude, longitude, geo_precision, fatalities, "
    "fatalities_max, wounded, wounded_max, conflicting, sources, urls, articles, independent_sources, notes, docs";

void BindOptionalNumber(sqlite3_stmt* st, int index, const std::optional<int64_t>& value) {
  if (value) {
    sqlite3_bind_int64(st, index, *value);
  } else {
    sqlite3_bind_null(st, index);
  }
}

std::optional<int64_t> OptionalNumber(sqlite3_stmt* st, int index) {
  if (sqlite3_column_type(st, index) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(st, index);
}

}  // namespace

Status Store::WriteIncidents(const StoryRecord& story) {
  for (const char* sql : {"DELETE FROM incident_events WHERE incident IN (SELECT incident FROM incidents WHERE "
                          "story_id = ?)",
                          "DELETE FROM incidents WHERE story_id = ?"}) {
    Result<sqlite3_stmt*> st = PrepareOnce(sql);
    if (!st.ok()) return st.status();
    Finalize finalize{*st};
    sqlite3_bind_int64(*st, 1, story.id);
    if (sqlite3_step(*st) != SQLITE_DONE)
      return Error("cannot replace the incidents of story " + std::to_string(story.id));
  }
  const std::string sql = std::string("INSERT INTO incidents (") + kIncidentColumns +
                          ") VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  Result<sqlite3_stmt*> insert = PrepareOnce(sql.c_str());
  if (!insert.ok()) return insert.status();
  Finalize finalize_insert{*insert};
  Result<sqlite3_stmt*> link = PrepareOnce(
      "INSERT OR IGNORE INTO incident_events (incident, doc_key, seq) SELECT ?, doc_key, ? FROM documents WHERE id = "
      "?");
  if (!link.ok()) return link.status();
  Finalize finalize_link{*link};
  for (const IncidentRecord& r : story.incidents) {
    sqlite3_stmt* st = *insert;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, story.id);
    BindOptionalText(st, 2, r.event_date);
    BindOptionalText(st, 3, r.date_precision);
    BindOptionalText(st, 4, r.event_type);
    BindOptionalText(st, 5, r.sub_event_type);
    BindOptionalText(st, 6, r.acled);
    BindText(st, 7, r.plover);
    BindOptionalText(st, 8, r.mode);
    BindOptionalText(st, 9, r.cameo);
    BindOptionalText(st, 10, r.actor1);
    BindOptionalText(st, 11, r.actor1_code);
    BindOptionalText(st, 12, r.actor2);
    BindOptionalText(st, 13, r.actor2_code);
    BindOptionalText(st, 14, r.country);
    BindOptionalText(st, 15, r.admin1);
    BindOptionalText(st, 16, r.location);
    if (r.located) {
      sqlite3_bind_double(st, 17, r.latitude);
      sqlite3_bind_double(st, 18, r.longitude);
    } else {
      sqlite3_bind_null(st, 17);
      sqlite3_bind_null(st, 18);
    }
    if (r.geo_precision > 0) {
      sqlite3_bind_int(st, 19, r.geo_precision);
    } else {
      sqlite3_bind_null(st, 19);
    }
    BindOptionalNumber(st, 20, r.fatalities);
    BindOptionalNumber(st, 21, r.fatalities_max);
    BindOptionalNumber(st, 22, r.wounded);
    BindOptionalNumber(st, 23, r.wounded_max);
    sqlite3_bind_int(st, 24, r.conflicting ? 1 : 0);
    BindOptionalText(st, 25, JoinChain(r.sources));
    BindOptionalText(st, 26, JoinChain(r.urls));
    sqlite3_bind_int64(st, 27, r.articles);
    sqlite3_bind_int64(st, 28, r.independent_sources);
    BindOptionalText(st, 29, r.notes);
    BindOptionalText(st, 30, JoinChain(r.docs));
    if (sqlite3_step(st) != SQLITE_DONE) return Error("cannot write an incident of story " + std::to_string(story.id));
    const int64_t id = sqlite3_last_insert_rowid(db_);
    for (const auto& [doc, seq] : r.events) {
      sqlite3_reset(*link);
      sqlite3_bind_int64(*link, 1, id);
      sqlite3_bind_int64(*link, 2, seq);
      BindText(*link, 3, doc);
      if (sqlite3_step(*link) != SQLITE_DONE)
        return Error("cannot link an incident of story " + std::to_string(story.id));
    }
  }
  return Status::Ok();
}

Result<std::vector<IncidentRecord>> Store::Incidents(int64_t story_id) {
  const std::string sql = std::string("SELECT ") + kIncidentColumns + " FROM incidents" +
                          (story_id > 0 ? " WHERE story_id = ?" : "") + " ORDER BY incident";
  Result<sqlite3_stmt*> st = PrepareOnce(sql.c_str());
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  if (story_id > 0) sqlite3_bind_int64(*st, 1, story_id);
  std::vector<IncidentRecord> out;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
    IncidentRecord r;
    sqlite3_stmt* row = *st;
    r.id = sqlite3_column_int64(row, 0);
    r.story_id = sqlite3_column_int64(row, 1);
    r.event_date = Column(row, 2);
    r.date_precision = Column(row, 3);
    r.event_type = Column(row, 4);
    r.sub_event_type = Column(row, 5);
    r.acled = Column(row, 6);
    r.plover = Column(row, 7);
    r.mode = Column(row, 8);
    r.cameo = Column(row, 9);
    r.actor1 = Column(row, 10);
    r.actor1_code = Column(row, 11);
    r.actor2 = Column(row, 12);
    r.actor2_code = Column(row, 13);
    r.country = Column(row, 14);
    r.admin1 = Column(row, 15);
    r.location = Column(row, 16);
    r.located = sqlite3_column_type(row, 17) != SQLITE_NULL;
    r.latitude = sqlite3_column_double(row, 17);
    r.longitude = sqlite3_column_double(row, 18);
    r.geo_precision = sqlite3_column_int(row, 19);
    r.fatalities = OptionalNumber(row, 20);
    r.fatalities_max = OptionalNumber(row, 21);
    r.wounded = OptionalNumber(row, 22);
    r.wounded_max = OptionalNumber(row, 23);
    r.conflicting = sqlite3_column_int(row, 24) != 0;
    r.sources = SplitChain(Column(row, 25));
    r.urls = SplitChain(Column(row, 26));
    r.articles = sqlite3_column_int64(row, 27);
    r.independent_sources = sqlite3_column_int64(row, 28);
    r.notes = Column(row, 29);
    r.docs = SplitChain(Column(row, 30));
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error("cannot read incidents");
  return out;
}

Result<std::map<std::pair<std::string, int64_t>, int64_t>> Store::EventIncidents() {
  Result<sqlite3_stmt*> st =
      PrepareOnce("SELECT d.id, x.seq, x.incident FROM incident_events x JOIN documents d USING (doc_key)");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::map<std::pair<std::string, int64_t>, int64_t> out;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
    out[{Column(*st, 0), sqlite3_column_int64(*st, 1)}] = sqlite3_column_int64(*st, 2);
  }
  if (rc != SQLITE_DONE) return Error("cannot read the incidents of events");
  return out;
}

Result<std::unordered_map<std::string, int64_t>> Store::DocumentStories() {
  Result<sqlite3_stmt*> st =
      PrepareOnce("SELECT d.id, m.story_id FROM story_members m JOIN documents d USING (doc_key)");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::unordered_map<std::string, int64_t> out;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) out[Column(*st, 0)] = sqlite3_column_int64(*st, 1);
  if (rc != SQLITE_DONE) return Error("cannot read the stories of documents");
  return out;
}

}  // namespace casus
