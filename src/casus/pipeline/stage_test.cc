#include "casus/pipeline/stage.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace casus {
namespace {

class FakeStage : public Stage {
 public:
  FakeStage(std::string name, std::vector<Layer> needs, std::vector<Layer> gives, bool fail = false,
            bool throws = false)
      : info_{std::move(name), std::move(needs), std::move(gives)}, fail_(fail), throws_(throws) {}
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override {
    if (throws_) (void)std::stoi(document.text());  // a defect: std::stoi on text that is no number
    if (fail_) return Status(ErrorCode::kMalformedInput, "refused");
    document.sentences.push_back(Sentence{});
    return Status::Ok();
  }

 private:
  StageInfo info_;
  bool fail_;
  bool throws_;
};

TEST(Pipeline, RejectsAStageBeforeItsProvider) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(
      std::make_unique<FakeStage>("sentences", std::vector{Layer::kBoilerplate}, std::vector{Layer::kSentences}));
  stages.push_back(std::make_unique<FakeStage>("clean", std::vector{Layer::kText}, std::vector{Layer::kBoilerplate}));
  Result<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_FALSE(pipeline.ok());
  EXPECT_EQ(pipeline.status().code(), ErrorCode::kPipeline);
  EXPECT_NE(pipeline.status().message().find("'sentences'"), std::string::npos);
  EXPECT_NE(pipeline.status().message().find("'clean'"), std::string::npos);
}

TEST(Pipeline, RejectsAMissingLayer) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(
      std::make_unique<FakeStage>("sentences", std::vector{Layer::kMetadata}, std::vector{Layer::kSentences}));
  Result<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.status().message().find("no stage"), std::string::npos);
}

TEST(Pipeline, RunsInOrderTimesAndStopsAtFailure) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<FakeStage>("one", std::vector<Layer>{}, std::vector{Layer::kBoilerplate}));
  stages.push_back(std::make_unique<FakeStage>("two", std::vector{Layer::kBoilerplate}, std::vector<Layer>{}, true));
  stages.push_back(std::make_unique<FakeStage>("three", std::vector<Layer>{}, std::vector<Layer>{}));
  Result<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(pipeline.ok());
  Document document("d", "file.txt", SourceFormat::kCrawlText, "text");
  StageTimings timings = pipeline->NewTimings();
  Status status = pipeline->Run(document, &timings);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "file.txt: stage 'two': refused");
  EXPECT_EQ(document.sentences.size(), 1u);  // stage three never ran
  EXPECT_EQ(timings.names.size(), 3u);
}

TEST(Pipeline, TurnsAStageExceptionIntoTheDocumentsError) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(
      std::make_unique<FakeStage>("one", std::vector<Layer>{}, std::vector{Layer::kBoilerplate}, false, true));
  Result<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(pipeline.ok());
  Document bad("d", "bad.txt", SourceFormat::kCrawlText, "no number");
  Status status = pipeline->Run(bad, nullptr);
  EXPECT_EQ(status.code(), ErrorCode::kInternal);
  EXPECT_EQ(status.message().rfind("bad.txt: stage 'one': unexpected failure (", 0), 0u) << status.message();
  Document good("e", "good.txt", SourceFormat::kCrawlText, "42");
  EXPECT_TRUE(pipeline->Run(good, nullptr).ok());  // the next document still runs
}

// A stage that takes its time, polling the document's deadline as real stages do.
class SlowStage : public Stage {
 public:
  const StageInfo& info() const override { return info_; }
  Status Process(Document& document) const override {
    for (int step = 0; step < 2000; ++step) {
      if (document.PastDeadline()) return Document::DeadlineStatus(info_.name);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return Status::Ok();
  }

 private:
  StageInfo info_{"slow", {}, {}};
};

TEST(Pipeline, TurnsAnOverrunIntoTheDocumentsError) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<SlowStage>());
  stages.push_back(std::make_unique<FakeStage>("after", std::vector<Layer>{}, std::vector<Layer>{}));
  Result<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(pipeline.ok());
  EXPECT_EQ(pipeline->time_limit(), Pipeline::kDefaultTimeLimit);
  pipeline->set_time_limit(std::chrono::milliseconds(20));
  Document document("d", "long.txt", SourceFormat::kCrawlText, "text");
  Status status = pipeline->Run(document, nullptr);
  EXPECT_EQ(status.code(), ErrorCode::kTimeLimit);
  EXPECT_EQ(status.message().rfind("long.txt: stage 'slow': over the time limit in slow", 0), 0u) << status.message();
  EXPECT_TRUE(document.sentences.empty());  // the stage after it never ran
  EXPECT_EQ(document.deadline_ns(), 0);     // and the document carries no deadline out
}

TEST(Pipeline, WithoutALimitADocumentHasNoDeadline) {
  Document document("d", "x.txt", SourceFormat::kCrawlText, "text");
  EXPECT_FALSE(document.PastDeadline());
  document.set_deadline_ns(1);  // long past
  EXPECT_TRUE(document.PastDeadline());
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<FakeStage>("one", std::vector<Layer>{}, std::vector<Layer>{}));
  Result<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(pipeline.ok());
  pipeline->set_time_limit(std::chrono::milliseconds(0));
  EXPECT_TRUE(pipeline->Run(document, nullptr).ok());  // Run replaces the stale deadline
}

}  // namespace
}  // namespace casus
