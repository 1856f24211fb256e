// Document: one news article, owner of its text and of every layer derived from it.
//
// The text is immutable once the document is made (readers make it valid UTF-8).
// Cleaning never rewrites it: boilerplate is a list of marked spans, and every later
// layer is a typed vector of records whose spans point into the same text. A Document
// is a plain value; it is not safe to modify from two threads at once.
#ifndef CASUS_CORE_DOCUMENT_H_
#define CASUS_CORE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/span.h"
#include "casus/core/status.h"

namespace casus {

// The layers a pipeline stage can require or provide.
enum class Layer {
  kText,         // the raw text and reader-given metadata
  kMetadata,     // publication date, title, author, publisher, dateline found in the text
  kBoilerplate,  // spans that are not article content
  kSentences,    // sentence spans over the clean text
  kTime,         // time expressions with TIMEX3 values
  kAttribution,  // who vouches for what: sources, cues, contents, hedges; and quotes
  kCasualties,   // casualty claims: killed, wounded, missing, detained counts
  kEntities,     // people, organisations, groups, countries and places
  kTokens,       // words and marks of the sentences, with lemma and part of speech
  kEvents,       // who did what to whom: PLOVER/CAMEO/ACLED-coded event mentions
};
const char* LayerName(Layer layer);

// A coarse part of speech: the open classes WordNet knows, names, numbers, closed-class
// words (determiners, prepositions, pronouns, auxiliaries, conjunctions) and marks.
// Stored nowhere: append freely.
enum class PartOfSpeech : uint8_t {
  kOther,
  kNoun,
  kVerb,
  kAdjective,
  kAdverb,
  kProperNoun,
  kNumber,
  kFunction,
  kPunctuation,
};
const char* PartOfSpeechName(PartOfSpeech pos);  // "NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM", "FUNC", "PUNCT", "X"

// What a token is besides its part of speech (bits of Token::flags).
enum TokenFlag : uint16_t {
  kTokenCapitalized = 1 << 0,    // opens with a capital letter
  kTokenAllCaps = 1 << 1,        // two or more letters, all capitals ("NATO")
  kTokenDigits = 1 << 2,         // holds a digit ("27", "1,200", "F-16")
  kTokenSentenceStart = 1 << 3,  // first word of its sentence (after opening marks)
  kTokenHyphenated = 1 << 4,     // letters joined by a hyphen ("anti-terrorist")
  kTokenNegation = 1 << 5,       // "not", "n't", "never", "no"
  kTokenModal = 1 << 6,          // "will", "would", "may", "could", "should", "must", "might", "can"
  kTokenDeterminer = 1 << 7,     // "the", "a", "this", "its", ...
  kTokenPreposition = 1 << 8,    // "in", "of", "by", ...
  kTokenPronoun = 1 << 9,        // "he", "it", "they", ...
  kTokenAuxiliary = 1 << 10,     // forms of "be", "have", "do"
  kTokenConjunction = 1 << 11,   // "and", "or", "but", ...
  kTokenSubordinator = 1 << 12,  // "if", "that", "while", "because", ...
  kTokenQuoted = 1 << 13,        // inside a quotation mark pair of its sentence
};

// One word or mark of a sentence. `norm` is the lower-cased form (typographic
// apostrophes made straight) in Document::token_norms; `lemma` its base form for `pos`
// ("fought" -> "fight", "villages" -> "village"), in the same pool, equal to norm when
// the word has no other base form.
struct Token {
  Span span;
  uint32_t sentence = 0;  // index in Document::sentences
  uint32_t norm_begin = 0, lemma_begin = 0;
  uint16_t norm_size = 0, lemma_size = 0;
  uint16_t flags = 0;
  PartOfSpeech pos = PartOfSpeech::kOther;
  uint8_t wordnet = 0;  // parts of speech WordNet lists for it: bit 0 noun, 1 verb, 2 adjective, 3 adverb
  bool Is(TokenFlag flag) const { return (flags & flag) != 0; }
};

enum class SourceFormat { kCrawlText, kJsonLines, kHtml };
const char* SourceFormatName(SourceFormat format);

// Why a span is not article content. Later stages extract nothing from any of them.
// The store keeps these values on disk: append new kinds, never renumber.
enum class BoilerplateKind {
  kCrawlHeader,    // the " date YYYY-MM-DD" prefix of the crawl format
  kRelatedLink,    // a link to another article: "Read - ...", "Also read: ..."
  kAdvertisement,  // "Advertisement" and its variants
  kImageCredit,    // "| Image:self", "Photo: AFP"
  kWidget,         // share, comment, follow and subscribe prompts
  kByline,         // "Reported by: X", "By X", "September 20, 2023 by Outlet"
  kTimestamp,      // "Updated October 3rd, 2020 at 13:01 IST", "Published ..."
  kSectionLabel,   // a section or tag label beside the byline ("Nagorno Karabakh")
  kEmbeddedPost,   // an embedded social-media post quoted into the page
  kSourceUrl,      // a line holding only the page's address ("http://example.org/2013/05/story")
};
const char* BoilerplateKindName(BoilerplateKind kind);

struct BoilerplateSpan {
  Span span;
  BoilerplateKind kind;
};

// A social-media post embedded in the article (kept as boilerplate, described here).
struct EmbeddedPost {
  Span span;
  std::string platform;  // "twitter", "instagram", ...
  std::string author;    // display name, "Morgan Ortagus"
  std::string handle;    // "@statedeptspox"
  std::string date;      // ISO date, "2020-10-05", or empty
};

// Metadata found by readers (from headers, JSON fields, HTML meta) or by the
// cleaner (from the text). A span is empty when the value did not come from the text.
struct Metadata {
  std::string title;
  Span title_span;
  std::string published;       // ISO date "YYYY-MM-DD", or empty when unknown
  std::string published_time;  // "HH:MM", or empty
  std::string published_zone;  // as written, "IST", "UTC", "+05:30", or empty
  std::string published_from;  // where the date was found: "crawl header", "html meta", ...
  std::string author;
  Span author_span;
  std::string publisher;
  std::string dateline;  // the place, "Moscow"
  Span dateline_span;    // the whole dateline prefix, "Moscow [Russia], September 20 : "
  std::string url;
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;  // index of the paragraph (line block) it belongs to
  bool headline = false;   // the article's own headline
};

enum class TimexType { kDate, kTime, kDuration, kSet };
const char* TimexTypeName(TimexType type);  // "DATE", "TIME", "DURATION", "SET"

// A time expression: "on Tuesday" -> span of "Tuesday", DATE, "2023-09-19".
struct TimeExpression {
  Span span;
  TimexType type = TimexType::kDate;
  std::string value;       // TIMEX3 value: "2023-09-19", "2022-12", "P6D", "PRESENT_REF"; empty if unknown
  std::string anchor;      // what a relative value was resolved against: "2023-09-20 (published)",
                           // "2020-10-05 (previous date)"; empty for absolute expressions
  bool since = false;      // a starting point: "since 1991", "since the October 7 attack"
  bool statement = false;  // the day of a statement: "police said on Monday", "told reporters Sunday"

