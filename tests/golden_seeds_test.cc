// Golden test: ingests ../shared/seeds through the whole engine (readers, pipeline,
// store) and checks ../shared/gold/seeds.json: publication dates, titles, author,
// publisher, dateline, time of publication, the embedded post, every boilerplate line
// marked and nothing else marked. A mismatch prints the document and the lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "casus/core/text.h"
#include "casus/engine/engine.h"
#include "tests/testing/temp_dir.h"

namespace casus {
namespace {

namespace fs = std::filesystem;
const std::string kShared = CASUS_SHARED_DIR;

class GoldenSeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kShared + "/gold/seeds.json")) return;
    std::ifstream in(kShared + "/gold/seeds.json");
    gold_ = new nlohmann::json(nlohmann::json::parse(in));
    dir_ = new testing::TempDir();
    auto store = Store::Open(dir_->Join("seeds.db"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto pipeline = MakeStandardPipeline();
    ASSERT_TRUE(pipeline.ok());
    IngestReport report = Ingest({kShared + "/seeds"}, *pipeline, **store, IngestOptions{},
                                 [](ingest::Diagnostic&& d) { ADD_FAILURE() << d.ToString(); });
    EXPECT_EQ(report.inserted, 5);
    documents_ = new std::map<std::string, Document>();
    for (auto& [id, expected] : (*gold_)["documents"].items()) {
      auto found = (*store)->Get(id);
      ASSERT_TRUE(found.ok() && found->has_value()) << "missing document " << id;
      documents_->emplace(id, std::move(found->value()));
    }
  }
  static void TearDownTestSuite() {
    delete documents_;
    delete dir_;
    delete gold_;
  }
  void SetUp() override {
    if (gold_ == nullptr) GTEST_SKIP() << "no " << kShared << "/gold/seeds.json beside the checkout";
  }

  static nlohmann::json* gold_;
  static testing::TempDir* dir_;
  static std::map<std::string, Document>* documents_;
};

nlohmann::json* GoldenSeeds::gold_ = nullptr;
testing::TempDir* GoldenSeeds::dir_ = nullptr;
std::map<std::string, Document>* GoldenSeeds::documents_ = nullptr;

// The gold states lines as text; the seeds may use no-break or other Unicode spaces
// where the gold has a plain space. Compare with every run of white space as one space.
std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (size_t space = SpaceLengthAt(text, i)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      i += space;
    } else {
      out += text[i++];
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Or(const nlohmann::json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

TEST_F(GoldenSeeds, Metadata) {
  for (auto& [id, expected] : (*gold_)["documents"].items()) {
    const Metadata& m = documents_->at(id).metadata;
    EXPECT_EQ(m.published, Or(expected, "published")) << id;
    EXPECT_EQ(m.title, Or(expected, "title")) << id;  // null in the gold: no headline
    if (expected.contains("author")) {
      EXPECT_EQ(m.author, Or(expected, "author")) << id;
    }
    if (expected.contains("publisher")) {
      EXPECT_EQ(m.publisher, Or(expected, "publisher")) << id;
    }
    if (expected.contains("dateline")) {
      EXPECT_EQ(m.dateline, Or(expected, "dateline")) << id;
    }
    if (expected.contains("published_time")) {
      EXPECT_EQ(m.published_time + " " + m.published_zone, Or(expected, "published_time")) << id;
    }
  }
}

TEST_F(GoldenSeeds, BoilerplateExactlyAsListed) {
  for (auto& [id, expected] : (*gold_)["documents"].items()) {
    const Document& d = documents_->at(id);
    std::set<std::string> listed;
    if (expected.contains("boilerplate_lines")) {
      for (const auto& line : expected["boilerplate_lines"]) listed.insert(NormalizeSpaces(line.get<std::string>()));
    }
    std::set<std::string> marked;
    for (const BoilerplateSpan& b : d.boilerplate) {
      if (b.kind == BoilerplateKind::kCrawlHeader || b.kind == BoilerplateKind::kEmbeddedPost) continue;
      marked.insert(NormalizeSpaces(d.Text(b.span)));
    }
    for (const std::string& line : listed) EXPECT_TRUE(marked.count(line)) << id << ": not marked: " << line;
    for (const std::string& line : marked) {
      EXPECT_TRUE(listed.count(line)) << id << ": content marked as boilerplate: " << line;
    }
    // No paragraph of the clean text is a listed line.
    for (Span paragraph : d.ContentSpans()) {
      EXPECT_FALSE(listed.count(NormalizeSpaces(d.Text(paragraph)))) << id << ": " << d.Text(paragraph);
    }
  }
}

TEST_F(GoldenSeeds, EmbeddedPosts) {
  for (auto& [id, expected] : (*gold_)["documents"].items()) {
    const Document& d = documents_->at(id);
    if (!expected.contains("embedded_post")) {
      EXPECT_TRUE(d.embedded_posts.empty()) << id;
      continue;
    }
    ASSERT_EQ(d.embedded_posts.size(), 1u) << id;
    const nlohmann::json& post = expected["embedded_post"];
    EXPECT_EQ(d.embedded_posts[0].author, Or(post, "author"));
    EXPECT_EQ(d.embedded_posts[0].handle, Or(post, "handle"));
    EXPECT_EQ(d.embedded_posts[0].date, Or(post, "date"));
    EXPECT_TRUE(d.OverlapsBoilerplate(d.embedded_posts[0].span));
  }
}

TEST_F(GoldenSeeds, SentencesCoverContentOnly) {
  for (const auto& [id, d] : *documents_) {
    EXPECT_GE(d.sentences.size(), 10u) << id;
    for (const Sentence& s : d.sentences) {
      EXPECT_FALSE(d.OverlapsBoilerplate(s.span)) << id << ": " << d.Text(s.span);
      EXPECT_FALSE(s.span.Overlaps(d.metadata.dateline_span)) << id;
    }
  }
  // The dateline is cut from the first sentence of 000.
  const Document& d = documents_->at("000_c3ad1bdbca6b11df");
  EXPECT_EQ(d.Text(d.sentences[0].span).substr(0, 23), "Russia has called for a");
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

// Every relative date of the gold, by document: the gold writes "on Tuesday" where
// TimeML spans are "Tuesday", so a system expression matches when either text
// contains the other and the values are equal.
TEST_F(GoldenSeeds, RelativeDates) {
  int checked = 0;
  for (const auto& item : (*gold_)["relative_dates"]) {
    const Document& d = documents_->at(item["doc"].get<std::string>());
    std::string text = NormalizeSpaces(item["text"].get<std::string>());
    std::string value = item["value"].get<std::string>();
    std::string seen;
    bool found = false;
    for (const TimeExpression& t : d.time_expressions) {
      std::string system = NormalizeSpaces(d.Text(t.span));
      if (text.find(system) == std::string::npos && system.find(text) == std::string::npos) continue;
      seen += " [" + system + " = " + t.value + "]";
      found = found || t.value == value;
    }
    EXPECT_TRUE(found) << d.id() << ": '" << text << "' should be " << value << "; found:" << seen;
    ++checked;
  }
  EXPECT_EQ(checked, 10);
}

}  // namespace
}  // namespace casus
