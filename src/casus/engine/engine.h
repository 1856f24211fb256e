// Engine: assembles casus's standard pipeline and drives ingestion
// (read -> clean -> segment -> store) for the command line, the benchmarks and tests.
#ifndef CASUS_ENGINE_ENGINE_H_
#define CASUS_ENGINE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "casus/corpus/corpus.h"
#include "casus/corpus/reconcile.h"
#include "casus/ingest/reader.h"
#include "casus/pipeline/stage.h"
#include "casus/store/store.h"

namespace casus {

// clean -> sentences -> time. Fails only on a programming error in the stage order.
Result<Pipeline> MakeStandardPipeline();

struct IngestOptions {
  ingest::ReaderOptions reader;
  bool progress = false;  // a status line on stderr, refreshed a few times a second
};

struct IngestReport {
  int64_t documents = 0;  // documents read
  int64_t inserted = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t errors = 0;    // inputs, lines or documents that were skipped
  int64_t warnings = 0;  // inputs read with a repair
  int64_t bytes = 0;     // text bytes of the documents read
  // Documents not stored because the disk failed (full, I/O error): after the first
  // such failure the rest of the run is read and counted, not stored, and one error
  // says so; what was stored before it is kept.
  int64_t not_stored = 0;
  bool storage_failed = false;
  double seconds = 0;
  StageTimings timings;
};

// Reads `paths`, runs `pipeline` on each document and stores it. Every problem is
// passed to `on_diagnostic` (and counted); nothing stops the batch.
IngestReport Ingest(const std::vector<std::string>& paths, const Pipeline& pipeline, Store& store,
                    const IngestOptions& options, const ingest::DiagnosticSink& on_diagnostic);

struct CorpusReport {
  int64_t placed = 0;      // articles placed in this run
  int64_t duplicates = 0;  // of which near-duplicates of an earlier article
  int64_t new_stories = 0;
  int64_t changed_stories = 0;  // stories that took an article (new ones included)
  double seconds = 0;
};

// Places every stored article not yet placed (in storage order): near-duplicate group
// and story, joining the stories of earlier runs (restored from the store), then
// summarises and reconciles each changed story and saves it all in one transaction.
// An interrupted run leaves its articles unplaced; the next run places them.
Result<CorpusReport> UpdateCorpus(Store& store, const corpus::CorpusOptions& options);

// One story with its members (sorted by publication date, then storage order), their
// near-duplicate records and the reconciliation of their casualty claims.
struct StoryView {
  StoryRecord record;
  std::vector<Document> members;
  std::vector<corpus::StoryMember> reconcile_members;  // point into `members`
  std::vector<DuplicateRecord> duplicates;
  corpus::IncidentSpan span;
  corpus::Reconciliation reconciliation;
};
Result<std::optional<StoryView>> LoadStory(Store& store, int64_t id);

// What a story's independent articles name (entity mentions outside boilerplate), each
// article counting once: the non-empty keys `key_of` gives, with how many articles name
// them, most named first (ties in reading order).
std::vector<std::pair<std::string, int>> MostNamed(const StoryView& view,
                                                   const std::function<std::string(const EntityMention&)>& key_of);

}  // namespace casus

#endif  // CASUS_ENGINE_ENGINE_H_