  // The day a date or time names ("2023-09-19" of "2023-09-19", "2023-09-19TNI",
  // "2023-09-19T13:00"); empty for anything else (a month, a duration, "PRESENT_REF").
  std::string_view Day() const;
};
// "since", "statement", or "" for an expression with neither role.
const char* TimeRoleName(const TimeExpression& time);

// Who vouches for a clause: "TASS quoted the ministry as saying ...". `chain` runs from
// the outermost carrier to the innermost speaker ("TASS", "the Russian Foreign Ministry").
// A pronoun source ("It added") is kept as written in `source` and resolved in `chain`.
struct Attribution {
  Span cue;      // "said", "according to", "quoted"; empty for a bare hedge
  Span source;   // the source as written; empty when none is named
  Span content;  // what is attributed
  std::vector<std::string> chain;
  std::string hedge;  // "reportedly", "allegedly", "claimed", ...; empty when none
};

enum class QuoteKind { kStatement, kPartial, kScare };
const char* QuoteKindName(QuoteKind kind);  // "statement", "partial", "scare"

// A direct quotation (inside its marks, possibly over several paragraphs).
struct Quote {
  Span span;  // the quoted words, without the marks
  QuoteKind kind = QuoteKind::kStatement;
  std::string speaker;  // innermost source; empty when unknown
  std::vector<std::string> chain;
};

enum class CountQualifier { kNone, kExact, kAtLeast, kMoreThan, kUpTo, kAbout, kVague };
const char* CountQualifierName(CountQualifier qualifier);  // "", "exact", "at least", ...

struct CasualtyCount {
  bool present = false;
  int64_t value = 0;  // the number; for a vague amount, its lower bound ("dozens" -> 24)
  std::string vague;  // "several", "dozens", ...; empty for a number
  CountQualifier qualifier = CountQualifier::kNone;
};

// "at least 27", "dozens", "25"; empty when the count is absent.
std::string CountText(const CasualtyCount& count);

// Whose casualties a claim counts. Stored on disk by name.
enum class CasualtyGroup {
  kVictims,       // those attacked: "12 civilians were killed"
  kPerpetrators,  // the attackers: "the gunman was killed", "two attackers died"
  kSelf,          // one who harmed himself: "shot himself", "blew himself up"
};
const char* CasualtyGroupName(CasualtyGroup group);  // "victims", "perpetrators", "self"

// "at least 27 people have been killed and 200 wounded ..., CNN reported citing an official".
struct CasualtyClaim {
  Span span;      // the claim's words
  Span evidence;  // the sentence it came from
  CasualtyCount killed, wounded, missing, detained;
  std::string victims;  // "people", "civilians", "protesters"; empty when unstated
  std::string where;    // a place named with the claim, or empty
  std::string when;     // TIMEX3 value of a date in the sentence, or empty
  std::string cause;    // "in a military operation by Azerbaijan", or empty
  std::vector<std::string> source_chain;
  std::string hedge;
  bool cumulative = false;  // a running toll: "the death toll rose to 25"
  // A figure of other times, recalled for context: a total "since April 2014" or "this
  // year", an earlier attack ("last month's bombing killed 12"); dated by `when`.
  bool background = false;
  // The larger figure of this document that this one is part of ("18 of the wounded",
  // "including 9 in serious condition", "among them 2 women"): an index in
  // Document::casualties, or -1. A part is never a rival figure.
  int32_t part_of = -1;
  CasualtyGroup group = CasualtyGroup::kVictims;
};

// Stored on disk: append, never renumber.
enum class EntityKind { kPerson, kOrganization, kGroup, kCountry, kPlace };
const char* EntityKindName(EntityKind kind);  // "person", "organization", "group", ...

// A mention of a person, organisation, group of people, country or place.
// "Azerbaijani President Ilham Aliyev" -> person "Ilham Aliyev", role "President", AZE GOV;
// "Azerbaijani troops" -> group, AZE MIL; "Stepanakert" -> place, city, 39.82 46.75.
struct EntityMention {
  Span span;  // the words of the mention (for a titled person, the name; the title is `role`)
  EntityKind kind = EntityKind::kPlace;
  std::string canonical;  // "Ilham Aliyev", "Azerbaijan", "Stepanakert", "OSCE Minsk Group"
  std::string country;    // ISO 3166-1 alpha-3 ("AZE"), or empty
  std::string sector;     // CAMEO role code ("GOV", "MIL", "MED", "IGO", ...), or empty
  std::string role;       // a person's title ("President"); for places, the place kind ("city")
  bool located = false;   // lat/lon hold the resolved place's point
  double lat = 0;
  double lon = 0;
  std::string place_id;    // the gazetteer entry: GeoNames id, ISO code, or our name; empty if unresolved
  int32_t refers_to = -1;  // index (in Document::entities) of the fuller mention this one repeats
  bool metonym = false;    // a place standing for its government ("Ankara said", "the Kremlin")
  // Found in boilerplate: a byline, an embedded post's credit, or a related-link headline
  // ("Read - Iran Working On Peace Plan"). It names what the page shows, not what the
  // article reports, and later layers take no facts from it.
  bool in_boilerplate = false;
  // CAMEO-style actor code: country + sector ("AZEMIL", "RUSGOV"); empty when both are.
  std::string ActorCode() const { return country + sector; }
};

// How an event is reported. Stored on disk by name.
enum class EventModality { kAsserted, kClaimed, kDenied, kNegated, kThreatened, kDemanded, kPlanned, kHypothetical };
const char* EventModalityName(EventModality modality);  // "asserted", "claimed", ...

// Who takes part in an event: an entity mention ("Azerbaijan's defence ministry"), or a
// group a common noun names ("protesters", "security forces").
struct EventParticipant {
  int32_t entity = -1;  // index in Document::entities, or -1 for a group noun
  Span span;            // the words
  std::string sector;   // a group's sector ("COP", "MIL", "CVL"), or the entity's
  bool armed = false;   // the participant carries arms (soldiers, rebels, police)
};

// "Azerbaijani troops shelled Stepanakert on Tuesday": ASSAULT (heavy-weapons, CAMEO
// 194, ACLED Explosions/Remote violence / Shelling/artillery/missile attack), actor the
// troops (AZEMIL), target the city, dated by "Tuesday", placed at Stepanakert.
struct EventMention {
  Span trigger;               // the words that report it ("shelled", "called for")
  Span evidence;              // its sentence
  uint32_t sentence = 0;      // index in Document::sentences
  std::string plover;         // PLOVER 2021 category: "ASSAULT", "REQUEST", ...
  std::string mode;           // PLOVER mode: "heavy-weapons", "phone", ...; empty for none
  std::string cameo;          // CAMEO code: "194", "0871", "020"
  std::string acled;          // ACLED sub-event code ("ART_MISS_ATTACK"), empty for none
  std::string acled_type;     // its ACLED event type: "Explosions/Remote violence"
  std::string acled_subtype;  // and sub-event type: "Shelling/artillery/missile attack"
  std::vector<EventParticipant> actors, targets;
  int32_t time = -1;           // index in time_expressions of the expression that dates it, or -1
  std::string date;            // its day, month or year ("2023-09-19"), or publication's
  std::string date_precision;  // "day", "week", "month", "year", or "published" (no date of its own)
  int32_t place = -1;          // index in entities of where it happened, or -1
  int32_t casualty = -1;       // index in casualties of the claim it caused, or -1
  std::vector<std::string> source_chain;
  std::string hedge;
  EventModality modality = EventModality::kAsserted;
  int32_t governor = -1;  // index in events of the event whose complement this is ("threatened to strike")
};

class Document;
// A participant's code: its entity's country and sector ("AZEMIL"; a repeated name's
// through `refers_to`), or a group's sector ("COP").
std::string ParticipantCode(const Document& document, const EventParticipant& participant);
// Its name: the entity's canonical name, or the group's words ("security forces").
std::string ParticipantName(const Document& document, const EventParticipant& participant);

class Document {
 public:
  Document(std::string id, std::string source, SourceFormat format, std::string text);

