// The gazetteer image: name keys, validation of a compiled image, and look-up.
//
// Keys fold case and Latin accents so that "Antonio", "António" and "ANTONIO" meet;
// look-up is a binary search over 64-bit key hashes, confirmed against the key text.
#include "casus/lexicon/gazetteer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "casus/core/hash.h"

namespace casus::lexicon {
namespace {

// ASCII folds of U+00C0..U+017F, '|' between them (an empty one drops the letter).
constexpr std::string_view kLatinFolds =
    "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|"
    "i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|"
    "e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|"
    "n|n|n|n|n|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|"
    "u|u|u|w|w|y|y|y|z|z|z|z|z|z|s";

const std::array<std::string_view, 192>& LatinFolds() {
  static const std::array<std::string_view, 192> folds = [] {
    std::array<std::string_view, 192> table{};
    size_t index = 0, begin = 0;
    for (size_t i = 0; i <= kLatinFolds.size() && index < table.size(); ++i) {
      if (i == kLatinFolds.size() || kLatinFolds[i] == '|') {
        table[index++] = kLatinFolds.substr(begin, i - begin);
        begin = i + 1;
      }
    }
    return table;
  }();
  return folds;
}

// A space after what `key` has since `start`, unless it is empty or ends in one.
void AppendSpace(std::string& key, size_t start) {
  if (key.size() > start && key.back() != ' ') key.push_back(' ');
}

}  // namespace

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kSubdivision: return "subdivision";
    case PlaceKind::kCity: return "city";
    case PlaceKind::kRegion: return "region";
    case PlaceKind::kRoad: return "road";
    case PlaceKind::kLandmark: return "landmark";
    case PlaceKind::kWater: return "water";
    case PlaceKind::kFormerCountry: return "former country";
  }
  return "place";
}

bool ParsePlaceKind(std::string_view name, PlaceKind* kind) {
  for (PlaceKind candidate : {PlaceKind::kCountry, PlaceKind::kSubdivision, PlaceKind::kCity, PlaceKind::kRegion,
                              PlaceKind::kRoad, PlaceKind::kLandmark, PlaceKind::kWater, PlaceKind::kFormerCountry}) {
    if (name == PlaceKindName(candidate)) {
      *kind = candidate;
      return true;
    }
  }
  return false;
}

void AppendNameKey(std::string_view text, std::string* out) {
  // Most words are plain ASCII letters and digits: lower-case them and be done.
  bool plain = true;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (!((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9'))) {
      plain = false;
      break;
    }
  }
  if (plain) {
    for (char c : text) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  const auto& folds = LatinFolds();
  std::string& key = *out;
  const size_t start = key.size();
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 'A' && byte <= 'Z') {
      key.push_back(static_cast<char>(byte - 'A' + 'a'));
    } else if (byte == '.') {
      continue;
    } else if (byte == ' ' || byte == '-' || byte == '\t' || byte == '\n' || byte == '\r') {
      AppendSpace(key, start);
    } else if (byte == '`') {
      key.push_back('\'');
    } else if ((byte == 0xC3 || byte == 0xC4 || byte == 0xC5) && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const int code = ((byte & 0x1F) << 6) | (next & 0x3F);
      if (code >= 0xC0 && code < 0x180) {
        key.append(folds[code - 0xC0]);
        ++i;
      } else {
        key.push_back(static_cast<char>(byte));
      }
    } else if (byte == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto last = static_cast<unsigned char>(text[i + 2]);
      if (last == 0x98 || last == 0x99) {  // typographic apostrophes
        key.push_back('\'');
        i += 2;
      } else if (last >= 0x90 && last <= 0x94) {  // hyphens and dashes
        AppendSpace(key, start);
        i += 2;
      } else {
        key.push_back(static_cast<char>(byte));
      }
    } else {
      key.push_back(static_cast<char>(byte));
    }
  }
  while (key.size() > start && key.back() == ' ') key.pop_back();
}

std::string NameKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  AppendNameKey(text, &key);
  return key;
}

uint64_t NameKeyHash(std::string_view key) { return Hash64(key); }

