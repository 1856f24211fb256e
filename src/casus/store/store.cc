// The SQLite store: schema and migrations, prepared statements, one transaction per
// document, FTS5 search. Integer keys (documents.doc_key) join the layer tables;
// layer tables are WITHOUT ROWID, keyed by (doc_key, position), so a document's rows
// sit together on disk and are read back in order. Dense layers always read whole
// with their document (sentences, boilerplate) are packed as varints into columns of
// documents (see EncodeSentences): every page a commit touches is written to the WAL,
// and a row per sentence cost a third of ingest time, a row per boilerplate span a
// fifth. Sparse layers that are queried on their own keep tables.
//
// The full-text index is written in batches: FTS5 merges its segments at every
// commit, so indexing each document in its own transaction runs five times slower
// than in batches of a few hundred. A committed document's clean text waits in
// memory; Flush indexes the waiting ones in one transaction and records the highest
// doc_key indexed (store_state.fts_indexed_through). Keys only grow (a replaced
// document gets a new key) and one process writes at a time (Open takes an advisory
// lock), so every key above that mark is a document stored but not yet indexed: after
// a crash, opening the store for writing indexes them. Tracking costs no extra page
// per commit, which a per-document marker row did (15% of ingest time).
#include "casus/store/store.h"
#include "casus/core/utf8.h"
#include "casus/store/event_rows.h"
#include "casus/store/layer_codec.h"
#include "casus/store/sqlite_util.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>

namespace casus {
namespace {

// Each entry moves the schema from version i to i + 1. Never edit a released entry;
// add a new one.
const char* const kMigrations[] = {
    // 0 -> 1: documents, layers, full-text index.
    R"sql(
CREATE TABLE documents (
  doc_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  title TEXT, title_begin INTEGER, title_end INTEGER,
  published TEXT, published_time TEXT, published_zone TEXT, published_from TEXT,
  author TEXT, author_begin INTEGER, author_end INTEGER,
  publisher TEXT,
  dateline TEXT, dateline_begin INTEGER, dateline_end INTEGER,
  url TEXT,
  ingested_at TEXT NOT NULL,
  sentences BLOB,
  sentence_count INTEGER NOT NULL DEFAULT 0,
  boilerplate BLOB
);
CREATE TABLE store_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO store_state VALUES ('fts_indexed_through', 0);
CREATE TABLE embedded_posts (
  doc_key INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  platform TEXT, author TEXT, handle TEXT, date TEXT,
  PRIMARY KEY (doc_key, begin)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
)sql",
    // 1 -> 2: the time layer.
    R"sql(
CREATE TABLE time_expressions (
  doc_key INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT NOT NULL, value TEXT, anchor TEXT,
  PRIMARY KEY (doc_key, begin)
) WITHOUT ROWID;
)sql",
    // 2 -> 3: the claims layer: quotations and casualty claims. Source chains are
    // stored as their members joined by U+001F (unit separator).
    R"sql(
CREATE TABLE quotes (
  doc_key INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  kind TEXT NOT NULL, speaker TEXT, chain TEXT,
  PRIMARY KEY (doc_key, begin)
) WITHOUT ROWID;
CREATE TABLE casualties (
  doc_key INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  evidence_begin INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
  killed INTEGER, killed_vague TEXT, killed_qualifier TEXT,
  wounded INTEGER, wounded_vague TEXT, wounded_qualifier TEXT,
  missing INTEGER, missing_vague TEXT, missing_qualifier TEXT,
  detained INTEGER, detained_vague TEXT, detained_qualifier TEXT,
  victims TEXT, place TEXT, date TEXT, cause TEXT, source_chain TEXT, hedge TEXT,
  cumulative INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (doc_key, begin)
) WITHOUT ROWID;
)sql",
    // 3 -> 4: the corpus layer. Sketches (MinHash bins, packed) let a later batch rebuild
    // the near-duplicate index; duplicates and story_members place each article;
    // stories keep their summary and centroid ("term TAB weight" lines) for the next
    // batch; term_frequencies are the document frequencies the story vectors weigh by.
    R"sql(
CREATE TABLE sketches (doc_key INTEGER PRIMARY KEY, bins BLOB NOT NULL, exact INTEGER NOT NULL);
CREATE TABLE duplicates (
  doc_key INTEGER PRIMARY KEY, canonical_key INTEGER NOT NULL, similarity REAL NOT NULL, exact INTEGER NOT NULL
);
CREATE INDEX duplicates_canonical ON duplicates (canonical_key);
CREATE TABLE stories (
  story_id INTEGER PRIMARY KEY, label TEXT NOT NULL, first TEXT, last TEXT,
  published_first TEXT, published_last TEXT, first_day INTEGER, last_day INTEGER,
  articles INTEGER NOT NULL, independent INTEGER NOT NULL, places TEXT, terms TEXT,
  killed TEXT, wounded TEXT, conflicting INTEGER NOT NULL DEFAULT 0, centroid TEXT NOT NULL
);
CREATE TABLE story_members (doc_key INTEGER PRIMARY KEY, story_id INTEGER NOT NULL);
CREATE INDEX story_members_story ON story_members (story_id);
CREATE TABLE term_frequencies (term TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
)sql",
    // 4 -> 5: the entity layer. `seq` is the mention's index in the document, which
    // `refers_to` points at (NULL for a first or only mention).
    R"sql(
CREATE TABLE entities (
  doc_key INTEGER NOT NULL, seq INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  kind TEXT NOT NULL, canonical TEXT NOT NULL, country TEXT, sector TEXT, role TEXT,
  lat REAL, lon REAL, place_id TEXT, refers_to INTEGER, metonym INTEGER NOT NULL DEFAULT 0,
  in_boilerplate INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (doc_key, seq)
) WITHOUT ROWID;
)sql",
    // 5 -> 6: what a time expression is to its sentence: "since" (a starting point,
    // "since 1991"), "statement" (the day something was said), or NULL.
    R"sql(
ALTER TABLE time_expressions ADD COLUMN role TEXT;
)sql",
    // 6 -> 7: the events layer and the incidents of the corpus. An event names the
    // records it links by what keeps them apart in their tables: the time expression and
    // the casualty claim by their begin offset, the place by the entity's seq. Actors and
    // targets are packed (event_rows.cc). An incident is one real-world event of a story;
    // incident_events lists the event mentions that report it. The views join in the
    // titles, addresses and publication dates.
    R"sql(
