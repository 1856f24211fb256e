// Calendar arithmetic (Howard Hinnant's days-from-civil algorithm) and a small
// hand-written scanner for absolute dates: a date is a sequence of tokens (weekday,
// month name, day number with ordinal suffix, year, ISO form) read left to right, and
// a time with its zone may follow after "at", a comma, a bar or plain space.
#include "casus/core/calendar.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace casus {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Reads up to `max_digits` digits at `*pos`; returns -1 when none.
int ReadNumber(std::string_view s, size_t* pos, size_t max_digits) {
  size_t i = *pos;
  int value = 0;
  size_t count = 0;
  while (i < s.size() && IsDigit(s[i]) && count < max_digits) {
    value = value * 10 + (s[i] - '0');
    ++i;
    ++count;
  }
  if (count == 0) return -1;
  if (i < s.size() && IsDigit(s[i])) return -1;  // longer than allowed
  *pos = i;
  return value;
}

size_t ReadWord(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && IsAlpha(s[i])) ++i;
  return i - pos;
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == '\t')) ++*pos;
}

// A day number, possibly with an ordinal suffix ("3rd"); 1..31.
int ReadDay(std::string_view s, size_t* pos) {
  size_t i = *pos;
  int day = ReadNumber(s, &i, 2);
  if (day < 1 || day > 31) return -1;
  size_t suffix = ReadWord(s, i);
  if (suffix == 2) {
    std::string_view word = s.substr(i, 2);
    if (EqualsIgnoreCase(word, "st") || EqualsIgnoreCase(word, "nd") || EqualsIgnoreCase(word, "rd") ||
        EqualsIgnoreCase(word, "th")) {
      i += 2;
    } else {
      return -1;
    }
  } else if (suffix != 0) {
    return -1;
  }
  *pos = i;
  return day;
}

// A month name at `*pos` (with an optional trailing period); 0 when none.
int ReadMonth(std::string_view s, size_t* pos) {
  size_t length = ReadWord(s, *pos);
  if (length < 3) return 0;
  size_t end = *pos + length;
  // The period belongs to an abbreviation ("Feb.", "Sept.") or to a month a day follows
  // ("Fri., May. 3, 2013"); after a full name it ends the sentence ("on 14 February.").
  const bool abbreviation = IsMonthAbbreviation(s.substr(*pos, length));
  if (end < s.size() && s[end] == '.') {
    size_t next = end + 1;
    while (next < s.size() && s[next] == ' ') ++next;
    if (abbreviation || (next < s.size() && IsDigit(s[next]))) ++end;
  }
  int month = MonthFromName(s.substr(*pos, end - *pos));
  if (month != 0) *pos = end;
  return month;
}

int ReadYear(std::string_view s, size_t* pos) {
  size_t i = *pos;
  int year = ReadNumber(s, &i, 4);
  if (year < 1000 || i - *pos != 4) return -1;
  *pos = i;
  return year;
}

// Time zone abbreviations are 2..5 capital letters ("IST", "GMT", "CEST"), or offsets.
size_t ReadZone(std::string_view s, size_t pos, std::string* zone) {
  size_t i = pos;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    size_t j = i + 1;
    int hours = ReadNumber(s, &j, 2);
    if (hours < 0 || hours > 14) return 0;
    if (j < s.size() && s[j] == ':') ++j;
    if (j < s.size() && IsDigit(s[j])) {
      int minutes = ReadNumber(s, &j, 2);
      if (minutes < 0 || minutes > 59) return 0;
    }
    *zone = std::string(s.substr(pos, j - pos));
    return j - pos;
  }
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++i;
  size_t length = i - pos;
  if (length < 2 || length > 5) return 0;
  if (i < s.size() && IsAlpha(s[i])) return 0;
  // "UTC+5:30", "GMT+3"
  if (i < s.size() && (s[i] == '+' || s[i] == '-') && i + 1 < s.size() && IsDigit(s[i + 1])) {
    std::string offset;
    size_t extra = ReadZone(s, i, &offset);
    i += extra;
  }
  *zone = std::string(s.substr(pos, i - pos));
  return i - pos;
}

