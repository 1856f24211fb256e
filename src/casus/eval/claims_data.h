// Readers for the annotated data the claims layer is scored on (see ../shared/eval):
// GVDB gun-violence articles (per-article killed and injured victim counts), PLOVER
// records with a `dead` count, and PolNeAR attributions (brat standoff: Source, Cue,
// Content spans linked by Attribution events). Offsets are turned into byte offsets.
#ifndef CASUS_EVAL_CLAIMS_DATA_H_
#define CASUS_EVAL_CLAIMS_DATA_H_

#include <string>
#include <vector>

#include "casus/core/span.h"
#include "casus/core/status.h"

namespace casus::eval {

struct CountedArticle {
  std::string id;
  std::string text;
  std::string url;   // the page's address, or empty
  std::string date;  // ISO date of the incident (GVDB) or empty
  int killed = 0;
  int injured = 0;  // injured or hospitalised, not killed
};

// GVDB dev.tsv: columns Article id, url, title, full text, JSON annotation, worker.
Result<std::vector<CountedArticle>> ReadGvdb(const std::string& path);
// PLOVER gold-standard records that carry a "dead" count (trailing commas tolerated).
Result<std::vector<CountedArticle>> ReadPloverDead(const std::string& path);

struct GoldAttribution {
  Span source;          // empty when the attribution has no source
  Span cue;             // the cue's first span, empty when none
  Span content;         // first to last byte of the content spans
  bool direct = false;  // the content is a direct quotation
};

struct AttributionDocument {
  std::string id;  // the annotation file's name
  std::string text;
  std::vector<GoldAttribution> attributions;
};

// PolNeAR: DIR/attributions/*.ann with their texts in DIR/text/ (the .ann name less its
// "_annotator" suffix).
Result<std::vector<AttributionDocument>> ReadPolnear(const std::string& dir);

}  // namespace casus::eval

#endif  // CASUS_EVAL_CLAIMS_DATA_H_
