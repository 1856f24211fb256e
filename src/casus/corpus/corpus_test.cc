// Tests of the corpus layer: sketches, near-duplicates (with boilerplate, reordering and
// headline changes), stories (content and time), and reconciliation of claims.
#include <gtest/gtest.h>

#include <random>

#include "casus/corpus/corpus.h"
#include "casus/corpus/reconcile.h"
#include "casus/corpus/words.h"
#include "casus/engine/engine.h"

namespace casus::corpus {
namespace {

const char* const kParagraphs[] = {
    "Artillery fire struck the northern districts of Varenka late on Monday, local officials said, damaging a "
    "school and two apartment blocks near the river crossing.",
    "The regional governor told reporters that rescue teams worked through the night to clear rubble from the "
    "main road, which links the town to the provincial capital.",
    "According to the emergency service, at least four people were killed and eleven wounded in the strikes, "
    "the heaviest the town has seen since the spring offensive.",
    "Residents described hearing a series of loud explosions shortly after midnight, followed by fires that "
    "spread along the market street before firefighters arrived.",
    "The defence ministry accused opposing forces of targeting civilian infrastructure and promised to present "
    "evidence to international monitors later this week.",
    "Aid groups said water supplies to several neighbourhoods had been cut and that a field kitchen would open "
    "at the railway station on Tuesday morning.",
    "Monitors from the observer mission are expected to visit the area once the security situation allows, a "
    "spokesperson for the mission said in a written statement.",
};

std::string Article(const std::vector<int>& order, const std::string& header = "", const std::string& extra = "") {
  std::string text = " date 2024-03-12\n" + header;
  for (int index : order) text += std::string(kParagraphs[index]) + "\n\n" + extra;
  return text;
}

Document Annotate(const std::string& id, const std::string& text) {
  static const Pipeline pipeline = std::move(MakeStandardPipeline().value());
  Document document(id, id + ".txt", SourceFormat::kCrawlText, text);
  EXPECT_TRUE(pipeline.Run(document).ok());
  return document;
}

TEST(Sketch, SameTextIsOneDifferentTextNearZero) {
  Sketch a = SketchText(kParagraphs[0]);
  Sketch b = SketchText(std::string(kParagraphs[0]));
  Sketch c = SketchText(kParagraphs[4]);
  EXPECT_EQ(EstimateSimilarity(a, b), 1.0);
  EXPECT_LT(EstimateSimilarity(a, c), 0.15);
  EXPECT_EQ(EstimateSimilarity(a, SketchText("")), 0.0);
  Sketch unpacked;
  std::vector<uint8_t> packed = PackBins(a);
  ASSERT_TRUE(UnpackBins(packed.data(), packed.size(), &unpacked));
  EXPECT_EQ(unpacked.bins, a.bins);
  EXPECT_FALSE(UnpackBins(packed.data(), packed.size() - 1, &unpacked));
}

TEST(NearDuplicates, SurviveBoilerplateReorderingAndHeadline) {
  Corpus corpus;
  const std::vector<int> order = {0, 1, 2, 3, 4, 5, 6};
  ASSERT_TRUE(corpus.Add(Annotate("original", Article(order))).duplicate_of.empty());
  struct Variant {
    const char* name;
    std::string text;
  };
  const Variant variants[] = {
      {"boilerplate",
       Article(order, "By Staff Reporter\n\n", "Advertisement\n\nRead - Talks on prisoner exchange stall\n\n")},
      {"reordered", Article({0, 1, 2, 5, 6, 3, 4})},
      {"headline", Article(order, "Night of shelling leaves Varenka without water\n\n")},
      {"trimmed", Article({0, 1, 2, 3, 4, 5})},
  };
  for (const Variant& variant : variants) {
    Placement placement = corpus.Add(Annotate(variant.name, variant.text));
    EXPECT_EQ(placement.duplicate_of, "original") << variant.name;
    EXPECT_GE(placement.similarity, 0.6) << variant.name;
  }
}

TEST(NearDuplicates, DifferentArticlesSameDaySamePlaceAreNot) {
  Corpus corpus;
  corpus.Add(Annotate("first", Article({0, 1, 2, 3, 4, 5, 6})));
  const std::string other =
      " date 2024-03-12\nVarenka residents queued for water on Monday after strikes damaged the northern districts, "
      "and officials said four people had died.\n\nThe governor said repairs to the pumping station would take "
      "several days, while aid groups opened a field kitchen at the railway station.\n\nShops on the market street "
      "stayed closed and schools moved lessons online until further notice, the education office said.\n";
  Placement placement = corpus.Add(Annotate("second", other));
  EXPECT_TRUE(placement.duplicate_of.empty()) << placement.similarity;
}

TEST(NearDuplicates, ExactCopiesAreMarkedExact) {
  Corpus corpus;
  corpus.Add(Annotate("a", Article({0, 1, 2})));
  Placement copy = corpus.Add(Annotate("b", Article({0, 1, 2}, "Advertisement\n\n")));
  EXPECT_EQ(copy.duplicate_of, "a");
  EXPECT_TRUE(copy.exact);
  EXPECT_EQ(copy.similarity, 1.0);
}

// Planted copies with a few words changed among unrelated generated texts: all found, no
// false pair, with the bucket table growing from its smallest size.
TEST(DuplicateIndex, FindsPlantedCopiesAmongThousands) {
  std::mt19937 random(7);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 3000; ++i) vocabulary.push_back("w" + std::to_string(i));
  auto text = [&](int words) {
    std::string out;
    for (int i = 0; i < words; ++i) out += vocabulary[random() % vocabulary.size()] + " ";
    return out;
  };
  DuplicateIndex index;
  std::vector<std::string> texts;  // by article number
  std::vector<uint32_t> originals;
  int planted = 0, found = 0, false_pairs = 0;
  for (int i = 0; i < 6000; ++i) {
    if (i % 10 == 9) {
      // A copy of an earlier original with 3 of its 200 words doubled by an insertion.
      const uint32_t source = originals[random() % originals.size()];
      std::string copy = texts[source];
      for (int edit = 0; edit < 3; ++edit) {
        size_t at = copy.find(' ', random() % copy.size());
        if (at != std::string::npos) copy.insert(at, " edited");
      }
      ++planted;
      std::optional<DuplicateMatch> match = index.Add(SketchText(copy));
      if (match && match->canonical == source) ++found;
      texts.push_back(copy);
      continue;
    }
    texts.push_back(text(200));
    originals.push_back(static_cast<uint32_t>(texts.size() - 1));
    if (index.Add(SketchText(texts.back()))) ++false_pairs;
  }
  EXPECT_EQ(false_pairs, 0);
  EXPECT_GE(found, planted * 95 / 100) << found << " of " << planted;
  EXPECT_LT(index.MemoryBytes() / index.size(), 400u);
}

TEST(Stories, ContentAndTimeDecide) {
  StoryClusterer clusterer;
  auto day = [](int d) { return 19800 + d; };
  Document a = Annotate("a", Article({0, 1, 2, 3}));
  Document b = Annotate("b",
                        " date 2024-03-14\nRescue teams in Varenka finished clearing rubble from the school hit by "
                        "artillery fire, the regional governor said, as the death toll from the strikes on the "
                        "northern districts rose to five.\n\nThe emergency service said water supplies to the "
                        "northern districts would be restored by Friday, and the observer mission visited the "
                        "damaged apartment blocks near the river crossing.\n");
  Document unrelated = Annotate("c",
                                " date 2024-03-12\nThe central bank raised interest rates by half a point on Tuesday, "
                                "citing persistent inflation in food and energy prices.\n\nAnalysts had expected a "
                                "smaller move, and the currency strengthened against the euro after the decision.\n");
  size_t story_a = clusterer.Add(ArticleTerms(a), day(0));
  EXPECT_EQ(clusterer.Add(ArticleTerms(b), day(2)), story_a) << clusterer.last_similarity();
  EXPECT_NE(clusterer.Add(ArticleTerms(unrelated), day(1)), story_a);
  // The same words two months later: a new incident, a new story.
  EXPECT_NE(clusterer.Add(ArticleTerms(a), day(60)), story_a);
  EXPECT_EQ(clusterer.stories()[story_a].members, 2u);
}

TEST(Stories, DuplicatesFollowTheirCanonical) {
  StoryClusterer clusterer;
  size_t first = clusterer.Add(ArticleTerms(Annotate("a", Article({0, 1}))), 19800);
  size_t second = clusterer.Add(ArticleTerms(Annotate("b", kParagraphs[4])), 19800);
  EXPECT_EQ(clusterer.Add(ArticleTerms(Annotate("c", Article({0, 1}))), 19801, static_cast<int64_t>(second)), second);
  EXPECT_NE(first, second);
}

TEST(Stories, RefineKeepsCopiesWithTheirCanonical) {
  StoryClusterer clusterer;
  const size_t a = clusterer.Add(ArticleTerms(Annotate("a", Article({0, 1, 2}))), 19800);
  const size_t b = clusterer.Add(ArticleTerms(Annotate("b", kParagraphs[4])), 19800);
  const size_t copy = clusterer.Add(ArticleTerms(Annotate("c", Article({0, 1, 2}))), 19801, static_cast<int64_t>(a), 0);
  EXPECT_EQ(copy, a);
  std::vector<size_t> placed = clusterer.Refine();
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[2], placed[0]);  // the copy stays with its canonical
  EXPECT_NE(placed[0], placed[1]);
  EXPECT_EQ(placed[1], b);
  EXPECT_TRUE(clusterer.Refine().empty());  // nothing added since
}

