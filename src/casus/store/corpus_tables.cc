// The store's corpus tables (schema 4): sketches, duplicates, stories, story members and
// term frequencies. Read once per batch and written in one transaction at its end, so
// these statements are prepared per call rather than kept.
#include <sqlite3.h>

#include <limits>
#include <memory>

#include "casus/store/sqlite_util.h"
#include "casus/store/store.h"

namespace casus {
namespace {

struct Finalize {
  sqlite3_stmt* statement;
  ~Finalize() { sqlite3_finalize(statement); }
};

}  // namespace

Result<sqlite3_stmt*> Store::PrepareOnce(const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK) {
    return Error(std::string("cannot prepare '") + sql + "'");
  }
  return statement;
}

Status Store::ForEachSketch(const std::function<void(const StoredSketch&)>& visit) {
  Result<sqlite3_stmt*> st = PrepareOnce(
      "SELECT d.id, s.bins, s.exact, coalesce(m.story_id, 0) FROM sketches s JOIN documents d USING (doc_key) "
      "LEFT JOIN story_members m USING (doc_key) ORDER BY s.doc_key");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  StoredSketch sketch;
  while (true) {
    int rc = sqlite3_step(*st);
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return Error("cannot read sketches");
    sketch.id = Column(*st, 0);
    sketch.bins.assign(static_cast<const char*>(sqlite3_column_blob(*st, 1)), sqlite3_column_bytes(*st, 1));
    sketch.exact = static_cast<uint64_t>(sqlite3_column_int64(*st, 2));
    sketch.story_id = sqlite3_column_int64(*st, 3);
    visit(sketch);
  }
}

Result<std::vector<std::pair<std::string, std::string>>> Store::UnplacedDocuments() {
  Result<sqlite3_stmt*> st = PrepareOnce(
      "SELECT id, published FROM documents WHERE doc_key NOT IN (SELECT doc_key FROM sketches) ORDER BY doc_key");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::vector<std::pair<std::string, std::string>> documents;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) documents.emplace_back(Column(*st, 0), Column(*st, 1));
  if (rc != SQLITE_DONE) return Error("cannot list unplaced documents");
  return documents;
}

namespace {

constexpr const char* kStoryColumns =
    "story_id, label, first, last, published_first, published_last, first_day, last_day, articles, independent, "
    "places, terms, killed, wounded, conflicting, centroid";

StoryRecord ReadStory(sqlite3_stmt* st) {
  StoryRecord story;
  story.id = sqlite3_column_int64(st, 0);
  story.label = Column(st, 1);
  story.first = Column(st, 2);
  story.last = Column(st, 3);
  story.published_first = Column(st, 4);
  story.published_last = Column(st, 5);
  story.first_day = sqlite3_column_int64(st, 6);
  story.last_day = sqlite3_column_int64(st, 7);
  story.articles = sqlite3_column_int64(st, 8);
  story.independent = sqlite3_column_int64(st, 9);
  story.places = Column(st, 10);
  story.terms = Column(st, 11);
  story.killed = Column(st, 12);
  story.wounded = Column(st, 13);
  story.conflicting = sqlite3_column_int(st, 14) != 0;
  story.centroid = Column(st, 15);
  return story;
}

}  // namespace

Result<std::vector<StoryRecord>> Store::Stories() {
  std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories ORDER BY story_id";
  Result<sqlite3_stmt*> st = PrepareOnce(sql.c_str());
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::vector<StoryRecord> stories;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) stories.push_back(ReadStory(*st));
  if (rc != SQLITE_DONE) return Error("cannot read stories");
  return stories;
}

Result<std::vector<StoryRecord>> Store::StoriesNear(int64_t first_day, int64_t last_day) {
  std::string sql = std::string("SELECT ") + kStoryColumns +
                    " FROM stories WHERE first_day = ?3 OR (last_day >= ?1 AND first_day <= ?2) ORDER BY story_id";
  Result<sqlite3_stmt*> st = PrepareOnce(sql.c_str());
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  sqlite3_bind_int64(*st, 1, first_day);
  sqlite3_bind_int64(*st, 2, last_day);
  sqlite3_bind_int64(*st, 3, std::numeric_limits<int32_t>::min());
  std::vector<StoryRecord> stories;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) stories.push_back(ReadStory(*st));
  if (rc != SQLITE_DONE) return Error("cannot read stories");
  return stories;
}

Result<int64_t> Store::LargestStoryId() {
  Result<sqlite3_stmt*> st = PrepareOnce("SELECT coalesce(max(story_id), 0) FROM stories");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  if (sqlite3_step(*st) != SQLITE_ROW) return Error("cannot read story ids");
  return sqlite3_column_int64(*st, 0);
}

