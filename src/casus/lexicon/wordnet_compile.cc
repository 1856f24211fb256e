// casus_wordnet_compile: the English word list casus carries, made at build time from
// Debian's wordnet-base (WordNet 3.0, Princeton University; WordNet 3.0 licence, see
// README.md). It keeps what the token layer needs and nothing else:
//
//   word <TAB> n <TAB> v <TAB> a <TAB> r <TAB> name
//                                             one line per lemma (lower case; words of a
//                                             compound joined by '_', as WordNet writes
//                                             them); each of n v a r 0 when WordNet has no
//                                             such part of speech for it, else 1 + the
//                                             number of its senses tagged in SemCor (how
//                                             often the word is used so); name 2 when
//                                             every noun sense is written capitalised (a
//                                             name: "Azerbaijan"), 1 when some are, else 0
//   =form <TAB> pos <TAB> lemma               an irregular form ("fought" v "fight")
//
// sorted, so the output is the same from run to run.
//
//   casus_wordnet_compile --dir /usr/share/wordnet --out wordnet.tsv
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

int main(int argc, char** argv) {
  std::string dir = "/usr/share/wordnet", out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--out")) out_path = argv[i + 1];
  }
  if (out_path.empty()) {
    std::fprintf(stderr, "usage: %s --dir WORDNET_DIR --out FILE\n", argv[0]);
    return 2;
  }
  const char* const kParts[] = {"noun", "verb", "adj", "adv"};
  const char kLetters[] = {'n', 'v', 'a', 'r'};
  std::map<std::string, std::array<int, 4>> words;
  std::map<std::string, std::pair<int, int>> capitalised;  // noun senses: capitalised, all
  std::set<std::tuple<std::string, char, std::string>> exceptions;
  for (int p = 0; p < 4; ++p) {
    const std::string path = dir + "/index." + kParts[p];
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "casus_wordnet_compile: cannot read %s (install wordnet-base)\n", path.c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      std::istringstream fields(line);
      std::string lemma, pos;
      int synsets = 0, pointers = 0;
      fields >> lemma >> pos >> synsets >> pointers;
      for (int k = 0; k < pointers; ++k) {
        std::string symbol;
        fields >> symbol;
      }
      int senses = 0, tagged = 0;
      fields >> senses >> tagged;
      if (!fields || lemma.empty()) continue;
      words[lemma][p] = 1 + tagged;
    }
    std::ifstream exc(dir + "/" + kParts[p] + ".exc");
    while (std::getline(exc, line)) {
      std::istringstream fields(line);
      std::string form, lemma;
      fields >> form >> lemma;
      if (!form.empty() && !lemma.empty() && form != lemma) exceptions.emplace(form, kLetters[p], lemma);
    }
  }
  // Which noun senses are names: data.noun writes each synset's words as they are
  // spelled ("08900535 15 n 02 Azerbaijan 0 Azerbaijani_Republic 0 ...").
  {
    std::ifstream data(dir + "/data.noun");
    std::string line;
    while (std::getline(data, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream fields(line);
      std::string offset, file, pos, count_hex;
      fields >> offset >> file >> pos >> count_hex;
      const int count = static_cast<int>(std::strtol(count_hex.c_str(), nullptr, 16));
      for (int k = 0; k < count; ++k) {
        std::string word, lex_id;
        fields >> word >> lex_id;
        if (word.empty()) break;
        std::string lower = word;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const size_t paren = lower.find('(');  // adjective markers: "galore(ip)"
        if (paren != std::string::npos) lower.resize(paren);
        auto& [capitals, all] = capitalised[lower];
        capitals += std::isupper(static_cast<unsigned char>(word[0])) ? 1 : 0;
        ++all;
      }
    }
  }
  std::ofstream out(out_path, std::ios::binary);
  out << "# English lemmas and parts of speech from WordNet 3.0 (Princeton University, WordNet 3.0 licence),\n"
         "# compiled by casus_wordnet_compile from Debian's wordnet-base. Columns: word, then noun, verb,\n"
         "# adjective, adverb: 0 = not that part of speech, else 1 + senses tagged in SemCor; then 2 when every\n"
         "# noun sense is a name (capitalised), 1 when some are, else 0.\n";
  for (const auto& [word, counts] : words) {
    int name = 0;
    if (auto it = capitalised.find(word); it != capitalised.end() && it->second.first > 0) {
      name = it->second.first == it->second.second ? 2 : 1;
    }
    out << word << '\t' << counts[0] << '\t' << counts[1] << '\t' << counts[2] << '\t' << counts[3] << '\t' << name
        << '\n';
  }
  for (const auto& [form, pos, lemma] : exceptions) out << '=' << form << '\t' << pos << '\t' << lemma << '\n';
  if (!out) {
    std::fprintf(stderr, "casus_wordnet_compile: cannot write %s\n", out_path.c_str());
    return 1;
  }
  return 0;
}