CREATE TABLE events (
  doc_key INTEGER NOT NULL, seq INTEGER NOT NULL,
  trigger_begin INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  evidence_begin INTEGER NOT NULL, evidence_end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  plover TEXT NOT NULL, mode TEXT, cameo TEXT, acled TEXT, event_type TEXT, sub_event_type TEXT,
  actors TEXT, targets TEXT,
  time_begin INTEGER, date TEXT, date_precision TEXT, place_seq INTEGER, casualty_begin INTEGER,
  source_chain TEXT, hedge TEXT, modality TEXT NOT NULL, governor INTEGER,
  PRIMARY KEY (doc_key, seq)
) WITHOUT ROWID;
CREATE TABLE incidents (
  incident INTEGER PRIMARY KEY, story_id INTEGER NOT NULL,
  event_date TEXT, date_precision TEXT, event_type TEXT, sub_event_type TEXT, acled TEXT,
  plover TEXT NOT NULL, mode TEXT, cameo TEXT,
  actor1 TEXT, actor1_code TEXT, actor2 TEXT, actor2_code TEXT,
  country TEXT, admin1 TEXT, location TEXT, latitude REAL, longitude REAL, geo_precision INTEGER,
  fatalities INTEGER, fatalities_max INTEGER, wounded INTEGER, wounded_max INTEGER,
  conflicting INTEGER NOT NULL DEFAULT 0, sources TEXT, urls TEXT,
  articles INTEGER NOT NULL, independent_sources INTEGER NOT NULL, notes TEXT, docs TEXT
);
CREATE INDEX incidents_by_story ON incidents (story_id);
CREATE TABLE incident_events (
  incident INTEGER NOT NULL, doc_key INTEGER NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (incident, doc_key, seq)
) WITHOUT ROWID;
CREATE VIEW events_view AS
  SELECT d.id AS doc, d.title, d.url, d.published, e.seq, e.plover, e.mode, e.cameo, e.acled, e.event_type,
         e.sub_event_type, e.actors, e.targets,
         e.date, e.date_precision, e.modality, e.hedge, e.source_chain,
         CAST(substr(CAST(d.text AS BLOB), e.trigger_begin + 1, e.trigger_end - e.trigger_begin) AS TEXT) AS trigger_text,
         CAST(substr(CAST(d.text AS BLOB), e.evidence_begin + 1, e.evidence_end - e.evidence_begin) AS TEXT) AS evidence
  FROM events e JOIN documents d USING (doc_key);
CREATE VIEW incidents_view AS
  SELECT i.*, (SELECT group_concat(d.title, ' | ') FROM incident_events x JOIN documents d USING (doc_key)
               WHERE x.incident = i.incident) AS titles,
         (SELECT min(d.published) FROM incident_events x JOIN documents d USING (doc_key)
          WHERE x.incident = i.incident) AS first_published
  FROM incidents i;
)sql",
    // 7 -> 8: casualty claims say whose casualties they count, whether they are a figure
    // of other times, and which larger figure of their article they are part of (its
    // begin offset).
    R"sql(
ALTER TABLE casualties ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
ALTER TABLE casualties ADD COLUMN part_of INTEGER;
ALTER TABLE casualties ADD COLUMN casualty_group TEXT NOT NULL DEFAULT 'victims';
)sql",
};

constexpr int kSchemaVersion = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

CountQualifier QualifierFromName(const std::string& name) {
  for (CountQualifier q : {CountQualifier::kExact, CountQualifier::kAtLeast, CountQualifier::kMoreThan,
                           CountQualifier::kUpTo, CountQualifier::kAbout, CountQualifier::kVague}) {
    if (name == CountQualifierName(q)) return q;
  }
  return CountQualifier::kExact;
}

SourceFormat FormatFromName(const std::string& name) {
  if (name == "jsonl") return SourceFormat::kJsonLines;
  if (name == "html") return SourceFormat::kHtml;
  return SourceFormat::kCrawlText;
}

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc;
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

int CurrentSchemaVersion() { return kSchemaVersion; }

struct Store::Statements {
  sqlite3_stmt* find = nullptr;
  sqlite3_stmt* insert_document = nullptr;
  sqlite3_stmt* delete_document = nullptr;
  sqlite3_stmt* delete_posts = nullptr;
  sqlite3_stmt* delete_fts = nullptr;
  sqlite3_stmt* insert_post = nullptr;
  sqlite3_stmt* insert_fts = nullptr;
  sqlite3_stmt* get = nullptr;
  sqlite3_stmt* all = nullptr;
  sqlite3_stmt* get_posts = nullptr;
  sqlite3_stmt* insert_time = nullptr;
  sqlite3_stmt* delete_times = nullptr;
  sqlite3_stmt* get_times = nullptr;
  sqlite3_stmt* insert_quote = nullptr;
  sqlite3_stmt* delete_quotes = nullptr;
  sqlite3_stmt* get_quotes = nullptr;
  sqlite3_stmt* insert_casualty = nullptr;
  sqlite3_stmt* delete_casualties = nullptr;
  sqlite3_stmt* delete_sketch = nullptr;
  sqlite3_stmt* delete_duplicate = nullptr;
  sqlite3_stmt* delete_member = nullptr;
  sqlite3_stmt* get_casualties = nullptr;
  sqlite3_stmt* insert_entity = nullptr;
  sqlite3_stmt* delete_entities = nullptr;
  sqlite3_stmt* insert_event = nullptr;
  sqlite3_stmt* delete_events = nullptr;
  sqlite3_stmt* get_events = nullptr;
  sqlite3_stmt* get_entities = nullptr;
  sqlite3_stmt* next_key = nullptr;
  sqlite3_stmt* mark_indexed = nullptr;
  sqlite3_stmt* unindexed = nullptr;
  sqlite3_stmt* begin = nullptr;
  sqlite3_stmt* commit = nullptr;
  sqlite3_stmt* rollback = nullptr;
};

Store::Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)), stmt_(std::make_unique<Statements>()) {}

