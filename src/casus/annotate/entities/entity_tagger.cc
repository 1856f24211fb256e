// The entity layer, in three passes over a document.
//
// 1. Each content sentence is cut into tokens (words split at hyphens, "'s" apart) and read
//    left to right with a few phrase patterns:
//      modifiers [institution] [role] [name]   "Russian Foreign Minister Sergey Lavrov",
//                                              "Azerbaijan's defence ministry",
//                                              "the Armenian PM" (a role that refers back)
//      modifiers group                         "Azerbaijani troops", "Armenian sources"
//      role name | honorific name              "Prime Minister Nikol Pashinyan", "Mr Smith"
//      capitalised run                         a person ("Vladimir Putin"), a place with a
//                                              head word ("Rapides Parish"), or the names
//                                              of the gazetteer and organisation list
//    where modifiers are countries, demonyms and organisations. Dictionary phrases are found
//    by extending a key word by word while some phrase still begins with it (prefix keys).
// 2. Coreference: a later surname ("Aliyev") or role ("the Armenian PM") joins the person
//    named in full, wherever in the article that is; the same name twice is one person.
// 3. Places: each name's gazetteer candidates are scored by population and by the article's
//    other countries, subdivisions, nearby resolved places, the dateline and a "City, State"
//    qualifier; a name is resolved only when one candidate stands clearly above the rest.
#include "casus/annotate/entities/entity_tagger.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "casus/annotate/entities/entity_lexicon.h"
#include "casus/core/span_index.h"
#include "casus/lexicon/gazetteer.h"
#include "casus/segment/tokens.h"

namespace casus::entities {
namespace {

using lexicon::Gazetteer;
using lexicon::GazetteerEntry;
using lexicon::NameKey;
using lexicon::PlaceKind;

constexpr int kMaxPhraseWords = 8;
constexpr int kMaxNameWords = 4;
// A resolved place must score this much above the next candidate (about a factor of ten
// in population, or one piece of context).
constexpr double kResolveMargin = 1.0;
constexpr double kNearbyKm = 200.0;
// A city this large is known without context; a smaller one named alone, with no state,
// country or nearby place to support it, is more often a surname ("Jones", "Webb").
constexpr uint32_t kLargePlace = 100000;
constexpr uint32_t kSmallPlace = 20000;

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view key;  // NameKey of a word, the bytes of a mark: a view into the text or
                         // into the document's key arena
  bool word = false;
  bool upper = false;       // begins with a capital letter
  bool caps = false;        // two or more letters, all capitals ("OSCE", "U.S.")
  bool possessive = false;  // the "'s" after a word
};

bool IsUpperAt(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (i + 1 >= text.size()) return false;
  const auto next = static_cast<unsigned char>(text[i + 1]);
  if (c == 0xC3) return next >= 0x80 && next <= 0x9E && next != 0x97;
  if (c == 0xC4 || c == 0xC5) return (((c & 0x1F) << 6 | (next & 0x3F)) % 2) == 0;
  if (c == 0xD0) return next >= 0x80 && next <= 0xAF;  // Cyrillic capitals
  return false;
}

// The entity layer's tokens from the token layer's cuts: a hyphen between two words only
// splits them ("Nagorno-Karabakh" is two words, "U.S.-backed" too); a word's key is its
// NameKey; "'s" is the possessive. Keys are views into the text (a mark, or a word already
// in key form: lower-case ASCII letters and digits, most words) or appended to `arena`,
// which the caller reserves so that it never grows: a key has at most the bytes of its
// text, so the text's size is enough for all of them.
void AppendTokens(std::string_view text, const std::vector<TokenCut>& cuts, std::string* arena,
                  std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  auto word = [&](uint32_t begin, uint32_t end) {
    if (begin >= end) return;
    const std::string_view raw = text.substr(begin, end - begin);
    int capitals = 0;
    bool lower = false, plain = true;
    for (const char ch : raw) {
      const auto c = static_cast<unsigned char>(ch);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        ++capitals;
        plain = false;
      } else if (!(c >= '0' && c <= '9')) {
        plain = false;
      }
    }
    Token token;
    token.begin = begin;
    token.end = end;
    token.word = true;
    if (plain) {
      token.key = raw;
    } else {
      const size_t start = arena->size();
      lexicon::AppendNameKey(raw, arena);
      token.key = std::string_view(arena->data() + start, arena->size() - start);
    }
    token.upper = IsUpperAt(text, begin);
    token.caps = capitals >= 2 && !lower;
    tokens.push_back(token);
  };
  for (size_t k = 0; k < cuts.size(); ++k) {
    const TokenCut& cut = cuts[k];
    const std::string_view raw = text.substr(cut.span.begin, cut.span.size());
    if (cut.clitic) {
      if (raw.size() >= 2 && (raw.back() == 's' || raw.back() == 'S') && raw.front() != 'n' && raw.front() != 'N' &&
          raw.size() <= 4) {
        Token token;
        token.begin = cut.span.begin;
        token.end = cut.span.end;
        token.key = "'s";  // a literal: lives for the whole program
        token.possessive = true;
        tokens.push_back(token);
      } else {
        word(cut.span.begin, cut.span.end);
      }
      continue;
    }
    if (!cut.word) {
      // A hyphen joining two words only splits them.
      if (raw == "-" && !tokens.empty() && tokens.back().word && tokens.back().end == cut.span.begin &&
          k + 1 < cuts.size() && cuts[k + 1].word && cuts[k + 1].span.begin == cut.span.end) {
        continue;
      }
      Token token;
      token.begin = cut.span.begin;
      token.end = cut.span.end;
      token.key = raw;  // a mark is its own key
      tokens.push_back(token);
      continue;
    }
    // Initials run into a capitalised word: "W.Va.", "U.S" (no last full stop) are one.
    size_t last = k;
    while (last + 2 < cuts.size() && cuts[last].span.size() == 1 && !cuts[last + 1].word &&
           cuts[last + 1].span.begin == cuts[last].span.end && text[cuts[last + 1].span.begin] == '.' &&
           cuts[last + 1].span.size() == 1 && cuts[last + 2].word && !cuts[last + 2].clitic &&
           cuts[last + 2].span.begin == cuts[last + 1].span.end && IsUpperAt(text, cuts[last + 2].span.begin)) {
      last += 2;
    }
    if (last > k) {
      word(cut.span.begin, cuts[last].span.end);
      k = last;
      continue;
    }
    // Inner hyphens split the word; kana and CJK marks (U+3000..U+3FFF) are marks.
    const size_t words_before = tokens.size();
    uint32_t begin = cut.span.begin;
    for (uint32_t i = cut.span.begin; i < cut.span.end; ++i) {
      if (text[i] == '-' && i > begin && i + 1 < cut.span.end) {
        word(begin, i);
        begin = i + 1;
      } else if (static_cast<unsigned char>(text[i]) == 0xE3) {
        word(begin, i);
        const uint32_t mark_end = std::min(i + 3, cut.span.end);
        Token mark;
        mark.begin = i;
        mark.end = mark_end;
        mark.key = text.substr(i, mark_end - i);
        tokens.push_back(mark);
        begin = mark_end;
        i = mark_end - 1;
      }
    }
    word(begin, cut.span.end);
    // A word before "n't" is no name: "Won't" is "Wo" "n't".
    if (k + 1 < cuts.size() && cuts[k + 1].clitic && tokens.size() > words_before) {
      const std::string_view next = text.substr(cuts[k + 1].span.begin, 1);
      if (next == "n" || next == "N") tokens.back().upper = false;
    }
  }
}

