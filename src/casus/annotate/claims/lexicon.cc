#include "casus/annotate/claims/lexicon.h"

#include <algorithm>
#include <string_view>

#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus::claims {
namespace {

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t j = phrase.find(' ', i);
    if (j == std::string_view::npos) j = phrase.size();
    if (j > i) words.emplace_back(phrase.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

CountQualifier QualifierFrom(std::string_view value) {
  if (value == "at least") return CountQualifier::kAtLeast;
  if (value == "more than") return CountQualifier::kMoreThan;
  if (value == "up to") return CountQualifier::kUpTo;
  if (value == "about") return CountQualifier::kAbout;
  return CountQualifier::kExact;
}

template <typename Value>
void SortLongestFirst(std::vector<Phrase<Value>>* phrases) {
  std::stable_sort(phrases->begin(), phrases->end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
}

Lexicon Load() {
  Lexicon lex;
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::claims_words())) {
    if (row.size() < 2) continue;
    std::string_view category = row[0];
    std::string word(row[1]);
    std::string_view value = row.size() > 2 ? row[2] : std::string_view();
    if (category == "speech")
      lex.speech.insert(word);
    else if (category == "directive")
      lex.directive.insert(word);
    else if (category == "appeal")
      lex.appeal.insert(word);
    else if (category == "pronoun")
      lex.pronoun.insert(word);
    else if (category == "stop")
      lex.stop.insert(word);
    else if (category == "lead")
      lex.lead.insert(word);
    else if (category == "adverb")
      lex.adverb.insert(word);
    else if (category == "toll")
      lex.toll.insert(word);
    else if (category == "rise")
      lex.rise.insert(word);
    else if (category == "cause_lead")
      lex.cause_lead.insert(word);
    else if (category == "place_lead")
      lex.place_lead.insert(word);
    else if (category == "chain_cue")
      lex.chain_cue.insert(word);
    else if (category == "hedge")
      lex.hedge[word] = std::string(value);
    else if (category == "hedge_cue")
      lex.hedge_cue[word] = std::string(value);
    else if (category == "prep_cue")
      lex.prep_cues.push_back({Words(word), 0});
    else if (category == "qualifier")
      lex.qualifiers.push_back({Words(word), QualifierFrom(value)});
    else if (category == "victim")
      lex.victim[word] = value == "plural";
    else if (category == "perpetrator") {
      lex.perpetrator.insert(word);
      lex.victim.emplace(word, value == "plural");
    } else if (category == "nonhuman")
      lex.nonhuman.insert(word);
    else if (category == "unit")
      lex.unit[word] = row.size() > 3 ? std::string(row[3]) : std::string();
    else if (category == "scale")
      lex.scale[word] = std::stoll(std::string(value));
    else if (category == "vague")
      lex.vague.push_back({Words(word), std::stoll(std::string(value))});
    else if (category == "number") {
      std::vector<std::string> words = Words(word);
      if (words.size() == 1)
        lex.number[word] = std::stoll(std::string(value));
      else
        lex.number_phrases.push_back({std::move(words), std::stoll(std::string(value))});
    } else if (category == "casualty") {
      std::vector<std::string> parts = Words(value);
      if (parts.size() != 2) continue;
      Role role = parts[0] == "killed"    ? Role::kKilled
                  : parts[0] == "wounded" ? Role::kWounded
                  : parts[0] == "missing" ? Role::kMissing
                                          : Role::kDetained;
      Form form = parts[1] == "pp" ? Form::kParticiple : parts[1] == "noun" ? Form::kNoun : Form::kActive;
      lex.casualty[word] = CasualtyWord{role, form};
    }
  }
  SortLongestFirst(&lex.prep_cues);
  SortLongestFirst(&lex.qualifiers);
  SortLongestFirst(&lex.number_phrases);
  SortLongestFirst(&lex.vague);
  const std::pair<const StringSet*, uint32_t> kClasses[] = {{&lex.speech, kSpeech},
                                                                                  {&lex.directive, kDirective},
                                                                                  {&lex.appeal, kAppeal},
                                                                                  {&lex.pronoun, kPronoun},
                                                                                  {&lex.stop, kStop},
                                                                                  {&lex.lead, kLead},
                                                                                  {&lex.adverb, kAdverb},
                                                                                  {&lex.toll, kToll},
                                                                                  {&lex.rise, kRise},
                                                                                  {&lex.cause_lead, kCauseLead},
                                                                                  {&lex.place_lead, kPlaceLead},
                                                                                  {&lex.chain_cue, kChainCue}};
  for (const auto& [set, bit] : kClasses) {
    for (const std::string& word : *set) lex.classes[word] |= bit;
  }
  for (const auto& [word, entry] : lex.casualty) lex.classes[word] |= kCasualty;
  for (const auto& phrase : lex.prep_cues) lex.classes[phrase.words.front()] |= kPrepStart;
  return lex;
}

}  // namespace

void Lexicon::Classify(std::vector<Token>* tokens) const {
  for (Token& token : *tokens) {
    if (token.kind != TokenKind::kWord) continue;
    auto it = classes.find(token.lower);
    token.classes = it == classes.end() ? 0 : it->second;
  }
}

const Lexicon& ClaimsLexicon() {
  static const Lexicon lexicon = Load();
  return lexicon;
}

size_t MatchPhrase(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& phrase) {
  if (i + phrase.size() > tokens.size()) return 0;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (tokens[i + k].lower != phrase[k]) return 0;
  }
  return phrase.size();
}

}  // namespace casus::claims
