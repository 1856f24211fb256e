#include "casus/store/store.h"

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <sstream>

#include "casus/store/export.h"
#include "tests/testing/temp_dir.h"

namespace casus {
namespace {

Document MakeDocument(const std::string& id, const std::string& text, const std::string& title = "") {
  Document d(id, id + ".txt", SourceFormat::kCrawlText, text);
  d.metadata.title = title;
  d.metadata.published = "2023-09-20";
  d.sentences.push_back(Sentence{Span{0, static_cast<uint32_t>(text.find('.') + 1)}, 0, false});
  return d;
}

TEST(Store, PutGetRoundTripWithLayers) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document d = MakeDocument("a", "Talks resumed in Baku.\nAdvertisement\n", "Talks resume");
  d.boilerplate.push_back({Span{23, 36}, BoilerplateKind::kAdvertisement});
  d.embedded_posts.push_back(EmbeddedPost{Span{0, 5}, "twitter", "Jo", "@jo", "2020-10-05"});
  d.metadata.dateline = "Baku";
  d.metadata.dateline_span = Span{0, 0};
  ASSERT_EQ(*(*store)->Put(d), PutOutcome::kInserted);
  auto loaded = (*store)->Get("a");
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  const Document& back = loaded->value();
  EXPECT_EQ(back.text(), d.text());
  EXPECT_EQ(back.metadata.title, "Talks resume");
  EXPECT_EQ(back.metadata.published, "2023-09-20");
  EXPECT_EQ(back.metadata.dateline, "Baku");
  ASSERT_EQ(back.boilerplate.size(), 1u);
  EXPECT_EQ(back.Text(back.boilerplate[0].span), "Advertisement");
  ASSERT_EQ(back.sentences.size(), 1u);
  EXPECT_EQ(back.Text(back.sentences[0].span), "Talks resumed in Baku.");
  ASSERT_EQ(back.embedded_posts.size(), 1u);
  EXPECT_EQ(back.embedded_posts[0].handle, "@jo");
  EXPECT_FALSE((*store)->Get("missing")->has_value());
}

// Events come back with their links: the time expression and the casualty claim by
// their offsets, the place and the participants' entities by index.
TEST(Store, EventsRoundTripWithTheirLinks) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document d = MakeDocument("a", "Troops shelled Stepanakert on Tuesday, killing 12 people.");
  d.time_expressions.push_back(TimeExpression{Span{30, 37}, TimexType::kDate, "2023-09-19", ""});
  CasualtyClaim claim;
  claim.span = Span{39, 56};
  claim.evidence = Span{0, 57};
  claim.killed = CasualtyCount{true, 12, "", CountQualifier::kExact};
  d.casualties.push_back(claim);
  EntityMention place;
  place.span = Span{15, 26};
  place.canonical = "Stepanakert";
  place.kind = EntityKind::kPlace;
  d.entities.push_back(place);
  EventMention e;
  e.trigger = Span{7, 14};
  e.evidence = Span{0, 57};
  e.plover = "ASSAULT";
  e.mode = "heavy-weapons";
  e.cameo = "194";
  e.acled = "ART_MISS_ATTACK";
  e.actors.push_back(EventParticipant{-1, Span{0, 6}, "MIL", true});
  e.targets.push_back(EventParticipant{0, Span{15, 26}, "", false});
  e.time = 0;
  e.date = "2023-09-19";
  e.date_precision = "day";
  e.place = 0;
  e.casualty = 0;
  e.source_chain = {"officials"};
  e.modality = EventModality::kClaimed;
  d.events.push_back(e);
  EventMention threat = e;
  threat.plover = "THREATEN";
  threat.governor = 0;
  threat.time = threat.casualty = threat.place = -1;
  threat.actors.clear();
  d.events.push_back(threat);
  ASSERT_TRUE((*store)->Put(d).ok());
  auto back = (*store)->Get("a");
  ASSERT_TRUE(back.ok() && back->has_value());
  const Document& g = back->value();
  ASSERT_EQ(g.events.size(), 2u);
  const EventMention& r = g.events[0];
  EXPECT_EQ(r.plover, "ASSAULT");
  EXPECT_EQ(r.mode, "heavy-weapons");
  EXPECT_EQ(r.acled, "ART_MISS_ATTACK");
  EXPECT_EQ(r.time, 0);
  EXPECT_EQ(r.casualty, 0);
  EXPECT_EQ(r.place, 0);
  ASSERT_EQ(r.actors.size(), 1u);
  EXPECT_EQ(r.actors[0].sector, "MIL");
  EXPECT_TRUE(r.actors[0].armed);
  ASSERT_EQ(r.targets.size(), 1u);
  EXPECT_EQ(r.targets[0].entity, 0);
  EXPECT_EQ(r.modality, EventModality::kClaimed);
  EXPECT_EQ(r.source_chain, std::vector<std::string>{"officials"});
  EXPECT_EQ(g.events[1].governor, 0);
  EXPECT_EQ(g.events[1].time, -1);
}