// The cuts of a sentence of the token layer.
void SentenceCuts(const Document& document, size_t sentence, std::vector<TokenCut>* cuts) {
  cuts->clear();
  if (sentence + 1 >= document.sentence_tokens.size()) return;
  for (uint32_t t = document.sentence_tokens[sentence]; t < document.sentence_tokens[sentence + 1]; ++t) {
    const casus::Token& token = document.tokens[t];
    const std::string_view norm = document.Norm(token);
    const bool word = token.pos != PartOfSpeech::kPunctuation;
    const bool clitic = word && (norm == "n't" || (!norm.empty() && norm.front() == '\'' && t > 0 &&
                                                   document.tokens[t - 1].span.end == token.span.begin));
    cuts->push_back(TokenCut{token.span, word, clitic});
  }
}

struct Draft {
  Span span;
  EntityKind kind = EntityKind::kPlace;
  std::string canonical;
  std::string country;
  std::string sector;
  std::string role;
  std::vector<uint32_t> candidates;  // gazetteer postings of an unresolved place
  const GazetteerEntry* entry = nullptr;
  bool metonym = false;
  bool resolved = false;
  std::string qualifier;        // the key after "Name," ("la", "louisiana", "georgia"), if any
  bool after_locative = false;  // "in Name", "near Name"
  bool county = false;          // "X County": candidates are towns named X
  std::string last_key;         // a person's last name (key)
  std::string first_key;        // a person's first name (key)
  int name_words = 0;           // words in a person's name
  int cluster = -1;             // people: mentions of one person share it
  int role_index = -1;
  bool in_boilerplate = false;  // from the byline, a post credit or a related-link line
};

struct PhraseHit {
  int last = -1;  // last token of the longest phrase; -1 when none
  int32_t value = -1;
  uint32_t first = 0, count = 0;  // its gazetteer postings, in Work::postings
};

// A modifier: a country, demonym or organisation, with the "'s" after it.
struct Modifier {
  int first = -1, last = -1;  // tokens, "'s" included
  const GazetteerEntry* country = nullptr;
  bool demonym = false;
  int organization = -1;
  // All the entries the name may be ("Georgia"): postings [posting_first, +posting_count)
  // of Work::postings.
  uint32_t posting_first = 0, posting_count = 0;
};

