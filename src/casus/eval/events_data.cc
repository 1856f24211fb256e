// Reading PLOVER records and CASE snippets, and per-class scores (see events_data.h).
#include "casus/eval/events_data.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace casus::eval {
namespace {

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, path + ": cannot read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Category(const std::string& label) {
  if (label == "DEMAND") return "REQUEST";
  if (label == "DISAPPROVE" || label == "INVESTIGATE") return "ACCUSE";
  if (label == "FIGHT") return "ASSAULT";
  static const char* const kCategories[] = {"AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                            "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",  "PROTEST",
                                            "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};
  for (const char* c : kCategories) {
    if (label == c) return label;
  }
  return "";
}

std::vector<std::string> Codes(const nlohmann::json& actors) {
  std::vector<std::string> codes;
  if (!actors.is_array()) return codes;
  for (const auto& actor : actors) {
    if (!actor.is_object() || !actor.contains("code") || !actor["code"].is_string()) continue;
    std::string code = actor["code"].get<std::string>();
    if (actor.contains("sector") && actor["sector"].is_string()) code += actor["sector"].get<std::string>();
    codes.push_back(code);
  }
  return codes;
}

}  // namespace

Result<std::vector<PloverRecord>> ReadPloverRecords(const std::string& path) {
  Result<std::string> data = ReadAll(path);
  if (!data.ok()) return data.status();
  const std::string cleaned = std::regex_replace(*data, std::regex(",(\\s*[}\\]])"), "$1");
  nlohmann::json records = nlohmann::json::parse(cleaned, nullptr, false);
  if (records.is_discarded() || !records.is_array()) {
    return Status(ErrorCode::kMalformedInput, path + ": not a JSON array of PLOVER records");
  }
  std::vector<PloverRecord> out;
  for (const auto& record : records) {
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string() || !record.contains("event") ||
        !record["event"].is_string()) {
      continue;
    }
    PloverRecord r;
    r.category = Category(record["event"].get<std::string>());
    if (r.category.empty()) continue;
    if (record.contains("id") && record["id"].is_string()) r.id = record["id"].get<std::string>();
    r.text = record["text"].get<std::string>();
    if (record.contains("source")) r.source_codes = Codes(record["source"]);
    if (record.contains("target")) r.target_codes = Codes(record["target"]);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<CaseSnippet>> ReadCaseSnippets(const std::string& path) {
  Result<std::string> data = ReadAll(path);
  if (!data.ok()) return data.status();
  std::vector<CaseSnippet> out;
  std::istringstream in(*data);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number == 1) continue;  // header
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t a = line.find('\t');
    const size_t b = line.rfind('\t');
    if (a == std::string::npos || b == a) {
      return Status(ErrorCode::kMalformedInput,
                    path + ":" + std::to_string(number) + ": expected 3 tab-separated fields");
    }
    out.push_back(CaseSnippet{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}

void ClassScores::Add(const std::string& gold_class, const std::string& system_class) {
  ++total;
  correct += gold_class == system_class;
  ++gold[gold_class];
  ++system[system_class];
  if (gold_class == system_class) ++matched[gold_class];
}

double ClassScores::F1(const std::string& c) const {
  auto get = [](const std::map<std::string, int>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  };
  const int tp = get(matched, c), g = get(gold, c), s = get(system, c);
  if (g + s == 0) return 0;
  return 2.0 * tp / (g + s);
}

double ClassScores::MacroF1(const std::vector<std::string>& classes) const {
  double sum = 0;
  int counted = 0;
  for (const std::string& c : classes) {
    auto g = gold.find(c);
    auto s = system.find(c);
    if ((g == gold.end() || g->second == 0) && (s == system.end() || s->second == 0)) continue;
    sum += F1(c);
    ++counted;
  }
  return counted == 0 ? 0 : sum / counted;
}

double ClassScores::WeightedF1(const std::vector<std::string>& classes) const {
  double sum = 0;
  int support = 0;
  for (const std::string& c : classes) {
    auto g = gold.find(c);
    if (g == gold.end()) continue;
    sum += F1(c) * g->second;
    support += g->second;
  }
  return support == 0 ? 0 : sum / support;
}

}  // namespace casus::eval
