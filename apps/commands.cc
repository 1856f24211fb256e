// The casus subcommands: each opens the store, does one job, and reports problems on
// stderr as "casus: <what>: <why>" (inputs as "path:line: error: ..."). Output meant
// for people goes to stdout; --json variants print one JSON object per record.
#include "apps/commands.h"
#include "apps/cli_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "casus/core/utf8.h"
#include "casus/engine/engine.h"
#include "casus/store/export.h"
#include "casus/store/store.h"

namespace casus::cli {
namespace {

// A source chain as shown to people: "TASS <- the Russian Foreign Ministry".
std::string ChainText(const std::vector<std::string>& chain) {
  std::string text;
  for (const std::string& source : chain) text += (text.empty() ? "" : " <- ") + source;
  return text;
}

void PrintField(const char* name, const std::string& value) {
  if (!value.empty()) Print("%-12s %s\n", name, value.c_str());
}

}  // namespace

std::string ResolveDatabasePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("CASUS_DB");
  if (env != nullptr && env[0] != '\0') return env;
  return "casus.db";
}

int RunIngest(const IngestArgs& args) {
  IngestOptions options;
  options.reader.max_document_bytes = args.max_bytes;
  if (args.format == "text")
    options.reader.format = SourceFormat::kCrawlText;
  else if (args.format == "jsonl")
    options.reader.format = SourceFormat::kJsonLines;
  else if (args.format == "html")
    options.reader.format = SourceFormat::kHtml;
  else if (!args.format.empty()) {
    Fail("unknown --format '" + args.format + "' (text, jsonl or html)");
    return kExitUsage;
  }
  options.progress = !args.quiet && ::isatty(STDERR_FILENO);
  std::string path = ResolveDatabasePath(args.db);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) {
    Fail(store.status().message());
    return kExitSomeFailed;
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) {
    Fail(pipeline.status().message());
    return kExitSomeFailed;
  }
  pipeline->set_time_limit(std::chrono::milliseconds(static_cast<int64_t>(args.time_limit_seconds * 1000)));
  IngestReport report = Ingest(args.paths, pipeline.value(), *store.value(), options,
                               [](ingest::Diagnostic&& d) { PrintError("%s\n", d.ToString().c_str()); });
  if (!args.quiet) {
    PrintError(
        "casus: %lld documents read into %s: %lld new, %lld updated, %lld unchanged; "
        "%lld errors, %lld warnings; %.1f MB in %.2f s (%.0f documents/s)\n",
        static_cast<long long>(report.documents), path.c_str(), static_cast<long long>(report.inserted),
        static_cast<long long>(report.updated), static_cast<long long>(report.unchanged),
        static_cast<long long>(report.errors), static_cast<long long>(report.warnings), report.bytes / 1e6,
        report.seconds, report.seconds > 0 ? report.documents / report.seconds : 0.0);
  }
  if (args.timings) {
    for (size_t i = 0; i < report.timings.names.size(); ++i) {
      PrintError("  stage %-12s %8.3f s\n", report.timings.names[i].c_str(),
                 std::chrono::duration<double>(report.timings.totals[i]).count());
    }
  }
  if (!args.no_corpus && !report.storage_failed) {
    corpus::CorpusOptions corpus_options;
    if (args.duplicate_threshold >= 0) corpus_options.duplicate_threshold = args.duplicate_threshold;
    if (args.story_threshold >= 0) corpus_options.stories.threshold = args.story_threshold;
    if (args.story_window_days >= 0) corpus_options.stories.window_days = args.story_window_days;
    Result<CorpusReport> corpus_report = UpdateCorpus(*store.value(), corpus_options);
    if (!corpus_report.ok()) {
      Fail(corpus_report.status().message());
      return kExitSomeFailed;
    }
    if (!args.quiet && corpus_report->placed > 0) {
      PrintError(
          "casus: %lld articles placed: %lld near-duplicates, %lld new stories, %lld stories changed "
          "(%.2f s)\n",
          static_cast<long long>(corpus_report->placed), static_cast<long long>(corpus_report->duplicates),
          static_cast<long long>(corpus_report->new_stories), static_cast<long long>(corpus_report->changed_stories),
          corpus_report->seconds);
    }
  }
  return report.errors > 0 ? kExitSomeFailed : kExitOk;
}

