// The events stage through the standard pipeline: every example of the resource files,
// then the rules for participants, modality and links, table-driven.
#include "casus/annotate/events/event_tagger.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "casus/annotate/events/event_lexicon.h"
#include "casus/engine/engine.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus::events {
namespace {

Document Analyze(const std::string& text, const std::string& published = "2023-09-20") {
  Document document("test", "test", SourceFormat::kJsonLines, text);
  document.metadata.published = published;
  static const Pipeline* pipeline = new Pipeline(std::move(MakeStandardPipeline().value()));
  Status status = pipeline->Run(document);
  EXPECT_TRUE(status.ok()) << status.message();
  return document;
}

std::string Names(const Document& d, const std::vector<EventParticipant>& participants) {
  std::string out;
  for (const EventParticipant& p : participants) {
    out += (out.empty() ? "" : "+") + ParticipantName(d, p);
    const std::string code = ParticipantCode(d, p);
    if (!code.empty()) out += "(" + code + ")";
  }
  return out;
}

// "PLOVER[mode] trigger actor>target modality" per event, joined by " | ".
std::string Show(const Document& d) {
  std::string out;
  for (const EventMention& e : d.events) {
    if (!out.empty()) out += " | ";
    out += e.plover;
    if (!e.mode.empty()) out += "[" + e.mode + "]";
    out += " '" + std::string(d.Text(e.trigger)) + "' " + Names(d, e.actors) + ">" + Names(d, e.targets);
    if (e.modality != EventModality::kAsserted) out += " " + std::string(EventModalityName(e.modality));
  }
  return out;
}

// The trigger examples: an event of the entry's category whose trigger holds its first word.
TEST(Events, EveryTriggerExample) {
  const EventLexicon& lexicon = EventLexicon::Get();
  ASSERT_GT(lexicon.patterns.size(), 200u);
  for (const TriggerPattern& pattern : lexicon.patterns) {
    Document d = Analyze(pattern.example);
    bool found = false;
    for (const EventMention& e : d.events) {
      if (pattern.weapon) {
        // A weapon: an attack of its example has its mode and code.
        found = found || (e.plover == "ASSAULT" && e.mode == pattern.mode && e.cameo == pattern.cameo);
        continue;
      }
      // The trigger's first token: its lemma or norm is the pattern's first word (or
      // ends so); a weapon in the example may have given the event its own code.
      const PatternElement& first = pattern.elements.front();
      for (const Token& token : d.tokens) {
        if (token.span.begin != e.trigger.begin) continue;
        const std::string_view norm = d.Norm(token);
        const bool same =
            first.suffix ? norm.size() > first.word.size() && norm.substr(norm.size() - first.word.size()) == first.word
                         : d.Lemma(token) == first.word || norm == first.word || norm == first.word + "s";
        if (e.plover == pattern.plover && same) found = true;
      }
    }
    EXPECT_TRUE(found) << "no " << pattern.plover << " event from '" << pattern.elements.front().word
                       << "' in: " << pattern.example << "\n  " << Show(d);
  }
}

TEST(Events, EveryGroupExample) {
  for (const auto& [noun, group] : EventLexicon::Get().groups) {
    Document d = Analyze(group.example);
    bool found = false;
    for (const EventMention& e : d.events) {
      for (const auto* list : {&e.actors, &e.targets}) {
        for (const EventParticipant& p : *list) found = found || (p.entity < 0 && p.sector == group.sector);
      }
    }
    EXPECT_TRUE(found) << noun << " (" << group.sector << ") in: " << group.example << "\n  " << Show(d);
  }
}

// The table's columns hold what they name: a PLOVER category of the 2021 manual, a CAMEO
// code of digits, an ACLED code of acled_types.tsv or none.
TEST(Events, TriggerColumnsAreValid) {
  const EventLexicon& lexicon = EventLexicon::Get();
  const std::set<std::string> categories = {"AGREE",  "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",
                                            "RETREAT", "REQUEST", "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
                                            "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
  for (const TriggerPattern& pattern : lexicon.patterns) {
    const std::string words = pattern.elements.front().word;
    EXPECT_TRUE(categories.count(pattern.plover)) << words << ": category '" << pattern.plover << "'";
    EXPECT_FALSE(pattern.cameo.empty()) << words;
    for (char c : pattern.cameo) EXPECT_TRUE(c >= '0' && c <= '9') << words << ": CAMEO '" << pattern.cameo << "'";
    EXPECT_TRUE(pattern.acled.empty() || lexicon.acled.count(pattern.acled))
        << words << ": ACLED '" << pattern.acled << "'";
  }
}

TEST(Events, EveryGovernorExample) {
  for (const Governor& governor : EventLexicon::Get().governors) {
    Document d = Analyze(governor.example);
    bool found = false;
    for (const EventMention& e : d.events) found = found || e.modality == governor.modality;
    EXPECT_TRUE(found) << governor.words.front() << " -> " << EventModalityName(governor.modality)
                       << " in: " << governor.example << "\n  " << Show(d);
  }
}

TEST(Events, EveryAcledExample) {
  const EventLexicon& lexicon = EventLexicon::Get();
  ASSERT_EQ(lexicon.acled_codes.size(), 25u);
  for (const std::string& code : lexicon.acled_codes) {
    const AcledType& type = lexicon.acled.at(code);
    Document d = Analyze(type.example);
    bool found = false;
    std::string codes;
    for (const EventMention& e : d.events) {
      found = found || e.acled == code;
      codes += " " + e.acled;
    }
    EXPECT_TRUE(found) << code << " in: " << type.example << "\n  codes:" << codes << "\n  " << Show(d);
  }
  EXPECT_EQ(AcledNames("AIR_STRIKE"),
            std::make_pair(std::string("Explosions/Remote violence"), std::string("Air/drone strike")));
}

// event_objects.tsv: a capture of ground changes territory; seized arms are disrupted
// weapons, not an attack; event_hazards.tsv: a hazard explains harm away;
// event_impacts.tsv: a weapon with a verb of impact is an attack; event_riots.tsv: a
// protest with a word of violence is a riot.
TEST(Events, EveryObjectHazardAndImpactExample) {
  const EventLexicon& lexicon = EventLexicon::Get();
  for (const auto& [word, object] : lexicon.objects) {
    Document d = Analyze(object.example);
    bool found = false;
    for (const EventMention& e : d.events) {
      if (object.kind == "territory") {
        found = found || e.acled == "GOV_REGAINS_TERIT" || e.acled == "NON_STATE_ACTOR_OVERTAKES_TER";
      } else {
        found = found || e.acled == "DISR_WEAP";
      }
    }
    EXPECT_TRUE(found) << word << " (" << object.kind << ") in: " << object.example << "\n  " << Show(d);
  }
  for (const auto& [word, example] : lexicon.hazards) {
    Document d = Analyze(example);
    for (const EventMention& e : d.events) EXPECT_NE(e.plover, "ASSAULT") << word << " in: " << example;
  }
  for (const auto& [word, example] : lexicon.armed_targets) {
    Document d = Analyze(example);
    bool clash = false;
    for (const EventMention& e : d.events) clash = clash || e.acled == "ARMED_CLASH";
    EXPECT_TRUE(clash) << word << " in: " << example << "\n  " << Show(d);
  }
  for (const auto& [word, example] : lexicon.riots) {
    Document d = Analyze(example);
    bool riot = false;
    for (const EventMention& e : d.events) riot = riot || e.acled == "VIOL_DEMONSTR";
    EXPECT_TRUE(riot) << word << " in: " << example << "\n  " << Show(d);
  }
  for (const auto& [word, example] : lexicon.impacts) {
    Document d = Analyze(example);
    bool attack = false;
    for (const EventMention& e : d.events) attack = attack || (e.plover == "ASSAULT" && !e.mode.empty());
    EXPECT_TRUE(attack) << word << " in: " << example << "\n  " << Show(d);
  }
  // Not ground, not arms: a seizure of something else, with no ACLED code.
  Document drugs = Analyze("Police seized two tonnes of cocaine.");
  ASSERT_FALSE(drugs.events.empty());
  EXPECT_EQ(drugs.events.front().plover, "COERCE");
  EXPECT_EQ(drugs.events.front().acled, "");
  // The same harm from an attack stays one.
  Document attack = Analyze("Gunmen struck the village and killed twelve people.");
  ASSERT_FALSE(attack.events.empty());
  EXPECT_EQ(attack.events.front().plover, "ASSAULT");
}

TEST(Events, CodedCategoryFollowsTheMood) {
  const struct {
    const char* text;
    const char* coded;
  } kCases[] = {
      {"The rebels will release the hostages.", "AGREE"},           // an intent to yield
      {"The president is ready to visit the capital.", "AGREE"},    // an intent to meet
      {"Farmers said they would blockade the city.", "THREATEN"},   // a hostile intent
      {"The government would not accept the proposal.", "REJECT"},  // a refused cooperation
      {"Libya must hand over the suspects, the minister said.", "REQUEST"},
      {"The army denied shelling the village.", "REJECT"},
      {"Troops shelled the village.", "ASSAULT"},
  };
  for (const auto& c : kCases) {
    Document d = Analyze(c.text);
    const int32_t main = MainEvent(d);
    ASSERT_GE(main, 0) << c.text;
    EXPECT_EQ(CodedCategory(d.events[main]), c.coded) << c.text << "\n  " << Show(d);
  }
}

TEST(Events, ActorsTargetsAndModality) {
  const struct {
    const char* text;
    const char* expected;
  } kCases[] = {
      // Actor before, target after; a passive turns them round.
      {"Azerbaijani troops shelled Stepanakert.",
       "ASSAULT[heavy-weapons] 'shelled' Azerbaijani troops(AZEMIL)>Stepanakert(AZE)"},
      {"Stepanakert was shelled by Azerbaijani troops.",
       "ASSAULT[heavy-weapons] 'shelled' Azerbaijani troops(AZEMIL)>Stepanakert(AZE)"},
      // Several actors are kept as several.
      {"Russia, France and the United States called for a ceasefire.",
       "REQUEST 'called for' Russia(RUS)+France(FRA)+United States(USA)> | RETREAT[ceasefire] 'ceasefire' "
       "Russia(RUS)+France(FRA)+United States(USA)> demanded"},
      // A threat is no attack; a denial and a negation are no facts.
      {"The rebels threatened to attack the city.",
       "THREATEN 'threatened' rebels(REB)> | ASSAULT 'attack' rebels(REB)> threatened"},
      {"The army did not attack the town.", "ASSAULT 'attack' army(MIL)> negated"},
      {"The ministry denied shelling the village.",
       "REJECT 'denied' ministry(GOV)> | ASSAULT[heavy-weapons] 'shelling' ministry(GOV)> denied"},
      // A pronoun opening what a source says stands for that source.
      {"Ghana said it will support the resolution.", "SUPPORT 'support' Ghana(GHA)> planned"},
      {"The rebels announced that they would free the hostages.",
       "RETREAT[release] 'free' rebels(REB)>hostages(CVL) planned"},
      // "Be" before an -ing form is no passive.
      {"Ukrainian forces are attacking the bridge.", "ASSAULT 'attacking' Ukrainian forces(UKRMIL)>"},
      // A place after "in" is where it happened, not the target.
      {"Police arrested five protesters in Yerevan.", "COERCE[arrest] 'arrested' Police(COP)>protesters(OPP)"},
  };
  for (const auto& c : kCases) {
    Document d = Analyze(c.text);
    EXPECT_EQ(Show(d), c.expected) << c.text;
  }
}

TEST(Events, DatesPlacesAndCasualties) {
  Document d = Analyze("Artillery shelled Stepanakert on Tuesday, killing 12 civilians, local officials said.");
  ASSERT_FALSE(d.events.empty()) << Show(d);
  const EventMention& e = d.events.front();
  EXPECT_EQ(e.date, "2023-09-19");
  EXPECT_EQ(e.date_precision, "day");
  ASSERT_GE(e.time, 0);
  EXPECT_EQ(d.Text(d.time_expressions[e.time].span), "Tuesday");
  ASSERT_GE(e.place, 0);
  EXPECT_EQ(d.entities[e.place].canonical, "Stepanakert");
  EXPECT_TRUE(d.entities[e.place].located);
  ASSERT_GE(e.casualty, 0);
  EXPECT_EQ(d.casualties[e.casualty].killed.value, 12);
  EXPECT_EQ(e.acled, "ART_MISS_ATTACK");
  ASSERT_FALSE(e.source_chain.empty());
  EXPECT_EQ(e.source_chain.back(), "local officials");
  // No date of its own: publication's, said to be so.
  Document undated = Analyze("Rebels attacked the convoy.");
  ASSERT_FALSE(undated.events.empty());
  EXPECT_EQ(undated.events.front().date, "2023-09-20");
  EXPECT_EQ(undated.events.front().date_precision, "published");
  EXPECT_EQ(undated.events.front().time, -1);
  // A hedge makes it claimed.
  Document hedged = Analyze("Rebels reportedly attacked the convoy.");
  ASSERT_FALSE(hedged.events.empty());
  EXPECT_EQ(hedged.events.front().modality, EventModality::kClaimed);
}

TEST(Events, AcledRefinements) {
  const struct {
    const char* text;
    const char* acled;
  } kCases[] = {
      {"Militants attacked a checkpoint, killing four soldiers.", "ARMED_CLASH"},
      {"Gunmen attacked villagers in the market.", "ATTACK"},
      {"Gunmen attacked the market, killing four shoppers.", "ATTACK"},
      {"Security forces opened fire on protesters.", "FORCE_AGAINST_PROTEST"},
      {"Police arrested dozens of protesters.", "PROTEST_WITH_INTER"},
      {"The army seized the town.", "GOV_REGAINS_TERIT"},
      {"Rebels recaptured the town.", "NON_STATE_ACTOR_OVERTAKES_TER"},
      // A protest called peaceful stays so beside a word of violence.
      {"Protesters marched peacefully a day after the violence.", "PEACE_PROTEST"},
      {"Students held rallies against gun violence.", "PEACE_PROTEST"},
  };
  for (const auto& c : kCases) {
    Document d = Analyze(c.text);
    ASSERT_FALSE(d.events.empty()) << c.text;
    EXPECT_EQ(d.events.front().acled, c.acled) << c.text << "\n  " << Show(d);
  }
}

}  // namespace
}  // namespace casus::events