Store::~Store() {
  Flush();  // errors here are reported by no one; callers Flush() to see them
  for (sqlite3_stmt* statement : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
  if (writer_lock_fd_ >= 0) ::close(writer_lock_fd_);
}

namespace {

// A full disk and I/O errors are the disk's failures (kIoError: the rest of a batch
// cannot be stored either); everything else is the database's.
ErrorCode CodeOf(int sqlite_code) {
  const int primary = sqlite_code & 0xFF;
  return primary == SQLITE_FULL || primary == SQLITE_IOERR ? ErrorCode::kIoError : ErrorCode::kDatabase;
}

}  // namespace

Status Store::Error(const std::string& what) const {
  return Status(CodeOf(sqlite3_extended_errcode(db_)), path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status Store::Exec(const char* sql) {
  char* message = nullptr;
  if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message); rc != SQLITE_OK) {
    std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return Status(CodeOf(rc), path_ + ": " + text);
  }
  return Status::Ok();
}

bool Store::WriterActive() const {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // The writer holds an exclusive lock for the whole ingest (see Open); a shared one is
  // refused exactly while it does. Our own writer lock, if any, is on another descriptor.
  const bool refused = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return refused && writer_lock_fd_ < 0;
}

namespace {

// Whether `path`'s write-ahead log holds frames not yet in the database file.
bool WalHoldsData(const std::string& path) {
  struct stat info;
  return ::stat((path + "-wal").c_str(), &info) == 0 && info.st_size > 0;
}

bool CannotWrite(int rc) {
  const int primary = rc & 0xFF;
  return primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode) {
  sqlite3* db = nullptr;
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    if (mode == Mode::kReadWrite && CannotWrite(rc)) {
      return Status(ErrorCode::kDatabase, path + ": cannot create or write the database here (" + message +
                                              "); ingest needs a writable file in a writable folder");
    }
    return Status(mode == Mode::kReadOnly ? ErrorCode::kNotFound : ErrorCode::kDatabase,
                  path + ": cannot open database: " + message);
  }
  if (mode == Mode::kReadWrite && sqlite3_db_readonly(db, "main") == 1) {
    sqlite3_close(db);
    return Status(ErrorCode::kDatabase, path + ": the database file is read-only; ingest needs to write it");
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Store> store(new Store(db, path));
  // Check it is a database at all before anything else.
  if (Status status = store->Exec("SELECT count(*) FROM sqlite_master"); !status.ok()) {
    const int code = sqlite3_extended_errcode(store->db_);
    if (CannotWrite(code) && mode == Mode::kReadWrite) {
      return Status(ErrorCode::kDatabase, path + ": cannot write beside the database (" + status.message() +
                                              "); ingest needs a writable file in a writable folder");
    }
    if (CannotWrite(code) && mode == Mode::kReadOnly) {
      // A folder this process may not write: SQLite cannot make the shared-memory file a
      // write-ahead-log database needs. With the log empty, the file alone is the
      // database, and reading it as immutable is exact.
      if (WalHoldsData(path)) {
        return Status(ErrorCode::kDatabase, path +
                                                ": cannot read it here: its write-ahead log holds recent changes "
                                                "and its folder is not writable; open it once where it is writable");
      }
      store.reset();
      std::string uri = "file:";
      for (char c : path) {  // the path as a URI: '%', '?' and '#' escaped
        if (c == '%' || c == '?' || c == '#') {
          static const char kHex[] = "0123456789ABCDEF";
          uri += '%';
          uri += kHex[static_cast<unsigned char>(c) >> 4];
          uri += kHex[static_cast<unsigned char>(c) & 15];
        } else {
          uri += c;
        }
      }
      uri += "?immutable=1";
      db = nullptr;
      rc = sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
      if (rc != SQLITE_OK) {
        std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return Status(ErrorCode::kNotFound, path + ": cannot open database: " + message);
      }
      store.reset(new Store(db, path));
      status = store->Exec("SELECT count(*) FROM sqlite_master");
    }
    if (!status.ok()) {
      return Status(ErrorCode::kDatabase, path + ": not a casus database (" + status.message() + ")");
    }
  }
  // An SQLite file of someone else's: tables, but no casus schema version. Nothing is
  // added to it.
  {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(store->db_,
                       "SELECT (SELECT user_version FROM pragma_user_version), "
                       "(SELECT count(*) FROM sqlite_master WHERE type = 'table')",
                       -1, &statement, nullptr);
    const bool foreign = statement != nullptr && sqlite3_step(statement) == SQLITE_ROW &&
                         sqlite3_column_int(statement, 0) == 0 && sqlite3_column_int(statement, 1) > 0;
    sqlite3_finalize(statement);
    if (foreign) {
      return Status(ErrorCode::kDatabase,
                    path +
                        ": an SQLite database, but not a casus one (it has tables of its own and no casus schema); "
                        "give --db a new file");
    }
  }
  if (mode == Mode::kReadWrite) {
    // One writer at a time: an advisory lock on the database file (independent of
    // SQLite's own fcntl locks, so readers are never blocked).
    store->writer_lock_fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (store->writer_lock_fd_ < 0 || ::flock(store->writer_lock_fd_, LOCK_EX | LOCK_NB) != 0) {
      return Status(ErrorCode::kDatabase, path +
                                              ": another casus process is writing to this database; "
                                              "wait for it to finish");
    }
    // WAL with synchronous=NORMAL: a commit is durable against a process crash or
    // kill (not power loss) without an fsync. Checkpoints every 64 MB of WAL instead
    // of 4 MB: a page rewritten by many commits is copied to the database once.
    CASUS_RETURN_IF_ERROR(
        store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=16384;"
                    "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"));
    CASUS_RETURN_IF_ERROR(store->Migrate());
  } else {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr);
    int version = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
    sqlite3_finalize(statement);
    if (version != kSchemaVersion) {
      return Status(ErrorCode::kDatabase,
                    path + ": schema version " + std::to_string(version) + " but this casus reads version " +
                        std::to_string(kSchemaVersion) +
                        (version < kSchemaVersion ? "; run 'casus ingest' on it to migrate" : ""));
    }
  }
  CASUS_RETURN_IF_ERROR(store->Prepare());
  if (mode == Mode::kReadWrite) CASUS_RETURN_IF_ERROR(store->CatchUpIndex());
  return store;
}

Status Store::CatchUpIndex() {
  std::vector<std::string> ids;
  {
    Reset reset{stmt_->unindexed};
    while (sqlite3_step(stmt_->unindexed) == SQLITE_ROW) ids.push_back(Column(stmt_->unindexed, 0));
  }
  for (const std::string& id : ids) {
    Result<std::optional<Document>> document = Get(id);
    if (!document.ok()) return document.status();
    if (!document->has_value()) continue;
    sqlite3_stmt* find = stmt_->find;
    Reset reset{find};
    BindText(find, 1, id);
    if (sqlite3_step(find) != SQLITE_ROW) continue;
    pending_.push_back(
        PendingIndex{sqlite3_column_int64(find, 0), document->value().metadata.title, document->value().CleanText()});
    pending_bytes_ += pending_.back().body.size();
    if (pending_.size() >= kIndexBatchDocuments) CASUS_RETURN_IF_ERROR(Flush());
  }
  return Flush();
}

