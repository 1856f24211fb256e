// `casus stories` and `casus story ID`: the corpus layer shown to people. A story is
// printed as a dated timeline of its articles (copies marked as such), then its casualty
// figures source by source, conflicts flagged, then claims that are background.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "apps/cli_support.h"
#include "apps/commands.h"
#include "casus/engine/engine.h"
#include "casus/store/export.h"
#include "casus/store/store.h"

namespace casus::cli {
namespace {

std::string Chain(const std::vector<std::string>& chain) {
  if (chain.empty()) return "(no source named)";
  std::string text;
  for (const std::string& source : chain) text += (text.empty() ? "" : " <- ") + source;
  return text;
}

std::string Dates(const std::string& first, const std::string& last) {
  if (first.empty()) return "undated";
  return first == last ? first : first + " to " + last;
}

std::string Shorten(std::string text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

// The first `limit` of MostNamed, as "key (articles); ...".
std::string MostNamedText(const StoryView& view, const std::function<std::string(const EntityMention&)>& key_of,
                          size_t limit) {
  std::string out;
  const auto named = MostNamed(view, key_of);
  for (size_t i = 0; i < named.size() && i < limit; ++i) {
    out += (i ? "; " : "") + named[i].first + " (" + std::to_string(named[i].second) + ")";
  }
  return out;
}

// Actor codes with how many articles name them: "AZEMIL (2)".
std::string Actors(const StoryView& view) {
  return MostNamedText(
      view,
      [](const EntityMention& m) {
        if (m.kind == EntityKind::kPlace && !m.metonym) return std::string();
        if (m.kind == EntityKind::kCountry || m.sector.empty() || m.country.empty()) return std::string();
        return m.ActorCode();
      },
      6);
}

std::string People(const StoryView& view) {
  return MostNamedText(
      view,
      [](const EntityMention& m) {
        if (m.kind != EntityKind::kPerson || m.role == "reporter") return std::string();
        return m.role.empty() ? m.canonical : m.canonical + ", " + m.role;
      },
      6);
}

}  // namespace

int RunStories(const StoriesArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitSomeFailed;
  Result<std::vector<StoryRecord>> stories = store->Stories();
  if (!stories.ok()) {
    Fail(stories.status().message());
    return kExitSomeFailed;
  }
  std::vector<StoryRecord> sorted = std::move(stories.value());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const StoryRecord& a, const StoryRecord& b) { return a.articles > b.articles; });
  if (sorted.size() > static_cast<size_t>(args.limit)) sorted.resize(static_cast<size_t>(args.limit));
  if (sorted.empty() && !args.json) {
    Print("no stories yet: 'casus ingest' groups articles into stories\n");
    return kExitOk;
  }
  for (const StoryRecord& story : sorted) {
    if (args.json) {
      Print(
          "{\"id\":%lld,\"label\":%s,\"first\":%s,\"last\":%s,\"articles\":%lld,\"independent\":%lld,"
          "\"places\":%s,\"terms\":%s,\"killed\":%s,\"wounded\":%s,\"conflicting\":%s}\n",
          static_cast<long long>(story.id), Json(story.label).c_str(), Json(story.first).c_str(),
          Json(story.last).c_str(), static_cast<long long>(story.articles), static_cast<long long>(story.independent),
          Json(story.places).c_str(), Json(story.terms).c_str(), Json(story.killed).c_str(),
          Json(story.wounded).c_str(), story.conflicting ? "true" : "false");
      continue;
    }
    Print("%5lld  %-24s %3lld articles  %s\n", static_cast<long long>(story.id), Dates(story.first, story.last).c_str(),
          static_cast<long long>(story.articles), Shorten(story.label, 90).c_str());
    if (!story.killed.empty() || !story.wounded.empty()) {
      Print("%32s killed %s, wounded %s%s\n", "", story.killed.empty() ? "-" : story.killed.c_str(),
            story.wounded.empty() ? "-" : story.wounded.c_str(), story.conflicting ? "  [sources disagree]" : "");
    }
  }
  return kExitOk;
}

