// Table-driven tests of the claims layer: attribution, quotes and casualty claims, each
// case run through the standard pipeline (cleaning, sentences, time, attribution,
// casualties) on a one-paragraph article.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "casus/annotate/claims/lexicon.h"
#include "casus/engine/engine.h"

namespace casus {
namespace {

Document Analyze(const std::string& text, const std::string& published = "2023-09-20") {
  Document document("test", "test", SourceFormat::kJsonLines, text);
  document.metadata.published = published;
  static const Pipeline* pipeline = new Pipeline(std::move(MakeStandardPipeline().value()));
  Status status = pipeline->Run(document);
  EXPECT_TRUE(status.ok()) << status.message();
  return document;
}

std::string Chain(const std::vector<std::string>& chain) {
  std::string out;
  for (const std::string& s : chain) out += (out.empty() ? "" : " <- ") + s;
  return out;
}

// Everything the layer found, for failure messages.
std::string Dump(const Document& d) {
  std::string out;
  for (const Attribution& a : d.attributions) {
    out += "  attribution [" + Chain(a.chain) + "] cue '" + std::string(d.Text(a.cue)) + "' hedge '" + a.hedge +
           "' content '" + std::string(d.Text(a.content)) + "'\n";
  }
  for (const Quote& q : d.quotes) {
    out += std::string("  quote ") + QuoteKindName(q.kind) + " [" + Chain(q.chain) + "] '" +
           std::string(d.Text(q.span)) + "'\n";
  }
  for (const CasualtyClaim& c : d.casualties) {
    out += "  claim killed '" + CountText(c.killed) + "' wounded '" + CountText(c.wounded) + "' missing '" +
           CountText(c.missing) + "' detained '" + CountText(c.detained) + "' victims '" + c.victims + "' source [" +
           Chain(c.source_chain) + "] hedge '" + c.hedge + "'\n";
  }
  return out;
}

struct ClaimCase {
  const char* text;
  const char* killed;  // CountText of the first claim, "" when absent
  const char* wounded;
  const char* victims;  // nullptr: not checked
};

// The text holds exactly one claim that is no part of another, with these counts and
// (when given) victims.
void ExpectOneClaim(const ClaimCase& c) {
  Document d = Analyze(c.text);
  std::vector<const CasualtyClaim*> wholes;
  for (const CasualtyClaim& claim : d.casualties) {
    if (claim.part_of < 0) wholes.push_back(&claim);
  }
  ASSERT_EQ(wholes.size(), 1u) << c.text << "\n" << Dump(d);
  const CasualtyClaim& claim = *wholes[0];
  EXPECT_EQ(CountText(claim.killed), c.killed) << c.text;
  EXPECT_EQ(CountText(claim.wounded), c.wounded) << c.text;
  if (c.victims != nullptr) {
    EXPECT_EQ(claim.victims, c.victims) << c.text;
  }
}

TEST(Casualties, CountsQualifiersAndVictims) {
  const ClaimCase cases[] = {
      {"At least seven civilians were killed and 35 others injured in the attack.", "at least 7", "35", "civilians"},
      {"At least 27 people have been killed and 200 wounded in the operation.", "at least 27", "at least 200",
       "people"},
      {"However, according to Armenian sources, at least 27 people were killed and over 200 wounded.", "at least 27",
       "more than 200", "people"},
      {"The raid killed 6 civilians, including 2 women, in the village.", "6", "", "civilians"},
      {"A roadside bombing near the town killed one U.S. soldier and wounded two others.", "1", "2", "U.S. soldier"},
      {"Rebels shelled the city on Sunday, killing about 20 people, officials said.", "about 20", "", "people"},
      {"Security forces attacked the protesters, injuring at least 38.", "", "at least 38", "protesters"},
      {"Several civilians were killed and dozens wounded in the latest round of violence.", "Several", "dozens",
       "civilians"},
      {"A prominent journalist has been killed in a car bomb explosion.", "1", "", nullptr},
      {"Two suicide bombers killed 23 people as well as themselves.", "23", "", "people"},
      {"Officials said that total 25 civilians had been killed with at least 127 wounded.", "25", "at least 127",
       "civilians"},
      {"Armenian officials said that at least 21 were killed in the clashes.", "at least 21", "", nullptr},
      {"More than 1,000 people were killed in the war.", "more than 1000", "", "people"},
      {"Twenty-five soldiers died in the ambush.", "25", "", "soldiers"},
      {"Hundreds of people were injured.", "", "Hundreds", "people"},
  };
  for (const ClaimCase& c : cases) ExpectOneClaim(c);
}

// One victim without a number: telegraphic headlines (a first line without a full
// stop), a noun ("the murder of a ..."), a subject with words after it, a pronoun.
TEST(Casualties, OnePersonWithoutANumber) {
  const ClaimCase cases[] = {
      {"Man shot, killed on city's west side", "1", "", "Man"},
      {"Waitress shot while helping carjacking victim", "", "1", "Waitress"},
      {"Former basketball star fatally shot during burglary", "1", "", "Former basketball star"},
      {"Police say a man in his 20s was shot and killed near the park.", "1", "", "man"},
      {"A teen who was found on a bike path in Everett early Sunday has died.", "1", "", "teen"},
      {"Robberies at two stores are connected to the murder of a pizza shop worker on Monday.", "1", "",
       "pizza shop worker"},
      {"A man accused of fatally shooting a police officer surrendered on Monday.", "1", "", "police officer"},
      {"A 15-year-old boy was accidentally shot and killed by his brother.", "1", "", nullptr},
      {"He was pronounced dead a short time later.", "1", "", "he"},
  };
  for (const ClaimCase& c : cases) ExpectOneClaim(c);
  // A death named by a noun alone: at least one killed, the victim unnamed.
  for (const char* text : {"Detectives are investigating a deadly shooting near the station.",
                           "The shooting death remains unsolved, police said.",
                           "Deputies are treating the case as a homicide."}) {
    ExpectOneClaim({text, "at least 1", "", "victim"});
  }
  ExpectOneClaim({"A woman with a gunshot wound walked into the clinic.", "", "at least 1", "victim"});
  Document both = Analyze("Officers found the couple in what appeared to be a murder-suicide.");
  ASSERT_EQ(both.casualties.size(), 2u) << Dump(both);
  EXPECT_EQ(both.casualties[1].group, CasualtyGroup::kSelf);
  ExpectOneClaim({"Robert Lee Sr., a 61-year-old retiree, died Friday.", "1", "", "Lee Sr"});
  for (const char* text : {"Homicide detectives interviewed the neighbours.",
                           "Officials discussed the death of a policy they had backed.",
                           "Man shot down the proposal at the meeting.\n\nThe vote was held on Monday.",
                           "Residents say a man in a red coat was seen near the bank."}) {
    Document d = Analyze(text);
    EXPECT_TRUE(d.casualties.empty()) << text << "\n" << Dump(d);
  }
}

TEST(Casualties, RunningTollsAndOtherRoles) {
  Document toll = Analyze("The death toll rose to 25 on Sunday, the ministry said.");
  ASSERT_EQ(toll.casualties.size(), 1u) << Dump(toll);
  EXPECT_EQ(toll.casualties[0].killed.value, 25);
  EXPECT_TRUE(toll.casualties[0].cumulative);
  EXPECT_EQ(Chain(toll.casualties[0].source_chain), "the ministry");

  Document arrests = Analyze("Police fired on the crowd, killing one person and arresting 12.");
  ASSERT_EQ(arrests.casualties.size(), 1u) << Dump(arrests);
  EXPECT_EQ(CountText(arrests.casualties[0].killed), "1");
  EXPECT_EQ(CountText(arrests.casualties[0].detained), "12");

  Document missing = Analyze("Two dozen fishermen are missing after the storm.");
  ASSERT_EQ(missing.casualties.size(), 1u) << Dump(missing);
  EXPECT_EQ(CountText(missing.casualties[0].missing), "24");
}

// A number past any population is no toll, and overflows nothing.
TEST(Casualties, NumbersTooLargeToBeTolls) {
  for (const char* text :
       {"Officials said 99999999999999999999999 people were killed in the attack.",
        "Officials said a million million million people were killed.", "Officials said 1e400 people were killed."}) {
    Document d = Analyze(text);
    for (const CasualtyClaim& claim : d.casualties) {
      EXPECT_GE(claim.killed.value, 0) << text;
      EXPECT_LE(claim.killed.value, 10'000'000'000) << text;
    }
  }
  ExpectOneClaim({"Officials said 1.2 million people were killed in the war.", "1200000", "", "people"});
}

TEST(Casualties, CountsThatAreNotCasualties) {
  const char* const texts[] = {
      "The region is home to roughly 120,000 inhabitants.",
      "Around 2,000 Russian armed forces were deployed in the region as peacekeepers in 2020.",
      "It was their third phone call in six days.",
      "The Security Council adopted Resolution 2334 in 2016 by 14 votes.",
      "The 5-year-old plan was approved by 300 delegates.",
      "Thousands of mercenaries from Syria have arrived, the ministry said.",
      "Hundreds of protesters gathered in the capital.",
  };
  for (const char* text : texts) {
    Document d = Analyze(text);
    EXPECT_TRUE(d.casualties.empty()) << text << "\n" << Dump(d);
  }
}

// Victims listed one by one are counted.
TEST(Casualties, VictimsListedNotCounted) {
  const ClaimCase cases[] = {
      {"A farmer and his 10-year-old daughter were killed by the shell.", "2", "", nullptr},
      {"Four guards and a driver were wounded at the gate.", "", "5", nullptr},
      {"A nurse and her three sons died when the roof collapsed.", "4", "", nullptr},
      {"A teacher, a student and a cook were shot near the school.", "", "3", nullptr},
      {"The mayor and his two bodyguards were killed in the ambush.", "3", "", nullptr},
      {"A shepherd, his son and their two dogs were killed by the mine.", "2", "", nullptr},
  };
  for (const ClaimCase& c : cases) ExpectOneClaim(c);
}

// Parts of a larger figure are linked to it, with its role when they name none.
TEST(Casualties, PartsOfALargerFigure) {
  const struct {
    const char* text;
    int64_t whole;
    const char* role;  // of the part
    int64_t part;
  } cases[] = {
      {"The strike killed 9 farmers, including 3 boys, near the well.", 9, "killed", 3},
      {"Fifty people were injured, 12 of the injured seriously.", 50, "wounded", 12},
      {"The bombing wounded 25 shoppers, including 4 in critical condition.", 25, "wounded", 4},
      {"Seven soldiers died, among them two officers.", 7, "killed", 2},
      {"Twenty people were killed on Friday. Two teachers and a pupil were among the dead.", 20, "killed", 3},
      {"Thirty were wounded in the blast, eight of them children.", 30, "wounded", 8},
  };
  for (const auto& c : cases) {
    Document d = Analyze(c.text);
    ASSERT_EQ(d.casualties.size(), 2u) << c.text << "\n" << Dump(d);
    const CasualtyClaim& whole = d.casualties[0];
    const CasualtyClaim& part = d.casualties[1];
    EXPECT_EQ(part.part_of, 0) << c.text << "\n" << Dump(d);
    EXPECT_EQ(std::max(whole.killed.value, whole.wounded.value), c.whole) << c.text;
    const CasualtyCount& count = std::string(c.role) == "killed" ? part.killed : part.wounded;
    EXPECT_TRUE(count.present) << c.text << "\n" << Dump(d);
    EXPECT_EQ(count.value, c.part) << c.text;
  }
  // What follows a part belongs to the whole, not to the part.
  Document after = Analyze("The blast killed 30 people, including 4 police officers, and wounded 70.");
  for (const CasualtyClaim& claim : after.casualties) {
    if (claim.part_of >= 0) {
      EXPECT_FALSE(claim.wounded.present) << Dump(after);
    }
  }
  // A list opens no prepositional phrase: "in a separate attack" is no victim.
  ExpectOneClaim({"In a separate attack, four guards were wounded.", "", "4", nullptr});
  // No larger figure to belong to, and no role of its own: no claim.
  Document alone = Analyze("Including two children, the families left the camp.");
  EXPECT_TRUE(alone.casualties.empty()) << Dump(alone);
}

// Totals since a date or over a year, and figures of earlier weeks, are background
// (published 2023-09-20).
TEST(Casualties, RunningTotalsAndBackground) {
  const struct {
    const char* text;
    bool background, cumulative;
  } cases[] = {
      {"More than 300 people have died since March 2021.", true, true},
      {"Troops have shot nearly 90 protesters this year.", true, true},
      {"Last month, a car bomb killed 14 people in the port.", true, false},
      {"In 2019, at least 40 villagers were killed in the raids.", true, true},
      {"On Monday, a car bomb killed 14 people in the port.", false, false},
  };
  for (const auto& c : cases) {
    Document d = Analyze(c.text);
    ASSERT_EQ(d.casualties.size(), 1u) << c.text << "\n" << Dump(d);
    EXPECT_EQ(d.casualties[0].background, c.background) << c.text;
    EXPECT_EQ(d.casualties[0].cumulative, c.cumulative) << c.text;
  }
}

// Attackers and those who harmed themselves are counted apart from victims.
TEST(Casualties, AttackersAndSelfHarmApart) {
  const struct {
    const char* text;
    CasualtyGroup group;
  } cases[] = {
      {"The gunman was killed by officers at the scene.", CasualtyGroup::kPerpetrators},
      {"Three attackers died in the firefight.", CasualtyGroup::kPerpetrators},
      {"The suspected robber was shot and wounded.", CasualtyGroup::kPerpetrators},
      {"The man then killed himself.", CasualtyGroup::kSelf},
      {"A villager was killed by the blast.", CasualtyGroup::kVictims},
  };
  for (const auto& c : cases) {
    Document d = Analyze(c.text);
    ASSERT_EQ(d.casualties.size(), 1u) << c.text << "\n" << Dump(d);
    EXPECT_EQ(d.casualties[0].group, c.group) << c.text << "\n" << Dump(d);
  }
  // Both in one sentence: the victims and, apart, the attacker.
  Document both = Analyze("The shooter killed two people before killing himself.");
  ASSERT_EQ(both.casualties.size(), 2u) << Dump(both);
  EXPECT_EQ(both.casualties[0].group, CasualtyGroup::kVictims);
  EXPECT_EQ(both.casualties[0].killed.value, 2);
  EXPECT_EQ(both.casualties[1].group, CasualtyGroup::kSelf);
}

// Figures written as nouns or as updates of a running toll.
TEST(Casualties, FiguresAsNounsAndUpdates) {
  const ClaimCase cases[] = {
      {"The ministry announced the killing of nine gunmen.", "9", "", "gunmen"},
      {"Rescuers confirmed the deaths of 14 miners.", "14", "", "miners"},
      {"The storm claimed the lives of 23 villagers.", "23", "", "villagers"},
      {"The epidemic has claimed 300 lives this year.", "300", "", nullptr},
      {"Another blast brought the number of dead to 45.", "45", "", nullptr},
      {"The number of people injured rose to 70 overnight.", "", "70", nullptr},
      {"The fire left 9 people dead.", "9", "", "people"},
      {"7 shot at block party", "", "7", nullptr},
  };
  for (const ClaimCase& c : cases) ExpectOneClaim(c);
  Document toll = Analyze("The number of dead climbed to 45.");
  ASSERT_EQ(toll.casualties.size(), 1u) << Dump(toll);
  EXPECT_TRUE(toll.casualties[0].cumulative);
}

// resources/claims_words.tsv, category unit: the number before the word is no count.
TEST(Casualties, EveryUnitExample) {
  const claims::Lexicon& lexicon = claims::ClaimsLexicon();
  ASSERT_GT(lexicon.unit.size(), 30u);
  for (const auto& [word, example] : lexicon.unit) {
    ASSERT_FALSE(example.empty()) << word;
    // The number right before the word in the example.
    std::string lower = example;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t at = lower.find(" " + word);
    ASSERT_NE(at, std::string::npos) << word << " in: " << example;
    size_t begin = at;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(lower[begin - 1]))) --begin;
    ASSERT_LT(begin, at) << "no number before '" << word << "' in: " << example;
    const int64_t number = std::stoll(lower.substr(begin, at - begin));
    Document d = Analyze(example);
    for (const CasualtyClaim& claim : d.casualties) {
      for (const CasualtyCount* count : {&claim.killed, &claim.wounded}) {
        EXPECT_FALSE(count->present && count->value == number) << word << " in: " << example << "\n" << Dump(d);
      }
    }
  }
  // A clock's minutes: "at 4:37 p.m. the man died" is one death.
  Document clock = Analyze("At 4:37 p.m. the man died.");
  for (const CasualtyClaim& claim : clock.casualties) EXPECT_NE(claim.killed.value, 37) << Dump(clock);
}

TEST(Casualties, SourceChainAndHedge) {
  Document d = Analyze(
      "Meanwhile, at least 27 people have been killed, CNN reported citing an official in Armenian-controlled "
      "territory there. But the prosecutor's office reportedly said that 25 civilians had been killed.");
  ASSERT_EQ(d.casualties.size(), 2u) << Dump(d);
  EXPECT_EQ(Chain(d.casualties[0].source_chain), "CNN <- an official in Armenian-controlled territory");
  EXPECT_EQ(Chain(d.casualties[1].source_chain), "the prosecutor's office");
  EXPECT_EQ(d.casualties[1].hedge, "reportedly");
}

TEST(Casualties, DatedByTheDayOfADateOrATime) {
  struct {
    const char* text;
    const char* when;
  } cases[] = {
      {"Shelling killed 12 people on Monday night in the east.", "2023-09-18"},
      {"The strike at 0300 GMT on Friday killed four soldiers.", "2023-09-15"},
      {"Since 2014, 14,000 people have been killed in the region.", ""},
      {"Since the October 7 attack, 1,200 people have been killed.", ""},
      {"Ever since early June, 300 soldiers have been killed.", ""},
      {"In 2020, 27 people were killed in the clashes.", "2020"},
      // The day of a statement dates a claim only when the sentence names no other day.
      {"Police said on Monday that two people were killed on Sunday.", "2023-09-17"},
      {"Two people were killed on Sunday, police said on Monday.", "2023-09-17"},
      {"Two people were killed, police told reporters on Monday.", "2023-09-18"},
  };
  for (const auto& c : cases) {
    Document d = Analyze(c.text);
    ASSERT_EQ(d.casualties.size(), 1u) << c.text << "\n" << Dump(d);
    EXPECT_EQ(d.casualties[0].when, c.when) << c.text;
  }
}

struct AttributionCase {
  const char* text;
  const char* chain;    // of the attribution holding the first content word after the cue
  const char* content;  // how its content starts
};

TEST(Attribution, SourcesCuesAndContents) {
  const AttributionCase cases[] = {
      {"The ministry said on Tuesday that the talks had failed.", "The ministry", "on Tuesday that the talks"},
      {"The talks failed, according to Armenian sources.", "Armenian sources", "The talks failed"},
      {"According to the coroner, the victim was 25.", "the coroner", "the victim was 25"},
      {"TASS quoted the ministry as saying that talks would resume.", "TASS <- the ministry", "that talks would"},
      {"The road was closed, CNN reported citing an official in Yerevan.", "CNN <- an official in Yerevan",
       "The road was closed"},
      {"Talks resumed on Monday, said the governor.", "the governor", "Talks resumed on Monday"},
      {"\"The border stays closed,\" Mr. Kocharyan said.", "Mr. Kocharyan", "\"The border stays closed,\""},
      {"Sen. Ron Wyden said the bill was dead.", "Sen. Ron Wyden", "the bill was dead"},
      {"Phil Smith, a spokesman for the miners' union, said production would improve.", "Phil Smith",
       "production would improve"},
      {"Quina Jones, 25, said the curfew was lifted.", "Quina Jones", "the curfew was lifted"},
      {"Johnnie Wilson, of Springfield, Va., said he had served in Vietnam.", "Johnnie Wilson",
       "he had served in Vietnam"},
      {"The talks were backed by local voters, who said they wanted peace.", "local voters", "they wanted peace"},
      {"US Secretary of State Mike Pompeo, Russian Foreign Minister Sergey Lavrov and French Foreign Minister "
       "Jean-Yves Le Drian said the attacks must stop.",
       "US Secretary of State Mike Pompeo, Russian Foreign Minister Sergey Lavrov and French Foreign Minister "
       "Jean-Yves Le Drian",
       "the attacks must stop"},
  };
  for (const AttributionCase& c : cases) {
    Document d = Analyze(c.text);
    ASSERT_FALSE(d.attributions.empty()) << c.text;
    const Attribution& a = d.attributions[0];
    EXPECT_EQ(Chain(a.chain), c.chain) << c.text << "\n" << Dump(d);
    EXPECT_EQ(d.Text(a.content).substr(0, std::string(c.content).size()), c.content) << c.text << "\n" << Dump(d);
  }
}

// Sources across clauses: a clause between commas before the verb, anonymity, a source
// after its quotation, and dates and adjectives that are no sources.
TEST(Attribution, SourcesAcrossClauses) {
  const AttributionCase cases[] = {
      {"The agency, which is funded by the state, said nine people died.", "The agency", "nine people died"},
      {"A hospital director, who asked not to be named, told reporters that six were wounded.",
       "A hospital director", "that six were wounded"},
      {"The army, citing field commanders, said the town had fallen.", "The army <- field commanders",
       "the town had fallen"},
      {"Two officials said on condition of anonymity that the convoy was hit.", "Two officials",
       "that the convoy was hit"},
      {"\"The bridge is gone,\" Petrenko wrote on Telegram.", "Petrenko", "\"The bridge is gone,\""},
      {"Medics on Sunday said the clinic was full.", "Medics", "the clinic was full"},
      {"Unverified accounts said the market burned.", "Unverified accounts", "the market burned"},
  };
  for (const AttributionCase& c : cases) {
    Document d = Analyze(c.text);
    ASSERT_FALSE(d.attributions.empty()) << c.text;
    const Attribution& a = d.attributions.back();
    EXPECT_EQ(Chain(a.chain), c.chain) << c.text << "\n" << Dump(d);
    EXPECT_EQ(d.Text(a.content).substr(0, std::string(c.content).size()), c.content) << c.text << "\n" << Dump(d);
  }
  for (const char* text : {"Friday said little about the talks.", "On Monday said nothing."}) {
    Document d = Analyze(text);
    EXPECT_TRUE(d.attributions.empty()) << text << "\n" << Dump(d);
  }
}

TEST(Attribution, NounsAreNotCues) {
  for (const char* text : {"Armenia repeated its claims that the vote was rigged.",
                           "They expressed alarm at reports of new fighting.", "The reported attack was denied."}) {
    Document d = Analyze(text);
    for (const Attribution& a : d.attributions) {
      EXPECT_NE(d.Text(a.cue), "claims") << text;
      EXPECT_NE(d.Text(a.cue), "reports") << text;
      EXPECT_NE(d.Text(a.cue), "reported") << text;
    }
  }
}

TEST(Attribution, LabelledLines) {
  Document d = Analyze(
      "Pence: Flowers Won't Be at Debate, Trump Was Mocking Clinton Camp.\n\n"
      "Partial transcript as follows:\n\n"
      "\"WALLACE: Let's start with breaking news on the debate story.\n\n"
      "PENCE: Well, look, she thinks this is an episode of a show.\n\n"
      "Update: the debate starts at nine.\n\n"
      "Nagorno-Karabakh conflict: leaders discuss the worsening situation.");
  std::vector<std::string> found;
  for (const Attribution& a : d.attributions) {
    if (d.Text(a.cue) == ":") found.push_back(Chain(a.chain) + " | " + std::string(d.Text(a.content)));
  }
  const std::vector<std::string> expected = {
      "Pence | Flowers Won't Be at Debate, Trump Was Mocking Clinton Camp.",
      "WALLACE | Let's start with breaking news on the debate story.",
      "PENCE | Well, look, she thinks this is an episode of a show.",
  };
  EXPECT_EQ(found, expected) << Dump(d);
}

TEST(Attribution, AppealsWithAnInfinitive) {
  Document d = Analyze("Trump urges supporters to monitor polling places. Officials called the attack cowardly.");
  ASSERT_EQ(d.attributions.size(), 1u) << Dump(d);
  EXPECT_EQ(Chain(d.attributions[0].chain), "Trump");
  EXPECT_EQ(d.Text(d.attributions[0].content), "supporters to monitor polling places");
}

TEST(Attribution, ProgressivesPassivesAndNounStates) {
  Document d = Analyze(
      "Donald Trump is defending his early-morning tweets. The attack was described as cowardly. "
      "The plan was criticized by the swing states of Ohio and Florida. The report states that the plan failed.");
  std::vector<std::string> found;
  for (const Attribution& a : d.attributions) {
    found.push_back(Chain(a.chain) + " | " + std::string(d.Text(a.cue)) + " | " + std::string(d.Text(a.content)));
  }
  const std::vector<std::string> expected = {
      "Donald Trump | defending | his early-morning tweets",
      "The report | states | that the plan failed",
  };
  EXPECT_EQ(found, expected) << Dump(d);
}

TEST(Quotes, PronounsFollowTitlesAndShortQuotesContinue) {
  Document d = Analyze(
      "Mr. Haddad said the vote would go ahead. Ms. Okafor said the count was slow. "
      "\"We are still waiting for the results,\" he said. \"Not long now.\"\n\n\"It was closer than anyone expected,\" "
      "she said.");
  ASSERT_EQ(d.quotes.size(), 3u) << Dump(d);
  EXPECT_EQ(d.quotes[0].speaker, "Mr. Haddad") << Dump(d);
  EXPECT_EQ(d.quotes[1].kind, QuoteKind::kStatement) << Dump(d);  // three words, but it goes on with the first
  EXPECT_EQ(d.quotes[1].speaker, "Mr. Haddad") << Dump(d);
  EXPECT_EQ(d.quotes[2].speaker, "Ms. Okafor") << Dump(d);
}

TEST(Quotes, SpeakersAndKinds) {
  Document d = Analyze(
      "The Kremlin said the talks were needed.\n\n"
      "It added, \"We are watching the situation closely and will respond.\"\n\n"
      "\u201CThe border is closed to all traffic,\u201D said the governor.\n\n"
      "He called the vote a \u201Cfarce\u201D on Monday.\n\n"
      "The minister urged the parties to \u201Cstop the fighting and return to the path of talks.\u201D");
  ASSERT_EQ(d.quotes.size(), 4u) << Dump(d);
  EXPECT_EQ(d.quotes[0].kind, QuoteKind::kStatement);
  EXPECT_EQ(d.quotes[0].speaker, "The Kremlin") << Dump(d);
  EXPECT_EQ(d.quotes[1].kind, QuoteKind::kStatement);
  EXPECT_EQ(d.quotes[1].speaker, "the governor") << Dump(d);
  EXPECT_EQ(d.Text(d.quotes[2].span), "farce");
  EXPECT_EQ(d.quotes[2].kind, QuoteKind::kScare);
  EXPECT_EQ(d.quotes[3].kind, QuoteKind::kPartial);
  EXPECT_EQ(d.quotes[3].speaker, "The minister") << Dump(d);
}

TEST(Quotes, OverSeveralParagraphs) {
  Document d = Analyze(
      "The minister said: \u201CWe have done everything we could to keep the peace.\n\n"
      "\u201CNow the other side must act, and act quickly,\u201D he said.");
  ASSERT_EQ(d.quotes.size(), 1u) << Dump(d);
  std::string_view text = d.Text(d.quotes[0].span);
  EXPECT_EQ(text.substr(0, 5), "We ha");
  EXPECT_EQ(text.substr(text.size() - 7), "quickly");
  EXPECT_EQ(d.quotes[0].speaker, "The minister") << Dump(d);
}

// Every tagger that loops over sentences stops at a deadline already past, with the
// time-limit error naming it; the cleaner and the splitter, linear and quick, run on.
TEST(Stages, StopPastTheirDeadline) {
  Result<Pipeline> pipeline = MakeStandardPipeline();
  ASSERT_TRUE(pipeline.ok());
  Document document("test", "test", SourceFormat::kJsonLines,
                    "Police said on Monday that 3 people were killed in Baku. \"We will rebuild,\" Mr Aliyev said.");
  document.metadata.published = "2023-09-20";
  for (const auto& stage : pipeline->stages()) {
    const std::string& name = stage->info().name;
    document.set_deadline_ns(1);  // long past
    Status status = stage->Process(document);
    if (name == "clean" || name == "sentences") {
      EXPECT_TRUE(status.ok()) << name << ": " << status.message();
      document.set_deadline_ns(0);
      ASSERT_TRUE(stage->Process(document).ok());
    } else {
      EXPECT_EQ(status.code(), ErrorCode::kTimeLimit) << name;
      EXPECT_NE(status.message().find(name), std::string::npos) << status.message();
      document.set_deadline_ns(0);
      ASSERT_TRUE(stage->Process(document).ok()) << name;  // and with time, it works
    }
  }
  EXPECT_EQ(document.casualties.size(), 1u) << Dump(document);
}

// A paragraph of claims with no full stop is cut into sentences the taggers can afford;
// every claim in it is still found, with its source.
TEST(Casualties, InARunWithoutFullStops) {
  std::string text = "The ministry said that ";
  int planted = 0;
  while (text.size() < 40000) {
    text += std::to_string(planted % 90 + 2) + " soldiers were killed near the river, ";
    ++planted;
  }
  Document d = Analyze(text);
  ASSERT_GT(d.sentences.size(), 10u);
  EXPECT_EQ(static_cast<int>(d.casualties.size()), planted);
  EXPECT_EQ(Chain(d.casualties.front().source_chain), "The ministry");
}

}  // namespace
}  // namespace casus
