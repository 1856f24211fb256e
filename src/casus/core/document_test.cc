#include "casus/core/document.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "casus/core/span_index.h"

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

// The index answers as a scan over every span would, for spans that nest, touch and
// are empty.
TEST(SpanIndex, AgreesWithAScan) {
  std::vector<Span> spans;
  uint64_t state = 88172645463325252ULL;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<uint32_t>(state % 200);
  };
  for (int i = 0; i < 300; ++i) {
    const uint32_t begin = next(), length = next() % 3 == 0 ? next() : next() % 6;
    spans.push_back(Span{begin, begin + length});
  }
  const SpanIndex index(spans.size(), [&](size_t i) { return spans[i]; });
  for (uint32_t begin = 0; begin < 210; begin += 3) {
    for (uint32_t length : {0u, 1u, 4u, 30u}) {
      const Span query{begin, begin + length};
      std::vector<uint32_t> expected, found;
      for (uint32_t i = 0; i < spans.size(); ++i) {
        if (spans[i].Overlaps(query)) expected.push_back(i);
      }
      index.ForEach(query, [&](uint32_t i) { found.push_back(i); });
      std::sort(found.begin(), found.end());
      EXPECT_EQ(found, expected) << begin << "+" << length;
      EXPECT_EQ(index.Any(query), !expected.empty()) << begin << "+" << length;
    }
  }
  const SpanIndex empty(0, [&](size_t i) { return spans[i]; });
  EXPECT_FALSE(empty.Any(Span{0, 10}));
}

}  // namespace
}  // namespace casus
