// Table-driven tests of the entity layer: each case is a one-paragraph article run through
// the standard pipeline, and the expected mentions are compact strings
// "kind:text=canonical|role|ACTOR|lat,lon|#refers_to" (empty parts left out), matched
// as prefixes.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "casus/engine/engine.h"

namespace casus {
namespace {

Document Analyze(const std::string& text) {
  Document document("test", "test", SourceFormat::kJsonLines, text);
  document.metadata.published = "2023-09-20";
  static const Pipeline* pipeline = new Pipeline(std::move(MakeStandardPipeline().value()));
  Status status = pipeline->Run(document);
  EXPECT_TRUE(status.ok()) << status.message();
  return document;
}

std::string Describe(const Document& d, const EntityMention& e) {
  std::string out = std::string(EntityKindName(e.kind)) + ":" + std::string(d.Text(e.span));
  if (e.canonical != d.Text(e.span)) out += "=" + e.canonical;
  if (!e.role.empty()) out += "|" + e.role;
  if (!e.ActorCode().empty()) out += "|" + e.ActorCode();
  if (e.located) {
    char point[40];
    std::snprintf(point, sizeof point, "|%.1f,%.1f", e.lat, e.lon);
    out += point;
  }
  if (e.metonym) out += "|metonym";
  if (e.refers_to >= 0) out += "|#" + std::to_string(e.refers_to);
  return out;
}

std::vector<std::string> Mentions(const std::string& text) {
  const Document d = Analyze(text);
  std::vector<std::string> out;
  for (const EntityMention& e : d.entities) out.push_back(Describe(d, e));
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += "\n  " + item;
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;     // each must begin one of the mentions
  std::vector<std::string> absent = {};  // no mention may start with any of these
};

TEST(EntityTagger, Cases) {
  const std::vector<Case> cases = {
      // Titles before names, with the country from the adjective.
      {"Russian Foreign Minister Sergey Lavrov met reporters.",
       {"country:Russian=Russia|country|RUS|60.0,100.0", "person:Sergey Lavrov|Foreign Minister|RUSGOV"}},
      {"He spoke with US Secretary of State Antony Blinken on Monday.",
       {"person:Antony Blinken|Secretary of State|USAGOV"}},
      // An organisation before the title gives the sector.
      {"Russian foreign ministry spokesperson Maria Zakharova said the talks failed.",
       {"organization:Russian foreign ministry|RUSGOV", "person:Maria Zakharova|spokesperson|RUSGOV"}},
      // Possessive institutions and groups named by a demonym.
      {"Azerbaijan's defence ministry said Azerbaijani troops had advanced.",
       {"organization:Azerbaijan's defence ministry|AZEMIL", "group:Azerbaijani troops|AZEMIL"}},
      {"But Azerbaijan’s prosecutor general’s office said 25 civilians died.",
       {"organization:Azerbaijan’s prosecutor general’s office|AZEJUD"}},
      // Later mentions: a surname, and a role with a country.
      {"Azerbaijani President Ilham Aliyev spoke on Tuesday. Later, Aliyev said the operation was over.",
       {"person:Ilham Aliyev|President|AZEGOV", "person:Aliyev=Ilham Aliyev|President|AZEGOV|#1"}},
      {"Armenian Prime Minister Nikol Pashinyan spoke to Putin. The Armenian PM said little.",
       {"person:Nikol Pashinyan|Prime Minister|ARMGOV", "person:Armenian PM=Nikol Pashinyan|Prime Minister|ARMGOV|#1"}},
      // Apposition between commas.
      {"Turkey backs Azerbaijan, as its president, Recep Tayyip Erdogan, said on Friday.",
       {"person:Recep Tayyip Erdogan|President|GOV"}},
      // Metonyms: a building and a capital standing for a government.
      {"The Kremlin said on Monday that a claim was rejected by Ankara.",
       {"organization:The Kremlin=Kremlin|metonym|RUSGOV|metonym", "place:Ankara|city|TURGOV|39.9,32.9|metonym"}},
      // Places resolved with coordinates; the region from our resource file.
      {"Shelling was reported in Stepanakert, the main city of Nagorno-Karabakh, and in Yerevan.",
       {"place:Stepanakert|city|AZE|39.8,46.8", "place:Nagorno-Karabakh|region|AZE|39.9,46.7",
        "place:Yerevan|city|ARM|40.2,44.5"}},
      // "City, State" decides between namesakes; the state is a place too.
      {"A fire broke out in Alexandria, La., on Sunday night.",
       {"place:Alexandria|city|USA|31.3,-92.4", "place:La.=Louisiana|subdivision|USA|30.7,-91.6"}},
      {"The museum in Paris, Texas, reopened.", {"place:Paris|city|USA|33.7,-95.6"}},
      // A country name that is also a US state, decided by the article's other places.
      {"Storms hit Atlanta and Savannah, the two largest cities in Georgia.", {"place:Georgia|subdivision|USA"}},
      {"Georgia and Armenia signed an agreement in Tbilisi.", {"country:Georgia|country|GEO|42.0,43.5"}},
      // No people from ordinary capitalised words, places, organisations or boilerplate words.
      {"Security Forces were deployed along the Line of Contact near the Soviet Union's old border.",
       {"place:Line of Contact|landmark|AZE|40.0,47.0", "country:Soviet Union|former country|SUN|55.8,37.6"},
       {"person:"}},
      {"Meanwhile Dublin Historical Society members met at the Texas Alcoholic Beverage Commission.",
       {"place:Dublin", "place:Texas|subdivision|USA"},
       {"person:"}},
      // A surname that is also a small town is the person; a town needs support.
      {"Sheriff Bill Jones spoke on Monday. Jones said the road was closed.",
       {"person:Bill Jones|Sheriff|COP", "person:Jones=Bill Jones|Sheriff|COP|#0"},
       {"place:"}},
      // Organisations from the list, acronyms only in capitals.
      {"The OSCE Minsk Group and NATO met at the UN, as Reuters reported.",
       {"organization:OSCE Minsk Group|igo|IGO", "organization:NATO|igo|IGO", "organization:UN=United Nations|igo|IGO",
        "organization:Reuters|outlet|GBRMED"}},
      {"Let us know what un officials think.", {}, {"organization:", "country:"}},
      // Words from the token layer: initials run into a word ("W.Va."), "non-U.S." holds
      // the country, and a contraction's first part is no name.
      {"The plant near Bluefield, W.Va., closed.", {"place:W.Va.=West Virginia|subdivision|USA"}},
      {"Trading in non-U.S. markets rose.", {"country:U.S.=United States|country|USA"}},
      {"Officials Won't Talk, Mayor Says.", {}, {"person:Wo", "person:Officials"}},
      {"\"I'm tired,\" Maria Lopez said.", {"person:Maria Lopez"}, {"person:I'm"}},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> got = Mentions(c.text);
    for (const std::string& expected : c.expected) {
      const bool found = std::any_of(got.begin(), got.end(),
                                     [&](const std::string& mention) { return mention.rfind(expected, 0) == 0; });
      EXPECT_TRUE(found) << c.text << "\nmissing: " << expected << "\ngot:" << Join(got);
    }
    for (const std::string& prefix : c.absent) {
      for (const std::string& mention : got) {
        EXPECT_NE(mention.rfind(prefix, 0), 0u) << c.text << "\nunexpected: " << mention;
      }
    }
  }
}

TEST(EntityTagger, NothingFromBoilerplateExceptWhatIsMarked) {
  const Document d = Analyze(
      "Read - Iran Working On Peace Plan Amid Soaring Death Toll\n\nAdvertisement\n\n"
      "Armenia and Azerbaijan traded fire on Tuesday.");
  bool iran = false;
  for (const EntityMention& e : d.entities) {
    const bool in_boilerplate = d.OverlapsBoilerplate(e.span);
    EXPECT_EQ(in_boilerplate, e.in_boilerplate) << Describe(d, e);
    EXPECT_NE(e.kind, EntityKind::kPerson) << Describe(d, e);
    if (e.canonical == "Iran") iran = e.in_boilerplate;
  }
  EXPECT_TRUE(iran) << "the related-link headline's country, kept apart";
}

TEST(EntityTagger, HostileInputDoesNotCrash) {
  std::string text = "President ";
  for (int i = 0; i < 2000; ++i) text += "Aa-Bb's U.S. \xE2\x80\x99s ";
  text += std::string("\xC3\x28\xE2\x80", 4) + " Moscow";
  const Document d = Analyze(text);
  for (const EntityMention& e : d.entities) EXPECT_LE(e.span.end, d.text().size());
}

}  // namespace
}  // namespace casus
