// Document: construction, names of enums, and views of the clean text.
//
// Content spans are computed line by line: a line is content unless boilerplate
// covers it; boilerplate and the dateline prefix are cut out of partly covered lines.
#include "casus/core/document.h"

#include <algorithm>
#include <chrono>

#include "casus/core/hash.h"
#include "casus/core/text.h"

namespace casus {

const char* LayerName(Layer layer) {
  switch (layer) {
    case Layer::kText: return "text";
    case Layer::kMetadata: return "metadata";
    case Layer::kBoilerplate: return "boilerplate";
    case Layer::kSentences: return "sentences";
    case Layer::kTime: return "time";
    case Layer::kAttribution: return "attribution";
    case Layer::kCasualties: return "casualties";
    case Layer::kEntities: return "entities";
    case Layer::kTokens: return "tokens";
    case Layer::kEvents: return "events";
  }
  return "unknown";
}

bool Document::PastDeadline() const {
  if (deadline_ns_ == 0) return false;
  const auto now = std::chrono::steady_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() > deadline_ns_;
}

Status Document::DeadlineStatus(std::string_view stage) {
  return Status(ErrorCode::kTimeLimit,
                "over the time limit in " + std::string(stage) + "; skipped (raise it with --time-limit)");
}

const char* EventModalityName(EventModality modality) {
  switch (modality) {
    case EventModality::kAsserted: return "asserted";
    case EventModality::kClaimed: return "claimed";
    case EventModality::kDenied: return "denied";
    case EventModality::kNegated: return "negated";
    case EventModality::kThreatened: return "threatened";
    case EventModality::kDemanded: return "demanded";
    case EventModality::kPlanned: return "planned";
    case EventModality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

const char* PartOfSpeechName(PartOfSpeech pos) {
  switch (pos) {
    case PartOfSpeech::kNoun: return "NOUN";
    case PartOfSpeech::kVerb: return "VERB";
    case PartOfSpeech::kAdjective: return "ADJ";
    case PartOfSpeech::kAdverb: return "ADV";
    case PartOfSpeech::kProperNoun: return "PROPN";
    case PartOfSpeech::kNumber: return "NUM";
    case PartOfSpeech::kFunction: return "FUNC";
    case PartOfSpeech::kPunctuation: return "PUNCT";
    case PartOfSpeech::kOther: return "X";
  }
  return "X";
}

const char* SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kCrawlText: return "text";
    case SourceFormat::kJsonLines: return "jsonl";
    case SourceFormat::kHtml: return "html";
  }
  return "unknown";
}

std::string_view TimeExpression::Day() const {
  if (type != TimexType::kDate && type != TimexType::kTime) return {};
  if (value.size() < 10 || value[4] != '-' || value[7] != '-' || (value.size() > 10 && value[10] != 'T')) return {};
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (value[i] < '0' || value[i] > '9') return {};
  }
  return std::string_view(value).substr(0, 10);
}

const char* TimeRoleName(const TimeExpression& time) {
  if (time.since) return "since";
  if (time.statement) return "statement";
  return "";
}

const char* TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kStatement: return "statement";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kScare: return "scare";
  }
  return "statement";
}

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kGroup: return "group";
    case EntityKind::kCountry: return "country";
    case EntityKind::kPlace: return "place";
  }
  return "place";
}

const char* CasualtyGroupName(CasualtyGroup group) {
  switch (group) {
    case CasualtyGroup::kVictims: return "victims";
    case CasualtyGroup::kPerpetrators: return "perpetrators";
    case CasualtyGroup::kSelf: return "self";
  }
  return "victims";
}

const char* CountQualifierName(CountQualifier qualifier) {
  switch (qualifier) {
    case CountQualifier::kNone: return "";
    case CountQualifier::kExact: return "exact";
    case CountQualifier::kAtLeast: return "at least";
    case CountQualifier::kMoreThan: return "more than";
    case CountQualifier::kUpTo: return "up to";
    case CountQualifier::kAbout: return "about";
    case CountQualifier::kVague: return "vague";
  }
  return "";
}

