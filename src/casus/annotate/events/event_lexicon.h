// The events stage's word lists (resources/events/): trigger patterns with their PLOVER,
// CAMEO and ACLED codes, group nouns with sectors, governors of modality, and the ACLED
// type names; loaded once. Each list's rows keep their example sentence, which the tests
// run through the stage.
#ifndef CASUS_ANNOTATE_EVENTS_EVENT_LEXICON_H_
#define CASUS_ANNOTATE_EVENTS_EVENT_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casus/core/document.h"

namespace casus::events {

struct PatternElement {
  std::string word;                         // lemma or norm; empty for a gap
  PartOfSpeech pos = PartOfSpeech::kOther;  // kOther: any
  bool gap = false;                         // "*": up to three words
  bool suffix = false;                      // "~end": a word ending in `word`
};

struct TriggerPattern {
  std::vector<PatternElement> elements;
  std::string plover, mode, cameo, acled;  // mode and acled empty for none
  bool weapon = false;                     // a weapon's name: an attack only with a verb of impact
  std::string example;
};

struct GroupNoun {
  std::string sector;
  bool armed = false;
  std::string example;
};

struct Governor {
  std::vector<std::string> words;
  EventModality modality = EventModality::kAsserted;
  std::string example;
};

struct AcledType {
  std::string type, subtype, example;
};

class EventLexicon {
 public:
  static const EventLexicon& Get();

  std::vector<TriggerPattern> patterns;
  // Patterns by their first word, longest first, then in file order; those whose first
  // word is an ending ("~-day") apart, tried at every word.
  std::unordered_map<std::string, std::vector<uint32_t>> patterns_by_first;
  std::vector<uint32_t> suffix_patterns;
  // Group nouns by lemma; two-word ones ("security force") by their words joined with a space.
  std::unordered_map<std::string, GroupNoun> groups;
  std::vector<Governor> governors;
  std::unordered_map<std::string, std::vector<uint32_t>> governors_by_first;
  std::unordered_map<std::string, AcledType> acled;      // by code ("AIR_STRIKE")
  std::unordered_map<std::string, std::string> impacts;  // verbs of impact (lemma -> example)
  std::unordered_map<std::string, std::string> hazards;  // natural hazards and accidents (lemma -> example)
  // event_objects.tsv: class ("territory", "weapon", "seizure") and example by word; a
  // two-word seizure ("shoot down") by its words joined with a space.
  struct Object {
    std::string kind, example;
  };
  std::unordered_map<std::string, Object> objects;
  bool Is(std::string_view word, std::string_view kind) const {
    auto it = objects.find(std::string(word));
    return it != objects.end() && it->second.kind == kind;
  }
  std::vector<std::string> acled_codes;  // in file order

 private:
  EventLexicon();
};

// "asserted" -> EventModality::kAsserted; false for an unknown name.
bool ParseModality(std::string_view name, EventModality* out);

}  // namespace casus::events

#endif  // CASUS_ANNOTATE_EVENTS_EVENT_LEXICON_H_
