// A small tag walker for TimeML (no XML library: the files are regular, and a
// malformed one is reported, not guessed at), and one-to-one span matching.
#include "casus/eval/timeml.h"

#include <cctype>

#include <fstream>
#include <sstream>

#include "casus/core/text.h"

namespace casus::eval {
namespace {

std::string Attribute(std::string_view tag, std::string_view name) {
  std::string needle = " " + std::string(name) + "=\"";
  size_t at = tag.find(needle);
  if (at == std::string_view::npos) return "";
  size_t begin = at + needle.size();
  size_t end = tag.find('"', begin);
  return end == std::string_view::npos ? "" : std::string(tag.substr(begin, end - begin));
}

// Appends `raw` to `out`, decoding the five XML entities.
void AppendDecoded(std::string_view raw, std::string* out) {
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool decoded = false;
      for (const auto& [entity, c] : kEntities) {
        std::string_view e(entity);
        if (raw.substr(i, e.size()) == e) {
          out->push_back(c);
          i += e.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out->push_back(raw[i++]);
  }
}

}  // namespace

Result<TimeMlDocument> ReadTimeMl(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIoError, path + ": cannot read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string xml = buffer.str();
  TimeMlDocument document;
  size_t slash = path.find_last_of('/');
  document.id = path.substr(slash == std::string::npos ? 0 : slash + 1);
  size_t dct = xml.find("<DCT>");
  if (dct != std::string::npos) {
    size_t tag_end = xml.find('>', xml.find("<TIMEX3", dct));
    if (tag_end != std::string::npos) {
      std::string value = Attribute(std::string_view(xml).substr(dct, tag_end - dct), "value");
      document.creation_date = value.substr(0, 10);
    }
  }
  size_t text_begin = xml.find("<TEXT>");
  size_t text_end = xml.find("</TEXT>");
  if (text_begin == std::string::npos || text_end == std::string::npos || text_end < text_begin) {
    return Status(ErrorCode::kMalformedInput, path + ": no <TEXT> element");
  }
  std::string_view body = std::string_view(xml).substr(text_begin + 6, text_end - text_begin - 6);
  std::vector<GoldTimex> open;
  size_t i = 0;
  while (i < body.size()) {
    size_t lt = body.find('<', i);
    if (lt == std::string_view::npos) lt = body.size();
    AppendDecoded(body.substr(i, lt - i), &document.text);
    if (lt == body.size()) break;
    size_t gt = body.find('>', lt);
    if (gt == std::string_view::npos) return Status(ErrorCode::kMalformedInput, path + ": unclosed tag");
    std::string_view tag = body.substr(lt, gt - lt + 1);
    if (tag.rfind("<TIMEX3", 0) == 0) {
      GoldTimex timex;
      timex.span.begin = static_cast<uint32_t>(document.text.size());
      timex.type = Attribute(tag, "type");
      timex.value = Attribute(tag, "value");
      timex.relative = Attribute(tag, "temporalFunction") == "true";
      if (tag.size() >= 2 && tag[tag.size() - 2] == '/') {
        timex.span.end = timex.span.begin;  // empty (implicit) timex: not in the text
      } else {
        open.push_back(timex);
      }
    } else if (tag.rfind("</TIMEX3", 0) == 0 && !open.empty()) {
      GoldTimex timex = open.back();
      open.pop_back();
      timex.span.end = static_cast<uint32_t>(document.text.size());
      if (!timex.span.empty()) document.gold.push_back(timex);
    }
    i = gt + 1;
  }
  return document;
}

void TimexCounts::Add(const TimexCounts& o) {
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  value_correct += o.value_correct;
  type_correct += o.type_correct;
  gold_relative += o.gold_relative;
  relaxed_relative += o.relaxed_relative;
  value_correct_relative += o.value_correct_relative;
  system_relative += o.system_relative;
}

// A value in one spelling: week numbers with two digits ("2000-W7" -> "2000-W07") and a
// bare hour with its minutes ("T17" -> "T17:00"), as some TimeBank files write them.
std::string CanonicalTimexValue(std::string_view value) {
  std::string out(value);
  size_t week = out.find("-W");
  if (week != std::string::npos && week + 3 <= out.size() && std::isdigit(static_cast<unsigned char>(out[week + 2])) &&
      (week + 3 == out.size() || !std::isdigit(static_cast<unsigned char>(out[week + 3])))) {
    out.insert(week + 2, "0");
  }
  size_t t = out.find('T');
  if (t != std::string::npos && t + 3 == out.size() && std::isdigit(static_cast<unsigned char>(out[t + 1])) &&
      std::isdigit(static_cast<unsigned char>(out[t + 2]))) {
    out += ":00";
  }
  return out;
}

bool SameTimexValue(std::string_view system, std::string_view gold) {
  return system == gold || CanonicalTimexValue(system) == CanonicalTimexValue(gold);
}

TimexCounts ScoreTimex(const TimeMlDocument& document, const std::vector<TimeExpression>& system,
                       std::vector<TimexError>* errors) {
  TimexCounts counts;
  counts.gold = static_cast<int>(document.gold.size());
  counts.system = static_cast<int>(system.size());
  std::vector<bool> used(system.size(), false);
  auto context = [&](Span span) {
    size_t begin = span.begin > 60 ? span.begin - 60 : 0;
    size_t end = std::min<size_t>(document.text.size(), span.end + 60);
    std::string out = document.text.substr(begin, end - begin);
    for (char& c : out) {
      if (c == '\n') c = ' ';
    }
    return out;
  };
  for (const TimeExpression& s : system) {
    if (!s.anchor.empty()) ++counts.system_relative;
  }
  const std::string where = document.id + ", created " + document.creation_date;
  for (const GoldTimex& g : document.gold) {
    if (g.relative) ++counts.gold_relative;
    size_t match = system.size();
    for (size_t k = 0; k < system.size(); ++k) {
      if (!used[k] && system[k].span.Overlaps(g.span)) {
        match = k;
        break;
      }
    }
    std::string gold_text = document.text.substr(g.span.begin, g.span.size());
    if (match == system.size()) {
      if (errors != nullptr) errors->push_back({"missed", gold_text, g.value, "", context(g.span), where});
      continue;
    }
    used[match] = true;
    const TimeExpression& s = system[match];
    ++counts.relaxed;
    if (s.span == g.span) ++counts.strict;
    const bool same_value = SameTimexValue(s.value, g.value);
    if (same_value) ++counts.value_correct;
    if (TimexTypeName(s.type) == g.type) ++counts.type_correct;
    if (g.relative) {
      ++counts.relaxed_relative;
      if (same_value) ++counts.value_correct_relative;
    }
    std::string system_text = document.text.substr(s.span.begin, s.span.size());
    if (errors != nullptr && !same_value) {
      errors->push_back({"value", gold_text, g.value, s.value + " [" + system_text + "]", context(g.span), where});
    } else if (errors != nullptr && !(s.span == g.span)) {
      errors->push_back({"span", gold_text, g.value, system_text, context(g.span), where});
    }
  }
  for (size_t k = 0; k < system.size(); ++k) {
    if (!used[k] && errors != nullptr) {
      errors->push_back({"spurious", document.text.substr(system[k].span.begin, system[k].span.size()), "",
                         system[k].value, context(system[k].span), where});
    }
  }
  return counts;
}

}  // namespace casus::eval
