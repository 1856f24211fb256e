// The casus program as a black box: exit codes, re-ingest idempotence, search, show,
// export and stats over the bundled example corpus, and a kill during ingest.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "casus/core/utf8.h"
#include "casus/store/store.h"
#include "tests/testing/temp_dir.h"

namespace casus {
namespace {

const std::string kBinary = CASUS_BINARY;
const std::string kExamples = std::string(CASUS_SOURCE_DIR) + "/examples/corpus";

struct Outcome {
  int status = -1;
  std::string out;  // stdout and stderr together
};

Outcome Casus(const std::string& arguments) {
  Outcome run;
  std::string command = kBinary + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), got);
  int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(Cli, IngestIsIdempotentAndCommandsWork) {
  testing::TempDir dir;
  std::string db = " --db " + dir.Join("c.db");
  Outcome first = Casus("ingest " + kExamples + db);
  ASSERT_EQ(first.status, 0) << first.out;
  EXPECT_NE(first.out.find("0 errors"), std::string::npos) << first.out;
  Outcome again = Casus("ingest " + kExamples + db);
  ASSERT_EQ(again.status, 0) << again.out;
  EXPECT_NE(again.out.find(": 0 new, 0 updated,"), std::string::npos) << again.out;

  Outcome stats = Casus("stats --json" + db);
  ASSERT_EQ(stats.status, 0) << stats.out;
  EXPECT_NE(stats.out.find("\"schema_version\":" + std::to_string(CurrentSchemaVersion())), std::string::npos)
      << stats.out;

  Outcome dates = Casus("export --table dates --format csv" + db);
  ASSERT_EQ(dates.status, 0) << dates.out;
  EXPECT_EQ(dates.out.rfind("doc,text,begin,end,type,value,anchor,role,sentence", 0), 0u) << dates.out;
  EXPECT_NE(dates.out.find("harbour-truce,Tuesday,"), std::string::npos) << dates.out;
  EXPECT_NE(dates.out.find(",DATE,2024-03-12,"), std::string::npos) << dates.out;

  Outcome search = Casus("search ceasefire --limit 3" + db);
  ASSERT_EQ(search.status, 0) << search.out;
  EXPECT_NE(search.out.find(" 1. "), std::string::npos) << search.out;
  EXPECT_NE(search.out.find("[ceasefire]"), std::string::npos) << search.out;
  Outcome nothing = Casus("search zzzyzzyva" + db);
  EXPECT_EQ(nothing.status, 0);
  EXPECT_NE(nothing.out.find("no documents match"), std::string::npos);

  Outcome csv = Casus("export --table documents --format csv" + db);
  ASSERT_EQ(csv.status, 0) << csv.out;
  EXPECT_EQ(csv.out.rfind("id,title,published,", 0), 0u) << csv.out;
  Outcome jsonl = Casus("export --table documents --format jsonl -o " + dir.Join("docs.jsonl") + db);
  ASSERT_EQ(jsonl.status, 0) << jsonl.out;
  EXPECT_TRUE(std::filesystem::file_size(dir.Join("docs.jsonl")) > 100);

  // The repost is a near-duplicate of the original and sits in its story.
  Outcome duplicates = Casus("export --table duplicates --format csv" + db);
  ASSERT_EQ(duplicates.status, 0) << duplicates.out;
  // Either may be canonical (the first read is; both have the same date).
  EXPECT_TRUE(duplicates.out.find("harbour-truce-repost,harbour-truce,") != std::string::npos ||
              duplicates.out.find("harbour-truce,harbour-truce-repost,") != std::string::npos)
      << duplicates.out;
  Outcome stories = Casus("stories --json" + db);
  ASSERT_EQ(stories.status, 0) << stories.out;
  EXPECT_NE(stories.out.find("\"label\":\"Odesa port reopens as local truce holds\""), std::string::npos)
      << stories.out;
  Outcome story_table = Casus("export --table stories" + db);
  ASSERT_EQ(story_table.status, 0) << story_table.out;
  size_t truce = story_table.out.find("\"harbour-truce\"");
  ASSERT_NE(truce, std::string::npos) << story_table.out;
  const size_t line_begin = story_table.out.rfind('\n', truce) + 1;
  const std::string line = story_table.out.substr(line_begin, story_table.out.find('\n', truce) - line_begin);
  EXPECT_NE(line.find("\"harbour-truce-repost\""), std::string::npos) << line;
  const std::string id = line.substr(line.find("\"id\":") + 5, line.find(',') - line.find("\"id\":") - 5);
  Outcome story = Casus("story " + id + db);
  ASSERT_EQ(story.status, 0) << story.out;
  EXPECT_NE(story.out.find("near-duplicate of harbour-truce"), std::string::npos) << story.out;
  EXPECT_NE(story.out.find("copies of one article: one source"), std::string::npos) << story.out;
  EXPECT_EQ(Casus("story 9999" + db).status, 1);

  Outcome show = Casus("show harbour-truce" + db);
  ASSERT_EQ(show.status, 0) << show.out;
  EXPECT_NE(show.out.find("--- boilerplate ---"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("--- people, organisations, countries, places ---"), std::string::npos) << show.out;

  // Entities: "Mykolaiv" is the city GeoNames spells Mykolayiv, not the village of that name.
  Outcome entities = Casus("export --table entities --format csv" + db);
  ASSERT_EQ(entities.status, 0) << entities.out;
  EXPECT_EQ(entities.out.rfind("doc,text,begin,end,kind,canonical,country,sector,actor,role,lat,lon,", 0), 0u)
      << entities.out;
  EXPECT_NE(entities.out.find(",Mykolaiv,"), std::string::npos) << entities.out;
  EXPECT_NE(entities.out.find(",place,Mykolayiv,UKR,,UKR,city,46.9"), std::string::npos) << entities.out;
  Outcome geojson = Casus("export --table places --format geojson" + db);
  ASSERT_EQ(geojson.status, 0) << geojson.out;
  EXPECT_EQ(geojson.out.rfind("{\"type\":\"FeatureCollection\",\"features\":[", 0), 0u) << geojson.out;
  EXPECT_NE(geojson.out.find("\"geometry\":{\"type\":\"Point\",\"coordinates\":[30.7"), std::string::npos)
      << geojson.out;  // Odesa: longitude first
  EXPECT_NE(geojson.out.find("\"canonical\":\"Mykolayiv\""), std::string::npos) << geojson.out;
  EXPECT_EQ(geojson.out.substr(geojson.out.size() - 4), "\n]}\n");
  EXPECT_NE(Casus("export --table stories --format geojson" + db).status, 0);
}

TEST(Cli, ExitStatuses) {
  testing::TempDir dir;
  std::string db = " --db " + dir.Join("c.db");
  EXPECT_EQ(Casus("").status, 2);
  EXPECT_EQ(Casus("frobnicate").status, 2);
  EXPECT_EQ(Casus("ingest").status, 2);  // no paths
  EXPECT_EQ(Casus("export --format xml" + db).status, 2);
  EXPECT_EQ(Casus("--help").status, 0);
  for (const char* command : {"ingest", "search", "show", "export", "stats", "stories", "story"}) {
    Outcome help = Casus(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("--db"), std::string::npos) << command;
  }
  // Reading commands on a missing database: a clear message and status 1.
  Outcome missing = Casus("stats" + db);
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("no such database"), std::string::npos) << missing.out;
  // Some inputs fail: status 1, each reported, the rest stored.
  std::string good = dir.Write("in/good.txt", " date 2024-01-02 Talks resumed in the capital on Monday.\n");
  std::string empty = dir.Write("in/empty.txt", "");
  Outcome partial = Casus("ingest " + dir.Join("in") + db);
  EXPECT_EQ(partial.status, 1) << partial.out;
  EXPECT_NE(partial.out.find(empty + ": error: empty file; skipped"), std::string::npos) << partial.out;
  EXPECT_EQ(Casus("show good" + db).status, 0);
  EXPECT_EQ(Casus("show nope" + db).status, 1);
}

TEST(Cli, JsonLinesFromStandardInput) {
  testing::TempDir dir;
  std::string db = " --db " + dir.Join("c.db");
  std::string feed = dir.Write("feed.jsonl", "{\"id\": \"s1\", \"text\": \"Shelling resumed overnight.\"}\n");
  Outcome run = Casus("ingest -" + db + " < " + feed);
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_EQ(Casus("show s1" + db).status, 0);
}

// "eval timex" scores a folder of TimeML files and names the document of each error listed.
TEST(Cli, EvalTimexScoresAndNamesTheDocumentOfAnError) {
  testing::TempDir dir;
  dir.Write("tml/a.tml",
            "<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2000-02-18\" "
            "functionInDocument=\"CREATION_TIME\">02/18/2000</TIMEX3></DCT>\n<TEXT>Talks ended on "
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2000-02-15\" temporalFunction=\"true\">Tuesday</TIMEX3>"
            " and will resume on <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2000-02-23\" temporalFunction=\"true\">"
            "Monday</TIMEX3>.</TEXT></TimeML>\n");
  Outcome run = Casus("eval timex " + dir.Join("tml") + " --errors 5");
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("1 documents, 2 gold and 2 system expressions"), std::string::npos) << run.out;
  // "Tuesday" is right; the coming Monday is the 21st, not the gold's 23rd.
  EXPECT_NE(run.out.find("value                          0.500   0.500   0.500"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("'Monday' gold=2000-02-23 system=2000-02-21 [Monday] (a.tml, created 2000-02-18)"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(Casus("eval timex " + dir.Join("none")).status, 1);
}

// A kill during ingest loses at most the document in flight: the database opens,
// passes its integrity check, and a second ingest completes the set.
TEST(Cli, KillDuringIngestLeavesAReadableDatabase) {
  testing::TempDir dir;
  std::string corpus = dir.Join("corpus.jsonl");
  {
    FILE* out = std::fopen(corpus.c_str(), "w");
    for (int i = 0; i < 20000; ++i) {
      std::fprintf(out,
                   "{\"id\": \"k%d\", \"text\": \"Report %d. Shelling hit district %d overnight, officials said. "
                   "At least %d people were wounded, according to the ministry.\"}\n",
                   i, i, i % 97, i % 13);
    }
    std::fclose(out);
  }
  std::string db = dir.Join("c.db");
  pid_t child = ::fork();
  if (child == 0) {
    ::execl(kBinary.c_str(), kBinary.c_str(), "ingest", "-q", corpus.c_str(), "--db", db.c_str(), nullptr);
    ::_exit(127);
  }
  // Wait until some documents are committed, then kill without warning.
  for (int i = 0; i < 200 && !std::filesystem::exists(db + "-wal"); ++i) ::usleep(10000);
  ::usleep(150000);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  {
    auto store = Store::Open(db, Store::Mode::kReadOnly);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto stats = (*store)->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_GT(stats->documents, 0);
    EXPECT_EQ(stats->sentences, 3 * stats->documents);  // no half-written document
  }
  Outcome check = Outcome{};
  FILE* pipe = ::popen(("sqlite3 " + db + " 'PRAGMA integrity_check' 2>&1").c_str(), "r");
  if (pipe != nullptr) {
    char line[256] = {0};
    if (std::fgets(line, sizeof line, pipe) != nullptr) check.out = line;
    check.status = ::pclose(pipe);
    if (check.status == 0) {
      EXPECT_EQ(check.out, "ok\n");
    }
  }
  Outcome resume = Casus("ingest -q " + corpus + " --db " + db);
  EXPECT_EQ(resume.status, 0) << resume.out;
  auto store = Store::Open(db, Store::Mode::kReadOnly);
  EXPECT_EQ((*store)->Stats()->documents, 20000);
}

// True when `out` holds a byte a terminal obeys (C0 controls but line feed and tab,
// DEL, the C1 controls written as UTF-8) or is not valid UTF-8.
bool ReachesTheTerminalRaw(const std::string& out) {
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) <= 0x9F) return true;
  }
  return FindInvalidUtf8(out) != std::string::npos;
}