// An article left alone after the passes joins its most similar story at
// kLoneFactor times the threshold, and only then.
TEST(Stories, ALoneArticleJoinsItsNearestStoryAtALowerBar) {
  const TermCounts story = {{"ferry", 2}, {"harbour", 1}, {"capsized", 2}, {"storm", 1}, {"rescuers", 1}};
  const TermCounts lone = {{"ferry", 1}, {"capsized", 1}, {"budget", 1}, {"minister", 1}, {"tariff", 1}};
  // The similarity the lone article reaches, measured once with a bar it cannot meet.
  StoryClusterer probe(StoryOptions{0.99, 7});
  probe.Add(story, 19800);
  probe.Add(story, 19800, 0);
  probe.Add(lone, 19801);
  const double similarity = probe.last_similarity();
  ASSERT_GT(similarity, 0.1);
  for (const double factor : {0.9, 1.2}) {
    // Online the article stays alone (the bar is above its similarity); at Refine the
    // lower bar is similarity / factor: met for 1.2, not for 0.9.
    StoryClusterer clusterer(StoryOptions{similarity / (StoryClusterer::kLoneFactor * factor), 7});
    clusterer.Add(story, 19800);
    clusterer.Add(story, 19800, 0);
    EXPECT_NE(clusterer.Add(lone, 19801), 0u);
    std::vector<size_t> placed = clusterer.Refine();
    ASSERT_EQ(placed.size(), 3u);
    EXPECT_EQ(placed[2] == placed[0], factor > 1) << factor;
  }
}

