// `casus eval plover FILE` and `casus eval acled FILE`: the events layer against PLOVER
// gold-standard records (category accuracy and macro-F1 of each record's main event,
// and whether its actor and target have the gold countries) and against CASE 2021 task
// 2 snippets (accuracy, macro- and weighted F1 over the 25 ACLED sub-event types; the
// task's five other labels count as "no ACLED event"). --errors N lists mistakes.
#include <algorithm>
#include <string>
#include <vector>

#include "apps/cli_support.h"
#include "apps/commands.h"
#include "casus/annotate/events/event_tagger.h"
#include "casus/engine/engine.h"
#include "casus/eval/events_data.h"

namespace casus::cli {
namespace {

const std::vector<std::string>& PloverCategories() {
  static const std::vector<std::string> kCategories = {
      "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
      "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};
  return kCategories;
}

const std::vector<std::string>& AcledCodes() {
  static const std::vector<std::string> kCodes = {"ARMED_CLASH",
                                                  "GOV_REGAINS_TERIT",
                                                  "NON_STATE_ACTOR_OVERTAKES_TER",
                                                  "CHEM_WEAP",
                                                  "AIR_STRIKE",
                                                  "SUIC_BOMB",
                                                  "ART_MISS_ATTACK",
                                                  "REM_EXPLOS",
                                                  "GRENADE",
                                                  "SEX_VIOL",
                                                  "ATTACK",
                                                  "ABDUCT_DISSAP",
                                                  "PEACE_PROTEST",
                                                  "PROTEST_WITH_INTER",
                                                  "FORCE_AGAINST_PROTEST",
                                                  "VIOL_DEMONSTR",
                                                  "MOB_VIOL",
                                                  "AGREEMENT",
                                                  "ARREST",
                                                  "CHANGE_TO_GROUP_ACT",
                                                  "DISR_WEAP",
                                                  "HQ_ESTABLISHED",
                                                  "PROPERTY_DISTRUCT",
                                                  "NON_VIOL_TERRIT_TRANSFER",
                                                  "OTHER"};
  return kCodes;
}

// Whether any of `codes` names the country of any gold code (its first three letters).
bool SameCountry(const std::vector<std::string>& gold, const std::vector<std::string>& system) {
  for (const std::string& g : gold) {
    for (const std::string& s : system) {
      if (g.size() >= 3 && s.size() >= 3 && g.compare(0, 3, s, 0, 3) == 0) return true;
    }
  }
  return false;
}

std::string Describe(const Document& document) {
  std::string out;
  for (const EventMention& e : document.events) {
    out += "    " + e.plover + (e.mode.empty() ? "" : "[" + e.mode + "]") + " '" +
           std::string(document.Text(e.trigger)) + "' " + EventModalityName(e.modality) +
           (e.acled.empty() ? "" : " " + e.acled) + (e.governor >= 0 ? " (governed)" : "") + "\n";
  }
  return out.empty() ? "    (no events)\n" : out;
}

}  // namespace

int RunEvalPlover(const EvalArgs& args) {
  Result<std::vector<eval::PloverRecord>> records = eval::ReadPloverRecords(args.path);
  if (!records.ok()) {
    PrintError("casus: %s\n", records.status().message().c_str());
    return kExitSomeFailed;
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  eval::ClassScores scores;
  int actor_gold = 0, actor_right = 0, target_gold = 0, target_right = 0, shown = 0;
  for (const eval::PloverRecord& record : *records) {
    Document document(record.id, args.path, SourceFormat::kJsonLines, record.text);
    if (Status status = pipeline->Run(document); !status.ok()) {
      PrintError("%s\n", status.message().c_str());
      continue;
    }
    const int32_t main = events::MainEvent(document);
    const std::string system = main >= 0 ? events::CodedCategory(document.events[main]) : "(none)";
    scores.Add(record.category, system);
    std::vector<std::string> actors, targets;
    if (main >= 0) {
      for (const EventParticipant& p : document.events[main].actors) actors.push_back(ParticipantCode(document, p));
      for (const EventParticipant& p : document.events[main].targets) {
        targets.push_back(ParticipantCode(document, p));
      }
    }
    if (!record.source_codes.empty()) {
      ++actor_gold;
      const bool right = SameCountry(record.source_codes, actors);
      actor_right += right;
      if (!right && args.kind == "actor" && shown < args.errors) {
        ++shown;
        std::string gold_codes, ours;
        for (const std::string& c : record.source_codes) gold_codes += " " + c;
        for (const std::string& c : actors) ours += " " + c;
        Print("%s: gold actor%s, casus%s\n  %s\n%s", record.id.c_str(), gold_codes.c_str(), ours.c_str(),
              record.text.c_str(), main >= 0 ? ("    main: '" + std::string(document.Text(document.events[main].trigger)) + "'\n").c_str() : "");
      }
    }
    if (!record.target_codes.empty()) {
      ++target_gold;
      target_right += SameCountry(record.target_codes, targets);
    }
    if (system != record.category && shown < args.errors && args.kind != "actor" &&
        (args.kind.empty() || args.kind == record.category)) {
      ++shown;
      Print("%s: gold %s, casus %s\n  %s\n%s", record.id.c_str(), record.category.c_str(), system.c_str(),
            record.text.c_str(), Describe(document).c_str());
    }
  }
  Print("PLOVER evaluation of %s: %d records\n", args.path.c_str(), scores.total);
  Print("  category accuracy       %.3f\n", scores.Accuracy());
  Print("  category macro-F1       %.3f\n", scores.MacroF1(PloverCategories()));
  Print("  actor country accuracy  %.3f (%d records with a source)\n",
        actor_gold == 0 ? 0.0 : static_cast<double>(actor_right) / actor_gold, actor_gold);
  Print("  target country accuracy %.3f (%d records with a target)\n",
        target_gold == 0 ? 0.0 : static_cast<double>(target_right) / target_gold, target_gold);
  Print("  %-10s %6s %6s %6s %6s\n", "category", "gold", "casus", "right", "F1");
  for (const std::string& c : PloverCategories()) {
    Print("  %-10s %6d %6d %6d %6.3f\n", c.c_str(), scores.gold[c], scores.system[c], scores.matched[c], scores.F1(c));
  }
  return kExitOk;
}

int RunEvalAcled(const EvalArgs& args) {
  Result<std::vector<eval::CaseSnippet>> snippets = eval::ReadCaseSnippets(args.path);
  if (!snippets.ok()) {
    PrintError("casus: %s\n", snippets.status().message().c_str());
    return kExitSomeFailed;
  }
  Result<Pipeline> pipeline = MakeStandardPipeline();
  if (!pipeline.ok()) return kExitSomeFailed;
  const std::vector<std::string>& codes = AcledCodes();
  eval::ClassScores scores;
  int shown = 0;
  for (const eval::CaseSnippet& snippet : *snippets) {
    Document document(snippet.id, args.path, SourceFormat::kJsonLines, snippet.text);
    if (Status status = pipeline->Run(document); !status.ok()) {
      PrintError("%s\n", status.message().c_str());
      continue;
    }
    const bool acled_gold = std::find(codes.begin(), codes.end(), snippet.label) != codes.end();
    const std::string gold = acled_gold ? snippet.label : "(none)";
    std::string system = events::MainAcled(document);
    if (system.empty()) system = "(none)";
    scores.Add(gold, system);
    if (system != gold && shown < args.errors && (args.kind.empty() || args.kind == gold || args.kind == system)) {
      ++shown;
      Print("%s: gold %s (%s), casus %s\n  %s\n%s", snippet.id.c_str(), gold.c_str(), snippet.label.c_str(),
            system.c_str(), snippet.text.c_str(), Describe(document).c_str());
    }
  }
  Print("ACLED evaluation of %s: %d snippets\n", args.path.c_str(), scores.total);
  Print("  accuracy     %.3f\n", scores.Accuracy());
  Print("  macro-F1     %.3f (25 ACLED sub-event types)\n", scores.MacroF1(codes));
  Print("  weighted F1  %.3f\n", scores.WeightedF1(codes));
  Print("  %-30s %5s %5s %5s %6s\n", "sub-event type", "gold", "casus", "right", "F1");
  std::vector<std::string> rows = codes;
  rows.push_back("(none)");
  for (const std::string& c : rows) {
    Print("  %-30s %5d %5d %5d %6.3f\n", c.c_str(), scores.gold[c], scores.system[c], scores.matched[c], scores.F1(c));
  }
  return kExitOk;
}

}  // namespace casus::cli
