// The corpus layer's word lists (resources/corpus_words.tsv), loaded once, thread-safe.
#ifndef CASUS_CORPUS_WORDS_H_
#define CASUS_CORPUS_WORDS_H_

#include <string_view>

namespace casus::corpus {

// True for a lower-case word that says nothing about which story an article tells.
bool IsStopWord(std::string_view lower_word);

// The class of a victim noun ("civilians" -> "civilians", "soldiers" -> "military"): figures
// of one class are compared when sources are reconciled. The last word of `victims`
// decides ("Armenian soldiers" -> "military"); unknown or empty -> "general".
std::string_view VictimClass(std::string_view victims);

// The class a class's figures are shown in: "civilians" -> "general"; itself for others.
std::string_view LargerClass(std::string_view victim_class);

}  // namespace casus::corpus

#endif  // CASUS_CORPUS_WORDS_H_
