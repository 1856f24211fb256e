// Store: casus's embedded SQLite database.
//
// Documents with their metadata, boilerplate spans, sentences and embedded posts, and
// an FTS5 index (porter stemming, diacritics folded) over each title and clean text,
// ranked by bm25. The database runs in WAL mode and every document is written in its
// own transaction, so a crash or kill loses at most the document being written and
// leaves a readable database. The full-text index follows in batches (Flush, also
// run by Search, Stats and the destructor); a document committed but not yet indexed
// when a process died is indexed the next time the store is opened for writing. Putting a document whose id and text
// are already stored (by the same schema) changes nothing. The schema version lives in PRAGMA user_version; Open
// applies pending migrations and refuses a newer schema. One process at a time may open a database for writing (others
// get a clear error); any number may read. A Store is used from one thread at a time.
#ifndef CASUS_STORE_STORE_H_
#define CASUS_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "casus/core/document.h"
#include "casus/core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace casus {

// The schema version this build writes (see kMigrations in store.cc).
int CurrentSchemaVersion();

struct SearchHit {
  std::string id;
  std::string title;
  std::string published;
  std::string publisher;
  double score = 0;     // bm25: lower is better
  std::string snippet;  // matched terms wrapped in the caller's markers
};

struct SearchOptions {
  int limit = 10;
  bool raw = false;  // pass the query to FTS5 unchanged (its own syntax)
  std::string highlight_open = "[";
  std::string highlight_close = "]";
};

struct StoreStats {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t embedded_posts = 0;
  int64_t time_expressions = 0;
  int64_t quotes = 0;
  int64_t casualty_claims = 0;
  int64_t entities = 0;
  int64_t duplicates = 0;
  int64_t stories = 0;
  std::map<std::string, int64_t> boilerplate_by_kind;
  std::map<std::string, int64_t> documents_by_format;
  std::string first_published;
  std::string last_published;
  int64_t undated = 0;
  int64_t unindexed = 0;  // stored but not yet in the full-text index
  int64_t text_bytes = 0;
  int64_t database_bytes = 0;
  int schema_version = 0;
};

enum class PutOutcome { kInserted, kUpdated, kUnchanged };

// Corpus state (schema 4): where each article sits among near-duplicates and stories.
struct ArticlePlacementRecord {
  std::string id;
  std::string bins;  // packed MinHash bins
  uint64_t exact = 0;
  std::string duplicate_of;  // canonical id, or empty
  double similarity = 0;
  bool exact_copy = false;
  int64_t story_id = 0;
};

// One real-world event of a story, as corpus::FindIncidents makes it (see
// corpus/incidents.h for what each field holds).
struct IncidentRecord {
  int64_t id = 0;  // assigned when stored
  int64_t story_id = 0;
  std::string event_date, date_precision, acled, event_type, sub_event_type, plover, mode, cameo;
  std::string actor1, actor1_code, actor2, actor2_code, country, admin1, location;
  bool located = false;
  double latitude = 0, longitude = 0;
  int geo_precision = 0;
  std::optional<int64_t> fatalities, fatalities_max, wounded, wounded_max;
  bool conflicting = false;
  std::vector<std::string> sources, urls, docs;
  int64_t articles = 0, independent_sources = 0;
  std::string notes;
  std::vector<std::pair<std::string, int64_t>> events;  // (document id, event seq)
};

struct StoryRecord {
  int64_t id = 0;
  std::string label;
  std::string first, last;  // incident span (ISO dates), or empty
  std::string published_first, published_last;
  int64_t first_day = 0, last_day = 0;  // publication range in days since 1970-01-01; INT32_MIN unknown
  int64_t articles = 0;
  int64_t independent = 0;      // articles that are not near-duplicates of another member
  std::string places;           // "Nagorno-Karabakh; Yerevan"
  std::string terms;            // the centroid's heaviest terms, "karabakh azerbaijan ..."
  std::string killed, wounded;  // ranges, "at least 7 to at least 27"
  bool conflicting = false;
  std::string centroid;  // "term TAB weight" lines
  // The story's incidents, written with it (replacing the ones stored before) when
  // `has_incidents`; not read back with the story (see Store::Incidents).
  std::vector<IncidentRecord> incidents;
  bool has_incidents = false;
};

struct StoredSketch {
  std::string id;
  std::string bins;
  uint64_t exact = 0;
  int64_t story_id = 0;  // 0 when the article has no story
};

struct DuplicateRecord {
  std::string id;
  std::string duplicate_of;
  double similarity = 0;
  bool exact = false;
};

