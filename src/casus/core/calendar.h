// Calendar facts and absolute date parsing shared by every layer that reads dates.
//
// MatchDateTime recognises one absolute date (with an optional time and zone) at the
// start of a string, in the spellings news uses: "October 3rd, 2020 at 13:01 IST",
// "Sept. 20, 2023", "20 September 2023", "Tuesday, 5 October 2020", "2023-09-20T13:01Z",
// "Tue, 20 Sep 2023 13:01:00 GMT", "9-Oct-2023". It allocates only for the zone, is thread-safe
// and runs in time linear in the part it reads.
#ifndef CASUS_CORE_CALENDAR_H_
#define CASUS_CORE_CALENDAR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casus {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

bool IsValidDate(int year, int month, int day);
int DaysInMonth(int year, int month);
// Days since 1970-01-01 (negative before), proleptic Gregorian.
long DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(long days);
// 0 = Monday ... 6 = Sunday.
int Weekday(int year, int month, int day);
// "2023-09-20"; "2023-09" when day is 0; "2023" when month is 0.
std::string FormatIsoDate(int year, int month, int day);

// 1..12 for an English month name or abbreviation ("Sept", "Oct.", "december"),
// 0 otherwise. A trailing period is allowed.
int MonthFromName(std::string_view word);
// True for a month's abbreviation that takes a full stop: "Feb", "Oct", "Sept" (not
// "May", a full name too).
bool IsMonthAbbreviation(std::string_view word);
// 0..6 (Monday first) for an English weekday name or abbreviation, -1 otherwise.
int WeekdayFromName(std::string_view word);

struct DateTimeMatch {
  int year = 0;  // 0 when the text gave none (only with allow_missing_year)
  int month = 0;
  int day = 0;
  int hour = -1;  // -1 when no time was given
  int minute = -1;
  std::string zone;   // "IST", "GMT", "Z", "+05:30", or empty
  size_t length = 0;  // bytes of the input consumed

  std::string IsoDate() const { return FormatIsoDate(year, month, day); }
  std::string IsoTime() const;  // "13:01", or empty
};

struct DateTimeOptions {
  bool allow_missing_year = false;  // accept "September 20" alone
  bool allow_time = true;           // read a following time and zone
};

// Recognises an absolute date at the very start of `text`; see the file comment.
std::optional<DateTimeMatch> MatchDateTime(std::string_view text, DateTimeOptions options = {});

// Parses a whole machine-written timestamp ("2023-09-20", "2023-09-20T13:01:00+05:30",
// RFC 2822 dates); trailing characters other than spaces make it fail.
std::optional<DateTimeMatch> ParseTimestamp(std::string_view text);

// The day a news URL's path names, as content systems write it: "/2016/01/26/",
// "/2016/jan/26/", "/2016-01-26/", "-20160223-story". Host, query and fragment are not
// read; digits run into other digits are never a date. The first date found wins.
std::optional<CivilDate> DateFromUrl(std::string_view url);

}  // namespace casus

#endif  // CASUS_CORE_CALENDAR_H_
