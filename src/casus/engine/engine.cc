// The standard pipeline and the ingest loop. The loop is single-threaded: each
// document is read, annotated and written before the next, so a crash loses at most
// the document in flight. Progress goes to stderr at most four times a second.
#include "casus/engine/engine.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <unordered_set>

#include "casus/annotate/claims/attribution.h"
#include "casus/annotate/claims/casualties.h"
#include "casus/annotate/entities/entity_tagger.h"
#include "casus/annotate/events/event_tagger.h"
#include "casus/annotate/time/time_tagger.h"
#include "casus/normalize/cleaner.h"
#include "casus/segment/sentences.h"
#include "casus/segment/tokens.h"

namespace casus {

Result<Pipeline> MakeStandardPipeline() {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<Cleaner>());
  stages.push_back(std::make_unique<SentenceSplitter>());
  stages.push_back(std::make_unique<TokenTagger>());
  stages.push_back(std::make_unique<TimeTagger>());
  stages.push_back(std::make_unique<AttributionTagger>());
  stages.push_back(std::make_unique<CasualtyTagger>());
  stages.push_back(std::make_unique<entities::EntityTagger>());
  stages.push_back(std::make_unique<events::EventTagger>());
  return Pipeline::Create(std::move(stages));
}

IngestReport Ingest(const std::vector<std::string>& paths, const Pipeline& pipeline, Store& store,
                    const IngestOptions& options, const ingest::DiagnosticSink& on_diagnostic) {
  using Clock = std::chrono::steady_clock;
  IngestReport report;
  report.timings = pipeline.NewTimings();
  const Clock::time_point start = Clock::now();
  Clock::time_point last_progress = start;
  std::unordered_set<std::string> ids_this_run;
  bool progress_shown = false;

  auto diagnose = [&](ingest::Diagnostic&& diagnostic) {
    if (diagnostic.severity == ingest::Severity::kError) {
      ++report.errors;
    } else {
      ++report.warnings;
    }
    if (progress_shown) {
      std::fputs("\r\033[K", stderr);
      progress_shown = false;
    }
    on_diagnostic(std::move(diagnostic));
  };
  Status storage_error;  // the disk's first failure; nothing more is stored after it
  auto on_document = [&](Document&& document) {
    ++report.documents;
    report.bytes += static_cast<int64_t>(document.text().size());
    if (report.storage_failed) {
      ++report.not_stored;
      return;
    }
    Status status = pipeline.Run(document, &report.timings);
    if (!status.ok()) {
      diagnose(ingest::Diagnostic{document.source(), 0, ingest::Severity::kError, status.code(), status.message()});
      return;
    }
    Result<PutOutcome> outcome = store.Put(document);
    if (!outcome.ok() && outcome.status().code() == ErrorCode::kIoError) {
      report.storage_failed = true;
      storage_error = outcome.status();
      ++report.not_stored;
      return;
    }
    if (!outcome.ok()) {
      diagnose(ingest::Diagnostic{document.source(), 0, ingest::Severity::kError, outcome.status().code(),
                                  outcome.status().message()});
      return;
    }
    bool repeated = !ids_this_run.insert(document.id()).second;
    switch (*outcome) {
      case PutOutcome::kInserted: ++report.inserted; break;
      case PutOutcome::kUnchanged: ++report.unchanged; break;
      case PutOutcome::kUpdated:
        ++report.updated;
        if (repeated) {
          diagnose(ingest::Diagnostic{
              document.source(), 0, ingest::Severity::kWarning, ErrorCode::kInvalidArgument,
              "id '" + document.id() + "' was already used by an earlier input of this run; this one replaces it"});
        }
        break;
    }
    if (options.progress) {
      Clock::time_point now = Clock::now();
      if (now - last_progress > std::chrono::milliseconds(250)) {
        last_progress = now;
        double seconds = std::chrono::duration<double>(now - start).count();
        std::fprintf(stderr, "\r\033[K  %lld documents, %.1f MB, %.0f documents/s, %lld errors",
                     static_cast<long long>(report.documents), report.bytes / 1e6, report.documents / seconds,
                     static_cast<long long>(report.errors));
        progress_shown = true;
      }
    }
  };
  ingest::ReadInputs(paths, options.reader, on_document, diagnose);
  if (Status flushed = store.Flush(); !flushed.ok()) {
    if (flushed.code() == ErrorCode::kIoError && !report.storage_failed) {
      report.storage_failed = true;
      storage_error = flushed;
    } else if (flushed.code() != ErrorCode::kIoError) {
      diagnose(ingest::Diagnostic{store.path(), 0, ingest::Severity::kError, flushed.code(), flushed.message()});
    }
  }
  if (report.storage_failed) {
    diagnose(ingest::Diagnostic{
        store.path(), 0, ingest::Severity::kError, ErrorCode::kIoError,
        storage_error.message() + "; stopped storing: " + std::to_string(report.not_stored) +
            " documents of this run were not stored (those stored before are kept); free space and run the same "
            "ingest again"});
  }
  if (progress_shown) std::fputs("\r\033[K", stderr);
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

}  // namespace casus
