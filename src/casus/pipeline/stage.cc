// Pipeline assembly check and the plain run loop (time each stage, stop on error, a
// stage's exception turned into the document's error).
#include "casus/pipeline/stage.h"

#include <exception>
#include <set>
#include <string>

namespace casus {

void StageTimings::Merge(const StageTimings& other) {
  if (names.empty()) {
    *this = other;
    return;
  }
  for (size_t i = 0; i < totals.size() && i < other.totals.size(); ++i) totals[i] += other.totals[i];
}

Result<Pipeline> Pipeline::Create(std::vector<std::unique_ptr<Stage>> stages) {
  std::set<Layer> available = {Layer::kText};
  for (size_t i = 0; i < stages.size(); ++i) {
    const StageInfo& info = stages[i]->info();
    for (Layer needed : info.requires_layers) {
      if (available.count(needed)) continue;
      // Name the later stage that provides it, if any, so the fix is obvious.
      for (size_t j = i + 1; j < stages.size(); ++j) {
        for (Layer provided : stages[j]->info().provides_layers) {
          if (provided == needed) {
            return Status(ErrorCode::kPipeline, "stage '" + info.name + "' requires layer '" + LayerName(needed) +
                                                    "', which stage '" + stages[j]->info().name +
                                                    "' provides only after it; put '" + stages[j]->info().name +
                                                    "' first");
          }
        }
      }
      return Status(ErrorCode::kPipeline, "stage '" + info.name + "' requires layer '" + LayerName(needed) +
                                              "', which no stage of this pipeline provides");
    }
    for (Layer provided : info.provides_layers) available.insert(provided);
  }
  Pipeline pipeline;
  pipeline.stages_ = std::move(stages);
  return pipeline;
}

StageTimings Pipeline::NewTimings() const {
  StageTimings timings;
  for (const auto& stage : stages_) {
    timings.names.push_back(stage->info().name);
    timings.totals.emplace_back(0);
  }
  return timings;
}

Status Pipeline::Run(Document& document, StageTimings* timings) const {
  int64_t deadline = 0;
  if (time_limit_.count() > 0) {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    deadline = std::chrono::duration_cast<std::chrono::nanoseconds>(now + time_limit_).count();
  }
  document.set_deadline_ns(deadline);
  for (size_t i = 0; i < stages_.size(); ++i) {
    auto start = std::chrono::steady_clock::now();
    Status status;
    // Stages return their failures; an exception is a defect in one (a library call that
    // threw on input it did not expect). It costs this document, not the batch.
    try {
      status = stages_[i]->Process(document);
    } catch (const std::exception& error) {
      status = Status(ErrorCode::kInternal, std::string("unexpected failure (") + error.what() + ")");
    }
    if (timings != nullptr) timings->totals[i] += std::chrono::steady_clock::now() - start;
    // A stage that does not poll still cannot pass its overrun to the next one.
    if (status.ok() && document.PastDeadline()) status = Document::DeadlineStatus(stages_[i]->info().name);
    if (!status.ok()) {
      document.set_deadline_ns(0);
      return Status(status.code(),
                    document.source() + ": stage '" + stages_[i]->info().name + "': " + status.message());
    }
  }
  document.set_deadline_ns(0);
  return Status::Ok();
}

}  // namespace casus