Status Store::Flush() {
  if (pending_.empty()) return Status::Ok();
  Statements& s = *stmt_;
  {
    Reset reset{s.begin};
    if (sqlite3_step(s.begin) != SQLITE_DONE) return Error("cannot begin indexing");
  }
  for (const PendingIndex& item : pending_) {
    bool ok;
    {
      Reset reset{s.insert_fts};
      sqlite3_bind_int64(s.insert_fts, 1, item.doc_key);
      BindText(s.insert_fts, 2, item.title);
      BindText(s.insert_fts, 3, item.body);
      ok = sqlite3_step(s.insert_fts) == SQLITE_DONE;
    }
    if (ok && &item == &pending_.back()) {
      Reset reset{s.mark_indexed};
      sqlite3_bind_int64(s.mark_indexed, 1, item.doc_key);  // keys grow: the last is the highest
      ok = sqlite3_step(s.mark_indexed) == SQLITE_DONE;
    }
    if (!ok) {
      Status error = Error("cannot index documents");
      Reset reset{s.rollback};
      sqlite3_step(s.rollback);
      return error;
    }
  }
  {
    Reset reset{s.commit};
    if (sqlite3_step(s.commit) != SQLITE_DONE) return Error("cannot commit the index");
  }
  pending_.clear();
  pending_bytes_ = 0;
  return Status::Ok();
}

