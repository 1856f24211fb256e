#include "casus/eval/claims_data.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "casus/core/calendar.h"
#include "casus/core/text.h"

namespace casus::eval {
namespace {

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, path + ": cannot read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t i = 0;
  while (true) {
    size_t j = line.find('\t', i);
    fields.push_back(line.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return fields;
}

// Byte offset of each code point of `text` (and one past the end).
std::vector<uint32_t> CodePointOffsets(const std::string& text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(static_cast<uint32_t>(i));
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

}  // namespace

Result<std::vector<CountedArticle>> ReadGvdb(const std::string& path) {
  Result<std::string> data = ReadAll(path);
  if (!data.ok()) return data.status();
  std::vector<CountedArticle> articles;
  std::istringstream in(*data);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) continue;  // header
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() < 5) {
      return Status(ErrorCode::kMalformedInput,
                    path + ":" + std::to_string(number) + ": expected 6 tab-separated fields");
    }
    nlohmann::json annotation = nlohmann::json::parse(fields[4], nullptr, false);
    if (annotation.is_discarded()) {
      return Status(ErrorCode::kMalformedInput, path + ":" + std::to_string(number) + ": malformed JSON annotation");
    }
    CountedArticle article;
    article.id = fields[0];
    article.text = fields[3];
    // The full text opens with the page title, run into the first sentence
    // ("... | abc13.comA man was shot"): the title becomes the headline line.
    const std::string& title = fields[2];
    if (!title.empty() && article.text.compare(0, title.size(), title) == 0) {
      article.text = title + "\n\n" + article.text.substr(title.size());
    }
    article.url = fields[1];
    if (annotation.contains("date-and-time") && annotation["date-and-time"].contains("date") &&
        annotation["date-and-time"]["date"].is_string()) {
      // The date tool wrote "2015-8-23" as well as "2015-08-23".
      int year = 0, month = 0, day = 0;
      const std::string date = annotation["date-and-time"]["date"].get<std::string>();
      if (std::sscanf(date.c_str(), "%d-%d-%d", &year, &month, &day) == 3 && IsValidDate(year, month, day)) {
        article.date = FormatIsoDate(year, month, day);
      }
    }
    if (annotation.contains("victim-section") && annotation["victim-section"].is_array()) {
      for (const auto& victim : annotation["victim-section"]) {
        if (!victim.contains("victim-was") || !victim["victim-was"].is_array()) continue;
        bool killed = false, hurt = false;
        for (const auto& outcome : victim["victim-was"]) {
          if (!outcome.is_string()) continue;
          if (outcome == "killed") killed = true;
          if (outcome == "injured" || outcome == "hospitalized") hurt = true;
        }
        if (killed)
          ++article.killed;
        else if (hurt)
          ++article.injured;
      }
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

Result<std::vector<CountedArticle>> ReadPloverDead(const std::string& path) {
  Result<std::string> data = ReadAll(path);
  if (!data.ok()) return data.status();
  // The file has trailing commas before '}' and ']'.
  std::string cleaned = std::regex_replace(*data, std::regex(",(\\s*[}\\]])"), "$1");
  nlohmann::json records = nlohmann::json::parse(cleaned, nullptr, false);
  if (records.is_discarded() || !records.is_array()) {
    return Status(ErrorCode::kMalformedInput, path + ": not a JSON array of PLOVER records");
  }
  std::vector<CountedArticle> articles;
  for (const auto& record : records) {
    if (!record.is_object() || !record.contains("dead") || !record.contains("text")) continue;
    // Fields of the wrong type are skipped, never thrown over (nlohmann's get throws).
    const auto& text = record["text"];
    const auto& dead = record["dead"];
    if (!text.is_string() || !(dead.is_string() || dead.is_number_integer())) continue;
    CountedArticle article;
    if (record.contains("id") && record["id"].is_string()) article.id = record["id"].get<std::string>();
    article.text = text.get<std::string>();
    const int64_t count = dead.is_string() ? LeadingInteger(dead.get<std::string>()) : dead.get<int64_t>();
    article.killed = static_cast<int>(std::clamp<int64_t>(count, 0, 1'000'000'000));
    articles.push_back(std::move(article));
  }
  return articles;
}

Result<std::vector<AttributionDocument>> ReadPolnear(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code error;
  for (fs::directory_iterator it(dir + "/attributions", error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".ann") files.push_back(it->path().string());
  }
  if (error || files.empty()) return Status(ErrorCode::kNotFound, dir + "/attributions: no .ann files");
  std::sort(files.begin(), files.end());
  std::vector<AttributionDocument> documents;
  for (const std::string& file : files) {
    std::string stem = fs::path(file).stem().string();
    std::string base = stem.substr(0, stem.rfind('_'));
    Result<std::string> text = ReadAll(dir + "/text/" + base + ".txt");
    Result<std::string> ann = ReadAll(file);
    if (!text.ok()) return text.status();
    if (!ann.ok()) return ann.status();
    std::vector<uint32_t> bytes = CodePointOffsets(*text);
    auto byte = [&](long c) { return bytes[std::clamp<long>(c, 0, static_cast<long>(bytes.size()) - 1)]; };
    AttributionDocument doc;
    doc.id = stem;
    doc.text = *text;
    std::map<std::string, Span> spans;
    std::vector<std::string> events;
    std::istringstream in(*ann);
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> fields = SplitTabs(line);
      if (fields.size() < 2) continue;
      if (line[0] == 'T') {
        // "Content 115 290" or discontinuous "Content 115 290;300 400"
        std::istringstream parts(fields[1]);
        std::string type;
        parts >> type;
        std::string rest;
        std::getline(parts, rest);
        long first = -1, last = -1;
        for (char& c : rest) {
          if (c == ';') c = ' ';
        }
        std::istringstream numbers(rest);
        long value;
        while (numbers >> value) {
          if (first < 0) first = value;
          last = value;
        }
        if (first >= 0) spans[fields[0]] = Span{byte(std::min(first, last)), byte(std::max(first, last))};
      } else if (line[0] == 'E') {
        events.push_back(fields[1]);
      }
    }
    for (const std::string& event : events) {
      GoldAttribution gold;
      std::istringstream parts(event);
      std::string part;
      bool has_content = false;
      while (parts >> part) {
        size_t colon = part.find(':');
        if (colon == std::string::npos) continue;
        std::string role = part.substr(0, colon);
        auto it = spans.find(part.substr(colon + 1));
        if (it == spans.end()) continue;
        if (role.rfind("Source", 0) == 0) gold.source = it->second;
        if (role.rfind("Cue", 0) == 0) gold.cue = it->second;
        if (role.rfind("Content", 0) == 0) {
          gold.content = has_content ? Span{std::min(gold.content.begin, it->second.begin),
                                            std::max(gold.content.end, it->second.end)}
                                     : it->second;
          has_content = true;
        }
      }
      if (!has_content) continue;
      std::string_view content = gold.content.Of(doc.text);
      gold.direct = !content.empty() && (content[0] == '"' || content.rfind("\u201C", 0) == 0);
      doc.attributions.push_back(gold);
    }
    documents.push_back(std::move(doc));
  }
  return documents;
}

}  // namespace casus::eval
