// casus: the command-line program. Parses arguments with CLI11 and hands each
// subcommand to apps/commands.cc. Usage errors exit with status 2.
#include <CLI/CLI.hpp>

#include "apps/commands.h"

int main(int argc, char** argv) {
  using namespace casus::cli;
  CLI::App app{"casus: evidence-linked event data from news about armed conflict and diplomacy"};
  app.set_version_flag("--version", std::string("casus ") + CASUS_VERSION);
  app.require_subcommand(1);
  const std::string db_help = "database file (default: $CASUS_DB, else ./casus.db)";

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Read articles (files, folders, JSON Lines, HTML; '-' is JSON Lines on stdin), clean and store them");
  ingest_cmd->add_option("paths", ingest.paths, "files or folders to read; folders are read recursively")->required();
  ingest_cmd->add_option("--db", ingest.db, db_help);
  ingest_cmd->add_option("--format", ingest.format, "force a format: text, jsonl or html (default: by extension)");
  ingest_cmd->add_option("--max-bytes", ingest.max_bytes, "skip documents larger than this (default 16 MiB)");
  ingest_cmd
      ->add_option("--time-limit", ingest.time_limit_seconds,
                   "seconds one document may spend in the stages before it is skipped with an error (default 60; "
                   "0: no limit)")
      ->check(CLI::NonNegativeNumber);
  ingest_cmd->add_flag("-q,--quiet", ingest.quiet, "no progress line or summary");
  ingest_cmd->add_flag("--timings", ingest.timings, "print time spent in each stage");
  ingest_cmd->add_flag("--no-stories", ingest.no_corpus, "skip near-duplicate detection and story clustering");
  ingest_cmd
      ->add_option("--duplicate-threshold", ingest.duplicate_threshold,
                   "estimated Jaccard similarity of 4-word shingles from which two articles are "
                   "near-duplicates (default 0.6)")
      ->check(CLI::Range(0.05, 1.0));
  ingest_cmd
      ->add_option("--story-threshold", ingest.story_threshold,
                   "cosine similarity of an article to a story needed to join it (default 0.16)")
      ->check(CLI::Range(0.0, 1.0));
  ingest_cmd
      ->add_option("--story-window", ingest.story_window_days,
                   "days outside a story's publication range an article may fall and still join (default 7)")
      ->check(CLI::NonNegativeNumber);

  SearchArgs search;
  CLI::App* search_cmd = app.add_subcommand("search", "Full-text search, ranked by bm25, with snippets");
  search_cmd->add_option("query", search.words, "words, \"quoted phrases\", OR, NOT, prefix*")->required();
  search_cmd->add_option("--db", search.db, db_help);
  search_cmd->add_option("-n,--limit", search.limit, "number of hits (default 10)")->check(CLI::PositiveNumber);
  search_cmd->add_flag("--raw", search.raw, "pass the query to SQLite FTS5 unchanged");
  search_cmd->add_flag("--json", search.json, "one JSON object per hit");

  ShowArgs show;
  CLI::App* show_cmd = app.add_subcommand("show", "Print one document: metadata, clean text, boilerplate apart");
  show_cmd->add_option("id", show.id, "document id (file name without extension, JSON id, or content hash)")
      ->required();
  show_cmd->add_option("--db", show.db, db_help);
  show_cmd->add_flag("--sentences", show.sentences, "list the sentences with their byte offsets");
  show_cmd->add_flag("--json", show.json, "print as one JSON object");

  ExportArgs export_args;
  CLI::App* export_cmd = app.add_subcommand("export", "Write a table as JSON Lines or CSV");
  export_cmd->add_option(
      "--table", export_args.table,
      "documents, sentences, boilerplate, dates, casualties, quotes, entities, places, events, duplicates, "
      "stories or incidents (default documents)");
  export_cmd->add_option(
      "--format", export_args.format,
      "jsonl, csv, or geojson for the places, entities, events and incidents tables (default jsonl)");
  export_cmd->add_option("--db", export_args.db, db_help);
  export_cmd->add_option("-o,--output", export_args.output, "output file (default: standard output)");

  StatsArgs stats;
  CLI::App* stats_cmd = app.add_subcommand("stats", "Counts of documents, sentences and boilerplate in the store");
  stats_cmd->add_option("--db", stats.db, db_help);
  stats_cmd->add_flag("--json", stats.json, "print as one JSON object");

  EvalArgs eval_args;
  StoriesArgs stories_args;
  CLI::App* stories_cmd = app.add_subcommand("stories", "List stories: dates, size, label, casualty ranges");
  stories_cmd->add_option("--db", stories_args.db, db_help);
  stories_cmd->add_option("-n,--limit", stories_args.limit, "number of stories, largest first (default 50)")
      ->check(CLI::PositiveNumber);
  stories_cmd->add_flag("--json", stories_args.json, "one JSON object per story");

  StoryArgs story_args;
  CLI::App* story_cmd =
      app.add_subcommand("story", "Print one story: timeline of its articles, sources, claims and conflicts");
  story_cmd->add_option("id", story_args.id, "story id (from 'casus stories')")->required();
  story_cmd->add_option("--db", story_args.db, db_help);

  CLI::App* eval_cmd = app.add_subcommand("eval", "Score casus against annotated data");
  eval_cmd->require_subcommand(1);
  CLI::App* timex_cmd = eval_cmd->add_subcommand(
      "timex", "Time expressions against TimeML files (TempEval-3): span and value precision, recall, F1");
  timex_cmd->add_option("dir", eval_args.path, "folder of .tml files, read recursively")->required();
  timex_cmd->add_option("--errors", eval_args.errors, "print up to N examples of each kind of error");
  timex_cmd->add_option("--kind", eval_args.kind, "only errors of this kind: missed, spurious, value, span");
  CLI::App* casualties_cmd = eval_cmd->add_subcommand(
      "casualties",
      "Casualty counts per article against GVDB (dev.tsv) or PLOVER records with 'dead': exact match and MAE; "
      "GVDB incident dates: exact and within a day");
  casualties_cmd->add_option("file", eval_args.path, "GVDB .tsv file or PLOVER JSON file")->required();
  casualties_cmd->add_option("--errors", eval_args.errors, "print up to N articles where a count differs");
  casualties_cmd->add_option("--kind", eval_args.kind, "'date': print articles whose incident date differs instead");
  CLI::App* attribution_cmd = eval_cmd->add_subcommand(
      "attribution", "Attributions against PolNeAR (brat): source span and source-to-content link F1");
  attribution_cmd->add_option("dir", eval_args.path, "PolNeAR folder with attributions/ and text/")->required();
  attribution_cmd->add_option("--errors", eval_args.errors, "print up to N missed and N spurious attributions");

  CLI::App* stories_eval_cmd = eval_cmd->add_subcommand(
      "stories", "Story clustering against ECB+ (docs/ and stories.tsv): B-cubed precision, recall, F1 and ARI");
  stories_eval_cmd->add_option("dir", eval_args.path, "folder with docs/*.txt and stories.tsv")->required();
  stories_eval_cmd->add_option("--errors", eval_args.errors, "print up to N gold stories that were split or merged");
  stories_eval_cmd
      ->add_option("--story-threshold", eval_args.story_threshold,
                   "cosine similarity needed to join a story (default 0.16)")
      ->check(CLI::Range(0.0, 1.0));

  CLI::App* geo_cmd = eval_cmd->add_subcommand(
      "geo", "Place names against LGL (lgl.xml): toponym precision, recall, F1 and the share resolved within 161 km");
  geo_cmd->add_option("file", eval_args.path, "LGL XML file")->required();
  geo_cmd->add_option("--errors", eval_args.errors, "print up to N examples of each kind of error");
  geo_cmd->add_option("--kind", eval_args.kind, "only errors of this kind: missed, spurious, far, unresolved");

  CLI::App* plover_cmd = eval_cmd->add_subcommand(
      "plover", "Event categories against PLOVER records: accuracy, macro-F1, actor and target countries");
  plover_cmd->add_option("file", eval_args.path, "PLOVER_GSR_CAMEO.txt")->required();
  plover_cmd->add_option("--errors", eval_args.errors, "print up to N records coded wrong");
  plover_cmd->add_option("--kind", eval_args.kind, "only records of this gold category; 'actor': wrong actors");

  CLI::App* acled_cmd = eval_cmd->add_subcommand(
      "acled", "ACLED sub-event types against CASE 2021 snippets: accuracy, macro- and weighted F1");
  acled_cmd->add_option("file", eval_args.path, "CASE 2021 task 2 dev.tsv")->required();
  acled_cmd->add_option("--errors", eval_args.errors, "print up to N snippets coded wrong");
  acled_cmd->add_option("--kind", eval_args.kind, "only errors with this gold or casus code");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (ingest_cmd->parsed()) return RunIngest(ingest);
  if (search_cmd->parsed()) return RunSearch(search);
  if (show_cmd->parsed()) return RunShow(show);
  if (export_cmd->parsed()) return RunExport(export_args);
  if (stats_cmd->parsed()) return RunStats(stats);
  if (timex_cmd->parsed()) return RunEvalTimex(eval_args);
  if (casualties_cmd->parsed()) return RunEvalCasualties(eval_args);
  if (attribution_cmd->parsed()) return RunEvalAttribution(eval_args);
  if (stories_eval_cmd->parsed()) return RunEvalStories(eval_args);
  if (geo_cmd->parsed()) return RunEvalGeo(eval_args);
  if (plover_cmd->parsed()) return RunEvalPlover(eval_args);
  if (acled_cmd->parsed()) return RunEvalAcled(eval_args);
  if (stories_cmd->parsed()) return RunStories(stories_args);
  if (story_cmd->parsed()) return RunStory(story_args);
  return kExitUsage;
}
