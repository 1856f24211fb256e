// EventTagger: who did what to whom, where and when (Layer::kEvents).
//
// Reads the token layer and links the other layers by index. In each sentence:
// 1. Triggers: the patterns of resources/events/event_triggers.tsv matched on lemmas
//    (the longest at a word wins; a word serves one trigger), each giving a PLOVER
//    category and mode, a CAMEO code and an ACLED sub-event code.
// 2. Participants: the sentence's entity mentions (not places after "in", "at", "near":
//    those are where it happened) and the group nouns of event_groups.tsv ("protesters",
//    "security forces") not inside a mention. For a verb, the actor is the nearest
//    participant before it in its clause and the target the first after it; a passive
//    ("was shelled by X") turns them round; for a noun, a participant right before it
//    ("Azerbaijani shelling", "Israel's strikes") or after "by" is the actor and one
//    after "of", "on", "against" or "at" the target. Participants joined by commas and
//    "and" count together ("Russia, France and the United States"); a subject pronoun
//    takes the actors of the event before.
// 3. Modality: a governor of event_governors.tsv up to eight words before the trigger in
//    its clause ("threatened to strike", "called for a ceasefire", "denied shelling",
//    "will withdraw", "if talks fail") gives its mood, and the governing event is linked
//    (`governor`); a hedge of the attribution layer makes an asserted event claimed.
// 4. Links: the sentence's first dated time expression (not a "since"; a statement's
//    day only when there is no other), else publication's date with precision
//    "published"; the place after a locative preposition, else the sentence's first
//    place, else the dateline's; the sentence's casualty claim for violent events; the
//    source chain and hedge of the attribution that holds the trigger.
// 5. ACLED: a generic attack between two armed participants is an armed clash, one on
//    unarmed people an attack on civilians; force or arrests against protesters are
//    "excessive force against protesters" and "protest with intervention"; territory
//    taken by state forces is regained, by others overtaken.
//
// Immutable after construction; thread-safe; linear in the document (the work in one
// sentence is bounded by the splitter's cap on its length).
#ifndef CASUS_ANNOTATE_EVENTS_EVENT_TAGGER_H_
#define CASUS_ANNOTATE_EVENTS_EVENT_TAGGER_H_

#include "casus/pipeline/stage.h"

namespace casus::events {

class EventTagger : public Stage {
 public:
  EventTagger();
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override;

 private:
  StageInfo info_;
};

// The event a short text is mostly about (a wire sentence, a snippet): the first event
// no other governs ("offered to hand over": the offer), preferring one a verb reports;
// -1 when there is none.
int32_t MainEvent(const Document& document);

// The PLOVER category a coder gives the event as it is reported: a stated intent of a
// cooperative kind ("will release", "ready to host") is AGREE and of a hostile kind
// ("would blockade") THREATEN; a cooperative event refused or failed ("would not meet",
// "failed to reach agreement") is REJECT; a demanded one REQUEST; a threatened one
// THREATEN; a denied one REJECT; otherwise its own category.
std::string CodedCategory(const EventMention& event);

// The ACLED sub-event code a short text reports: of its events with a code, reported as
// facts (asserted or claimed), the most specific kind (a suicide bomb before an attack,
// an air strike before an armed clash), the first of equals; empty when none.
std::string MainAcled(const Document& document);

// The ACLED event type and sub-event type of a code ("AIR_STRIKE" -> "Explosions/Remote
// violence", "Air/drone strike"); empty for an unknown code.
std::pair<std::string, std::string> AcledNames(std::string_view code);

}  // namespace casus::events

#endif  // CASUS_ANNOTATE_EVENTS_EVENT_TAGGER_H_