// A time "13:01", "13:01:22", "1:01 pm", "1 p.m." with an optional zone, at `pos`.
// Returns the bytes consumed (0 when there is no time).
size_t ReadTime(std::string_view s, size_t pos, DateTimeMatch* out) {
  size_t i = pos;
  int hour = ReadNumber(s, &i, 2);
  if (hour < 0 || hour > 24) return 0;
  int minute = 0;
  bool has_minutes = false;
  if (i + 1 < s.size() && (s[i] == ':' || s[i] == '.') && IsDigit(s[i + 1])) {
    size_t j = i + 1;
    minute = ReadNumber(s, &j, 2);
    if (minute < 0 || minute > 59 || j - i != 3) return 0;
    i = j;
    has_minutes = true;
    if (i + 1 < s.size() && s[i] == ':' && IsDigit(s[i + 1])) {
      size_t k = i + 1;
      int second = ReadNumber(s, &k, 2);
      if (second < 0 || second > 60) return 0;
      i = k;
      if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && IsDigit(s[i])) ++i;
      }
    }
  }
  // am / pm / a.m. / p.m.
  size_t j = i;
  SkipSpaces(s, &j);
  bool meridiem = false;
  if (j < s.size() && (Lower(s[j]) == 'a' || Lower(s[j]) == 'p')) {
    bool pm = Lower(s[j]) == 'p';
    size_t k = j + 1;
    if (k < s.size() && s[k] == '.') ++k;
    if (k < s.size() && Lower(s[k]) == 'm') {
      ++k;
      if (k < s.size() && s[k] == '.') ++k;
      if (k >= s.size() || !IsAlpha(s[k])) {
        if (hour < 1 || hour > 12) return 0;
        hour = (hour % 12) + (pm ? 12 : 0);
        meridiem = true;
        i = k;
      }
    }
  }
  if (!has_minutes && !meridiem) return 0;
  if (hour == 24) hour = 0;
  out->hour = hour;
  out->minute = minute;
  // Zone: "Z" directly after an ISO time, else a separate word.
  if (i < s.size() && s[i] == 'Z' && (i + 1 >= s.size() || !IsAlpha(s[i + 1]))) {
    out->zone.assign(1, 'Z');
    return i + 1 - pos;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    size_t length = ReadZone(s, i, &out->zone);
    return i + length - pos;
  }
  size_t k = i;
  SkipSpaces(s, &k);
  if (k > i && k < s.size()) {
    size_t length = ReadZone(s, k, &out->zone);
    if (length > 0) return k + length - pos;
  }
  return i - pos;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

long DaysFromCivil(int year, int month, int day) {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int Weekday(int year, int month, int day) {
  long days = DaysFromCivil(year, month, day);  // 1970-01-01 was a Thursday (3)
  long w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string FormatIsoDate(int year, int month, int day) {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  // Hand-made: this runs for every date a document mentions.
  std::string out = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                     static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10)};
  if (month == 0) return out;
  out += {'-', static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10)};
  if (day == 0) return out;
  out += {'-', static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
  return out;
}

std::string DateTimeMatch::IsoTime() const {
  if (hour < 0) return "";
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour, minute);
  return buffer;
}

int MonthFromName(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  static constexpr std::array<std::string_view, 12> kNames = {"january",   "february", "march",    "april",
                                                              "may",       "june",     "july",     "august",
                                                              "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kNames.size(); ++m) {
    if (EqualsIgnoreCase(word, kNames[m])) return static_cast<int>(m) + 1;
    if (word.size() == 3 && EqualsIgnoreCase(word, kNames[m].substr(0, 3))) return static_cast<int>(m) + 1;
  }
  if (EqualsIgnoreCase(word, "sept")) return 9;
  return 0;
}

bool IsMonthAbbreviation(std::string_view word) {
  return (word.size() == 3 && !EqualsIgnoreCase(word, "may") && MonthFromName(word) != 0) ||
         EqualsIgnoreCase(word, "sept");
}

int WeekdayFromName(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  static constexpr std::array<std::string_view, 7> kNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                             "friday", "saturday", "sunday"};
  for (size_t d = 0; d < kNames.size(); ++d) {
    if (EqualsIgnoreCase(word, kNames[d])) return static_cast<int>(d);
    if (word.size() == 3 && EqualsIgnoreCase(word, kNames[d].substr(0, 3))) return static_cast<int>(d);
  }
  if (EqualsIgnoreCase(word, "tues") || EqualsIgnoreCase(word, "thur") || EqualsIgnoreCase(word, "thurs")) {
    return word[1] == 'u' || word[1] == 'U' ? 1 : 3;
  }
  return -1;
}

