// `casus eval timex DIR`: runs the standard pipeline over every TimeML file under DIR
// (the <DCT> date as publication date) and prints TempEval-3 scores: span precision,
// recall and F1 (strict and relaxed), value F1, type accuracy, and the same for
// relative expressions; --errors N lists examples of each kind of error.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "apps/cli_support.h"
#include "apps/commands.h"
#include "casus/corpus/reconcile.h"
#include "casus/corpus/stories.h"
#include "casus/engine/engine.h"
#include "casus/eval/claims_data.h"
#include "casus/eval/geo.h"
#include "casus/eval/timeml.h"

namespace casus::cli {
namespace {

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

void PrintRow(const char* name, int matched_system, int system, int matched_gold, int gold) {
  double p = Ratio(matched_system, system);
  double r = Ratio(matched_gold, gold);
  Print("  %-26s %9.3f %7.3f %7.3f\n", name, p, r, F1(p, r));
}

}  // namespace

int RunEvalTimex(const EvalArgs& args) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(args.path, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path().string());
  }
  if (error || files.empty()) {
    PrintError("casus: %s: no TimeML (.tml) files found%s\n", args.path.c_str(),
               error ? (" (" + error.message() + ")").c_str() : "");
    return kExitSomeFailed;
  }
  std::sort(files.begin(), files.end());
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  eval::TimexCounts total;
  std::vector<eval::TimexError> errors;
  int failed = 0;
  for (const std::string& path : files) {
    Result<eval::TimeMlDocument> gold = eval::ReadTimeMl(path);
    if (!gold.ok()) {
      PrintError("%s\n", gold.status().message().c_str());
      ++failed;
      continue;
    }
    Document document(gold->id, path, SourceFormat::kCrawlText, gold->text);
    document.metadata.published = gold->creation_date;
    if (Status status = pipeline->Run(document); !status.ok()) {
      PrintError("%s\n", status.message().c_str());
      ++failed;
      continue;
    }
    total.Add(eval::ScoreTimex(*gold, document.time_expressions, args.errors > 0 ? &errors : nullptr));
  }
  Print("TimeML evaluation of %s: %zu documents, %d gold and %d system expressions\n", args.path.c_str(),
        files.size() - failed, total.gold, total.system);
  Print("  %-22s %9s %7s %7s\n", "", "precision", "recall", "F1");
  PrintRow("span, strict", total.strict, total.system, total.strict, total.gold);
  PrintRow("span, relaxed", total.relaxed, total.system, total.relaxed, total.gold);
  PrintRow("value", total.value_correct, total.system, total.value_correct, total.gold);
  Print("  %-22s %9.3f (of relaxed matches)\n", "type accuracy", Ratio(total.type_correct, total.relaxed));
  Print("  %-22s %9.3f (of relaxed matches)\n", "value accuracy", Ratio(total.value_correct, total.relaxed));
  Print("relative expressions (gold temporalFunction=true: %d; system, resolved from an anchor: %d)\n",
        total.gold_relative, total.system_relative);
  Print("  %-22s %9s %7.3f\n", "span recall, relaxed", "", Ratio(total.relaxed_relative, total.gold_relative));
  Print("  %-22s %9s %7.3f\n", "value recall", "", Ratio(total.value_correct_relative, total.gold_relative));
  Print("  %-22s %9.3f (of relaxed matches)\n", "value accuracy",
        Ratio(total.value_correct_relative, total.relaxed_relative));
  if (args.errors > 0) {
    std::map<std::string, int> shown;
    for (const eval::TimexError& e : errors) {
      if (!args.kind.empty() && e.kind != args.kind) continue;
      if (shown[e.kind]++ >= args.errors) continue;
      Print("%-8s '%s' gold=%s system=%s (%s)\n         ...%s...\n", e.kind.c_str(), e.text.c_str(), e.expected.c_str(),
            e.got.c_str(), e.document.c_str(), e.context.c_str());
    }
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

namespace {

// The article's count for one role: the largest number stated (a running toll or a
// total covers the partial counts; people named one by one count as one, since an
// article names its victim many times). Not a part of a larger figure, not a figure of
// other times. The attackers and those who shot themselves count: GVDB counts everyone
// shot.
int ArticleCount(const Document& d, const CasualtyCount CasualtyClaim::*role, bool* only_single) {
  // The largest count of any group: reports name one person as a victim and as the
  // suspect, and adding the groups' counts double-counts more often than it helps.
  int64_t largest = 0;
  for (const CasualtyClaim& c : d.casualties) {
    if (c.part_of >= 0 || c.background) continue;
    const CasualtyCount& count = c.*role;
    if (!count.present || count.qualifier == CountQualifier::kVague) continue;
    largest = std::max<int64_t>(largest, count.value);
  }
  *only_single = largest == 1;
  return static_cast<int>(largest);
}

// The day an article's incident happened, as casus reads it: the day of its first
// killed or wounded claim that carries one ("was shot Tuesday" in the lead), else the
// first day of the incident span a story of this one article gets (corpus/reconcile.h).
// `evidence`: the claim's sentence or the expression naming the day.
std::string IncidentDay(const Document& d, bool* from_claim, Span* evidence) {
  *from_claim = false;
  for (const CasualtyClaim& c : d.casualties) {
    if (!c.killed.present && !c.wounded.present) continue;  // an arrest dates the arrest
    if (corpus::DayOf(c.when) != corpus::kUnknownDay) {
      *from_claim = true;
      *evidence = c.evidence;
      return c.when.substr(0, 10);
    }
  }
  const corpus::IncidentSpan span = corpus::FindIncidentSpan({corpus::StoryMember{&d, ""}});
  for (const TimeExpression& t : d.time_expressions) {
    if (t.Day() == span.first) {
      *evidence = t.span;
      break;
    }
  }
  return span.first;
}

}  // namespace

int RunEvalCasualties(const EvalArgs& args) {
  bool tsv = args.path.size() > 4 && args.path.compare(args.path.size() - 4, 4, ".tsv") == 0;
  Result<std::vector<eval::CountedArticle>> articles =
      tsv ? eval::ReadGvdb(args.path) : eval::ReadPloverDead(args.path);
  if (!articles.ok()) {
    PrintError("casus: %s\n", articles.status().message().c_str());
    return kExitSomeFailed;
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  int n = 0, killed_exact = 0, injured_exact = 0, shown = 0;
  double killed_error = 0, injured_error = 0;
  // The baseline that says no one was hurt, beside casus's figures.
  int zero_killed_exact = 0, zero_injured_exact = 0;
  double zero_killed_error = 0, zero_injured_error = 0;
  // Incident dates: over articles whose publication date casus found (from the address
  // or the text; the gold date is never given to it), exact and within a day.
  int dated = 0, from_claims = 0, day_exact = 0, day_near = 0, claim_exact = 0;
  for (const eval::CountedArticle& article : *articles) {
    Document document(article.id, args.path, SourceFormat::kCrawlText, article.text);
    document.metadata.url = article.url;
    if (Status status = pipeline->Run(document); !status.ok()) {
      PrintError("%s\n", status.message().c_str());
      continue;
    }
    ++n;
    bool single_killed = false, single_injured = false;
    int killed = ArticleCount(document, &CasualtyClaim::killed, &single_killed);
    int injured = ArticleCount(document, &CasualtyClaim::wounded, &single_injured);
    // One person shot and one person killed, with no number stated for the shot one
    // ("was shot", not "1 dead, 1 injured"): one victim, who died (the gold counts the
    // injured who did not die).
    if (single_injured && killed > 0) {
      bool counted = false;
      for (const CasualtyClaim& c : document.casualties) {
        if (!c.wounded.present || c.wounded.value != 1 || c.part_of >= 0 || c.background) continue;
        const std::string_view words = document.Text(c.span);
        counted = counted || words.find_first_of("0123456789") != std::string_view::npos ||
                  words.find("one ") != std::string_view::npos || words.find("One ") != std::string_view::npos;
      }
      if (!counted) injured = 0;
    }
    bool from_claim = false;
    Span evidence;
    const std::string day = IncidentDay(document, &from_claim, &evidence);
    const int system_day = corpus::DayOf(day), gold_day = corpus::DayOf(article.date);
    if (system_day != corpus::kUnknownDay && gold_day != corpus::kUnknownDay && !document.metadata.published.empty()) {
      ++dated;
      from_claims += from_claim;
      day_exact += system_day == gold_day;
      day_near += std::abs(system_day - gold_day) <= 1;
      claim_exact += from_claim && system_day == gold_day;
      if (system_day != gold_day && args.kind == "date" && shown < args.errors) {
        ++shown;
        Print("date %s: gold %s casus %s (%s; published %s from %s)\n", article.id.c_str(), article.date.c_str(),
              day.c_str(), from_claim ? "claim" : "incident span", document.metadata.published.c_str(),
              document.metadata.published_from.c_str());
        if (!evidence.empty()) Print("    %s\n", std::string(document.Text(evidence)).c_str());
      }
    }
    killed_exact += killed == article.killed;
    injured_exact += injured == article.injured;
    zero_killed_exact += article.killed == 0;
    zero_injured_exact += article.injured == 0;
    zero_killed_error += std::abs(article.killed);
    zero_injured_error += std::abs(article.injured);
    killed_error += std::abs(killed - article.killed);
    injured_error += std::abs(injured - article.injured);
    if ((killed != article.killed || (tsv && injured != article.injured)) && args.kind != "date" &&
        shown < args.errors) {
      ++shown;
      Print("%s: gold killed %d injured %d; casus killed %d injured %d\n", article.id.c_str(), article.killed,
            article.injured, killed, injured);
      for (const CasualtyClaim& c : document.casualties) {
        Print("    [%s killed, %s wounded%s] %s\n", CountText(c.killed).c_str(), CountText(c.wounded).c_str(), c.group != CasualtyGroup::kVictims ? (std::string(" ") + CasualtyGroupName(c.group)).c_str() : (c.part_of >= 0 ? " part" : (c.background ? " background" : "")),
              std::string(document.Text(c.span)).c_str());
      }
      if (document.casualties.empty()) {
        Print("    %s\n", article.text.substr(0, std::min<size_t>(article.text.size(), 300)).c_str());
      }
    }
  }
  Print("casualty counts on %s: %d articles\n", args.path.c_str(), n);
  Print("  %-10s %14s %10s %18s %14s\n", "", "exact match", "MAE", "always-zero exact", "always-zero MAE");
  Print("  %-10s %14.3f %10.3f %18.3f %14.3f\n", "killed", Ratio(killed_exact, n), n ? killed_error / n : 0.0,
        Ratio(zero_killed_exact, n), n ? zero_killed_error / n : 0.0);
  if (tsv) {
    Print("  %-10s %14.3f %10.3f %18.3f %14.3f\n", "injured", Ratio(injured_exact, n), n ? injured_error / n : 0.0,
          Ratio(zero_injured_exact, n), n ? zero_injured_error / n : 0.0);
  }
  if (tsv) {
    Print("incident date, %d articles with a publication date found (of %d)\n", dated, n);
    Print("  exact %.3f, within a day %.3f; dated by a claim: %d, of them exact %.3f\n", Ratio(day_exact, dated),
          Ratio(day_near, dated), from_claims, Ratio(claim_exact, from_claims));
  }
  return kExitOk;
}

int RunEvalAttribution(const EvalArgs& args) {
  Result<std::vector<eval::AttributionDocument>> documents = eval::ReadPolnear(args.path);
  if (!documents.ok()) {
    PrintError("casus: %s\n", documents.status().message().c_str());
    return kExitSomeFailed;
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  // Source: a system source overlapping a gold source. Link: that, and the contents
  // overlap. Direct quotations: gold contents opening with a quotation mark, and system
  // attributions whose content holds a quotation.
  struct Counts {
    int gold = 0, system = 0, gold_source = 0, system_source = 0, gold_link = 0, system_link = 0;
  } all, direct;
  int missed_shown = 0, spurious_shown = 0;
  for (const eval::AttributionDocument& gold : *documents) {
    Document document(gold.id, args.path, SourceFormat::kCrawlText, gold.text);
    if (Status status = pipeline->Run(document); !status.ok()) continue;
    std::vector<const Attribution*> system;
    for (const Attribution& a : document.attributions) {
      if (!a.source.empty()) system.push_back(&a);
    }
    auto is_direct = [&](const Attribution& a) {
      for (const Quote& q : document.quotes) {
        if (q.kind != QuoteKind::kScare && a.content.Overlaps(q.span)) return true;
      }
      return false;
    };
    auto source_match = [](const Attribution& a, const eval::GoldAttribution& g) {
      return !g.source.empty() && a.source.Overlaps(g.source);
    };
    auto link_match = [&](const Attribution& a, const eval::GoldAttribution& g) {
      return source_match(a, g) && a.content.Overlaps(g.content);
    };
    for (Counts* c : {&all, &direct}) {
      bool only_direct = c == &direct;
      for (const eval::GoldAttribution& g : gold.attributions) {
        if (g.source.empty() || (only_direct && !g.direct)) continue;
        ++c->gold;
        bool source = false, link = false;
        for (const Attribution* a : system) {
          source |= source_match(*a, g);
          link |= link_match(*a, g);
        }
        c->gold_source += source;
        c->gold_link += link;
        if (!link && !only_direct && missed_shown < args.errors) {
          ++missed_shown;
          Print("missed   %s: source '%s' cue '%s' content '%.80s'\n", gold.id.c_str(),
                std::string(g.source.Of(gold.text)).c_str(), std::string(g.cue.Of(gold.text)).c_str(),
                std::string(g.content.Of(gold.text)).c_str());
        }
      }
      for (const Attribution* a : system) {
        if (only_direct && !is_direct(*a)) continue;
        ++c->system;
        bool source = false, link = false;
        for (const eval::GoldAttribution& g : gold.attributions) {
          source |= source_match(*a, g);
          link |= link_match(*a, g);
        }
        c->system_source += source;
        c->system_link += link;
        if (!link && !only_direct && spurious_shown < args.errors) {
          ++spurious_shown;
          Print("spurious %s: source '%s' cue '%s' content '%.80s'\n", gold.id.c_str(),
                std::string(document.Text(a->source)).c_str(), std::string(document.Text(a->cue)).c_str(),
                std::string(document.Text(a->content)).c_str());
        }
      }
    }
  }
  Print("attribution on %s: %zu annotation files, %d gold attributions with a source (%d direct quotes)\n",
        args.path.c_str(), documents->size(), all.gold, direct.gold);
  Print("  %-26s %9s %7s %7s\n", "", "precision", "recall", "F1");
  PrintRow("source span", all.system_source, all.system, all.gold_source, all.gold);
  PrintRow("source -> content link", all.system_link, all.system, all.gold_link, all.gold);
  PrintRow("direct quotes: source", direct.system_source, direct.system, direct.gold_source, direct.gold);
  PrintRow("direct quotes: link", direct.system_link, direct.system, direct.gold_link, direct.gold);
  return kExitOk;
}

}  // namespace casus::cli

namespace casus::cli {
namespace {

struct ClusterScores {
  double precision = 0, recall = 0, f1 = 0, ari = 0;
  int clusters = 0;
};

// B-cubed over items and the adjusted Rand index of two labelings of the same items.
ClusterScores ScoreClustering(const std::vector<int>& gold, const std::vector<int64_t>& system) {
  ClusterScores scores;
  const size_t n = gold.size();
  std::map<std::pair<int, int64_t>, int> joint;
  std::map<int, int> gold_size;
  std::map<int64_t, int> system_size;
  for (size_t i = 0; i < n; ++i) {
    ++joint[{gold[i], system[i]}];
    ++gold_size[gold[i]];
    ++system_size[system[i]];
  }
  for (size_t i = 0; i < n; ++i) {
    const double both = joint[{gold[i], system[i]}];
    scores.precision += both / system_size[system[i]];
    scores.recall += both / gold_size[gold[i]];
  }
  scores.precision /= static_cast<double>(n);
  scores.recall /= static_cast<double>(n);
  scores.f1 = F1(scores.precision, scores.recall);
  auto pairs = [](double k) { return k * (k - 1) / 2; };
  double index = 0, gold_pairs = 0, system_pairs = 0;
  for (const auto& [key, count] : joint) index += pairs(count);
  for (const auto& [key, count] : gold_size) gold_pairs += pairs(count);
  for (const auto& [key, count] : system_size) system_pairs += pairs(count);
  const double expected = gold_pairs * system_pairs / pairs(static_cast<double>(n));
  const double maximum = (gold_pairs + system_pairs) / 2;
  scores.ari = maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
  scores.clusters = static_cast<int>(system_size.size());
  return scores;
}

}  // namespace

int RunEvalStories(const EvalArgs& args) {
  namespace fs = std::filesystem;
  const fs::path root(args.path);
  std::ifstream table(root / "stories.tsv");
  if (!table) {
    PrintError("casus: %s: cannot read stories.tsv\n", (root / "stories.tsv").c_str());
    return kExitSomeFailed;
  }
  struct Item {
    std::string doc, topic, story;
  };
  std::vector<Item> items;
  std::string line;
  while (std::getline(table, line)) {
    std::vector<std::string> fields;
    size_t begin = 0;
    while (true) {
      size_t tab = line.find('\t', begin);
      fields.push_back(line.substr(begin, tab == std::string::npos ? std::string::npos : tab - begin));
      if (tab == std::string::npos) break;
      begin = tab + 1;
    }
    if (fields.size() < 3 || fields[0] == "doc") continue;
    items.push_back(Item{fields[0], fields[1], fields[2]});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.doc < b.doc; });
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  std::vector<Document> documents;
  std::vector<int> gold;
  std::map<std::string, int> gold_ids;
  int failed = 0;
  for (const Item& item : items) {
    const fs::path path = root / "docs" / (item.doc + ".txt");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      PrintError("%s: cannot read\n", path.c_str());
      ++failed;
      continue;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Document document(item.doc, path.string(), SourceFormat::kCrawlText, std::move(text));
    if (Status status = pipeline->Run(document); !status.ok()) {
      PrintError("%s: %s\n", path.c_str(), status.message().c_str());
      ++failed;
      continue;
    }
    documents.push_back(std::move(document));
    gold.push_back(gold_ids.emplace(item.story, static_cast<int>(gold_ids.size())).first->second);
  }
  if (documents.empty()) {
    PrintError("casus: %s: no articles read\n", args.path.c_str());
    return kExitSomeFailed;
  }
  std::vector<std::string> gold_names(gold_ids.size());
  for (const auto& [name, id] : gold_ids) gold_names[static_cast<size_t>(id)] = name;

  // Online clustering depends on order: score the name order (articles of a topic
  // together) and a fixed shuffle (topics interleaved).
  std::vector<size_t> sorted(documents.size());
  for (size_t i = 0; i < sorted.size(); ++i) sorted[i] = i;
  // Five fixed shuffles: one score from one order could be luck.
  constexpr int kShuffles = 5;
  std::vector<std::vector<size_t>> shuffles(kShuffles, sorted);
  for (int round = 0; round < kShuffles; ++round) {
    uint64_t state = 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(round + 1);
    std::vector<size_t>& shuffled = shuffles[static_cast<size_t>(round)];
    for (size_t i = shuffled.size(); i > 1; --i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      std::swap(shuffled[i - 1], shuffled[(state >> 33) % i]);
    }
  }
  Print("ECB+ story clustering: %zu articles, %zu gold stories%s\n", documents.size(), gold_ids.size(),
        failed > 0 ? (" (" + std::to_string(failed) + " unreadable)").c_str() : "");
  Print("  %-22s %9s %7s %7s %7s %9s %15s\n", "order", "B3 prec", "recall", "F1", "ARI", "stories", "merged pairs");
  std::vector<int64_t> sorted_labels;
  std::vector<std::pair<std::string, const std::vector<size_t>*>> orders{{"name order", &sorted}};
  for (int round = 0; round < kShuffles; ++round) {
    orders.emplace_back("shuffle " + std::to_string(round + 1), &shuffles[static_cast<size_t>(round)]);
  }
  ClusterScores shuffle_sum;
  for (const auto& [name, order] : orders) {
    corpus::CorpusOptions options;
    if (args.story_threshold >= 0) options.stories.threshold = args.story_threshold;
    corpus::Corpus corpus(options);
    std::vector<int64_t> labels(documents.size());
    std::vector<uint32_t> articles(documents.size());
    for (size_t index : *order) articles[index] = corpus.Add(documents[index]).article;
    corpus.Finish();
    for (size_t index = 0; index < documents.size(); ++index) labels[index] = corpus.StoryIdOf(articles[index]);
    ClusterScores scores = ScoreClustering(gold, labels);
    // An incident pair of one topic is merged when the story holding most of one
    // incident's articles also holds most of the other's.
    std::map<std::string, std::vector<int>> by_topic;
    for (const auto& [story_name, id] : gold_ids) {
      by_topic[story_name.substr(0, story_name.size() - 1)].push_back(id);
    }
    auto majority = [&](int story) {
      std::map<int64_t, int> counts;
      int size = 0;
      for (size_t i = 0; i < gold.size(); ++i) {
        if (gold[i] == story) {
          ++counts[labels[i]];
          ++size;
        }
      }
      auto best = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      return std::make_pair(best->first, 2 * best->second >= size);
    };
    int merged = 0, topic_pairs = 0;
    for (const auto& [topic, stories] : by_topic) {
      if (stories.size() != 2) continue;
      ++topic_pairs;
      auto a = majority(stories[0]);
      auto b = majority(stories[1]);
      if (a.second && b.second && a.first == b.first) ++merged;
    }
    Print("  %-22s %9.3f %7.3f %7.3f %7.3f %9d %8d of %-4d\n", name.c_str(), scores.precision, scores.recall, scores.f1,
          scores.ari, scores.clusters, merged, topic_pairs);
    if (order == &sorted) {
      sorted_labels = labels;
    } else {
      shuffle_sum.precision += scores.precision / kShuffles;
      shuffle_sum.recall += scores.recall / kShuffles;
      shuffle_sum.f1 += scores.f1 / kShuffles;
      shuffle_sum.ari += scores.ari / kShuffles;
    }
  }
  Print("  %-22s %9.3f %7.3f %7.3f %7.3f\n", "mean of the shuffles", shuffle_sum.precision, shuffle_sum.recall,
        shuffle_sum.f1, shuffle_sum.ari);
  if (args.errors > 0) {
    // Gold stories whose articles went to more than one story, and system stories that mix gold stories.
    int shown = 0;
    for (size_t story = 0; story < gold_names.size() && shown < args.errors; ++story) {
      std::map<int64_t, std::vector<std::string>> parts;
      for (size_t i = 0; i < gold.size(); ++i) {
        if (gold[i] == static_cast<int>(story)) parts[sorted_labels[i]].push_back(documents[i].id());
      }
      if (parts.size() < 2) continue;
      ++shown;
      Print("\nsplit: gold story %s over %zu stories:", gold_names[story].c_str(), parts.size());
      for (const auto& [label, ids] : parts) {
        Print(" [%lld:", static_cast<long long>(label));
        for (const std::string& id : ids) Print(" %s", id.c_str());
        Print("]");
      }
      Print("\n");
    }
    std::map<int64_t, std::set<std::string>> mixes;
    for (size_t i = 0; i < gold.size(); ++i) mixes[sorted_labels[i]].insert(gold_names[static_cast<size_t>(gold[i])]);
    shown = 0;
    for (const auto& [label, names] : mixes) {
      if (names.size() < 2 || shown++ >= args.errors) continue;
      Print("merged: story %lld holds gold stories", static_cast<long long>(label));
      for (const std::string& name : names) Print(" %s", name.c_str());
      Print("\n");
    }
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace casus::cli

namespace casus::cli {

// `casus eval geo FILE`: runs the standard pipeline over each LGL article (download date
// as publication date) and scores its place names (eval/geo.h).
int RunEvalGeo(const EvalArgs& args) {
  int skipped = 0;
  Result<std::vector<eval::GeoArticle>> articles = eval::ReadLgl(args.path, &skipped);
  if (!articles.ok()) {
    PrintError("casus: %s\n", articles.status().message().c_str());
    return kExitSomeFailed;
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  eval::GeoCounts total;
  std::vector<eval::GeoError> errors;
  int failed = 0;
  for (const eval::GeoArticle& article : *articles) {
    Document document(article.id, args.path, SourceFormat::kCrawlText, article.text);
    document.metadata.published = article.published;
    if (Status status = pipeline->Run(document); !status.ok()) {
      PrintError("%s\n", status.message().c_str());
      ++failed;
      continue;
    }
    total.Add(eval::ScoreToponyms(document, article, args.errors > 0 ? &errors : nullptr));
  }
  Print("LGL: %zu articles, %d gold toponyms (%d with coordinates), %d system toponyms", articles->size(), total.gold,
        total.gold_located, total.system);
  if (skipped > 0) Print(" (%d gold toponyms skipped: offsets do not fit the text)", skipped);
  Print("\n\n  %-26s %9s %7s %7s\n", "toponyms", "precision", "recall", "F1");
  PrintRow("relaxed (overlap)", total.relaxed, total.system, total.relaxed, total.gold);
  PrintRow("strict (same span)", total.strict, total.system, total.strict, total.gold);
  std::sort(total.errors_km.begin(), total.errors_km.end());
  const double median = total.errors_km.empty() ? 0 : total.errors_km[total.errors_km.size() / 2];
  Print("\n  resolution (gold toponyms with coordinates)\n");
  Print("  %-44s %.3f (%d / %d)\n", "within 161 km, of all", Ratio(total.within_161, total.gold_located),
        total.within_161, total.gold_located);
  Print("  %-44s %.3f (%d / %d)\n", "within 161 km, of those recognised",
        Ratio(total.within_161, total.matched_located), total.within_161, total.matched_located);
  Print("  %-44s %.3f (%d / %d)\n", "within 161 km, of those resolved", Ratio(total.within_161, total.resolved),
        total.within_161, total.resolved);
  Print("  %-44s %.3f\n", "recognised but left unresolved",
        Ratio(total.matched_located - total.resolved, total.matched_located));
  Print("  %-44s %.0f km\n", "median error of resolved", median);
  if (args.errors > 0) {
    for (const char* kind : {"missed", "spurious", "unresolved", "far"}) {
      if (!args.kind.empty() && args.kind != kind) continue;
      Print("\n%s:\n", kind);
      int shown = 0;
      for (const eval::GeoError& error : errors) {
        if (error.kind != kind || shown >= args.errors) continue;
        ++shown;
        Print("  %-22s %s\n      ...%s...\n", error.text.c_str(), error.detail.c_str(), error.context.c_str());
      }
    }
  }
  return failed == 0 ? kExitOk : kExitSomeFailed;
}

}  // namespace casus::cli
