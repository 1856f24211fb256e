#include "casus/lexicon/gazetteer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace casus::lexicon {
namespace {

TEST(NameKey, FoldsCaseAccentsPunctuation) {
  EXPECT_EQ(NameKey("António Guterres"), "antonio guterres");
  EXPECT_EQ(NameKey("Nagorno-Karabakh"), "nagorno karabakh");
  EXPECT_EQ(NameKey("U.S."), "us");
  EXPECT_EQ(NameKey("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(NameKey("  São   Paulo "), "sao paulo");
  EXPECT_EQ(NameKey("Łódź"), "lodz");
}

// The entries a key names, as "kind:name:country" strings.
std::vector<std::string> Named(std::string_view text) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  std::vector<std::string> out;
  for (uint32_t posting : gazetteer.Find(NameKey(text)).postings) {
    const auto p = gazetteer.Resolve(posting);
    out.push_back(std::string(PlaceKindName(p.entry->kind)) + ":" + std::string(gazetteer.Str(p.entry->name)) + ":" +
                  p.entry->country);
  }
  return out;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Gazetteer, BuiltinHoldsCountriesCitiesSubdivisionsAndOurPlaces) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  ASSERT_GT(gazetteer.entries().size(), 130000u);
  EXPECT_TRUE(Has(Named("Armenia"), "country:Armenia:ARM"));
  EXPECT_TRUE(Has(Named("Yerevan"), "city:Yerevan:ARM"));
  EXPECT_TRUE(Has(Named("Louisiana"), "subdivision:Louisiana:USA"));
  EXPECT_TRUE(Has(Named("Nagorno Karabakh"), "region:Nagorno-Karabakh:AZE"));
  EXPECT_TRUE(Has(Named("Lachin corridor"), "road:Lachin corridor:AZE"));
  EXPECT_TRUE(Has(Named("Soviet Union"), "former country:Soviet Union:SUN"));
  EXPECT_TRUE(Named("Nowhereville Xq").empty());
  const auto nagorno = gazetteer.Find("nagorno");
  EXPECT_TRUE(nagorno.prefix);
  EXPECT_TRUE(gazetteer.Find("nagorno karabakh").postings.size() > 0);
}

TEST(Gazetteer, CitiesHaveCoordinatesAndStatesTheMeanOfTheirCities) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  for (uint32_t posting : gazetteer.Find("yerevan").postings) {
    const auto p = gazetteer.Resolve(posting);
    if (p.entry->kind != PlaceKind::kCity) continue;
    EXPECT_NEAR(p.entry->lat, 40.18, 0.1);
    EXPECT_NEAR(p.entry->lon, 44.51, 0.1);
    EXPECT_TRUE(p.entry->flags & kEntryCapital);
  }
  for (uint32_t posting : gazetteer.Find("louisiana").postings) {
    const auto p = gazetteer.Resolve(posting);
    if (p.entry->kind != PlaceKind::kSubdivision) continue;
    ASSERT_TRUE(p.entry->flags & kEntryHasLocation);
    EXPECT_NEAR(p.entry->lat, 31.0, 1.5);
    EXPECT_NEAR(p.entry->lon, -92.0, 1.5);
  }
}

TEST(Gazetteer, DemonymsAcronymsAndAbbreviationsAreFlagged) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  // The loosest flags of the key's postings for that country ("la" is both "LA" and "La.").
  auto flags_for = [&](std::string_view text, std::string_view country) -> uint32_t {
    uint32_t loosest = 0xFFFFFFFFu;
    for (uint32_t posting : gazetteer.Find(NameKey(text)).postings) {
      const auto p = gazetteer.Resolve(posting);
      if (country == p.entry->country && __builtin_popcount(p.flags) < __builtin_popcount(loosest)) loosest = p.flags;
    }
    return loosest;
  };
  EXPECT_EQ(flags_for("Armenian", "ARM"), kPostingDemonym);
  EXPECT_EQ(flags_for("Azerbaijanis", "AZE"), kPostingDemonym);
  EXPECT_EQ(flags_for("U.S.", "USA") & kPostingAcronym, kPostingAcronym);
  EXPECT_EQ(flags_for("La.", "USA"), kPostingAbbreviation);
  const GazetteerEntry* usa = gazetteer.Country("USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(gazetteer.Str(usa->name), "United States");
  EXPECT_EQ(gazetteer.Country("XYZ"), nullptr);
}

TEST(Gazetteer, KnowsCommonWords) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  EXPECT_TRUE(gazetteer.IsCommonWord("police"));
  EXPECT_TRUE(gazetteer.IsCommonWord("read"));
  EXPECT_FALSE(gazetteer.IsCommonWord("pashinyan"));
}

TEST(Gazetteer, RejectsDamagedImages) {
  EXPECT_FALSE(Gazetteer::FromImage("").ok());
  alignas(16) static char junk[64] = "NOTGAZ";
  EXPECT_FALSE(Gazetteer::FromImage(std::string_view(junk, sizeof(junk))).ok());
}

}  // namespace
}  // namespace casus::lexicon