int RunSearch(const SearchArgs& args) {
  std::string query;
  for (const std::string& word : args.words) query += (query.empty() ? "" : " ") + word;
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitSomeFailed;
  SearchOptions options;
  options.limit = args.limit;
  options.raw = args.raw;
  // On a terminal the matches are bold: marked with two private-use characters that
  // survive Print's escaping and become the bold sequences only after it.
  const bool color = !args.json && ::isatty(STDOUT_FILENO);
  static constexpr char kOpen[] = "\uE000", kClose[] = "\uE001";
  options.highlight_open = color ? kOpen : "[";
  options.highlight_close = color ? kClose : "]";
  Result<std::vector<SearchHit>> hits = store->Search(query, options);
  if (!hits.ok()) {
    Fail(hits.status().message());
    return hits.status().code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitSomeFailed;
  }
  if (Result<int64_t> unindexed = store->UnindexedCount(); unindexed.ok() && *unindexed > 0) {
    if (store->WriterActive()) {
      Fail("note: an ingest is running; " + std::to_string(*unindexed) + " documents it stored are not yet searchable");
    } else {
      Fail("note: " + std::to_string(*unindexed) +
           " documents are stored but not yet searchable (an ingest was interrupted); "
           "any 'casus ingest' on this database indexes them");
    }
  }
  if (args.json) {
    for (const SearchHit& hit : hits.value()) {
      Print("{\"id\":%s,\"title\":%s,\"published\":%s,\"publisher\":%s,\"score\":%.4f,\"snippet\":%s}\n",
            Json(hit.id).c_str(), Json(hit.title).c_str(), Json(hit.published).c_str(), Json(hit.publisher).c_str(),
            hit.score, Json(hit.snippet).c_str());
    }
    return kExitOk;
  }
  if (hits->empty()) {
    Print("no documents match %s\n", query.c_str());
    return kExitOk;
  }
  int rank = 0;
  for (const SearchHit& hit : hits.value()) {
    Print("%2d. %s  %s%s%s\n", ++rank, hit.id.c_str(), hit.published.empty() ? "undated" : hit.published.c_str(),
          hit.publisher.empty() ? "" : "  ", hit.publisher.c_str());
    if (!hit.title.empty()) Print("    %s\n", hit.title.c_str());
    std::string snippet = TerminalSafe(hit.snippet, /*keep_lines=*/false);
    if (color) {
      for (const auto& [marker, sequence] : {std::pair{kOpen, "\033[1m"}, std::pair{kClose, "\033[0m"}}) {
        for (size_t at = snippet.find(marker); at != std::string::npos; at = snippet.find(marker, at)) {
          snippet.replace(at, std::strlen(marker), sequence);
        }
      }
    }
    std::printf("    %s\n", snippet.c_str());
  }
  return kExitOk;
}