Status Store::Migrate() {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &statement, nullptr);
  int version = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
  sqlite3_finalize(statement);
  if (version > kSchemaVersion) {
    return Status(ErrorCode::kDatabase, path_ + ": written by a newer casus (schema " + std::to_string(version) +
                                            ", this build knows " + std::to_string(kSchemaVersion) + ")");
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    CASUS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status status = Exec(kMigrations[v]);
    if (status.ok()) status = Exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
    if (!status.ok()) {
      Exec("ROLLBACK");
      return status;
    }
    CASUS_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

Status Store::Prepare() {
  struct Entry {
    sqlite3_stmt** slot;
    const char* sql;
  };
  Statements& s = *stmt_;
  const Entry entries[] = {
      {&s.find, "SELECT doc_key, content_hash FROM documents WHERE id = ?"},
      {&s.insert_document,
       "INSERT INTO documents (doc_key, id, source, format, content_hash, text, title, title_begin, title_end, "
       "published, published_time, published_zone, published_from, author, author_begin, author_end, publisher, "
       "dateline, dateline_begin, dateline_end, url, ingested_at, sentences, sentence_count, boilerplate) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&s.delete_document, "DELETE FROM documents WHERE doc_key = ?"},
      {&s.delete_posts, "DELETE FROM embedded_posts WHERE doc_key = ?"},
      {&s.delete_fts, "DELETE FROM documents_fts WHERE rowid = ?"},
      {&s.insert_post,
       "INSERT INTO embedded_posts (doc_key, begin, end, platform, author, handle, date) VALUES (?,?,?,?,?,?,?)"},
      {&s.insert_fts, "INSERT INTO documents_fts (rowid, title, body) VALUES (?,?,?)"},
      {&s.get,
       "SELECT doc_key, id, source, format, text, title, title_begin, title_end, published, published_time, "
       "published_zone, published_from, author, author_begin, author_end, publisher, dateline, dateline_begin, "
       "dateline_end, url, sentences, boilerplate FROM documents WHERE id = ?"},
      {&s.all,
       "SELECT doc_key, id, source, format, text, title, title_begin, title_end, published, published_time, "
       "published_zone, published_from, author, author_begin, author_end, publisher, dateline, dateline_begin, "
       "dateline_end, url, sentences, boilerplate FROM documents ORDER BY id"},
      {&s.get_posts,
       "SELECT begin, end, platform, author, handle, date FROM embedded_posts WHERE doc_key = ? ORDER BY begin"},
      {&s.mark_indexed, "UPDATE store_state SET value = max(value, ?) WHERE key = 'fts_indexed_through'"},
      {&s.unindexed,
       "SELECT id FROM documents WHERE doc_key > "
       "(SELECT value FROM store_state WHERE key = 'fts_indexed_through') ORDER BY doc_key"},
      {&s.next_key,
       "SELECT max(coalesce((SELECT max(doc_key) FROM documents), 0), "
       "(SELECT value FROM store_state WHERE key = 'fts_indexed_through')) + 1"},
      {&s.insert_time,
       "INSERT OR REPLACE INTO time_expressions (doc_key, begin, end, type, value, anchor, role) VALUES "
       "(?,?,?,?,?,?,?)"},
      {&s.delete_times, "DELETE FROM time_expressions WHERE doc_key = ?"},
      {&s.get_times,
       "SELECT begin, end, type, value, anchor, role FROM time_expressions WHERE doc_key = ? ORDER BY begin"},
      {&s.insert_quote,
       "INSERT OR REPLACE INTO quotes (doc_key, begin, end, kind, speaker, chain) VALUES (?,?,?,?,?,?)"},
      {&s.delete_quotes, "DELETE FROM quotes WHERE doc_key = ?"},
      {&s.get_quotes, "SELECT begin, end, kind, speaker, chain FROM quotes WHERE doc_key = ? ORDER BY begin"},
      {&s.insert_casualty,
       "INSERT OR REPLACE INTO casualties (doc_key, begin, end, evidence_begin, evidence_end, killed, killed_vague, "
       "killed_qualifier, wounded, wounded_vague, wounded_qualifier, missing, missing_vague, missing_qualifier, "
       "detained, detained_vague, detained_qualifier, victims, place, date, cause, source_chain, hedge, cumulative, "
       "background, part_of, casualty_group) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&s.delete_casualties, "DELETE FROM casualties WHERE doc_key = ?"},
      {&s.delete_sketch, "DELETE FROM sketches WHERE doc_key = ?"},
      {&s.delete_duplicate, "DELETE FROM duplicates WHERE doc_key = ?"},
      {&s.delete_member, "DELETE FROM story_members WHERE doc_key = ?"},
      {&s.get_casualties,
       "SELECT begin, end, evidence_begin, evidence_end, killed, killed_vague, killed_qualifier, wounded, "
       "wounded_vague, wounded_qualifier, missing, missing_vague, missing_qualifier, detained, detained_vague, "
       "detained_qualifier, victims, place, date, cause, source_chain, hedge, cumulative, background, part_of, "
       "casualty_group FROM casualties "
       "WHERE doc_key = ? ORDER BY begin"},
      {&s.insert_entity,
       "INSERT INTO entities (doc_key, seq, begin, end, kind, canonical, country, sector, role, lat, lon, place_id, "
       "refers_to, metonym, in_boilerplate) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&s.delete_entities, "DELETE FROM entities WHERE doc_key = ?"},
      {&s.insert_event, kInsertEventSql},
      {&s.delete_events, "DELETE FROM events WHERE doc_key = ?"},
      {&s.get_events, kGetEventsSql},
      {&s.get_entities,
       "SELECT begin, end, kind, canonical, country, sector, role, lat, lon, place_id, refers_to, metonym, "
       "in_boilerplate FROM entities WHERE doc_key = ? ORDER BY seq"},
      {&s.begin, "BEGIN IMMEDIATE"},
      {&s.commit, "COMMIT"},
      {&s.rollback, "ROLLBACK"},
  };
  for (const Entry& entry : entries) {
    if (sqlite3_prepare_v3(db_, entry.sql, -1, SQLITE_PREPARE_PERSISTENT, entry.slot, nullptr) != SQLITE_OK) {
      return Error(std::string("cannot prepare '") + entry.sql + "'");
    }
    statements_.push_back(*entry.slot);
  }
  return Status::Ok();
}

Result<PutOutcome> Store::Put(const Document& document) {
  Statements& s = *stmt_;
  auto step_done = [&](sqlite3_stmt* statement, const char* what) -> Status {
    Reset reset{statement};
    if (sqlite3_step(statement) != SQLITE_DONE) return Error(what);
    return Status::Ok();
  };
  CASUS_RETURN_IF_ERROR(step_done(s.begin, "cannot begin transaction"));
  auto fail = [&](Status status) -> Result<PutOutcome> {
    Reset reset{s.rollback};
    sqlite3_step(s.rollback);
    return status;
  };

  int64_t doc_key = -1;
  {
    Reset reset{s.find};
    BindText(s.find, 1, document.id());
    int rc = sqlite3_step(s.find);
    if (rc == SQLITE_ROW) {
      if (Column(s.find, 1) == document.content_hash()) {
        sqlite3_reset(s.find);
        Reset commit{s.commit};
        if (sqlite3_step(s.commit) != SQLITE_DONE) return Error("cannot end transaction");
        return PutOutcome::kUnchanged;
      }
      doc_key = sqlite3_column_int64(s.find, 0);
    } else if (rc != SQLITE_DONE) {
      return fail(Error("cannot look up document " + document.id()));
    }
  }
  PutOutcome outcome = doc_key >= 0 ? PutOutcome::kUpdated : PutOutcome::kInserted;
  if (doc_key >= 0) {
    // A replaced document may still wait for the index.
    std::erase_if(pending_, [doc_key](const PendingIndex& item) { return item.doc_key == doc_key; });
    for (sqlite3_stmt* statement :
         {s.delete_document, s.delete_posts, s.delete_fts, s.delete_times, s.delete_quotes, s.delete_casualties,
          s.delete_entities, s.delete_events, s.delete_sketch, s.delete_duplicate, s.delete_member}) {
      Reset reset{statement};
      sqlite3_bind_int64(statement, 1, doc_key);
      if (sqlite3_step(statement) != SQLITE_DONE) return fail(Error("cannot replace document " + document.id()));
    }
  }
  const Metadata& m = document.metadata;
  {
    // A fresh key above every stored and every indexed key (see the file comment).
    Reset reset{s.next_key};
    if (sqlite3_step(s.next_key) != SQLITE_ROW) return fail(Error("cannot allocate a key for " + document.id()));
    doc_key = sqlite3_column_int64(s.next_key, 0);
  }
  {
    sqlite3_stmt* st = s.insert_document;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    BindText(st, 2, document.id());
    BindText(st, 3, document.source());
    BindText(st, 4, SourceFormatName(document.format()));
    BindText(st, 5, document.content_hash());
    BindText(st, 6, document.text());
    BindOptionalText(st, 7, m.title);
    BindSpan(st, 8, m.title_span);
    BindOptionalText(st, 10, m.published);
    BindOptionalText(st, 11, m.published_time);
    BindOptionalText(st, 12, m.published_zone);
    BindOptionalText(st, 13, m.published_from);
    BindOptionalText(st, 14, m.author);
    BindSpan(st, 15, m.author_span);
    BindOptionalText(st, 17, m.publisher);
    BindOptionalText(st, 18, m.dateline);
    BindSpan(st, 19, m.dateline_span);
    BindOptionalText(st, 21, m.url);
    BindText(st, 22, NowUtc());
    std::string packed = EncodeSentences(document.sentences);
    sqlite3_bind_blob(st, 23, packed.data(), static_cast<int>(packed.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 24, static_cast<int64_t>(document.sentences.size()));
    std::string packed_boilerplate = EncodeBoilerplate(document.boilerplate);
    sqlite3_bind_blob(st, 25, packed_boilerplate.data(), static_cast<int>(packed_boilerplate.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert document " + document.id()));
  }
  for (const TimeExpression& time : document.time_expressions) {
    sqlite3_stmt* st = s.insert_time;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    sqlite3_bind_int64(st, 2, time.span.begin);
    sqlite3_bind_int64(st, 3, time.span.end);
    sqlite3_bind_text(st, 4, TimexTypeName(time.type), -1, SQLITE_STATIC);
    BindOptionalText(st, 5, time.value);
    BindOptionalText(st, 6, time.anchor);
    BindOptionalText(st, 7, TimeRoleName(time));
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert time expressions of " + document.id()));
  }
  for (const Quote& quote : document.quotes) {
    sqlite3_stmt* st = s.insert_quote;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    BindSpan(st, 2, quote.span);
    sqlite3_bind_text(st, 4, QuoteKindName(quote.kind), -1, SQLITE_STATIC);
    BindOptionalText(st, 5, quote.speaker);
    BindOptionalText(st, 6, JoinChain(quote.chain));
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert quotes of " + document.id()));
  }
  for (const CasualtyClaim& claim : document.casualties) {
    sqlite3_stmt* st = s.insert_casualty;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    BindSpan(st, 2, claim.span);
    BindSpan(st, 4, claim.evidence);
    int column = 6;
    for (const CasualtyCount* count : {&claim.killed, &claim.wounded, &claim.missing, &claim.detained}) {
      if (count->present) {
        sqlite3_bind_int64(st, column, count->value);
        BindOptionalText(st, column + 1, count->vague);
        BindText(st, column + 2, CountQualifierName(count->qualifier));
      } else {
        for (int k = 0; k < 3; ++k) sqlite3_bind_null(st, column + k);
      }
      column += 3;
    }
    BindOptionalText(st, 18, claim.victims);
    BindOptionalText(st, 19, claim.where);
    BindOptionalText(st, 20, claim.when);
    BindOptionalText(st, 21, claim.cause);
    BindOptionalText(st, 22, JoinChain(claim.source_chain));
    BindOptionalText(st, 23, claim.hedge);
    sqlite3_bind_int(st, 24, claim.cumulative ? 1 : 0);
    sqlite3_bind_int(st, 25, claim.background ? 1 : 0);
    if (claim.part_of >= 0 && static_cast<size_t>(claim.part_of) < document.casualties.size()) {
      sqlite3_bind_int64(st, 26, document.casualties[claim.part_of].span.begin);
    } else {
      sqlite3_bind_null(st, 26);
    }
    BindText(st, 27, CasualtyGroupName(claim.group));
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert casualty claims of " + document.id()));
  }
  for (size_t i = 0; i < document.entities.size(); ++i) {
    const EntityMention& e = document.entities[i];
    sqlite3_stmt* st = s.insert_entity;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    sqlite3_bind_int64(st, 2, static_cast<int64_t>(i));
    sqlite3_bind_int64(st, 3, e.span.begin);  // an empty span (a publisher named only in metadata) is 0, 0
    sqlite3_bind_int64(st, 4, e.span.end);
    sqlite3_bind_text(st, 5, EntityKindName(e.kind), -1, SQLITE_STATIC);
    BindText(st, 6, e.canonical);
    BindOptionalText(st, 7, e.country);
    BindOptionalText(st, 8, e.sector);
    BindOptionalText(st, 9, e.role);
    if (e.located) {
      sqlite3_bind_double(st, 10, e.lat);
      sqlite3_bind_double(st, 11, e.lon);
    } else {
      sqlite3_bind_null(st, 10);
      sqlite3_bind_null(st, 11);
    }
    BindOptionalText(st, 12, e.place_id);
    if (e.refers_to >= 0) {
      sqlite3_bind_int64(st, 13, e.refers_to);
    } else {
      sqlite3_bind_null(st, 13);
    }
    sqlite3_bind_int(st, 14, e.metonym ? 1 : 0);
    sqlite3_bind_int(st, 15, e.in_boilerplate ? 1 : 0);
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert entities of " + document.id()));
  }
  for (size_t i = 0; i < document.events.size(); ++i) {
    sqlite3_stmt* st = s.insert_event;
    Reset reset{st};
    BindEvent(st, doc_key, i, document, document.events[i]);
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert events of " + document.id()));
  }
  for (const EmbeddedPost& post : document.embedded_posts) {
    sqlite3_stmt* st = s.insert_post;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    sqlite3_bind_int64(st, 2, post.span.begin);
    sqlite3_bind_int64(st, 3, post.span.end);
    BindOptionalText(st, 4, post.platform);
    BindOptionalText(st, 5, post.author);
    BindOptionalText(st, 6, post.handle);
    BindOptionalText(st, 7, post.date);
    if (sqlite3_step(st) != SQLITE_DONE) return fail(Error("cannot insert posts of " + document.id()));
  }
  {
    Reset reset{s.commit};
    if (sqlite3_step(s.commit) != SQLITE_DONE) return fail(Error("cannot commit document " + document.id()));
  }
  pending_.push_back(PendingIndex{doc_key, m.title, document.CleanText()});
  pending_bytes_ += pending_.back().body.size();
  if (pending_.size() >= kIndexBatchDocuments || pending_bytes_ >= kIndexBatchBytes) {
    CASUS_RETURN_IF_ERROR(Flush());
  }
  return outcome;
}

Result<Document> Store::Load(sqlite3_stmt* row) {
  int64_t doc_key = sqlite3_column_int64(row, 0);
  Document document(Column(row, 1), Column(row, 2), FormatFromName(Column(row, 3)), Column(row, 4));
  Metadata& m = document.metadata;
  m.title = Column(row, 5);
  m.title_span = Span{ColumnOffset(row, 6), ColumnOffset(row, 7)};
  m.published = Column(row, 8);
  m.published_time = Column(row, 9);
  m.published_zone = Column(row, 10);
  m.published_from = Column(row, 11);
  m.author = Column(row, 12);
  m.author_span = Span{ColumnOffset(row, 13), ColumnOffset(row, 14)};
  m.publisher = Column(row, 15);
  m.dateline = Column(row, 16);
  m.dateline_span = Span{ColumnOffset(row, 17), ColumnOffset(row, 18)};
  m.url = Column(row, 19);
  {
    const void* blob = sqlite3_column_blob(row, 20);
    std::string_view packed(static_cast<const char*>(blob), static_cast<size_t>(sqlite3_column_bytes(row, 20)));
    if (blob != nullptr && !DecodeSentences(packed, document.text().size(), &document.sentences)) {
      return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged sentence layer");
    }
    blob = sqlite3_column_blob(row, 21);
    packed = std::string_view(static_cast<const char*>(blob), static_cast<size_t>(sqlite3_column_bytes(row, 21)));
    if (blob != nullptr && !DecodeBoilerplate(packed, document.text().size(), &document.boilerplate)) {
      return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged boilerplate layer");
    }
  }
  Statements& s = *stmt_;
  {
    Reset reset{s.get_times};
    sqlite3_bind_int64(s.get_times, 1, doc_key);
    while (sqlite3_step(s.get_times) == SQLITE_ROW) {
      TimeExpression time;
      time.span = Span{ColumnOffset(s.get_times, 0), ColumnOffset(s.get_times, 1)};
      if (time.span.end > document.text().size() || time.span.begin > time.span.end) {
        return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged time layer");
      }
      std::string type = Column(s.get_times, 2);
      time.type = type == "TIME"       ? TimexType::kTime
                  : type == "DURATION" ? TimexType::kDuration
                  : type == "SET"      ? TimexType::kSet
                                       : TimexType::kDate;
      time.value = Column(s.get_times, 3);
      time.anchor = Column(s.get_times, 4);
      const std::string role = Column(s.get_times, 5);
      time.since = role == "since";
      time.statement = role == "statement";
      document.time_expressions.push_back(std::move(time));
    }
  }
  auto valid = [&](Span span) { return span.begin <= span.end && span.end <= document.text().size(); };
  {
    Reset reset{s.get_quotes};
    sqlite3_bind_int64(s.get_quotes, 1, doc_key);
    while (sqlite3_step(s.get_quotes) == SQLITE_ROW) {
      Quote quote;
      quote.span = Span{ColumnOffset(s.get_quotes, 0), ColumnOffset(s.get_quotes, 1)};
      if (!valid(quote.span))
        return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged quotes");
      std::string kind = Column(s.get_quotes, 2);
      quote.kind = kind == "scare"     ? QuoteKind::kScare
                   : kind == "partial" ? QuoteKind::kPartial
                                       : QuoteKind::kStatement;
      quote.speaker = Column(s.get_quotes, 3);
      quote.chain = SplitChain(Column(s.get_quotes, 4));
      document.quotes.push_back(std::move(quote));
    }
  }
  {
    sqlite3_stmt* st = s.get_casualties;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    std::vector<int64_t> part_of_begins;
    while (sqlite3_step(st) == SQLITE_ROW) {
      CasualtyClaim claim;
      claim.span = Span{ColumnOffset(st, 0), ColumnOffset(st, 1)};
      claim.evidence = Span{ColumnOffset(st, 2), ColumnOffset(st, 3)};
      if (!valid(claim.span) || !valid(claim.evidence)) {
        return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged casualty claims");
      }
      int column = 4;
      for (CasualtyCount* count : {&claim.killed, &claim.wounded, &claim.missing, &claim.detained}) {
        if (sqlite3_column_type(st, column) != SQLITE_NULL) {
          count->present = true;
          count->value = sqlite3_column_int64(st, column);
          count->vague = Column(st, column + 1);
          count->qualifier = QualifierFromName(Column(st, column + 2));
        }
        column += 3;
      }
      claim.victims = Column(st, 16);
      claim.where = Column(st, 17);
      claim.when = Column(st, 18);
      claim.cause = Column(st, 19);
      claim.source_chain = SplitChain(Column(st, 20));
      claim.hedge = Column(st, 21);
      claim.cumulative = sqlite3_column_int(st, 22) != 0;
      claim.background = sqlite3_column_int(st, 23) != 0;
      // The larger figure by its begin offset; resolved to an index once all are read.
      part_of_begins.push_back(sqlite3_column_type(st, 24) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 24));
      const std::string group = Column(st, 25);
      for (CasualtyGroup g : {CasualtyGroup::kVictims, CasualtyGroup::kPerpetrators, CasualtyGroup::kSelf}) {
        if (group == CasualtyGroupName(g)) claim.group = g;
      }
      document.casualties.push_back(std::move(claim));
    }
    for (size_t i = 0; i < part_of_begins.size(); ++i) {
      if (part_of_begins[i] < 0) continue;
      for (size_t j = 0; j < document.casualties.size(); ++j) {
        if (j != i && document.casualties[j].span.begin == part_of_begins[i]) {
          document.casualties[i].part_of = static_cast<int32_t>(j);
          break;
        }
      }
    }
  }
  {
    sqlite3_stmt* st = s.get_entities;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    while (sqlite3_step(st) == SQLITE_ROW) {
      EntityMention e;
      e.span = Span{ColumnOffset(st, 0), ColumnOffset(st, 1)};
      if (!valid(e.span)) {
        return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged entities");
      }
      const std::string kind = Column(st, 2);
      for (EntityKind k : {EntityKind::kPerson, EntityKind::kOrganization, EntityKind::kGroup, EntityKind::kCountry,
                           EntityKind::kPlace}) {
        if (kind == EntityKindName(k)) e.kind = k;
      }
      e.canonical = Column(st, 3);
      e.country = Column(st, 4);
      e.sector = Column(st, 5);
      e.role = Column(st, 6);
      e.located = sqlite3_column_type(st, 7) != SQLITE_NULL;
      e.lat = sqlite3_column_double(st, 7);
      e.lon = sqlite3_column_double(st, 8);
      e.place_id = Column(st, 9);
      e.refers_to = sqlite3_column_type(st, 10) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 10);
      e.metonym = sqlite3_column_int(st, 11) != 0;
      e.in_boilerplate = sqlite3_column_int(st, 12) != 0;
      document.entities.push_back(std::move(e));
    }
  }
  {
    sqlite3_stmt* st = s.get_events;
    Reset reset{st};
    sqlite3_bind_int64(st, 1, doc_key);
    while (sqlite3_step(st) == SQLITE_ROW) {
      EventMention event;
      if (!ReadEvent(st, document, &event)) {
        return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged events");
      }
      document.events.push_back(std::move(event));
    }
    for (const EventMention& event : document.events) {
      if (event.governor >= static_cast<int32_t>(document.events.size())) {
        return Status(ErrorCode::kDatabase, path_ + ": document " + document.id() + ": damaged events");
      }
    }
  }
  {
    Reset reset{s.get_posts};
    sqlite3_bind_int64(s.get_posts, 1, doc_key);
    while (sqlite3_step(s.get_posts) == SQLITE_ROW) {
      EmbeddedPost post;
      post.span = Span{ColumnOffset(s.get_posts, 0), ColumnOffset(s.get_posts, 1)};
      post.platform = Column(s.get_posts, 2);
      post.author = Column(s.get_posts, 3);
      post.handle = Column(s.get_posts, 4);
      post.date = Column(s.get_posts, 5);
      document.embedded_posts.push_back(std::move(post));
    }
  }
  return document;
}

Result<std::optional<Document>> Store::Get(const std::string& id) {
  sqlite3_stmt* st = stmt_->get;
  Reset reset{st};
  BindText(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) return std::optional<Document>();
  if (rc != SQLITE_ROW) return Error("cannot read document " + id);
  Result<Document> document = Load(st);
  if (!document.ok()) return document.status();
  return std::optional<Document>(std::move(document.value()));
}

Status Store::ForEach(const std::function<bool(const Document&)>& visit) {
  sqlite3_stmt* st = stmt_->all;
  Reset reset{st};
  while (true) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return Error("cannot read documents");
    Result<Document> document = Load(st);
    if (!document.ok()) return document.status();
    if (!visit(document.value())) return Status::Ok();
  }
}

Result<std::vector<SearchHit>> Store::Search(const std::string& query, const SearchOptions& options) {
  CASUS_RETURN_IF_ERROR(Flush());
  std::string fts_query = options.raw ? query : BuildFtsQuery(query);
  if (fts_query.empty()) return Status(ErrorCode::kInvalidArgument, "empty search query");
  const char* sql =
      "SELECT d.id, d.title, d.published, d.publisher, bm25(documents_fts, 2.0, 1.0) AS score, "
      "snippet(documents_fts, 1, ?, ?, ' … ', 16) "
      "FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid "
      "WHERE documents_fts MATCH ? ORDER BY score LIMIT ?";
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) return Error("cannot prepare search");
  BindText(st, 1, options.highlight_open);
  BindText(st, 2, options.highlight_close);
  BindText(st, 3, fts_query);
  sqlite3_bind_int(st, 4, options.limit);
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    SearchHit hit;
    hit.id = Column(st, 0);
    hit.title = Column(st, 1);
    hit.published = Column(st, 2);
    hit.publisher = Column(st, 3);
    hit.score = sqlite3_column_double(st, 4);
    hit.snippet = Column(st, 5);
    hits.push_back(std::move(hit));
  }
  Status status = rc == SQLITE_DONE ? Status::Ok()
                                    : Status(ErrorCode::kInvalidArgument,
                                             "search query '" + fts_query + "' failed: " + sqlite3_errmsg(db_));
  sqlite3_finalize(st);
  if (!status.ok()) return status;
  return hits;
}

Result<StoreStats> Store::Stats() {
  CASUS_RETURN_IF_ERROR(Flush());
  StoreStats stats;
  stats.schema_version = kSchemaVersion;
  auto scalar = [&](const char* sql, int64_t* out) -> Status {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) return Error("cannot prepare statistics");
    if (sqlite3_step(st) == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return Status::Ok();
  };
  auto grouped = [&](const char* sql, std::map<std::string, int64_t>* out) -> Status {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) return Error("cannot prepare statistics");
    while (sqlite3_step(st) == SQLITE_ROW) (*out)[Column(st, 0)] = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    return Status::Ok();
  };
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM documents", &stats.documents));
  CASUS_RETURN_IF_ERROR(scalar("SELECT coalesce(sum(sentence_count), 0) FROM documents", &stats.sentences));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM embedded_posts", &stats.embedded_posts));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM time_expressions", &stats.time_expressions));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM quotes", &stats.quotes));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM casualties", &stats.casualty_claims));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM entities", &stats.entities));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM duplicates", &stats.duplicates));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM stories", &stats.stories));
  CASUS_RETURN_IF_ERROR(scalar("SELECT count(*) FROM documents WHERE published IS NULL", &stats.undated));
  CASUS_RETURN_IF_ERROR(
      scalar("SELECT count(*) FROM documents WHERE doc_key > (SELECT value FROM store_state WHERE key = "
             "'fts_indexed_through')",
             &stats.unindexed));
  CASUS_RETURN_IF_ERROR(
      scalar("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents", &stats.text_bytes));
  CASUS_RETURN_IF_ERROR(
      scalar("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", &stats.database_bytes));
  {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT boilerplate, length(CAST(text AS BLOB)) FROM documents", -1, &st, nullptr) !=
        SQLITE_OK) {
      return Error("cannot prepare statistics");
    }
    std::vector<BoilerplateSpan> spans;
    while (sqlite3_step(st) == SQLITE_ROW) {
      spans.clear();
      const void* blob = sqlite3_column_blob(st, 0);
      std::string_view packed(static_cast<const char*>(blob), static_cast<size_t>(sqlite3_column_bytes(st, 0)));
      if (blob == nullptr || !DecodeBoilerplate(packed, static_cast<size_t>(sqlite3_column_int64(st, 1)), &spans)) {
        continue;
      }
      for (const BoilerplateSpan& b : spans) ++stats.boilerplate_by_kind[BoilerplateKindName(b.kind)];
    }
    sqlite3_finalize(st);
  }
  CASUS_RETURN_IF_ERROR(grouped("SELECT format, count(*) FROM documents GROUP BY format", &stats.documents_by_format));
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT min(published), max(published) FROM documents", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    stats.first_published = Column(st, 0);
    stats.last_published = Column(st, 1);
  }
  sqlite3_finalize(st);
  return stats;
}

