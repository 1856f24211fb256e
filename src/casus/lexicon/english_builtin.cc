// The English lexicon compiled into the program: english_data.S includes the list that
// casus_wordnet_compile wrote, between two symbols.
#include "casus/lexicon/english.h"

extern "C" const char casus_english_begin[];
extern "C" const char casus_english_end[];

namespace casus::lexicon {

const EnglishLexicon& EnglishLexicon::Builtin() {
  static const EnglishLexicon builtin(
      std::string_view(casus_english_begin, static_cast<size_t>(casus_english_end - casus_english_begin)));
  return builtin;
}

}  // namespace casus::lexicon