std::optional<DateTimeMatch> MatchDateTime(std::string_view s, DateTimeOptions options) {
  DateTimeMatch match;
  size_t i = 0;
  // Optional weekday: "Tuesday, " / "Tue "
  {
    size_t length = ReadWord(s, 0);
    size_t end = length;
    if (end < s.size() && s[end] == '.') ++end;
    if (length >= 3 && WeekdayFromName(s.substr(0, end)) >= 0) {
      size_t j = end;
      if (j < s.size() && s[j] == ',') ++j;
      SkipSpaces(s, &j);
      if (j > end) i = j;
    }
  }
  size_t date_start = i;
  bool have_date = false;
  // ISO: 2023-09-20; year first with slashes or full stops, 2023/09/20, is read the same
  // way (nobody writes year, day, month)
  const char iso = i + 10 <= s.size() ? s[i + 4] : '\0';
  if ((iso == '-' || iso == '/' || iso == '.') && IsDigit(s[i]) && s[i + 7] == iso) {
    size_t j = i;
    int year = ReadYear(s, &j);
    if (year > 0 && s[j] == iso) {
      ++j;
      int month = ReadNumber(s, &j, 2);
      if (month >= 1 && j < s.size() && s[j] == iso) {
        ++j;
        int day = ReadNumber(s, &j, 2);
        if (day >= 1 && IsValidDate(year, month, day)) {
          match.year = year;
          match.month = month;
          match.day = day;
          i = j;
          have_date = true;
          // ISO time: T13:01:00 or " 13:01"
          if (options.allow_time && i + 1 < s.size() && (s[i] == 'T' || s[i] == ' ') && IsDigit(s[i + 1])) {
            DateTimeMatch with_time = match;
            size_t used = ReadTime(s, i + 1, &with_time);
            if (used > 0) {
              match = with_time;
              i += 1 + used;
            }
          }
          match.length = i;
          return match;
        }
      }
    }
  }
  // All numbers: 20/09/2023, 20.09.2023, 09/20/2023. With slashes or hyphens, day and
  // month are told apart only where one of them cannot be a month (or both are the same):
  // "05/06/2023" is no date. Dots are written day first wherever they are used
  // ("10.11.2023" is 10 November).
  if (i < s.size() && IsDigit(s[i])) {
    size_t j = i;
    const int first = ReadNumber(s, &j, 2);
    const char separator = j < s.size() ? s[j] : '\0';
    if (first >= 1 && (separator == '/' || separator == '.' || separator == '-')) {
      ++j;
      const int second = ReadNumber(s, &j, 2);
      if (second >= 1 && j < s.size() && s[j] == separator) {
        ++j;
        const size_t year_start = j;
        const int year = ReadYear(s, &j);
        const bool ends = j >= s.size() || !(IsDigit(s[j]) || IsAlpha(s[j]));
        if (year >= 1900 && year <= 2100 && j - year_start == 4 && ends) {
          int day = 0, month = 0;
          if ((first > 12 || separator == '.') && second <= 12)  // dots: day first, the world over
            day = first, month = second;
          else if (second > 12 && first <= 12)
            day = second, month = first;
          else if (first == second)
            day = first, month = second;
          if (day != 0 && IsValidDate(year, month, day)) {
            match.year = year;
            match.month = month;
            match.day = day;
            i = j;
            have_date = true;
          }
        }
      }
      // "9-Oct-2023" reads on as a day and a month's name
      const bool month_name_next = separator == '-' && j < s.size() && IsAlpha(s[j]);
      if (!have_date && !month_name_next) return std::nullopt;
    }
  }
  if (!have_date) {
    size_t j = date_start;
    int month = ReadMonth(s, &j);
    if (month > 0) {
      // Month Day[,] [Year]
      SkipSpaces(s, &j);
      if (j == date_start || j >= s.size()) return std::nullopt;
      int day = ReadDay(s, &j);
      if (day < 0) return std::nullopt;
      match.month = month;
      match.day = day;
      size_t after_day = j;
      size_t k = j;
      if (k < s.size() && s[k] == ',') ++k;
      SkipSpaces(s, &k);
      int year = ReadYear(s, &k);
      if (year > 0) {
        match.year = year;
        i = k;
      } else {
        i = after_day;
      }
    } else {
      // Day Month [Year]; "9-Oct-2023", with hyphens, only with its year
      int day = ReadDay(s, &j);
      if (day < 0) return std::nullopt;
      size_t k = j;
      bool hyphens = false;
      if (k < s.size() && s[k] == ' ') {
        SkipSpaces(s, &k);
        size_t month_start = k;
        if (s.substr(month_start, 3) == "of ") k += 3;
        month = ReadMonth(s, &k);
      } else if (k + 1 < s.size() && s[k] == '-' && IsAlpha(s[k + 1])) {
        ++k;
        month = ReadMonth(s, &k);
        if (month == 0 || k + 5 > s.size() || s[k] != '-' || !IsDigit(s[k + 1])) return std::nullopt;
        hyphens = true;
        ++k;
      }
      if (month == 0) return std::nullopt;
      match.month = month;
      match.day = day;
      i = k;
      size_t y = k;
      if (y < s.size() && s[y] == ',') ++y;
      SkipSpaces(s, &y);
      int year = ReadYear(s, &y);
      if (year > 0) {
        match.year = year;
        i = y;
      } else if (hyphens) {
        return std::nullopt;
      }
    }
  }
  if (match.year == 0 && !options.allow_missing_year) return std::nullopt;
  if (match.year != 0 && !IsValidDate(match.year, match.month, match.day)) return std::nullopt;
  if (match.year == 0 && match.day > DaysInMonth(2000, match.month)) return std::nullopt;
  // A year must not run on into more digits or letters ("2020s" is a decade).
  if (i < s.size() && (IsDigit(s[i]) || IsAlpha(s[i]))) return std::nullopt;
  match.length = i;
  if (!options.allow_time) return match;
  // Optional time: " at 13:01 IST", ", 13:01", " | 13:01", " - 1:01 pm ET", " 13:01:00 GMT"
  size_t j = i;
  SkipSpaces(s, &j);
  if (j < s.size() && (s[j] == ',' || s[j] == '|' || s[j] == '-')) ++j;
  SkipSpaces(s, &j);
  if (s.substr(j, 3) == "at " || s.substr(j, 3) == "At ") {
    j += 3;
    SkipSpaces(s, &j);
  }
  if (j > i && j < s.size() && IsDigit(s[j])) {
    DateTimeMatch with_time = match;
    size_t used = ReadTime(s, j, &with_time);
    if (used > 0) {
      with_time.length = j + used;
      return with_time;
    }
  }
  return match;
}

