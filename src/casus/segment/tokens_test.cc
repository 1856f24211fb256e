#include "casus/segment/tokens.h"

#include <gtest/gtest.h>

#include <string>

#include "casus/lexicon/english.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"
#include "casus/segment/sentences.h"

namespace casus {
namespace {

// One sentence tagged: "norm/POS/lemma" per token (lemma only where it differs).
Document Tag(const std::string& text) {
  Document document("t", "t", SourceFormat::kJsonLines, text);
  document.sentences.push_back(Sentence{Span{0, static_cast<uint32_t>(text.size())}, 0, false});
  static const TokenTagger tagger;
  EXPECT_TRUE(tagger.Process(document).ok());
  return document;
}

std::string Show(const std::string& text) {
  Document document = Tag(text);
  std::string out;
  for (const Token& token : document.tokens) {
    if (!out.empty()) out += ' ';
    out += std::string(document.Norm(token)) + "/" + PartOfSpeechName(token.pos);
    if (document.Lemma(token) != document.Norm(token)) out += "/" + std::string(document.Lemma(token));
  }
  return out;
}

TEST(EnglishLexicon, LemmasFollowMorphy) {
  const auto& english = lexicon::EnglishLexicon::Builtin();
  ASSERT_GT(english.size(), 100000u);
  std::string scratch;
  const struct {
    const char* word;
    lexicon::WordNetPart part;
    const char* lemma;
  } kCases[] = {
      {"fought", lexicon::kWordNetVerb, "fight"},
      {"villages", lexicon::kWordNetNoun, "village"},
      {"shelled", lexicon::kWordNetVerb, "shell"},
      {"men", lexicon::kWordNetNoun, "man"},
      {"casualties", lexicon::kWordNetNoun, "casualty"},
      {"bigger", lexicon::kWordNetAdjective, "big"},
      {"struck", lexicon::kWordNetVerb, "strike"},
      {"urging", lexicon::kWordNetVerb, "urge"},
      {"xqzzt", lexicon::kWordNetNoun, ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(english.Lemma(c.word, c.part, &scratch), c.lemma) << c.word;
}

TEST(TokenTagger, CutsWordsAndMarks) {
  EXPECT_EQ(Show("Azerbaijan's \"anti-terrorist\" campaign didn't stop."),
            "azerbaijan/PROPN 's/FUNC \"/PUNCT anti-terrorist/NOUN \"/PUNCT campaign/NOUN did/FUNC/do n't/FUNC/not "
            "stop/VERB ./PUNCT");
  EXPECT_EQ(Show("The U.S. sent 1,200 troops and $3.5 million..."),
            "the/FUNC u.s./PROPN sent/VERB/send 1,200/NUM troops/NOUN and/FUNC $/PUNCT 3.5/NUM million/NUM "
            ".../PUNCT");
}

TEST(TokenTagger, PartsOfSpeechFromTheWordBefore) {
  EXPECT_EQ(Show("Troops shelled the villages."),
            "troops/NOUN shelled/VERB/shell the/FUNC villages/NOUN/village ./PUNCT");
  EXPECT_EQ(Show("The attack failed."), "the/FUNC attack/NOUN failed/VERB/fail ./PUNCT");
  EXPECT_EQ(Show("They will attack."), "they/FUNC will/FUNC attack/VERB ./PUNCT");
  EXPECT_EQ(Show("Rebels threatened to attack the base."),
            "rebels/NOUN/rebel threatened/VERB/threaten to/FUNC attack/VERB the/FUNC base/NOUN ./PUNCT");
  EXPECT_EQ(Show("The town was shelled by Azerbaijani forces."),
            "the/FUNC town/NOUN was/FUNC/be shelled/VERB/shell by/FUNC azerbaijani/ADJ forces/NOUN/force ./PUNCT");
  EXPECT_EQ(Show("Police arrested 12 protesters in May."),
            "police/NOUN arrested/VERB/arrest 12/NUM protesters/NOUN/protester in/FUNC may/PROPN ./PUNCT");
}

TEST(TokenTagger, FlagsAndSentences) {
  Document document = Tag("\"We will not retreat,\" NATO said.");
  ASSERT_EQ(document.sentence_tokens.size(), 2u);
  const Token& we = document.tokens[1];
  EXPECT_TRUE(we.Is(kTokenSentenceStart));
  EXPECT_TRUE(we.Is(kTokenQuoted));
  EXPECT_TRUE(we.Is(kTokenPronoun));
  EXPECT_TRUE(document.tokens[2].Is(kTokenModal));
  EXPECT_TRUE(document.tokens[3].Is(kTokenNegation));
  const Token& nato = document.tokens[7];
  EXPECT_EQ(document.Norm(nato), "nato");
  EXPECT_TRUE(nato.Is(kTokenAllCaps));
  EXPECT_FALSE(nato.Is(kTokenQuoted));
  EXPECT_EQ(nato.pos, PartOfSpeech::kProperNoun);
}

// Every entry of resources/function_words.tsv, in its example: a function word of its
// class (or a number word), with its lemma.
TEST(TokenTagger, FunctionWordExamples) {
  size_t checked = 0;
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::function_words())) {
    ASSERT_GE(row.size(), 4u) << row[0];
    const std::string word(row[0]), kind(row[1]), lemma(row[2]), example(row[3]);
    Document document = Tag(example);
    bool found = false;
    for (const Token& token : document.tokens) {
      if (document.Norm(token) != word) continue;
      found = true;
      if (kind == "num") {
        EXPECT_EQ(token.pos, PartOfSpeech::kNumber) << word << " in: " << example;
      } else {
        EXPECT_EQ(token.pos, PartOfSpeech::kFunction) << word << " in: " << example;
      }
      EXPECT_EQ(document.Lemma(token), lemma.empty() ? word : lemma) << word << " in: " << example;
      break;
    }
    EXPECT_TRUE(found) << "'" << word << "' is no token of its example: " << example;
    ++checked;
  }
  EXPECT_GT(checked, 150u);
}

}  // namespace
}  // namespace casus
