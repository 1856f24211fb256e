#include "casus/eval/claims_data.h"

#include <gtest/gtest.h>

#include <cstdio>
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

}  // namespace
}  // namespace casus::eval