// Everything one Process call builds.
struct Work {
  const Document& document;
  const Gazetteer& gazetteer;
  const EntityLexicon& lexicon;
  std::vector<Draft> drafts;
  struct RoleReference {
    Span span;
    int role_index;
    std::string country;
  };
  std::vector<RoleReference> role_references;
  std::vector<Token> tokens;       // every content sentence's tokens, one after another
  std::vector<uint32_t> postings;  // the gazetteer postings of phrase hits, one after another
  std::string keys;                // the tokens' keys, reserved once so that views into it stay valid
  // Scratch for the sentence readers, reused from sentence to sentence.
  std::vector<uint8_t> opens;
  std::vector<std::optional<PhraseHit>> places;
  std::vector<std::optional<std::optional<Modifier>>> modifiers;
};

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class SentenceReader {
 public:
  SentenceReader(Work& work, std::span<const Token> tokens, bool headline)
      : work_(work),
        tokens_(tokens),
        text_(work.document.text()),
        headline_(headline),
        opens_(work.opens),
        places_(work.places),
        modifiers_(work.modifiers) {
    opens_.assign(tokens.size(), 0);
    places_.assign(tokens.size(), std::nullopt);
    modifiers_.assign(tokens.size(), std::nullopt);
    for (size_t j = 0; j < tokens.size(); ++j) {
      if (!tokens[j].word || !work.lexicon.MayOpen(tokens[j].key)) continue;
      auto it = work.lexicon.first_words.find(tokens[j].key);
      if (it != work.lexicon.first_words.end()) opens_[j] = it->second;
    }
  }

  void Read() {
    const int n = static_cast<int>(tokens_.size());
    int i = 0;
    while (i < n) {
      if (!tokens_[i].word) {
        ++i;
        continue;
      }
      i = ReadAt(i);
    }
  }

 private:
  // Appends the key of token j to `key` (no space before "'s").
  void Extend(std::string& key, int j, int first) const {
    if (j > first && !tokens_[j].possessive) key.push_back(' ');
    key += tokens_[j].key;
  }

  bool AllCaps(int first, int last) const {
    for (int j = first; j <= last; ++j) {
      if (tokens_[j].word && !tokens_[j].caps && !(tokens_[j].key.size() == 1 && tokens_[j].upper)) return false;
    }
    return true;
  }

  // A period glued to the word before it, inside a phrase: it ends an abbreviation.
  bool AbbreviationDot(int j, int first) const {
    const int n = static_cast<int>(tokens_.size());
    return j > first && tokens_[j].key == "." && tokens_[j - 1].word && tokens_[j].begin == tokens_[j - 1].end &&
           j + 1 < n && tokens_[j + 1].word && tokens_[j + 1].upper;
  }

  // Extends a phrase word by word from token i, calling visit(key, j) with the key of
  // tokens i..j; stops when visit returns false (no longer phrase begins with the key).
  template <typename Visit>
  void ExtendPhrase(int i, Visit visit) const {
    std::string key;
    const int n = static_cast<int>(tokens_.size());
    for (int j = i; j < n && j < i + kMaxPhraseWords; ++j) {
      if (AbbreviationDot(j, i)) continue;  // "St. Petersburg", "Washington D.C. Police"
      if (!tokens_[j].word && !tokens_[j].possessive) break;
      Extend(key, j, i);
      if (!visit(key, j)) break;
    }
  }

  // The longest phrase of `table` starting at token i.
  PhraseHit Longest(const PhraseTable& table, int i) const {
    PhraseHit hit;
    if (i >= static_cast<int>(tokens_.size()) || !(opens_[i] & table.opens())) return hit;
    ExtendPhrase(i, [&](const std::string& key, int j) {
      const PhraseTable::Hit found = table.Find(key);
      if (found.value >= 0 && (!found.acronym || AllCaps(i, j))) {
        hit.last = j;
        hit.value = found.value;
      }
      return found.prefix;
    });
    return hit;
  }

  // The longest gazetteer name starting at token i, with the postings its case allows.
  const PhraseHit& LongestPlace(int i) const {
    static const PhraseHit kNone;
    if (i >= static_cast<int>(places_.size())) return kNone;
    if (!places_[i].has_value()) places_[i] = LongestPlaceUncached(i);
    return *places_[i];
  }

  PhraseHit LongestPlaceUncached(int i) const {
    PhraseHit hit;
    ExtendPhrase(i, [&](const std::string& key, int j) {
      const Gazetteer::Lookup found = work_.gazetteer.Find(key);
      if (!found.postings.empty()) {
        const bool caps = AllCaps(i, j);
        const auto first = static_cast<uint32_t>(work_.postings.size());
        for (uint32_t posting : found.postings) {
          if (posting & lexicon::kPostingAbbreviation) continue;  // only after "City,"
          if ((posting & lexicon::kPostingAcronym) && !caps) continue;
          work_.postings.push_back(posting);
        }
        if (work_.postings.size() > first) {
          hit.last = j;
          hit.first = first;
          hit.count = static_cast<uint32_t>(work_.postings.size() - first);
        }
      }
      return found.prefix;
    });
    return hit;
  }

  static bool IsDemonym(uint32_t posting) { return (posting & lexicon::kPostingDemonym) != 0; }

  // The country a name or demonym names: a name before a demonym, and of several
  // countries ("French": France, French Guiana, ...) a sovereign one.
  // A hit's postings. The view lasts until the next gazetteer phrase is looked up.
  std::span<const uint32_t> Postings(uint32_t first, uint32_t count) const {
    return std::span<const uint32_t>(work_.postings.data() + first, count);
  }
  std::span<const uint32_t> Postings(const PhraseHit& hit) const { return Postings(hit.first, hit.count); }

  const GazetteerEntry* CountryOf(std::span<const uint32_t> postings, bool* demonym) const {
    const GazetteerEntry* best = nullptr;
    int best_rank = -1;
    for (uint32_t posting : postings) {
      const auto p = work_.gazetteer.Resolve(posting);
      if (p.entry->kind != PlaceKind::kCountry && p.entry->kind != PlaceKind::kFormerCountry) continue;
      const int rank = (IsDemonym(posting) ? 0 : 2) + ((p.entry->flags & lexicon::kEntrySovereign) ? 1 : 0);
      if (rank > best_rank) {
        best_rank = rank;
        best = p.entry;
        *demonym = IsDemonym(posting);
      }
    }
    return best;
  }

  Span SpanOf(int first, int last) const { return Span{tokens_[first].begin, tokens_[last].end}; }
  std::string TextOf(int first, int last) const { return CollapseSpaces(SpanOf(first, last).Of(text_)); }
  // A mention of `kind` over tokens [first, last], named as written.
  Draft DraftOf(EntityKind kind, int first, int last) const {
    Draft draft;
    draft.kind = kind;
    draft.span = SpanOf(first, last);
    draft.canonical = TextOf(first, last);
    return draft;
  }
  bool SentenceStart(int i) const {
    for (int j = i - 1; j >= 0; --j) {
      const std::string_view key = tokens_[j].key;
      if (tokens_[j].word) return false;
      if (key != "\"" && key != "\xE2\x80\x9C" && key != "(" && key != "\xE2\x80\x98" && key != "'") return false;
    }
    return true;
  }

  std::optional<Modifier> ModifierAt(int i) const {
    if (i >= static_cast<int>(tokens_.size()) || !tokens_[i].word || !(tokens_[i].upper || tokens_[i].caps)) {
      return std::nullopt;
    }
    if (!modifiers_[i].has_value()) modifiers_[i] = ModifierAtUncached(i);
    return *modifiers_[i];
  }

  std::optional<Modifier> ModifierAtUncached(int i) const {
    const PhraseHit org = Longest(work_.lexicon.organization_phrases, i);
    const PhraseHit& place = LongestPlace(i);
    Modifier modifier;
    modifier.first = i;
    if (org.last >= 0 && org.last >= place.last) {
      modifier.last = org.last;
      modifier.organization = org.value;
    } else if (place.last >= 0) {
      modifier.country = CountryOf(Postings(place), &modifier.demonym);
      if (modifier.country == nullptr) return std::nullopt;
      modifier.posting_first = place.first;
      modifier.posting_count = place.count;
      // A country name that is also a city or state ("Georgia") modifies only as a country.
      modifier.last = place.last;
    } else {
      return std::nullopt;
    }
    if (modifier.last + 1 < static_cast<int>(tokens_.size()) && tokens_[modifier.last + 1].possessive) {
      ++modifier.last;
    }
    return modifier;
  }

  // A person's name: capitalised words (particles between them), none of them a word that
  // never ends a name, a country or an organisation. Returns the last token or -1.
  int NameAt(int i) const {
    const int n = static_cast<int>(tokens_.size());
    int last = -1, words = 0;
    for (int j = i; j < n && words < kMaxNameWords; ++j) {
      const Token& token = tokens_[j];
      if (!token.word) break;
      if (!token.upper) {
        if (work_.lexicon.particles.count(token.key) && j + 1 < n && tokens_[j + 1].word && tokens_[j + 1].upper) {
          continue;
        }
        break;
      }
      if (token.caps && token.key.size() > 1) break;  // "OSCE", "US"
      if (work_.lexicon.not_person.count(token.key)) break;
      // In headline case every word has a capital: "Minister Provides Update" is no name.
      if (headline_ && work_.gazetteer.IsCommonWord(token.key)) break;
      const auto modifier = ModifierAt(j);
      if (modifier && (modifier->organization >= 0 || !modifier->demonym || j == i)) break;
      last = j;
      ++words;
    }
    return last;
  }

  // A country name that also names a state or a town ("Georgia", "Jordan").
  // Resolution keeps the country unless the article is about the state or town ("Jordan,
  // Minn.", "Palestine, Texas").
  bool AmbiguousCountry(std::span<const uint32_t> postings) const {
    for (uint32_t posting : postings) {
      if (IsDemonym(posting)) continue;
      const GazetteerEntry& entry = *work_.gazetteer.Resolve(posting).entry;
      if (entry.kind == PlaceKind::kSubdivision && (entry.flags & lexicon::kEntryHasLocation)) return true;
      if (entry.kind == PlaceKind::kCity) return true;
    }
    return false;
  }

  void AddModifierMention(const Modifier& modifier) {
    Draft draft;
    const int last = tokens_[modifier.last].possessive ? modifier.last - 1 : modifier.last;
    draft.span = SpanOf(modifier.first, last);
    if (modifier.organization >= 0) {
      const Organization& org = work_.lexicon.organizations[modifier.organization];
      draft.kind = EntityKind::kOrganization;
      draft.canonical = org.name;
      draft.country = org.country;
      draft.sector = org.sector;
      draft.role = org.type;
      draft.metonym = org.type == "metonym";
    } else if (!modifier.demonym && AmbiguousCountry(Postings(modifier.posting_first, modifier.posting_count))) {
      // "Georgia": the country, or the state; the article's other places decide.
      draft.kind = EntityKind::kPlace;
      draft.canonical = TextOf(modifier.first, last);
      for (uint32_t posting : Postings(modifier.posting_first, modifier.posting_count)) {
        if (!IsDemonym(posting)) draft.candidates.push_back(posting);
      }
    } else {
      draft.kind = EntityKind::kCountry;
      draft.entry = modifier.country;
      draft.canonical = std::string(work_.gazetteer.Str(modifier.country->name));
      draft.country = modifier.country->country;
      draft.role = lexicon::PlaceKindName(modifier.country->kind);
      draft.resolved = true;
    }
    work_.drafts.push_back(std::move(draft));
  }

  void AddPerson(int first, int last, int role_index, const std::string& country, const std::string& sector) {
    Draft draft = DraftOf(EntityKind::kPerson, first, last);
    draft.country = country;
    draft.sector = sector;
    draft.role_index = role_index;
    if (role_index >= 0) draft.role = work_.lexicon.roles[role_index].title;
    draft.last_key = tokens_[last].key;
    draft.first_key = tokens_[first].key;
    for (int j = first; j <= last; ++j) draft.name_words += tokens_[j].word && tokens_[j].upper ? 1 : 0;
    work_.drafts.push_back(std::move(draft));
  }

  // The name after a role: "Foreign Minister Sergey Lavrov", or in apposition between
  // commas, "its president, Ilham Aliyev, said". Returns the first and last token.
  std::pair<int, int> NameAfterRole(int role_last) const {
    const int n = static_cast<int>(tokens_.size());
    const int direct = NameAt(role_last + 1);
    if (direct >= 0) return {role_last + 1, direct};
    if (role_last + 2 < n && tokens_[role_last + 1].key == ",") {
      const int last = NameAt(role_last + 2);
      if (last > role_last + 2 && (last + 1 >= n || tokens_[last + 1].key == ",")) return {role_last + 2, last};
    }
    return {-1, -1};
  }

  // Reads the phrase at token i; returns the token to go on from.
  int ReadAt(int i) {
    const EntityLexicon& lex = work_.lexicon;
    // Modifiers, then an institution, a role, a name or a group.
    std::vector<Modifier> modifiers;
    int j = i;
    while (modifiers.size() < 3) {
      auto modifier = ModifierAt(j);
      if (!modifier) break;
      modifiers.push_back(*modifier);
      j = modifier->last + 1;
    }
    if (!modifiers.empty()) {
      std::string country, sector;
      for (const Modifier& modifier : modifiers) {
        if (modifier.country) country = modifier.country->country;
        if (modifier.organization >= 0) {
          const Organization& org = lex.organizations[modifier.organization];
          if (country.empty()) country = org.country;
          sector = org.sector;
        }
      }
      const PhraseHit institution = Longest(lex.institutions, j);
      const int after_institution = institution.last >= 0 ? institution.last + 1 : j;
      const PhraseHit role = Longest(lex.role_phrases, after_institution);
      const std::string institution_sector = institution.last >= 0 ? lex.sectors[institution.value] : "";
      if (role.last >= 0) {
        const auto [name_first, name_last] = NameAfterRole(role.last);
        const Role& r = lex.roles[role.value];
        const std::string person_sector = !r.sector.empty()             ? r.sector
                                          : !institution_sector.empty() ? institution_sector
                                                                        : sector;
        if (institution.last >= 0) {
          AddOrganization(i, institution.last, country, institution_sector);
        } else {
          for (const Modifier& modifier : modifiers) AddModifierMention(modifier);
        }
        if (name_last >= 0) {
          AddPerson(name_first, name_last, role.value, country, person_sector);
          return name_last + 1;
        }
        work_.role_references.push_back({SpanOf(i, role.last), role.value, country});
        return role.last + 1;
      }
      if (institution.last >= 0) {
        AddOrganization(i, institution.last, country, institution_sector);
        return institution.last + 1;
      }
      const PhraseHit group = Longest(lex.groups, j);
      if (group.last >= 0 && !tokens_[modifiers.back().last].possessive) {
        Draft draft = DraftOf(EntityKind::kGroup, i, group.last);
        draft.country = country;
        draft.sector = lex.sectors[group.value];
        if (draft.sector.empty()) draft.sector = sector;
        work_.drafts.push_back(std::move(draft));
        return group.last + 1;
      }
      for (const Modifier& modifier : modifiers) AddModifierMention(modifier);
      const Modifier& last = modifiers.back();
      // "the Kremlin said": a metonym organisation needs nothing more.
      return last.last + 1;
    }
    // A role, then a name.
    const PhraseHit role = Longest(lex.role_phrases, i);
    if (role.last >= 0) {
      const auto [name_first, name_last] = NameAfterRole(role.last);
      if (name_last >= 0) {
        AddPerson(name_first, name_last, role.value, "", lex.roles[role.value].sector);
        return name_last + 1;
      }
      if (tokens_[i].upper && !SentenceStart(i)) {
        work_.role_references.push_back({SpanOf(i, role.last), role.value, ""});
      }
      return role.last + 1;
    }
    if (!tokens_[i].upper) return i + 1;
    // An honorific, then a name.
    if (lex.honorifics.count(tokens_[i].key)) {
      int next = i + 1;
      if (next < static_cast<int>(tokens_.size()) && tokens_[next].key == ".") ++next;
      const int name_last = NameAt(next);
      if (name_last >= 0) {
        AddPerson(next, name_last, -1, "", "");
        return name_last + 1;
      }
    }
    return ReadCapitalised(i);
  }

  void AddOrganization(int first, int last, const std::string& country, const std::string& sector) {
    Draft draft = DraftOf(EntityKind::kOrganization, first, last);
    draft.country = country;
    draft.sector = sector;
    work_.drafts.push_back(std::move(draft));
  }

  // A run of capitalised words that no modifier starts: a person, a place with a head word,
  // or gazetteer names one by one.
  int ReadCapitalised(int i) {
    const EntityLexicon& lex = work_.lexicon;
    const int n = static_cast<int>(tokens_.size());
    const PhraseHit& place = LongestPlace(i);
    int run_last = i;
    for (int j = i + 1; j < n; ++j) {
      if (!tokens_[j].word) break;
      if (tokens_[j].upper) {
        run_last = j;
        continue;
      }
      if (lex.particles.count(tokens_[j].key) && j + 1 < n && tokens_[j + 1].word && tokens_[j + 1].upper) continue;
      break;
    }
    int first = i;
    // A sentence's first word may be an ordinary word with a capital ("Meanwhile", "Security").
    if (SentenceStart(i) && work_.gazetteer.IsCommonWord(tokens_[i].key) && place.last < 0) {
      if (run_last == i) return i + 1;
      first = i + 1;
    }
    // A place before a title or an institution ("Fargo Mayor Dennis Walaker", "Alexandria
    // Police") is a place; the title is read next.
    if (place.last >= 0 && place.last < run_last &&
        (Longest(lex.role_phrases, place.last + 1).last >= 0 || Longest(lex.institutions, place.last + 1).last >= 0)) {
      return AddPlace(i, place);
    }
    // A title inside the run ends it: "... Governor Tim Pawlenty" is read from the title.
    for (int j = first + 1; j <= run_last; ++j) {
      if (Longest(lex.role_phrases, j).last >= 0) {
        run_last = j - 1;
        break;
      }
    }
    if (run_last > first && place.last < run_last) {
      // A place with a head word: "Rapides Parish", "Fulton County".
      auto head = lex.place_heads.find(tokens_[run_last].key);
      if (head != lex.place_heads.end()) {
        Draft draft = DraftOf(EntityKind::kPlace, first, run_last);
        draft.role = head->second;
        // "Edgar County": no gazetteer of counties here, so its point is that of a town
        // of the same name in a state the article names, if there is one.
        if (head->second == "subdivision" && place.last == run_last - 1 && first == i) {
          draft.county = true;
          for (uint32_t posting : Postings(place)) {
            if (work_.gazetteer.Resolve(posting).entry->kind == PlaceKind::kCity) draft.candidates.push_back(posting);
          }
        }
        work_.drafts.push_back(std::move(draft));
        return run_last + 1;
      }
      if (!headline_ && LooksLikePerson(first, run_last)) {
        const int name_last = NameAt(first);
        if (name_last > first) {
          AddPerson(first, name_last, -1, "", "");
          return name_last + 1;
        }
      }
    }
    if (place.last >= 0) return AddPlace(i, place);
    return first == i ? i + 1 : first;
  }

  bool LooksLikePerson(int first, int last) const {
    int uncommon = 0;
    for (int j = first; j <= last; ++j) {
      const Token& token = tokens_[j];
      if (!token.upper) continue;
      if (ModifierAt(j).has_value()) return false;  // "Karabakh Armenians", "Chile Armenians"
      if (work_.lexicon.not_person.count(token.key) || (token.caps && token.key.size() > 1)) return false;
      if (std::isdigit(static_cast<unsigned char>(token.key[0]))) return false;
      if (!work_.gazetteer.IsCommonWord(token.key)) ++uncommon;
    }
    if (uncommon == 0) return false;  // all ordinary words: "Security Forces"
    // A name ends in a word that is no ordinary word ("Mike Pompeo"), with at most one
    // ordinary word before it; "Dublin Historical Society", "Six Flags Over Texas" are not.
    if (work_.gazetteer.IsCommonWord(tokens_[last].key)) return false;
    if (last - first + 1 - uncommon > 1) return false;
    // Place names joined by a hyphen ("Fargo-Moorhead") or all of them large ("Moscow
    // Yerevan") name no one; "Bill Jones" is two small towns and a man.
    int j = first;
    bool hyphen = false, all_large = true;
    while (j <= last) {
      const PhraseHit& place = LongestPlace(j);
      if (place.last < j || place.last > last) return true;
      if (j > first && tokens_[j - 1].end < tokens_[j].begin && text_[tokens_[j - 1].end] == '-') hyphen = true;
      uint32_t largest = 0;
      for (uint32_t posting : Postings(place)) {
        const GazetteerEntry& entry = *work_.gazetteer.Resolve(posting).entry;
        largest = std::max(largest, entry.kind == PlaceKind::kCity ? entry.population : UINT32_MAX);
      }
      if (largest < kLargePlace) all_large = false;
      j = place.last + 1;
    }
    return !(hyphen || all_large);
  }

  // Adds the place named at token i; returns the token to go on from (after a "City,
  // State" qualifier, which is a place of its own).
  int AddPlace(int i, const PhraseHit& place) {
    bool demonym = false;
    const GazetteerEntry* country = CountryOf(Postings(place), &demonym);
    if (country != nullptr && !demonym) {
      Modifier modifier;
      modifier.first = i;
      modifier.last = place.last;
      modifier.country = country;
      modifier.posting_first = place.first;
      modifier.posting_count = place.count;
      AddModifierMention(modifier);
      return place.last + 1;
    }
    // Months, holidays, peoples and brands that are also towns ("March", "Christmas",
    // "Arab", "Toyota") are read as what they usually are.
    if (place.last == i && work_.lexicon.not_place.count(tokens_[i].key)) return i + 1;
    std::vector<uint32_t> candidates;
    for (uint32_t posting : Postings(place)) {
      if (IsDemonym(posting)) continue;
      const auto p = work_.gazetteer.Resolve(posting);
      // A town named like an ordinary word ("Mobile", "Police") only after "in", "at", ...
      if ((p.entry->flags & lexicon::kEntryCommonWord) && place.last == i && !AfterLocative(i)) continue;
      candidates.push_back(posting);
    }
    if (candidates.empty()) {
      if (country != nullptr) {  // a demonym alone: the country it names
        Modifier modifier;
        modifier.first = i;
        modifier.last = place.last;
        modifier.country = country;
        modifier.demonym = true;
        AddModifierMention(modifier);
      }
      return place.last + 1;
    }
    const int n = static_cast<int>(tokens_.size());
    // "Jones said": a name that is also a small town, speaking, is a person.
    if (place.last == i && place.last + 1 < n && work_.lexicon.speech_verbs.count(tokens_[place.last + 1].key) &&
        !AfterLocative(i)) {
      uint32_t largest = 0;
      for (uint32_t posting : candidates) {
        const GazetteerEntry& entry = *work_.gazetteer.Resolve(posting).entry;
        largest = std::max(largest, entry.kind == PlaceKind::kCity ? entry.population : UINT32_MAX);
      }
      if (largest < kLargePlace) {
        AddPerson(i, i, -1, "", "");
        return i + 1;
      }
    }
    Draft draft = DraftOf(EntityKind::kPlace, i, place.last);
    draft.candidates = std::move(candidates);
    draft.after_locative = AfterLocative(i);
    // "Alexandria, La." / "Paris, Texas": a state or country after the comma qualifies the
    // place, and is one itself.
    int next = place.last + 1;
    Draft qualifier;
    if (place.last + 2 < n && tokens_[place.last + 1].key == "," && tokens_[place.last + 2].word &&
        tokens_[place.last + 2].upper) {
      const int q = place.last + 2;
      const auto found = work_.gazetteer.Find(tokens_[q].key);
      std::string key(tokens_[q].key);
      int q_last = q;
      if (found.prefix && q + 1 < n && tokens_[q + 1].word &&
          !work_.gazetteer.Find(key + " " + std::string(tokens_[q + 1].key)).postings.empty()) {
        key += " ";
        key += tokens_[q + 1].key;
        q_last = q + 1;
      }
      for (uint32_t posting : work_.gazetteer.Find(key).postings) {
        const auto p = work_.gazetteer.Resolve(posting);
        if (IsDemonym(posting)) continue;
        if ((posting & lexicon::kPostingAcronym) && !AllCaps(q, q_last)) continue;
        if (p.entry->kind != PlaceKind::kSubdivision && p.entry->kind != PlaceKind::kCountry) continue;
        if (qualifier.entry == nullptr || p.entry->kind == PlaceKind::kSubdivision) {
          qualifier.entry = p.entry;
          qualifier.kind = p.entry->kind == PlaceKind::kCountry ? EntityKind::kCountry : EntityKind::kPlace;
          qualifier.span = SpanOf(q, q_last);
          if (q_last + 1 < n && tokens_[q_last + 1].key == "." && tokens_[q_last + 1].begin == tokens_[q_last].end) {
            qualifier.span.end = tokens_[q_last + 1].end;  // "La."
          }
          qualifier.canonical = std::string(work_.gazetteer.Str(p.entry->name));
          qualifier.resolved = true;
          next = q_last + 1;
        }
      }
      if (qualifier.entry != nullptr) draft.qualifier = key;
    }
    // "Ankara said", "rejected by Ankara", "Moscow's": a capital standing for its government.
    const bool acts = (place.last + 1 < n && (work_.lexicon.actor_verbs.count(tokens_[place.last + 1].key) ||
                                              tokens_[place.last + 1].possessive)) ||
                      (i > 0 && tokens_[i - 1].key == "by");
    if (acts) {
      for (uint32_t posting : draft.candidates) {
        const auto p = work_.gazetteer.Resolve(posting);
        if (p.entry->flags & lexicon::kEntryCapital) {
          draft.metonym = true;
          draft.sector = "GOV";
        }
      }
    }
    work_.drafts.push_back(std::move(draft));
    if (qualifier.entry != nullptr) work_.drafts.push_back(std::move(qualifier));
    return next;
  }

  bool AfterLocative(int i) const {
    if (i == 0 || !tokens_[i - 1].word) return false;
    const std::string_view key = tokens_[i - 1].key;
    return key == "in" || key == "at" || key == "near" || key == "outside" || key == "from" || key == "to";
  }

  Work& work_;
  std::span<const Token> tokens_;
  const std::string& text_;
  bool headline_;
  std::vector<uint8_t>& opens_;  // FirstWordFlag bits of each token
  // Memos: a token's gazetteer phrase and modifier are asked for more than once.
  std::vector<std::optional<PhraseHit>>& places_;
  std::vector<std::optional<std::optional<Modifier>>>& modifiers_;
};

