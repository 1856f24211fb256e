#include "casus/annotate/claims/casualties.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_set>

#include "casus/annotate/claims/attribution.h"
#include "casus/annotate/claims/lexicon.h"
#include "casus/annotate/claims/tokens.h"
#include "casus/core/calendar.h"
#include "casus/core/span_index.h"

namespace casus {
namespace {

using claims::Form;
using claims::Role;
using claims::Token;
using claims::TokenKind;

// More people than live on Earth: a number this large is no casualty count.
constexpr int64_t kMaxCount = 10'000'000'000;

// part_of of a claim the reader found to be a part ("18 of the wounded", "including two
// women") before its larger figure is known; resolved per document.
constexpr int32_t kPendingPart = -2;

struct Count {
  size_t begin = 0, end = 0;  // tokens, qualifier included
  CasualtyCount value;
  bool qualified = false;  // a qualifier was written
};

const StringSet& Auxiliaries() {
  static const StringSet words = {
      "were",       "was",          "have",       "has",        "had",        "been",      "are",          "is",
      "being",      "be",           "also",       "reportedly", "allegedly",  "all",       "later",        "feared",
      "believed",   "confirmed",    "now",        "since",      "so",         "far",       "already",      "each",
      "both",       "subsequently", "then",       "found",      "critically", "seriously", "accidentally", "apparently",
      "mistakenly", "eventually",   "ultimately", "pronounced"};
  return words;
}

const StringSet& NotPlaces() {
  static const StringSet words = {
      "january", "february", "march",    "april",  "may",     "june",      "july",     "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday",  "the",      "a",        "an",     "his",     "her",       "their",    "its"};
  return words;
}

CasualtyCount& RoleCount(CasualtyClaim& claim, Role role) {
  switch (role) {
    case Role::kKilled: return claim.killed;
    case Role::kWounded: return claim.wounded;
    case Role::kMissing: return claim.missing;
    case Role::kDetained: return claim.detained;
  }
  return claim.killed;
}

class SentenceReader {
 public:
  SentenceReader(std::string_view text, const std::vector<Token>& tokens, bool headline = false)
      : text_(text), t_(tokens), used_(tokens.size(), false), headline_(headline), lex_(claims::ClaimsLexicon()) {}

  std::vector<CasualtyClaim> Run() {
    std::vector<CasualtyClaim> claims;
    // Most sentences hold no casualty word at all; they are done after one look each.
    bool any = false;
    for (const Token& t : t_) {
      if (t.kind == TokenKind::kWord && t.lower.size() >= 3 &&
          (lex_.Is(claims::kCasualty | claims::kToll, t) || t.lower == "shot" || t.lower == "shooting" ||
           t.lower == "shoots" || t.lower == "murder" || t.lower == "homicide" || t.lower == "death" || t.lower == "lives" || t.lower == "gunshot" ||
           (headline_ && (t.lower == "critical" || t.lower == "dies")))) {
        any = true;
        break;
      }
    }
    if (!any) return claims;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (used_[k]) continue;
      std::optional<CasualtyClaim> claim;
      size_t end = k;
      if ((claim = TollAt(k, &end)) || (claim = SubsetAt(k, &end)) || (claim = ListAt(k, &end)) ||
          (claim = ActiveAt(k, &end)) || (claim = SubjectAt(k, &end)) ||
          (claim = SingularAt(k, &end)) || (claim = NominalAt(k, &end)) || (claim = HeadlineAt(k, &end))) {
        // "and wounded 5,000" after a part ("including 12 Americans") is the whole's.
        if (claim->part_of != kPendingPart) end = Coordinated(end, &*claim);
        claim->span = Span{t_[k].span.begin, t_[end - 1].span.end};
        for (size_t j = k; j < end; ++j) used_[j] = true;
        Cause(end, &*claim);
        if (claim->victims.empty() || claim->victims == "others") claim->victims = VictimBefore(k);
        claim->group = GroupOf(claim->victims);
        inherits_role_.push_back(inherit_);
        inherit_ = false;
        claims.push_back(std::move(*claim));
        if (extra_) {  // a second claim of the same words: the killer of a murder-suicide
          extra_->group = GroupOf(extra_->victims);
          inherits_role_.push_back(false);
          claims.push_back(std::move(*extra_));
          extra_.reset();
        }
        k = end - 1;
      }
    }
    return claims;
  }

  // Per claim of the last Run: a part whose role is its larger figure's ("including two
  // women": of the dead or of the wounded, as the figure says); its count is in `killed`.
  const std::vector<bool>& InheritsRole() const { return inherits_role_; }

  // The place first named after a locative preposition, preferring one after `from`.
  std::string Place(size_t from) const {
    std::string first;
    for (size_t k = 0; k + 1 < t_.size(); ++k) {
      if (!lex_.Is(claims::kPlaceLead, t_[k])) continue;
      size_t j = k + 1;
      if (t_[j].lower == "the") {  // "in the disputed Nagorno-Karabakh region"
        ++j;
        for (int adj = 0; adj < 2 && j < t_.size() && !t_[j].capitalized && t_[j].kind == TokenKind::kWord; ++adj) ++j;
      }
      size_t b = j;
      while (j < t_.size() && ((t_[j].capitalized && !NotPlaces().count(t_[j].lower)) ||
                               (IsHyphen(j) && j > b && j + 1 < t_.size() && t_[j + 1].capitalized))) {
        ++j;
      }
      if (j == b) continue;
      // One adjective of nationality ("the disputed Azerbaijani territory") is no place.
      const std::string_view w = t_[b].lower;
      if (j == b + 1 && (claims::HasSuffix(w, "ian") || claims::HasSuffix(w, "ani") || claims::HasSuffix(w, "ese") ||
                         claims::HasSuffix(w, "ish") || claims::HasSuffix(w, "ean"))) {
        continue;
      }
      std::string name(text_.substr(t_[b].span.begin, t_[j - 1].span.end - t_[b].span.begin));
      if (k >= from) return name;
      if (first.empty()) first = name;
    }
    return first;
  }

 private:
  bool IsHyphen(size_t k) const { return t_[k].kind == TokenKind::kPunct && t_[k].lower == "-"; }
  const claims::CasualtyWord* Casualty(size_t k) const {
    if (k >= t_.size() || !lex_.Is(claims::kCasualty, t_[k])) return nullptr;
    auto it = lex_.casualty.find(t_[k].lower);
    return it == lex_.casualty.end() ? nullptr : &it->second;
  }

