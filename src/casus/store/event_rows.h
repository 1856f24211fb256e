// Rows of the events table (schema 7): binding an event mention to the insert statement
// and reading one back, with its links resolved against the document's other layers.
// Internal to the store.
#ifndef CASUS_STORE_EVENT_ROWS_H_
#define CASUS_STORE_EVENT_ROWS_H_

#include <sqlite3.h>

#include <string>
#include <vector>

#include "casus/core/document.h"

namespace casus {

// The columns the insert statement binds, in order, after doc_key (1) and seq (2).
inline constexpr const char* kInsertEventSql =
    "INSERT INTO events (doc_key, seq, trigger_begin, trigger_end, evidence_begin, evidence_end, sentence, plover, "
    "mode, cameo, acled, actors, targets, time_begin, date, date_precision, place_seq, casualty_begin, source_chain, "
    "hedge, modality, governor, event_type, sub_event_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
inline constexpr const char* kGetEventsSql =
    "SELECT trigger_begin, trigger_end, evidence_begin, evidence_end, sentence, plover, mode, cameo, acled, actors, "
    "targets, time_begin, date, date_precision, place_seq, casualty_begin, source_chain, hedge, modality, governor, "
    "event_type, sub_event_type FROM events WHERE doc_key = ? ORDER BY seq";

// Binds `event` (the `seq`-th of `document`) to an insert statement of kInsertEventSql.
void BindEvent(sqlite3_stmt* statement, int64_t doc_key, size_t seq, const Document& document,
               const EventMention& event);
// Reads a row of kGetEventsSql into `event`; false when it is damaged (a span outside
// the text, a link to nothing). `document` must hold its other layers already.
bool ReadEvent(sqlite3_stmt* row, const Document& document, EventMention* event);

// Actors and targets packed for a column: "entity:begin:end:sector:armed" joined by ";".
std::string PackParticipants(const std::vector<EventParticipant>& participants);
bool UnpackParticipants(const std::string& packed, std::vector<EventParticipant>* out);

}  // namespace casus

#endif  // CASUS_STORE_EVENT_ROWS_H_