// People: one cluster per full name; a later (or earlier) surname or role joins it.
void LinkPeople(Work& work) {
  KeyMap<int> by_name, by_last, by_first;
  int clusters = 0;
  for (Draft& draft : work.drafts) {
    if (draft.kind != EntityKind::kPerson) continue;
    const std::string key = NameKey(draft.canonical);
    auto it = by_name.find(key);
    if (it == by_name.end()) it = by_name.emplace(key, clusters++).first;
    draft.cluster = it->second;
    if (!draft.last_key.empty()) by_last.emplace(draft.last_key, draft.cluster);
    if (!draft.first_key.empty() && draft.name_words >= 2) by_first.emplace(draft.first_key, draft.cluster);
  }
  // "Jones said" after "Bill Jones": a one-word name joins the full name it ends.
  for (Draft& draft : work.drafts) {
    if (draft.kind != EntityKind::kPerson || draft.name_words != 1) continue;
    auto full = by_last.find(draft.last_key);
    if (full != by_last.end()) draft.cluster = full->second;
  }
  // What a cluster knows: the fullest name, a role, a country, a sector (indexes: the
  // drafts grow below).
  std::vector<int> head(clusters, -1);
  for (size_t d = 0; d < work.drafts.size(); ++d) {
    const Draft& draft = work.drafts[d];
    if (draft.kind != EntityKind::kPerson) continue;
    int& h = head[draft.cluster];
    const Draft* current = h < 0 ? nullptr : &work.drafts[h];
    if (current == nullptr || draft.name_words > current->name_words ||
        (current->role.empty() && !draft.role.empty() && draft.name_words == current->name_words)) {
      h = static_cast<int>(d);
    }
  }
  std::vector<Draft> added;
  // Surnames: a capitalised word outside any mention, or taken for a small place. The
  // drafts a token overlaps come from an index, so this is linear in the document.
  {
    const SpanIndex overlapping(work.drafts.size(), [&](size_t d) { return work.drafts[d].span; });
    for (const Token& token : work.tokens) {
      if (!token.word || !token.upper) continue;
      const Span here{token.begin, token.end};
      auto last = by_last.find(token.key);
      if (last == by_last.end()) {
        // A first name alone ("Scott") is the person only where it was read as a town.
        last = by_first.find(token.key);
        if (last == by_first.end()) continue;
        overlapping.ForEach(here, [&](uint32_t d) {
          Draft& draft = work.drafts[d];
          if (draft.kind == EntityKind::kPlace && draft.span == here) {
            draft.kind = EntityKind::kPerson;
            draft.candidates.clear();
            draft.cluster = last->second;
          }
        });
        continue;
      }
      bool covered = false;
      overlapping.ForEach(here, [&](uint32_t d) {
        Draft& draft = work.drafts[d];
        covered = true;
        if (draft.kind == EntityKind::kPlace && draft.span == Span{token.begin, token.end}) {
          draft.kind = EntityKind::kPerson;  // "Morgan" read as a town was a surname
          draft.candidates.clear();
          draft.cluster = last->second;
          draft.canonical = std::string(token.key);
        }
      });
      if (covered) continue;
      Draft draft;
      draft.kind = EntityKind::kPerson;
      draft.span = Span{token.begin, token.end};
      draft.cluster = last->second;
      draft.name_words = 1;
      added.push_back(std::move(draft));
    }
  }
  for (Draft& draft : added) work.drafts.push_back(std::move(draft));
  // Roles alone: "the Armenian PM" is the person with that role (and country) named here:
  // the first cluster with the role whose country is the reference's or unknown.
  std::map<int, int> first_with_role, first_with_role_no_country;
  std::map<std::pair<int, std::string>, int> first_with_role_country;
  for (int c = clusters - 1; c >= 0; --c) {
    if (head[c] < 0) continue;
    const Draft& h = work.drafts[head[c]];
    first_with_role[h.role_index] = c;
    if (h.country.empty()) {
      first_with_role_no_country[h.role_index] = c;
    } else {
      first_with_role_country[{h.role_index, h.country}] = c;
    }
  }
  for (const auto& reference : work.role_references) {
    int best = -1;
    if (reference.country.empty()) {
      auto it = first_with_role.find(reference.role_index);
      if (it != first_with_role.end()) best = it->second;
    } else {
      auto no_country = first_with_role_no_country.find(reference.role_index);
      if (no_country != first_with_role_no_country.end()) best = no_country->second;
      auto same = first_with_role_country.find({reference.role_index, reference.country});
      if (same != first_with_role_country.end() && (best < 0 || same->second < best)) best = same->second;
    }
    if (best < 0) continue;
    Draft draft;
    draft.kind = EntityKind::kPerson;
    draft.span = reference.span;
    draft.cluster = best;
    work.drafts.push_back(std::move(draft));
  }
  for (Draft& draft : work.drafts) {
    if (draft.kind != EntityKind::kPerson || draft.cluster < 0) continue;
    const Draft& h = work.drafts[head[draft.cluster]];
    if (&h == &draft) continue;
    draft.canonical = h.canonical;
    if (draft.role.empty()) draft.role = h.role;
    if (draft.country.empty()) draft.country = h.country;
    if (draft.sector.empty()) draft.sector = h.sector;
  }
}

