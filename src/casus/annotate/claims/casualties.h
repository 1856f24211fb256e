// CasualtyTagger: casualty claims (killed, wounded, missing, detained) with their
// counts, qualifiers, victims, place, date, cause, source chain and hedge.
//
// A claim is a count tied to a casualty word by one of a few shapes: a count as the
// subject of a casualty participle ("at least 27 people have been killed", "25 dead"),
// the object of an active casualty verb ("killing at least 156 people", "injuring at
// least 38"), a running toll ("the death toll rose to 25"), or one person ("a
// journalist was killed"). Coordinated counts join the claim ("... killed and over 200
// wounded"); a bare second count inherits the first one's qualifier. Counts after
// "including" are parts of the claim, not new claims. A count without a casualty word
// ("120,000 inhabitants", "2,000 troops were deployed") is never a claim. Sources come
// from the attribution layer; dates from the time layer when it ran before.
#ifndef CASUS_ANNOTATE_CLAIMS_CASUALTIES_H_
#define CASUS_ANNOTATE_CLAIMS_CASUALTIES_H_

#include <string_view>
#include <vector>

#include "casus/pipeline/stage.h"

namespace casus {

class CasualtyTagger : public Stage {
 public:
  CasualtyTagger();
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

 private:
  StageInfo info_;
};

}  // namespace casus

#endif  // CASUS_ANNOTATE_CLAIMS_CASUALTIES_H_
