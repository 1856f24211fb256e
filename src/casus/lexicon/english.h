// EnglishLexicon: which parts of speech an English word can be and its base form, from
// WordNet 3.0 (compiled at build time by casus_wordnet_compile from Debian's
// wordnet-base and carried in the program, see english_builtin.cc).
//
// Lemmas follow WordNet's "morphy": an irregular form from its exception lists
// ("fought" -> "fight", "men" -> "man"), else the word itself when WordNet lists it for
// that part of speech, else the first suffix rule whose result it lists ("villages" ->
// "village", "shelled" -> "shell", "bigger" -> "big"). Immutable once built; thread-safe;
// look-ups are hash probes over views into the text it was built from.
#ifndef CASUS_LEXICON_ENGLISH_H_
#define CASUS_LEXICON_ENGLISH_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casus::lexicon {

enum WordNetPart : int { kWordNetNoun = 0, kWordNetVerb = 1, kWordNetAdjective = 2, kWordNetAdverb = 3 };

struct WordSenses {
  // Per part of speech (WordNetPart): 0 when WordNet has none, else 1 + the senses of
  // the word tagged in SemCor (a rough frequency of the use).
  std::array<uint16_t, 4> weight{};
  uint8_t name = 0;  // 2: every noun sense is a name ("azerbaijan"), 1: some are, 0: none
  uint8_t Bits() const {
    return static_cast<uint8_t>((weight[0] > 0) | (weight[1] > 0) << 1 | (weight[2] > 0) << 2 | (weight[3] > 0) << 3);
  }
};

class EnglishLexicon {
 public:
  // The lexicon compiled into the program.
  static const EnglishLexicon& Builtin();
  // Reads casus_wordnet_compile's format (for tests and the builtin); `text` must outlive it.
  explicit EnglishLexicon(std::string_view text);

  // The entry of a base form (lower case), or nullptr.
  const WordSenses* Find(std::string_view word) const;
  // The base form of `word` (lower case) as `part`, or empty when WordNet knows none.
  // May point into `*scratch`.
  std::string_view Lemma(std::string_view word, WordNetPart part, std::string* scratch) const;
  // Everything about `word` at once: for each part of speech its lemma (a view into the
  // lexicon, empty when WordNet has none) and that lemma's weight; `senses.name` of the
  // noun lemma. One look-up for irregular forms, one for the word, and one for each
  // suffix rule whose suffix it has.
  struct Analysis {
    WordSenses senses;
    std::array<std::string_view, 4> lemmas;
  };
  Analysis Analyze(std::string_view word, std::string* scratch) const;
  size_t size() const { return keys_.size(); }

 private:
  // Lemmas in a flat open-addressing table: slots_ hold index + 1 into keys_/senses_
  // (0: empty), probed linearly from the key's XXH3 hash; a look-up is one or two
  // cache lines, not a bucket chain.
  std::vector<std::string_view> keys_;
  std::vector<WordSenses> senses_;
  std::vector<uint32_t> slots_;
  uint64_t mask_ = 0;
  // The index of `word` in keys_, or -1.
  int64_t IndexOf(std::string_view word) const;
  // Irregular forms: form -> lemma per part of speech (empty where none).
  std::unordered_map<std::string_view, std::array<std::string_view, 4>> irregular_;
};

}  // namespace casus::lexicon

#endif  // CASUS_LEXICON_ENGLISH_H_
