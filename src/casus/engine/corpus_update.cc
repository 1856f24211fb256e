// The corpus step of ingest: restore the corpus state from the store, place the new
// articles, summarise the stories they changed, save. Also loads one story for display.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "casus/core/calendar.h"
#include "casus/corpus/incidents.h"
#include "casus/engine/engine.h"

namespace casus {
namespace {

std::vector<std::pair<std::string, float>> ParseCentroid(const std::string& text) {
  std::vector<std::pair<std::string, float>> centroid;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + begin, end - begin);
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      centroid.emplace_back(std::string(line.substr(0, tab)),
                            std::strtof(std::string(line.substr(tab + 1)).c_str(), nullptr));
    }
    begin = end + 1;
  }
  return centroid;
}

std::string FormatCentroid(const corpus::StoryClusterer& clusterer, const corpus::StoryState& story) {
  std::string text;
  char weight[32];
  for (const auto& [term, value] : story.centroid) {
    std::snprintf(weight, sizeof weight, "%.6g", static_cast<double>(value));
    text += clusterer.TermText(term);
    text += '\t';
    text += weight;
    text += '\n';
  }
  return text;
}

// Members sorted for display and reconciliation: by publication date (undated last), then storage order.
void SortMembers(std::vector<Document>& members) {
  std::stable_sort(members.begin(), members.end(), [](const Document& a, const Document& b) {
    const std::string& x = a.metadata.published;
    const std::string& y = b.metadata.published;
    if (x.empty() != y.empty()) return !x.empty();
    return x < y;
  });
}

// The first sentence of a document, cut at a word boundary near `limit` bytes.
std::string Lead(const Document& document, size_t limit) {
  for (const Sentence& sentence : document.sentences) {
    if (sentence.headline) continue;
    std::string text(document.Text(sentence.span));
    if (text.size() <= limit) return text;
    size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + " …";
  }
  return "";
}

}  // namespace

std::vector<std::pair<std::string, int>> MostNamed(const StoryView& view,
                                                   const std::function<std::string(const EntityMention&)>& key_of) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (size_t i = 0; i < view.members.size(); ++i) {
    if (!view.reconcile_members[i].duplicate_of.empty()) continue;
    std::set<std::string> seen;
    for (const EntityMention& mention : view.members[i].entities) {
      if (mention.in_boilerplate) continue;
      std::string key = key_of(mention);
      if (key.empty() || !seen.insert(key).second) continue;
      if (counts[key]++ == 0) order.push_back(std::move(key));
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return counts[a] > counts[b]; });
  std::vector<std::pair<std::string, int>> out;
  out.reserve(order.size());
  for (const std::string& key : order) out.emplace_back(key, counts[key]);
  return out;
}

