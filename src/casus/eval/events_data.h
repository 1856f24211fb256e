// Readers and scores for the data the events layer is measured on (see ../shared/eval):
// PLOVER gold-standard records (one sentence each, an event category and the source and
// target actors' codes) and CASE 2021 task 2 snippets (one ACLED sub-event type each).
#ifndef CASUS_EVAL_EVENTS_DATA_H_
#define CASUS_EVAL_EVENTS_DATA_H_

#include <map>
#include <string>
#include <vector>

#include "casus/core/status.h"

namespace casus::eval {

struct PloverRecord {
  std::string id;
  std::string text;
  std::string category;  // a PLOVER 2021 category (older labels mapped: DEMAND -> REQUEST, ...)
  std::vector<std::string> source_codes, target_codes;  // "LBY", "MNEGOV"
};

// PLOVER_GSR_CAMEO.txt (trailing commas tolerated). The older labels are read as the 2021
// manual's: DEMAND as REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE, FIGHT as ASSAULT;
// records without a category of the 16 (DOCUMENT) are left out.
Result<std::vector<PloverRecord>> ReadPloverRecords(const std::string& path);

struct CaseSnippet {
  std::string id;
  std::string text;
  std::string label;  // "AIR_STRIKE", ..., or one of the five labels that are no ACLED event
};

// CASE 2021 task 2 dev.tsv: id, EventSnippet, SubType.
Result<std::vector<CaseSnippet>> ReadCaseSnippets(const std::string& path);

// Counts per class for accuracy and F1 over a set of classes.
struct ClassScores {
  int total = 0, correct = 0;
  std::map<std::string, int> gold, system, matched;  // per class
  void Add(const std::string& gold_class, const std::string& system_class);
  double Accuracy() const { return total == 0 ? 0 : static_cast<double>(correct) / total; }
  // F1 of each class in `classes` averaged: equally (macro) or by gold support (weighted).
  double MacroF1(const std::vector<std::string>& classes) const;
  double WeightedF1(const std::vector<std::string>& classes) const;
  double F1(const std::string& c) const;
};

}  // namespace casus::eval

#endif  // CASUS_EVAL_EVENTS_DATA_H_