  // A count at token k: an optional qualifier, then digits, number words or a vague
  // amount. Not a count: parts of compounds ("5-year-old", "F-16"), years, decimals.
  std::optional<Count> CountAt(size_t k) const {
    if (k >= t_.size()) return std::nullopt;
    // The minutes of a clock time ("at 4:37"), the second part of a ratio or score.
    if (k > 0 && t_[k - 1].lower == ":" && t_[k - 1].span.end == t_[k].span.begin) {
      return std::nullopt;
    }
    Count c;
    c.begin = k;
    size_t j = k;
    CountQualifier qualifier = CountQualifier::kExact;
    for (const auto& q : lex_.qualifiers) {
      size_t n = claims::MatchPhrase(t_, j, q.words);
      if (n > 0) {
        qualifier = q.value;
        c.qualified = true;
        j += n;
        break;
      }
    }
    c.value.qualifier = qualifier;
    c.value.present = true;
    if (j >= t_.size()) return std::nullopt;
    const Token& t = t_[j];
    if (t.kind == TokenKind::kNumber) {
      if (t.lower.find('.') != std::string::npos && !(j + 1 < t_.size() && lex_.scale.count(t_[j + 1].lower))) {
        return std::nullopt;
      }
      double v = 0;
      double fraction = 0;
      bool in_fraction = false;
      for (char ch : t.lower) {
        if (ch == ',') continue;
        if (ch == '.') {
          in_fraction = true;
          fraction = 0.1;
          continue;
        }
        if (in_fraction) {
          v += (ch - '0') * fraction;
          fraction /= 10;
        } else {
          v = v * 10 + (ch - '0');
        }
      }
      bool has_comma = t.lower.find(',') != std::string::npos;
      if (!has_comma && v >= 1900 && v <= 2100 && !c.qualified) return std::nullopt;  // a year
      ++j;
      if (j < t_.size() && lex_.scale.count(t_[j].lower)) v *= static_cast<double>(lex_.scale.find(t_[j++].lower)->second);
      if (!(v <= kMaxCount)) return std::nullopt;  // no toll: a code, a sum of money, a typo
      c.value.value = static_cast<int64_t>(v);
    } else {
      size_t n = 0;
      for (const auto& p : lex_.number_phrases) {
        if ((n = claims::MatchPhrase(t_, j, p.words)) > 0) {
          c.value.value = p.value;
          j += n;
          break;
        }
      }
      if (n == 0) {
        auto it = lex_.number.find(t.lower);
        if (it != lex_.number.end()) {
          int64_t v = it->second;
          ++j;
          // "twenty-five", "twenty five"
          if (v >= 20 && v % 10 == 0 && v < 100) {
            size_t u = j < t_.size() && IsHyphen(j) ? j + 1 : j;
            auto unit = u < t_.size() ? lex_.number.find(t_[u].lower) : lex_.number.end();
            if (unit != lex_.number.end() && unit->second < 10) {
              v += unit->second;
              j = u + 1;
            }
          }
          while (j < t_.size() && lex_.scale.count(t_[j].lower)) {
            const int64_t scale = lex_.scale.find(t_[j++].lower)->second;
            if (scale <= 0 || v > kMaxCount / scale) return std::nullopt;  // "a million million million"
            v *= scale;
          }
          c.value.value = v;
        } else {
          for (const auto& p : lex_.vague) {
            if ((n = claims::MatchPhrase(t_, j, p.words)) > 0) {
              c.value.value = p.value;
              c.value.vague = std::string(text_.substr(t_[j].span.begin, t_[j + n - 1].span.end - t_[j].span.begin));
              c.value.qualifier = CountQualifier::kVague;
              j += n;
              if (j < t_.size() && t_[j].lower == "of") ++j;
              break;
            }
          }
          if (n == 0) return std::nullopt;
        }
      }
    }
    // "20s", "9mm": letters glued to the digits.
    if (j < t_.size() && t_[j].kind == TokenKind::kWord && t_[j].span.begin == t_[j - 1].span.end) return std::nullopt;
    if (j < t_.size() &&
        (IsHyphen(j) || t_[j].lower == "%" || t_[j].lower == ":" || t_[j].lower == "percent" || t_[j].lower == "per")) {
      return std::nullopt;
    }
    // "15 minutes later", "40 shells", "9 mm", "2 a.m.": no count of people.
    if (j < t_.size() && lex_.unit.count(t_[j].lower)) return std::nullopt;
    c.end = j;
    return c;
  }

  bool Subset(size_t k) const {  // "including 2 women", "among them"
    return k > 0 && (t_[k - 1].lower == "including" || t_[k - 1].lower == "among" || t_[k - 1].lower == "of");
  }

  bool NounPhraseWord(size_t j) const {
    const Token& t = t_[j];
    if (t.kind == TokenKind::kPunct) return t.lower == "-" || t.lower == "'s";
    if (t.kind == TokenKind::kNumber) return j + 1 < t_.size() && IsHyphen(j + 1);  // "27-year-old
    if (Auxiliaries().count(t.lower) || Casualty(j) != nullptr) return false;
    if (t.lower == "and" || t.lower == "in" || t.lower == "on" || t.lower == "by" || t.lower == "at" ||
        t.lower == "with" || t.lower == "who" || t.lower == "that" || t.lower == "after" || t.lower == "during" ||
        t.lower == "were" || t.lower == "to" || t.lower == "from" || t.lower == "as" || t.lower == "when" ||
        t.lower == "shot" || t.lower == "while" || t.lower == "for") {
      return false;
    }
    return true;
  }

  // Tokens of a victim noun phrase from k ("Iraqi civilians", "of the soldiers").
  size_t VictimPhrase(size_t k, std::string* victims) const {
    size_t j = k;
    if (j + 1 < t_.size() && t_[j].lower == "of" && (t_[j + 1].lower == "the" || t_[j + 1].lower == "them")) j += 2;
    size_t b = j;
    while (j < t_.size() && j - b < 6 && NounPhraseWord(j)) ++j;
    // A phrase must end on a noun we know, or be short.
    size_t head = j;
    for (size_t h = j; h > b; --h) {
      if (lex_.victim.count(t_[h - 1].lower)) {
        head = h;
        break;
      }
    }
    if (head < j && head > b) j = head;  // "civilians in Gaza": stop at the noun
    if (j > b) *victims = std::string(text_.substr(t_[b].span.begin, t_[j - 1].span.end - t_[b].span.begin));
    return j;
  }

  // The casualty participle at j, after optional auxiliaries; "shot dead", "shot and
  // killed". Sets *role and returns the index after it, or 0.
  size_t ParticipleAt(size_t j, Role* role, bool* had_auxiliary) const {
    *had_auxiliary = false;
    while (j < t_.size() && Auxiliaries().count(t_[j].lower)) {
      *had_auxiliary = true;
      ++j;
    }
    if (j >= t_.size()) return 0;
    bool fatally = false;
    if (t_[j].lower == "fatally" || t_[j].lower == "mortally") {
      fatally = true;
      if (++j >= t_.size()) return 0;
    }
    if (t_[j].lower == "shot" && j + 2 < t_.size() && t_[j + 1].lower == "to" && t_[j + 2].lower == "death") {
      *role = Role::kKilled;
      return j + 3;
    }
    if (fatally &&
        (t_[j].lower == "shot" || t_[j].lower == "wounded" || t_[j].lower == "injured" || t_[j].lower == "stabbed")) {
      *role = Role::kKilled;
      return j + 1;
    }
    if (t_[j].lower == "shot") {
      if (j + 1 < t_.size() && t_[j + 1].lower == "dead") {
        *role = Role::kKilled;
        return j + 2;
      }
      if (j + 2 < t_.size() && t_[j + 1].lower == "and" && Casualty(j + 2) != nullptr &&
          Casualty(j + 2)->form == Form::kParticiple) {
        *role = Casualty(j + 2)->role;
        return j + 3;
      }
      *role = Role::kWounded;  // "were shot" without more: wounded; "5 shot" in a headline
      return *had_auxiliary || headline_ ? j + 1 : 0;
    }
    const claims::CasualtyWord* w = Casualty(j);
    if (w == nullptr || w->form != Form::kParticiple) return 0;
    *role = w->role;
    return j + 1;
  }

