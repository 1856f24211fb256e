// EntityTagger: the entity layer. Finds people, organisations, groups, countries and
// places in each content sentence, links later mentions to earlier ones, and resolves
// places to gazetteer entries with coordinates.
#ifndef CASUS_ANNOTATE_ENTITIES_ENTITY_TAGGER_H_
#define CASUS_ANNOTATE_ENTITIES_ENTITY_TAGGER_H_

#include "casus/pipeline/stage.h"

namespace casus::lexicon {
class Gazetteer;
}

namespace casus::entities {

// Requires metadata, boilerplate and sentences; provides entities. Nothing is taken from
// boilerplate, except the byline's author and publisher, which come from the metadata.
// Immutable; one instance serves many threads. Cost: linear in the text, with one hash
// probe per capitalised word and per word of a phrase that some name continues.
class EntityTagger : public Stage {
 public:
  EntityTagger();  // the built-in gazetteer
  explicit EntityTagger(const lexicon::Gazetteer& gazetteer);
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

 private:
  StageInfo info_;
  const lexicon::Gazetteer& gazetteer_;
};

}  // namespace casus::entities

#endif  // CASUS_ANNOTATE_ENTITIES_ENTITY_TAGGER_H_