// Article text, titles, JSON strings, HTML entities and file names carrying escape
// sequences reach no command's output raw; exports stay valid UTF-8 JSON.
TEST(Cli, NoTerminalEscapesFromArticles) {
  testing::TempDir dir;
  const std::string db = " --db " + dir.Join("t.db");
  dir.Write("in/evil.jsonl",
            "{\"id\":\"evil\",\"title\":\"Shelling \\u001b]0;owned\\u0007 \\u001b[2J wiped\\r\\bX\","
            "\"source\":\"Outlet \\u009b31m\",\"text\":\"Troops \\u001b[5mentered Baku on Monday, officials said. "
            "Three people were killed in the shelling of Baku \\u001b]8;;http://x\\u001b\\\\ here.\"}\n");
  dir.Write("in/page.html",
            "<html><head><title>Baku shelled &#x1b;]0;owned&#7;</title></head><body><article><p>Shelling hit "
            "Baku on Monday &#x1b;[2J and two people were killed there, officials said. The shelling went on "
            "through the night and into the next morning, residents of the city told reporters.</p></article>"
            "</body></html>");
  dir.Write("in/name\x1b[1mbold\nline\xff.txt", " date 2024-03-12 Shelling hit Baku again on Tuesday.\n");
  dir.Write("in/bin\nary\x1b[2J.txt", std::string("binary\0data", 11));
  Outcome ingest = Casus("ingest " + dir.Join("in") + db);
  EXPECT_EQ(ingest.status, 1) << ingest.out;  // the binary file
  EXPECT_FALSE(ReachesTheTerminalRaw(ingest.out)) << ingest.out;
  // The binary file's error is one line, whatever its name holds.
  size_t error_lines = 0;
  for (size_t at = ingest.out.find("error:"); at != std::string::npos; at = ingest.out.find("error:", at + 1)) {
    ++error_lines;
  }
  EXPECT_EQ(error_lines, 1u) << ingest.out;
  EXPECT_NE(ingest.out.find("bin\\nary\\x1b[2J.txt: error: binary file"), std::string::npos) << ingest.out;

  for (const std::string command : {"show evil", "show evil --sentences", "show page", "search Baku",
                                    "search Baku --json", "stories", "story 1", "stats"}) {
    Outcome run = Casus(command + db);
    EXPECT_EQ(run.status, 0) << command << "\n" << run.out;
    EXPECT_FALSE(ReachesTheTerminalRaw(run.out)) << command << "\n" << run.out;
  }
  Outcome shown = Casus("show evil" + db);
  EXPECT_NE(shown.out.find("Shelling \\x1b]0;owned\\x07 \\x1b[2J wiped\\r\\x08X"), std::string::npos) << shown.out;
  for (const std::string table : {"documents", "sentences", "dates", "casualties", "entities", "stories"}) {
    Outcome exported = Casus("export --table " + table + db);
    EXPECT_EQ(exported.status, 0) << table;
    EXPECT_FALSE(ReachesTheTerminalRaw(exported.out)) << table << "\n" << exported.out;
  }
}

