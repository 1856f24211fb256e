#include "casus/normalize/cleaner.h"

#include <gtest/gtest.h>

#include "casus/ingest/reader.h"

namespace casus {
namespace {

// The kind the cleaner gives `line` when it stands between two real paragraphs,
// or "content".
std::string KindOfLine(const Cleaner& cleaner, const std::string& line) {
  std::string text = "Officials met in the capital on Monday to discuss the crisis, according to a statement.\n\n" +
                     line + "\n\nThe talks are expected to continue later this week, a spokesperson said.\n";
  Document document("t", "t", SourceFormat::kCrawlText, text);
  EXPECT_TRUE(cleaner.Process(document).ok());
  size_t at = text.find(line);
  for (const BoilerplateSpan& b : document.boilerplate) {
    if (b.span.begin <= at && b.span.end >= at + line.size() - 1) return BoilerplateKindName(b.kind);
  }
  return "content";
}

TEST(Cleaner, ClassifiesLines) {
  Cleaner cleaner;
  const struct {
    const char* line;
    const char* kind;
  } kCases[] = {
      {"Read - Armenia Minister Provides Update On Fighting Toll", "related_link"},
      {"Read: India Calls For Immediate Ceasefire, Peace At Border", "related_link"},
      {"ALSO READ | Talks collapse after second round", "related_link"},
      {"Also read: Border villages evacuated", "related_link"},
      {"Check Also", "related_link"},
      {"Related Articles", "related_link"},
      {"Advertisement", "advertisement"},
      {"ADVERTISEMENT", "advertisement"},
      {"Story continues below advertisement", "advertisement"},
      {"| Image:self", "image_credit"},
      {"Photo: AFP / Getty Images", "image_credit"},
      {"Image credit: Reuters", "image_credit"},
      {"Share this article", "widget"},
      {"Facebook Twitter WhatsApp Email", "widget"},
      {"Share on Facebook", "widget"},
      {"Follow us on Telegram for updates", "widget"},
      {"Leave a comment", "widget"},
      {"Reported by: Kunal Gaurav", "byline"},
      {"By Jane Okafor", "byline"},
      {"By Jane Okafor, Reuters", "byline"},
      {"September 20, 2023 by Peoples Dispatch", "byline"},
      {"Updated October 3rd, 2020 at 13:01 IST", "timestamp"},
      {"Published on: 20 Sep 2023, 10:15 AM", "timestamp"},
      {"Last Updated: March 3, 2021", "timestamp"},
      // Real content must stay content.
      {"Readers were asked to send their accounts of the shelling.", "content"},
      {"Read the full statement, the ministry said.", "content"},
      {"Share prices fell sharply in Baku on Tuesday after the announcement of the operation.", "content"},
      {"By Tuesday, troops had reached the outskirts of the town.", "content"},
      {"Nagorno-Karabakh dispute", "content"},
      {"Decades-old stand-off", "content"},
      {"Photographers were barred from the area.", "content"},
      {"Authorities said the road would reopen.", "content"},
  };
  for (const auto& c : kCases) EXPECT_EQ(KindOfLine(cleaner, c.line), c.kind) << c.line;
}

struct Cleaned {
  std::string title, published, time, zone, author, publisher, dateline;
};

Cleaned Clean(const std::string& text) {
  static const Cleaner cleaner;
  Document document = ingest::ParseCrawlText(text, "t", "t");
  EXPECT_TRUE(cleaner.Process(document).ok());
  const Metadata& m = document.metadata;
  return Cleaned{m.title, m.published, m.published_time, m.published_zone, m.author, m.publisher, m.dateline};
}

TEST(Cleaner, FindsDatelines) {
  const struct {
    const char* first_line;
    const char* place;
  } kCases[] = {
      {"Moscow [Russia], September 20 : Russia has called for a halt to the fighting.", "Moscow"},
      {"MOSCOW (Reuters) - Russia has called for a halt to the fighting.", "Moscow"},
      {"KYIV, Ukraine \xE2\x80\x94 Air raid sirens sounded across the city overnight.", "Kyiv"},
      {"Washington, Oct 5 (AP) -- The State Department said talks would resume.", "Washington"},
      {"NEW DELHI: India on Friday urged both sides to show restraint.", "New Delhi"},
      {"Russia, France and the United States have jointly called for a ceasefire.", ""},
      {"Meanwhile, at least 27 people have been killed in the region.", ""},
      {"Putin and Pashinyan spoke by phone on Friday: the third call this week.", ""},
      {"Moscow-based analysts doubt the truce will hold.", ""},
  };
  for (const auto& c : kCases) {
    std::string text = std::string(c.first_line) + "\n\nA second paragraph follows here with more detail.\n";
    EXPECT_EQ(Clean(text).dateline, c.place) << c.first_line;
  }
}

TEST(Cleaner, ReadsDatesTitlesAndCredits) {
  Cleaned a = Clean(
      "Updated October 3rd, 2020 at 13:01 IST\n\nLeaders discuss worsening situation\n\n"
      "The two leaders held a third call in six days.\n\nReported by: Ana Ruiz\n\n"
      "Published October 3rd, 2020 at 13:01 IST\n");
  EXPECT_EQ(a.published, "2020-10-03");
  EXPECT_EQ(a.time, "13:01");
  EXPECT_EQ(a.zone, "IST");
  EXPECT_EQ(a.title, "Leaders discuss worsening situation");
  EXPECT_EQ(a.author, "Ana Ruiz");

  Cleaned b = Clean(
      "Truce announced after two days of fighting\n\nA short standfirst without a final stop\n\n"
      "June 2, 2024 by Harbour Post\nWorld News\n\nThe truce took effect at noon.\n");
  EXPECT_EQ(b.title, "Truce announced after two days of fighting");
  EXPECT_EQ(b.published, "2024-06-02");
  EXPECT_EQ(b.publisher, "Harbour Post");
  EXPECT_EQ(b.author, "");

  // The crawl header wins; a long first line is not a headline.
  Cleaned c = Clean(
      " date 2023-09-20 Several civilians were killed and dozens wounded in the latest round of violence inside the "
      "disputed territory which has seen conflict since 1991\n\nMore text.\n\nPublished September 19, 2023\n");
  EXPECT_EQ(c.published, "2023-09-20");
  EXPECT_EQ(c.title, "");
}

TEST(Cleaner, MarksSectionLabelsOnlyBesideCredits) {
  static const Cleaner cleaner;
  std::string text =
      "Headline about the border talks\n\nJune 2, 2024 by Harbour Post\nBorder Talks\n\n"
      "The talks resumed on Monday.\n\nRegional Outlook\n\nThe outlook remains uncertain.\n";
  Document document = ingest::ParseCrawlText(text, "t", "t");
  ASSERT_TRUE(cleaner.Process(document).ok());
  std::vector<std::string> kinds;
  for (const BoilerplateSpan& b : document.boilerplate) {
    kinds.push_back(std::string(BoilerplateKindName(b.kind)) + ":" + std::string(document.Text(b.span)));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"byline:June 2, 2024 by Harbour Post", "section_label:Border Talks"}));
}

