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
#include "casus/core/string_table.h"

namespace casus::events {

// Tables keyed by strings, looked up with string_views (no temporary string per token).
template <typename Value>
using WordMap = StringMap<Value>;

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
  WordMap<std::vector<uint32_t>> patterns_by_first;
  std::vector<uint32_t> suffix_patterns;
  // Group nouns by lemma; two-word ones ("security force") by their words joined with a space.
  WordMap<GroupNoun> groups;
  // The first words of the two-word group nouns ("security" of "security force").
  WordMap<bool> group_first_words;
  std::vector<Governor> governors;
  WordMap<std::vector<uint32_t>> governors_by_first;
  std::unordered_map<std::string, AcledType> acled;  // by code ("AIR_STRIKE")
  WordMap<std::string> impacts;                      // verbs of impact (lemma -> example)
  WordMap<std::string> hazards;                      // natural hazards and accidents (lemma -> example)
  WordMap<std::string> riots;                        // words of a violent demonstration (lemma -> example)
  WordMap<std::string> armed_targets;                // what armed men hold (lemma -> example)
  // event_objects.tsv: class ("territory", "weapon", "seizure") and example by word; a
  // two-word seizure ("shoot down") by its words joined with a space.
  struct Object {
    std::string kind, example;
  };
  WordMap<Object> objects;
  WordMap<bool> object_first_words;  // of two-word seizures ("shoot" of "shoot down")
  // Everything the tables say of one word, found with one look-up per token.
  struct WordInfo {
    const std::vector<uint32_t>* patterns = nullptr;   // patterns_by_first
    const std::vector<uint32_t>* governors = nullptr;  // governors_by_first
    const GroupNoun* group = nullptr;
    const Object* object = nullptr;
    bool group_first = false, object_first = false, hazard = false, impact = false, riot = false,
         armed_target = false;
  };
  WordMap<WordInfo> words;
  const WordInfo* Info(std::string_view word) const {
    auto it = words.find(word);
    return it == words.end() ? nullptr : &it->second;
  }

  bool Is(std::string_view word, std::string_view kind) const {
    auto it = objects.find(word);
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
