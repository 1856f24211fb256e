// The events stage; see event_tagger.h for the rules. One pass per sentence over its
// tokens: participants first (entity mentions and group nouns, by token), then
// triggers with their modality, actors and targets, then the links to the other layers.
#include "casus/annotate/events/event_tagger.h"

#include <algorithm>
#include <string>
#include <vector>

#include "casus/annotate/claims/attribution.h"
#include "casus/annotate/events/event_lexicon.h"
#include "casus/core/span_index.h"

namespace casus::events {
namespace {

// A participant candidate of one sentence, by tokens.
struct Candidate {
  uint32_t first = 0, last = 0;  // tokens, inclusive
  EventParticipant participant;
  bool place = false;    // a place or country mention
  bool located = false;  // after a locative preposition: where, not who
  bool pronoun = false;  // a subject pronoun standing for the last actors
  bool site = false;     // a place that is no country and stands for no government: never an actor
};

// How specific an ACLED code is: 0 the most (a suicide bomb), higher for the generic
// ones (an armed clash, an attack).
int AcledRank(std::string_view code) {
  static const char* const kSpecificFirst[] = {"SUIC_BOMB",
                                               "CHEM_WEAP",
                                               "AIR_STRIKE",
                                               "GRENADE",
                                               "REM_EXPLOS",
                                               "ART_MISS_ATTACK",
                                               "SEX_VIOL",
                                               "ABDUCT_DISSAP",
                                               "MOB_VIOL",
                                               "VIOL_DEMONSTR",
                                               "FORCE_AGAINST_PROTEST",
                                               "PROTEST_WITH_INTER",
                                               "PEACE_PROTEST",
                                               "GOV_REGAINS_TERIT",
                                               "NON_STATE_ACTOR_OVERTAKES_TER",
                                               "NON_VIOL_TERRIT_TRANSFER",
                                               "HQ_ESTABLISHED",
                                               "DISR_WEAP",
                                               "CHANGE_TO_GROUP_ACT",
                                               "AGREEMENT",
                                               "ARREST",
                                               "PROPERTY_DISTRUCT",
                                               "ARMED_CLASH",
                                               "ATTACK",
                                               "OTHER"};
  for (size_t i = 0; i < std::size(kSpecificFirst); ++i) {
    if (code == kSpecificFirst[i]) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kSpecificFirst));
}

bool IsArmedSector(std::string_view sector) {
  return sector == "MIL" || sector == "COP" || sector == "REB" || sector == "INS" || sector == "UAF" || sector == "SPY";
}

bool IsBe(std::string_view lemma) { return lemma == "be"; }

bool IsLocative(std::string_view norm) {
  return norm == "in" || norm == "at" || norm == "near" || norm == "outside" || norm == "inside" || norm == "across" ||
         norm == "around" || norm == "throughout" || norm == "into" || norm == "from" || norm == "along" ||
         norm == "within";
}

std::string Precision(std::string_view value) {
  const auto digits = [&](size_t from, size_t n) {
    if (value.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (value[i] < '0' || value[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return "";
  if (value.size() >= 10 && value[4] == '-' && digits(5, 2) && value[7] == '-' && digits(8, 2)) return "day";
  if (value.size() >= 8 && value[4] == '-' && value[5] == 'W' && digits(6, 2)) return "week";
  if (value.size() >= 7 && value[4] == '-' && digits(5, 2)) return "month";
  if (value.size() == 4) return "year";
  return "";
}

// The date a value names, cut to its precision ("2023-09-19T13:00" -> "2023-09-19").
std::string DateOf(std::string_view value, std::string_view precision) {
  if (precision == "day") return std::string(value.substr(0, 10));
  if (precision == "week") return std::string(value.substr(0, 8));
  if (precision == "month") return std::string(value.substr(0, 7));
  if (precision == "year") return std::string(value.substr(0, 4));
  return "";
}

// What the sentences of one document ask about its other layers, indexed once: spans of
// time expressions, casualty claims' sentences and attributions' contents, and the
// dateline's place.
struct DocumentIndex {
  explicit DocumentIndex(const Document& d)
      : entities(d.entities.size(), [&](size_t e) { return d.entities[e].span; }),
        times(d.time_expressions.size(), [&](size_t t) { return d.time_expressions[t].span; }),
        claims(d.casualties.size(), [&](size_t c) { return d.casualties[c].evidence; }),
        attributions(d.attributions.size(), [&](size_t a) { return d.attributions[a].content; }) {
    const Span dateline = d.metadata.dateline_span;
    for (size_t e = 0; e < d.entities.size() && !dateline.empty(); ++e) {
      const EntityMention& m = d.entities[e];
      if ((m.kind == EntityKind::kPlace || m.kind == EntityKind::kCountry) && dateline.Contains(m.span)) {
        dateline_place = static_cast<int32_t>(e);
        break;
      }
    }
  }
  SpanIndex entities, times, claims, attributions;
  int32_t dateline_place = -1;
};

class SentenceEvents {
 public:
  SentenceEvents(Document& document, uint32_t sentence, const EventLexicon& lexicon, const ChainFinder& chains,
                 const DocumentIndex& index, std::vector<EventParticipant>* last_actors)
      : d_(document),
        sentence_(sentence),
        lex_(lexicon),
        chains_(chains),
        index_(index),
        entity_index_(index.entities),
        last_actors_(last_actors),
        first_(document.sentence_tokens[sentence]),
        end_(document.sentence_tokens[sentence + 1]) {}

  void Run() {
    if (first_ >= end_) return;
    info_.resize(end_ - first_);
    for (uint32_t i = first_; i < end_; ++i) {
      const EventLexicon::WordInfo* lemma = lex_.Info(Lemma(i));
      info_[i - first_] = {lemma, Lemma(i) == Norm(i) ? lemma : lex_.Info(Norm(i))};
    }
    FindParticipants();
    const size_t before = d_.events.size();
    std::vector<bool> used(end_ - first_, false);
    for (uint32_t i = first_; i < end_; ++i) {
      if (used[i - first_]) continue;
      uint32_t last = 0;
      const TriggerPattern* pattern = MatchAt(i, &last);
      if (pattern == nullptr) continue;
      for (uint32_t k = i; k <= last; ++k) used[k - first_] = true;
      AddEvent(*pattern, i, last);
    }
    Seizures(before);
    AssignTimes(before);
    for (size_t e = before; e < d_.events.size(); ++e) Link(e, before);
    ViolentProtests(before);
    std::vector<bool> drop(d_.events.size() - before, false);
    for (size_t e : weapon_dropped_) drop[e - before] = true;
    // A hazard or an accident in the sentence ("an earthquake hit", "killed in a plane
    // crash", "a gas leak caused an explosion") explains a generic report of harm.
    bool hazard = false;
    for (uint32_t k = first_; k < end_ && !hazard; ++k) {
      hazard = T(k).pos != PartOfSpeech::kFunction && T(k).pos != PartOfSpeech::kPunctuation &&
               ((L(k) != nullptr && L(k)->hazard) || (N(k) != nullptr && N(k)->hazard));
    }
    if (hazard) {
      for (size_t e = before; e < d_.events.size(); ++e) {
        const EventMention& event = d_.events[e];
        const bool generic = event.plover == "ASSAULT" && (event.acled == "ATTACK" || event.acled == "ARMED_CLASH" ||
                                                           (event.acled == "REM_EXPLOS" && event.cameo == "183") ||
                                                           event.acled == "PROPERTY_DISTRUCT");
        auto armed = [](const std::vector<EventParticipant>& ps) {
          return std::any_of(ps.begin(), ps.end(), [](const EventParticipant& p) { return p.armed; });
        };
        if (generic && !armed(event.actors) && !armed(event.targets)) drop[e - before] = true;
      }
    }
    // A weapon's name: with another attack in its clause, it gives that attack its mode
    // and code (when the attack has none of its own); alone, it is an attack only with a
    // verb of impact ("rockets hit", "fired missiles").
    for (size_t e = before; e < d_.events.size(); ++e) {
      if (!patterns_[e - before]->weapon) continue;
      const auto [first, last] = trigger_tokens_[e - before];
      const uint32_t clause_begin = ClauseBegin(first), clause_end = ClauseEnd(last);
      bool lent = false;
      for (size_t other = before; other < d_.events.size(); ++other) {
        if (other == e || patterns_[other - before]->weapon || d_.events[other].plover != "ASSAULT") continue;
        const auto [of, ol] = trigger_tokens_[other - before];
        if (of < clause_begin || ol >= clause_end) continue;
        EventMention& attack = d_.events[other];
        // The most specific weapon of the clause wins ("missiles fired by jets": aerial).
        const bool generic = attack.acled.empty() || attack.acled == "ATTACK" || attack.acled == "ARMED_CLASH" ||
                             AcledRank(d_.events[e].acled) < AcledRank(attack.acled);
        if (generic) {
          attack.mode = d_.events[e].mode;
          attack.cameo = d_.events[e].cameo;
          attack.acled = d_.events[e].acled;
        }
        lent = true;
        break;
      }
      bool impact = false;
      for (uint32_t k = clause_begin; k < clause_end && !impact; ++k) {
        impact = (k < first || k > last) && T(k).pos == PartOfSpeech::kVerb && L(k) != nullptr && L(k)->impact;
      }
      drop[e - before] = lent || !impact;
    }
    // A trigger that only names people ("protesters", "a gunman") reports no event of
    // its own where another event of the sentence has them as its actor or target:
    // "Police arrested five protesters" is the arrest.
    for (size_t e = before; e < d_.events.size(); ++e) {
      const Span trigger = d_.events[e].trigger;
      for (size_t other = before; other < d_.events.size() && !drop[e - before]; ++other) {
        if (other == e) continue;
        for (const auto* list : {&d_.events[other].actors, &d_.events[other].targets}) {
          for (const EventParticipant& p : *list) {
            if (p.entity < 0 && p.span.Contains(trigger)) drop[e - before] = true;
          }
        }
      }
    }
    if (std::find(drop.begin(), drop.end(), true) == drop.end()) {
      NameAcled(before);
      return;
    }
    // Remove them, renumbering the governors of the events that stay.
    std::vector<int32_t> renumber(d_.events.size() - before, -1);
    size_t kept = before;
    for (size_t e = before; e < d_.events.size(); ++e) {
      if (drop[e - before]) continue;
      renumber[e - before] = static_cast<int32_t>(kept);
      if (kept != e) d_.events[kept] = std::move(d_.events[e]);
      ++kept;
    }
    d_.events.resize(kept);
    for (size_t e = before; e < kept; ++e) {
      int32_t& governor = d_.events[e].governor;
      if (governor >= static_cast<int32_t>(before)) governor = renumber[governor - before];
    }
    NameAcled(before);
  }

  // The ACLED type and sub-event type names of each event's code.
  // A protest in a sentence with a word of violence (event_riots.tsv: "clashed", "threw
  // stones"), not called peaceful, is a riot; so is a clash of the sentence.
  void ViolentProtests(size_t first_event) {
    bool protest = false, clash = false;
    for (size_t e = first_event; e < d_.events.size(); ++e) protest = protest || d_.events[e].acled == "PEACE_PROTEST";
    if (!protest) return;
    for (uint32_t k = first_; k < end_; ++k) {
      const std::string_view norm = Norm(k);
      if (norm == "peaceful" || norm == "peacefully" || norm == "nonviolent" || norm == "non-violent") return;
      if (T(k).pos == PartOfSpeech::kFunction || !((L(k) != nullptr && L(k)->riot) || (N(k) != nullptr && N(k)->riot))) {
        continue;
      }
      // What the protest is against is no violence of its own: "rallies against gun violence".
      bool object = false;
      for (uint32_t j = k; j > first_ && k - j < 3 && !object; --j) {
        const std::string_view before = Norm(j - 1);
        object = before == "against" || before == "over" || before == "condemn" || before == "denounce";
      }
      clash = clash || !object;
    }
    if (!clash) return;
    for (size_t e = first_event; e < d_.events.size(); ++e) {
      EventMention& event = d_.events[e];
      if (event.acled == "PEACE_PROTEST" || (event.plover == "ASSAULT" && event.acled == "ARMED_CLASH")) {
        event.acled = "VIOL_DEMONSTR";
        if (event.plover == "PROTEST") event.mode = "riot";
      }
    }
  }

  void NameAcled(size_t first_event) {
    for (size_t e = first_event; e < d_.events.size(); ++e) {
      EventMention& event = d_.events[e];
      const auto it = lex_.acled.find(event.acled);
      event.acled_type = it == lex_.acled.end() ? "" : it->second.type;
      event.acled_subtype = it == lex_.acled.end() ? "" : it->second.subtype;
    }
  }

 private:
  const Token& T(uint32_t i) const { return d_.tokens[i]; }
  // What the tables say of the token's lemma and of its norm (null: nothing).
  const EventLexicon::WordInfo* L(uint32_t i) const { return info_[i - first_].first; }
  const EventLexicon::WordInfo* N(uint32_t i) const { return info_[i - first_].second; }
  bool Object(uint32_t i, std::string_view kind) const {
    for (const EventLexicon::WordInfo* info : {L(i), N(i)}) {
      if (info != nullptr && info->object != nullptr && info->object->kind == kind) return true;
    }
    return false;
  }
  std::string_view Lemma(uint32_t i) const { return d_.Lemma(d_.tokens[i]); }
  std::string_view Norm(uint32_t i) const { return d_.Norm(d_.tokens[i]); }
  bool IsPunct(uint32_t i) const { return T(i).pos == PartOfSpeech::kPunctuation; }
  bool IsClauseEnd(uint32_t i) const { return Norm(i) == ";" || Norm(i) == ":"; }

  // --- participants ---
  void FindParticipants() {
    const Span sentence = d_.sentences[sentence_].span;
    std::vector<bool> covered(end_ - first_, false);
    entity_index_.ForEach(sentence, [&](uint32_t e) {
      const EntityMention& mention = d_.entities[e];
      if (mention.in_boilerplate || !sentence.Contains(mention.span)) return;
      Candidate c;
      if (!TokenRange(mention.span, &c.first, &c.last)) return;
      c.participant.entity = static_cast<int32_t>(e);
      c.participant.span = mention.span;
      const EntityMention& head = mention.refers_to >= 0 ? d_.entities[mention.refers_to] : mention;
      c.participant.sector = head.sector;
      // A mention ending in a group noun takes its sector: "Government forces" are MIL.
      if (const auto* info = L(c.last); info != nullptr && info->group != nullptr) {
        c.participant.sector = info->group->sector;
      }
      c.participant.armed = IsArmedSector(c.participant.sector);
      c.place = (mention.kind == EntityKind::kPlace || mention.kind == EntityKind::kCountry) && !mention.metonym;
      c.site = mention.kind == EntityKind::kPlace && !mention.metonym;
      for (uint32_t k = c.first; k <= c.last; ++k) covered[k - first_] = true;
      candidates_.push_back(c);
    });
    // Group nouns outside mentions: "protesters", "security forces" (two words first).
    for (uint32_t i = first_; i < end_; ++i) {
      if (covered[i - first_] || T(i).pos == PartOfSpeech::kPunctuation) continue;
      const GroupNoun* group = nullptr;
      uint32_t last = i;
      if (i + 1 < end_ && !covered[i + 1 - first_]) {
        auto two = lex_.groups.end();
        if (L(i) != nullptr && L(i)->group_first) {
          two = lex_.groups.find(std::string(Lemma(i)) + " " + std::string(Lemma(i + 1)));
        }
        if (two != lex_.groups.end()) {
          group = &two->second;
          last = i + 1;
        }
      }
      const bool noun = T(i).pos == PartOfSpeech::kNoun || T(i).pos == PartOfSpeech::kOther ||
                        (T(i).pos == PartOfSpeech::kProperNoun && T(i).Is(kTokenSentenceStart));
      if (group == nullptr && noun) {
        if (L(i) != nullptr && L(i)->group != nullptr) {
          group = L(i)->group;
        } else if (N(i) != nullptr && N(i)->group != nullptr) {
          group = N(i)->group;
        } else if (T(i).pos != PartOfSpeech::kNoun && Norm(i).size() > 2 && Norm(i).back() == 's') {  // "Jihadists"
          const std::string_view norm = Norm(i);
          if (auto it = lex_.groups.find(norm.substr(0, norm.size() - 1)); it != lex_.groups.end()) group = &it->second;
        }
      }
      if (group == nullptr) continue;
      // A group noun followed by another noun modifies it ("police station"): no group.
      if (last + 1 < end_ && T(last + 1).pos == PartOfSpeech::kNoun && !T(last + 1).Is(kTokenCapitalized)) continue;
      Candidate c;
      c.first = i;
      c.last = last;
      // A demonym or entity right before joins the group's words ("Armenian police").
      c.participant.span = Span{T(i).span.begin, T(last).span.end};
      c.participant.sector = group->sector;
      c.participant.armed = group->armed;
      candidates_.push_back(c);
      i = last;
    }
    // Subject pronouns stand for the last actors named.
    for (uint32_t i = first_; i < end_; ++i) {
      const std::string_view norm = Norm(i);
      if (!T(i).Is(kTokenPronoun) || !(norm == "it" || norm == "they" || norm == "he" || norm == "she" || norm == "we"))
        continue;
      Candidate c;
      c.first = c.last = i;
      c.pronoun = true;
      c.participant.span = T(i).span;
      candidates_.push_back(c);
    }
    std::sort(candidates_.begin(), candidates_.end(),
              [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
    for (Candidate& c : candidates_) {
      if (!c.place) continue;
      // A place after a locative preposition (and its determiners, adjectives and an
      // apposition's head: "in the Armenian capital Yerevan") is where, not who.
      uint32_t k = c.first;
      while (k > first_ && (T(k - 1).Is(kTokenDeterminer) || T(k - 1).pos == PartOfSpeech::kAdjective ||
                            IsPlaceHead(Lemma(k - 1)) || InCandidate(k - 1))) {
        --k;
      }
      if (k > first_ && IsLocative(Norm(k - 1))) c.located = true;
    }
  }

  static bool IsPlaceHead(std::string_view lemma) {
    return lemma == "capital" || lemma == "city" || lemma == "town" || lemma == "village" || lemma == "province" ||
           lemma == "region" || lemma == "district" || lemma == "port" || lemma == "border" || lemma == "outskirts";
  }
  bool InCandidate(uint32_t k) const {
    for (const Candidate& c : candidates_) {
      if (c.first <= k && k <= c.last) return c.place;
    }
    return false;
  }

  bool TokenRange(Span span, uint32_t* first, uint32_t* last) const {
    auto begin = std::partition_point(d_.tokens.begin() + first_, d_.tokens.begin() + end_,
                                      [&](const Token& t) { return t.span.end <= span.begin; });
    if (begin == d_.tokens.begin() + end_ || begin->span.begin >= span.end) return false;
    auto stop = begin;
    while (stop + 1 != d_.tokens.begin() + end_ && (stop + 1)->span.begin < span.end) ++stop;
    *first = static_cast<uint32_t>(begin - d_.tokens.begin());
    *last = static_cast<uint32_t>(stop - d_.tokens.begin());
    return true;
  }

  // --- triggers ---
  bool ElementMatches(const PatternElement& element, uint32_t i) const {
    const std::string_view norm = Norm(i);
    if (element.suffix) {
      return norm.size() > element.word.size() &&
             norm.compare(norm.size() - element.word.size(), element.word.size(), element.word) == 0;
    }
    // The lemma, the norm, or a plural WordNet keeps as a lemma of its own ("relations").
    const bool plural = norm.size() == element.word.size() + 1 && norm.back() == 's' &&
                        norm.compare(0, element.word.size(), element.word) == 0;
    if (Lemma(i) != element.word && norm != element.word && !plural) return false;
    if (element.pos == PartOfSpeech::kOther) return true;
    if (element.pos == PartOfSpeech::kNoun) return T(i).pos == PartOfSpeech::kNoun || T(i).pos == PartOfSpeech::kOther;
    return T(i).pos == element.pos;
  }

  const TriggerPattern* MatchAt(uint32_t i, uint32_t* last) const {
    // No trigger is a name or a part of one ("the Rally party", "Operation Dawn").
    // (An acronym in capitals may be one, "an IED", and a name may open a phrase of
    // several words, "Molotov cocktails".)
    if (T(i).pos == PartOfSpeech::kPunctuation) return nullptr;
    const bool name = T(i).pos == PartOfSpeech::kProperNoun && !T(i).Is(kTokenAllCaps);
    // Endings first ("four-day strike" is a strike of work before it is an attack), then
    // the patterns of the lemma, then of the norm.
    const std::vector<uint32_t>* lists[3] = {&lex_.suffix_patterns, nullptr, nullptr};
    if (L(i) != nullptr) lists[1] = L(i)->patterns;
    if (N(i) != nullptr && N(i) != L(i)) lists[2] = N(i)->patterns;
    for (const std::vector<uint32_t>* list : lists) {
      if (list == nullptr) continue;
      for (uint32_t index : *list) {
        const TriggerPattern& pattern = lex_.patterns[index];
        if (name && pattern.elements.size() < 2) continue;
        uint32_t at = i;
        bool ok = ElementMatches(pattern.elements[0], i);
        for (size_t k = 1; ok && k < pattern.elements.size(); ++k) {
          const PatternElement& element = pattern.elements[k];
          if (element.gap) continue;
          const bool after_gap = pattern.elements[k - 1].gap;
          ok = false;
          for (uint32_t j = at + 1; j < end_ && j <= at + (after_gap ? 4 : 1); ++j) {
            if (ElementMatches(element, j)) {
              at = j;
              ok = true;
              break;
            }
            if (IsPunct(j) && Norm(j) != "'") break;  // a plural's apostrophe: "the workers' demands"
          }
        }
        if (ok) {
          *last = at;
          return &pattern;
        }
      }
    }
    return nullptr;
  }

  // The weapon noun of a seizure verb's object: after the verb in its clause, or before
  // it in a passive ("firearms were seized"); -1 when none.
  int WeaponObject(uint32_t verb_first, uint32_t verb_last) const {
    const uint32_t clause_begin = ClauseBegin(verb_first), clause_end = ClauseEnd(verb_last);
    for (uint32_t k = verb_last + 1; k < clause_end && k <= verb_last + 8; ++k) {
      if (Object(k, "weapon")) return static_cast<int>(k);
      if (Norm(k) == "," || T(k).pos == PartOfSpeech::kVerb) break;
    }
    if (verb_first > clause_begin && IsBe(Lemma(verb_first - 1))) {
      for (uint32_t k = verb_first - 1; k > clause_begin && verb_first - k <= 12; --k) {
        if (Object(k - 1, "weapon")) return static_cast<int>(k - 1);
      }
    }
    // A participle right after it: "the bombs discovered on Wednesday".
    const std::string_view form = Norm(verb_first);
    if (verb_first > clause_begin && form.size() > 3 && form.substr(form.size() - 2) == "ed" &&
        Object(verb_first - 1, "weapon")) {
      return static_cast<int>(verb_first - 1);
    }
    return -1;
  }

  // Arms seized, found or defused: ACLED "Disrupted weapons use" (PLOVER COERCE, seizing
  // property), not an attack, not a capture of territory; the weapon's own trigger
  // ("bombs", "grenades") reports nothing.
  void Seizures(size_t first_event) {
    for (uint32_t i = first_; i < end_; ++i) {
      if (T(i).pos != PartOfSpeech::kVerb) continue;
      uint32_t last = i;
      bool seizure = L(i) != nullptr && L(i)->object != nullptr && L(i)->object->kind == "seizure";
      if (i + 1 < end_ && L(i) != nullptr && L(i)->object_first &&
          lex_.Is(std::string(Lemma(i)) + " " + std::string(Norm(i + 1)), "seizure")) {
        seizure = true;
        last = i + 1;
      }
      if (!seizure) continue;
      const int weapon = WeaponObject(i, last);
      if (weapon < 0) continue;
      // The verb's own event, if it has one, is coded again; else one is made.
      size_t event = d_.events.size();
      for (size_t e = first_event; e < d_.events.size(); ++e) {
        const auto [f, l] = trigger_tokens_[e - first_event];
        if (f <= i && i <= l) event = e;
      }
      if (event == d_.events.size()) {
        static const TriggerPattern kSeizure = [] {
          TriggerPattern p;
          p.plover = "COERCE";
          p.mode = "seize";
          p.cameo = "1711";
          return p;
        }();
        AddEvent(kSeizure, i, last);
      }
      EventMention& e = d_.events[event];
      e.plover = "COERCE";
      e.mode = "seize";
      e.cameo = "1711";
      e.acled = "DISR_WEAP";
      patterns_[event - first_event] = &kNoWeapon;
      for (size_t other = first_event; other < d_.events.size(); ++other) {
        const auto [f, l] = trigger_tokens_[other - first_event];
        if (other != event && f <= static_cast<uint32_t>(weapon) && static_cast<uint32_t>(weapon) <= l) {
          weapon_dropped_.push_back(other);
        }
      }
    }
  }

  // Whether a capture at [first, last] takes ground: a territory noun or a place
  // mention after it in its clause, or before it in a passive.
  bool TakesTerritory(uint32_t first, uint32_t last) const {
    const uint32_t clause_begin = ClauseBegin(first), clause_end = ClauseEnd(last);
    auto ground = [&](uint32_t k) {
      if (Object(k, "territory")) return true;
      for (const Candidate& c : candidates_) {
        if (c.place && c.first <= k && k <= c.last) return true;
      }
      return false;
    };
    for (uint32_t k = last + 1; k < clause_end && k <= last + 8; ++k) {
      if (T(k).pos == PartOfSpeech::kVerb) break;
      if (ground(k)) return true;
    }
    if (first > clause_begin && IsBe(Lemma(first - 1))) {
      for (uint32_t k = first - 1; k > clause_begin && first - k <= 8; --k) {
        if (ground(k - 1)) return true;
      }
    }
    return false;
  }

  void AddEvent(const TriggerPattern& pattern, uint32_t first, uint32_t last) {
    EventMention event;
    event.trigger = Span{T(first).span.begin, T(last).span.end};
    event.evidence = d_.sentences[sentence_].span;
    event.sentence = sentence_;
    event.plover = pattern.plover;
    event.mode = pattern.mode;
    event.cameo = pattern.cameo;
    event.acled = pattern.acled;
    trigger_tokens_.push_back({first, last});
    patterns_.push_back(&pattern);
    d_.events.push_back(std::move(event));
  }

  // --- links ---
  void Link(size_t e, size_t first_event) {
    EventMention& event = d_.events[e];
    const auto [first, last] = trigger_tokens_[e - first_event];
    const uint32_t clause_begin = ClauseBegin(first), clause_end = ClauseEnd(last);
    Modality(e, first_event, first, clause_begin);
    Participants(event, first, last, clause_begin, clause_end);
    Date(event, e, first_event);
    Place(event, e, first_event);
    if (event.plover == "ASSAULT" || event.plover == "COERCE" || event.plover == "PROTEST") Casualty(event);
    chains_.ChainFor(event.trigger, &event.source_chain, &event.hedge);
    if (event.modality == EventModality::kAsserted && !event.hedge.empty()) event.modality = EventModality::kClaimed;
    // A capture of anything but ground is a seizure ("seized drugs", "captured a man").
    if ((event.acled == "GOV_REGAINS_TERIT" || event.acled == "NON_STATE_ACTOR_OVERTAKES_TER") &&
        !TakesTerritory(first, last)) {
      event.plover = "COERCE";
      event.mode = "seize";
      event.cameo = "1711";
      event.acled.clear();
    }
    RefineAcled(event, last, clause_end, patterns_[e - first_event]->acled);
    if (!event.actors.empty()) *last_actors_ = event.actors;
  }

  uint32_t ClauseBegin(uint32_t i) const {
    while (i > first_ && !IsClauseEnd(i - 1)) --i;
    return i;
  }
  uint32_t ClauseEnd(uint32_t i) const {
    while (i + 1 < end_ && !IsClauseEnd(i + 1)) ++i;
    return i + 1;
  }

  void Modality(size_t e, size_t first_event, uint32_t first, uint32_t clause_begin) {
    EventMention& event = d_.events[e];
    // Negation right before: "did not attack", "no attack", "never shelled".
    for (uint32_t k = first; k > clause_begin && first - k < 3; --k) {
      const uint32_t before = k - 1;
      if (T(before).Is(kTokenNegation)) {
        event.modality = EventModality::kNegated;
        return;
      }
      if (!(T(before).Is(kTokenAuxiliary) || T(before).Is(kTokenModal) || T(before).pos == PartOfSpeech::kAdverb ||
            T(before).Is(kTokenDeterminer)))
        break;
    }
    // The governors before it in its clause, up to eight words back: a verb of mood
    // ("threatened to", "called for", "denied") before a modal ("would") that may sit
    // between it and the event ("warned it would shell").
    const uint32_t floor = first > clause_begin + 8 ? first - 8 : clause_begin;
    const Governor* chosen = nullptr;
    uint32_t chosen_at = 0;
    for (uint32_t g = first; g > floor; --g) {
      const uint32_t at = g - 1;
      if (Norm(at) == "," && at + 1 < first && !T(at + 1).Is(kTokenSubordinator)) break;
      if (T(at).pos == PartOfSpeech::kProperNoun) continue;  // "in May" holds no "may"
      if (const Governor* governor = GovernorAt(at, first); governor != nullptr) {
        const bool modal = T(at).Is(kTokenModal);
        if (chosen == nullptr || (T(chosen_at).Is(kTokenModal) && !modal)) {
          chosen = governor;
          chosen_at = at;
        }
        if (!modal) break;
        continue;
      }
      // Another event's trigger between breaks the reach ("shelled and attacked"),
      // unless a governor opens it ("called for").
      bool inside_other = false;
      for (size_t other = first_event; other < e; ++other) {
        const auto [gf, gl] = trigger_tokens_[other - first_event];
        if (gf <= at && at <= gl && gf < at) {
          inside_other = GovernorAt(gf, first) == nullptr;
          if (!inside_other) g = gf + 2;  // its first word is the next looked at
        } else if (gf <= at && at <= gl) {
          inside_other = true;
        }
      }
      if (inside_other) break;
    }
    if (chosen == nullptr) return;
    event.modality = chosen->modality;
    for (size_t other = first_event; other < e; ++other) {  // the governing event, if it is one
      const auto [gf, gl] = trigger_tokens_[other - first_event];
      if (gf <= chosen_at && chosen_at <= gl) event.governor = static_cast<int32_t>(other);
    }
  }

  // The governor whose words start at token `at` and end before token `stop`, or null.
  const Governor* GovernorAt(uint32_t at, uint32_t stop) const {
    for (const EventLexicon::WordInfo* info : {L(at), N(at)}) {
      if (info == nullptr || info->governors == nullptr) continue;
      for (uint32_t index : *info->governors) {
        const Governor& governor = lex_.governors[index];
        uint32_t k = at;
        bool ok = true;
        for (size_t w = 1; ok && w < governor.words.size(); ++w) {
          ++k;
          ok = k < stop && (Lemma(k) == governor.words[w] || Norm(k) == governor.words[w]);
        }
        if (ok) return &governor;
      }
    }
    return nullptr;
  }

  // The candidates joined to `index` by commas and "and" ("Russia, France and the US").
  std::vector<EventParticipant> Coordinated(size_t index, uint32_t limit_begin, uint32_t limit_end) const {
    std::vector<EventParticipant> out = {Resolve(candidates_[index])};
    auto joins = [&](uint32_t from, uint32_t to) {  // only ",", "and", determiners between
      for (uint32_t k = from; k < to; ++k) {
        const std::string_view n = Norm(k);
        if (!(n == "," || n == "and" || T(k).Is(kTokenDeterminer))) return false;
      }
      return to > from;
    };
    for (size_t j = index + 1; j < candidates_.size() && candidates_[j].last < limit_end; ++j) {
      if (candidates_[j].located || !joins(candidates_[j - 1].last + 1, candidates_[j].first)) break;
      out.push_back(Resolve(candidates_[j]));
    }
    for (size_t j = index; j > 0 && candidates_[j - 1].first >= limit_begin; --j) {
      if (candidates_[j - 1].located || !joins(candidates_[j - 1].last + 1, candidates_[j].first)) break;
      out.insert(out.begin(), Resolve(candidates_[j - 1]));
    }
    return out;
  }

  EventParticipant Resolve(const Candidate& c) const { return c.participant; }

  // Whom a subject pronoun stands for. Opening what a named source says ("Hungary said it
  // will support", "the rebels announced that they would release"), it is that source;
  // otherwise the last actors named.
  std::vector<EventParticipant> Antecedent(size_t pronoun) {
    const Candidate& p = candidates_[pronoun];
    for (uint32_t index : SentenceAttributions()) {
      const Attribution& a = d_.attributions[index];
      if (a.source.empty() || !a.content.Contains(p.participant.span)) continue;
      // The pronoun is the first candidate of the content.
      bool first = true;
      for (size_t j = 0; j < pronoun && first; ++j) {
        first = !a.content.Contains(candidates_[j].participant.span);
      }
      if (!first) continue;
      for (size_t j = 0; j < candidates_.size(); ++j) {
        const Candidate& c = candidates_[j];
        if (c.pronoun || c.located || c.site || !a.source.Overlaps(c.participant.span)) continue;
        return Coordinated(j, first_, end_);
      }
    }
    return *last_actors_;
  }

  // Whether a candidate is the source of an attribution whose content holds the trigger:
  // the one who reports the event ("local authorities reported heavy bombardment"), not
  // one who takes part in it.
  const std::vector<uint32_t>& SentenceAttributions() {
    if (!attributions_found_) {
      index_.attributions.ForEach(d_.sentences[sentence_].span, [&](uint32_t a) { attributions_.push_back(a); });
      attributions_found_ = true;
    }
    return attributions_;
  }

  bool Reports(const Candidate& c, Span trigger) {
    for (uint32_t index : SentenceAttributions()) {
      const Attribution& a = d_.attributions[index];
      if (a.source.empty() || !a.content.Contains(trigger)) continue;
      if (a.source.Overlaps(c.participant.span)) return true;
    }
    return false;
  }

  void Participants(EventMention& event, uint32_t first, uint32_t last, uint32_t clause_begin, uint32_t clause_end) {
    const bool verb = T(first).pos == PartOfSpeech::kVerb;
    // The nearest candidate before the trigger and the first after it, in the clause.
    // A governed event ("denied shelling", "threatened to attack") keeps its governor's
    // subject, who speaks of it: the reporter exclusion is for events reported by others.
    const bool reported = event.governor < 0;
    auto before = [&](uint32_t limit, bool for_actor = true) -> int {
      for (size_t j = candidates_.size(); j > 0; --j) {
        const Candidate& c = candidates_[j - 1];
        if (c.last >= limit || c.first < clause_begin) continue;
        if (c.located || (c.site && for_actor) || (reported && Reports(c, event.trigger))) continue;
        // Inside "by X", "with X", "against X" before the trigger: not its subject.
        if (c.first > clause_begin) {
          const std::string_view p = Norm(c.first - 1);
          if (p == "by" || p == "against" || p == "with" || p == "of") continue;
        }
        return static_cast<int>(j - 1);
      }
      return -1;
    };
    auto after = [&](uint32_t from, bool allow_located) -> int {
      for (size_t j = 0; j < candidates_.size(); ++j) {
        const Candidate& c = candidates_[j];
        if (c.first <= from || c.last >= clause_end) continue;
        if (c.located && !allow_located) continue;
        if (c.pronoun || (reported && Reports(c, event.trigger))) continue;
        return static_cast<int>(j);
      }
      return -1;
    };
    auto take = [&](int index, std::vector<EventParticipant>* out) {
      if (index < 0) return;
      const Candidate& c = candidates_[index];
      if (c.pronoun) {
        if (out == &event.actors) *out = Antecedent(static_cast<size_t>(index));
        return;
      }
      *out = Coordinated(static_cast<size_t>(index), clause_begin, clause_end);
    };
    if (verb) {
      // Passive: an auxiliary "be" right before (adverbs between).
      uint32_t k = first;
      while (k > clause_begin && T(k - 1).pos == PartOfSpeech::kAdverb) --k;
      // Passive: "be" before a participle; "is attacking", "is willing" are not.
      const std::string_view form = Norm(first);
      const bool progressive = form.size() > 4 && form.substr(form.size() - 3) == "ing";
      // A participle with "by" after it is passive without "be": "militants backed by Ankara".
      const bool participle = form != Lemma(first) && !progressive;
      const bool passive = participle && ((k > clause_begin && IsBe(Lemma(k - 1))) ||
                                          (last + 1 < clause_end && Norm(last + 1) == "by"));
      const int subject = before(first, !passive);
      if (passive) {
        take(subject, &event.targets);
        for (uint32_t j = last + 1; j < clause_end && j <= last + 4; ++j) {
          if (Norm(j) == "by") {
            take(after(j, false), &event.actors);
            break;
          }
        }
      } else {
        take(subject, &event.actors);
        take(after(last, false), &event.targets);
      }
      return;
    }
    // A noun: a modifier right before ("Azerbaijani shelling", "Israel's strikes"), or
    // "by X" after, is the actor; "of", "on", "against", "at" X after it the target.
    for (size_t j = 0; j < candidates_.size(); ++j) {
      const Candidate& c = candidates_[j];
      const bool adjacent = c.last + 1 == first || (c.last + 2 == first && Norm(c.last + 1) == "'s");
      if (adjacent && !c.located && !c.pronoun && !c.site) take(static_cast<int>(j), &event.actors);
    }
    for (uint32_t j = last + 1; j < clause_end && j <= last + 3; ++j) {
      const std::string_view n = Norm(j);
      if (n == "by" && event.actors.empty()) {
        take(after(j, false), &event.actors);
      } else if (n == "of" || n == "on" || n == "against" || n == "at") {
        const int target = after(j, true);
        if (target >= 0 && candidates_[target].first <= j + 3) take(target, &event.targets);
        break;
      }
    }
    if (event.actors.empty()) take(before(first), &event.actors);
  }

  // Which event each dated time expression of the sentence belongs to: the nearest event
  // before it in its stretch of the clause (stretches end at commas, semicolons, colons,
  // brackets and subordinators: "launched the operation alleging that Armenia had
  // violated the agreement signed in 2020" dates the agreement, not the operation), else
  // the first event after it in its stretch ("On Tuesday, troops shelled ..."); none when
  // neither is there.
  void AssignTimes(size_t first_event) {
    own_time_.assign(d_.events.size() - first_event, -1);
    unowned_times_.clear();
    const Span sentence = d_.sentences[sentence_].span;
    auto breaks = [&](uint32_t k) {
      const std::string_view n = Norm(k);
      return n == "," || n == ";" || n == ":" || n == "(" || n == ")" || T(k).Is(kTokenSubordinator);
    };
    std::vector<uint32_t> inside;  // the sentence's expressions, in order
    index_.times.ForEach(sentence, [&](uint32_t t) {
      if (sentence.Contains(d_.time_expressions[t].span)) inside.push_back(t);
    });
    std::sort(inside.begin(), inside.end());
    for (uint32_t t : inside) {
      const TimeExpression& time = d_.time_expressions[t];
      if (time.since || Precision(time.value).empty()) continue;
      uint32_t first = 0, last = 0;
      if (!TokenRange(time.span, &first, &last)) continue;
      int owner = -1;
      // Back to the stretch's start: the nearest trigger.
      for (uint32_t k = first; k > first_ && owner < 0; --k) {
        const uint32_t at = k - 1;
        for (size_t e = first_event; e < d_.events.size(); ++e) {
          const auto [f, l] = trigger_tokens_[e - first_event];
          if (f <= at && at <= l) owner = static_cast<int>(e);
        }
        if (owner < 0 && breaks(at)) break;
      }
      // Else forward to the stretch's end.
      for (uint32_t k = last + 1; k < end_ && owner < 0; ++k) {
        for (size_t e = first_event; e < d_.events.size(); ++e) {
          const auto [f, l] = trigger_tokens_[e - first_event];
          if (f <= k && k <= l) owner = static_cast<int>(e);
        }
        if (owner < 0 && breaks(k) && k > last + 1) break;
      }
      if (owner < 0) {
        unowned_times_.push_back(static_cast<int>(t));
        continue;
      }
      // An event keeps its first expression; a statement's day gives way to another.
      int& slot = own_time_[owner - first_event];
      if (slot < 0 || (d_.time_expressions[slot].statement && !time.statement)) slot = static_cast<int>(t);
    }
  }

  // The event's own time expression; else the one of the event before it in the
  // sentence (", killing 12" after "shelled ... on Tuesday"); else a time expression of
  // the sentence no event owns ("police said on Monday that three were killed"); else
  // publication's date, with precision "published".
  void Date(EventMention& event, size_t e, size_t first_event) {
    int chosen = own_time_[e - first_event];
    for (size_t previous = e; chosen < 0 && previous > first_event; --previous) {
      chosen = d_.events[previous - 1].time;
    }
    if (chosen < 0 && !unowned_times_.empty()) chosen = unowned_times_.front();
    if (chosen >= 0) {
      const std::string& value = d_.time_expressions[chosen].value;
      event.time = chosen;
      event.date_precision = Precision(value);
      event.date = DateOf(value, event.date_precision);
      return;
    }
    event.date = d_.metadata.published;
    event.date_precision = "published";
  }

  // Where it happened: a place after a locative preposition (a town before a country:
  // "in the Armenian capital Yerevan" is Yerevan), else the sentence's first place, else
  // the place of the event before it in the paragraph, when that was in the sentence
  // before ("Protesters gathered in Yerevan. Police attacked them."), else the dateline's.
  void Place(EventMention& event, size_t e, size_t first_event) {
    int located = -1, fallback = -1;
    for (const Candidate& c : candidates_) {
      if (!c.place || c.participant.entity < 0) continue;
      const bool city = d_.entities[c.participant.entity].role == "city";
      if (c.located && (located < 0 || (city && d_.entities[located].role != "city"))) located = c.participant.entity;
      if (fallback < 0) fallback = c.participant.entity;
    }
    if (located >= 0 || fallback >= 0) {
      event.place = located >= 0 ? located : fallback;
      return;
    }
    if (e == first_event && first_event > 0) {
      const EventMention& previous = d_.events[first_event - 1];
      if (previous.place >= 0 && previous.sentence + 1 == sentence_ &&
          d_.sentences[previous.sentence].paragraph == d_.sentences[sentence_].paragraph) {
        event.place = previous.place;
        return;
      }
    } else if (e > first_event && d_.events[e - 1].place >= 0) {
      event.place = d_.events[e - 1].place;
      return;
    }
    event.place = index_.dateline_place;
  }

  void Casualty(EventMention& event) {
    const Span sentence = d_.sentences[sentence_].span;
    int32_t first = -1;
    index_.claims.ForEach(sentence, [&](uint32_t c) {
      if (d_.casualties[c].evidence == sentence && (first < 0 || static_cast<int32_t>(c) < first)) {
        first = static_cast<int32_t>(c);
      }
    });
    event.casualty = first;
  }

  // Whether the word is one of what armed men hold (event_armed_targets.tsv), in its
  // lemma, its norm or a plural's singular ("policemen", "troops").
  bool ArmedTarget(std::string_view word) const {
    auto is = [&](std::string_view w) {
      const EventLexicon::WordInfo* info = lex_.Info(w);
      return info != nullptr && info->armed_target;
    };
    if (is(word)) return true;
    if (word.size() > 3 && word.back() == 's' && is(word.substr(0, word.size() - 1))) return true;
    if (word.size() > 3 && word.substr(word.size() - 3) == "men") {
      return is(std::string(word.substr(0, word.size() - 3)) + "man");
    }
    return false;
  }

  // The ACLED code of an attack from its participants and victims. `last` is the
  // trigger's last token, `own` the code its pattern gave.
  void RefineAcled(EventMention& event, uint32_t last, uint32_t clause_end, const std::string& own) {
    auto any_armed = [](const std::vector<EventParticipant>& ps) {
      return std::any_of(ps.begin(), ps.end(), [](const EventParticipant& p) { return p.armed; });
    };
    auto any_sector = [](const std::vector<EventParticipant>& ps, std::string_view sector) {
      return std::any_of(ps.begin(), ps.end(), [&](const EventParticipant& p) { return p.sector == sector; });
    };
    auto civilian_victims = [&] {
      if (event.casualty < 0) return false;
      const std::string& victims = d_.casualties[event.casualty].victims;
      for (const char* word : {"civilian", "people", "women", "children", "villager", "resident", "worshipper",
                               "student", "passenger", "farmer", "man", "woman", "child", "boy", "girl"}) {
        if (victims.find(word) != std::string::npos) return true;
      }
      return false;
    };
    auto protester_victims = [&] {
      if (event.casualty < 0) return false;
      const std::string& victims = d_.casualties[event.casualty].victims;
      return victims.find("protester") != std::string::npos || victims.find("demonstrator") != std::string::npos;
    };
    // What it is done to, after it in its clause: a checkpoint, a convoy, positions.
    auto armed_object = [&] {
      for (uint32_t k = last + 1; k < clause_end && k <= last + 6; ++k) {
        if (T(k).pos == PartOfSpeech::kVerb) break;
        if ((T(k).pos == PartOfSpeech::kNoun || T(k).pos == PartOfSpeech::kOther) && (ArmedTarget(Lemma(k)) || ArmedTarget(Norm(k)))) {
          return true;
        }
      }
      return false;
    };
    auto armed_victims = [&] {
      if (event.casualty < 0) return false;
      const std::string& victims = d_.casualties[event.casualty].victims;
      size_t begin = 0;
      while (begin < victims.size()) {
        size_t end = victims.find(' ', begin);
        if (end == std::string::npos) end = victims.size();
        std::string word = victims.substr(begin, end - begin);
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ArmedTarget(word)) return true;
        begin = end + 1;
      }
      return false;
    };
    const bool against_protesters = (any_sector(event.targets, "OPP") && !event.targets.empty()) || protester_victims();
    // A clash one side of which is protesters is a riot.
    if (event.plover == "ASSAULT" && event.acled == "ARMED_CLASH" &&
        (any_sector(event.actors, "OPP") || any_sector(event.targets, "OPP"))) {
      event.acled = "VIOL_DEMONSTR";
      return;
    }
    if (event.plover == "ASSAULT" && (event.acled == "ATTACK" || event.acled == "ARMED_CLASH")) {
      if (against_protesters) {
        event.acled = "FORCE_AGAINST_PROTEST";
      } else if (any_armed(event.targets) && (any_armed(event.actors) || event.actors.empty())) {
        event.acled = "ARMED_CLASH";
      } else if ((armed_object() || (armed_victims() && !civilian_victims())) &&
                 (any_armed(event.actors) || event.actors.empty())) {
        event.acled = "ARMED_CLASH";  // "attacked a checkpoint", "killing six soldiers"
      } else if (own == "ARMED_CLASH" && any_armed(event.actors) && event.targets.empty()) {
        event.acled = "ARMED_CLASH";  // "government forces and Kurdish fighters clashed"
      } else if ((!event.targets.empty() && !any_armed(event.targets)) || civilian_victims()) {
        event.acled = "ATTACK";
      }
    }
    if (event.plover == "COERCE" && against_protesters) event.acled = "PROTEST_WITH_INTER";
    // Violence by protesters is a riot; by a mob or crowd, mob violence.
    if (event.plover == "ASSAULT" && !event.acled.empty() && event.acled != "FORCE_AGAINST_PROTEST") {
      for (const EventParticipant& actor : event.actors) {
        if (actor.entity >= 0) continue;
        std::string words(d_.Text(actor.span));
        for (char& c : words) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (words.find("mob") != std::string::npos || words.find("crowd") != std::string::npos) {
          event.acled = "MOB_VIOL";
        } else if (actor.sector == "OPP" && !protester_victims()) {
          event.acled = "VIOL_DEMONSTR";
        }
      }
    }
    if (event.acled == "GOV_REGAINS_TERIT" || event.acled == "NON_STATE_ACTOR_OVERTAKES_TER") {
      const bool state =
          any_sector(event.actors, "MIL") || any_sector(event.actors, "GOV") || any_sector(event.actors, "COP");
      const bool non_state =
          any_sector(event.actors, "REB") || any_sector(event.actors, "INS") || any_sector(event.actors, "UAF");
      if (state && !non_state) event.acled = "GOV_REGAINS_TERIT";
      if (non_state && !state) event.acled = "NON_STATE_ACTOR_OVERTAKES_TER";
    }
  }

  Document& d_;
  uint32_t sentence_;
  const EventLexicon& lex_;
  const ChainFinder& chains_;
  const DocumentIndex& index_;
  const SpanIndex& entity_index_;
  std::vector<uint32_t> attributions_;  // of the sentence, found when first asked
  bool attributions_found_ = false;
  std::vector<EventParticipant>* last_actors_;
  uint32_t first_, end_;
  std::vector<Candidate> candidates_;
  std::vector<std::pair<uint32_t, uint32_t>> trigger_tokens_;  // per event of this sentence
  std::vector<const TriggerPattern*> patterns_;                // likewise
  std::vector<std::pair<const EventLexicon::WordInfo*, const EventLexicon::WordInfo*>> info_;  // per token
  std::vector<int> own_time_;             // per event of this sentence: its time expression, or -1
  std::vector<int> unowned_times_;        // the sentence's dated expressions no event owns
  std::vector<size_t> weapon_dropped_;    // events on a seized weapon's name
  static const TriggerPattern kNoWeapon;  // a seizure's pattern: no weapon of its own
};

const TriggerPattern SentenceEvents::kNoWeapon{};

}  // namespace

EventTagger::EventTagger()
    : info_{"events",
            {Layer::kTokens, Layer::kTime, Layer::kAttribution, Layer::kCasualties, Layer::kEntities},
            {Layer::kEvents}} {
  EventLexicon::Get();  // built now, not inside the first document's timing
}

Status EventTagger::Process(Document& document) const {
  document.events.clear();
  if (document.sentence_tokens.size() != document.sentences.size() + 1) {
    return Status(ErrorCode::kInternal, "the token layer does not match the sentences");
  }
  const EventLexicon& lexicon = EventLexicon::Get();
  const ChainFinder chains(document);
  const DocumentIndex index(document);
  std::vector<EventParticipant> last_actors;
  for (uint32_t k = 0; k < document.sentences.size(); ++k) {
    if ((k & 63) == 0 && document.PastDeadline()) return Document::DeadlineStatus(info_.name);
    SentenceEvents(document, k, lexicon, chains, index, &last_actors).Run();
  }
  return Status::Ok();
}

int32_t MainEvent(const Document& document) {
  int32_t best = -1;
  int best_rank = 1 << 30;
  for (size_t e = 0; e < document.events.size(); ++e) {
    const EventMention& event = document.events[e];
    if (event.governor >= 0) continue;
    // A purpose clause ("to demand reforms") or a participle after a comma ("..., killing
    // two") tells more about the event before it: after it in rank.
    bool subordinate = false;
    for (size_t t = 0; t < document.tokens.size(); ++t) {
      if (document.tokens[t].span.begin != event.trigger.begin) continue;
      const std::string_view norm = document.Norm(document.tokens[t]);
      const std::string_view before = t > 0 ? document.Norm(document.tokens[t - 1]) : "";
      subordinate = (before == "to" && document.tokens[t].pos == PartOfSpeech::kVerb) ||
                    (before == "," && norm.size() > 3 && norm.substr(norm.size() - 3) == "ing");
      break;
    }
    const int rank = static_cast<int>(event.sentence) * 4 + (subordinate ? 2 : 0);
    if (rank < best_rank) {
      best = static_cast<int32_t>(e);
      best_rank = rank;
    }
  }
  return best;
}

std::string CodedCategory(const EventMention& event) {
  static const char* const kCooperative[] = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"};
  const bool cooperative = std::find_if(std::begin(kCooperative), std::end(kCooperative),
                                        [&](const char* c) { return event.plover == c; }) != std::end(kCooperative);
  switch (event.modality) {
    case EventModality::kPlanned: return cooperative ? "AGREE" : event.plover == "REJECT" ? "REJECT" : "THREATEN";
    case EventModality::kThreatened: return "THREATEN";
    case EventModality::kDemanded: return "REQUEST";
    case EventModality::kDenied: return "REJECT";
    case EventModality::kNegated: return cooperative ? "REJECT" : event.plover;
    default: return event.plover;
  }
}

std::string MainAcled(const Document& document) {
  // The lead sentence's events first: a report states its main event first.
  std::string best;
  uint32_t best_sentence = 0;
  for (const EventMention& event : document.events) {
    if (event.acled.empty()) continue;
    if (event.modality != EventModality::kAsserted && event.modality != EventModality::kClaimed) continue;
    if (best.empty() || event.sentence < best_sentence ||
        (event.sentence == best_sentence && AcledRank(event.acled) < AcledRank(best))) {
      best = event.acled;
      best_sentence = event.sentence;
    }
  }
  return best;
}

std::pair<std::string, std::string> AcledNames(std::string_view code) {
  const auto& acled = EventLexicon::Get().acled;
  auto it = acled.find(std::string(code));
  if (it == acled.end()) return {};
  return {it->second.type, it->second.subtype};
}

}  // namespace casus::events