  // An object follows: a count, a determiner or a known victim ("killed 23 people").
  bool ObjectAt(size_t j) const {
    if (j >= t_.size()) return false;
    if (CountAt(j)) return true;
    const std::string_view w = t_[j].lower;
    return w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their" || lex_.victim.count(w);
  }

  // "at least 27 people have been killed", "35 others injured", "25 dead", "27 deaths".
  std::optional<CasualtyClaim> SubjectAt(size_t k, size_t* end) const {
    if (Subset(k)) return std::nullopt;
    std::optional<Count> count = CountAt(k);
    if (!count) return std::nullopt;
    std::string victims;
    size_t j = VictimPhrase(count->end, &victims);
    // A parenthesis: "12 people, including two children, were killed".
    if (j + 1 < t_.size() && t_[j].lower == "," &&
        (t_[j + 1].lower == "including" || t_[j + 1].lower == "among" || t_[j + 1].lower == "mostly")) {
      size_t close = j + 2;
      while (close < t_.size() && close < j + 14 && t_[close].lower != ",") ++close;
      if (close < t_.size() && t_[close].lower == ",") j = close + 1;
    }
    const claims::CasualtyWord* noun = Casualty(j);
    if (noun != nullptr && noun->form == Form::kNoun && victims.empty()) {
      CasualtyClaim claim;
      RoleCount(claim, noun->role) = count->value;
      *end = j + 1;
      return claim;
    }
    Role role;
    bool auxiliary;
    size_t after = ParticipleAt(j, &role, &auxiliary);
    if (after == 0) return std::nullopt;
    if (!auxiliary && ObjectAt(after)) return std::nullopt;  // "two bombers killed 23 people": active
    // A singular verb does not go with a count above one ("two handguns. He was shot").
    if (j < t_.size() && (t_[j].lower == "was" || t_[j].lower == "has") && count->value.value != 1) return std::nullopt;
    CasualtyClaim claim;
    RoleCount(claim, role) = count->value;
    claim.victims = victims;
    *end = after;
    return claim;
  }

  // A casualty word naming a figure's members: "the dead", "the wounded", "the victims".
  std::optional<Role> FigureNoun(size_t j) const {
    if (j >= t_.size()) return std::nullopt;
    const std::string_view w = t_[j].lower;
    if (w == "victims" || w == "casualties") return Role::kKilled;  // refined by the larger figure
    const claims::CasualtyWord* c = Casualty(j);
    if (c != nullptr && (c->form == Form::kParticiple || c->form == Form::kNoun)) return c->role;
    return std::nullopt;
  }

  // A part of a larger figure: "including 9 in serious condition", "among them two
  // women", "18 of the wounded were hospitalised", "two of them children", "two women and
  // three children were among the dead". Returned with part_of = kPendingPart.
  std::optional<CasualtyClaim> SubsetAt(size_t k, size_t* end) const {
    const std::string_view w = t_[k].lower;
    CasualtyClaim claim;
    claim.part_of = kPendingPart;
    if (w == "including" || w == "among") {
      size_t j = k + 1;
      if (j < t_.size() && (t_[j].lower == "them" || t_[j].lower == "whom" || t_[j].lower == "those")) ++j;
      if (j < t_.size() && t_[j].lower == "the" && FigureNoun(j + 1)) return std::nullopt;  // "among the dead"
      std::optional<Count> count = CountAt(j);
      if (!count) return std::nullopt;
      size_t after = VictimPhrase(count->end, &claim.victims);
      Role role;
      bool auxiliary;
      if (size_t participle = ParticipleAt(after, &role, &auxiliary); participle != 0) {
        RoleCount(claim, role) = count->value;  // "including two critically injured"
        after = participle;
      } else {
        claim.killed = count->value;
        inherit_ = true;
      }
      *end = after;
      return claim;
    }
    std::optional<Count> count = CountAt(k);
    if (count && count->end + 2 < t_.size() && t_[count->end].lower == "of") {
      const size_t j = count->end + 1;
      const std::string_view d = t_[j].lower;
      if (d == "them" || d == "those") {  // "two of them children", "18 of them seriously"
        claim.killed = count->value;
        inherit_ = true;
        *end = j + 1;
        return claim;
      }
      if (d == "the") {
        if (std::optional<Role> role = FigureNoun(j + 1)) {  // "18 of the wounded"
          RoleCount(claim, *role) = count->value;
          inherit_ = t_[j + 1].lower == "victims" || t_[j + 1].lower == "casualties";
          *end = j + 2;
          return claim;
        }
      }
    }
    // A list or a count "among the dead": "two women and three children were among the dead".
    size_t j = k;
    int64_t total = 0, people = 0;
    while (true) {
      const size_t next = ConjunctAt(j, &people);
      if (next == 0) break;
      total += people;
      j = next;
      if (j < t_.size() && t_[j].lower == ",") ++j;
      if (j < t_.size() && t_[j].lower == "and") ++j;
    }
    if (total == 0 || j + 3 >= t_.size()) return std::nullopt;
    if (!(t_[j].lower == "were" || t_[j].lower == "are" || t_[j].lower == "was" || t_[j].lower == "is")) {
      return std::nullopt;
    }
    if (t_[j + 1].lower != "among" || t_[j + 2].lower != "the") return std::nullopt;
    std::optional<Role> role = FigureNoun(j + 3);
    if (!role) return std::nullopt;
    RoleCount(claim, *role) = CasualtyCount{true, total, "", CountQualifier::kExact};
    inherit_ = t_[j + 3].lower == "victims" || t_[j + 3].lower == "casualties";
    size_t last = j;
    while (last > k && (t_[last - 1].lower == "," || t_[last - 1].lower == "and")) --last;
    claim.victims = std::string(text_.substr(t_[k].span.begin, t_[last - 1].span.end - t_[k].span.begin));
    *end = j + 4;
    return claim;
  }

  // One member of a list of victims at j: "a father", "his 13-year-old son", "five
  // children", "an interpreter". Sets *people and returns the token after its head, or 0.
  size_t ConjunctAt(size_t j, int64_t* people) const {
    if (j >= t_.size()) return 0;
    const std::string_view d = t_[j].lower;
    bool single = false;
    size_t p = j;
    if (d == "a" || d == "an" || d == "the" || d == "his" || d == "her" || d == "their" || d == "its" || d == "one" ||
        d == "another") {
      single = true;
      *people = 1;
      ++p;
      // "her five children", "their two sons"
      if (std::optional<Count> count = CountAt(p); d != "a" && d != "an" && d != "one" && count &&
                                                   count->value.qualifier == CountQualifier::kExact) {
        single = false;
        *people = count->value.value;
        p = count->end;
      }
    } else if (std::optional<Count> count = CountAt(j);
               count && count->value.qualifier == CountQualifier::kExact && !count->qualified) {
      *people = count->value.value;
      p = count->end;
    } else {
      return 0;
    }
    // The head: a victim noun we know, else the phrase's last common noun ("a cook").
    size_t head = 0, noun = 0;
    for (size_t q = p; q < t_.size() && q < p + 6 && NounPhraseWord(q) && t_[q].lower != ","; ++q) {
      if (lex_.victim.count(t_[q].lower)) head = q + 1;
      if (t_[q].pos == PartOfSpeech::kNoun) noun = q + 1;
    }
    if (head == 0) head = noun;
    if (head == 0) return 0;
    if (lex_.nonhuman.count(t_[head - 1].lower)) *people = 0;  // "and their dog"
    const auto known = lex_.victim.find(t_[head - 1].lower);
    const bool plural = known != lex_.victim.end() ? known->second : claims::HasSuffix(t_[head - 1].lower, "s");
    if (single && plural) return 0;  // "their children": no number
    return head;
  }

