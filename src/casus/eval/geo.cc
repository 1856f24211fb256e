// LGL reading and toponym scoring (see geo.h).
#include "casus/eval/geo.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "casus/core/text.h"
#include "casus/lexicon/gazetteer.h"

namespace casus::eval {
namespace {

// The text between <tag> and </tag> from `from`, or empty; `end` gets where it ended.
std::string_view Element(std::string_view xml, std::string_view tag, size_t from, size_t limit, size_t* end) {
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  size_t at = xml.find(open, from);
  if (at == std::string_view::npos || at >= limit) return {};
  const size_t body = xml.find('>', at);
  if (body == std::string_view::npos) return {};
  const size_t stop = xml.find(close, body);
  if (stop == std::string_view::npos || stop > limit) return {};
  if (end) *end = stop + close.size();
  return xml.substr(body + 1, stop - body - 1);
}

std::string_view Strip(std::string_view text) {
  if (text.substr(0, 9) == "<![CDATA[" && text.size() >= 12 && text.substr(text.size() - 3) == "]]>") {
    return text.substr(9, text.size() - 12);
  }
  return text;
}

// Byte offset of character `index` (UTF-8), or npos past the end.
size_t ByteOfChar(std::string_view text, size_t index) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == index) return i;
    ++chars;
  }
  return chars == index ? text.size() : std::string_view::npos;
}

std::string Context(const Document& document, Span span) {
  const std::string& text = document.text();
  size_t begin = span.begin > 60 ? span.begin - 60 : 0;
  size_t end = std::min<size_t>(text.size(), span.end + 60);
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  std::string out = text.substr(begin, end - begin);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

Result<std::vector<GeoArticle>> ReadLgl(const std::string& path, int* skipped) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, path + ": cannot read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string xml = buffer.str();
  std::vector<GeoArticle> articles;
  *skipped = 0;
  size_t pos = 0;
  while (true) {
    const size_t start = xml.find("<article ", pos);
    if (start == std::string::npos) break;
    const size_t stop = xml.find("</article>", start);
    if (stop == std::string::npos) return Status(ErrorCode::kMalformedInput, path + ": unterminated <article>");
    pos = stop + 10;
    GeoArticle article;
    const size_t id_at = xml.find("docid=\"", start);
    if (id_at != std::string::npos && id_at < stop) {
      article.id = xml.substr(id_at + 7, xml.find('"', id_at + 7) - id_at - 7);
    }
    article.text = std::string(Strip(Element(xml, "text", start, stop, nullptr)));
    article.published = std::string(Element(xml, "dltime", start, stop, nullptr).substr(0, 10));
    size_t cursor = start;
    size_t end = 0;
    while (true) {
      const std::string_view toponym = Element(xml, "toponym", cursor, stop, &end);
      if (toponym.empty()) break;
      cursor = end;
      GoldToponym gold;
      gold.phrase = std::string(Element(toponym, "phrase", 0, toponym.size(), nullptr));
      const std::string begin_text(Element(toponym, "start", 0, toponym.size(), nullptr));
      const std::string end_text(Element(toponym, "end", 0, toponym.size(), nullptr));
      const std::string lat(Element(toponym, "lat", 0, toponym.size(), nullptr));
      const std::string lon(Element(toponym, "lon", 0, toponym.size(), nullptr));
      gold.feature = std::string(Element(toponym, "fcode", 0, toponym.size(), nullptr));
      // Offsets and coordinates read without exceptions: a toponym that does not parse
      // is skipped and counted, like one whose phrase differs from the text.
      const std::optional<int64_t> begin_char = ParseDigits(begin_text), end_char = ParseDigits(end_text);
      const size_t b = begin_char ? ByteOfChar(article.text, static_cast<size_t>(*begin_char)) : std::string::npos;
      const size_t e = end_char ? ByteOfChar(article.text, static_cast<size_t>(*end_char)) : std::string::npos;
      if (b == std::string::npos || e == std::string::npos || e < b ||
          article.text.compare(b, e - b, gold.phrase) != 0) {
        ++*skipped;
        continue;
      }
      gold.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      if (!lat.empty() && !lon.empty()) {
        char* lat_end = nullptr;
        char* lon_end = nullptr;
        gold.lat = std::strtod(lat.c_str(), &lat_end);
        gold.lon = std::strtod(lon.c_str(), &lon_end);
        if (*lat_end != '\0' || *lon_end != '\0' || !std::isfinite(gold.lat) || !std::isfinite(gold.lon)) {
          ++*skipped;
          continue;
        }
        gold.located = true;
      }
      article.toponyms.push_back(std::move(gold));
    }
    articles.push_back(std::move(article));
  }
  if (articles.empty()) return Status(ErrorCode::kMalformedInput, path + ": no <article> elements");
  return articles;
}

