// Geoparsing evaluation on the LGL corpus (Lieberman et al. 2010, local news with
// toponyms linked to GeoNames): reading its XML, and scoring place mentions against it.
//
// Scoring: system toponyms are the place and country mentions of the article text (see
// SystemToponyms; nothing from boilerplate). A system toponym matches a
// gold one one-to-one, strictly (same span) or relaxed (overlapping). Resolution counts a
// gold toponym with coordinates as right when its relaxed match was resolved within 161 km
// (100 miles), the customary threshold for this corpus.
#ifndef CASUS_EVAL_GEO_H_
#define CASUS_EVAL_GEO_H_

#include <string>
#include <vector>

#include "casus/core/document.h"
#include "casus/core/status.h"

namespace casus::eval {

struct GoldToponym {
  Span span;  // byte offsets into the article text
  std::string phrase;
  bool located = false;
  double lat = 0, lon = 0;
  std::string feature;  // GeoNames feature code: "PPL", "ADM1", "PCLI", ...
};

struct GeoArticle {
  std::string id;
  std::string published;  // "YYYY-MM-DD" (download time)
  std::string text;
  std::vector<GoldToponym> toponyms;
};

// Reads lgl.xml. Offsets in the file count characters; they are turned into bytes and
// checked against each toponym's phrase (a toponym whose text differs is dropped and
// counted in `skipped`).
Result<std::vector<GeoArticle>> ReadLgl(const std::string& path, int* skipped);

struct GeoCounts {
  int gold = 0, system = 0;
  int strict = 0, relaxed = 0;  // matched pairs
  int gold_located = 0;         // gold toponyms with coordinates
  int matched_located = 0;      // ... with a relaxed match
  int resolved = 0;             // ... whose match has coordinates
  int within_161 = 0;           // ... within 161 km of the gold point
  std::vector<double> errors_km;
  void Add(const GeoCounts& other);
};

struct GeoError {
  std::string kind;  // "missed", "spurious", "far", "unresolved"
  std::string text, detail, context;
};

// System toponyms of a processed document: place and country mentions (demonyms included:
// LGL marks "American" too), and the country word that opens a group, organisation or
// person mention of that country ("Russian" in "Russian troops").
std::vector<EntityMention> SystemToponyms(const Document& document);

GeoCounts ScoreToponyms(const Document& document, const GeoArticle& gold, std::vector<GeoError>* errors);

}  // namespace casus::eval

#endif  // CASUS_EVAL_GEO_H_