// Refine weighs the batch again with its final frequencies and places it again: a word
// that turned out common no longer holds an article in a story.
TEST(Stories, RefineWeighsAndPlacesTheBatchAgain) {
  StoryClusterer clusterer;
  clusterer.Add({{"summit", 3}, {"glacier", 1}}, 19800);
  for (int i = 0; i < 20; ++i) {
    TermCounts filler = {{"summit", 1}};
    for (const char* word : {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"}) {
      filler.emplace_back(word + std::to_string(i), 1);
    }
    clusterer.Add(filler, 19800);
  }
  EXPECT_EQ(clusterer.TopTerms(0, 1)[0].first, "summit");
  std::vector<size_t> placed = clusterer.Refine();
  ASSERT_EQ(placed.size(), 21u);
  EXPECT_EQ(clusterer.TopTerms(placed[0], 1)[0].first, "glacier");
  EXPECT_EQ(clusterer.stories()[placed[0]].members, 1u);
}

CasualtyClaim Claim(const Document& d, const std::string& sentence, int64_t killed, CountQualifier qualifier,
                    std::vector<std::string> chain, std::string victims = "people", std::string when = "") {
  CasualtyClaim claim;
  size_t at = d.text().find(sentence);
  EXPECT_NE(at, std::string::npos) << sentence;
  claim.evidence = claim.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + sentence.size())};
  claim.killed = CasualtyCount{true, killed, "", qualifier};
  claim.source_chain = std::move(chain);
  claim.victims = std::move(victims);
  claim.when = std::move(when);
  return claim;
}