TEST(Cleaner, DescribesEmbeddedPosts) {
  static const Cleaner cleaner;
  std::string text =
      "The ministers issued a statement.\n\nWe call upon the parties to accept a ceasefire. https://t.co/abc "
      "\xE2\x80\x94 Jo Diallo (@jodiallo) October 5, 2020\n\nMore reporting followed.\n";
  Document document = ingest::ParseCrawlText(text, "t", "t");
  ASSERT_TRUE(cleaner.Process(document).ok());
  ASSERT_EQ(document.embedded_posts.size(), 1u);
  EXPECT_EQ(document.embedded_posts[0].author, "Jo Diallo");
  EXPECT_EQ(document.embedded_posts[0].handle, "@jodiallo");
  EXPECT_EQ(document.embedded_posts[0].date, "2020-10-05");
  ASSERT_EQ(document.boilerplate.size(), 1u);
  EXPECT_EQ(document.boilerplate[0].kind, BoilerplateKind::kEmbeddedPost);
}

TEST(Cleaner, BareUrlLineIsTheAddressNotTheHeadline) {
  Cleaner cleaner;
  const std::string text =
      "http://news.example.org/2013/may/03/port-reopens\n\nPort reopens after truce\n\nMay 03, 2013\n\n"
      "The port reopened on Friday after a local truce held for a second day.\n";
  Document document = ingest::ParseCrawlText(text, "t", "t");
  ASSERT_TRUE(cleaner.Process(document).ok());
  EXPECT_EQ(document.metadata.url, "http://news.example.org/2013/may/03/port-reopens");
  EXPECT_EQ(document.metadata.title, "Port reopens after truce");
  ASSERT_FALSE(document.boilerplate.empty());
  EXPECT_EQ(document.boilerplate[0].kind, BoilerplateKind::kSourceUrl);
  // A sentence that mentions an address is content.
  Document mention = ingest::ParseCrawlText("See http://example.org for the statement in full.\n", "m", "m");
  ASSERT_TRUE(cleaner.Process(mention).ok());
  EXPECT_TRUE(mention.boilerplate.empty());
}

TEST(Cleaner, UrlDateOnlyWhenNothingElseDates) {
  Cleaner cleaner;
  // The address line's date, when the text gives none.
  Document undated = ingest::ParseCrawlText(
      "http://news.example.org/2013/may/03/port-reopens\n\nPort reopens after truce\n\n"
      "The port reopened on Friday after a local truce held for a second day.\n",
      "u", "u");
  ASSERT_TRUE(cleaner.Process(undated).ok());
  EXPECT_EQ(undated.metadata.published, "2013-05-03");
  EXPECT_EQ(undated.metadata.published_from, "url");
  // A date line in the text wins over the address.
  Document dated = ingest::ParseCrawlText(
      "http://news.example.org/2013/may/03/port-reopens\n\nPort reopens after truce\n\nMay 04, 2013\n\n"
      "The port reopened on Friday after a local truce held for a second day.\n",
      "d", "d");
  ASSERT_TRUE(cleaner.Process(dated).ok());
  EXPECT_EQ(dated.metadata.published, "2013-05-04");
  EXPECT_EQ(dated.metadata.published_from, "text");
  // A reader's address (a JSON field, a canonical link) counts as well.
  Document given("g", "g", SourceFormat::kJsonLines, "The port reopened on Friday.\n");
  given.metadata.url = "https://example.org/news/port-reopens-20130503.html";
  ASSERT_TRUE(cleaner.Process(given).ok());
  EXPECT_EQ(given.metadata.published, "2013-05-03");
  // An address without a day leaves the date unknown.
  Document plain("p", "p", SourceFormat::kJsonLines, "The port reopened on Friday.\n");
  plain.metadata.url = "https://example.org/news/36925834";
  ASSERT_TRUE(cleaner.Process(plain).ok());
  EXPECT_EQ(plain.metadata.published, "");
}

}  // namespace
}  // namespace casus
