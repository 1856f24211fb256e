// TimeML reading and TIMEX3 scoring, for `casus eval timex` on TempEval-3 data.
//
// ReadTimeMl takes a .tml file: the document creation time from <DCT>, the text of
// <TEXT> with every tag removed and entities decoded, and each <TIMEX3> in it as a
// gold span with its type, value and whether it is relative (temporalFunction). Scoring
// follows TempEval-3: one-to-one matching, strict (same span) and relaxed (overlap)
// span precision/recall/F1, and value F1 over relaxed matches with equal values (equal
// after writing week numbers with two digits and hours with minutes: "2000-W7" is
// "2000-W07", "T17" is "T17:00").
#ifndef CASUS_EVAL_TIMEML_H_
#define CASUS_EVAL_TIMEML_H_

#include <string>
#include <string_view>
#include <vector>

#include "casus/core/document.h"
#include "casus/core/status.h"

namespace casus::eval {

struct GoldTimex {
  Span span;
  std::string type;  // "DATE", "TIME", "DURATION", "SET"
  std::string value;
  bool relative = false;
};

struct TimeMlDocument {
  std::string id;
  std::string text;
  std::string creation_date;  // "YYYY-MM-DD"
  std::vector<GoldTimex> gold;
};

Result<TimeMlDocument> ReadTimeMl(const std::string& path);

struct TimexCounts {
  int gold = 0, system = 0;
  int strict = 0, relaxed = 0;  // matched pairs
  int value_correct = 0, type_correct = 0;
  // Relative gold expressions only.
  int gold_relative = 0, relaxed_relative = 0, value_correct_relative = 0, system_relative = 0;
  void Add(const TimexCounts& other);
};

struct TimexError {
  std::string kind;  // "missed", "spurious", "value", "span"
  std::string text, expected, got, context;
  std::string document;  // "ID, created YYYY-MM-DD"
};

// True when two TIMEX3 values say the same, spelled alike or not ("2000-W7", "2000-W07").
bool SameTimexValue(std::string_view system, std::string_view gold);

// Scores one document; appends every error to `errors` when given, each naming the document.
TimexCounts ScoreTimex(const TimeMlDocument& gold, const std::vector<TimeExpression>& system,
                       std::vector<TimexError>* errors = nullptr);

}  // namespace casus::eval

#endif  // CASUS_EVAL_TIMEML_H_
