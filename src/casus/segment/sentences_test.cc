#include "casus/segment/sentences.h"

#include <gtest/gtest.h>

namespace casus {
namespace {

std::string Split(const std::string& text) {
  static const SentenceSplitter splitter;
  std::vector<Sentence> sentences;
  splitter.SplitParagraph(text, Span{0, static_cast<uint32_t>(text.size())}, 0, &sentences);
  std::string out;
  for (const Sentence& s : sentences) {
    if (!out.empty()) out += " | ";
    out += s.span.Of(text);
  }
  return out;
}

TEST(SentenceSplitter, Table) {
  const struct {
    const char* text;
    const char* expected;
  } kCases[] = {
      {"The talks failed. Fighting resumed.", "The talks failed. | Fighting resumed."},
      {"Gen. Mark Ross spoke. Maj. Lee agreed.", "Gen. Mark Ross spoke. | Maj. Lee agreed."},
      {"Dr. Ana Ruiz arrived on Jan. 5 in the city.", "Dr. Ana Ruiz arrived on Jan. 5 in the city."},
      {"The U.S. State Department and the U.N. Security Council met.",
       "The U.S. State Department and the U.N. Security Council met."},
      {"Aid arrived from the U.S. The convoy was delayed.", "Aid arrived from the U.S. | The convoy was delayed."},
      {"The strike hit at 3 p.m. on Tuesday.", "The strike hit at 3 p.m. on Tuesday."},
      {"It started at 5 p.m. The shelling lasted an hour.", "It started at 5 p.m. | The shelling lasted an hour."},
      {"Mike R. Pompeo and J. Smith met.", "Mike R. Pompeo and J. Smith met."},
      {"Over 1,000 fled. The 6.6 quake hit at 2:53 local time.",
       "Over 1,000 fled. | The 6.6 quake hit at 2:53 local time."},
      {"\"We will respond,\" he said. \"Stop now!\" she shouted.",
       "\"We will respond,\" he said. | \"Stop now!\" she shouted."},
      {"\xE2\x80\x9CIt is over.\xE2\x80\x9D The minister left.",
       "\xE2\x80\x9CIt is over.\xE2\x80\x9D | The minister left."},
      {"\"Is it safe?\" he asked.", "\"Is it safe?\" he asked."},
      {"Was it safe? Nobody knew.", "Was it safe? | Nobody knew."},
      {"in line with the Statement made by the...co-chairs of the group.",
       "in line with the Statement made by the...co-chairs of the group."},
      {"The vote passed (41 to 2.) Then it failed.", "The vote passed (41 to 2.) | Then it failed."},
      {"No trailing stop", "No trailing stop"},
      {"Visit the site at example.com. Then call.", "Visit the site at example.com. | Then call."},
  };
  for (const auto& c : kCases) EXPECT_EQ(Split(c.text), c.expected) << c.text;
}

TEST(SentenceSplitter, OffsetsPointIntoTheText) {
  std::string text = "  First one.  Second one.  ";
  static const SentenceSplitter splitter;
  std::vector<Sentence> sentences;
  splitter.SplitParagraph(text, Span{0, static_cast<uint32_t>(text.size())}, 7, &sentences);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].span.begin, 2u);
  EXPECT_EQ(sentences[1].span.Of(text), "Second one.");
  EXPECT_EQ(sentences[1].paragraph, 7u);
}

// A run with no sentence end (a scraped list, figures without full stops) is cut into
// pieces no longer than the cap, at a semicolon, else a comma, else a blank, and the
// pieces cover the whole run.
TEST(SentenceSplitter, CutsARunWithoutFullStops) {
  std::string clauses, no_commas, one_word;
  while (clauses.size() < 20000) clauses += "12 soldiers were wounded near the bridge, ";
  while (no_commas.size() < 20000) no_commas += "and then the shelling went on ";
  one_word.assign(9000, 'x');
  for (const std::string& text : {clauses, no_commas, one_word}) {
    static const SentenceSplitter splitter;
    std::vector<Sentence> sentences;
    splitter.SplitParagraph(text, Span{0, static_cast<uint32_t>(text.size())}, 0, &sentences);
    ASSERT_GE(sentences.size(),
              (text.size() + SentenceSplitter::kMaxSentenceBytes - 1) / SentenceSplitter::kMaxSentenceBytes)
        << text.substr(0, 40);
    uint32_t covered = 0;
    for (const Sentence& sentence : sentences) {
      EXPECT_LE(sentence.span.size(), SentenceSplitter::kMaxSentenceBytes);
      EXPECT_GE(sentence.span.begin, covered);
      // Nothing but blanks between two pieces.
      EXPECT_EQ(text.substr(covered, sentence.span.begin - covered).find_first_not_of(' '), std::string::npos);
      covered = sentence.span.end;
    }
    EXPECT_EQ(text.substr(covered).find_first_not_of(' '), std::string::npos);
    if (&text == &clauses) {
      for (const Sentence& sentence : sentences) {
        if (&sentence != &sentences.back()) {
          EXPECT_EQ(text[sentence.span.end - 1], ',');
        }
      }
    }
  }
  // A long sentence of ordinary clauses under the cap stays whole.
  std::string under;
  while (under.size() < SentenceSplitter::kMaxSentenceBytes - 100) under += "the talks went on, ";
  under += "and ended.";
  EXPECT_EQ(Split(under), under);
}

}  // namespace
}  // namespace casus