  // Victims listed, not counted: "a father and his 13-year-old son were killed" (2),
  // "three soldiers and an interpreter were wounded" (4), "a woman and her five children
  // died" (6).
  std::optional<CasualtyClaim> ListAt(size_t k, size_t* end) const {
    if (Subset(k)) return std::nullopt;
    // Not inside a prepositional phrase: "in a separate incident, seven staff were hurt".
    if (k > 0) {
      static const StringSet kPrepositions = {"in",   "on",     "at",      "during", "from",    "with",
                                              "of",   "for",    "by",      "near",   "inside",  "outside",
                                              "into", "to",     "among",   "between", "against", "like"};
      if (kPrepositions.count(t_[k - 1].lower)) return std::nullopt;
    }
    int64_t total = 0, people = 0;
    size_t members = 0, j = k;
    bool joined = false;  // an "and" joins the last member: "A, B and C"
    while (true) {
      const size_t next = ConjunctAt(j, &people);
      if (next == 0) return std::nullopt;
      total += people;
      ++members;
      j = next;
      if (j < t_.size() && t_[j].lower == ",") ++j;
      if (j < t_.size() && t_[j].lower == "and" && !joined) {
        joined = true;
        ++j;
        continue;
      }
      if (j < t_.size() && t_[j - 1].lower == "," && members < 6 && !joined) continue;
      break;
    }
    if (members < 2 || !joined || j >= t_.size()) return std::nullopt;
    Role role = Role::kKilled;
    bool auxiliary = false;
    size_t after = 0;
    if (t_[j].lower == "died") {
      after = j + 1;
    } else {
      after = ParticipleAt(j, &role, &auxiliary);
      if (after == 0 || !auxiliary) return std::nullopt;
    }
    CasualtyClaim claim;
    RoleCount(claim, role) = CasualtyCount{true, total, "", CountQualifier::kExact};
    size_t last = j;
    while (last > k && (t_[last - 1].lower == "," || t_[last - 1].lower == "and")) --last;
    claim.victims = std::string(text_.substr(t_[k].span.begin, t_[last - 1].span.end - t_[k].span.begin));
    *end = after;
    return claim;
  }

  // "killing at least 156 people", "killed one U.S. soldier", "injuring at least 38".
  std::optional<CasualtyClaim> ActiveAt(size_t k, size_t* end) const {
    const claims::CasualtyWord* w = Casualty(k);
    // "shot 3 people": hit, so wounded at least (unless "shot and killed", read below).
    static const claims::CasualtyWord kShot{Role::kWounded, Form::kActive};
    if (w == nullptr && (t_[k].lower == "shot" || t_[k].lower == "shooting") && !(k + 1 < t_.size() &&
                                                                                  t_[k + 1].lower == "and")) {
      w = &kShot;
    }
    if (w == nullptr || w->form == Form::kNoun) return std::nullopt;
    if (k > 0) {  // after a form of "be" the verb is passive; "have killed 8" is active
      const std::string_view before = t_[k - 1].lower;
      if (before == "were" || before == "was" || before == "been" || before == "are" || before == "is" ||
          before == "be" || before == "being") {
        return std::nullopt;
      }
    }
    std::optional<Count> count = CountAt(k + 1);
    if (!count) return std::nullopt;
    CasualtyClaim claim;
    RoleCount(claim, w->role) = count->value;
    size_t j = VictimPhrase(count->end, &claim.victims);
    // "left 5 dead" is read by SubjectAt; here the count is the object.
    *end = j;
    return claim;
  }