// A claim that is part of another comes back linked to it; background and whose
// casualties too.
TEST(Store, CasualtyPartsBackgroundAndGroups) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document d = MakeDocument("a", "Forty were wounded, 18 of them seriously. The gunman was killed.");
  CasualtyClaim all;
  all.span = Span{0, 18};
  all.evidence = Span{0, 41};
  all.wounded = CasualtyCount{true, 40, "", CountQualifier::kExact};
  CasualtyClaim part = all;
  part.span = Span{20, 30};
  part.wounded.value = 18;
  part.part_of = 0;
  CasualtyClaim gunman;
  gunman.span = Span{42, 63};
  gunman.evidence = Span{42, 64};
  gunman.killed = CasualtyCount{true, 1, "", CountQualifier::kExact};
  gunman.group = CasualtyGroup::kPerpetrators;
  gunman.background = true;
  d.casualties = {all, part, gunman};
  ASSERT_TRUE((*store)->Put(d).ok());
  const Document back = (*store)->Get("a")->value();
  ASSERT_EQ(back.casualties.size(), 3u);
  EXPECT_EQ(back.casualties[0].part_of, -1);
  EXPECT_EQ(back.casualties[1].part_of, 0);
  EXPECT_EQ(back.casualties[2].group, CasualtyGroup::kPerpetrators);
  EXPECT_TRUE(back.casualties[2].background);
  EXPECT_FALSE(back.casualties[0].background);
  std::ostringstream csv;
  ASSERT_TRUE(ExportTable(**store, "casualties", ExportFormat::kCsv, csv).ok());
  // cumulative, background, part_of (the larger figure's begin), group
  EXPECT_NE(csv.str().find("a,0,18,\"Forty were wounded, 18 of them seriously.\",,,40,exact,,,,,,,,,,,0,0,,victims"),
            std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find("a,20,30,\"Forty were wounded, 18 of them seriously.\",,,18,exact,,,,,,,,,,,0,0,0,victims"),
            std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find(",0,1,,perpetrators"), std::string::npos) << csv.str();
}

TEST(Store, TimeExpressionsKeepTheirRole) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document d = MakeDocument("a", "Since March 9 shells fell, police said on Monday.");
  TimeExpression since{Span{6, 13}, TimexType::kDate, "2024-03-09", "2024-03-13 (published)"};
  since.since = true;
  TimeExpression monday{Span{42, 48}, TimexType::kDate, "2024-03-11", "2024-03-13 (published)"};
  monday.statement = true;
  d.time_expressions = {since, monday};
  ASSERT_TRUE((*store)->Put(d).ok());
  const Document back = (*store)->Get("a")->value();
  ASSERT_EQ(back.time_expressions.size(), 2u);
  EXPECT_TRUE(back.time_expressions[0].since);
  EXPECT_FALSE(back.time_expressions[0].statement);
  EXPECT_FALSE(back.time_expressions[1].since);
  EXPECT_TRUE(back.time_expressions[1].statement);
  std::ostringstream csv;
  ASSERT_TRUE(ExportTable(**store, "dates", ExportFormat::kCsv, csv).ok());
  EXPECT_NE(csv.str().find("a,March 9,6,13,DATE,2024-03-09,2024-03-13 (published),since,"), std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find("a,Monday,42,48,DATE,2024-03-11,2024-03-13 (published),statement,"), std::string::npos)
      << csv.str();
}

