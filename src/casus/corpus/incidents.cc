// Incidents of a story from its members' event mentions (see incidents.h): greedy
// grouping in date order, then each incident's fields by majority over its events.
#include "casus/corpus/incidents.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "casus/corpus/stories.h"
#include "casus/lexicon/gazetteer.h"

namespace casus::corpus {
namespace {

constexpr double kSamePlaceKm = 100.0;

struct Report {
  const Document* document;
  size_t event;
  size_t member;          // index in members
  int day = kUnknownDay;  // the event's day, or kUnknownDay
  std::string period;     // its month ("2023-09") or year ("2020") when it names no day
  bool own_date = false;  // dated by its text, not by publication
  std::set<std::string> countries;      // of its named actors
  const EntityMention* place = nullptr;  // where it happened, if said
  int family = 0;                        // its ACLED family (Family below)
  // What the grouping compares, as one string: reports with equal keys agree with the
  // same reports, so a group compares a newcomer once per distinct key.
  std::string key;
};

const EventMention& EventOf(const Report& r) { return r.document->events[r.event]; }

// The countries of named participants (a group noun has none).
std::set<std::string> Countries(const Document& d, const std::vector<EventParticipant>& participants) {
  std::set<std::string> out;
  for (const EventParticipant& p : participants) {
    if (p.entity < 0 || static_cast<size_t>(p.entity) >= d.entities.size()) continue;
    const EntityMention* mention = &d.entities[p.entity];
    if (mention->refers_to >= 0 && static_cast<size_t>(mention->refers_to) < d.entities.size()) {
      mention = &d.entities[mention->refers_to];
    }
    if (!mention->country.empty()) out.insert(mention->country);
  }
  return out;
}

const EntityMention* PlaceOf(const Report& r) {
  const EventMention& e = EventOf(r);
  if (e.place < 0 || static_cast<size_t>(e.place) >= r.document->entities.size()) return nullptr;
  return &r.document->entities[e.place];
}

bool DatesAgree(const Report& a, const Report& b, const IncidentSpan& span) {
  const int first = DayOf(span.first), last = DayOf(span.last);
  auto in_span = [&](const Report& r) {
    return r.day != kUnknownDay && first != kUnknownDay && r.day >= first - 1 && r.day <= last + 1;
  };
  // An event dated only by its article stands for any day of the story's incident.
  if (!a.own_date || !b.own_date) {
    const Report& dated = a.own_date ? a : b;
    return !dated.own_date || dated.day == kUnknownDay ? dated.period.empty() || in_span(dated) : in_span(dated);
  }
  if (a.day != kUnknownDay && b.day != kUnknownDay) return std::abs(a.day - b.day) <= 1;
  const std::string& pa = a.day != kUnknownDay ? EventOf(a).date : a.period;
  const std::string& pb = b.day != kUnknownDay ? EventOf(b).date : b.period;
  const size_t n = std::min(pa.size(), pb.size());
  return n > 0 && pa.compare(0, n, pb, 0, n) == 0;
}

// ACLED's families: political violence (battles, explosions, violence against
// civilians), demonstrations (protests, riots), and the rest. Two reports of different
// families are different incidents ("the operation" and "police attacked the protesters").
int Family(const std::string& event_type) {
  if (event_type == "Battles" || event_type == "Explosions/Remote violence" ||
      event_type == "Violence against civilians") {
    return 1;
  }
  if (event_type == "Protests" || event_type == "Riots") return 2;
  return event_type.empty() ? 0 : 3;
}

bool FamiliesAgree(const Report& a, const Report& b) {
  return a.family == 0 || b.family == 0 || a.family == b.family;
}

bool ActorsAgree(const Report& a, const Report& b) {
  if (a.countries.empty() || b.countries.empty()) return true;
  for (const std::string& c : a.countries) {
    if (b.countries.count(c)) return true;
  }
  return false;
}

bool PlacesAgree(const Report& a, const Report& b) {
  const EntityMention* p = a.place;
  const EntityMention* q = b.place;
  if (p == nullptr || q == nullptr) return true;
  if (p->located && q->located) return lexicon::DistanceKm(p->lat, p->lon, q->lat, q->lon) <= kSamePlaceKm;
  return p->country.empty() || q->country.empty() || p->country == q->country;
}

// The most common non-empty value, the first of equals.
template <typename Get>
std::string Majority(const std::vector<Report>& reports, Get get) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (const Report& r : reports) {
    std::string value = get(r);
    if (value.empty()) continue;
    if (counts[value]++ == 0) order.push_back(value);
  }
  std::string best;
  int most = 0;
  for (const std::string& value : order) {
    if (counts[value] > most) {
      best = value;
      most = counts[value];
    }
  }
  return best;
}

int GeoPrecision(const EntityMention& place) {
  if (place.role == "city") return 1;
  if (place.role == "region" || place.role == "landmark" || place.role == "road" || place.role == "water") return 2;
  return 3;
}

}  // namespace