  // "the death toll rose to 25", "a toll of at least 30".
  std::optional<CasualtyClaim> TollAt(size_t k, size_t* end) const {
    // "the number of dead rose to 30", "bringing the number of injured to 12".
    if (t_[k].lower == "number" && k + 2 < t_.size() && t_[k + 1].lower == "of") {
      const claims::CasualtyWord* w = Casualty(k + 2);
      const bool people = t_[k + 2].lower == "people" || t_[k + 2].lower == "victims";
      if (w == nullptr && !(people && k + 3 < t_.size() && Casualty(k + 3) != nullptr)) return std::nullopt;
      if (w == nullptr) w = Casualty(k + 3);
      const size_t after = k + (people ? 4 : 3);
      for (size_t j = after; j < t_.size() && j < after + 5; ++j) {
        if (t_[j].kind == TokenKind::kPunct) return std::nullopt;
        std::optional<Count> count = CountAt(j);
        if (count) {
          CasualtyClaim claim;
          RoleCount(claim, w->role) = count->value;
          claim.cumulative = true;
          *end = count->end;
          return claim;
        }
        if (!lex_.Is(claims::kRise, t_[j]) && t_[j].lower != "has" && t_[j].lower != "now") return std::nullopt;
      }
      return std::nullopt;
    }
    if (!lex_.Is(claims::kToll, t_[k])) return std::nullopt;
    for (size_t j = k + 1; j < t_.size() && j < k + 9; ++j) {
      if (t_[j].kind == TokenKind::kPunct && t_[j].lower != "-") return std::nullopt;
      std::optional<Count> count = CountAt(j);
      if (count) {
        CasualtyClaim claim;
        bool injured = k > 0 && (t_[k - 1].lower == "injury" || t_[k - 1].lower == "injuries");
        (injured ? claim.wounded : claim.killed) = count->value;
        claim.cumulative = true;
        std::string victims;
        *end = VictimPhrase(count->end, &victims);
        claim.victims = victims;
        return claim;
      }
      if (!lex_.Is(claims::kRise, t_[j]) && t_[j].lower != "of" && t_[j].lower != "has" && t_[j].lower != "in" &&
          !(t_[j].kind == TokenKind::kWord && !t_[j].capitalized && j <= k + 2)) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // One person: "a journalist has been killed", "Jassely Lupoe, 5, was shot and
  // killed", "A Palestinian prisoner died", "killed the deputy chief of ...".
  std::optional<CasualtyClaim> SingularAt(size_t k, size_t* end) const {
    const Token& t = t_[k];
    // Active with a singular object.
    const claims::CasualtyWord* w = Casualty(k);
    claims::CasualtyWord shot{Role::kWounded, Form::kActive};
    size_t verb_end = k + 1;
    if (t.lower == "shot" || t.lower == "shooting" || t.lower == "shoots") {
      w = &shot;  // "shot her husband": wounded, unless "shot and killed"
      if (k + 2 < t_.size() && t_[k + 1].lower == "and" && Casualty(k + 2) != nullptr) {
        w = Casualty(k + 2);
        verb_end = k + 3;
      }
    }
    static const claims::CasualtyWord kFatal{Role::kKilled, Form::kActive};
    if (w != nullptr && k > 0 && (t_[k - 1].lower == "fatally" || t_[k - 1].lower == "mortally")) w = &kFatal;
    const bool singular_verb = t.lower == "killed" || t.lower == "killing" || t.lower == "wounded" ||
                               t.lower == "injured" || t.lower == "injuring" || t.lower == "wounding" || w == &shot ||
                               verb_end == k + 3 || w == &kFatal;
    if (w != nullptr && w->form != Form::kNoun && singular_verb && verb_end < t_.size() &&
        (t_[verb_end].lower == "himself" || t_[verb_end].lower == "herself")) {
      if (k > 0) {  // "was killed himself" is no suicide; "then killed himself" is
        const std::string_view before = t_[k - 1].lower;
        if (before == "was" || before == "were" || before == "been" || before == "is" || before == "be") {
          return std::nullopt;
        }
      }
      CasualtyClaim claim;  // "killed himself"
      RoleCount(claim, w->role) = CasualtyCount{true, 1, "", CountQualifier::kExact};
      claim.victims = t_[verb_end].lower;
      *end = verb_end + 1;
      return claim;
    }
    static const StringSet kDeterminers = {"a", "an", "the", "his", "her", "their", "its"};
    if (w != nullptr && w->form != Form::kNoun && singular_verb && verb_end < t_.size() &&
        kDeterminers.count(t_[verb_end].lower)) {
      if (k > 0 && Auxiliaries().count(t_[k - 1].lower) && t_[k - 1].lower != "fatally") return std::nullopt;
      for (size_t j = verb_end + 1; j < t_.size() && j < verb_end + 10; ++j) {
        auto it = lex_.victim.find(t_[j].lower);
        if (it != lex_.victim.end()) {
          // "a police officer": the phrase's last noun is its head.
          if (j + 1 < t_.size() && lex_.victim.count(t_[j + 1].lower)) continue;
          if (it->second) return std::nullopt;  // plural without a count: no number
          CasualtyClaim claim;
          RoleCount(claim, w->role) = CasualtyCount{true, 1, "", CountQualifier::kExact};
          claim.victims =
              std::string(text_.substr(t_[verb_end + 1].span.begin, t_[j].span.end - t_[verb_end + 1].span.begin));
          *end = j + 1;
          return claim;
        }
        if (!NounPhraseWord(j)) break;
      }
      return std::nullopt;
    }
    // Passive with a singular subject.
    if (!(t.lower == "was" || t.lower == "has" || t.lower == "had" || t.lower == "died" || t.lower == "is")) {
      return std::nullopt;
    }
    Role role = Role::kKilled;
    bool auxiliary = false;
    size_t after = t.lower == "died" ? k + 1 : ParticipleAt(k, &role, &auxiliary);
    if (after == 0 || (auxiliary && t.lower == "died")) return std::nullopt;
    if (t.lower != "died" && CountAt(after)) return std::nullopt;  // "was killed 3 ...": not one person
    // The subject, before k, over an apposition: "X, 25, was" / "X, a father of two, was".
    size_t s = k;
    if (s > 0 && t_[s - 1].lower == "who") --s;  // "a man who was shot"
    if (s > 0 && t_[s - 1].lower == ",") {
      size_t open = s - 1;
      size_t j = open;
      while (j > 0 && open - j < 10 && t_[j - 1].lower != ",") --j;
      if (j > 0 && t_[j - 1].lower == ",")
        s = j - 1;
      else
        return std::nullopt;
    }
    if (s == 0) return std::nullopt;
    // "Anthony Call Jr., a 28-year-old, died": the full stop of an abbreviated name part.
    if (s >= 3 && t_[s - 1].lower == "." && t_[s - 2].capitalized && t_[s - 2].span.end == t_[s - 1].span.begin &&
        t_[s - 3].capitalized) {
      --s;
    }
    const Token& subject = t_[s - 1];
    std::string victims;
    auto it = lex_.victim.find(subject.lower);
    // A subject with words after it: "a man in his 20s was shot", "A waitress trying
    // to stop a crime was shot"; only a phrase opening the sentence or a reported clause.
    if (it == lex_.victim.end() || it->second) {
      if (std::optional<std::string> opening = OpeningVictim(s)) {
        CasualtyClaim claim;
        RoleCount(claim, role) = CasualtyCount{true, 1, "", CountQualifier::kExact};
        claim.victims = *opening;
        *end = after;
        return claim;
      }
    }
    if (it != lex_.victim.end() && !it->second) {
      // a singular noun with an article or number before it ("a ... journalist")
      bool determined = false;
      for (size_t j = s - 1; j > 0 && j + 9 > s; --j) {
        const std::string_view d = t_[j - 1].lower;
        if (d == "a" || d == "an" || d == "one" || d == "the" || d == "another" || d == "his" || d == "her" ||
            d == "their") {
          determined = true;
          victims = std::string(text_.substr(t_[j].span.begin, subject.span.end - t_[j].span.begin));
          break;
        }
        if (!NounPhraseWord(j - 1)) break;
      }
      if (!determined) return std::nullopt;
    } else if ((subject.lower == "he" || subject.lower == "she") && role == Role::kKilled) {
      victims = subject.lower;  // "He died overnight", "she was pronounced dead": the victim named before
    } else if (subject.capitalized && s >= 2 && t_[s - 2].capitalized && !NotPlaces().count(subject.lower)) {
      victims = std::string(text_.substr(t_[s - 2].span.begin, subject.span.end - t_[s - 2].span.begin));
    } else {
      return std::nullopt;
    }
    CasualtyClaim claim;
    RoleCount(claim, role) = CasualtyCount{true, 1, "", CountQualifier::kExact};
    claim.victims = victims;
    *end = after;
    return claim;
  }

  // "A/an [words] <singular victim>" at the start of the sentence or after "say(s)",
  // "said" or "that", ending at most 10 tokens before `limit` with no verb of its own
  // between: the victims' text.
  std::optional<std::string> OpeningVictim(size_t limit) const {
    size_t start = 0;
    for (size_t j = 0; j + 1 < limit && j < 4; ++j) {
      const std::string_view w = t_[j].lower;
      if (w == "say" || w == "says" || w == "said" || w == "that") start = j + 1;
    }
    if (start >= limit || (t_[start].lower != "a" && t_[start].lower != "an")) return std::nullopt;
    for (size_t j = start + 1; j < limit && j < start + 6; ++j) {
      auto it = lex_.victim.find(t_[j].lower);
      if (it != lex_.victim.end() && !it->second && !(j + 1 < limit && lex_.victim.count(t_[j + 1].lower))) {
        // "A teen who was found shot along a bike path ... has died": a relative clause
        // may hold verbs of its own.
        const bool relative = j + 1 < limit && t_[j + 1].lower == "who";
        if (limit - j > (relative ? 20u : 11u)) return std::nullopt;
        for (size_t v = j + 1; v < limit && !relative; ++v) {
          const std::string_view w = t_[v].lower;
          if (w == "was" || w == "is" || w == "has" || w == "had" || w == "said" || w == "says" || w == "told" ||
              t_[v].kind == TokenKind::kPunct)
            return std::nullopt;
        }
        return std::string(text_.substr(t_[start + 1].span.begin, t_[j].span.end - t_[start + 1].span.begin));
      }
      if (!NounPhraseWord(j)) break;
    }
    return std::nullopt;
  }

  // One person killed, named by a noun: "the murder of a pizza shop worker", "the fatal
  // shooting of a beloved owner", "the shooting death of a teenager".
  std::optional<CasualtyClaim> NominalAt(size_t k, size_t* end) const {
    const std::string_view w = t_[k].lower;
    // A count after the noun: "announced the killing of eight militants", "the deaths of
    // 12 people", "claimed the lives of 30 villagers"; "claimed 30 lives".
    const bool killing = w == "killing" || w == "killings" || w == "deaths" || w == "murder" || w == "murders" ||
                         w == "slaying" || w == "massacre" ||
                         (w == "lives" && k > 1 && (t_[k - 1].lower == "the" && (t_[k - 2].lower == "claimed" ||
                                                                                  t_[k - 2].lower == "claiming" ||
                                                                                  t_[k - 2].lower == "took")));
    if (killing && k + 2 < t_.size() && t_[k + 1].lower == "of") {
      if (std::optional<Count> count = CountAt(k + 2)) {
        CasualtyClaim claim;
        claim.killed = count->value;
        *end = VictimPhrase(count->end, &claim.victims);
        return claim;
      }
    }
    if ((w == "claimed" || w == "claiming" || w == "took") && k + 2 < t_.size()) {
      if (std::optional<Count> count = CountAt(k + 1); count && count->end < t_.size() &&
                                                        t_[count->end].lower == "lives") {
        CasualtyClaim claim;
        claim.killed = count->value;
        *end = count->end + 1;
        return claim;
      }
    }
    size_t of = k + 1;
    if (w == "shooting" && k > 0 && (t_[k - 1].lower == "fatal" || t_[k - 1].lower == "deadly")) {
      // "fatal shooting of"
    } else if (w == "shooting" && k + 1 < t_.size() && t_[k + 1].lower == "death") {
      of = k + 2;
    } else if (w != "murder" && w != "killing" && w != "slaying" && w != "homicide" && w != "death") {
      return w == "gunshot" ? UnnamedDeath(k, end) : std::nullopt;
    }
    if (of + 2 >= t_.size() || t_[of].lower != "of") return UnnamedDeath(k, end);
    const std::string_view d = t_[of + 1].lower;
    // A determiner, or none in a headline ("fatal shooting of beloved owner").
    const size_t first = d == "a" || d == "an" || d == "the" || d == "his" || d == "her" ? of + 2 : of + 1;
    if (first == of + 1 && !headline_) return std::nullopt;
    for (size_t j = first; j < t_.size() && j < first + 10; ++j) {
      auto it = lex_.victim.find(t_[j].lower);
      if (it != lex_.victim.end() && !(j + 1 < t_.size() && lex_.victim.count(t_[j + 1].lower))) {
        if (it->second) return std::nullopt;
        CasualtyClaim claim;
        claim.killed = CasualtyCount{true, 1, "", CountQualifier::kExact};
        claim.victims = std::string(text_.substr(t_[first].span.begin, t_[j].span.end - t_[first].span.begin));
        *end = j + 1;
        return claim;
      }
      if (!NounPhraseWord(j)) break;
    }
    return std::nullopt;
  }

  // A death reported by a noun alone: "a fatal shooting on the east side", "the shooting
  // death", "investigating a homicide", "an apparent murder-suicide" (the victim, and
  // apart the killer who killed himself): at least one killed; "a gunshot wound": at
  // least one wounded.
  std::optional<CasualtyClaim> UnnamedDeath(size_t k, size_t* end) const {
    const std::string_view w = t_[k].lower;
    size_t last = k;
    bool suicide = false;
    if (w == "shooting" && k > 0 && (t_[k - 1].lower == "fatal" || t_[k - 1].lower == "deadly")) {
      // "fatal shooting"
    } else if (w == "shooting" && k + 1 < t_.size() && t_[k + 1].lower == "death") {
      last = k + 1;
    } else if (w == "murder" && k + 2 < t_.size() && IsHyphen(k + 1) && t_[k + 2].lower == "suicide") {
      last = k + 2;
      suicide = true;
    } else if (w == "gunshot" && k + 1 < t_.size() && (t_[k + 1].lower == "wound" || t_[k + 1].lower == "wounds")) {
      // "a man with a gunshot wound", "suffering from gunshot wounds": one wounded
      CasualtyClaim claim;
      claim.wounded = CasualtyCount{true, 1, "", CountQualifier::kAtLeast};
      claim.victims = "victim";
      *end = k + 2;
      return claim;
    } else if (w == "homicide") {
      // "homicide detectives", "the Homicide Division": a modifier, no death
      if (k + 1 < t_.size() && (t_[k + 1].pos == PartOfSpeech::kNoun || t_[k + 1].pos == PartOfSpeech::kProperNoun)) {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    CasualtyClaim claim;
    claim.killed = CasualtyCount{true, 1, "", CountQualifier::kAtLeast};
    claim.victims = "victim";  // unnamed: not the plural noun before ("police are investigating")
    if (suicide) {
      CasualtyClaim self;
      self.killed = CasualtyCount{true, 1, "", CountQualifier::kExact};
      self.victims = "himself";
      self.span = Span{t_[k].span.begin, t_[last].span.end};
      extra_ = std::move(self);
    }
    *end = last + 1;
    return claim;
  }

  // A headline's telegraphic report: "Man shot, killed on west side", "Girl shot at
  // party dies", "Waitress shot while helping", "Man critical after shooting".
  std::optional<CasualtyClaim> HeadlineAt(size_t k, size_t* end) const {
    if (!headline_ || k > 4) return std::nullopt;
    // "Former basketball star fatally shot": any short noun phrase opening the headline.
    if (k > 0 && k + 1 < t_.size()) {
      bool phrase = true;
      for (size_t j = 0; j < k && phrase; ++j) phrase = NounPhraseWord(j);
      const std::string_view w = t_[k].lower;
      const std::string_view next = t_[k + 1].lower;
      const bool fatal =
          (w == "fatally" && (next == "shot" || next == "stabbed")) ||
          (w == "shot" && (next == "dead" || (next == "to" && k + 2 < t_.size() && t_[k + 2].lower == "death")));
      if (phrase && fatal) {
        CasualtyClaim claim;
        claim.killed = CasualtyCount{true, 1, "", CountQualifier::kExact};
        claim.victims = std::string(text_.substr(t_[0].span.begin, t_[k - 1].span.end - t_[0].span.begin));
        *end = k + 2;
        return claim;
      }
    }
    auto it = lex_.victim.find(t_[k].lower);
    if (it == lex_.victim.end() || it->second || k + 1 >= t_.size()) return std::nullopt;
    for (size_t j = 0; j < k; ++j) {
      if (!NounPhraseWord(j) && t_[j].lower != "a" && t_[j].lower != "an") return std::nullopt;
    }
    const std::string_view verb = t_[k + 1].lower;
    Role role;
    if (verb == "killed" || verb == "dies" || verb == "dead" || verb == "slain" || verb == "murdered") {
      role = Role::kKilled;
    } else if (verb == "shot" || verb == "stabbed" || verb == "wounded" || verb == "injured" || verb == "hurt" ||
               verb == "critical" || verb == "hospitalized" || verb == "hospitalised") {
      role = Role::kWounded;
      // "shot, killed", "shot and killed", "shot dead", "shot at party dies"
      for (size_t j = k + 2; j < t_.size() && j < k + 9; ++j) {
        const std::string_view w = t_[j].lower;
        if (w == "killed" || w == "dies" || w == "dead" || w == "died") role = Role::kKilled;
      }
    } else {
      return std::nullopt;
    }
    CasualtyClaim claim;
    RoleCount(claim, role) = CasualtyCount{true, 1, "", CountQualifier::kExact};
    claim.victims = std::string(text_.substr(t_[0].span.begin, t_[k].span.end - t_[0].span.begin));
    *end = k + 2;
    return claim;
  }

  // Counts joined to a claim: "... killed and 200 wounded", "killed one soldier and
  // wounded two others", "25 killed with at least 127 wounded".
  size_t Coordinated(size_t end, CasualtyClaim* claim) const {
    for (int round = 0; round < 3; ++round) {
      size_t j = end;
      if (j < t_.size() && t_[j].lower == ",") ++j;
      if (j >= t_.size() || !(t_[j].lower == "and" || t_[j].lower == "with" || t_[j].lower == "while" ||
                              (j > end && t_[j].kind != TokenKind::kPunct))) {
        return end;
      }
      if (t_[j].lower == "and" || t_[j].lower == "with" || t_[j].lower == "while") ++j;
      const claims::CasualtyWord* w = Casualty(j);
      if (w != nullptr && w->form != Form::kNoun) {  // "and wounded two others"
        std::optional<Count> count = CountAt(j + 1);
        if (count && !RoleCount(*claim, w->role).present) {
          RoleCount(*claim, w->role) = count->value;
          std::string victims;
          end = VictimPhrase(count->end, &victims);
          continue;
        }
        return end;
      }
      std::optional<Count> count = CountAt(j);
      if (!count) return end;
      std::string victims;
      size_t v = VictimPhrase(count->end, &victims);
      Role role;
      bool auxiliary;
      size_t after = ParticipleAt(v, &role, &auxiliary);
      if (after == 0) {
        const claims::CasualtyWord* noun = Casualty(v);
        if (noun == nullptr || noun->form != Form::kNoun) return end;
        role = noun->role;
        after = v + 1;
      }
      if (RoleCount(*claim, role).present) return end;
      CasualtyCount value = count->value;
      if (!count->qualified && victims.empty() && value.qualifier == CountQualifier::kExact) {
        // "at least 27 killed and 200 wounded": the qualifier reaches the bare count.
        for (const CasualtyCount* c : {&claim->killed, &claim->wounded, &claim->missing, &claim->detained}) {
          if (c->present && c->qualifier != CountQualifier::kVague) {
            value.qualifier = c->qualifier;
            break;
          }
        }
      }
      RoleCount(*claim, role) = value;
      end = after;
    }
    return end;
  }

  // "in a military operation by Azerbaijan", "in the clashes".
  void Cause(size_t end, CasualtyClaim* claim) const {
    if (end + 1 >= t_.size() || !lex_.Is(claims::kCauseLead, t_[end]) || t_[end + 1].capitalized) return;
    size_t j = end + 1;
    while (j < t_.size() && j < end + 14 &&
           !(t_[j].kind == TokenKind::kPunct && t_[j].lower != "-" && !claims::IsDoubleQuoteMark(t_[j].lower))) {
      const std::string_view w = t_[j].lower;
      if (w == "according" || w == "said" || w == "which" || w == "that" || w == "who" || w == "and" || w == "while" ||
          w == "as") {
        break;
      }
      ++j;
    }
    while (j > end + 1 && t_[j - 1].kind == TokenKind::kPunct) --j;
    if (j <= end + 1) return;
    claim->cause = std::string(text_.substr(t_[end].span.begin, t_[j - 1].span.end - t_[end].span.begin));
  }

  // Whose casualties a claim's victims are: the attackers ("the gunman", "two
  // suspects"), one who harmed himself ("himself"), else victims. The phrase's last word
  // is its head ("the suspected gunman").
  CasualtyGroup GroupOf(std::string_view victims) const {
    if (victims == "himself" || victims == "herself" || victims == "themselves") return CasualtyGroup::kSelf;
    const size_t space = victims.rfind(' ');
    std::string head(space == std::string_view::npos ? victims : victims.substr(space + 1));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lex_.perpetrator.count(head) ? CasualtyGroup::kPerpetrators : CasualtyGroup::kVictims;
  }

  // The plural victim noun last named before token k: "attacked the protesters, injuring 38".
  std::string VictimBefore(size_t k) const {
    for (size_t j = k; j > 0; --j) {
      auto it = lex_.victim.find(t_[j - 1].lower);
      if (it != lex_.victim.end() && it->second && t_[j - 1].lower != "others") return std::string(t_[j - 1].lower);
    }
    return "";
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  std::vector<bool> used_;
  std::vector<bool> inherits_role_;
  mutable bool inherit_ = false;  // set by SubsetAt for the claim it returns
  mutable std::optional<CasualtyClaim> extra_;  // a second claim of the words just read
  bool headline_;  // the sentence is a headline: telegraphic reports count
  const claims::Lexicon& lex_;
};

}  // namespace

CasualtyTagger::CasualtyTagger()
    : info_{"casualties", {Layer::kSentences, Layer::kTokens, Layer::kAttribution}, {Layer::kCasualties}} {}

// Whether a sentence may hold a casualty word: one of these stems in its lower-cased
// text (all casualty words of resources/claims_words.tsv start with one). Most news
// sentences have none and are skipped before tokenizing.
bool MayHoldCasualty(std::string_view sentence) {
  static const char* const kStems[] = {
      "kill",        "dead",   "die",    "slain",  "murder", "execut", "perish",   "massacr", "behead", "lynch",
      "slay",        "death",  "fatal",  "wound",  "injur",  "hurt",   "hospital", "maim",    "stab",   "missing",
      "unaccounted", "detain", "arrest", "kidnap", "abduct", "captur", "shot",     "shoot",   "toll",   "tally",
      "lives",       "homicid"};
  // Word starts are checked against the stems' first two letters, then in full.
  static const auto kFirstTwo = [] {
    std::array<uint32_t, 26> bits{};
    for (const char* stem : kStems) bits[stem[0] - 'a'] |= 1u << (stem[1] - 'a');
    return bits;
  }();
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  const size_t n = sentence.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    char a = lower(sentence[i]);
    if (a < 'a' || a > 'z') continue;
    if (i > 0) {
      char before = lower(sentence[i - 1]);
      if ((before >= 'a' && before <= 'z') || static_cast<unsigned char>(before) >= 0x80) continue;
    }
    char b = lower(sentence[i + 1]);
    if (b < 'a' || b > 'z' || !((kFirstTwo[a - 'a'] >> (b - 'a')) & 1u)) continue;
    for (const char* stem : kStems) {
      size_t k = 0;
      while (stem[k] != '\0' && i + k < n && lower(sentence[i + k]) == stem[k]) ++k;
      if (stem[k] == '\0') return true;
    }
  }
  return false;
}

namespace {

// A figure dated more than this many days before its article's publication is background.
constexpr long kBackgroundDays = 7;

// Whether the period of a TIMEX3 date value ("2023-08", "2020", "2023-09-19") ends more
// than `days` days before the ISO date `published`; false when either cannot be read.
bool EndsBefore(std::string_view value, std::string_view published, long days) {
  auto number = [](std::string_view digits, int* out) {
    if (digits.empty()) return false;
    int n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
  };
  int py = 0, pm = 0, pd = 0;
  if (published.size() < 10 || !number(published.substr(0, 4), &py) || !number(published.substr(5, 2), &pm) ||
      !number(published.substr(8, 2), &pd) || !IsValidDate(py, pm, pd)) {
    return false;
  }
  int y = 0, m = 12, d = 0;
  if (value.size() < 4 || !number(value.substr(0, 4), &y)) return false;
  if (value.size() >= 7 && value[4] == '-' && !number(value.substr(5, 2), &m)) return false;
  if (m < 1 || m > 12) return false;
  d = DaysInMonth(y, m);
  if (value.size() >= 10 && value[7] == '-' && !number(value.substr(8, 2), &d)) return false;
  if (value.size() != 4 && value.size() != 7 && value.size() != 10) return false;  // weeks, seasons: unread
  if (!IsValidDate(y, m, d)) return false;
  return DaysFromCivil(y, m, d) < DaysFromCivil(py, pm, pd) - days;
}

// Each part of the sentence's `claims` (part_of == kPendingPart) is linked to its larger
// figure: the nearest claim before it, in the sentence or among the document's
// `earlier` claims, that is no part itself and has a count of the part's role at least as
// large (a part that takes its figure's role takes the role of that figure's first
// count). A part with no such figure stands alone; one with no role of its own is
// dropped. Indexes are into Document::casualties, where the sentence's claims follow
// `earlier`.
void LinkParts(const std::vector<CasualtyClaim>& earlier, const std::vector<bool>& inherits,
               std::vector<CasualtyClaim>* claims) {
  const size_t base = earlier.size();
  auto at = [&](size_t i) -> const CasualtyClaim& { return i < base ? earlier[i] : (*claims)[i - base]; };
  std::vector<bool> drop(claims->size(), false);
  for (size_t c = 0; c < claims->size(); ++c) {
    CasualtyClaim& part = (*claims)[c];
    if (part.part_of != kPendingPart) continue;
    part.part_of = -1;
    const bool inherit = c < inherits.size() && inherits[c];
    const int64_t size = inherit ? part.killed.value
                                 : std::max({part.killed.value, part.wounded.value, part.missing.value,
                                             part.detained.value});
    for (size_t i = base + c; i > 0; --i) {
      const CasualtyClaim& whole = at(i - 1);
      if (whole.part_of >= 0 || whole.part_of == kPendingPart || whole.background) continue;
      const CasualtyCount* fit = nullptr;
      for (const CasualtyCount* w : {&whole.killed, &whole.wounded, &whole.missing, &whole.detained}) {
        if (!w->present || w->value < size) continue;
        const CasualtyCount* mine = &part.killed;
        if (w == &whole.wounded) mine = &part.wounded;
        if (w == &whole.missing) mine = &part.missing;
        if (w == &whole.detained) mine = &part.detained;
        if (inherit || mine->present) {
          fit = w;
          break;
        }
      }
      if (fit == nullptr) continue;
      if (inherit && fit != &whole.killed) {
        CasualtyCount count = part.killed;
        part.killed = CasualtyCount{};
        if (fit == &whole.wounded) part.wounded = count;
        if (fit == &whole.missing) part.missing = count;
        if (fit == &whole.detained) part.detained = count;
      }
      part.part_of = static_cast<int32_t>(i - 1);
      break;
    }
    if (part.part_of < 0 && inherit) drop[c] = true;
  }
  // Dropping shifts the later claims of the sentence: renumber parts pointing at them.
  std::vector<int32_t> index(claims->size(), -1);
  std::vector<CasualtyClaim> kept;
  for (size_t c = 0; c < claims->size(); ++c) {
    if (drop[c]) continue;
    index[c] = static_cast<int32_t>(base + kept.size());
    kept.push_back(std::move((*claims)[c]));
  }
  for (CasualtyClaim& claim : kept) {
    if (claim.part_of >= static_cast<int32_t>(base)) claim.part_of = index[claim.part_of - base];
  }
  *claims = std::move(kept);
}

}  // namespace

Status CasualtyTagger::Process(Document& document) const {
  document.casualties.clear();
  const std::string& text = document.text();
  const ChainFinder chains(document);
  const SpanIndex times(document.time_expressions.size(), [&](size_t t) { return document.time_expressions[t].span; });
  for (const Sentence& sentence : document.sentences) {
    if (document.PastDeadline()) return Document::DeadlineStatus(info_.name);
    if (!MayHoldCasualty(document.Text(sentence.span))) continue;
    const auto index = static_cast<uint32_t>(&sentence - document.sentences.data());
    std::vector<claims::Token> tokens = claims::SentenceTokens(document, index);
    claims::ClaimsLexicon().Classify(&tokens);
    // Headlines read telegraphically: the marked one, and a first line without a full stop.
    const std::string_view body = document.Text(sentence.span);
    const bool headline =
        sentence.headline || (&sentence == &document.sentences.front() && !body.empty() && body.back() != '.');
    SentenceReader reader(text, tokens, headline);
    std::vector<CasualtyClaim> claims = reader.Run();
    if (claims.empty()) continue;
    LinkParts(document.casualties, reader.InheritsRole(), &claims);
    // The sentence's first date, or the day of a time ("Monday night", "at 0300 GMT on
    // Friday"). "since 1991", "since the October 7 attack" date the background, not the
    // claim; the day a statement was made ("police said on Monday") dates it only when
    // the sentence names no other. The same for every claim of the sentence.
    std::vector<uint32_t> inside;
    times.ForEach(sentence.span, [&](uint32_t t) {
      if (sentence.span.Contains(document.time_expressions[t].span)) inside.push_back(t);
    });
    std::sort(inside.begin(), inside.end());
    const TimeExpression* when = nullptr;
    // A total "since April 2014" or over the whole year ("this year", "in 2023") is a
    // running total of other times, not this incident's figure.
    bool since = false, whole_year = false;
    for (uint32_t index : inside) {
      const TimeExpression& t = document.time_expressions[index];
      since = since || (t.since && t.type == TimexType::kDate);
      whole_year = whole_year || (t.type == TimexType::kDate && t.value.size() == 4 &&
                                  std::all_of(t.value.begin(), t.value.end(), [](char c) { return c >= '0' && c <= '9'; }));
    }
    for (uint32_t index : inside) {
      const TimeExpression& t = document.time_expressions[index];
      const bool dated = t.type == TimexType::kDate && !t.value.empty() && t.value != "PRESENT_REF" &&
                         t.value != "PAST_REF" && t.value != "FUTURE_REF";
      if (t.since || !(dated || !t.Day().empty())) continue;
      if (when == nullptr || (when->statement && !t.statement)) when = &t;
      if (!t.statement) break;
    }
    for (CasualtyClaim& claim : claims) {
      claim.evidence = sentence.span;
      const size_t first = static_cast<size_t>(
          std::partition_point(tokens.begin(), tokens.end(),
                               [&](const claims::Token& t) { return t.span.begin < claim.span.begin; }) -
          tokens.begin());
      claim.where = reader.Place(first);
      if (when != nullptr) claim.when = when->type == TimexType::kTime ? std::string(when->Day()) : when->value;
      // Background: a total since a date or over a year, or a figure dated before the
      // week of publication ("last month's bombing killed 12", "in 2020, over 1,000 died").
      if (since || whole_year || EndsBefore(claim.when, document.metadata.published, kBackgroundDays)) {
        claim.background = true;
        if (since || whole_year) claim.cumulative = true;
      }
      chains.ChainFor(claim.span, &claim.source_chain, &claim.hedge);
      document.casualties.push_back(std::move(claim));
    }
  }
  return Status::Ok();
}

}  // namespace casus