namespace {

// Fills the summary fields of `record` from the view's members and reconciliation.
void Summarise(const StoryView& view, StoryRecord* record) {
  record->articles = static_cast<int64_t>(view.members.size());
  record->independent = record->articles - static_cast<int64_t>(view.duplicates.size());
  record->label.clear();
  for (int pass = 0; pass < 2 && record->label.empty(); ++pass) {
    for (size_t i = 0; i < view.members.size(); ++i) {
      const bool duplicate = !view.reconcile_members[i].duplicate_of.empty();
      if (pass == 0 && duplicate && view.members.size() > 1) continue;
      if (!view.members[i].metadata.title.empty()) {
        record->label = view.members[i].metadata.title;
        break;
      }
    }
  }
  if (record->label.empty() && !view.members.empty()) record->label = Lead(view.members.front(), 100);
  if (record->label.empty()) record->label = "story " + std::to_string(record->id);
  record->first = view.span.first;
  record->last = view.span.last;
  record->published_first.clear();
  record->published_last.clear();
  for (const Document& member : view.members) {
    const std::string& published = member.metadata.published;
    if (published.empty()) continue;
    if (record->published_first.empty() || published < record->published_first) record->published_first = published;
    if (record->published_last.empty() || published > record->published_last) record->published_last = published;
  }
  // Places: where the incident's claims happened, most often named first.
  std::map<std::string, int> place_counts;
  std::vector<std::string> place_order;
  for (const corpus::ReconciledClaim& claim : view.reconciliation.claims) {
    if (!claim.background.empty() || claim.claim.where.empty()) continue;
    if (place_counts[claim.claim.where]++ == 0) place_order.push_back(claim.claim.where);
  }
  std::stable_sort(place_order.begin(), place_order.end(),
                   [&](const std::string& a, const std::string& b) { return place_counts[a] > place_counts[b]; });
  // Then the places the articles name (resolved, not standing for a government).
  const auto named = MostNamed(view, [](const EntityMention& mention) {
    return mention.kind == EntityKind::kPlace && mention.located && !mention.metonym ? mention.canonical
                                                                                     : std::string();
  });
  for (const auto& [place, articles] : named) {
    if (!place_counts.count(place)) place_order.push_back(place);
  }
  record->places.clear();
  for (size_t i = 0; i < place_order.size() && i < 3; ++i) record->places += (i ? "; " : "") + place_order[i];
  record->killed.clear();
  record->wounded.clear();
  record->conflicting = false;
  for (const corpus::Figure& figure : view.reconciliation.figures) {
    record->conflicting |= figure.conflicting;
    // The first figure of a role is its general class when there is one (see Reconcile).
    if (figure.role == "killed" && record->killed.empty()) record->killed = corpus::RangeText(figure);
    if (figure.role == "wounded" && record->wounded.empty()) record->wounded = corpus::RangeText(figure);
  }
}

Status BuildView(Store& store, StoryView* view, std::vector<std::string> ids,
                 const std::unordered_map<std::string, ArticlePlacementRecord>* fresh) {
  view->members.clear();
  for (const std::string& id : ids) {
    Result<std::optional<Document>> document = store.Get(id);
    if (!document.ok()) return document.status();
    if (document->has_value()) view->members.push_back(std::move(document->value()));
  }
  SortMembers(view->members);
  std::vector<std::string> sorted_ids;
  for (const Document& member : view->members) sorted_ids.push_back(member.id());
  Result<std::vector<DuplicateRecord>> stored = store.DuplicatesAmong(sorted_ids);
  if (!stored.ok()) return stored.status();
  view->duplicates = std::move(stored.value());
  if (fresh != nullptr) {
    for (const std::string& id : sorted_ids) {
      auto it = fresh->find(id);
      if (it == fresh->end() || it->second.duplicate_of.empty()) continue;
      view->duplicates.push_back(
          DuplicateRecord{id, it->second.duplicate_of, it->second.similarity, it->second.exact_copy});
    }
  }
  std::unordered_map<std::string, std::string> canonical_of;
  for (const DuplicateRecord& duplicate : view->duplicates) canonical_of[duplicate.id] = duplicate.duplicate_of;
  view->reconcile_members.clear();
  for (const Document& member : view->members) {
    auto it = canonical_of.find(member.id());
    view->reconcile_members.push_back(corpus::StoryMember{&member, it == canonical_of.end() ? "" : it->second});
  }
  view->span = corpus::FindIncidentSpan(view->reconcile_members);
  view->reconciliation = corpus::Reconcile(view->reconcile_members, view->span);
  return Status::Ok();
}

std::vector<IncidentRecord> ToRecords(int64_t story_id, std::vector<corpus::Incident> incidents) {
  std::vector<IncidentRecord> records;
  for (corpus::Incident& i : incidents) {
    IncidentRecord r;
    r.story_id = story_id;
    r.event_date = std::move(i.event_date);
    r.date_precision = std::move(i.date_precision);
    r.acled = std::move(i.acled);
    r.event_type = std::move(i.event_type);
    r.sub_event_type = std::move(i.sub_event_type);
    r.plover = std::move(i.plover);
    r.mode = std::move(i.mode);
    r.cameo = std::move(i.cameo);
    r.actor1 = std::move(i.actor1);
    r.actor1_code = std::move(i.actor1_code);
    r.actor2 = std::move(i.actor2);
    r.actor2_code = std::move(i.actor2_code);
    r.country = std::move(i.country);
    r.admin1 = std::move(i.admin1);
    r.location = std::move(i.location);
    r.located = i.located;
    r.latitude = i.latitude;
    r.longitude = i.longitude;
    r.geo_precision = i.geo_precision;
    r.fatalities = i.fatalities;
    r.fatalities_max = i.fatalities_max;
    r.wounded = i.wounded;
    r.wounded_max = i.wounded_max;
    r.conflicting = i.conflicting;
    r.sources = std::move(i.sources);
    r.urls = std::move(i.urls);
    r.docs = std::move(i.docs);
    r.articles = i.articles;
    r.independent_sources = i.independent_sources;
    r.notes = std::move(i.notes);
    for (auto& [doc, event] : i.events) r.events.emplace_back(std::move(doc), static_cast<int64_t>(event));
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace

Result<CorpusReport> UpdateCorpus(Store& store, const corpus::CorpusOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  CorpusReport report;
  Result<std::vector<std::pair<std::string, std::string>>> unplaced = store.UnplacedDocuments();
  if (!unplaced.ok()) return unplaced.status();
  if (unplaced->empty()) return report;

  corpus::Corpus corpus(options);
  int64_t largest_stored_id = 0;
  {
    Result<int64_t> articles = store.CorpusArticles();
    if (!articles.ok()) return articles.status();
    Result<std::vector<std::pair<std::string, int64_t>>> frequencies = store.TermFrequencies();
    if (!frequencies.ok()) return frequencies.status();
    corpus.RestoreFrequencies(*articles, *frequencies);
    Result<int64_t> largest_id = store.LargestStoryId();
    if (!largest_id.ok()) return largest_id.status();
    corpus.ReserveStoryIdsThrough(*largest_id);
    largest_stored_id = *largest_id;
    // Only stories within reach of the batch's dates (and undated ones) can take its
    // articles, so only they are restored: a batch costs what its weeks hold.
    int first = corpus::kUnknownDay, last = corpus::kUnknownDay;
    bool undated = false;
    for (const auto& unplaced_document : *unplaced) {
      const int day = corpus::DayOf(unplaced_document.second);
      if (day == corpus::kUnknownDay) {
        undated = true;
        continue;
      }
      first = first == corpus::kUnknownDay ? day : std::min(first, day);
      last = last == corpus::kUnknownDay ? day : std::max(last, day);
    }
    const int64_t reach = options.stories.window_days;
    Result<std::vector<StoryRecord>> stories =
        undated ? store.Stories()
                : store.StoriesNear(static_cast<int64_t>(first) - reach, static_cast<int64_t>(last) + reach);
    if (!stories.ok()) return stories.status();
    for (const StoryRecord& story : *stories) {
      corpus.RestoreStory(story.id, static_cast<int>(story.first_day), static_cast<int>(story.last_day),
                          static_cast<uint32_t>(story.articles), ParseCentroid(story.centroid));
    }
    Status restored = store.ForEachSketch([&](const StoredSketch& stored) {
      corpus::Sketch sketch;
      if (corpus::UnpackBins(reinterpret_cast<const uint8_t*>(stored.bins.data()), stored.bins.size(), &sketch)) {
        sketch.exact = stored.exact;
        sketch.shingles = stored.exact != 0 ? 1 : 0;
      }
      corpus.RestoreArticle(stored.id, sketch, stored.story_id);
    });
    if (!restored.ok()) return restored;
  }

  std::unordered_map<std::string, ArticlePlacementRecord> placements;
  std::vector<ArticlePlacementRecord> ordered;
  std::vector<uint32_t> articles;  // corpus article numbers of `ordered`
  for (const auto& unplaced_document : *unplaced) {
    const std::string& id = unplaced_document.first;
    Result<std::optional<Document>> document = store.Get(id);
    if (!document.ok()) return document.status();
    if (!document->has_value()) continue;
    corpus::Placement placement = corpus.Add(document->value());
    ArticlePlacementRecord record;
    record.id = id;
    std::vector<uint8_t> bins = corpus::PackBins(placement.sketch);
    record.bins.assign(bins.begin(), bins.end());
    record.exact = placement.sketch.shingles > 0 ? placement.sketch.exact : 0;
    record.duplicate_of = placement.duplicate_of;
    record.similarity = placement.similarity;
    record.exact_copy = placement.exact;
    record.story_id = placement.story_id;
    ++report.placed;
    if (!record.duplicate_of.empty()) ++report.duplicates;
    ordered.push_back(record);
    articles.push_back(placement.article);
  }
  // The second pass may move articles between stories; record where they ended.
  corpus.Finish();
  std::set<int64_t> opened;
  for (size_t i = 0; i < ordered.size(); ++i) {
    ordered[i].story_id = corpus.StoryIdOf(articles[i]);
    if (ordered[i].story_id > largest_stored_id) opened.insert(ordered[i].story_id);
    placements.emplace(ordered[i].id, ordered[i]);
  }
  report.new_stories = static_cast<int64_t>(opened.size());

  std::unordered_map<int64_t, std::vector<std::string>> new_members;
  for (const ArticlePlacementRecord& record : ordered) new_members[record.story_id].push_back(record.id);
  std::vector<StoryRecord> changed;
  for (int64_t story_id : corpus.touched()) {
    const int64_t story_index = corpus.StoryIndex(story_id);
    if (story_index < 0 || corpus.clusterer().stories()[static_cast<size_t>(story_index)].members == 0) {
      continue;  // opened in this run and emptied by the second pass
    }
    Result<std::vector<std::string>> members = store.StoryMembers(story_id);
    if (!members.ok()) return members.status();
    std::vector<std::string> ids = std::move(members.value());
    const std::vector<std::string>& added = new_members[story_id];
    ids.insert(ids.end(), added.begin(), added.end());
    StoryView view;
    CASUS_RETURN_IF_ERROR(BuildView(store, &view, ids, &placements));
    const corpus::StoryClusterer& clusterer = corpus.clusterer();
    const corpus::StoryState& state = clusterer.stories()[static_cast<size_t>(corpus.StoryIndex(story_id))];
    view.record.id = story_id;
    view.record.first_day = state.first_day;
    view.record.last_day = state.last_day;
    view.record.centroid = FormatCentroid(clusterer, state);
    view.record.terms.clear();
    for (const auto& [term, weight] : clusterer.TopTerms(static_cast<size_t>(corpus.StoryIndex(story_id)), 8)) {
      view.record.terms += (view.record.terms.empty() ? "" : " ") + term;
    }
    Summarise(view, &view.record);
    view.record.incidents = ToRecords(story_id, corpus::FindIncidents(view.reconcile_members, view.span));
    view.record.has_incidents = true;
    changed.push_back(std::move(view.record));
  }
  report.changed_stories = static_cast<int64_t>(changed.size());

  std::vector<std::pair<std::string, int64_t>> frequencies;
  const corpus::StoryClusterer& clusterer = corpus.clusterer();
  frequencies.reserve(clusterer.TermCount());
  for (uint32_t term = 0; term < clusterer.TermCount(); ++term) {
    if (clusterer.DocumentFrequency(term) > 0) {
      frequencies.emplace_back(std::string(clusterer.TermText(term)), clusterer.DocumentFrequency(term));
    }
  }
  CASUS_RETURN_IF_ERROR(store.SaveCorpus(ordered, changed, clusterer.articles(), frequencies));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<std::optional<StoryView>> LoadStory(Store& store, int64_t id) {
  Result<std::optional<StoryRecord>> record = store.GetStory(id);
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::optional<StoryView>();
  StoryView view;
  view.record = std::move(record->value());
  Result<std::vector<std::string>> members = store.StoryMembers(id);
  if (!members.ok()) return members.status();
  CASUS_RETURN_IF_ERROR(BuildView(store, &view, std::move(members.value()), nullptr));
  return std::optional<StoryView>(std::move(view));
}

}  // namespace casus
