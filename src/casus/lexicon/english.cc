// The WordNet-based English lexicon (see english.h): parsing the compiled list and
// morphy's detachment rules.
#include "casus/lexicon/english.h"

#include <charconv>
#include <span>

#include "casus/core/hash.h"

namespace casus::lexicon {
namespace {

struct Detachment {
  std::string_view suffix, ending;
};
// WordNet's morphy rules, by part of speech (morph.c in the WordNet sources).
constexpr Detachment kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                     {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detachment kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                     {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Detachment kAdjectiveRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

uint16_t ParseWeight(std::string_view field) {
  unsigned value = 0;
  std::from_chars(field.data(), field.data() + field.size(), value);
  return static_cast<uint16_t>(value > 65535 ? 65535 : value);
}

int PartOfLetter(char letter) {
  switch (letter) {
    case 'n': return kWordNetNoun;
    case 'v': return kWordNetVerb;
    case 'a': return kWordNetAdjective;
    case 'r': return kWordNetAdverb;
    default: return -1;
  }
}

}  // namespace

EnglishLexicon::EnglishLexicon(std::string_view text) {
  keys_.reserve(160000);
  senses_.reserve(160000);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string_view fields[6];
    size_t count = 0, start = 0;
    while (count < 6) {
      const size_t tab = line.find('\t', start);
      fields[count++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (line[0] == '=') {
      if (count < 3) continue;
      const int part = fields[1].empty() ? -1 : PartOfLetter(fields[1][0]);
      if (part >= 0) irregular_[fields[0].substr(1)][part] = fields[2];
      continue;
    }
    if (count < 5) continue;
    WordSenses senses;
    for (int p = 0; p < 4; ++p) senses.weight[p] = ParseWeight(fields[p + 1]);
    if (count > 5) senses.name = static_cast<uint8_t>(ParseWeight(fields[5]));
    keys_.push_back(fields[0]);
    senses_.push_back(senses);
  }
  size_t slots = 1;
  while (slots < keys_.size() * 2) slots <<= 1;
  slots_.assign(slots, 0);
  mask_ = slots - 1;
  for (size_t i = 0; i < keys_.size(); ++i) {
    uint64_t slot = Hash64(keys_[i]) & mask_;
    while (slots_[slot] != 0) {
      if (keys_[slots_[slot] - 1] == keys_[i]) break;  // a repeated line: the first stays
      slot = (slot + 1) & mask_;
    }
    if (slots_[slot] == 0) slots_[slot] = static_cast<uint32_t>(i + 1);
  }
}

int64_t EnglishLexicon::IndexOf(std::string_view word) const {
  if (slots_.empty()) return -1;
  for (uint64_t slot = Hash64(word) & mask_;; slot = (slot + 1) & mask_) {
    const uint32_t entry = slots_[slot];
    if (entry == 0) return -1;
    if (keys_[entry - 1] == word) return entry - 1;
  }
}

const WordSenses* EnglishLexicon::Find(std::string_view word) const {
  const int64_t index = IndexOf(word);
  return index < 0 ? nullptr : &senses_[static_cast<size_t>(index)];
}

std::string_view EnglishLexicon::Lemma(std::string_view word, WordNetPart part, std::string* scratch) const {
  if (word.empty()) return {};
  if (auto it = irregular_.find(word); it != irregular_.end() && !it->second[part].empty()) return it->second[part];
  if (const WordSenses* senses = Find(word); senses != nullptr && senses->weight[part] > 0) return word;
  std::span<const Detachment> rules;
  if (part == kWordNetNoun) rules = kNounRules;
  if (part == kWordNetVerb) rules = kVerbRules;
  if (part == kWordNetAdjective) rules = kAdjectiveRules;
  for (const Detachment& rule : rules) {
    if (word.size() <= rule.suffix.size() || word.substr(word.size() - rule.suffix.size()) != rule.suffix) continue;
    scratch->assign(word.substr(0, word.size() - rule.suffix.size()));
    scratch->append(rule.ending);
    if (const int64_t index = IndexOf(*scratch); index >= 0 && senses_[index].weight[part] > 0) {
      return keys_[index];  // the entry's own key outlives the scratch buffer
    }
  }
  return {};
}

EnglishLexicon::Analysis EnglishLexicon::Analyze(std::string_view word, std::string* scratch) const {
  Analysis out;
  if (word.empty()) return out;
  const auto irregular = irregular_.find(word);
  const int64_t self = IndexOf(word);
  for (int part = 0; part < 4; ++part) {
    std::string_view lemma;
    const WordSenses* senses = nullptr;
    if (irregular != irregular_.end() && !irregular->second[part].empty()) {
      lemma = irregular->second[part];
      senses = Find(lemma);
    } else if (self >= 0 && senses_[self].weight[part] > 0) {
      lemma = keys_[self];
      senses = &senses_[self];
    } else {
      std::span<const Detachment> rules;
      if (part == kWordNetNoun) rules = kNounRules;
      if (part == kWordNetVerb) rules = kVerbRules;
      if (part == kWordNetAdjective) rules = kAdjectiveRules;
      for (const Detachment& rule : rules) {
        if (word.size() <= rule.suffix.size() || word.substr(word.size() - rule.suffix.size()) != rule.suffix) continue;
        scratch->assign(word.substr(0, word.size() - rule.suffix.size()));
        scratch->append(rule.ending);
        const int64_t base = IndexOf(*scratch);
        if (base >= 0 && senses_[base].weight[part] > 0) {
          lemma = keys_[base];
          senses = &senses_[base];
          break;
        }
      }
    }
    if (lemma.empty()) continue;
    out.lemmas[part] = lemma;
    out.senses.weight[part] = senses != nullptr && senses->weight[part] > 0 ? senses->weight[part] : 1;
    if (part == kWordNetNoun && senses != nullptr) out.senses.name = senses->name;
  }
  return out;
}

}  // namespace casus::lexicon