class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (creating in kReadWrite mode) the database at `path`. Refuses, each with one
  // message naming the file: an SQLite file that holds other tables but no casus schema
  // (nothing is added to it), a database written by a newer casus, and in kReadWrite
  // mode a database that cannot be written (a read-only file, or a folder where the
  // write-ahead log cannot be made). In kReadOnly mode a database in a folder casus may
  // not write is still read (opened immutable when its write-ahead log is empty).
  // Failures of the disk (full, I/O errors) carry ErrorCode::kIoError, here and in Put.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode = Mode::kReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes `document` and all its layers in one transaction.
  Result<PutOutcome> Put(const Document& document);
  // Writes the documents waiting for the full-text index. Put calls it every few
  // hundred documents; call it at the end of a batch to see errors.
  Status Flush();
  // Loads a document with every stored layer; nullopt when the id is unknown.
  Result<std::optional<Document>> Get(const std::string& id);
  // Calls `visit` for every document in id order; stops early when it returns false.
  Status ForEach(const std::function<bool(const Document&)>& visit);
  Result<std::vector<SearchHit>> Search(const std::string& query, const SearchOptions& options);
  Result<StoreStats> Stats();
  // Documents stored but not yet in the full-text index (after an interrupted ingest,
  // or while one runs).
  Result<int64_t> UnindexedCount();
  // True while another process holds the database open for writing (an ingest runs).
  bool WriterActive() const;

  // Corpus state. Sketched articles in the order they were placed.
  Status ForEachSketch(const std::function<void(const StoredSketch&)>& visit);
  // Stored documents not yet placed (no sketch), in storage order: id and publication
  // date (empty when unknown).
  Result<std::vector<std::pair<std::string, std::string>>> UnplacedDocuments();
  Result<std::vector<StoryRecord>> Stories();  // by id
  // Stories whose publication range (days) meets [first_day, last_day], and undated ones.
  Result<std::vector<StoryRecord>> StoriesNear(int64_t first_day, int64_t last_day);
  Result<int64_t> LargestStoryId();  // 0 when there are none
  Result<std::optional<StoryRecord>> GetStory(int64_t id);
  Result<std::vector<std::string>> StoryMembers(int64_t story_id);  // ids, in storage order
  // Near-duplicate records of the given ids (those that are duplicates).
  Result<std::vector<DuplicateRecord>> DuplicatesAmong(const std::vector<std::string>& ids);
  Result<std::vector<DuplicateRecord>> Duplicates();  // every near-duplicate, in storage order
  Result<int64_t> CorpusArticles();
  Result<std::vector<std::pair<std::string, int64_t>>> TermFrequencies();
  // Writes a batch's placements, its changed stories and the new frequencies in one transaction.
  Status SaveCorpus(const std::vector<ArticlePlacementRecord>& placements, const std::vector<StoryRecord>& stories,
                    int64_t articles, const std::vector<std::pair<std::string, int64_t>>& frequencies);

  // Incidents by id: of one story, or of every story when `story_id` is 0.
  Result<std::vector<IncidentRecord>> Incidents(int64_t story_id = 0);
  // The incident of each event mention, by (document id, event seq).
  Result<std::map<std::pair<std::string, int64_t>, int64_t>> EventIncidents();
  // The story of each placed document, by id.
  Result<std::unordered_map<std::string, int64_t>> DocumentStories();

  const std::string& path() const { return path_; }

 private:
  Store(sqlite3* db, std::string path);
  Status Migrate();
  Status Prepare();
  Status Exec(const char* sql);
  Status CatchUpIndex();
  Status Error(const std::string& what) const;
  Result<Document> Load(sqlite3_stmt* row);
  Result<sqlite3_stmt*> PrepareOnce(const char* sql);  // caller finalises
  Status WriteIncidents(const StoryRecord& story);     // inside SaveCorpus's transaction

  sqlite3* db_;
  std::string path_;
  std::vector<sqlite3_stmt*> statements_;  // owned; finalised by the destructor
  struct PendingIndex {
    int64_t doc_key;
    std::string title;
    std::string body;
  };
  static constexpr size_t kIndexBatchDocuments = 512;
  static constexpr size_t kIndexBatchBytes = 16u << 20;
  std::vector<PendingIndex> pending_;  // committed documents waiting for the index
  size_t pending_bytes_ = 0;
  int writer_lock_fd_ = -1;  // holds the advisory writer lock while open for writing
  struct Statements;
  std::unique_ptr<Statements> stmt_;
};

// Turns a person's query ("Nagorno-Karabakh ceasefire", "\"white flag\" OR surrender")
// into FTS5 syntax: words and quoted phrases become quoted strings (so punctuation
// cannot break the syntax), OR / NOT / AND stay operators, a trailing * is a prefix.
std::string BuildFtsQuery(const std::string& query);

}  // namespace casus

#endif  // CASUS_STORE_STORE_H_