std::string CountText(const CasualtyCount& count) {
  if (!count.present) return "";
  if (!count.vague.empty()) return count.vague;
  std::string text;
  if (count.qualifier != CountQualifier::kExact && count.qualifier != CountQualifier::kNone) {
    text = CountQualifierName(count.qualifier);
    text += ' ';
  }
  return text + std::to_string(count.value);
}

const char* BoilerplateKindName(BoilerplateKind kind) {
  switch (kind) {
    case BoilerplateKind::kCrawlHeader: return "crawl_header";
    case BoilerplateKind::kRelatedLink: return "related_link";
    case BoilerplateKind::kAdvertisement: return "advertisement";
    case BoilerplateKind::kImageCredit: return "image_credit";
    case BoilerplateKind::kWidget: return "widget";
    case BoilerplateKind::kByline: return "byline";
    case BoilerplateKind::kTimestamp: return "timestamp";
    case BoilerplateKind::kSectionLabel: return "section_label";
    case BoilerplateKind::kEmbeddedPost: return "embedded_post";
    case BoilerplateKind::kSourceUrl: return "source_url";
  }
  return "unknown";
}

Document::Document(std::string id, std::string source, SourceFormat format, std::string text)
    : id_(std::move(id)), source_(std::move(source)), format_(format), text_(std::move(text)) {
  content_hash_ = HashHex(text_);
}

bool Document::OverlapsBoilerplate(Span span) const {
  for (const BoilerplateSpan& b : boilerplate) {
    if (b.span.Overlaps(span)) return true;
  }
  return false;
}

std::vector<Span> Document::ContentSpans() const {
  // Cut-outs: boilerplate and the dateline, sorted by start.
  std::vector<Span> cuts;
  cuts.reserve(boilerplate.size() + 1);
  for (const BoilerplateSpan& b : boilerplate) cuts.push_back(b.span);
  if (!metadata.dateline_span.empty()) cuts.push_back(metadata.dateline_span);
  std::sort(cuts.begin(), cuts.end(), [](Span a, Span b) { return a.begin < b.begin; });

  std::vector<Span> spans;
  const std::string_view text = text_;
  const uint32_t size = static_cast<uint32_t>(text.size());
  size_t cut_index = 0;
  uint32_t line_begin = 0;
  while (line_begin < size) {
    size_t newline = text.find('\n', line_begin);
    uint32_t line_end = newline == std::string_view::npos ? size : static_cast<uint32_t>(newline);
    // Walk the cuts that touch this line, emitting the pieces between them.
    while (cut_index < cuts.size() && cuts[cut_index].end <= line_begin) ++cut_index;
    uint32_t piece_begin = line_begin;
    for (size_t i = cut_index; i < cuts.size() && cuts[i].begin < line_end; ++i) {
      if (cuts[i].begin > piece_begin) {
        Span piece = TrimSpan(text, Span{piece_begin, cuts[i].begin});
        if (!piece.empty()) spans.push_back(piece);
      }
      piece_begin = std::max(piece_begin, std::min(cuts[i].end, line_end));
    }
    if (piece_begin < line_end) {
      Span piece = TrimSpan(text, Span{piece_begin, line_end});
      if (!piece.empty()) spans.push_back(piece);
    }
    line_begin = line_end + 1;
  }
  return spans;
}

std::string Document::CleanText() const {
  std::string out;
  out.reserve(text_.size());
  for (Span span : ContentSpans()) {
    if (!out.empty()) out += "\n\n";
    out += Text(span);
  }
  return out;
}

std::string ParticipantCode(const Document& document, const EventParticipant& participant) {
  if (participant.entity >= 0 && static_cast<size_t>(participant.entity) < document.entities.size()) {
    const EntityMention* mention = &document.entities[participant.entity];
    if (mention->refers_to >= 0 && static_cast<size_t>(mention->refers_to) < document.entities.size()) {
      mention = &document.entities[mention->refers_to];
    }
    return mention->country + (participant.sector.empty() ? mention->sector : participant.sector);
  }
  return participant.sector;
}

std::string ParticipantName(const Document& document, const EventParticipant& participant) {
  if (participant.entity >= 0 && static_cast<size_t>(participant.entity) < document.entities.size()) {
    const EntityMention& mention = document.entities[participant.entity];
    if (!mention.canonical.empty()) return mention.canonical;
  }
  return std::string(document.Text(participant.span));
}

}  // namespace casus
