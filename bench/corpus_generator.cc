// Builds articles from small word pools with a xorshift generator, so the corpus is
// varied enough for realistic index sizes yet reproducible.
#include "bench/corpus_generator.h"

#include <array>

#include "casus/store/export.h"

namespace casus::bench {
namespace {

struct Random {
  uint64_t state;
  uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  template <size_t N>
  const char* Pick(const std::array<const char*, N>& pool) {
    return pool[Next() % N];
  }
  int Int(int low, int high) { return low + static_cast<int>(Next() % static_cast<uint64_t>(high - low + 1)); }
};

const std::array<const char*, 16> kPlaces = {"Odesa",    "Kharkiv", "Stepanakert", "Yerevan",   "Baku",   "Gaza",
                                             "Khartoum", "Mopti",   "Goma",        "Mogadishu", "Aleppo", "Tripoli",
                                             "Sanaa",    "Juba",    "Kabul",       "Mosul"};
const std::array<const char*, 10> kActors = {"the defence ministry",
                                             "the foreign ministry",
                                             "local officials",
                                             "the regional governor",
                                             "a military spokesperson",
                                             "the interior ministry",
                                             "police",
                                             "the Red Cross",
                                             "U.N. agencies",
                                             "witnesses"};
const std::array<const char*, 8> kVerbs = {
    "said", "told reporters", "said in a statement", "reported", "confirmed", "announced", "added", "said on Tuesday"};
const std::array<const char*, 8> kEvents = {
    "shelling hit residential areas",         "a drone strike damaged the power station",
    "clashes broke out near the border",      "a convoy was ambushed on the main road",
    "protesters gathered outside parliament", "talks on a ceasefire resumed",
    "aid deliveries were suspended",          "troops withdrew from two villages"};
const std::array<const char*, 6> kVictims = {"people", "civilians", "soldiers", "children", "protesters", "fighters"};
const std::array<const char*, 6> kMonths = {"January", "March", "May", "July", "September", "November"};
const std::array<const char*, 6> kNames = {"Ana Ruiz",  "Samuel Okoth", "Priya Raman",
                                           "Jo Diallo", "Lena Hoff",    "Omar Haddad"};

}  // namespace

GeneratedArticle GenerateArticle(uint64_t index, bool crawl_format, uint64_t seed) {
  Random random{(index + 1) * 0x9E3779B97F4A7C15ULL ^ seed};
  for (int i = 0; i < 4; ++i) random.Next();
  GeneratedArticle article;
  article.id = "gen-" + std::to_string(index);
  std::string& t = article.text;
  const char* place = random.Pick(kPlaces);
  const char* month = random.Pick(kMonths);
  int day = random.Int(1, 28);
  int year = random.Int(2019, 2025);
  bool crawl = random.Next() % 2 == 0 && crawl_format;
  if (crawl) {
    t += " date " + std::to_string(year) + "-0" + std::to_string(random.Int(1, 9)) + "-1" +
         std::to_string(random.Int(0, 9)) + " ";
  } else {
    t += "Updated " + std::string(month) + " " + std::to_string(day) + ", " + std::to_string(year) + " at " +
         std::to_string(random.Int(10, 23)) + ":0" + std::to_string(random.Int(0, 9)) + " IST\n\n";
    article.boilerplate_lines++;
    t += std::string("Fighting near ") + place + " as talks on truce stall\n\n";
    t += std::string("Reported by: ") + random.Pick(kNames) + "\nAdvertisement\n\n";
    article.boilerplate_lines += 2;
  }
  t += std::string(place) + ", " + month + " " + std::to_string(day) + " : " + "Officials said " +
       random.Pick(kEvents) + " on Monday, the " + std::to_string(random.Int(2, 9)) + "th day of fighting in " + place +
       ", " + random.Pick(kActors) + " " + random.Pick(kVerbs) + ".\n\n";
  int paragraphs = random.Int(6, 9);
  for (int p = 0; p < paragraphs; ++p) {
    switch (random.Next() % 5) {
      case 0:
        t += "At least " + std::to_string(random.Int(2, 90)) + " " + random.Pick(kVictims) + " were killed and " +
             std::to_string(random.Int(5, 300)) + " wounded, " + random.Pick(kActors) + " " + random.Pick(kVerbs) +
             ". The figures could not be independently verified. Gen. Mark Ross said the U.S. was monitoring the "
             "situation closely.\n\n";
        break;
      case 1:
        t += std::string("\"We call on all sides to stop the fighting immediately and return to talks,\" ") +
             random.Pick(kActors) + " " + random.Pick(kVerbs) + ". \"Civilians must be protected.\"\n\n";
        break;
      case 2:
        t += std::string("Earlier, ") + random.Pick(kEvents) + " in " + random.Pick(kPlaces) + ", according to " +
             random.Pick(kActors) + ". Around " + std::to_string(random.Int(2, 9)) + ",000 residents have fled since " +
             random.Pick(kMonths) + ", and the 6.5 km road remains closed at 5 p.m. each day.\n\n";
        break;
      case 3:
        t += std::string("Read - ") + "Talks In " + random.Pick(kPlaces) + " End Without Agreement\n\n";
        article.boilerplate_lines++;
        break;
      default:
        t += std::string("Diplomats said ") + random.Pick(kEvents) + " and that the next round of talks was expected " +
             "within weeks. Dr. Lena Hoff of the aid group said conditions were worsening; supplies of water, fuel " +
             "and medicine were running low in " + random.Pick(kPlaces) + ".\n\n";
        break;
    }
  }
  if (random.Next() % 3 == 0) {
    t += "Share this article\n";
    article.boilerplate_lines++;
  }
  return article;
}

std::string ToJsonLine(const GeneratedArticle& article) {
  std::string line = "{\"id\":";
  AppendJsonString(article.id, &line);
  line += ",\"text\":";
  AppendJsonString(article.text, &line);
  line += "}\n";
  return line;
}

}  // namespace casus::bench
