#include "casus/core/document.h"

#include <gtest/gtest.h>

namespace casus {
namespace {

TEST(Document, CleanTextCutsBoilerplateAndDateline) {
  //                     0         1         2         3         4
  std::string text = " date 2023-09-20 Moscow, Sept 20 : Russia spoke.\nAdvertisement\n\nSecond line.\n";
  Document document("id", "test", SourceFormat::kCrawlText, text);
  document.boilerplate.push_back({Span{0, 17}, BoilerplateKind::kCrawlHeader});
  size_t ad = text.find("Advertisement");
  document.boilerplate.push_back(
      {Span{static_cast<uint32_t>(ad), static_cast<uint32_t>(ad + 13)}, BoilerplateKind::kAdvertisement});
  size_t body = text.find("Russia");
  document.metadata.dateline_span = Span{17, static_cast<uint32_t>(body)};
  EXPECT_EQ(document.CleanText(), "Russia spoke.\n\nSecond line.");
  std::vector<Span> spans = document.ContentSpans();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(document.Text(spans[0]), "Russia spoke.");
  EXPECT_TRUE(document.OverlapsBoilerplate(Span{static_cast<uint32_t>(ad), static_cast<uint32_t>(ad + 3)}));
  EXPECT_FALSE(document.OverlapsBoilerplate(spans[1]));
}

TEST(Document, HashFollowsText) {
  Document a("a", "x", SourceFormat::kJsonLines, "same text");
  Document b("b", "y", SourceFormat::kHtml, "same text");
  Document c("c", "z", SourceFormat::kHtml, "other text");
  EXPECT_EQ(a.content_hash(), b.content_hash());
  EXPECT_NE(a.content_hash(), c.content_hash());
  EXPECT_EQ(a.content_hash().size(), 16u);
}

TEST(TimeExpression, DayOfADateOrATime) {
  auto day = [](TimexType type, const char* value) {
    TimeExpression t;
    t.type = type;
    t.value = value;
    return std::string(t.Day());
  };
  EXPECT_EQ(day(TimexType::kDate, "2023-09-19"), "2023-09-19");
  EXPECT_EQ(day(TimexType::kTime, "2023-09-19TNI"), "2023-09-19");
  EXPECT_EQ(day(TimexType::kTime, "2023-09-19T13:00"), "2023-09-19");
  EXPECT_EQ(day(TimexType::kDate, "2023-09"), "");
  EXPECT_EQ(day(TimexType::kDate, "2023-W38"), "");
  EXPECT_EQ(day(TimexType::kDate, "XXXX-09-19"), "");
  EXPECT_EQ(day(TimexType::kDuration, "P2023-09-19"), "");
  EXPECT_EQ(day(TimexType::kDate, "PRESENT_REF"), "");
}

}  // namespace
}  // namespace casus
