#include "casus/core/calendar.h"

#include <gtest/gtest.h>

namespace casus {
namespace {

// Renders a match compactly: "2020-10-03 13:01 IST /31" (date, time, zone, length).
std::string Render(std::string_view text, DateTimeOptions options = {}) {
  std::optional<DateTimeMatch> match = MatchDateTime(text, options);
  if (!match) return "none";
  std::string out = match->year == 0 ? FormatIsoDate(0, match->month, match->day).substr(5) : match->IsoDate();
  if (match->hour >= 0) out += " " + match->IsoTime();
  if (!match->zone.empty()) out += " " + match->zone;
  return out + " /" + std::to_string(match->length);
}

TEST(MatchDateTime, NewsSpellings) {
  const struct {
    const char* text;
    const char* expected;
  } kCases[] = {
      {"October 3rd, 2020 at 13:01 IST", "2020-10-03 13:01 IST /30"},
      {"September 20, 2023 by Peoples Dispatch", "2023-09-20 /18"},
      {"Sept. 20, 2023", "2023-09-20 /14"},
      {"Oct 5th 2020", "2020-10-05 /12"},
      {"20 September 2023", "2023-09-20 /17"},
      {"Tuesday, 19 September 2023", "2023-09-19 /26"},
      {"2023-09-20", "2023-09-20 /10"},
      {"2023-09-20T13:01:22+05:30", "2023-09-20 13:01 +05:30 /25"},
      {"2023-09-20T13:01:22Z", "2023-09-20 13:01 Z /20"},
      {"Tue, 20 Sep 2023 13:01:00 GMT", "2023-09-20 13:01 GMT /29"},
      {"March 3, 2021, 1:05 pm ET", "2021-03-03 13:05 ET /25"},
      {"June 1, 2022 | 9:30 a.m. EDT", "2022-06-01 09:30 EDT /28"},
      {"September 20", "none"},
      {"February 30, 2021", "none"},
      {"27 people were killed", "none"},
      {"Resolution 2334", "none"},
      {"F-16 jets", "none"},
      {"2020-2022", "none"},
      {"May I help", "none"},
      {"2020s", "none"},
      // Numbers with slashes or hyphens only where day and month cannot be swapped.
      {"20/09/2023", "2023-09-20 /10"},
      {"09/20/2023", "2023-09-20 /10"},
      {"19.09.2023, 13:01 GMT", "2023-09-19 13:01 GMT /21"},
      {"07-07-2023", "2023-07-07 /10"},
      {"05/06/2023", "none"},
      // Dots are written day first.
      {"05.06.2023", "2023-06-05 /10"},
      {"10.31.2023", "2023-10-31 /10"},
      {"31/02/2023", "none"},
      {"20/09/23", "none"},
      {"20/09/20234", "none"},
      {"12.34.5678", "none"},
      {"14 February 2023.", "2023-02-14 /16"},
      {"14 Feb. 2023", "2023-02-14 /12"},
      {"Fri., May. 3, 2013 11:45 AM PDT", "2013-05-03 11:45 PDT /31"},
      {"12/23/5123", "none"},
      // Day, month's name and year joined by hyphens; never without the year.
      {"9-Oct-2023 in the capital", "2023-10-09 /10"},
      {"09-Sept-2023", "2023-09-09 /12"},
      {"9-Oct", "none"},
      {"9-Oct-23", "none"},
      {"9-Octopus-2023", "none"},
      // Year first: always year, month, day.
      {"2023/09/18", "2023-09-18 /10"},
      {"2023.09.05", "2023-09-05 /10"},
      {"2023/09-18", "none"},
      {"2023/13/18", "none"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Render(c.text), c.expected) << c.text;
}

TEST(MatchDateTime, MissingYearOnlyWhenAllowed) {
  DateTimeOptions options;
  options.allow_missing_year = true;
  EXPECT_EQ(Render("September 20 : Russia", options), "09-20 /12");
  EXPECT_EQ(Render("14 February. Then", options), "02-14 /11");  // the full stop ends the sentence
  EXPECT_EQ(Render("9-Oct talks", options), "none");
  EXPECT_EQ(Render("Feb. 14", options), "02-14 /7");
  EXPECT_EQ(Render("September 31", options), "none");
}

TEST(Calendar, WeekdaysAndDayCounts) {
  EXPECT_EQ(Weekday(2023, 9, 19), 1);  // a Tuesday
  EXPECT_EQ(Weekday(1970, 1, 1), 3);   // a Thursday
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  for (long days : {-800000L, -1L, 0L, 19619L, 400000L}) {
    CivilDate date = CivilFromDays(days);
    EXPECT_EQ(DaysFromCivil(date.year, date.month, date.day), days);
  }
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("december"), 12);
  EXPECT_EQ(MonthFromName("Mayor"), 0);
  EXPECT_EQ(WeekdayFromName("Tues"), 1);
  EXPECT_EQ(WeekdayFromName("Thurs"), 3);
}

TEST(ParseTimestamp, WholeStringsOnly) {
  EXPECT_EQ(ParseTimestamp("2020-10-06")->IsoDate(), "2020-10-06");
  EXPECT_EQ(ParseTimestamp(" 2020-10-06T08:00:00.000Z ")->IsoTime(), "08:00");
  EXPECT_FALSE(ParseTimestamp("2020-10-06 and more"));
  EXPECT_FALSE(ParseTimestamp("yesterday"));
}

std::string UrlDay(std::string_view url) {
  std::optional<CivilDate> date = DateFromUrl(url);
  return date ? FormatIsoDate(date->year, date->month, date->day) : "";
}

TEST(DateFromUrl, PathDatesAsContentSystemsWriteThem) {
  EXPECT_EQ(UrlDay("http://denver.example.com/2016/01/27/deputy-shot/"), "2016-01-27");
  EXPECT_EQ(UrlDay("https://www.example.com/news/2016/jan/26/girl-shot-at-party/"), "2016-01-26");
  EXPECT_EQ(UrlDay("https://example.org/world/2023-09-20/talks-resume"), "2023-09-20");
  EXPECT_EQ(UrlDay("https://example.org/world/2023_09_20_talks"), "2023-09-20");
  EXPECT_EQ(UrlDay("http://www.example.com/news/tn-blr-me-shooting-20160223-story.html"), "2016-02-23");
  EXPECT_EQ(UrlDay("http://www.example.com/article/20150803/NEWS/150809844"), "2015-08-03");
  EXPECT_EQ(UrlDay("/2020/10/03/index.html"), "2020-10-03");  // a path alone
}

TEST(DateFromUrl, NoDayNoDate) {
  EXPECT_EQ(UrlDay("https://example.com/news/2016/01/"), "");        // a month, no day
  EXPECT_EQ(UrlDay("https://example.com/story/36925834"), "");       // an id
  EXPECT_EQ(UrlDay("https://example.com/story/120160223"), "");      // digits run on
  EXPECT_EQ(UrlDay("https://example.com/2016/13/40/x"), "");         // not a calendar day
  EXPECT_EQ(UrlDay("https://20160223.example.com/x"), "");           // host, not path
  EXPECT_EQ(UrlDay("https://example.com/x?from=2016-02-23"), "");    // query
  EXPECT_EQ(UrlDay("https://example.com/1066/10/14/hastings"), "");  // no news year
  EXPECT_EQ(UrlDay(""), "");
}

}  // namespace
}  // namespace casus
