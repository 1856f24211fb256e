#include "casus/eval/claims_data.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace casus::eval {
namespace {

TEST(Gvdb, ReadsCountsAddressAndIncidentDate) {
  const std::string path = ::testing::TempDir() + "/casus_gvdb_test.tsv";
  {
    std::ofstream out(path);
    out << "Article id\tArticle url\tArticle title\tFull text\tJson\tWorker\n"
        << "7\thttp://news.example.com/2015/08/24/shooting/\tMan shot\tMan shotA man was shot on Sunday.\t"
        << R"({"date-and-time":{"date":"2015-8-23"},"victim-section":[{"victim-was":["injured","killed"]},)"
        << R"({"victim-was":["hospitalized"]},{"victim-was":[]}]})"
        << "\tw1\n"
        << "8\t\tNo date\tNothing.\t{\"date-and-time\":{\"date\":\"someday\"}}\tw2\n";
  }
  Result<std::vector<CountedArticle>> articles = ReadGvdb(path);
  ASSERT_TRUE(articles.ok()) << articles.status().message();
  ASSERT_EQ(articles->size(), 2u);
  const CountedArticle& a = (*articles)[0];
  EXPECT_EQ(a.id, "7");
  EXPECT_EQ(a.url, "http://news.example.com/2015/08/24/shooting/");
  EXPECT_EQ(a.date, "2015-08-23");  // the date tool's "2015-8-23"
  EXPECT_EQ(a.killed, 1);
  EXPECT_EQ(a.injured, 1);
  EXPECT_EQ(a.text, "Man shot\n\nA man was shot on Sunday.");  // the title run into the text is split off
  EXPECT_EQ((*articles)[1].date, "");                          // not a date
  std::remove(path.c_str());
}

TEST(Gvdb, MalformedLinesNameTheLine) {
  const std::string path = ::testing::TempDir() + "/casus_gvdb_bad.tsv";
  {
    std::ofstream out(path);
    out << "header\n1\turl\ttitle\ttext\t{not json\tw\n";
  }
  Result<std::vector<CountedArticle>> articles = ReadGvdb(path);
  ASSERT_FALSE(articles.ok());
  EXPECT_NE(articles.status().message().find(":2:"), std::string::npos);
  std::remove(path.c_str());
}

// Records whose fields have the wrong type are skipped, not thrown over (found by
// fuzz_eval_plover).
TEST(Plover, SkipsFieldsOfTheWrongType) {
  const std::string path = ::testing::TempDir() + "/casus_plover_types.json";
  {
    std::ofstream out(path);
    out << R"([{"id": 5, "text": "A.", "dead": "2"}, {"id": "b", "text": ["A."], "dead": 1},)"
        << R"( {"id": "c", "text": "C.", "dead": {"n": 1}}, {"id": "d", "text": "D.", "dead": 99999999999999},)"
        << R"( {"id": "e", "text": "E.", "dead": "7",}])";
  }
  Result<std::vector<CountedArticle>> articles = ReadPloverDead(path);
  ASSERT_TRUE(articles.ok()) << articles.status().message();
  ASSERT_EQ(articles->size(), 3u);
  EXPECT_EQ((*articles)[0].id, "");  // a number is no id
  EXPECT_EQ((*articles)[0].killed, 2);
  EXPECT_EQ((*articles)[1].killed, 1'000'000'000);  // clamped, no overflow
  EXPECT_EQ((*articles)[2].killed, 7);
  std::remove(path.c_str());
}

// brat offsets written last-first still give a span that opens before it closes.
TEST(Polnear, ReversedOffsetsGiveOrderedSpans) {
  const std::string dir = ::testing::TempDir() + "/casus_polnear_reversed";
  std::filesystem::create_directories(dir + "/text");
  std::filesystem::create_directories(dir + "/attributions");
  std::ofstream(dir + "/text/a.txt") << "The minister said talks would resume.";
  std::ofstream(dir + "/attributions/a_x.ann") << "T1\tSource 12 0\tThe minister\nT3\tContent 37 18\ttalks\n"
                                                  "E1\tAttribution:T1 Source:T1 Content:T3\n";
  Result<std::vector<AttributionDocument>> documents = ReadPolnear(dir);
  ASSERT_TRUE(documents.ok()) << documents.status().message();
  ASSERT_EQ(documents->size(), 1u);
  ASSERT_EQ((*documents)[0].attributions.size(), 1u);
  const GoldAttribution& a = (*documents)[0].attributions[0];
  EXPECT_EQ(a.source.begin, 0u);
  EXPECT_EQ(a.source.end, 12u);
  EXPECT_EQ(a.content.begin, 18u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casus::eval