double Prior(const GazetteerEntry& entry) {
  switch (entry.kind) {
    case PlaceKind::kCountry:
    case PlaceKind::kFormerCountry: return 9.0;
    case PlaceKind::kRegion:
    case PlaceKind::kRoad:
    case PlaceKind::kLandmark:
    case PlaceKind::kWater: return 7.5;
    case PlaceKind::kSubdivision: return entry.population > 0 ? std::log10(entry.population + 1.0) : 5.0;
    case PlaceKind::kCity:
      // A capital is named far more often than its size alone suggests ("Washington").
      return std::log10(entry.population + 10.0) + ((entry.flags & lexicon::kEntryCapital) ? 1.0 : 0.0);
  }
  return 0;
}

// Scores each unresolved place's candidates against what the article has resolved so far;
// two rounds, so that names resolved in the first give context to the second.
// Of a vote (key -> votes), the key with most votes if it has two or more and no other
// has as many; 0 otherwise.
uint32_t Winner(const std::unordered_map<uint32_t, int>& votes) {
  uint32_t winner = 0;
  int most = 1;
  bool tie = false;
  for (const auto& [key, count] : votes) {
    if (count > most) {
      most = count;
      winner = key;
      tie = false;
    } else if (count == most && winner != 0) {
      tie = true;
    }
  }
  return tie ? 0 : winner;
}