TEST(Store, SameArticleTwiceChangesNothing) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok());
  Document d = MakeDocument("a", "Talks resumed in Baku.");
  EXPECT_EQ(*(*store)->Put(d), PutOutcome::kInserted);
  EXPECT_EQ(*(*store)->Put(d), PutOutcome::kUnchanged);
  EXPECT_EQ(*(*store)->Put(MakeDocument("a", "Talks collapsed in Baku.")), PutOutcome::kUpdated);
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->sentences, 1);
  auto hits = (*store)->Search("collapsed", SearchOptions{});
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_TRUE((*store)->Search("resumed", SearchOptions{})->empty());  // the old text left the index
}

TEST(Store, SearchRanksAndHighlights) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok());
  (*store)->Put(MakeDocument("weak", "Markets were calm. A ceasefire was mentioned once in passing."));
  (*store)->Put(MakeDocument("strong", "Ceasefire talks. The ceasefire held and a second ceasefire was agreed.",
                             "Ceasefire agreed"));
  (*store)->Put(MakeDocument("other", "Floods hit the coast in Nagorno-Karabakh."));
  SearchOptions options;
  auto hits = (*store)->Search("ceasefire", options);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].id, "strong");
  EXPECT_NE((*hits)[0].snippet.find("[ceasefire]"), std::string::npos) << (*hits)[0].snippet;
  EXPECT_EQ((*store)->Search("Nagorno-Karabakh", options)->size(), 1u);
  EXPECT_EQ((*store)->Search("ceasefires", options)->size(), 2u);  // stemmed
  EXPECT_EQ((*store)->Search("\"second ceasefire\"", options)->size(), 1u);
  EXPECT_EQ((*store)->Search("floods OR markets", options)->size(), 2u);
  auto bad = (*store)->Search("\"unbalanced AND (", SearchOptions{10, true});
  EXPECT_FALSE(bad.ok());
}

TEST(Store, BuildsSafeFtsQueries) {
  EXPECT_EQ(BuildFtsQuery("Nagorno-Karabakh ceasefire"), "\"Nagorno-Karabakh\" \"ceasefire\"");
  EXPECT_EQ(BuildFtsQuery("\"white flag\" OR surrender"), "\"white flag\" OR \"surrender\"");
  EXPECT_EQ(BuildFtsQuery("escalat* NOT"), "\"escalat\"*");
  EXPECT_EQ(BuildFtsQuery("U.S. (talks)"), "\"U.S\" \"talks\"");
  EXPECT_EQ(BuildFtsQuery("()*:^"), "");
  // Operators only between terms; bytes FTS5 refuses in a string are no part of a term.
  EXPECT_EQ(BuildFtsQuery("truce OR OR AND talks"), "\"truce\" OR \"talks\"");
  EXPECT_EQ(BuildFtsQuery("NOT OR truce"), "\"truce\"");
  EXPECT_EQ(BuildFtsQuery(std::string("\xFD\"\0\0", 4)), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(BuildFtsQuery("\"  \" truce\x01talks"), "\"truce\" \"talks\"");
}

TEST(Store, RefusesFilesThatAreNotDatabasesAndNewerSchemas) {
  testing::TempDir dir;
  std::string junk = dir.Write("junk.db", "this is not an SQLite database at all, just text......................");
  auto store = Store::Open(junk);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(junk), std::string::npos);
  {
    auto fresh = Store::Open(dir.Join("v.db"));
    ASSERT_TRUE(fresh.ok());
  }
  auto reopened = Store::Open(dir.Join("v.db"), Store::Mode::kReadOnly);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->Stats()->schema_version, CurrentSchemaVersion());
}

