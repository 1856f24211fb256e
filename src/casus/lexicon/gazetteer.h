// Gazetteer: countries, subdivisions, cities and the places we add by hand, compiled at
// build time (gazetteer_compile.cc) into one flat binary image that the program carries
// (gazetteer_data.S), so nothing is read or downloaded at run time.
//
// The image is: a header, an array of entries (countries first, by code), a table of name
// keys sorted by hash, the hashes of common lower-case English words (sorted), a hash table
// of key indexes (linear probing), the postings of each key (entry indexes with flags), and
// a pool of NUL-terminated strings.
// Every record is fixed-size and 4-byte aligned, so loading is a validation pass over
// the header, not a parse. A Gazetteer is immutable and safe to share between threads.
#ifndef CASUS_LEXICON_GAZETTEER_H_
#define CASUS_LEXICON_GAZETTEER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "casus/core/status.h"

namespace casus::lexicon {

// What an entry is. Stored on disk: append, never renumber.
enum class PlaceKind : uint8_t {
  kCountry,        // a sovereign or listed territory (ISO 3166-1)
  kSubdivision,    // ISO 3166-2: state, province, oblast, ...
  kCity,           // a populated place (GeoNames, population 1,000 and up)
  kRegion,         // a region without its own ISO code: "Nagorno-Karabakh", "Donbas"
  kRoad,           // a road or corridor: "Lachin corridor"
  kLandmark,       // a building, base, crossing, dam, ...
  kWater,          // a sea, river or lake
  kFormerCountry,  // "Soviet Union", "Yugoslavia"
};
const char* PlaceKindName(PlaceKind kind);  // "country", "subdivision", "city", ...
bool ParsePlaceKind(std::string_view name, PlaceKind* kind);

enum GazetteerEntryFlag : uint8_t {
  kEntryCapital = 1,      // the capital of its country (GeoNames PPLC)
  kEntryCommonWord = 2,   // the name is also a common lower-case English word ("Mobile")
  kEntryHasLocation = 4,  // lat/lon are meaningful
  kEntryAdminCenter = 8,  // seat of a first-level subdivision (PPLA)
  kEntrySovereign = 16,   // a country that is a UN member
};

struct GazetteerEntry {
  uint32_t name;   // pool offset of the canonical name
  uint32_t code;   // pool offset: ISO 3166 code for countries ("ARM") and subdivisions
                   // ("US-LA"); GeoNames id for cities; empty otherwise
  uint32_t admin;  // pool offset: the subdivision code it lies in ("US-LA"), or empty
  float lat;
  float lon;
  uint32_t population;  // 0 when unknown
  char country[4];      // ISO 3166-1 alpha-3, NUL-terminated; "" when none
  PlaceKind kind;
  uint8_t flags;  // GazetteerEntryFlag
  uint8_t reserved[2];
};
static_assert(sizeof(GazetteerEntry) == 32);

// How a key names its entry; the high bits of a posting.
enum GazetteerPostingFlag : uint32_t {
  kPostingDemonym = 1u << 31,       // "Armenian" for Armenia
  kPostingAcronym = 1u << 30,       // matches only when written in capitals ("UAE", "U.S.")
  kPostingAbbreviation = 1u << 29,  // a state abbreviation ("La."), only after "City,"
  kPostingEntryMask = (1u << 29) - 1,
};

enum GazetteerKeyFlag : uint32_t {
  kKeyPrefix = 1,  // the key is the first words of a longer key ("nagorno" of "nagorno karabakh")
};

struct GazetteerKey {
  uint64_t hash;   // NameKeyHash of the key
  uint32_t text;   // pool offset of the key, to confirm a hash match
  uint32_t first;  // index of its first posting
  uint32_t count;  // number of postings; 0 for a key that is only a prefix
  uint32_t flags;  // GazetteerKeyFlag bits
};
static_assert(sizeof(GazetteerKey) == 24);

struct GazetteerHeader {
  char magic[8];  // "CASUSGZ\0"
  uint32_t version;
  uint32_t entry_count;
  uint32_t key_count;
  uint32_t posting_count;
  uint32_t word_count;  // lower-case dictionary words, as sorted NameKeyHash values
  uint32_t slot_count;  // open-addressing table over the keys: a power of two
  uint32_t pool_size;
  uint32_t reserved;
};
inline constexpr uint32_t kGazetteerVersion = 1;

// Lower-cases ASCII, folds Latin accents ("António" -> "antonio"), drops periods,
// turns hyphens and runs of spaces into one space, maps typographic apostrophes to '.
// The same function builds the compiled keys and the keys looked up in text.
std::string NameKey(std::string_view text);
// Appends NameKey(text) to `out`; never more bytes than `text` has.
void AppendNameKey(std::string_view text, std::string* out);
uint64_t NameKeyHash(std::string_view key);
// True when `text` has a letter and no lower-case ASCII letter ("UN", "U.S.").
bool AllCapitals(std::string_view text);
// Great-circle distance between two points, in kilometres.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

class Gazetteer {
 public:
  // The image compiled into the program. Fails only if the build embedded a bad image.
  static const Gazetteer& Builtin();
  // Checks `image` (which must outlive the gazetteer and be 4-byte aligned).
  static Result<Gazetteer> FromImage(std::string_view image);

  struct Posting {
    const GazetteerEntry* entry;
    uint32_t flags;  // GazetteerPostingFlag bits
  };
  struct Lookup {
    std::span<const uint32_t> postings;  // the entries the key names; empty when none
    bool prefix = false;                 // a longer key starts with this one and a space
  };
  // Looks up a normalised key (NameKey): one or two probes of the hash table.
  Lookup Find(std::string_view key) const;
  Posting Resolve(uint32_t posting) const {
    return {&entries_[posting & kPostingEntryMask], posting & ~kPostingEntryMask};
  }

  // True when the lower-case key is an ordinary English word ("read", "police", "mobile"):
  // such a word written with a capital may just open a sentence.
  bool IsCommonWord(std::string_view key) const;

  std::string_view Str(uint32_t offset) const;
  std::span<const GazetteerEntry> entries() const { return entries_; }
  uint32_t IndexOf(const GazetteerEntry* entry) const { return static_cast<uint32_t>(entry - entries_.data()); }
  // The country entry for an alpha-3 code, or nullptr.
  const GazetteerEntry* Country(std::string_view alpha3) const;

 private:
  std::span<const GazetteerEntry> entries_;
  std::span<const GazetteerKey> keys_;
  std::span<const uint64_t> words_;
  std::span<const uint32_t> slots_;
  std::span<const uint32_t> postings_;
  std::string_view pool_;
  size_t country_count_ = 0;  // entries [0, country_count_) are countries, by code
};

}  // namespace casus::lexicon

#endif  // CASUS_LEXICON_GAZETTEER_H_