Result<int64_t> Store::UnindexedCount() {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "SELECT count(*) FROM documents WHERE doc_key > "
                         "(SELECT value FROM store_state WHERE key = 'fts_indexed_through')",
                         -1, &st, nullptr) != SQLITE_OK) {
    return Error("cannot count unindexed documents");
  }
  int64_t count = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return count;
}

std::string BuildFtsQuery(const std::string& raw_query) {
  // What a person types may hold anything: invalid UTF-8 is repaired and control
  // characters separate words, as FTS5 accepts neither inside a string.
  std::string query = raw_query;
  RepairUtf8(query);
  for (char& c : query) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  // Terms and operators in order; an operator is kept only between two terms.
  std::vector<std::string> items;
  bool last_is_operator = true;  // nothing yet: an operator here would dangle
  auto append_term = [&](const std::string& term, bool prefix) {
    if (term.find_first_not_of(' ') == std::string::npos) return;
    std::string quoted = "\"";
    for (char c : term) {
      if (c == '"')
        quoted += "\"\"";
      else
        quoted += c;
    }
    quoted += '"';
    if (prefix) quoted += '*';
    items.push_back(std::move(quoted));
    last_is_operator = false;
  };
  size_t i = 0;
  while (i < query.size()) {
    unsigned char c = static_cast<unsigned char>(query[i]);
    if (c == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string::npos) close = query.size();
      append_term(query.substr(i + 1, close - i - 1), false);
      i = close + 1;
      continue;
    }
    bool word_char = std::isalnum(c) || c >= 0x80 || c == '\'';
    if (!word_char) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < query.size() &&
           (std::isalnum(static_cast<unsigned char>(query[j])) || static_cast<unsigned char>(query[j]) >= 0x80 ||
            query[j] == '\'' || query[j] == '-' || query[j] == '.')) {
      ++j;
    }
    std::string word = query.substr(i, j - i);
    while (!word.empty() && (word.back() == '-' || word.back() == '.')) word.pop_back();
    bool prefix = j < query.size() && query[j] == '*';
    if (prefix) ++j;
    if (word == "OR" || word == "AND" || word == "NOT") {
      if (!last_is_operator) {
        items.push_back(word);
        last_is_operator = true;
      }
    } else {
      // A hyphenated or dotted word is a phrase of its parts: "Nagorno-Karabakh".
      append_term(word, prefix);
    }
    i = j;
  }
  if (!items.empty() && last_is_operator) items.pop_back();  // dangling at the end
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

}  // namespace casus