TEST(Reconcile, CopiesCountOnceBackgroundApartConservativeIsSourced) {
  const std::string s1 = "Officials said 12 people were killed.";
  const std::string s2 = "The army said 30 people were killed.";
  const std::string s3 = "Eight soldiers were killed.";
  const std::string s4 = "Over 500 were killed in the 2019 war.";
  const std::string s5 = "A monitor reportedly counted 5 dead.";
  Document a("a", "a", SourceFormat::kCrawlText, s1 + "\n" + s3 + "\n" + s4);
  a.metadata.published = "2024-03-12";
  Document copy("copy", "copy", SourceFormat::kCrawlText, "Headline\n" + s1 + "\n" + s3 + "\n" + s4);
  copy.metadata.published = "2024-03-12";
  Document b("b", "b", SourceFormat::kCrawlText, s2 + "\n" + s5);
  b.metadata.published = "2024-03-13";
  for (Document* d : {&a, &copy}) {
    d->casualties.push_back(Claim(*d, s1, 12, CountQualifier::kExact, {"Officials"}));
    d->casualties.push_back(Claim(*d, s3, 8, CountQualifier::kExact, {}, "soldiers"));
    d->casualties.push_back(Claim(*d, s4, 500, CountQualifier::kMoreThan, {}, "", "2019"));
  }
  b.casualties.push_back(Claim(b, s2, 30, CountQualifier::kExact, {"The army"}));
  b.casualties.push_back(Claim(b, s5, 5, CountQualifier::kExact, {"A monitor"}));
  b.casualties.back().hedge = "reportedly";
  std::vector<StoryMember> members = {{&a, ""}, {&copy, "a"}, {&b, ""}};
  IncidentSpan span = FindIncidentSpan(members);
  EXPECT_EQ(span.first, "2024-03-12");
  EXPECT_EQ(span.last, "2024-03-13");
  Reconciliation r = Reconcile(members, span);
  ASSERT_EQ(r.claims.size(), 5u);
  EXPECT_EQ(r.claims[0].carriers, (std::vector<std::string>{"a", "copy"}));
  EXPECT_EQ(r.claims[0].independent_carriers, 1);
  EXPECT_FALSE(r.claims[2].background.empty());  // 2019
  ASSERT_EQ(r.figures.size(), 2u);               // killed: general, military
  const Figure& general = r.figures[0];
  EXPECT_EQ(general.victim_class, "general");
  EXPECT_TRUE(general.conflicting);
  EXPECT_EQ(RangeText(general), "5 to 30");
  EXPECT_EQ(general.conservative.value, 12);  // 5 is hedged: the lowest well-sourced count is 12
  EXPECT_EQ(r.figures[1].victim_class, "military");
  EXPECT_FALSE(r.figures[1].conflicting);
}