Result<std::optional<StoryRecord>> Store::GetStory(int64_t id) {
  std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories WHERE story_id = ?";
  Result<sqlite3_stmt*> st = PrepareOnce(sql.c_str());
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  sqlite3_bind_int64(*st, 1, id);
  int rc = sqlite3_step(*st);
  if (rc == SQLITE_DONE) return std::optional<StoryRecord>();
  if (rc != SQLITE_ROW) return Error("cannot read story " + std::to_string(id));
  return std::optional<StoryRecord>(ReadStory(*st));
}

Result<std::vector<std::string>> Store::StoryMembers(int64_t story_id) {
  Result<sqlite3_stmt*> st = PrepareOnce(
      "SELECT d.id FROM story_members m JOIN documents d USING (doc_key) WHERE m.story_id = ? ORDER BY m.doc_key");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  sqlite3_bind_int64(*st, 1, story_id);
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) ids.push_back(Column(*st, 0));
  if (rc != SQLITE_DONE) return Error("cannot read the members of story " + std::to_string(story_id));
  return ids;
}

Result<std::vector<DuplicateRecord>> Store::DuplicatesAmong(const std::vector<std::string>& ids) {
  Result<sqlite3_stmt*> st = PrepareOnce(
      "SELECT c.id, x.similarity, x.exact FROM documents d JOIN duplicates x ON x.doc_key = d.doc_key "
      "JOIN documents c ON c.doc_key = x.canonical_key WHERE d.id = ?");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::vector<DuplicateRecord> records;
  for (const std::string& id : ids) {
    sqlite3_reset(*st);
    BindText(*st, 1, id);
    int rc = sqlite3_step(*st);
    if (rc == SQLITE_ROW) {
      records.push_back(
          DuplicateRecord{id, Column(*st, 0), sqlite3_column_double(*st, 1), sqlite3_column_int(*st, 2) != 0});
    } else if (rc != SQLITE_DONE) {
      return Error("cannot read duplicates of " + id);
    }
  }
  return records;
}

Result<std::vector<DuplicateRecord>> Store::Duplicates() {
  Result<sqlite3_stmt*> st = PrepareOnce(
      "SELECT d.id, c.id, x.similarity, x.exact FROM duplicates x JOIN documents d ON d.doc_key = x.doc_key "
      "JOIN documents c ON c.doc_key = x.canonical_key ORDER BY x.doc_key");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::vector<DuplicateRecord> records;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
    records.push_back(DuplicateRecord{Column(*st, 0), Column(*st, 1), sqlite3_column_double(*st, 2),
                                      sqlite3_column_int(*st, 3) != 0});
  }
  if (rc != SQLITE_DONE) return Error("cannot read duplicates");
  return records;
}

Result<int64_t> Store::CorpusArticles() {
  Result<sqlite3_stmt*> st = PrepareOnce("SELECT value FROM store_state WHERE key = 'corpus_articles'");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  return sqlite3_step(*st) == SQLITE_ROW ? sqlite3_column_int64(*st, 0) : int64_t{0};
}

Result<std::vector<std::pair<std::string, int64_t>>> Store::TermFrequencies() {
  Result<sqlite3_stmt*> st = PrepareOnce("SELECT term, articles FROM term_frequencies");
  if (!st.ok()) return st.status();
  Finalize finalize{*st};
  std::vector<std::pair<std::string, int64_t>> frequencies;
  int rc;
  while ((rc = sqlite3_step(*st)) == SQLITE_ROW) frequencies.emplace_back(Column(*st, 0), sqlite3_column_int64(*st, 1));
  if (rc != SQLITE_DONE) return Error("cannot read term frequencies");
  return frequencies;
}

