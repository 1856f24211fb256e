#include "casus/eval/timeml.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace casus::eval {
namespace {

TEST(TimeMl, ValuesCompareAcrossSpellings) {
  EXPECT_TRUE(SameTimexValue("2000-W07", "2000-W7"));
  EXPECT_TRUE(SameTimexValue("1989-11-06T17:00", "1989-11-06T17"));
  EXPECT_TRUE(SameTimexValue("P1D", "P1D"));
  EXPECT_FALSE(SameTimexValue("2000-W17", "2000-W7"));
  EXPECT_FALSE(SameTimexValue("2000-W07", "2000-W08"));
  EXPECT_FALSE(SameTimexValue("1989-11-06T17:30", "1989-11-06T17"));
  EXPECT_FALSE(SameTimexValue("198", "198X"));
}

TEST(TimeMl, ReadsAndScoresADocument) {
  const std::string path = ::testing::TempDir() + "/casus_timeml_test.tml";
  {
    std::ofstream out(path);
    out << "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2000-02-18\" "
           "functionInDocument=\"CREATION_TIME\">02/18/2000</TIMEX3></DCT>\n<TEXT>Talks ended "
           "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2000-W7\" temporalFunction=\"true\">this week</TIMEX3> "
           "after <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\" temporalFunction=\"false\">three days"
           "</TIMEX3> &amp; more.</TEXT></TimeML>\n";
  }
  Result<TimeMlDocument> document = ReadTimeMl(path);
  std::remove(path.c_str());
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->creation_date, "2000-02-18");
  ASSERT_EQ(document->gold.size(), 2u);
  EXPECT_EQ(document->text.substr(document->gold[0].span.begin, document->gold[0].span.size()), "this week");
  EXPECT_TRUE(document->gold[0].relative);
  EXPECT_FALSE(document->gold[1].relative);

  // The system finds "this week" (spelled 2000-W07) and only "days" of the duration, with
  // the wrong value, and one expression the gold does not have.
  auto at = [&](std::string_view text) {
    size_t begin = document->text.find(text);
    return Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + text.size())};
  };
  std::vector<TimeExpression> system(3);
  system[0].span = at("this week"), system[0].type = TimexType::kDate, system[0].value = "2000-W07";
  system[0].anchor = "2000-02-18 (published)";
  system[1].span = at("days"), system[1].type = TimexType::kDuration, system[1].value = "PXD";
  system[2].span = at("Talks"), system[2].type = TimexType::kDate, system[2].value = "PRESENT_REF";
  std::vector<TimexError> errors;
  TimexCounts counts = ScoreTimex(*document, system, &errors);
  EXPECT_EQ(counts.gold, 2);
  EXPECT_EQ(counts.system, 3);
  EXPECT_EQ(counts.strict, 1);
  EXPECT_EQ(counts.relaxed, 2);
  EXPECT_EQ(counts.value_correct, 1);
  EXPECT_EQ(counts.type_correct, 2);
  EXPECT_EQ(counts.gold_relative, 1);
  EXPECT_EQ(counts.value_correct_relative, 1);
  EXPECT_EQ(counts.system_relative, 1);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].kind, "value");
  EXPECT_EQ(errors[1].kind, "spurious");
  EXPECT_EQ(errors[1].document, document->id + ", created 2000-02-18");
}

}  // namespace
}  // namespace casus::eval