  const std::string& id() const { return id_; }
  void set_id(std::string id) { id_ = std::move(id); }
  // Where the document came from: a path, or "path:LINE" for JSON Lines.
  const std::string& source() const { return source_; }
  SourceFormat format() const { return format_; }
  const std::string& text() const { return text_; }
  std::string_view Text(Span span) const { return span.Of(text_); }
  // Hash of the text (hex), for "unchanged on re-ingest" checks and ids.
  const std::string& content_hash() const { return content_hash_; }

  // True when `span` overlaps any boilerplate span.
  bool OverlapsBoilerplate(Span span) const;
  // The article text without boilerplate: its content lines joined by blank lines.
  std::string CleanText() const;
  // The spans of content: each non-empty line with boilerplate and the dateline cut out.
  std::vector<Span> ContentSpans() const;

  Metadata metadata;
  std::vector<BoilerplateSpan> boilerplate;  // sorted by begin once cleaning is done
  std::vector<EmbeddedPost> embedded_posts;
  std::vector<Sentence> sentences;
  std::vector<TimeExpression> time_expressions;
  std::vector<Attribution> attributions;
  std::vector<Quote> quotes;
  std::vector<CasualtyClaim> casualties;
  std::vector<EntityMention> entities;    // sorted by span begin
  std::vector<EventMention> events;       // in reading order
  std::vector<Token> tokens;              // every sentence's, in order; not stored
  std::string token_norms;                // the tokens' norms and lemmas
  std::vector<uint32_t> sentence_tokens;  // first token of each sentence, and one past the last
  std::string_view Norm(const Token& token) const {
    return std::string_view(token_norms).substr(token.norm_begin, token.norm_size);
  }
  std::string_view Lemma(const Token& token) const {
    return std::string_view(token_norms).substr(token.lemma_begin, token.lemma_size);
  }

  // The time budget of the pipeline run: a steady-clock instant (nanoseconds since the
  // clock's epoch) after which stages stop with ErrorCode::kTimeLimit; 0 for none.
  // Stages poll PastDeadline() between units of work (a sentence, a claim); one poll
  // costs a clock read.
  void set_deadline_ns(int64_t deadline_ns) { deadline_ns_ = deadline_ns; }
  int64_t deadline_ns() const { return deadline_ns_; }
  bool PastDeadline() const;
  // The status a stage returns when PastDeadline() is true: kTimeLimit, naming `stage`.
  static Status DeadlineStatus(std::string_view stage);

 private:
  int64_t deadline_ns_ = 0;
  std::string id_;
  std::string source_;
  SourceFormat format_;
  std::string text_;
  std::string content_hash_;
};

}  // namespace casus

#endif  // CASUS_CORE_DOCUMENT_H_