void GeoCounts::Add(const GeoCounts& other) {
  gold += other.gold;
  system += other.system;
  strict += other.strict;
  relaxed += other.relaxed;
  gold_located += other.gold_located;
  matched_located += other.matched_located;
  resolved += other.resolved;
  within_161 += other.within_161;
  errors_km.insert(errors_km.end(), other.errors_km.begin(), other.errors_km.end());
}

std::vector<EntityMention> SystemToponyms(const Document& document) {
  const lexicon::Gazetteer& gazetteer = lexicon::Gazetteer::Builtin();
  std::vector<EntityMention> out;
  for (const EntityMention& mention : document.entities) {
    if (mention.in_boilerplate || mention.span.empty()) continue;
    if (mention.kind == EntityKind::kPlace || mention.kind == EntityKind::kCountry) {
      out.push_back(mention);
      continue;
    }
    // "Russian troops", "Israeli Prime Minister": LGL counts the country word inside a
    // group, organisation or title as a toponym; it stands for the mention's country.
    if (mention.country.empty()) continue;
    const std::string_view text = document.Text(mention.span);
    const size_t space = text.find_first_of(" \xE2'");
    const std::string_view first = text.substr(0, space);
    for (uint32_t posting : gazetteer.Find(lexicon::NameKey(first)).postings) {
      const auto p = gazetteer.Resolve(posting);
      if (p.entry->kind != lexicon::PlaceKind::kCountry || mention.country != p.entry->country) continue;
      EntityMention country;
      country.span = Span{mention.span.begin, static_cast<uint32_t>(mention.span.begin + first.size())};
      country.kind = EntityKind::kCountry;
      country.canonical = std::string(gazetteer.Str(p.entry->name));
      country.country = mention.country;
      country.located = true;
      country.lat = p.entry->lat;
      country.lon = p.entry->lon;
      out.push_back(std::move(country));
      break;
    }
  }
  return out;
}

GeoCounts ScoreToponyms(const Document& document, const GeoArticle& gold, std::vector<GeoError>* errors) {
  GeoCounts counts;
  const std::vector<EntityMention> system = SystemToponyms(document);
  counts.gold = static_cast<int>(gold.toponyms.size());
  counts.system = static_cast<int>(system.size());
  std::vector<bool> used(system.size(), false);
  for (const GoldToponym& toponym : gold.toponyms) {
    int match = -1;
    for (size_t i = 0; i < system.size(); ++i) {
      if (used[i] || !system[i].span.Overlaps(toponym.span)) continue;
      if (match < 0 || system[i].span == toponym.span) match = static_cast<int>(i);
    }
    if (toponym.located) ++counts.gold_located;
    if (match < 0) {
      if (errors) errors->push_back({"missed", toponym.phrase, toponym.feature, Context(document, toponym.span)});
      continue;
    }
    used[match] = true;
    const EntityMention& mention = system[match];
    ++counts.relaxed;
    if (mention.span == toponym.span) ++counts.strict;
    if (!toponym.located) continue;
    ++counts.matched_located;
    if (!mention.located) {
      if (errors) errors->push_back({"unresolved", toponym.phrase, toponym.feature, Context(document, toponym.span)});
      continue;
    }
    ++counts.resolved;
    const double km = lexicon::DistanceKm(mention.lat, mention.lon, toponym.lat, toponym.lon);
    counts.errors_km.push_back(km);
    if (km <= 161.0) {
      ++counts.within_161;
    } else if (errors) {
      char detail[160];
      std::snprintf(detail, sizeof detail, "%s %s (%.2f %.2f) is %.0f km from gold (%.2f %.2f)",
                    mention.canonical.c_str(), mention.country.c_str(), mention.lat, mention.lon, km, toponym.lat,
                    toponym.lon);
      errors->push_back({"far", toponym.phrase, detail, Context(document, toponym.span)});
    }
  }
  if (errors) {
    for (size_t i = 0; i < system.size(); ++i) {
      if (used[i]) continue;
      errors->push_back({"spurious", std::string(document.Text(system[i].span)),
                         system[i].canonical + " " + system[i].role, Context(document, system[i].span)});
    }
  }
  return counts;
}

}  // namespace casus::eval