// A disk that fills up mid-batch (here a limit on file size) stops the ingest with one
// error and a count of what was not stored; the same ingest run again completes it.
TEST(Cli, AFullDiskStopsTheIngestWithOneError) {
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 1500; ++i) {
    lines += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"";
    for (int k = 0; k < 20; ++k) lines += "Shelling hit the town of Baku on Monday, officials said. ";
    lines += std::to_string(i) + "\"}\n";
  }
  dir.Write("a.jsonl", lines);
  const std::string db = " --db " + dir.Join("c.db");
  // ulimit -f counts 1,024-byte blocks; a write past it fails as a full disk does.
  const std::string command = "sh -c \"trap '' XFSZ; ulimit -f 1500; " + kBinary + " ingest " + dir.Join("a.jsonl") +
                              db + " --no-stories\" 2>&1";
  Outcome limited;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  for (size_t got; (got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    limited.out.append(buffer.data(), got);
  const int status = ::pclose(pipe);
  limited.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  EXPECT_EQ(limited.status, 1) << limited.out;
  size_t errors = 0;
  for (size_t at = limited.out.find("error:"); at != std::string::npos; at = limited.out.find("error:", at + 1)) {
    ++errors;
  }
  EXPECT_EQ(errors, 1u) << limited.out;
  EXPECT_NE(limited.out.find("documents of this run were not stored"), std::string::npos) << limited.out;
  Outcome again = Casus("ingest " + dir.Join("a.jsonl") + db + " --no-stories");
  EXPECT_EQ(again.status, 0) << again.out;
  Outcome stats = Casus("stats --json" + db);
  EXPECT_NE(stats.out.find("\"documents\":1500,"), std::string::npos) << stats.out;
}

}  // namespace
}  // namespace casus
