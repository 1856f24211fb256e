// Loads resources/corpus_words.tsv into two hash maps on first use.
#include "casus/corpus/words.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus::corpus {
namespace {

struct Words {
  std::unordered_set<std::string_view> stop;
  std::unordered_map<std::string_view, std::string_view> victim_class;
  std::unordered_map<std::string_view, std::string_view> within;  // inner class -> larger class
};

const Words& GetWords() {
  static const Words* const words = [] {
    auto* loaded = new Words;
    for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::corpus_words())) {
      if (row.size() < 2) continue;
      if (row[0] == "stop") {
        loaded->stop.insert(row[1]);
      } else if (row[0] == "victims" && row.size() >= 3) {
        loaded->victim_class.emplace(row[1], row[2]);
      } else if (row[0] == "within" && row.size() >= 3) {
        loaded->within.emplace(row[1], row[2]);
      }
    }
    return loaded;
  }();
  return *words;
}

}  // namespace

bool IsStopWord(std::string_view lower_word) { return GetWords().stop.count(lower_word) != 0; }

std::string_view VictimClass(std::string_view victims) {
  size_t end = victims.size();
  while (end > 0 && victims[end - 1] == ' ') --end;
  size_t begin = victims.rfind(' ', end == 0 ? 0 : end - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::string last(victims.substr(begin, end - begin));
  for (char& c : last) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  const auto& classes = GetWords().victim_class;
  auto it = classes.find(last);
  return it == classes.end() ? std::string_view("general") : it->second;
}

std::string_view LargerClass(std::string_view victim_class) {
  const auto& within = GetWords().within;
  auto it = within.find(victim_class);
  return it == within.end() ? victim_class : it->second;
}

}  // namespace casus::corpus