TEST(Store, MigratesOlderSchemas) {
  testing::TempDir dir;
  std::string path = dir.Join("c.db");
  { ASSERT_TRUE(Store::Open(path).ok()); }
  // Turn it back into a version 1 database: no time layer yet.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db,
                   "DROP TABLE time_expressions; DROP TABLE quotes; DROP TABLE casualties; DROP TABLE sketches; "
                   "DROP TABLE duplicates; DROP TABLE stories; DROP TABLE story_members; DROP TABLE term_frequencies; "
                   "DROP TABLE entities; DROP VIEW events_view; DROP VIEW incidents_view; DROP TABLE events; "
                   "DROP TABLE incidents; DROP TABLE incident_events; PRAGMA user_version = 1;",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  auto old = Store::Open(path, Store::Mode::kReadOnly);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("run 'casus ingest' on it to migrate"), std::string::npos);
  auto migrated = Store::Open(path);
  ASSERT_TRUE(migrated.ok()) << migrated.status().message();
  Document d = MakeDocument("a", "Talks resumed in Baku on Tuesday.");
  d.time_expressions.push_back(TimeExpression{Span{24, 31}, TimexType::kDate, "2023-09-19", "2023-09-20 (published)"});
  ASSERT_TRUE((*migrated)->Put(d).ok());
  EXPECT_EQ((*migrated)->Get("a")->value().time_expressions.at(0).value, "2023-09-19");
  EXPECT_EQ((*migrated)->Stats()->schema_version, CurrentSchemaVersion());
}

TEST(Store, IndexCatchesUpAfterACrash) {
  testing::TempDir dir;
  std::string path = dir.Join("c.db");
  pid_t child = ::fork();
  if (child == 0) {
    auto store = Store::Open(path);
    if (!store.ok()) ::_exit(2);
    for (int i = 0; i < 20; ++i) (*store)->Put(MakeDocument("d" + std::to_string(i), "Convoy reached Goma today."));
    ::_exit(0);  // dies without flushing: 20 documents stored, none indexed
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  {
    auto reader = Store::Open(path, Store::Mode::kReadOnly);
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ((*reader)->Stats()->documents, 20);
    EXPECT_EQ(*(*reader)->UnindexedCount(), 20);
    EXPECT_TRUE((*reader)->Search("convoy", SearchOptions{})->empty());
  }
  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(*(*writer)->UnindexedCount(), 0);
  SearchOptions options;
  options.limit = 100;
  EXPECT_EQ((*writer)->Search("convoy", options)->size(), 20u);
}

TEST(Store, OneWriterAtATime) {
  testing::TempDir dir;
  auto first = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(first.ok());
  auto second = Store::Open(dir.Join("c.db"));
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("another casus process is writing"), std::string::npos);
  auto reader = Store::Open(dir.Join("c.db"), Store::Mode::kReadOnly);
  EXPECT_TRUE(reader.ok());  // readers are never locked out
}

TEST(Store, ReadersSeeAWriterAtWork) {
  testing::TempDir dir;
  {
    auto writer = Store::Open(dir.Join("c.db"));
    ASSERT_TRUE(writer.ok());
    auto reader = Store::Open(dir.Join("c.db"), Store::Mode::kReadOnly);
    ASSERT_TRUE(reader.ok());
    EXPECT_TRUE((*reader)->WriterActive());
    EXPECT_FALSE((*writer)->WriterActive());  // its own lock is no other writer
  }
  auto reader = Store::Open(dir.Join("c.db"), Store::Mode::kReadOnly);
  ASSERT_TRUE(reader.ok());
  EXPECT_FALSE((*reader)->WriterActive());
}

// Someone else's SQLite file is refused, by writers and readers alike, and left as it was.
TEST(Store, RefusesAnotherProgramsDatabase) {
  testing::TempDir dir;
  const std::string path = dir.Join("theirs.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE invoices (n); INSERT INTO invoices VALUES (1);", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  for (Store::Mode mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
    auto store = Store::Open(path, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.status().message().find(path + ": an SQLite database, but not a casus one"), std::string::npos)
        << store.status().message();
  }
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &count, nullptr);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 1);  // no table added
  sqlite3_finalize(count);
  sqlite3_close(db);
}