int RunShow(const ShowArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitSomeFailed;
  Result<std::optional<Document>> found = store->Get(args.id);
  if (!found.ok()) {
    Fail(found.status().message());
    return kExitSomeFailed;
  }
  if (!found->has_value()) {
    Fail("no document with id '" + args.id + "' in " + store->path());
    return kExitSomeFailed;
  }
  const Document& d = found->value();
  const Metadata& m = d.metadata;
  if (args.json) {
    std::string out = "{\"id\":" + Json(d.id()) + ",\"title\":" + Json(m.title) +
                      ",\"published\":" + Json(m.published) + ",\"published_time\":" + Json(m.published_time) +
                      ",\"published_zone\":" + Json(m.published_zone) + ",\"publisher\":" + Json(m.publisher) +
                      ",\"author\":" + Json(m.author) + ",\"dateline\":" + Json(m.dateline) +
                      ",\"url\":" + Json(m.url) + ",\"clean_text\":" + Json(d.CleanText()) + ",\"boilerplate\":[";
    for (size_t i = 0; i < d.boilerplate.size(); ++i) {
      out += std::string(i > 0 ? "," : "") + "{\"kind\":" + Json(BoilerplateKindName(d.boilerplate[i].kind)) +
             ",\"text\":" + Json(d.Text(d.boilerplate[i].span)) + "}";
    }
    out += "],\"sentences\":[";
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      out += std::string(i > 0 ? "," : "") + Json(d.Text(d.sentences[i].span));
    }
    out += "]}";
    Print("%s\n", out.c_str());
    return kExitOk;
  }
  PrintField("id", d.id());
  PrintField("title", m.title);
  std::string published = m.published;
  if (!m.published_time.empty()) published += " " + m.published_time;
  if (!m.published_zone.empty()) published += " " + m.published_zone;
  if (!m.published_from.empty()) published += "  (from " + m.published_from + ")";
  PrintField("published", published);
  PrintField("author", m.author);
  PrintField("publisher", m.publisher);
  PrintField("dateline", m.dateline);
  PrintField("url", m.url);
  PrintField("source", d.source() + " (" + SourceFormatName(d.format()) + ")");
  Print("%-12s %zu\n", "sentences", d.sentences.size());
  Print("\n--- text (boilerplate removed) ---\n%s\n", d.CleanText().c_str());
  if (!d.boilerplate.empty()) {
    Print("\n--- boilerplate ---\n");
    for (const BoilerplateSpan& b : d.boilerplate) {
      Print("[%s] %s\n", BoilerplateKindName(b.kind), std::string(d.Text(b.span)).c_str());
    }
  }
  if (!d.time_expressions.empty()) {
    Print("\n--- dates and times ---\n");
    for (const TimeExpression& t : d.time_expressions) {
      const std::string role = TimeRoleName(t);
      Print("%-28s %-8s %-22s%s%s%s\n", std::string(d.Text(t.span)).c_str(), TimexTypeName(t.type),
            t.value.empty() ? "?" : t.value.c_str(), t.anchor.empty() ? "" : " from ", t.anchor.c_str(),
            role.empty() ? "" : ("  [" + role + "]").c_str());
    }
  }
  if (!d.entities.empty()) {
    Print("\n--- people, organisations, countries, places ---\n");
    for (size_t i = 0; i < d.entities.size(); ++i) {
      const EntityMention& e = d.entities[i];
      std::string detail = e.canonical;
      if (!e.role.empty()) detail += ", " + e.role;
      const std::string actor = e.ActorCode();
      if (!actor.empty()) detail += " [" + actor + "]";
      if (e.located) {
        char point[48];
        std::snprintf(point, sizeof point, " %.2f %.2f", e.lat, e.lon);
        detail += point;
      }
      if (e.metonym) detail += " (for its government)";
      if (e.refers_to >= 0) detail += " = #" + std::to_string(e.refers_to);
      if (e.in_boilerplate) detail += " (in boilerplate)";
      Print("#%-3zu %-13s %-32s %s\n", i, EntityKindName(e.kind), std::string(d.Text(e.span)).c_str(), detail.c_str());
    }
  }
  if (!d.casualties.empty()) {
    Print("\n--- casualty claims ---\n");
    for (const CasualtyClaim& c : d.casualties) {
      std::string counts;
      const std::pair<const char*, const CasualtyCount*> roles[] = {
          {"killed", &c.killed}, {"wounded", &c.wounded}, {"missing", &c.missing}, {"detained", &c.detained}};
      for (const auto& [name, count] : roles) {
        if (count->present) counts += (counts.empty() ? "" : ", ") + CountText(*count) + " " + name;
      }
      Print("%s%s\n", counts.c_str(), c.cumulative ? " (running toll)" : "");
      if (!c.victims.empty()) Print("    victims: %s\n", c.victims.c_str());
      if (!c.where.empty()) Print("    where:   %s\n", c.where.c_str());
      if (!c.when.empty()) Print("    when:    %s\n", c.when.c_str());
      if (!c.cause.empty()) Print("    cause:   %s\n", c.cause.c_str());
      std::string chain = ChainText(c.source_chain);
      if (!chain.empty()) Print("    source:  %s\n", chain.c_str());
      if (!c.hedge.empty()) Print("    hedge:   %s\n", c.hedge.c_str());
      Print("    evidence: %s\n", std::string(d.Text(c.evidence)).c_str());
    }
  }
  if (!d.quotes.empty()) {
    Print("\n--- quotes ---\n");
    for (const Quote& q : d.quotes) {
      std::string text(d.Text(q.span));
      if (text.size() > 100) {  // cut on a character boundary
        size_t cut = 97;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
      }
      std::string chain = ChainText(q.chain);
      Print("[%s] %s\n    \"%s\"\n", QuoteKindName(q.kind), chain.empty() ? "(speaker unknown)" : chain.c_str(),
            text.c_str());
    }
  }
  if (!d.events.empty()) {
    Print("\n--- events ---\n");
    for (size_t i = 0; i < d.events.size(); ++i) {
      const EventMention& e = d.events[i];
      std::string actors, targets;
      for (const EventParticipant& p : e.actors) {
        const std::string code = ParticipantCode(d, p);
        actors += (actors.empty() ? "" : ", ") + ParticipantName(d, p) + (code.empty() ? "" : " [" + code + "]");
      }
      for (const EventParticipant& p : e.targets) {
        const std::string code = ParticipantCode(d, p);
        targets += (targets.empty() ? "" : ", ") + ParticipantName(d, p) + (code.empty() ? "" : " [" + code + "]");
      }
      Print("#%-3zu %s%s CAMEO %s%s  '%s'  %s\n", i, e.plover.c_str(),
            e.mode.empty() ? "" : (" [" + e.mode + "]").c_str(), e.cameo.c_str(),
            e.acled.empty() ? "" : ("  ACLED " + e.acled_type + " / " + e.acled_subtype).c_str(),
            std::string(d.Text(e.trigger)).c_str(), EventModalityName(e.modality));
      if (!actors.empty() || !targets.empty()) {
        Print("     %s -> %s\n", actors.empty() ? "?" : actors.c_str(), targets.empty() ? "?" : targets.c_str());
      }
      std::string where = e.place >= 0 && static_cast<size_t>(e.place) < d.entities.size()
                              ? "  at " + d.entities[e.place].canonical
                              : "";
      Print("     on %s (%s)%s%s\n", e.date.empty() ? "?" : e.date.c_str(), e.date_precision.c_str(), where.c_str(),
            e.governor >= 0 ? ("  governed by #" + std::to_string(e.governor)).c_str() : "");
      std::string chain = ChainText(e.source_chain);
      if (!chain.empty() || !e.hedge.empty()) {
        Print("     source: %s%s\n", chain.c_str(), e.hedge.empty() ? "" : ("  [" + e.hedge + "]").c_str());
      }
    }
  }
  if (!d.embedded_posts.empty()) {
    Print("\n--- embedded posts ---\n");
    for (const EmbeddedPost& post : d.embedded_posts) {
      Print("%s post by %s (%s) %s\n", post.platform.c_str(), post.author.c_str(), post.handle.c_str(),
            post.date.c_str());
    }
  }
  if (args.sentences) {
    Print("\n--- sentences ---\n");
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      const Sentence& s = d.sentences[i];
      Print("%3zu [%u,%u)%s %s\n", i, s.span.begin, s.span.end, s.headline ? " (headline)" : "",
            std::string(d.Text(s.span)).c_str());
    }
  }
  return kExitOk;
}