int64_t CodedCount(const CasualtyCount& count) {
  if (count.vague.empty()) return count.value;
  std::string vague = count.vague;
  for (char& c : vague) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (vague.find("thousand") != std::string::npos) return 1000;
  if (vague.find("hundred") != std::string::npos) return 100;
  if (vague.find("dozen") != std::string::npos) return 12;
  if (vague.find("score") != std::string::npos) return 20;
  return 3;  // "several", "a few", "some"
}

std::vector<Incident> FindIncidents(const std::vector<StoryMember>& members, const IncidentSpan& span) {
  std::vector<Report> reports;
  for (size_t m = 0; m < members.size(); ++m) {
    const Document* d = members[m].document;
    for (size_t e = 0; e < d->events.size(); ++e) {
      const EventMention& event = d->events[e];
      if (event.modality != EventModality::kAsserted && event.modality != EventModality::kClaimed) continue;
      Report r;
      r.document = d;
      r.event = e;
      r.member = m;
      r.own_date = event.date_precision != "published";
      r.day = event.date_precision == "day" ? DayOf(event.date) : kUnknownDay;
      if (r.own_date && r.day == kUnknownDay) r.period = event.date;
      if (!r.own_date) r.day = DayOf(event.date);
      r.countries = Countries(*d, event.actors);
      r.place = PlaceOf(r);
      r.family = Family(event.acled_type);
      r.key = event.plover + '|' + std::to_string(r.day) + '|' + r.period + '|' + (r.own_date ? "d" : "p") + '|' +
              std::to_string(r.family) + '|';
      for (const std::string& c : r.countries) r.key += c + ',';
      if (r.place != nullptr) {
        char place[96];
        std::snprintf(place, sizeof place, "|%d|%.6f|%.6f|", r.place->located ? 1 : 0, r.place->lat, r.place->lon);
        r.key += place + r.place->country;
      }
      reports.push_back(std::move(r));
    }
  }
  // Dated events first, in date order, then the rest in reading order.
  std::stable_sort(reports.begin(), reports.end(), [](const Report& a, const Report& b) {
    const bool ad = a.own_date && a.day != kUnknownDay, bd = b.own_date && b.day != kUnknownDay;
    if (ad != bd) return ad;
    return ad && a.day < b.day;
  });
  // A report joins the first group of its category whose every report agrees with it:
  // checked once per distinct key of the group (a story of many copies of one report
  // costs one comparison per report, not one per pair).
  struct Group {
    std::vector<Report> reports;
    std::vector<size_t> distinct;  // a report of each distinct key
    std::set<std::string> keys;
  };
  std::vector<Group> groups;
  for (Report& r : reports) {
    Group* home = nullptr;
    for (Group& group : groups) {
      if (EventOf(group.reports.front()).plover != EventOf(r).plover) continue;
      if (group.keys.count(r.key) > 0) {
        home = &group;
        break;
      }
      const bool agree = std::all_of(group.distinct.begin(), group.distinct.end(), [&](size_t index) {
        const Report& other = group.reports[index];
        return DatesAgree(other, r, span) && ActorsAgree(other, r) && PlacesAgree(other, r) && FamiliesAgree(other, r);
      });
      if (agree) {
        home = &group;
        break;
      }
    }
    if (home == nullptr) {
      groups.emplace_back();
      home = &groups.back();
    }
    if (home->keys.insert(r.key).second) home->distinct.push_back(home->reports.size());
    home->reports.push_back(std::move(r));
  }
  std::vector<Incident> incidents;
  for (Group& grouped : groups) {
    std::vector<Report>& group = grouped.reports;
    Incident incident;
    const EventMention& head = EventOf(group.front());
    incident.plover = head.plover;
    // The date: the day its reports name most often (the earliest of equals), else the
    // period, else publication's.
    const Report* dated = nullptr;
    // A day named counts twice a day a clock time was placed on ("at 1 pm" after another
    // date): the one says the day, the other takes it from the text around.
    std::map<int, int> day_counts;
    for (const Report& r : group) {
      if (!r.own_date || r.day == kUnknownDay) continue;
      const int32_t time = EventOf(r).time;
      const bool clock = time >= 0 && static_cast<size_t>(time) < r.document->time_expressions.size() &&
                         r.document->time_expressions[time].type == TimexType::kTime;
      day_counts[r.day] += clock ? 1 : 2;
    }
    int best_day = kUnknownDay, best_count = 0;
    for (const auto& [day, count] : day_counts) {  // in day order: the earliest of equals
      if (count > best_count) {
        best_day = day;
        best_count = count;
      }
    }
    for (const Report& r : group) {
      if (r.own_date && r.day == best_day && best_day != kUnknownDay) {
        dated = &r;
        break;
      }
    }
    if (dated == nullptr) {
      for (const Report& r : group) {
        if (r.own_date && (dated == nullptr || EventOf(r).date < EventOf(*dated).date)) dated = &r;
      }
    }
    if (dated != nullptr) {
      incident.event_date = EventOf(*dated).date;
      incident.date_precision = EventOf(*dated).date_precision;
    } else {
      incident.event_date = Majority(group, [](const Report& r) { return EventOf(r).date; });
      incident.date_precision = "published";
    }
    incident.acled = Majority(group, [](const Report& r) { return EventOf(r).acled; });
    for (const Report& r : group) {
      if (EventOf(r).acled == incident.acled) {
        incident.event_type = EventOf(r).acled_type;
        incident.sub_event_type = EventOf(r).acled_subtype;
        break;
      }
    }
    incident.mode = Majority(group, [](const Report& r) { return EventOf(r).mode; });
    incident.cameo = Majority(group, [](const Report& r) { return EventOf(r).cameo; });
    auto first_name = [](const Report& r, bool actor) {
      const auto& list = actor ? EventOf(r).actors : EventOf(r).targets;
      return list.empty() ? std::string() : ParticipantName(*r.document, list.front());
    };
    incident.actor1 = Majority(group, [&](const Report& r) { return first_name(r, true); });
    incident.actor2 = Majority(group, [&](const Report& r) { return first_name(r, false); });
    for (const Report& r : group) {
      const EventMention& e = EventOf(r);
      if (incident.actor1_code.empty() && !e.actors.empty() && first_name(r, true) == incident.actor1) {
        incident.actor1_code = ParticipantCode(*r.document, e.actors.front());
      }
      if (incident.actor2_code.empty() && !e.targets.empty() && first_name(r, false) == incident.actor2) {
        incident.actor2_code = ParticipantCode(*r.document, e.targets.front());
      }
    }
    incident.location = Majority(group, [](const Report& r) {
      const EntityMention* place = PlaceOf(r);
      return place == nullptr ? std::string() : place->canonical;
    });
    for (const Report& r : group) {
      const EntityMention* place = PlaceOf(r);
      if (place == nullptr || place->canonical != incident.location) continue;
      incident.country = place->country;
      incident.located = place->located;
      incident.latitude = place->lat;
      incident.longitude = place->lon;
      incident.geo_precision = GeoPrecision(*place);
      break;
    }
    // Figures from the claims the events caused, each claim once.
    std::set<std::pair<const Document*, int32_t>> claims;
    std::set<int64_t> killed_values, wounded_values;
    std::optional<int64_t> killed_sourced, wounded_sourced, killed_any, wounded_any;
    auto lower = [](std::optional<int64_t>& slot, int64_t value) {
      if (!slot || value < *slot) slot = value;
    };
    auto higher = [](std::optional<int64_t>& slot, int64_t value) {
      if (!slot || value > *slot) slot = value;
    };
    for (const Report& r : group) {
      const EventMention& e = EventOf(r);
      if (e.casualty < 0 || !claims.insert({r.document, e.casualty}).second) continue;
      const CasualtyClaim& claim = r.document->casualties[e.casualty];
      // A part of a larger figure, a figure of other times, the attackers' own losses:
      // not the incident's victims.
      if (claim.part_of >= 0 || claim.background || claim.group != CasualtyGroup::kVictims) continue;
      const bool sourced = !claim.source_chain.empty() && claim.hedge.empty();
      if (claim.killed.present) {
        const int64_t n = CodedCount(claim.killed);
        killed_values.insert(n);
        lower(killed_any, n);
        higher(incident.fatalities_max, n);
        if (sourced) lower(killed_sourced, n);
      }
      if (claim.wounded.present) {
        const int64_t n = CodedCount(claim.wounded);
        wounded_values.insert(n);
        lower(wounded_any, n);
        higher(incident.wounded_max, n);
        if (sourced) lower(wounded_sourced, n);
      }
    }
    incident.fatalities = killed_sourced ? killed_sourced : killed_any;
    incident.wounded = wounded_sourced ? wounded_sourced : wounded_any;
    incident.conflicting = killed_values.size() > 1 || wounded_values.size() > 1;
    // Articles, their sources and addresses; a copy counts once.
    std::set<size_t> seen_members;
    std::set<std::string> independent, seen_sources, seen_urls;
    for (const Report& r : group) {
      incident.events.emplace_back(r.document->id(), r.event);
      if (!seen_members.insert(r.member).second) continue;
      const StoryMember& member = members[r.member];
      incident.docs.push_back(member.document->id());
      independent.insert(member.duplicate_of.empty() ? member.document->id() : member.duplicate_of);
      const Metadata& m = member.document->metadata;
      const std::string source = !m.publisher.empty() ? m.publisher : m.url;
      if (!source.empty() && seen_sources.insert(source).second) incident.sources.push_back(source);
      if (!m.url.empty() && seen_urls.insert(m.url).second) incident.urls.push_back(m.url);
    }
    incident.articles = static_cast<int>(incident.docs.size());
    incident.independent_sources = static_cast<int>(independent.size());
    // The note: the evidence of its first report (earliest published).
    const Report* first = &group.front();
    for (const Report& r : group) {
      if (r.document->metadata.published < first->document->metadata.published) first = &r;
    }
    incident.notes = std::string(first->document->Text(EventOf(*first).evidence));
    incidents.push_back(std::move(incident));
  }
  return incidents;
}

}  // namespace casus::corpus