// Civilians are shown within people, fewer of them is no conflict and more is; a running
// toll replaces the smaller counts; parts, background and the attackers stay apart.
TEST(Reconcile, InnerClassesRunningTollsPartsAndAttackers) {
  const std::string s1 = "Officials said 20 people were killed.";
  const std::string s2 = "A monitor said 6 civilians were killed.";
  const std::string s3 = "Four of the dead were children.";
  const std::string s4 = "The gunman was killed.";
  const std::string s5 = "Last year 90 people were killed.";
  Document a("a", "a", SourceFormat::kCrawlText, s1 + "\n" + s2 + "\n" + s3 + "\n" + s4 + "\n" + s5);
  a.metadata.published = "2024-03-12";
  a.casualties.push_back(Claim(a, s1, 20, CountQualifier::kExact, {"Officials"}));
  a.casualties.push_back(Claim(a, s2, 6, CountQualifier::kExact, {"A monitor"}, "civilians"));
  a.casualties.push_back(Claim(a, s3, 4, CountQualifier::kExact, {}, "children"));
  a.casualties.back().part_of = 0;
  a.casualties.push_back(Claim(a, s4, 1, CountQualifier::kExact, {}, "gunman"));
  a.casualties.back().group = CasualtyGroup::kPerpetrators;
  a.casualties.push_back(Claim(a, s5, 90, CountQualifier::kExact, {}));
  a.casualties.back().background = true;
  Reconciliation r = Reconcile({{&a, ""}}, IncidentSpan{"2024-03-12", "2024-03-12"});
  ASSERT_EQ(r.figures.size(), 2u);  // killed: general (with civilians), perpetrators
  const Figure& general = r.figures[0];
  EXPECT_EQ(general.victim_class, "general");
  EXPECT_TRUE(general.nested);
  EXPECT_FALSE(general.conflicting);
  EXPECT_EQ(RangeText(general), "6 to 20");
  EXPECT_EQ(general.claims.size(), 2u);
  EXPECT_EQ(r.figures[1].victim_class, "perpetrators");
  EXPECT_FALSE(r.claims[2].background.empty());  // the part
  EXPECT_FALSE(r.claims[4].background.empty());  // last year
  // More civilians than people: the sources disagree.
  a.casualties[1].killed.value = 25;
  EXPECT_TRUE(Reconcile({{&a, ""}}, IncidentSpan{"2024-03-12", "2024-03-12"}).figures[0].conflicting);
  // A running toll replaces the earlier, smaller count: no conflict, one figure.
  const std::string t1 = "Five people were killed in the blast.";
  const std::string t2 = "The toll rose to 11.";
  Document b("b", "b", SourceFormat::kCrawlText, t1 + "\n" + t2);
  b.metadata.published = "2024-03-12";
  b.casualties.push_back(Claim(b, t1, 5, CountQualifier::kExact, {"Police"}));
  b.casualties.push_back(Claim(b, t2, 11, CountQualifier::kExact, {"Police"}, ""));
  b.casualties.back().cumulative = true;
  Reconciliation running = Reconcile({{&b, ""}}, IncidentSpan{"2024-03-12", "2024-03-12"});
  ASSERT_EQ(running.figures.size(), 1u);
  EXPECT_FALSE(running.figures[0].conflicting);
  EXPECT_EQ(RangeText(running.figures[0]), "11");
  EXPECT_EQ(running.figures[0].superseded, std::vector<size_t>{0});
}

TEST(Reconcile, IncidentSpanLeavesOutStartingPoints) {
  Document d("d", "d", SourceFormat::kCrawlText, "Shelling since March 9 killed 12 on Tuesday.");
  d.metadata.published = "2024-03-13";
  TimeExpression since;
  since.value = "2024-03-09";
  since.since = true;
  TimeExpression tuesday;
  tuesday.value = "2024-03-12";
  d.time_expressions = {since, tuesday};
  IncidentSpan span = FindIncidentSpan({{&d, ""}});
  EXPECT_EQ(span.first, "2024-03-12");
  EXPECT_EQ(span.last, "2024-03-12");
  d.time_expressions[0].since = false;  // "on March 9" is a day of the incident
  EXPECT_EQ(FindIncidentSpan({{&d, ""}}).first, "2024-03-09");
}

TEST(Words, VictimClasses) {
  EXPECT_EQ(VictimClass("civilians"), "civilians");
  EXPECT_EQ(LargerClass("civilians"), "general");
  EXPECT_EQ(LargerClass("military"), "military");
  EXPECT_EQ(VictimClass("Armenian soldiers"), "military");
  EXPECT_EQ(VictimClass("protesters"), "protesters");
  EXPECT_EQ(VictimClass(""), "general");
  EXPECT_TRUE(IsStopWord("said"));
  EXPECT_FALSE(IsStopWord("shelling"));
}

}  // namespace
}  // namespace casus::corpus
