// Event rows of the store (see event_rows.h).
#include "casus/store/event_rows.h"

#include <algorithm>
#include <charconv>

#include "casus/store/sqlite_util.h"

namespace casus {
namespace {

bool ParseInt(std::string_view text, int64_t* out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

void BindOptionalInt(sqlite3_stmt* statement, int index, bool present, int64_t value) {
  if (present) {
    sqlite3_bind_int64(statement, index, value);
  } else {
    sqlite3_bind_null(statement, index);
  }
}

}  // namespace

std::string PackParticipants(const std::vector<EventParticipant>& participants) {
  std::string out;
  for (const EventParticipant& p : participants) {
    if (!out.empty()) out += ';';
    out += std::to_string(p.entity) + ":" + std::to_string(p.span.begin) + ":" + std::to_string(p.span.end) + ":" +
           p.sector + ":" + (p.armed ? "1" : "0");
  }
  return out;
}

bool UnpackParticipants(const std::string& packed, std::vector<EventParticipant>* out) {
  out->clear();
  size_t start = 0;
  while (start < packed.size()) {
    size_t end = packed.find(';', start);
    if (end == std::string::npos) end = packed.size();
    const std::string_view item = std::string_view(packed).substr(start, end - start);
    std::string_view fields[5];
    size_t count = 0, from = 0;
    while (count < 5) {
      const size_t colon = item.find(':', from);
      fields[count++] = item.substr(from, colon == std::string_view::npos ? std::string_view::npos : colon - from);
      if (colon == std::string_view::npos) break;
      from = colon + 1;
    }
    int64_t entity = 0, begin = 0, stop = 0;
    if (count != 5 || !ParseInt(fields[0], &entity) || !ParseInt(fields[1], &begin) || !ParseInt(fields[2], &stop) ||
        begin < 0 || stop < begin || stop > UINT32_MAX || entity < -1 || entity > INT32_MAX) {
      return false;
    }
    EventParticipant p;
    p.entity = static_cast<int32_t>(entity);
    p.span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(stop)};
    p.sector = std::string(fields[3]);
    p.armed = fields[4] == "1";
    out->push_back(std::move(p));
    start = end + 1;
  }
  return true;
}

void BindEvent(sqlite3_stmt* st, int64_t doc_key, size_t seq, const Document& document, const EventMention& e) {
  sqlite3_bind_int64(st, 1, doc_key);
  sqlite3_bind_int64(st, 2, static_cast<int64_t>(seq));
  BindSpan(st, 3, e.trigger);
  BindSpan(st, 5, e.evidence);
  sqlite3_bind_int64(st, 7, e.sentence);
  BindText(st, 8, e.plover);
  BindOptionalText(st, 9, e.mode);
  BindOptionalText(st, 10, e.cameo);
  BindOptionalText(st, 11, e.acled);
  BindOptionalText(st, 12, PackParticipants(e.actors));
  BindOptionalText(st, 13, PackParticipants(e.targets));
  const bool timed = e.time >= 0 && static_cast<size_t>(e.time) < document.time_expressions.size();
  BindOptionalInt(st, 14, timed, timed ? document.time_expressions[e.time].span.begin : 0);
  BindOptionalText(st, 15, e.date);
  BindOptionalText(st, 16, e.date_precision);
  BindOptionalInt(st, 17, e.place >= 0, e.place);
  const bool claimed = e.casualty >= 0 && static_cast<size_t>(e.casualty) < document.casualties.size();
  BindOptionalInt(st, 18, claimed, claimed ? document.casualties[e.casualty].span.begin : 0);
  BindOptionalText(st, 19, JoinChain(e.source_chain));
  BindOptionalText(st, 20, e.hedge);
  BindText(st, 21, EventModalityName(e.modality));
  BindOptionalInt(st, 22, e.governor >= 0, e.governor);
  BindOptionalText(st, 23, e.acled_type);
  BindOptionalText(st, 24, e.acled_subtype);
}

bool ReadEvent(sqlite3_stmt* row, const Document& document, EventMention* e) {
  const size_t length = document.text().size();
  auto valid = [&](Span span) { return span.begin <= span.end && span.end <= length; };
  e->trigger = Span{ColumnOffset(row, 0), ColumnOffset(row, 1)};
  e->evidence = Span{ColumnOffset(row, 2), ColumnOffset(row, 3)};
  if (!valid(e->trigger) || !valid(e->evidence)) return false;
  e->sentence = static_cast<uint32_t>(sqlite3_column_int64(row, 4));
  e->plover = Column(row, 5);
  e->mode = Column(row, 6);
  e->cameo = Column(row, 7);
  e->acled = Column(row, 8);
  if (!UnpackParticipants(Column(row, 9), &e->actors) || !UnpackParticipants(Column(row, 10), &e->targets)) {
    return false;
  }
  for (const auto* list : {&e->actors, &e->targets}) {
    for (const EventParticipant& p : *list) {
      if (!valid(p.span) || p.entity >= static_cast<int64_t>(document.entities.size())) return false;
    }
  }
  // Links by what keeps the record apart: its begin offset (the layers are read back in
  // begin order), or the entity's seq.
  auto by_begin = [&](const auto& records, int column) -> int32_t {
    if (sqlite3_column_type(row, column) == SQLITE_NULL) return -1;
    const int64_t begin = sqlite3_column_int64(row, column);
    auto it = std::lower_bound(records.begin(), records.end(), begin,
                               [](const auto& record, int64_t b) { return record.span.begin < b; });
    return it != records.end() && it->span.begin == begin ? static_cast<int32_t>(it - records.begin()) : -1;
  };
  e->time = by_begin(document.time_expressions, 11);
  e->date = Column(row, 12);
  e->date_precision = Column(row, 13);
  e->place = sqlite3_column_type(row, 14) == SQLITE_NULL ? -1 : sqlite3_column_int(row, 14);
  if (e->place >= static_cast<int64_t>(document.entities.size()) || e->place < -1) return false;
  e->casualty = by_begin(document.casualties, 15);
  e->source_chain = SplitChain(Column(row, 16));
  e->hedge = Column(row, 17);
  const std::string modality = Column(row, 18);
  e->modality = EventModality::kAsserted;
  for (EventModality m :
       {EventModality::kAsserted, EventModality::kClaimed, EventModality::kDenied, EventModality::kNegated,
        EventModality::kThreatened, EventModality::kDemanded, EventModality::kPlanned, EventModality::kHypothetical}) {
    if (modality == EventModalityName(m)) e->modality = m;
  }
  e->governor = sqlite3_column_type(row, 19) == SQLITE_NULL ? -1 : sqlite3_column_int(row, 19);
  e->acled_type = Column(row, 20);
  e->acled_subtype = Column(row, 21);
  return true;
}

}  // namespace casus
