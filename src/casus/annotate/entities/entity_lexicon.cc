// Loads the entity layer's TSV resources into phrase tables.
#include "casus/annotate/entities/entity_lexicon.h"

#include <algorithm>
#include <functional>

#include "casus/lexicon/gazetteer.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus::entities {
namespace {

std::vector<std::string_view> Split(std::string_view field, char separator) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (begin < field.size()) {
    size_t end = field.find(separator, begin);
    if (end == std::string_view::npos) end = field.size();
    if (end > begin) parts.push_back(field.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

std::string_view Field(const lexicon::TsvRow& row, size_t index) { return index < row.size() ? row[index] : ""; }

int32_t SectorIndex(std::vector<std::string>& sectors, std::string_view sector) {
  auto it = std::find(sectors.begin(), sectors.end(), sector);
  if (it != sectors.end()) return static_cast<int32_t>(it - sectors.begin());
  sectors.emplace_back(sector);
  return static_cast<int32_t>(sectors.size() - 1);
}

EntityLexicon Load() {
  EntityLexicon lexicon;
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::organizations())) {
    if (row.empty()) continue;
    const auto index = static_cast<int32_t>(lexicon.organizations.size());
    lexicon.organizations.push_back(
        {std::string(row[0]), std::string(Field(row, 2)), std::string(Field(row, 3)), std::string(Field(row, 4))});
    lexicon.organization_phrases.Add(row[0], index);
    for (std::string_view alias : Split(Field(row, 1), '|')) lexicon.organization_phrases.Add(alias, index);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::roles())) {
    if (row.empty()) continue;
    const auto index = static_cast<int32_t>(lexicon.roles.size());
    lexicon.roles.push_back({std::string(row[0]), std::string(Field(row, 2))});
    lexicon.role_phrases.Add(row[0], index);
    for (std::string_view alias : Split(Field(row, 1), '|')) lexicon.role_phrases.Add(alias, index);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::entity_words())) {
    if (row.size() < 2) continue;
    const std::string_view kind = row[0];
    const std::string key = lexicon::NameKey(row[1]);
    if (kind == "institution") {
      lexicon.institutions.Add(row[1], SectorIndex(lexicon.sectors, Field(row, 2)));
    } else if (kind == "group") {
      lexicon.groups.Add(row[1], SectorIndex(lexicon.sectors, Field(row, 2)));
    } else if (kind == "place_head") {
      lexicon.place_heads[key] = std::string(Field(row, 2));
    } else if (kind == "not_person") {
      lexicon.not_person.insert(key);
    } else if (kind == "particle") {
      lexicon.particles.insert(key);
    } else if (kind == "honorific") {
      lexicon.honorifics.insert(key);
    } else if (kind == "actor_verb") {
      lexicon.actor_verbs.insert(key);
    } else if (kind == "not_place") {
      lexicon.not_place.insert(key);
    } else if (kind == "speech_verb") {
      lexicon.speech_verbs.insert(key);
    }
  }
  KeyMap<uint8_t>& first_words = lexicon.first_words;
  for (const PhraseTable* table :
       {&lexicon.organization_phrases, &lexicon.role_phrases, &lexicon.institutions, &lexicon.groups}) {
    const uint8_t flag = table->opens();
    table->ForEachFirstWord([&first_words, flag](const std::string& word) { first_words[word] |= flag; });
  }
  for (const auto& [word, flags] : lexicon.first_words) {
    if (!word.empty()) {
      lexicon.first_word_shapes[static_cast<unsigned char>(word[0]) * 32 + std::min<size_t>(word.size(), 31)] = true;
    }
  }
  return lexicon;
}

}  // namespace

void PhraseTable::ForEachFirstWord(const std::function<void(const std::string&)>& visit) const {
  for (const auto& [key, hit] : hits_) {
    if (hit.value < 0) continue;
    visit(key.substr(0, key.find_first_of(" '")));
  }
}

void PhraseTable::Add(std::string_view phrase, int32_t value) {
  const std::string key = lexicon::NameKey(phrase);
  if (key.empty()) return;
  Hit& hit = hits_[key];
  // A phrase also listed in lower case matches in any case.
  hit.acronym = hit.value < 0 ? lexicon::AllCapitals(phrase) : hit.acronym && lexicon::AllCapitals(phrase);
  hit.value = value;
  // A matcher joins words with a space and "'s" without one, so both end a prefix.
  for (size_t cut = 1; cut < key.size(); ++cut) {
    if (key[cut] == ' ' || key[cut] == '\'') hits_[key.substr(0, cut)].prefix = true;
  }
}

PhraseTable::Hit PhraseTable::Find(std::string_view key) const {
  auto it = hits_.find(key);
  return it == hits_.end() ? Hit{} : it->second;
}

const EntityLexicon& EntityLexicon::Get() {
  static const EntityLexicon lexicon = Load();
  return lexicon;
}

}  // namespace casus::entities
