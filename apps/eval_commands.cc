// `casus eval timex DIR`: runs the standard pipeline over every TimeML file under DIR
// (the <DCT> date as publication date) and prints TempEval-3 scores: span precision,
// recall and F1 (strict and relaxed), value F1, type accuracy, and the same for
// relative expressions; --errors N lists examples of each kind of error.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "apps/commands.h"
#include "casus/engine/engine.h"
#include "casus/eval/timeml.h"

namespace casus::cli {
namespace {

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

void PrintRow(const char* name, int matched_system, int system, int matched_gold, int gold) {
  double p = Ratio(matched_system, system);
  double r = Ratio(matched_gold, gold);
  std::printf("  %-22s %9.3f %7.3f %7.3f\n", name, p, r, F1(p, r));
}

}  // namespace

int RunEvalTimex(const EvalArgs& args) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(args.path, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path().string());
  }
  if (error || files.empty()) {
    std::fprintf(stderr, "casus: %s: no TimeML (.tml) files found%s\n", args.path.c_str(),
                 error ? (" (" + error.message() + ")").c_str() : "");
    return kExitSomeFailed;
  }
  std::sort(files.begin(), files.end());
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  eval::TimexCounts total;
  std::vector<eval::TimexError> errors;
  int failed = 0;
  for (const std::string& path : files) {
    Result<eval::TimeMlDocument> gold = eval::ReadTimeMl(path);
    if (!gold.ok()) {
      std::fprintf(stderr, "%s\n", gold.status().message().c_str());
      ++failed;
      continue;
    }
    Document document(gold->id, path, SourceFormat::kCrawlText, gold->text);
    document.metadata.published = gold->creation_date;
    if (Status status = pipeline->Run(document); !status.ok()) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      ++failed;
      continue;
    }
    total.Add(eval::ScoreTimex(*gold, document.time_expressions, args.errors > 0 ? &errors : nullptr));
  }
  std::printf("TimeML evaluation of %s: %zu documents, %d gold and %d system expressions\n", args.path.c_str(),
              files.size() - failed, total.gold, total.system);
  std::printf("  %-22s %9s %7s %7s\n", "", "precision", "recall", "F1");
  PrintRow("span, strict", total.strict, total.system, total.strict, total.gold);
  PrintRow("span, relaxed", total.relaxed, total.system, total.relaxed, total.gold);
  PrintRow("value", total.value_correct, total.system, total.value_correct, total.gold);
  std::printf("  %-22s %9.3f (of relaxed matches)\n", "type accuracy", Ratio(total.type_correct, total.relaxed));
  std::printf("  %-22s %9.3f (of relaxed matches)\n", "value accuracy", Ratio(total.value_correct, total.relaxed));
  std::printf("relative expressions (gold temporalFunction=true: %d; system, resolved from an anchor: %d)\n",
              total.gold_relative, total.system_relative);
  std::printf("  %-22s %9s %7.3f\n", "span recall, relaxed", "", Ratio(total.relaxed_relative, total.gold_relative));
  std::printf("  %-22s %9s %7.3f\n", "value recall", "", Ratio(total.value_correct_relative, total.gold_relative));
  std::printf("  %-22s %9.3f (of relaxed matches)\n", "value accuracy",
              Ratio(total.value_correct_relative, total.relaxed_relative));
  if (args.errors > 0) {
    std::map<std::string, int> shown;
    for (const eval::TimexError& e : errors) {
      if (!args.kind.empty() && e.kind != args.kind) continue;
      if (shown[e.kind]++ >= args.errors) continue;
      std::printf("%-8s '%s' gold=%s system=%s\n         ...%s...\n", e.kind.c_str(), e.text.c_str(),
                  e.expected.c_str(), e.got.c_str(), e.context.c_str());
    }
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace casus::cli
