// Reconciliation of casualty claims across the articles of one story.
//
// Claims carried by several articles (copies of one article, or wire text shared word for
// word) become one claim with several carriers: a copy never counts as corroboration.
// Claims dated outside the story's incident span ("over 1,000 were killed in 2020" in a
// 2023 story) are background, not figures of this incident, and so are claims their
// article flags as background or as part of a larger figure. The rest are grouped by role
// (killed, wounded, missing, detained) and victim class (resources/corpus_words.tsv:
// civilians shown within people; soldiers, police, protesters ... apart; the attackers
// and self-harm apart); a running toll replaces the smaller counts before it; each group
// is a figure with its range, the conservative count (the lowest one that names a source
// and is not hedged, as careful human coders take; the lowest of all when none does) and
// a conflict flag when its sources give different numbers. Vague counts ("dozens") are
// listed but stay out of ranges. Pure functions; no I/O.
#ifndef CASUS_CORPUS_RECONCILE_H_
#define CASUS_CORPUS_RECONCILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/document.h"

namespace casus::corpus {

struct StoryMember {
  const Document* document = nullptr;
  std::string duplicate_of;  // id of the canonical article when this one is a near-duplicate
};

struct ReconciledClaim {  // (a claim of the attackers has victim_class "perpetrators", of self-harm "self")
  CasualtyClaim claim;                // as read from its first carrier
  std::string evidence;               // the sentence, from the first carrier
  std::vector<std::string> carriers;  // ids of the articles carrying it, first carrier first
  int independent_carriers = 0;       // carriers counted once per duplicate group
  std::string victim_class;           // "general", "military", "protesters", ...
  std::string background;             // why it is not a figure of this incident; empty when it is
};

struct Figure {
  std::string role;            // "killed", "wounded", "missing", "detained"
  std::string victim_class;    // "general", ...
  std::vector<size_t> claims;  // indexes into Reconciliation::claims, numeric counts only
  CasualtyCount low, high;     // the smallest and the largest count
  CasualtyCount conservative;  // the lowest well-sourced count
  size_t conservative_claim = 0;
  // The sources give different numbers for the same victims (an inner class counting
  // fewer than its larger class, "7 civilians" against "27 people", is no conflict).
  bool conflicting = false;
  bool nested = false;              // some claims count an inner class (civilians among people)
  std::vector<size_t> superseded;   // claims a running toll of the figure replaced (not in the range)
};

struct Reconciliation {
  std::vector<ReconciledClaim> claims;
  std::vector<Figure> figures;  // killed first, then wounded, missing, detained; general class first
};

// The incident span of a story (ISO "YYYY-MM-DD"): the day-precision dates its members
// mention up to kIncidentLookbackDays before their publication, kept while they form a
// run, walking back from the latest publication, with no gap over kIncidentGapDays
// (publication dates count as links of the run). The publication range when no date
// qualifies; empty strings when nothing is dated.
inline constexpr int kIncidentLookbackDays = 30;
inline constexpr int kIncidentGapDays = 5;
struct IncidentSpan {
  std::string first;
  std::string last;
};
IncidentSpan FindIncidentSpan(const std::vector<StoryMember>& members);

Reconciliation Reconcile(const std::vector<StoryMember>& members, const IncidentSpan& span);

// The count of `claim` for a figure's role: "killed", "wounded", "missing", else detained.
const CasualtyCount& RoleCount(const CasualtyClaim& claim, std::string_view role);

// "at least 7 to more than 200", "27", or "" when the figure is empty.
std::string RangeText(const Figure& figure);

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_RECONCILE_H_
