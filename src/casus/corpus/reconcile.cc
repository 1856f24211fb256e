// Carrier merging, background detection and figure ranges for one story (see reconcile.h).
#include "casus/corpus/reconcile.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "casus/core/calendar.h"
#include "casus/corpus/stories.h"
#include "casus/corpus/words.h"

namespace casus::corpus {
namespace {

// Slack around the incident span before a dated claim counts as background.
constexpr int kBackgroundSlackDays = 7;

std::optional<long> IsoDay(std::string_view value) {
  const int day = DayOf(value);
  return day == kUnknownDay ? std::nullopt : std::optional<long>(day);
}

int Digits(std::string_view text, size_t at, size_t count) {
  int value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The days a TIMEX3 date value covers ("2020" -> the whole year), or nullopt.
std::optional<std::pair<long, long>> ValueDays(std::string_view value) {
  const int year = Digits(value, 0, 4);
  if (year < 0) return std::nullopt;
  if (value.size() == 4 || (value.size() > 4 && value[4] != '-')) {
    return std::make_pair(DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31));
  }
  const int month = Digits(value, 5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  if (value.size() == 7 || value[7] != '-') {
    return std::make_pair(DaysFromCivil(year, month, 1), DaysFromCivil(year, month, DaysInMonth(year, month)));
  }
  const int day = Digits(value, 8, 2);
  if (!IsValidDate(year, month, day)) return std::nullopt;
  long days = DaysFromCivil(year, month, day);
  return std::make_pair(days, days);
}

std::string Normalised(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || u >= 0x80) {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    } else if (u >= 'A' && u <= 'Z') {
      if (space && !out.empty()) out += ' ';
      out += static_cast<char>(u + ('a' - 'A'));
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

std::string CountsKey(const CasualtyClaim& claim) {
  return CountText(claim.killed) + "|" + CountText(claim.wounded) + "|" + CountText(claim.missing) + "|" +
         CountText(claim.detained) + "|" + claim.victims;
}

// How far above its number a count may lie: "more than 200" > "at least 200" > "200" > "up to 200".
int Openness(CountQualifier qualifier) {
  switch (qualifier) {
    case CountQualifier::kMoreThan: return 3;
    case CountQualifier::kAtLeast: return 2;
    case CountQualifier::kUpTo: return 0;
    default: return 1;
  }
}

const CasualtyCount& CountOf(const CasualtyClaim& claim, int role) {
  switch (role) {
    case 0: return claim.killed;
    case 1: return claim.wounded;
    case 2: return claim.missing;
    default: return claim.detained;
  }
}

constexpr const char* kRoles[] = {"killed", "wounded", "missing", "detained"};

}  // namespace

IncidentSpan FindIncidentSpan(const std::vector<StoryMember>& members) {
  std::vector<long> published, mentioned;
  for (const StoryMember& member : members) {
    std::optional<long> day = IsoDay(member.document->metadata.published);
    if (!day) continue;
    published.push_back(*day);
    for (const TimeExpression& time : member.document->time_expressions) {
      if (time.Day().empty() || time.since) continue;  // "since March 9": a starting point
      std::optional<long> mention = IsoDay(time.Day());
      if (mention && *mention <= *day && *mention >= *day - kIncidentLookbackDays) mentioned.push_back(*mention);
    }
  }
  IncidentSpan span;
  if (published.empty()) return span;
  // Walk back from the latest publication over dates (mentioned or published) no more
  // than kIncidentGapDays apart: the run of closely spaced days is the episode; an
  // isolated earlier date ("an election on September 9") is background.
  std::vector<std::pair<long, bool>> days;  // day, mentioned
  for (long day : published) days.emplace_back(day, false);
  for (long day : mentioned) days.emplace_back(day, true);
  std::sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::optional<long> first, last;
  long reach = days.front().first;
  for (const auto& [day, is_mention] : days) {
    if (reach - day > kIncidentGapDays) break;
    reach = std::min(reach, day);
    if (!is_mention) continue;
    first = first ? std::min(*first, day) : day;
    last = last ? std::max(*last, day) : day;
  }
  if (!first) {
    first = *std::min_element(published.begin(), published.end());
    last = *std::max_element(published.begin(), published.end());
  }
  CivilDate a = CivilFromDays(*first), b = CivilFromDays(*last);
  span.first = FormatIsoDate(a.year, a.month, a.day);
  span.last = FormatIsoDate(b.year, b.month, b.day);
  return span;
}

Reconciliation Reconcile(const std::vector<StoryMember>& members, const IncidentSpan& span) {
  Reconciliation result;
  // Claims already seen, by evidence text and counts, and by counts, source chain and
  // duplicate group (copies whose sentence was lightly edited).
  std::unordered_map<std::string, size_t> by_text;
  std::unordered_map<std::string, size_t> by_copy;
  std::vector<std::unordered_set<std::string>> groups;  // per reconciled claim: carrier groups
  std::optional<long> span_first = IsoDay(span.first), span_last = IsoDay(span.last);

  for (const StoryMember& member : members) {
    const Document& document = *member.document;
    const std::string group = member.duplicate_of.empty() ? document.id() : member.duplicate_of;
    for (const CasualtyClaim& claim : document.casualties) {
      const std::string evidence(document.Text(claim.evidence));
      const std::string count_key = CountsKey(claim);
      std::string chain_key;
      for (const std::string& source : claim.source_chain) chain_key += source + '\x1f';
      const std::string text_key = Normalised(evidence) + '#' + count_key;
      const std::string copy_key = count_key + '#' + chain_key + '#' + group;
      size_t found = result.claims.size();
      if (auto it = by_text.find(text_key); it != by_text.end()) {
        found = it->second;
      } else if (auto copy = by_copy.find(copy_key); copy != by_copy.end()) {
        found = copy->second;
      }
      if (found < result.claims.size()) {
        ReconciledClaim& existing = result.claims[found];
        // Members come one after another, so a repeat within one article is the last carrier.
        if (existing.carriers.back() != document.id()) existing.carriers.push_back(document.id());
        groups[found].insert(group);
        existing.independent_carriers = static_cast<int>(groups[found].size());
        by_copy.emplace(copy_key, found);
        continue;
      }
      ReconciledClaim reconciled;
      reconciled.claim = claim;
      reconciled.evidence = evidence;
      reconciled.carriers.push_back(document.id());
      reconciled.independent_carriers = 1;
      reconciled.victim_class = claim.group == CasualtyGroup::kVictims ? std::string(VictimClass(claim.victims))
                                                                       : std::string(CasualtyGroupName(claim.group));
      if (claim.part_of >= 0 && static_cast<size_t>(claim.part_of) < document.casualties.size()) {
        const CasualtyClaim& whole = document.casualties[claim.part_of];
        reconciled.background = "part of \"" + std::string(document.Text(whole.span)) + "\"";
      } else if (claim.background) {
        reconciled.background = "a figure of other times" + (claim.when.empty() ? "" : " (" + claim.when + ")");
      }
      if (reconciled.background.empty() && !claim.when.empty() && span_first && span_last) {
        std::optional<std::pair<long, long>> days = ValueDays(claim.when);
        if (days &&
            (days->second < *span_first - kBackgroundSlackDays || days->first > *span_last + kBackgroundSlackDays)) {
          reconciled.background =
              "dated " + claim.when + ", outside the story (" + span.first + " to " + span.last + ")";
        }
      }
      by_text.emplace(text_key, result.claims.size());
      by_copy.emplace(copy_key, result.claims.size());
      result.claims.push_back(std::move(reconciled));
      groups.push_back({group});
    }
  }

  for (int role = 0; role < 4; ++role) {
    std::vector<Figure> figures;
    for (size_t i = 0; i < result.claims.size(); ++i) {
      const ReconciledClaim& reconciled = result.claims[i];
      const CasualtyCount& count = CountOf(reconciled.claim, role);
      if (!count.present || !count.vague.empty() || !reconciled.background.empty()) continue;
      const std::string_view figure_class = LargerClass(reconciled.victim_class);
      auto it = std::find_if(figures.begin(), figures.end(),
                             [&](const Figure& f) { return f.victim_class == figure_class; });
      if (it == figures.end()) {
        Figure figure;
        figure.role = kRoles[role];
        figure.victim_class = std::string(figure_class);
        figures.push_back(figure);
        it = figures.end() - 1;
      }
      it->claims.push_back(i);
    }
    for (Figure& figure : figures) {
      // A running toll ("rose to 28") replaces the smaller counts of the same figure.
      int64_t running = -1;
      for (size_t index : figure.claims) {
        const ReconciledClaim& reconciled = result.claims[index];
        if (reconciled.claim.cumulative) running = std::max(running, CountOf(reconciled.claim, role).value);
      }
      std::vector<size_t> current;
      for (size_t index : figure.claims) {
        const ReconciledClaim& reconciled = result.claims[index];
        if (!reconciled.claim.cumulative && CountOf(reconciled.claim, role).value < running) {
          figure.superseded.push_back(index);
        } else {
          current.push_back(index);
        }
        if (reconciled.victim_class != figure.victim_class) figure.nested = true;
      }
      // Sources disagree when two counts of one class differ, or an inner class ("7
      // civilians") counts more than its larger class ("5 people").
      for (size_t a = 0; a < current.size(); ++a) {
        for (size_t b = a + 1; b < current.size(); ++b) {
          const ReconciledClaim& x = result.claims[current[a]];
          const ReconciledClaim& y = result.claims[current[b]];
          const int64_t vx = CountOf(x.claim, role).value, vy = CountOf(y.claim, role).value;
          if (x.victim_class == y.victim_class) {
            figure.conflicting = figure.conflicting || vx != vy;
          } else {
            const bool x_inner = x.victim_class != figure.victim_class;
            figure.conflicting = figure.conflicting || (x_inner ? vx > vy : vy > vx);
          }
        }
      }
      bool have_sourced = false;
      for (size_t n = 0; n < current.size(); ++n) {
        const ReconciledClaim& reconciled = result.claims[current[n]];
        const CasualtyCount& count = CountOf(reconciled.claim, role);
        if (n == 0) {
          figure.low = figure.high = count;
        } else {
          if (count.value < figure.low.value) figure.low = count;
          if (count.value > figure.high.value ||
              (count.value == figure.high.value && Openness(count.qualifier) > Openness(figure.high.qualifier))) {
            figure.high = count;
          }
        }
        const bool sourced = !reconciled.claim.source_chain.empty() && reconciled.claim.hedge.empty();
        const bool lower = n == 0 || count.value < figure.conservative.value;
        if ((sourced && (!have_sourced || lower)) || (!have_sourced && !sourced && lower)) {
          figure.conservative = count;
          figure.conservative_claim = current[n];
        }
        have_sourced |= sourced;
      }
    }
    std::stable_sort(figures.begin(), figures.end(), [](const Figure& a, const Figure& b) {
      if ((a.victim_class == "general") != (b.victim_class == "general")) return a.victim_class == "general";
      return a.victim_class < b.victim_class;
    });
    for (Figure& figure : figures) result.figures.push_back(std::move(figure));
  }
  return result;
}

const CasualtyCount& RoleCount(const CasualtyClaim& claim, std::string_view role) {
  for (int index = 0; index < 4; ++index) {
    if (role == kRoles[index]) return CountOf(claim, index);
  }
  return claim.detained;
}

std::string RangeText(const Figure& figure) {
  if (figure.claims.empty()) return "";
  if (figure.low.value == figure.high.value) return CountText(figure.high);
  return CountText(figure.low) + " to " + CountText(figure.high);
}

}  // namespace casus::corpus