int RunStory(const StoryArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitSomeFailed;
  Result<std::optional<StoryView>> loaded = LoadStory(*store, args.id);
  if (!loaded.ok()) {
    Fail(loaded.status().message());
    return kExitSomeFailed;
  }
  if (!loaded->has_value()) {
    Fail("no story " + std::to_string(args.id) + " in " + store->path() + "; 'casus stories' lists them");
    return kExitSomeFailed;
  }
  const StoryView& view = loaded->value();
  const StoryRecord& story = view.record;
  Print("Story %lld: %s\n", static_cast<long long>(story.id), story.label.c_str());
  Print("  incident dates  %s\n", Dates(view.span.first, view.span.last).c_str());
  Print("  published       %s\n", Dates(story.published_first, story.published_last).c_str());
  Print("  articles        %lld (%lld independent; near-duplicates count once)\n",
        static_cast<long long>(view.members.size()),
        static_cast<long long>(view.members.size() - view.duplicates.size()));
  if (!story.places.empty()) Print("  places          %s\n", story.places.c_str());
  if (!story.terms.empty()) Print("  key terms       %s\n", story.terms.c_str());
  const std::string actors = Actors(view);
  if (!actors.empty()) Print("  actors          %s\n", actors.c_str());
  const std::string people = People(view);
  if (!people.empty()) Print("  people          %s\n", people.c_str());

  Print("\nTimeline\n");
  for (size_t i = 0; i < view.members.size(); ++i) {
    const Document& member = view.members[i];
    const Metadata& m = member.metadata;
    std::string about = !m.title.empty() ? m.title : "";
    if (about.empty()) {
      for (const Sentence& sentence : member.sentences) {
        about = std::string(member.Text(sentence.span));
        break;
      }
    }
    Print("  %-10s  %s%s%s\n", m.published.empty() ? "undated" : m.published.c_str(), member.id().c_str(),
          m.publisher.empty() ? "" : ("  (" + m.publisher + ")").c_str(),
          m.dateline.empty() ? "" : ("  dateline " + m.dateline).c_str());
    Print("              %s\n", Shorten(about, 110).c_str());
    for (const DuplicateRecord& duplicate : view.duplicates) {
      if (duplicate.id != member.id()) continue;
      Print("              near-duplicate of %s (similarity %.2f%s): not an independent source\n",
            duplicate.duplicate_of.c_str(), duplicate.similarity, duplicate.exact ? ", same body text" : "");
    }
  }

  const corpus::Reconciliation& r = view.reconciliation;
  auto carriers = [](const corpus::ReconciledClaim& claim) {
    std::string text;
    for (const std::string& id : claim.carriers) text += (text.empty() ? "" : ", ") + id;
    if (claim.carriers.size() > static_cast<size_t>(claim.independent_carriers)) {
      text += " (copies of one article: one source)";
    }
    return text;
  };
  if (!r.figures.empty()) Print("\nCasualty figures, source by source\n");
  for (const corpus::Figure& figure : r.figures) {
    Print("  %s (%s): %s%s%s\n", figure.role.c_str(), figure.victim_class.c_str(),
          corpus::RangeText(figure).c_str(), figure.conflicting ? "   CONFLICTING: sources disagree" : "",
          figure.nested && !figure.conflicting ? "   (some counts cover only part of the victims)" : "");
    const corpus::ReconciledClaim& lowest = r.claims[figure.conservative_claim];
    Print("    conservative figure: %s, %s\n", CountText(figure.conservative).c_str(),
          Chain(lowest.claim.source_chain).c_str());
    for (size_t index : figure.claims) {
      const corpus::ReconciledClaim& claim = r.claims[index];
      const CasualtyCount& count = corpus::RoleCount(claim.claim, figure.role);
      const bool superseded =
          std::find(figure.superseded.begin(), figure.superseded.end(), index) != figure.superseded.end();
      Print("    %-16s %-12s %s%s%s\n", CountText(count).c_str(), claim.claim.victims.c_str(),
            Chain(claim.claim.source_chain).c_str(),
            claim.claim.hedge.empty() ? "" : ("  [hedged: " + claim.claim.hedge + "]").c_str(),
            superseded ? "  [replaced by a running toll]" : claim.claim.cumulative ? "  [running toll]" : "");
      Print("    %16s in %s\n", "", carriers(claim).c_str());
      Print("    %16s \"%s\"\n", "", Shorten(claim.evidence, 140).c_str());
    }
  }
  bool header = false;
  for (const corpus::ReconciledClaim& claim : r.claims) {
    const bool vague = (claim.claim.killed.present && !claim.claim.killed.vague.empty()) ||
                       (claim.claim.wounded.present && !claim.claim.wounded.vague.empty());
    if (claim.background.empty() && !vague) continue;
    if (!header) Print("\nOther claims (background, parts of a figure, or vague; not in the ranges)\n");
    header = true;
    std::string counts;
    if (claim.claim.killed.present) counts += CountText(claim.claim.killed) + " killed";
    if (claim.claim.wounded.present)
      counts += (counts.empty() ? "" : ", ") + CountText(claim.claim.wounded) + " wounded";
    Print("    %s %s: %s\n", counts.c_str(), claim.claim.victims.c_str(),
          claim.background.empty() ? "vague count" : claim.background.c_str());
    Print("      in %s: \"%s\"\n", carriers(claim).c_str(), Shorten(claim.evidence, 140).c_str());
  }
  // The incidents: one row per real-world event, as an event dataset lists them.
  Result<std::vector<IncidentRecord>> incidents = store->Incidents(story.id);
  if (!incidents.ok()) {
    Fail(incidents.status().message());
    return kExitSomeFailed;
  }
  if (!incidents->empty()) Print("\nIncidents\n");
  for (const IncidentRecord& i : *incidents) {
    std::string what = i.plover + (i.mode.empty() ? "" : " [" + i.mode + "]");
    if (!i.sub_event_type.empty()) what += "; " + i.event_type + " / " + i.sub_event_type;
    Print("  #%-5lld %-10s %-9s %s\n", static_cast<long long>(i.id), i.event_date.c_str(), i.date_precision.c_str(),
          what.c_str());
    std::string who = i.actor1 + (i.actor1_code.empty() ? "" : " (" + i.actor1_code + ")");
    if (!i.actor2.empty()) who += " -> " + i.actor2 + (i.actor2_code.empty() ? "" : " (" + i.actor2_code + ")");
    if (!who.empty()) Print("          who:    %s\n", who.c_str());
    if (!i.location.empty()) {
      char point[64] = "";
      if (i.located) std::snprintf(point, sizeof point, " %.2f %.2f", i.latitude, i.longitude);
      Print("          where:  %s%s%s\n", i.location.c_str(), i.country.empty() ? "" : (", " + i.country).c_str(),
            point);
    }
    if (i.fatalities || i.wounded) {
      auto range = [](const std::optional<int64_t>& low, const std::optional<int64_t>& high) {
        if (!low) return std::string("-");
        std::string text = std::to_string(*low);
        if (high && *high != *low) text += " (up to " + std::to_string(*high) + ")";
        return text;
      };
      Print("          toll:   %s killed, %s wounded%s\n", range(i.fatalities, i.fatalities_max).c_str(),
            range(i.wounded, i.wounded_max).c_str(), i.conflicting ? "   CONFLICTING" : "");
    }
    Print("          from:   %lld articles, %lld independent\n", static_cast<long long>(i.articles),
          static_cast<long long>(i.independent_sources));
    Print("          \"%s\"\n", Shorten(i.notes, 140).c_str());
  }
  return kExitOk;
}

}  // namespace casus::cli
