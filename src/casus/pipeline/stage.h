// Stage and Pipeline: how casus runs a sequence of annotators over documents.
//
// A Stage declares the layers it requires and provides. Pipeline::Create checks,
// once, that every requirement is provided by an earlier stage, and the error names
// both stages when the order is wrong. Stages are immutable after construction, so
// one Pipeline may process documents from several threads at once.
#ifndef CASUS_PIPELINE_STAGE_H_
#define CASUS_PIPELINE_STAGE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "casus/core/document.h"
#include "casus/core/status.h"

namespace casus {

struct StageInfo {
  std::string name;
  std::vector<Layer> requires_layers;
  std::vector<Layer> provides_layers;
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual const StageInfo& info() const = 0;
  // Adds this stage's layers to `document`. Must be safe to call concurrently.
  virtual Status Process(Document& document) const = 0;
};

// Wall time spent in each stage, summed over the documents a caller ran.
struct StageTimings {
  std::vector<std::string> names;
  std::vector<std::chrono::nanoseconds> totals;
  void Merge(const StageTimings& other);
};

class Pipeline {
 public:
  // Checks the order of `stages`; Layer::kText is always available.
  static Result<Pipeline> Create(std::vector<std::unique_ptr<Stage>> stages);

  // Runs every stage in order; stops at the first failing stage and returns its
  // status with the stage name and document id prefixed. Adds elapsed time to
  // `timings` when given (it must come from NewTimings()).
  Status Run(Document& document, StageTimings* timings = nullptr) const;

  StageTimings NewTimings() const;

  // The time one document may spend in the stages (0: no limit). Run sets the
  // document's deadline from it; a stage past it returns ErrorCode::kTimeLimit, so a
  // pathological document costs itself, not the batch. Default kDefaultTimeLimit.
  static constexpr std::chrono::milliseconds kDefaultTimeLimit{60'000};
  void set_time_limit(std::chrono::milliseconds limit) { time_limit_ = limit; }
  std::chrono::milliseconds time_limit() const { return time_limit_; }
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
  std::chrono::milliseconds time_limit_ = kDefaultTimeLimit;
};

}  // namespace casus

#endif  // CASUS_PIPELINE_STAGE_H_