bool AllCapitals(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

Result<Gazetteer> Gazetteer::FromImage(std::string_view image) {
  auto bad = [](const std::string& why) { return Status(ErrorCode::kMalformedInput, "gazetteer image: " + why); };
  if (image.size() < sizeof(GazetteerHeader)) return bad("shorter than its header");
  if (reinterpret_cast<uintptr_t>(image.data()) % alignof(GazetteerKey) != 0) {
    return bad("not aligned");
  }
  GazetteerHeader header;
  std::memcpy(&header, image.data(), sizeof(header));
  if (std::memcmp(header.magic, "CASUSGZ", 8) != 0) return bad("wrong magic");
  if (header.version != kGazetteerVersion) {
    return bad("version " + std::to_string(header.version) + ", expected " + std::to_string(kGazetteerVersion));
  }
  const uint64_t need = sizeof(GazetteerHeader) + uint64_t{header.entry_count} * sizeof(GazetteerEntry) +
                        uint64_t{header.key_count} * sizeof(GazetteerKey) +
                        uint64_t{header.word_count} * sizeof(uint64_t) +
                        uint64_t{header.slot_count} * sizeof(uint32_t) +
                        uint64_t{header.posting_count} * sizeof(uint32_t) + header.pool_size;
  if (need != image.size()) return bad("size does not match its header");
  if (header.pool_size == 0 || image.back() != '\0') return bad("string pool not terminated");
  Gazetteer gazetteer;
  const char* cursor = image.data() + sizeof(GazetteerHeader);
  gazetteer.entries_ = {reinterpret_cast<const GazetteerEntry*>(cursor), header.entry_count};
  cursor += uint64_t{header.entry_count} * sizeof(GazetteerEntry);
  gazetteer.keys_ = {reinterpret_cast<const GazetteerKey*>(cursor), header.key_count};
  cursor += uint64_t{header.key_count} * sizeof(GazetteerKey);
  gazetteer.words_ = {reinterpret_cast<const uint64_t*>(cursor), header.word_count};
  cursor += uint64_t{header.word_count} * sizeof(uint64_t);
  gazetteer.slots_ = {reinterpret_cast<const uint32_t*>(cursor), header.slot_count};
  cursor += uint64_t{header.slot_count} * sizeof(uint32_t);
  gazetteer.postings_ = {reinterpret_cast<const uint32_t*>(cursor), header.posting_count};
  cursor += uint64_t{header.posting_count} * sizeof(uint32_t);
  gazetteer.pool_ = {cursor, header.pool_size};
  for (const GazetteerEntry& entry : gazetteer.entries_) {
    if (entry.name >= header.pool_size || entry.code >= header.pool_size || entry.admin >= header.pool_size ||
        entry.country[3] != '\0') {
      return bad("entry out of range");
    }
  }
  for (size_t i = 0; i < gazetteer.keys_.size(); ++i) {
    const GazetteerKey& key = gazetteer.keys_[i];
    if (key.text >= header.pool_size || uint64_t{key.first} + key.count > header.posting_count ||
        (i > 0 && gazetteer.keys_[i - 1].hash > key.hash)) {
      return bad("key table out of range or unsorted");
    }
  }
  while (gazetteer.country_count_ < gazetteer.entries_.size() &&
         gazetteer.entries_[gazetteer.country_count_].kind == PlaceKind::kCountry) {
    ++gazetteer.country_count_;
  }
  if (!std::is_sorted(gazetteer.words_.begin(), gazetteer.words_.end())) return bad("words unsorted");
  if (header.slot_count == 0 || (header.slot_count & (header.slot_count - 1)) != 0 ||
      header.slot_count <= header.key_count) {
    return bad("hash table size");
  }
  for (uint32_t slot : gazetteer.slots_) {
    if (slot > header.key_count) return bad("hash table out of range");
  }
  for (uint32_t posting : gazetteer.postings_) {
    if ((posting & kPostingEntryMask) >= header.entry_count) return bad("posting out of range");
  }
  return gazetteer;
}

std::string_view Gazetteer::Str(uint32_t offset) const {
  if (offset >= pool_.size()) return {};
  return std::string_view(pool_.data() + offset);
}

bool Gazetteer::IsCommonWord(std::string_view key) const {
  return std::binary_search(words_.begin(), words_.end(), NameKeyHash(key));
}

Gazetteer::Lookup Gazetteer::Find(std::string_view key) const {
  if (slots_.empty()) return {};
  const uint64_t hash = NameKeyHash(key);
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const uint32_t index = slots_[slot];
    if (index == 0) return {};
    const GazetteerKey& entry = keys_[index - 1];
    // The key's text ends where the probe's does (no strlen over the pool).
    if (entry.hash == hash && pool_.size() - entry.text > key.size() &&
        pool_.compare(entry.text, key.size(), key) == 0 && pool_[entry.text + key.size()] == '\0') {
      return {postings_.subspan(entry.first, entry.count), (entry.flags & kKeyPrefix) != 0};
    }
  }
}

const GazetteerEntry* Gazetteer::Country(std::string_view alpha3) const {
  // The compiler puts the countries first, sorted by code.
  const auto end = entries_.begin() + static_cast<std::ptrdiff_t>(country_count_);
  auto it = std::lower_bound(entries_.begin(), end, alpha3, [](const GazetteerEntry& e, std::string_view code) {
    return std::string_view(e.country) < code;
  });
  return it != end && alpha3 == it->country ? &*it : nullptr;
}

}  // namespace casus::lexicon