int RunExport(const ExportArgs& args) {
  ExportFormat format;
  if (args.format == "jsonl" || args.format == "json") {
    format = ExportFormat::kJsonLines;
  } else if (args.format == "csv") {
    format = ExportFormat::kCsv;
  } else if (args.format == "geojson") {
    format = ExportFormat::kGeoJson;
  } else {
    Fail("unknown --format '" + args.format + "' (jsonl, csv or geojson)");
    return kExitUsage;
  }
  bool known = false;
  for (const std::string& table : ExportTables()) known = known || table == args.table;
  if (!known) {
    std::string names;
    for (const std::string& table : ExportTables()) names += (names.empty() ? "" : ", ") + table;
    Fail("unknown --table '" + args.table + "' (" + names + ")");
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitSomeFailed;
  Status status;
  if (args.output.empty() || args.output == "-") {
    std::ios::sync_with_stdio(false);
    status = ExportTable(*store, args.table, format, std::cout);
    std::cout.flush();
  } else {
    std::ofstream file(args.output, std::ios::binary);
    if (!file) {
      Fail(args.output + ": cannot open for writing");
      return kExitSomeFailed;
    }
    status = ExportTable(*store, args.table, format, file);
  }
  if (!status.ok()) {
    Fail(status.message());
    return kExitSomeFailed;
  }
  return kExitOk;
}

int RunStats(const StatsArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitSomeFailed;
  Result<StoreStats> stats = store->Stats();
  if (!stats.ok()) {
    Fail(stats.status().message());
    return kExitSomeFailed;
  }
  const StoreStats& s = stats.value();
  if (args.json) {
    std::string out =
        "{\"database\":" + Json(store->path()) + ",\"schema_version\":" + std::to_string(s.schema_version) +
        ",\"documents\":" + std::to_string(s.documents) + ",\"sentences\":" + std::to_string(s.sentences) +
        ",\"time_expressions\":" + std::to_string(s.time_expressions) + ",\"quotes\":" + std::to_string(s.quotes) +
        ",\"casualty_claims\":" + std::to_string(s.casualty_claims) + ",\"entities\":" + std::to_string(s.entities) +
        ",\"embedded_posts\":" + std::to_string(s.embedded_posts) + ",\"undated\":" + std::to_string(s.undated) +
        ",\"unindexed\":" + std::to_string(s.unindexed) + ",\"first_published\":" + Json(s.first_published) +
        ",\"last_published\":" + Json(s.last_published) + ",\"text_bytes\":" + std::to_string(s.text_bytes) +
        ",\"database_bytes\":" + std::to_string(s.database_bytes) + ",\"boilerplate\":{";
    bool first = true;
    for (const auto& [kind, count] : s.boilerplate_by_kind) {
      out += (first ? "" : ",") + Json(kind) + ":" + std::to_string(count);
      first = false;
    }
    out += "}}";
    Print("%s\n", out.c_str());
    return kExitOk;
  }
  Print("database      %s (schema %d, %.1f MB)\n", store->path().c_str(), s.schema_version, s.database_bytes / 1e6);
  Print("documents     %lld", static_cast<long long>(s.documents));
  for (const auto& [format, count] : s.documents_by_format)
    Print("  %s: %lld", format.c_str(), static_cast<long long>(count));
  Print("\ntext          %.1f MB\n", s.text_bytes / 1e6);
  Print("published     %s .. %s (%lld undated)\n", s.first_published.empty() ? "-" : s.first_published.c_str(),
        s.last_published.empty() ? "-" : s.last_published.c_str(), static_cast<long long>(s.undated));
  if (s.unindexed > 0) {
    Print(store->WriterActive() ? "unindexed     %lld (an ingest is running)\n"
                                : "unindexed     %lld (an ingest was interrupted; the next ingest indexes them)\n",
          static_cast<long long>(s.unindexed));
  }
  Print("sentences     %lld\n", static_cast<long long>(s.sentences));
  Print("dates        %lld time expressions\n", static_cast<long long>(s.time_expressions));
  Print("quotes        %lld\n", static_cast<long long>(s.quotes));
  Print("casualties    %lld claims\n", static_cast<long long>(s.casualty_claims));
  Print("entities      %lld mentions of people, organisations, countries and places\n",
        static_cast<long long>(s.entities));
  Print("posts         %lld embedded social-media posts\n", static_cast<long long>(s.embedded_posts));
  Print("boilerplate  ");
  for (const auto& [kind, count] : s.boilerplate_by_kind)
    Print(" %s: %lld", kind.c_str(), static_cast<long long>(count));
  Print("\n");
  return kExitOk;
}

}  // namespace casus::cli
