// The entity layer's word lists (resources/organizations.tsv, roles.tsv, entity_words.tsv),
// loaded once into phrase tables keyed like the gazetteer (NameKey), each knowing which
// keys begin a longer phrase so a matcher stops extending as soon as nothing can follow.
#ifndef CASUS_ANNOTATE_ENTITIES_ENTITY_LEXICON_H_
#define CASUS_ANNOTATE_ENTITIES_ENTITY_LEXICON_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "casus/core/string_table.h"

namespace casus::entities {

// String-keyed tables looked up with string_views (no temporaries).
using KeySet = StringSet;
template <typename Value>
using KeyMap = StringMap<Value>;

// Which tables a word can open a phrase of (EntityLexicon::first_words).
enum FirstWordFlag : uint8_t {
  kOpensOrganization = 1,
  kOpensRole = 2,
  kOpensInstitution = 4,
  kOpensGroup = 8,
};

// Phrases (NameKey form) to values; a phrase written in capitals must match in capitals.
class PhraseTable {
 public:
  // `opens`: the FirstWordFlag bit of this table.
  explicit PhraseTable(uint8_t opens) : opens_(opens) {}
  uint8_t opens() const { return opens_; }
  struct Hit {
    int32_t value = -1;    // index given to Add; -1 when the key is no phrase
    bool acronym = false;  // matches only when the text is in capitals
    bool prefix = false;   // a longer phrase starts with this key
  };
  void Add(std::string_view phrase, int32_t value);
  Hit Find(std::string_view key) const;
  // Calls `visit` with the first word (up to a space or apostrophe) of every phrase.
  void ForEachFirstWord(const std::function<void(const std::string&)>& visit) const;

 private:
  uint8_t opens_;
  KeyMap<Hit> hits_;
};

struct Organization {
  std::string name;
  std::string country;  // alpha-3 or empty
  std::string sector;   // CAMEO role code
  std::string type;     // "outlet", "igo", "metonym", ...
};

struct Role {
  std::string title;   // "Prime Minister"
  std::string sector;  // empty: the sector of the organisation named with it
};

struct EntityLexicon {
  std::vector<Organization> organizations;
  PhraseTable organization_phrases{kOpensOrganization};  // -> index in organizations
  std::vector<Role> roles;
  PhraseTable role_phrases{kOpensRole};         // -> index in roles
  std::vector<std::string> sectors;             // values of the two tables below
  PhraseTable institutions{kOpensInstitution};  // "foreign ministry" -> index in sectors
  PhraseTable groups{kOpensGroup};              // "troops" -> index in sectors
  KeyMap<std::string> place_heads;              // "county" -> place kind
  KeySet not_person;                            // keys
  KeySet particles;
  KeySet honorifics;
  KeySet actor_verbs;
  KeySet speech_verbs;
  KeySet not_place;
  // First words of the phrase tables' phrases (keys) -> FirstWordFlag bits: one look-up
  // a word tells a matcher which tables are worth trying from it.
  KeyMap<uint8_t> first_words;
  // (first byte, length) pairs of the first words: most words are ruled out without hashing.
  std::vector<bool> first_word_shapes = std::vector<bool>(256 * 32, false);
  bool MayOpen(std::string_view key) const {
    return !key.empty() &&
           first_word_shapes[static_cast<unsigned char>(key[0]) * 32 + std::min<size_t>(key.size(), 31)];
  }

  // The lexicon built from the embedded resources; built on first use, thread-safe.
  static const EntityLexicon& Get();
};

}  // namespace casus::entities

#endif  // CASUS_ANNOTATE_ENTITIES_ENTITY_LEXICON_H_
