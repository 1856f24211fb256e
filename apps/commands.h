// The casus subcommands, one function each, free of the argument parser so they can
// be read (and tested) on their own. Each returns the process exit status:
// 0 all well, 1 some input or lookup failed (each reported on stderr), 2 usage error.
#ifndef CASUS_APPS_COMMANDS_H_
#define CASUS_APPS_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace casus::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// The database path: --db when given, else $CASUS_DB, else ./casus.db.
std::string ResolveDatabasePath(const std::string& flag);

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db;
  std::string format;  // "", "text", "jsonl", "html"
  size_t max_bytes = 16u << 20;
  double time_limit_seconds = 60;  // per document, in the stages; 0: none
  bool quiet = false;
  bool timings = false;
  bool no_corpus = false;           // skip near-duplicates and stories
  double duplicate_threshold = -1;  // < 0: the default
  double story_threshold = -1;
  int story_window_days = -1;
};
int RunIngest(const IngestArgs& args);

struct SearchArgs {
  std::vector<std::string> words;
  std::string db;
  int limit = 10;
  bool raw = false;
  bool json = false;
};
int RunSearch(const SearchArgs& args);

struct ShowArgs {
  std::string id;
  std::string db;
  bool sentences = false;
  bool json = false;
};
int RunShow(const ShowArgs& args);

struct ExportArgs {
  std::string table = "documents";
  std::string format = "jsonl";
  std::string db;
  std::string output;  // empty or "-" for standard output
};
int RunExport(const ExportArgs& args);

struct StatsArgs {
  std::string db;
  bool json = false;
};
int RunStats(const StatsArgs& args);

struct StoriesArgs {
  std::string db;
  int limit = 50;
  bool json = false;
};
int RunStories(const StoriesArgs& args);

struct StoryArgs {
  int64_t id = 0;
  std::string db;
};
int RunStory(const StoryArgs& args);

struct EvalArgs {
  std::string path;
  int errors = 0;               // examples of each error kind to print
  std::string kind;             // only this kind: missed, spurious, value, span
  double story_threshold = -1;  // eval stories: < 0 for the default
};
int RunEvalTimex(const EvalArgs& args);
int RunEvalCasualties(const EvalArgs& args);
int RunEvalAttribution(const EvalArgs& args);
int RunEvalStories(const EvalArgs& args);
int RunEvalGeo(const EvalArgs& args);
int RunEvalPlover(const EvalArgs& args);
int RunEvalAcled(const EvalArgs& args);

}  // namespace casus::cli

#endif  // CASUS_APPS_COMMANDS_H_