// The points of the places an article has resolved, each once, in cells of a degree and
// a half, so "is any within kNearbyKm" looks at a few cells, not at every point.
class NearbyPoints {
 public:
  void Add(const GazetteerEntry* entry) {
    if (!seen_.insert(entry).second) return;
    cells_[Cell(Row(entry->lat), Column(entry->lon))].emplace_back(entry->lat, entry->lon);
  }
  bool AnyWithin(double lat, double lon, double km) const {
    if (cells_.empty()) return false;
    const int row = Row(lat);
    const int rows = static_cast<int>(std::ceil(km / (kDegreeKm * kCellDegrees))) + 1;
    for (int r = row - rows; r <= row + rows; ++r) {
      // A degree of longitude shrinks with the cosine of the latitude (taken at the row's
      // edge nearer the pole); near the poles, every column.
      const double edge = std::max(std::abs(r * kCellDegrees), std::abs((r + 1) * kCellDegrees));
      const double cosine = std::cos(std::min(edge, 89.0) * kPi / 180.0);
      const double span_degrees = km / (kDegreeKm * cosine);
      const int columns = span_degrees >= 180 ? kColumns : static_cast<int>(std::ceil(span_degrees / kCellDegrees)) + 1;
      const int column = Column(lon);
      for (int k = -std::min(columns, kColumns / 2); k <= std::min(columns, kColumns / 2); ++k) {
        auto it = cells_.find(Cell(r, ((column + k) % kColumns + kColumns) % kColumns));
        if (it == cells_.end()) continue;
        for (const auto& [plat, plon] : it->second) {
          if (lexicon::DistanceKm(plat, plon, lat, lon) < km) return true;
        }
      }
    }
    return false;
  }

 private:
  static constexpr double kCellDegrees = 1.5;
  static constexpr double kDegreeKm = 111.0;  // a degree of latitude, a little short
  static constexpr double kPi = 3.14159265358979323846;
  static constexpr int kColumns = 240;  // 360 / kCellDegrees
  static int Row(double lat) { return static_cast<int>(std::floor(lat / kCellDegrees)); }
  static int Column(double lon) {
    const int column = static_cast<int>(std::floor((lon + 180.0) / kCellDegrees));
    return ((column % kColumns) + kColumns) % kColumns;
  }
  static int64_t Cell(int row, int column) { return int64_t{row} * kColumns + column; }
  std::unordered_set<const GazetteerEntry*> seen_;
  std::unordered_map<int64_t, std::vector<std::pair<double, double>>> cells_;
};

// An alpha-3 code as one number, for small sets.
uint32_t CountryKey(std::string_view alpha3) {
  uint32_t key = 0;
  for (size_t i = 0; i < 3 && i < alpha3.size(); ++i) key = key << 8 | static_cast<unsigned char>(alpha3[i]);
  return key;
}