Status Store::SaveCorpus(const std::vector<ArticlePlacementRecord>& placements, const std::vector<StoryRecord>& stories,
                         int64_t articles, const std::vector<std::pair<std::string, int64_t>>& frequencies) {
  CASUS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto run = [&]() -> Status {
    Result<sqlite3_stmt*> key = PrepareOnce("SELECT doc_key FROM documents WHERE id = ?");
    if (!key.ok()) return key.status();
    Finalize finalize_key{*key};
    auto key_of = [&](const std::string& id) -> int64_t {
      sqlite3_reset(*key);
      BindText(*key, 1, id);
      return sqlite3_step(*key) == SQLITE_ROW ? sqlite3_column_int64(*key, 0) : -1;
    };
    Result<sqlite3_stmt*> sketch = PrepareOnce("INSERT OR REPLACE INTO sketches (doc_key, bins, exact) VALUES (?,?,?)");
    if (!sketch.ok()) return sketch.status();
    Finalize finalize_sketch{*sketch};
    Result<sqlite3_stmt*> duplicate =
        PrepareOnce("INSERT OR REPLACE INTO duplicates (doc_key, canonical_key, similarity, exact) VALUES (?,?,?,?)");
    if (!duplicate.ok()) return duplicate.status();
    Finalize finalize_duplicate{*duplicate};
    Result<sqlite3_stmt*> member = PrepareOnce("INSERT OR REPLACE INTO story_members (doc_key, story_id) VALUES (?,?)");
    if (!member.ok()) return member.status();
    Finalize finalize_member{*member};
    for (const ArticlePlacementRecord& placement : placements) {
      const int64_t doc_key = key_of(placement.id);
      if (doc_key < 0) continue;  // replaced while the batch ran
      sqlite3_reset(*sketch);
      sqlite3_bind_int64(*sketch, 1, doc_key);
      sqlite3_bind_blob(*sketch, 2, placement.bins.data(), static_cast<int>(placement.bins.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(*sketch, 3, static_cast<int64_t>(placement.exact));
      if (sqlite3_step(*sketch) != SQLITE_DONE) return Error("cannot write the sketch of " + placement.id);
      if (!placement.duplicate_of.empty()) {
        const int64_t canonical_key = key_of(placement.duplicate_of);
        if (canonical_key >= 0) {
          sqlite3_reset(*duplicate);
          sqlite3_bind_int64(*duplicate, 1, doc_key);
          sqlite3_bind_int64(*duplicate, 2, canonical_key);
          sqlite3_bind_double(*duplicate, 3, placement.similarity);
          sqlite3_bind_int(*duplicate, 4, placement.exact_copy ? 1 : 0);
          if (sqlite3_step(*duplicate) != SQLITE_DONE) return Error("cannot write the duplicate " + placement.id);
        }
      }
      sqlite3_reset(*member);
      sqlite3_bind_int64(*member, 1, doc_key);
      sqlite3_bind_int64(*member, 2, placement.story_id);
      if (sqlite3_step(*member) != SQLITE_DONE) return Error("cannot write the story of " + placement.id);
    }
    std::string sql =
        std::string("INSERT OR REPLACE INTO stories (") + kStoryColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    Result<sqlite3_stmt*> story = PrepareOnce(sql.c_str());
    if (!story.ok()) return story.status();
    Finalize finalize_story{*story};
    for (const StoryRecord& record : stories) {
      sqlite3_stmt* st = *story;
      sqlite3_reset(st);
      sqlite3_bind_int64(st, 1, record.id);
      BindText(st, 2, record.label);
      BindOptionalText(st, 3, record.first);
      BindOptionalText(st, 4, record.last);
      BindOptionalText(st, 5, record.published_first);
      BindOptionalText(st, 6, record.published_last);
      sqlite3_bind_int64(st, 7, record.first_day);
      sqlite3_bind_int64(st, 8, record.last_day);
      sqlite3_bind_int64(st, 9, record.articles);
      sqlite3_bind_int64(st, 10, record.independent);
      BindOptionalText(st, 11, record.places);
      BindOptionalText(st, 12, record.terms);
      BindOptionalText(st, 13, record.killed);
      BindOptionalText(st, 14, record.wounded);
      sqlite3_bind_int(st, 15, record.conflicting ? 1 : 0);
      BindText(st, 16, record.centroid);
      if (sqlite3_step(st) != SQLITE_DONE) return Error("cannot write story " + std::to_string(record.id));
      if (record.has_incidents) CASUS_RETURN_IF_ERROR(WriteIncidents(record));
    }
    Result<sqlite3_stmt*> frequency =
        PrepareOnce("INSERT OR REPLACE INTO term_frequencies (term, articles) VALUES (?,?)");
    if (!frequency.ok()) return frequency.status();
    Finalize finalize_frequency{*frequency};
    for (const auto& [term, count] : frequencies) {
      sqlite3_reset(*frequency);
      BindText(*frequency, 1, term);
      sqlite3_bind_int64(*frequency, 2, count);
      if (sqlite3_step(*frequency) != SQLITE_DONE) return Error("cannot write term frequencies");
    }
    Result<sqlite3_stmt*> state =
        PrepareOnce("INSERT OR REPLACE INTO store_state (key, value) VALUES ('corpus_articles', ?)");
    if (!state.ok()) return state.status();
    Finalize finalize_state{*state};
    sqlite3_bind_int64(*state, 1, articles);
    if (sqlite3_step(*state) != SQLITE_DONE) return Error("cannot write the corpus size");
    return Status::Ok();
  };
  Status status = run();
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

}  // namespace casus