// Runs `check` as a user who may not write `dir` (root writes anything, so as root it
// runs in a child that gives up root for nobody). Returns what `check` returned.
bool AsUserWhoCannotWrite(const testing::TempDir& dir, const std::function<bool()>& check) {
  if (::geteuid() != 0) {
    ::chmod(dir.path().c_str(), 0555);
    const bool result = check();
    ::chmod(dir.path().c_str(), 0755);
    return result;
  }
  ::chmod(dir.path().c_str(), 0755);
  pid_t child = ::fork();
  if (child == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
    ::_exit(check() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(Store, ReadsADatabaseItMayNotWrite) {
  testing::TempDir dir;
  const std::string path = dir.Join("c.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(MakeDocument("a", "Convoy reached Goma today.")).ok());
    ASSERT_TRUE((*store)->Flush().ok());
  }
  ::unlink((path + "-wal").c_str());
  ::unlink((path + "-shm").c_str());
  ::chmod(path.c_str(), 0644);
  EXPECT_TRUE(AsUserWhoCannotWrite(dir, [&] {
    auto reader = Store::Open(path, Store::Mode::kReadOnly);
    if (!reader.ok()) {
      std::fprintf(stderr, "reader: %s\n", reader.status().message().c_str());
      return false;
    }
    auto hits = (*reader)->Search("convoy", SearchOptions{});
    if (!hits.ok() || hits->size() != 1 || (*reader)->Stats()->documents != 1) return false;
    // A writer gets one clear error, not one per document.
    auto writer = Store::Open(path);
    if (writer.ok()) return false;
    std::fprintf(stderr, "writer: %s\n", writer.status().message().c_str());
    return writer.status().message().find("ingest needs") != std::string::npos;
  }));
  // A file anyone may write, in a folder this user may not: the log cannot be made.
  ::chmod(path.c_str(), 0666);
  EXPECT_TRUE(AsUserWhoCannotWrite(dir, [&] {
    auto writer = Store::Open(path);
    if (writer.ok()) return false;
    std::fprintf(stderr, "writer: %s\n", writer.status().message().c_str());
    return writer.status().message().find("ingest needs a writable file in a writable folder") != std::string::npos;
  }));
}

TEST(Store, DamagedLayersAreErrorsNotCrashes) {
  testing::TempDir dir;
  std::string path = dir.Join("c.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    (*store)->Put(MakeDocument("a", "Talks resumed in Baku. More text."));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE documents SET sentences = x'ff0105'", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path, Store::Mode::kReadOnly);
  ASSERT_TRUE(store.ok());
  auto loaded = (*store)->Get("a");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("damaged sentence layer"), std::string::npos);
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "UPDATE documents SET sentences = NULL, boilerplate = x'0063ff'", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  loaded = (*store)->Get("a");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("damaged boilerplate layer"), std::string::npos);
  EXPECT_TRUE((*store)->Stats().ok());  // statistics skip what they cannot read
}

TEST(Export, WritesJsonLinesAndCsv) {
  testing::TempDir dir;
  auto store = Store::Open(dir.Join("c.db"));
  ASSERT_TRUE(store.ok());
  Document d = MakeDocument("a", "He said \"stop\", then left.\nRead - Other story\n", "Title, with comma");
  d.boilerplate.push_back({Span{27, 45}, BoilerplateKind::kRelatedLink});
  (*store)->Put(d);
  std::ostringstream jsonl;
  ASSERT_TRUE(ExportTable(**store, "documents", ExportFormat::kJsonLines, jsonl).ok());
  EXPECT_NE(jsonl.str().find("\"title\":\"Title, with comma\""), std::string::npos) << jsonl.str();
  EXPECT_NE(jsonl.str().find("\"boilerplate\":[{\"kind\":\"related_link\",\"begin\":27,\"end\":45,"
                             "\"text\":\"Read - Other story\"}]"),
            std::string::npos)
      << jsonl.str();
  EXPECT_NE(jsonl.str().find("\"author\":null"), std::string::npos);
  std::ostringstream csv;
  ASSERT_TRUE(ExportTable(**store, "documents", ExportFormat::kCsv, csv).ok());
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\r')),
            "id,title,published,published_time,published_zone,publisher,author,dateline,url,source,format,"
            "sentences,boilerplate,embedded_posts");
  EXPECT_NE(csv.str().find("a,\"Title, with comma\",2023-09-20,"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find(",related_link: Read - Other story,"), std::string::npos) << csv.str();
  std::ostringstream sentences;
  ASSERT_TRUE(ExportTable(**store, "sentences", ExportFormat::kCsv, sentences).ok());
  EXPECT_NE(sentences.str().find("a,0,0,26,0,0,\"He said \"\"stop\"\", then left.\""), std::string::npos)
      << sentences.str();
  std::ostringstream unknown;
  EXPECT_EQ(ExportTable(**store, "nope", ExportFormat::kCsv, unknown).code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace casus