void ResolvePlaces(Work& work) {
  const Gazetteer& gazetteer = work.gazetteer;
  const bool open = std::any_of(work.drafts.begin(), work.drafts.end(),
                                [](const Draft& d) { return !d.resolved && !d.candidates.empty(); });
  for (int round = 0; open && round < 3; ++round) {
    // Countries by CountryKey; subdivisions by the pool offset of their code, which is
    // also the offset a town's `admin` holds (the compiler interns each string once).
    std::unordered_set<uint32_t> countries;
    std::unordered_set<uint32_t> subdivisions;
    NearbyPoints points;
    for (const Draft& draft : work.drafts) {
      if (!draft.resolved || draft.entry == nullptr) continue;
      if (draft.entry->country[0]) countries.insert(CountryKey(draft.entry->country));
      if (draft.entry->kind == PlaceKind::kSubdivision) subdivisions.insert(draft.entry->code);
      if (draft.entry->admin) subdivisions.insert(draft.entry->admin);
      if (draft.entry->kind == PlaceKind::kCity) points.Add(draft.entry);
    }
    for (const Draft& draft : work.drafts) {
      if (draft.kind != EntityKind::kPlace && !draft.country.empty()) countries.insert(CountryKey(draft.country));
    }
    // Names that could all lie in one state support each other ("Gainesville", "Oakwood",
    // "Flowery Branch"): each unresolved name votes once for every state of its candidates.
    std::unordered_map<uint32_t, int> state_votes, country_votes;
    for (const Draft& draft : work.drafts) {
      if (draft.kind != EntityKind::kPlace || draft.resolved || draft.candidates.empty()) continue;
      std::unordered_set<uint32_t> states, candidate_countries;
      for (uint32_t posting : draft.candidates) {
        const GazetteerEntry& entry = *gazetteer.Resolve(posting).entry;
        if (entry.admin) states.insert(entry.admin);
        if (entry.country[0]) candidate_countries.insert(CountryKey(entry.country));
      }
      for (uint32_t state : states) ++state_votes[state];
      for (uint32_t country : candidate_countries) ++country_votes[country];
    }
    const uint32_t voted_state = Winner(state_votes);
    // Likewise a country that several names could lie in, when none is named.
    const uint32_t voted_country = countries.empty() ? Winner(country_votes) : 0;
    for (Draft& draft : work.drafts) {
      if (draft.kind != EntityKind::kPlace || draft.resolved || draft.candidates.empty()) continue;
      std::vector<uint32_t> qualifier_entries;
      if (!draft.qualifier.empty()) {
        for (uint32_t posting : gazetteer.Find(draft.qualifier).postings) qualifier_entries.push_back(posting);
      }
      double best = -1e9, second = -1e9;
      const GazetteerEntry* best_entry = nullptr;
      // A district with no point of its own beside a city of its name in the same country,
      // or beside a capital or provincial seat of its name across a border ("Jerusalem"),
      // is named after that city: the city is meant.
      std::vector<std::string_view> city_countries;
      bool seat = false;
      for (uint32_t posting : draft.candidates) {
        const GazetteerEntry& entry = *gazetteer.Resolve(posting).entry;
        if (entry.kind != PlaceKind::kCity) continue;
        city_countries.emplace_back(entry.country);
        seat = seat || (entry.flags & (lexicon::kEntryCapital | lexicon::kEntryAdminCenter)) != 0;
      }
      for (uint32_t posting : draft.candidates) {
        const GazetteerEntry& entry = *gazetteer.Resolve(posting).entry;
        if (entry.kind == PlaceKind::kSubdivision && !(entry.flags & lexicon::kEntryHasLocation) &&
            (seat || std::find(city_countries.begin(), city_countries.end(), std::string_view(entry.country)) !=
                         city_countries.end())) {
          continue;
        }
        // A small town needs support: its country or state named, "in", or "Town, State".
        const bool in_voted_state = voted_state != 0 && entry.admin == voted_state;
        if (entry.kind == PlaceKind::kCity && entry.population < kSmallPlace && !draft.after_locative &&
            draft.qualifier.empty() && !countries.count(CountryKey(entry.country)) && !in_voted_state) {
          continue;
        }
        // A county's town must lie in a state the article names.
        if (draft.county && !(entry.admin && subdivisions.count(entry.admin))) continue;
        double score = Prior(entry);
        if (countries.count(CountryKey(entry.country))) score += 2.5;
        if (entry.admin && subdivisions.count(entry.admin)) score += 2.0;
        if (in_voted_state) score += 1.5;
        if (voted_country != 0 && CountryKey(entry.country) == voted_country) score += 1.0;
        // A state whose towns the article names ("Atlanta ... Georgia").
        if (entry.kind == PlaceKind::kSubdivision && subdivisions.count(entry.code)) {
          score += 2.0;
        }
        for (uint32_t q : qualifier_entries) {
          const GazetteerEntry& qualifier = *gazetteer.Resolve(q).entry;
          const bool same_country = (qualifier.kind == PlaceKind::kCountry &&
                                     std::string_view(qualifier.country) == std::string_view(entry.country));
          const bool same_state = qualifier.kind == PlaceKind::kSubdivision && entry.admin &&
                                  qualifier.code == entry.admin;  // one interned string
          if (same_country || same_state) {
            score += 10.0;
            break;
          }
        }
        if ((entry.flags & lexicon::kEntryHasLocation) && points.AnyWithin(entry.lat, entry.lon, kNearbyKm)) {
          score += 1.5;
        }
        if (score > best) {
          second = best;
          best = score;
          best_entry = &entry;
        } else if (score > second) {
          second = score;
        }
      }
      // Resolve when one candidate stands clear; in the first round only the obvious ones.
      const double margin = round == 0 ? kResolveMargin * 3 : kResolveMargin;
      if (best_entry != nullptr && (second < -1e8 || best - second >= margin)) {
        draft.entry = best_entry;
        draft.resolved = true;
      }
    }
  }
  // A name left unresolved whose candidates are all small towns, with nothing around it
  // that says it is a place, is most likely no place at all.
  std::erase_if(work.drafts, [&](const Draft& draft) {
    if (draft.kind != EntityKind::kPlace || draft.resolved || draft.candidates.empty()) return false;
    if (draft.after_locative || !draft.qualifier.empty()) return false;
    for (uint32_t posting : draft.candidates) {
      const GazetteerEntry& entry = *gazetteer.Resolve(posting).entry;
      if (entry.kind != PlaceKind::kCity || entry.population >= kSmallPlace) return false;
    }
    return true;
  });
  for (Draft& draft : work.drafts) {
    if (draft.kind != EntityKind::kPlace) continue;
    if (draft.resolved && draft.entry != nullptr && draft.county) {
      draft.country = draft.entry->country;
    } else if (draft.resolved && draft.entry != nullptr) {
      const GazetteerEntry& entry = *draft.entry;
      draft.canonical = std::string(gazetteer.Str(entry.name));
      draft.country = entry.country;
      draft.role = lexicon::PlaceKindName(entry.kind);
      if (entry.kind == PlaceKind::kCountry || entry.kind == PlaceKind::kFormerCountry)
        draft.kind = EntityKind::kCountry;
      if (draft.metonym && !(entry.flags & lexicon::kEntryCapital)) {
        draft.metonym = false;
        draft.sector.clear();
      }
    } else {
      draft.metonym = false;
      draft.sector.clear();
    }
  }
}

EntityMention ToMention(Draft& draft, const Gazetteer& gazetteer) {
  EntityMention mention;
  mention.span = draft.span;
  mention.kind = draft.kind;
  mention.canonical = std::move(draft.canonical);
  mention.country = std::move(draft.country);
  mention.sector = std::move(draft.sector);
  mention.role = std::move(draft.role);
  mention.metonym = draft.metonym;
  mention.in_boilerplate = draft.in_boilerplate;
  if (draft.entry != nullptr && draft.resolved) {
    const GazetteerEntry& entry = *draft.entry;
    mention.located = (entry.flags & lexicon::kEntryHasLocation) != 0;
    mention.lat = std::round(entry.lat * 1e4) / 1e4;
    mention.lon = std::round(entry.lon * 1e4) / 1e4;
    const std::string_view code = gazetteer.Str(entry.code);
    mention.place_id = code.empty() ? std::string(gazetteer.Str(entry.name)) : std::string(code);
    if (entry.kind == PlaceKind::kCity) mention.place_id = "geonames:" + mention.place_id;
    if (draft.county) mention.place_id = "near " + mention.place_id;  // the point of a same-named town
  }
  return mention;
}