std::optional<DateTimeMatch> ParseTimestamp(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  std::optional<DateTimeMatch> match = MatchDateTime(text);
  if (!match) return std::nullopt;
  if (match->length != text.size()) {
    // Accept trailing seconds fractions or zone offsets the scanner left, nothing else.
    std::string_view rest = text.substr(match->length);
    for (char c : rest) {
      if (!(IsDigit(c) || c == ':' || c == '.' || c == '+' || c == '-' || c == ' ' || c == 'Z')) return std::nullopt;
    }
  }
  return match;
}

namespace {

// `text` whole as a number of 1 to `max_digits` digits ("01"), else -1.
int WholeNumber(std::string_view text, size_t max_digits) {
  size_t pos = 0;
  const int value = ReadNumber(text, &pos, max_digits);
  return pos == text.size() ? value : -1;
}

bool PlausibleUrlDate(int year, int month, int day) {
  return year >= 1990 && year <= 2099 && IsValidDate(year, month, day);
}

}  // namespace

std::optional<CivilDate> DateFromUrl(std::string_view url) {
  // The path: after "scheme://host", before '?' or '#'.
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    size_t slash = url.find('/', scheme + 3);
    if (slash == std::string_view::npos) return std::nullopt;
    url.remove_prefix(slash);
  }
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  // Segments: "/2016/01/26/" and "/2016/jan/26/".
  std::vector<std::string_view> segments;
  for (size_t i = 0; i <= url.size();) {
    size_t j = std::min(url.find('/', i), url.size());
    segments.push_back(url.substr(i, j - i));
    i = j + 1;
  }
  for (size_t i = 0; i + 2 < segments.size(); ++i) {
    const int year = segments[i].size() == 4 ? WholeNumber(segments[i], 4) : -1;
    int month = WholeNumber(segments[i + 1], 2);
    if (month < 0 && segments[i + 1].size() == 3) month = MonthFromName(segments[i + 1]);
    const int day = WholeNumber(segments[i + 2], 2);
    if (PlausibleUrlDate(year, month, day)) return CivilDate{year, month, day};
  }
  // Runs of digits inside a segment: "2016-01-26", "2016_01_26", "20160223".
  for (size_t i = 0; i < url.size(); ++i) {
    if (!IsDigit(url[i]) || (i > 0 && IsDigit(url[i - 1]))) continue;  // not the start of a run
    size_t j = i;
    if (const int year = ReadYear(url, &j); year > 0) {
      const char separator = j < url.size() ? url[j] : '\0';
      if (separator != '-' && separator != '_') continue;
      const int month = ReadNumber(url, &++j, 2);
      if (month < 0 || j >= url.size() || url[j] != separator) continue;
      const int day = ReadNumber(url, &++j, 2);
      if (PlausibleUrlDate(year, month, day)) return CivilDate{year, month, day};
      continue;
    }
    while (j < url.size() && IsDigit(url[j])) ++j;
    if (j - i != 8) continue;
    const int year = WholeNumber(url.substr(i, 4), 4), month = WholeNumber(url.substr(i + 4, 2), 2);
    const int day = WholeNumber(url.substr(i + 6, 2), 2);
    if (PlausibleUrlDate(year, month, day)) return CivilDate{year, month, day};
  }
  return std::nullopt;
}

}  // namespace casus
