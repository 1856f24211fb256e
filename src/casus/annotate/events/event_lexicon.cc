// Loading resources/events/*.tsv into the events stage's tables (see event_lexicon.h).
#include "casus/annotate/events/event_lexicon.h"

#include <algorithm>
#include <sstream>

#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus::events {
namespace {

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  std::istringstream in{std::string(phrase)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string Field(const lexicon::TsvRow& row, size_t i) {
  if (i >= row.size() || row[i] == "-") return "";
  return std::string(row[i]);
}

}  // namespace

bool ParseModality(std::string_view name, EventModality* out) {
  for (EventModality m :
       {EventModality::kAsserted, EventModality::kClaimed, EventModality::kDenied, EventModality::kNegated,
        EventModality::kThreatened, EventModality::kDemanded, EventModality::kPlanned, EventModality::kHypothetical}) {
    if (name == EventModalityName(m)) {
      *out = m;
      return true;
    }
  }
  return false;
}

EventLexicon::EventLexicon() {
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_triggers())) {
    if (row.size() < 7) continue;
    TriggerPattern pattern;
    for (const std::string& word : Words(row[0])) {
      PatternElement element;
      if (word == "*") {
        element.gap = true;
      } else {
        const size_t colon = word.rfind(':');
        element.word = word;
        if (word.size() > 1 && word[0] == '~') {
          element.suffix = true;
          element.word = word.substr(1);
        }
        if (colon != std::string::npos && colon + 2 == word.size()) {
          element.word = element.word.substr(0, element.word.rfind(':'));
          const char pos = word[colon + 1];
          element.pos = pos == 'V'   ? PartOfSpeech::kVerb
                        : pos == 'N' ? PartOfSpeech::kNoun
                        : pos == 'A' ? PartOfSpeech::kAdjective
                                     : PartOfSpeech::kOther;
        }
      }
      pattern.elements.push_back(std::move(element));
    }
    if (pattern.elements.empty() || pattern.elements.front().gap) continue;
    pattern.plover = Field(row, 1);
    pattern.mode = Field(row, 2);
    pattern.cameo = Field(row, 3);
    pattern.acled = Field(row, 4);
    pattern.weapon = Field(row, 5) == "weapon";
    pattern.example = Field(row, 6);
    patterns.push_back(std::move(pattern));
  }
  for (uint32_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].elements.front().suffix) {
      suffix_patterns.push_back(i);
    } else {
      patterns_by_first[patterns[i].elements.front().word].push_back(i);
    }
  }
  for (auto& [word, indexes] : patterns_by_first) {
    std::stable_sort(indexes.begin(), indexes.end(),
                     [&](uint32_t a, uint32_t b) { return patterns[a].elements.size() > patterns[b].elements.size(); });
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_groups())) {
    if (row.size() < 4) continue;
    groups[std::string(row[0])] = GroupNoun{std::string(row[1]), row[2] == "yes", std::string(row[3])};
    if (const size_t space = row[0].find(' '); space != std::string_view::npos) {
      group_first_words[std::string(row[0].substr(0, space))] = true;
    }
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_governors())) {
    if (row.size() < 3) continue;
    Governor governor;
    governor.words = Words(row[0]);
    if (governor.words.empty() || !ParseModality(row[1], &governor.modality)) continue;
    governor.example = std::string(row[2]);
    governors.push_back(std::move(governor));
  }
  for (uint32_t i = 0; i < governors.size(); ++i) governors_by_first[governors[i].words.front()].push_back(i);
  for (auto& [word, indexes] : governors_by_first) {
    std::stable_sort(indexes.begin(), indexes.end(),
                     [&](uint32_t a, uint32_t b) { return governors[a].words.size() > governors[b].words.size(); });
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_impacts())) {
    if (row.size() >= 2) impacts[std::string(row[0])] = std::string(row[1]);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_hazards())) {
    if (row.size() >= 2) hazards[std::string(row[0])] = std::string(row[1]);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_riots())) {
    if (row.size() >= 2) riots[std::string(row[0])] = std::string(row[1]);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_armed_targets())) {
    if (row.size() >= 2) armed_targets[std::string(row[0])] = std::string(row[1]);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::event_objects())) {
    if (row.size() < 3) continue;
    objects[std::string(row[0])] = Object{std::string(row[1]), std::string(row[2])};
    if (const size_t space = row[0].find(' '); space != std::string_view::npos) {
      object_first_words[std::string(row[0].substr(0, space))] = true;
    }
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::acled_types())) {
    if (row.size() < 4) continue;
    acled[std::string(row[0])] = AcledType{std::string(row[1]), std::string(row[2]), std::string(row[3])};
    acled_codes.emplace_back(row[0]);
  }
  // The per-word view of every table (built last: the pointers point into them).
  for (const auto& [word, list] : patterns_by_first) words[word].patterns = &list;
  for (const auto& [word, list] : governors_by_first) words[word].governors = &list;
  for (const auto& [word, group] : groups) words[word].group = &group;
  for (const auto& [word, object] : objects) words[word].object = &object;
  for (const auto& [word, yes] : group_first_words) words[word].group_first = yes;
  for (const auto& [word, yes] : object_first_words) words[word].object_first = yes;
  for (const auto& [word, example] : hazards) words[word].hazard = true;
  for (const auto& [word, example] : impacts) words[word].impact = true;
  for (const auto& [word, example] : riots) words[word].riot = true;
  for (const auto& [word, example] : armed_targets) words[word].armed_target = true;
}

const EventLexicon& EventLexicon::Get() {
  static const EventLexicon lexicon;
  return lexicon;
}

}  // namespace casus::events
