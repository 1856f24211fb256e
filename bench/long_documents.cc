// Cost of one long document: builds a document of 1, 2, 4 and 8 MB of each kind of
// hostile or unlucky text (names, numbers without full stops, dates, quotes, mixed
// news), runs the standard pipeline on it and prints seconds per MB for each stage. A
// linear stage shows the same figure at every size; a quadratic one doubles it with
// each doubling. Not a test: run it by hand, see HACKING.md.
//
//   build/bench/casus_long_bench [--sizes 1,2,4,8] [--kinds names,numbers,dates,quotes,mixed] [--no-budget]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "bench/corpus_generator.h"
#include "bench/peak_memory.h"
#include "casus/engine/engine.h"
#include "casus/ingest/reader.h"

namespace {

struct Random {
  uint64_t state = 0x2545F4914F6CDD1DULL;
  uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  template <typename T, size_t N>
  const T& Pick(const T (&pool)[N]) {
    return pool[Next() % N];
  }
};

const char* const kPeople[] = {"Ilham Aliyev", "Nikol Pashinyan", "Ana Ruiz",  "Samuel Okoth", "Priya Raman",
                               "Omar Haddad",  "Lena Hoff",       "Jo Diallo", "Marta Kowal",  "Yusuf Demir"};
const char* const kPlaces[] = {"Baku",   "Yerevan", "Stepanakert", "Kharkiv", "Odesa", "Gaza",   "Khartoum",
                               "Aleppo", "Tripoli", "Mosul",       "Kabul",   "Sanaa", "Goma",   "Moscow",
                               "Paris",  "Ankara",  "Tehran",      "Juba",    "Mopti", "Kigali", "Lagos"};
const char* const kGroups[] = {"the United Nations", "NATO", "the Red Cross", "the European Union", "Hamas"};
const char* const kVictims[] = {"people", "civilians", "soldiers", "children", "fighters", "police officers"};
const char* const kHarm[] = {"were killed", "were wounded", "died", "were injured", "were missing", "were detained"};
const char* const kTimes[] = {"on Monday",  "last week",       "on 12 March 2023", "two days later", "at 6:00 p.m.",
                              "yesterday",  "in December",     "the next day",     "since 2019",     "on Sept. 4",
                              "this month", "three years ago", "overnight",        "at noon",        "in the spring"};
const char* const kVerbs[] = {"said", "told reporters", "said in a statement", "added", "reported", "claimed"};

std::string Names(Random& random, size_t bytes) {
  std::string text;
  int in_sentence = 0;
  while (text.size() < bytes) {
    switch (random.Next() % 3) {
      case 0: text += random.Pick(kPeople); break;
      case 1: text += random.Pick(kPlaces); break;
      default: text += random.Pick(kGroups); break;
    }
    if (++in_sentence == 15) {
      text += ". ";
      in_sentence = 0;
    } else {
      text += random.Next() % 4 == 0 ? " and " : ", ";
    }
  }
  return text;
}

// Figures without a single full stop: one sentence as long as the document.
std::string Numbers(Random& random, size_t bytes) {
  std::string text;
  while (text.size() < bytes) {
    text += std::to_string(random.Next() % 500 + 1) + " " + random.Pick(kVictims) + " " + random.Pick(kHarm) + " ";
    text += random.Pick(kTimes);
    text += random.Next() % 3 == 0 ? " in " + std::string(random.Pick(kPlaces)) + ", " : ", ";
  }
  return text;
}

std::string Dates(Random& random, size_t bytes) {
  std::string text;
  int in_sentence = 0;
  while (text.size() < bytes) {
    text += random.Pick(kTimes);
    if (++in_sentence == 12) {
      text += ". ";
      in_sentence = 0;
    } else {
      text += random.Next() % 3 == 0 ? " and " : ", ";
    }
  }
  return text;
}

// Reported speech without full stops: every clause names a source.
std::string Quotes(Random& random, size_t bytes) {
  std::string text;
  while (text.size() < bytes) {
    text += "\"fighting went on " + std::string(random.Pick(kTimes)) + ",\" " + random.Pick(kPeople) + " " +
            random.Pick(kVerbs) + ", and " + random.Pick(kGroups) + " " + random.Pick(kVerbs) + " that " +
            random.Pick(kPlaces) + " had been shelled, according to officials, ";
  }
  return text;
}

std::string Mixed(size_t bytes) {
  std::string text;
  for (uint64_t i = 0; text.size() < bytes; ++i) {
    text += casus::bench::GenerateArticle(i, false).text;
    text += "\n\n";
  }
  return text;
}

std::vector<std::string> Split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) out.push_back(item);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace casus;
  std::vector<std::string> sizes = {"1", "2", "4", "8"};
  std::vector<std::string> kinds = {"names", "numbers", "dates", "quotes", "mixed"};
  bool budget = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--sizes") && i + 1 < argc) {
      sizes = Split(argv[++i]);
    } else if (!std::strcmp(argv[i], "--kinds") && i + 1 < argc) {
      kinds = Split(argv[++i]);
    } else if (!std::strcmp(argv[i], "--no-budget")) {
      budget = false;
    } else {
      std::fprintf(stderr, "usage: %s [--sizes 1,2,4,8] [--kinds names,numbers,dates,quotes,mixed] [--no-budget]\n",
                   argv[0]);
      return 2;
    }
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().message().c_str());
    return 1;
  }
  if (!budget) pipeline->set_time_limit(std::chrono::milliseconds(0));
  bool header = false;
  for (const std::string& kind : kinds) {
    for (const std::string& size : sizes) {
      const size_t bytes = static_cast<size_t>(std::stod(size) * 1024 * 1024);
      Random random;
      std::string text = kind == "names"     ? Names(random, bytes)
                         : kind == "numbers" ? Numbers(random, bytes)
                         : kind == "dates"   ? Dates(random, bytes)
                         : kind == "quotes"  ? Quotes(random, bytes)
                         : kind == "mixed"   ? Mixed(bytes)
                                             : std::string();
      if (text.empty()) {
        std::fprintf(stderr, "unknown kind '%s'\n", kind.c_str());
        return 2;
      }
      const double megabytes = static_cast<double>(text.size()) / (1024.0 * 1024.0);
      Document document = ingest::ParseCrawlText(std::move(text), kind, "bench");
      document.metadata.published = "2024-03-14";
      StageTimings timings = pipeline->NewTimings();
      auto start = std::chrono::steady_clock::now();
      Status status = pipeline->Run(document, &timings);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!header) {
        std::printf("%-8s %6s %9s", "kind", "MB", "s/MB");
        for (const std::string& name : timings.names) std::printf(" %12s", name.c_str());
        std::printf("  %8s  %s\n", "peak MB", "outcome");
        header = true;
      }
      std::printf("%-8s %6.1f %9.3f", kind.c_str(), megabytes, seconds / megabytes);
      for (const auto& total : timings.totals) {
        std::printf(" %12.3f", std::chrono::duration<double>(total).count() / megabytes);
      }
      std::printf("  %8.0f  %s\n", bench::PeakRssMegabytes(),
                  status.ok() ? (std::to_string(document.sentences.size()) + " sentences, " +
                                 std::to_string(document.time_expressions.size()) + " dates, " +
                                 std::to_string(document.casualties.size()) + " claims, " +
                                 std::to_string(document.entities.size()) + " entities")
                                    .c_str()
                              : status.message().c_str());
      std::fflush(stdout);
    }
  }
  return 0;
}
