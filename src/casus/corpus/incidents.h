// Incidents: the event mentions of one story that report the same real-world event,
// one row each, as an event dataset (ACLED's table, PLOVER's records) lists them.
//
// Each event reported as a fact (asserted or claimed, not demanded, threatened, planned
// or denied) joins the first incident of its story it is compatible with, in order of
// date then reading order, or opens one. Compatible: the same PLOVER category; dates
// that agree (days at most one apart; a day inside a month or year named; an event with
// no date of its own, dated by its article, agrees with any date in the story's
// incident span); actors that share a country, or one side names none; places within
// 100 km of each other or in one country, or one side names none. So a background event
// ("fighting in 2020 killed over 1,000") dated outside today's keeps an incident of its
// own. Each incident gathers its figures from the casualty claims its events caused: the
// conservative count is the lowest from a named, unhedged source (ACLED's practice;
// "dozens" counts 12, "hundreds" 100, "several" 3), else the lowest of all, beside the
// highest; a copy of an article counts once among independent sources. Pure functions.
#ifndef CASUS_CORPUS_INCIDENTS_H_
#define CASUS_CORPUS_INCIDENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "casus/corpus/reconcile.h"

namespace casus::corpus {

struct Incident {
  std::string event_date;      // "2023-09-19", "2022-12", "2020"
  std::string date_precision;  // "day", "week", "month", "year", "published"
  std::string acled, event_type, sub_event_type;
  std::string plover, mode, cameo;
  std::string actor1, actor1_code, actor2, actor2_code;
  std::string country, admin1, location;
  bool located = false;
  double latitude = 0, longitude = 0;
  int geo_precision = 0;  // 1 a town, 2 a region, landmark or road, 3 a province or country; 0 none
  std::optional<int64_t> fatalities, fatalities_max, wounded, wounded_max;
  bool conflicting = false;  // its sources give different figures
  std::vector<std::string> sources, urls, docs;
  int articles = 0, independent_sources = 0;
  std::string notes;                                   // the evidence sentence of its first report
  std::vector<std::pair<std::string, size_t>> events;  // (document id, index in its events)
};

// The incidents of one story. `members` as Reconcile takes them (documents with their
// layers, near-duplicates marked); `span` its incident span.
std::vector<Incident> FindIncidents(const std::vector<StoryMember>& members, const IncidentSpan& span);

// The count a coder takes from a casualty figure: the number, or for a vague amount the
// ACLED convention ("several" 3, "dozens" 12, "hundreds" 100, "thousands" 1000).
int64_t CodedCount(const CasualtyCount& count);

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_INCIDENTS_H_