// The byline's author and publisher, and the dateline's place, from the metadata.
void AddMetadataMentions(Work& work) {
  const Document& document = work.document;
  const Metadata& metadata = document.metadata;
  if (!metadata.author.empty()) {
    Draft draft;
    draft.kind = EntityKind::kPerson;
    draft.span = metadata.author_span;
    draft.canonical = metadata.author;
    draft.role = "reporter";
    draft.name_words = 2;
    draft.in_boilerplate = true;
    work.drafts.push_back(std::move(draft));
  }
  if (!metadata.publisher.empty()) {
    Draft draft;
    draft.kind = EntityKind::kOrganization;
    const size_t at = document.text().find(metadata.publisher);
    if (at != std::string::npos)
      draft.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + metadata.publisher.size())};
    draft.canonical = metadata.publisher;
    draft.sector = "MED";
    draft.role = "outlet";
    draft.in_boilerplate = true;
    const PhraseTable::Hit hit = work.lexicon.organization_phrases.Find(NameKey(metadata.publisher));
    if (hit.value >= 0) {
      const Organization& org = work.lexicon.organizations[hit.value];
      draft.canonical = org.name;
      draft.country = org.country;
    }
    work.drafts.push_back(std::move(draft));
  }
  for (const EmbeddedPost& post : document.embedded_posts) {
    if (post.author.empty()) continue;
    const size_t at = post.span.Of(document.text()).rfind(post.author);
    if (at == std::string_view::npos) continue;
    Draft draft;
    draft.kind = EntityKind::kPerson;
    draft.span = Span{static_cast<uint32_t>(post.span.begin + at),
                      static_cast<uint32_t>(post.span.begin + at + post.author.size())};
    draft.canonical = post.author;
    draft.role = "author of an embedded post";
    draft.name_words = 2;
    draft.in_boilerplate = true;
    work.drafts.push_back(std::move(draft));
  }
  if (!metadata.dateline.empty() && !metadata.dateline_span.empty()) {
    const std::string_view prefix = metadata.dateline_span.Of(document.text());
    const size_t at = prefix.find(metadata.dateline);
    const auto found = work.gazetteer.Find(NameKey(metadata.dateline));
    if (at != std::string_view::npos && !found.postings.empty()) {
      Draft draft;
      draft.kind = EntityKind::kPlace;
      draft.span = Span{static_cast<uint32_t>(metadata.dateline_span.begin + at),
                        static_cast<uint32_t>(metadata.dateline_span.begin + at + metadata.dateline.size())};
      draft.canonical = metadata.dateline;
      for (uint32_t posting : found.postings) {
        if (!(posting & (lexicon::kPostingDemonym | lexicon::kPostingAbbreviation | lexicon::kPostingAcronym))) {
          draft.candidates.push_back(posting);
        }
      }
      // "Moscow [Russia]": the bracketed country qualifies the place.
      const size_t open = prefix.find('[', at);
      const size_t close = prefix.find(']', at);
      if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        draft.qualifier = NameKey(prefix.substr(open + 1, close - open - 1));
      }
      if (!draft.candidates.empty()) work.drafts.push_back(std::move(draft));
    }
  }
}

}  // namespace

EntityTagger::EntityTagger() : EntityTagger(lexicon::Gazetteer::Builtin()) {}

EntityTagger::EntityTagger(const lexicon::Gazetteer& gazetteer)
    : info_{"entities", {Layer::kMetadata, Layer::kBoilerplate, Layer::kSentences, Layer::kTokens}, {Layer::kEntities}},
      gazetteer_(gazetteer) {
  EntityLexicon::Get();  // built now, not inside the first document's timing
}

Status EntityTagger::Process(Document& document) const {
  Work work{document, gazetteer_, EntityLexicon::Get(), {}, {}, {}, {}, {}, {}, {}, {}};
  AddMetadataMentions(work);
  work.keys.reserve(document.text().size() + 64);  // keys never outgrow their text
  work.tokens.reserve(document.text().size() / 3 + 16);
  work.postings.reserve(256);
  std::vector<size_t> starts;  // each sentence's first token
  starts.reserve(document.sentences.size() + 1);
  std::vector<TokenCut> cuts;
  for (size_t k = 0; k < document.sentences.size(); ++k) {
    starts.push_back(work.tokens.size());
    SentenceCuts(document, k, &cuts);
    AppendTokens(document.text(), cuts, &work.keys, &work.tokens);
  }
  starts.push_back(work.tokens.size());
  work.drafts.reserve(work.drafts.size() + work.tokens.size() / 8);
  for (size_t k = 0; k < document.sentences.size(); ++k) {
    if (document.PastDeadline()) return Document::DeadlineStatus(info_.name);
    const std::span<const Token> tokens(work.tokens.data() + starts[k], starts[k + 1] - starts[k]);
    SentenceReader(work, tokens, document.sentences[k].headline).Read();
  }
  // Related-link lines are other articles' headlines: read like a headline, kept apart.
  std::vector<Token> link_tokens;
  for (const BoilerplateSpan& boilerplate : document.boilerplate) {
    if (boilerplate.kind != BoilerplateKind::kRelatedLink) continue;
    const size_t before = work.drafts.size();
    link_tokens.clear();
    CutTokens(document.text(), boilerplate.span, &cuts);
    AppendTokens(document.text(), cuts, &work.keys, &link_tokens);
    SentenceReader(work, link_tokens, /*headline=*/true).Read();
    for (size_t k = before; k < work.drafts.size(); ++k) work.drafts[k].in_boilerplate = true;
  }
  LinkPeople(work);
  if (document.PastDeadline()) return Document::DeadlineStatus(info_.name);
  ResolvePlaces(work);
  // Sorted by position; of two overlapping mentions the earlier (then longer) stays.
  std::vector<size_t> order(work.drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Span& x = work.drafts[a].span;
    const Span& y = work.drafts[b].span;
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  document.entities.clear();
  std::vector<int> cluster_head;
  std::vector<int> head_words;
  uint32_t covered_end = 0;
  const SpanIndex boilerplate(document.boilerplate.size(), [&](size_t b) { return document.boilerplate[b].span; });
  for (size_t index : order) {
    Draft& draft = work.drafts[index];
    if (!draft.in_boilerplate && boilerplate.Any(draft.span)) continue;
    if (!draft.span.empty()) {
      if (draft.span.begin < covered_end) continue;
      covered_end = draft.span.end;
    }
    document.entities.push_back(ToMention(draft, gazetteer_));
    if (draft.cluster >= 0) {
      if (cluster_head.size() <= static_cast<size_t>(draft.cluster)) {
        cluster_head.resize(draft.cluster + 1, -1);
        head_words.resize(draft.cluster + 1, 0);
      }
      // The fullest mention of the person is the one the others refer to.
      const int here = static_cast<int>(document.entities.size() - 1);
      if (cluster_head[draft.cluster] < 0 || draft.name_words > head_words[draft.cluster]) {
        cluster_head[draft.cluster] = here;
        head_words[draft.cluster] = draft.name_words;
      }
      document.entities.back().refers_to = draft.cluster;  // replaced below
    }
  }
  for (size_t i = 0; i < document.entities.size(); ++i) {
    EntityMention& mention = document.entities[i];
    if (mention.kind != EntityKind::kPerson || mention.refers_to < 0) continue;
    const int head = cluster_head[mention.refers_to];
    mention.refers_to = head == static_cast<int>(i) ? -1 : head;
  }
  return Status::Ok();
}

}  // namespace casus::entities
