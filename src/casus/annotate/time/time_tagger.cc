// Time tagging in three steps per sentence (and per dateline):
//  1. tokens: words, numbers ("1,000", "13:01"), single punctuation marks, with offsets;
//  2. at each token every rule below proposes a match; the longest wins and the scan
//     continues after it (rules: absolute date, month and year, weekday, deictic day,
//     relative unit, "N units ago", duration, year and decade, clock time, quarter,
//     set, reference word, anaphoric day);
//  3. relative values are resolved against the publication date (or, for "the next
//     day", the last full date mentioned), with the tense of the sentence: the nearest
//     tense marker to the expression (resources/time_words.tsv, or a word ending in
//     -ed) decides past, present or future; news defaults to the past.
// Spans follow TimeML: prepositions ("on", "in", "since") stay outside, modifiers
// ("last", "the past", "early") inside.
#include "casus/annotate/time/time_tagger.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "casus/core/calendar.h"
#include "casus/core/string_table.h"
#include "casus/core/text.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus {
namespace {

// Numbers out of tokens and values, never throwing: what std::stoi would read, else 0
// (a value this stage wrote itself always holds its digits; a token may not: "13.0").
int ToInt(std::string_view text) {
  return static_cast<int>(std::clamp<int64_t>(LeadingInteger(text), INT32_MIN, INT32_MAX));
}
long ToLong(std::string_view text) {
  return static_cast<long>(std::clamp<int64_t>(LeadingInteger(text), INT32_MIN, INT32_MAX));
}

}  // namespace

// Tables looked up with token views, without copies.
template <typename Value>
using WordMap = StringMap<Value>;
using WordSet = StringSet;

struct TimeTagger::Lexicon {
  WordMap<std::string> numbers;
  WordMap<std::string> units;
  WordMap<std::string> parts;
  WordMap<std::string> seasons;
  WordMap<int> ordinals;
  WordMap<int> decades;  // "nineties" -> 9
  // Holidays by their first word: the words of the name and the rule for its date.
  struct Holiday {
    std::vector<std::string> words;  // "new", "year", "'", "s", "day"
    int month = 0;                   // a fixed date: month and day
    int day = 0;
    int nth = 0;      // else the nth (-1 last) `weekday` of `month`, `day` days later
    int weekday = 0;  // 0 Monday
    // Else a day counted in another way: `day` days after Easter Sunday (Western or
    // Orthodox) or after the Jewish new year (1 Tishrei) that falls in the year's autumn,
    // the first day of Hanukkah, or `month` and `day` of the Islamic calendar.
    enum class Computed { kNone, kEaster, kOrthodoxEaster, kTishrei, kHanukkah, kHijri } computed = Computed::kNone;
  };
  WordMap<std::vector<Holiday>> holidays;
  WordSet function;  // words that end a noun phrase (the other word lists are class bits only)
  // What each known word is, as bits (kTrigger: a rule can start with it); a token looks
  // its word up once, and the rules and the tense test read the bits.
  enum Class : uint32_t {
    kTrigger = 1u << 0,
    kNumberWord = 1u << 1,
    kUnit = 1u << 2,
    kPart = 1u << 3,
    kSeason = 1u << 4,
    kOrdinal = 1u << 5,
    kDecade = 1u << 6,
    kHoliday = 1u << 7,
    kMonth = 1u << 8,
    kWeekday = 1u << 9,
    kFuture = 1u << 10,
    kPast = 1u << 11,
    kPresent = 1u << 12,
    kZone = 1u << 13,
    kAfterArticle = 1u << 14,  // opens an expression after "the", "a": "the same day"
    kNotPast = 1u << 15,       // ends in -ed but is no past tense: "succeed", "hundred"
    kIntent = 1u << 16,        // before "to", a later act: "agreed to meet", "vowed to return"
    kDated = 1u << 17,         // a noun a year before it dates: "his 1996 campaign", "1990 earnings"
    kStreet = 1u << 18,        // a number before it is an address: "the 2200 block", "2115 Windsor Road"
    kVehicle = 1u << 19,       // a maker: a year before it is a model year ("a 2013 Toyota Camry")
  };
  WordMap<uint32_t> classes;
  size_t longest_word = 0;
  // A filter before the hash: bit (last letter) of entry [length][first letter] is set
  // when some known word has that length, first and last letter.
  std::array<uint32_t, 16 * 26> filter{};
  uint32_t ClassesOf(std::string_view word) const {
    if (word.size() > longest_word || word.size() >= 16) return 0;
    unsigned first = static_cast<unsigned char>(word.front()) - 'a';
    unsigned last = static_cast<unsigned char>(word.back()) - 'a';
    if (first >= 26 || last >= 26 || !((filter[word.size() * 26 + first] >> last) & 1u)) return 0;
    auto it = classes.find(word);
    return it == classes.end() ? 0 : it->second;
  }
};

namespace {

using Lex = TimeTagger::Lexicon;

enum class TokenKind { kWord, kNumber, kPunct };

struct TimeToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool capitalized = false;
  bool trigger = false;    // a number, or a word some rule can start with
  uint32_t classes = 0;    // Lexicon::Class bits of the word
  std::string_view lower;  // lower-case text, a view into the sentence's buffer
};

// kSince: after "since", a time that has begun: never later than publication.
enum class Tense { kPast, kPresent, kFuture, kUnknown, kSince };

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetterLead(unsigned char c) { return c >= 0xC3 && c != 0xE2 && c != 0xEF; }

// What a byte can be in the tokenizer, by table (the word loop is the tagger's hottest).
enum ByteClass : uint8_t {
  kByteOther = 0,
  kByteWord = 1,   // continues a word: a letter, or a UTF-8 byte other than 0xE2 (punctuation)
  kByteUpper = 2,  // an ASCII capital
  kByteDigit = 4,
  kByteSpace = 8,        // ASCII white space
  kByteMaybeSpace = 16,  // may start a multi-byte space (U+00A0, U+2000-200B, ...)
};
struct ByteTables {
  uint8_t classes[256];
  char lower[256];
  constexpr ByteTables() : classes(), lower() {
    for (int c = 0; c < 256; ++c) {
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      uint8_t k = kByteOther;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c != 0xE2)) k |= kByteWord;
      if (c >= 'A' && c <= 'Z') k |= kByteUpper;
      if (c >= '0' && c <= '9') k |= kByteDigit;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k |= kByteSpace;
      if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) k |= kByteMaybeSpace;
      classes[c] = k;
    }
  }
};
constexpr ByteTables kBytes;
inline uint8_t ByteClassOf(char c) { return kBytes.classes[static_cast<unsigned char>(c)]; }

// Tokens of text[span]; their lower-case forms are written to `lower` (which must not
// grow afterwards: tokens view into it).
void Tokenize(std::string_view text, Span span, const TimeTagger::Lexicon& lexicon, std::string* lower,
              std::vector<TimeToken>* out) {
  std::vector<TimeToken>& tokens = *out;
  tokens.clear();
  // Lower-case text at the same offsets as the span, written in place.
  lower->resize(span.size());
  char* lowered = lower->data() - span.begin;  // indexed by text offset
  const char* data = text.data();
  size_t i = span.begin;
  const size_t end = span.end;
  while (i < end) {
    const uint8_t lead = ByteClassOf(data[i]);
    if (lead & kByteSpace) {
      ++i;
      continue;
    }
    if (lead & kByteMaybeSpace) {
      if (size_t space = SpaceLengthAt(text, i); space > 0) {
        i += space;
        continue;
      }
    }
    TimeToken& token = tokens.emplace_back();
    token.begin = static_cast<uint32_t>(i);
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (IsAsciiLetter(data[i]) || IsLetterLead(c)) {
      token.kind = TokenKind::kWord;
      token.capitalized = (lead & kByteUpper) || c >= 0x80;
      while (i < end) {
        const char ch = data[i];
        if (ByteClassOf(ch) & kByteWord) {
          lowered[i] = kBytes.lower[static_cast<unsigned char>(ch)];
          ++i;
        } else if (ch == '\'' && i + 1 < end && IsAsciiLetter(data[i + 1]) &&
                   !((data[i + 1] == 's' || data[i + 1] == 'S') && (i + 2 >= end || !IsAsciiLetter(data[i + 2])))) {
          lowered[i] = '\'';
          ++i;  // "o'clock", but "Friday's" is "Friday" + "'s"
        } else {
          break;
        }
      }
    } else if (lead & kByteDigit) {
      token.kind = TokenKind::kNumber;
      while (i < end && ((ByteClassOf(data[i]) & kByteDigit) || ((data[i] == ',' || data[i] == '.' || data[i] == ':') &&
                                                                 i + 1 < end && IsDigit(data[i + 1])))) {
        lowered[i] = data[i];
        ++i;
      }
    } else {
      token.kind = TokenKind::kPunct;
      lowered[i] = data[i];
      ++i;
      while (i < end && (static_cast<unsigned char>(data[i]) & 0xC0) == 0x80) {
        lowered[i] = data[i];
        ++i;
      }
    }
    token.end = static_cast<uint32_t>(i);
    token.lower = std::string_view(lowered + token.begin, token.end - token.begin);
    // The typographic apostrophe reads as the straight one: "New Year’s Day".
    if (token.kind == TokenKind::kPunct && token.lower == "\u2019") token.lower = "'";
    if (token.kind == TokenKind::kWord) token.classes = lexicon.ClassesOf(token.lower);
    token.trigger = token.kind == TokenKind::kNumber || (token.classes & TimeTagger::Lexicon::kTrigger) != 0 ||
                    (token.capitalized && (token.lower == "q" || token.lower == "h"));  // "Q3", "H1": PeriodCode's
  }
  // The most frequent words start an expression only before certain words: "the"
  // and "a" before another trigger ("the past", "a year"), "that" and "its" before
  // "day", "quarter", an ordinal or a number, "year" before a hyphen ("year-earlier").
  // Month, weekday and holiday names start one only when capitalised.
  constexpr uint32_t kNames = Lex::kMonth | Lex::kWeekday | Lex::kHoliday;
  constexpr uint32_t kOtherStarts = Lex::kNumberWord | Lex::kUnit | Lex::kSeason | Lex::kOrdinal | Lex::kDecade;
  for (size_t k = 0; k < tokens.size(); ++k) {
    TimeToken& t = tokens[k];
    if (!t.trigger || t.kind != TokenKind::kWord) continue;
    const TimeToken* next = k + 1 < tokens.size() ? &tokens[k + 1] : nullptr;
    if (t.lower == "the" || t.lower == "a" || t.lower == "an") {
      t.trigger = next != nullptr && (next->trigger || (next->classes & (Lex::kAfterArticle | Lex::kPart)));
    } else if (t.lower == "that" || t.lower == "its") {
      t.trigger =
          next != nullptr && (next->lower == "day" || next->lower == "quarter" || next->lower == "year" ||
                              (next->classes & (Lex::kOrdinal | Lex::kPart)) || next->kind == TokenKind::kNumber);
    } else if (t.lower == "year") {
      t.trigger = next != nullptr && (next->lower == "-" || next->lower == "end" || next->lower == "'");
    } else if (!t.capitalized && (t.classes & kNames) && !(t.classes & kOtherStarts)) {
      t.trigger = false;
    }
  }
}

// printf for the two directives values use, "%d" and "%0Nd" (N a single digit), without
// the cost of vfprintf (a tenth of tagging time when every value went through it).
std::string Format(const char* pattern, int a, int b = 0, int c = 0) {
  const int arguments[3] = {a, b, c};
  int next = 0;
  std::string out;
  for (const char* p = pattern; *p != '\0'; ++p) {
    if (*p != '%' || next >= 3) {
      out.push_back(*p);
      continue;
    }
    int width = 0;
    if (p[1] == '0' && p[2] >= '1' && p[2] <= '9') {
      width = p[2] - '0';
      p += 2;
    }
    ++p;  // the 'd'
    int value = arguments[next++];
    if (value < 0) {
      out.push_back('-');
      value = -value;
    }
    char digits[12];
    int length = 0;
    do {
      digits[length++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int pad = length; pad < width; ++pad) out.push_back('0');
    while (length > 0) out.push_back(digits[--length]);
  }
  return out;
}

CivilDate AddDays(CivilDate date, long days) {
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

CivilDate AddMonths(CivilDate date, int months) {
  int total = date.year * 12 + (date.month - 1) + months;
  CivilDate out{total / 12, total % 12 + 1, 1};
  out.day = std::min(date.day, DaysInMonth(out.year, out.month));
  return out;
}

std::string IsoDay(CivilDate date) { return FormatIsoDate(date.year, date.month, date.day); }

// Days since 1970-01-01: to compare and order days.
long DayNumber(CivilDate date) { return DaysFromCivil(date.year, date.month, date.day); }

// The day a value or timestamp opens with ("2023-09-19", "2023-09-19T13:00"), if it is one.
std::optional<CivilDate> ParseDay(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  std::optional<DateTimeMatch> date = ParseTimestamp(text.substr(0, 10));
  if (!date) return std::nullopt;
  return CivilDate{date->year, date->month, date->day};
}

std::string IsoWeek(CivilDate date) {
  int weekday = Weekday(date.year, date.month, date.day);
  CivilDate thursday = AddDays(date, 3 - weekday);
  long day_of_year = DaysFromCivil(thursday.year, thursday.month, thursday.day) - DaysFromCivil(thursday.year, 1, 1);
  return Format("%04d-W%02d", thursday.year, static_cast<int>(day_of_year / 7 + 1));
}

struct Match {
  size_t end_token = 0;  // one past the last token
  size_t begin_token = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  std::string anchor;
  std::optional<CivilDate> full_date;  // a day-precise date, the anchor for "the next day"
  bool names_quarter = false;          // "the third quarter": the quarter later ones refer to
  bool day_named = false;              // a clock time whose own words name its day ("9 a.m. Tuesday")
};

// The first Saturday on or after `date`: the weekend that is not yet over (Monday is 0).
CivilDate SaturdayFrom(CivilDate date) { return AddDays(date, (5 - Weekday(date.year, date.month, date.day) + 7) % 7); }

// The month a season (TIMEX3 code) begins in: spring March, ..., winter December.
int SeasonFirstMonth(const std::string& code) { return code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12; }

class SentenceTagger {
 public:
  // `published`: the day relative expressions count from; `from` says where it came from
  // ("published", "dateline").
  SentenceTagger(std::string_view text, const std::vector<TimeToken>& tokens, const TimeTagger::Lexicon& lexicon,
                 std::optional<CivilDate> published, CivilDate* last_date, std::string* last_date_label,
                 std::string_view from = "published")
      : text_(text),
        tokens_(tokens),
        lex_(lexicon),
        published_(published),
        published_label_(published ? IsoDay(*published) + " (" + std::string(from) + ")" : ""),
        last_date_(last_date),
        last_date_label_(last_date_label) {}

  // Tags the tokens (one sentence's, refilled between calls).
  void Run(std::vector<TimeExpression>* out) {
    sentence_date_.clear();
    sentence_event_date_ = false;
    sentence_tense_.reset();
    statement_day_.reset();
    ++sentences_since_date_;
    size_ = tokens_.size();
    // One pass over the words. Quarters and periods need the word; most sentences lack it.
    // A title-case line ("Talks Resume Today in Geneva") capitalises every word; elsewhere a
    // capital inside the sentence marks a name ("USA Today", ABC's "This Week").
    // Opening hours: "open" (or "hours") and a range of weekdays ("The gallery is open from
    // 10 a.m.-4 p.m. Monday-Saturday"); "Early voting ran from Monday through Saturday"
    // tells of days that happened.
    bool names_period = false, open = false, weekday_range = false;
    size_t long_words = 0, capitalised = 0;
    for (size_t k = 0; k < Size(); ++k) {
      if (tokens_[k].kind != TokenKind::kWord) continue;
      names_period = names_period || Is(k, "quarter") || Is(k, "quarters") || Is(k, "period");
      open = open || Is(k, "open") || Is(k, "opens") || Is(k, "hours");
      weekday_range =
          weekday_range || (Has(k, Lex::kWeekday) && WeekdayAt(k + 2) >= 0 && (RangeLinkAt(k + 1, k) || IsDash(k + 1)));
      if (tokens_[k].lower.size() < 4) continue;
      ++long_words;
      if (tokens_[k].capitalized) ++capitalised;
    }
    title_case_ = long_words >= 3 && capitalised * 10 >= long_words * 7;
    opening_hours_ = open && weekday_range;
    size_t i = 0;
    previous_end_ = 0;
    previous_was_day_ = false;
    previous_weekday_.reset();
    while (i < Size()) {
      if (!tokens_[i].trigger) {
        ++i;
        continue;
      }
      std::optional<Match> best;
      auto consider = [&](std::optional<Match> candidate) {
        if (!candidate || candidate->end_token <= i) return;
        if (!best || candidate->end_token > best->end_token ||
            (candidate->end_token == best->end_token && candidate->begin_token < best->begin_token)) {
          best = std::move(candidate);
        }
      };
      // Rules that open with one of few words are asked only at those words.
      const bool the = Is(i, "the");
      const bool number = IsNumber(i);
      consider(AbsoluteDate(i));
      consider(MonthAlone(i));
      if (Has(i, Lex::kWeekday)) consider(SetRule(i));  // before a day: "Monday and Tuesday nights"
      if (Has(i, Lex::kWeekday) || Has(i + 1, Lex::kWeekday) || (the && Has(i + 2, Lex::kWeekday)))
        consider(WeekdayRule(i));
      consider(DeicticDay(i));
      consider(AnaphoricYear(i));
      consider(RelativeUnit(i));
      consider(CountedUnit(i));
      consider(YearRule(i));
      consider(SpokenYear(i));
      consider(HolidayRule(i));
      consider(ClockTime(i));
      if (names_period) consider(Quarter(i));
      if (tokens_[i].lower.size() == 1) consider(PeriodCode(i));
      if (!Has(i, Lex::kWeekday)) consider(SetRule(i));  // a weekday's was asked above
      consider(Reference(i));
      if (the || Is(i, "that")) consider(AnaphoricDay(i));
      if (the) consider(WeekOrMonthOfLastDay(i));
      if (the) consider(OrdinalInMonth(i));
      if (the || IsEdge(i)) consider(PartOfDay(i));
      if (the || number || Has(i, Lex::kOrdinal)) consider(Century(i));
      if (the || Has(i, Lex::kSeason) || IsEdge(i)) consider(Season(i));
      if (the) {
        consider(DayOfMonth(i));
        consider(WeekOf(i));
        consider(TheYear(i));
        consider(PartOfPeriod(i));
        consider(Weekend(i));
      }
      if (number) {
        consider(YearRangeEnd(i));
        consider(NineEleven(i));
        consider(CoordinatedDay(i));
        consider(DayOpeningARange(i));
      }
      if (the || Is(i, "year")) {
        consider(YearEnd(i));
        consider(YearEarlier(i));
      }
      if (!best) {
        ++i;
        continue;
      }
      if (LengthInName(*best)) {
        i = best->end_token;
        continue;
      }
      if (InAddress(*best)) {  // what follows the code may still be a date: "IE9 September 17, 2013"
        ++i;
        continue;
      }
      if (opening_hours_) Recurring(&*best);
      const bool weekday_date = best->full_date && best->value.size() == 10 && WeekdayAt(best->begin_token) >= 0;
      best->begin_token = WithModifiers(*best, previous_end_);
      if (weekday_date && previous_weekday_ && !out->empty()) OrderWeekdayRange(&*best, &out->back());
      if (best->type == TimexType::kTime && !best->day_named && !out->empty()) OrderClockRange(&*best, out->back());
      if (best->full_date && best->value.size() == 10 && !out->empty()) NameCountedDay(*best, &out->back());
      previous_weekday_.reset();
      if (weekday_date) previous_weekday_ = PreviousWeekday{*best->full_date, best->begin_token};
      previous_begin_ = best->begin_token;
      previous_end_ = best->end_token;
      previous_was_day_ = best->full_date.has_value();
      TimeExpression expression;
      expression.span = Span{tokens_[best->begin_token].begin, tokens_[best->end_token - 1].end};
      expression.type = best->type;
      expression.value = best->value;
      expression.anchor = best->anchor;
      expression.since = AfterSince(best->begin_token);
      // "said 2023 was the worst year" says nothing of when it was said: days and times only.
      const bool statement = (best->full_date || best->type == TimexType::kTime) && StatementDayAt(best->begin_token);
      expression.statement = statement;
      out->push_back(std::move(expression));
      if (best->full_date) {
        sentences_since_date_ = 0;
        *last_date_ = *best->full_date;
        *last_date_label_ = IsoDay(*best->full_date) + " (previous date)";
        if (!statement) event_date_ = *best->full_date;
        if (statement && !statement_day_) statement_day_ = StatementDay{*best->full_date, best->end_token};
      }
      if (best->type == TimexType::kDate && best->value.size() == 10 && best->value[4] == '-' &&
          (!statement || !sentence_event_date_)) {
        sentence_date_ = best->value;
        sentence_event_date_ = !statement;
      }
      if (last_quarter_ != nullptr && best->names_quarter) *last_quarter_ = best->value;
      if (best->type != TimexType::kDuration && best->type != TimexType::kSet && best->value.size() >= 4 &&
          IsDigit(best->value[0]) && IsDigit(best->value[3]) && (best->value.size() == 4 || best->value[4] == '-')) {
        last_year_ = ToInt(best->value.substr(0, 4));  // a year, or a date in one
        if (best->value.size() >= 7 && IsDigit(best->value[5]) && IsDigit(best->value[6])) {
          last_month_ = CivilDate{last_year_, ToInt(best->value.substr(5, 2)), 1};  // a month, or a day in one
        }
      }
      i = best->end_token;
    }
  }

 private:
  // "from Monday to Friday", "Monday through Friday last week", "between Monday and
  // Friday": a range of weekdays runs forward, within a week. Where each end alone fell
  // the other way round ("will run from Monday to Friday" in a Wednesday article: the
  // coming Monday but this Friday), a range opening after publication keeps its opening
  // day and moves the closing one on; else the closing day stays and the opening one
  // moves back ("Monday through Friday last week"). `day` closes the range that
  // `previous` (the expression before it) opens.
  void OrderWeekdayRange(Match* day, TimeExpression* previous) {
    const size_t gap = previous_end_;
    const bool range = gap + 1 == day->begin_token && RangeLinkAt(gap, previous_weekday_->begin);
    const CivilDate opening = previous_weekday_->day, closing = *day->full_date;
    if (!range || !published_ || DayNumber(closing) >= DayNumber(opening)) return;
    int days =
        (Weekday(closing.year, closing.month, closing.day) - Weekday(opening.year, opening.month, opening.day) + 7) % 7;
    if (days == 0) days = 7;
    if (DayNumber(opening) > DayNumber(*published_)) {
      day->full_date = AddDays(opening, days);
      day->value = IsoDay(*day->full_date);
    } else if (previous->value.size() == 10) {
      previous->value = IsoDay(AddDays(closing, -days));
    }
  }

  // TimeToken `gap` joins a range's two ends, the first opening at token `opening`: "to",
  // "through", "thru", "until", "till", a dash, or "and" after "between".
  bool RangeLinkAt(size_t gap, size_t opening) const {
    return Is(gap, "to") || Is(gap, "through") || Is(gap, "thru") || Is(gap, "until") || Is(gap, "till") ||
           Is(gap, "-") || (Is(gap, "and") && opening > 0 && Is(opening - 1, "between"));
  }

  // "from 10 p.m. to 6 a.m.": a range of clock times runs forward, so a closing time
  // before the opening one on the same day, its own day unnamed, is the next day's.
  void OrderClockRange(Match* closing, const TimeExpression& opening) const {
    const size_t gap = previous_end_;
    if (gap + 1 != closing->begin_token || !RangeLinkAt(gap, previous_begin_)) return;
    const std::string& open = opening.value;
    std::string& close = closing->value;
    if (opening.type != TimexType::kTime || open.size() != 16 || close.size() != 16 ||
        open.compare(0, 10, close, 0, 10) != 0 || close.compare(11, 5, open, 11, 5) >= 0) {
      return;
    }
    // (a day resolved on both ends: "XXXX-XX-XX" is no day to move)
    if (const std::optional<CivilDate> day = ParseDay(close)) close = IsoDay(AddDays(*day, 1)) + close.substr(10);
  }

  // "Two days earlier, on Nov. 23, ...", "The next day, Dec. 3, ...": a day counted from
  // another, with a date beside it after a comma, is that date (`previous`, the last
  // expression, counted; `date`, a month and day, follows it).
  void NameCountedDay(const Match& date, TimeExpression* previous) const {
    const size_t gap = previous_end_;
    const bool beside =
        Is(gap, ",") && (gap + 1 == date.begin_token || (gap + 2 == date.begin_token && Is(gap + 1, "on")));
    const size_t first = WeekdayAt(date.begin_token) >= 0 ? date.begin_token + 2 : date.begin_token;
    if (!beside || previous->anchor.empty() || (MonthAt(first) == 0 && !IsNumber(first))) return;
    bool counted = false;
    for (size_t k = previous_begin_; k < previous_end_ && !counted; ++k) {
      counted = Is(k, "earlier") || Is(k, "later") || Is(k, "ago") || Is(k, "next") || Is(k, "following") ||
                Is(k, "previous") || Is(k, "before") || Is(k, "after");
    }
    if (!counted) return;
    previous->type = TimexType::kDate;
    previous->value = date.value;
    previous->anchor = date.value + " (named beside it)";
  }

  // The first token of `m` with the modifiers TimeML keeps in the extent, not reaching
  // back before token `floor`: a bound on a quantity ("nearly two years", "at least 72
  // hours", "more than four decades ago", "up to 180 days") and, for a day or a period
  // named from now, its edge ("early next year", "late yesterday", "Earlier Sunday").
  size_t WithModifiers(const Match& m, size_t floor) const {
    size_t b = m.begin_token;
    const bool named = Is(b, "next") || Is(b, "this") || Is(b, "last") || Is(b, "that") || Is(b, "yesterday") ||
                       Is(b, "today") || Is(b, "tomorrow") || Is(b, "tonight") || WeekdayAt(b) >= 0;
    if (m.type != TimexType::kDuration && named && b > floor &&
        (IsEdge(b - 1) || Is(b - 1, "earlier") || Is(b - 1, "later"))) {
      --b;
    }
    const bool quantity = IsNumber(b) || Has(b, Lex::kNumberWord) || Is(b, "the");
    if (!quantity) return b;
    if (b > floor && Is(b - 1, "nearly")) return b - 1;
    if (b < floor + 2) return b;
    if ((Is(b - 2, "at") && Is(b - 1, "least")) || (Is(b - 2, "up") && Is(b - 1, "to"))) return b - 2;
    if ((Is(b - 2, "more") || Is(b - 2, "less") || Is(b - 2, "fewer")) && Is(b - 1, "than")) {
      return b > floor + 2 && Is(b - 3, "no") ? b - 3 : b - 2;
    }
    return b;
  }

  // --- token helpers ---
  size_t Size() const { return size_; }  // tokens_.size(), kept: the rules ask it at every step
  std::string_view Lower(size_t k) const { return k < Size() ? tokens_[k].lower : std::string_view(); }
  template <size_t N>
  bool Is(size_t k, const char (&word)[N]) const {
    return k < Size() && tokens_[k].lower.size() == N - 1 && std::memcmp(tokens_[k].lower.data(), word, N - 1) == 0;
  }
  bool IsWord(size_t k) const { return k < Size() && tokens_[k].kind == TokenKind::kWord; }
  // A capitalised word inside a sentence that is not in title case, right after a word: part
  // of a name ("USA Today", "VOA Today", "NBC's Today show").
  bool InName(size_t k) const {
    return k > 0 && k < Size() && tokens_[k].capitalized && !title_case_ &&
           (tokens_[k - 1].kind == TokenKind::kWord || tokens_[k - 1].kind == TokenKind::kNumber);
  }
  // A bare number glued to the letters before it ("A3pm", "P2qpm3h3Pm"; not a clock that
  // lost its space, "Fort Worth7:15 PM") or inside a web address ("pic.twitter.com/...",
  // "example.com/2016/09/28/story-at-3pm", "FOX6Now.com"): a code, no time.
  bool InAddress(const Match& match) const {
    const size_t first = match.begin_token;
    const std::string_view number = text_.substr(tokens_[first].begin, tokens_[first].end - tokens_[first].begin);
    if (IsNumber(first) && Adjacent(first) && IsWord(first - 1) && number.find(':') == std::string_view::npos) {
      return true;  // a clock's number holds its colon ("7:15")
    }
    auto blank = [](char c) { return (ByteClassOf(c) & kByteSpace) != 0; };
    // the run of text without blanks around it, at most 256 bytes either side (a line of
    // 100 MB with no blank must not be walked for each expression in it)
    constexpr size_t kReach = 256;
    size_t a = tokens_[first].begin, b = tokens_[match.end_token - 1].end;
    const size_t a_limit = a > kReach ? a - kReach : 0, b_limit = std::min(text_.size(), b + kReach);
    while (a > a_limit && !blank(text_[a - 1])) --a;
    while (b < b_limit && !blank(text_[b])) ++b;
    std::string_view chunk = text_.substr(a, b - a);
    // an address glued to the words before it starts at its scheme ("30th.https://t.co/...")
    if (const size_t scheme = chunk.find("://"); scheme != std::string_view::npos) {
      const size_t start = chunk.rfind("http", scheme);
      return start == std::string_view::npos || a + start <= tokens_[first].begin;
    }
    const size_t slash = chunk.find('/');
    if (chunk.starts_with("www.")) return true;
    // a host: a dot and two letters before a slash ("twitter.com/", not "Sept./Oct."), or
    // a common top-level name with none ("FOX6Now.com"; not "a.m.In other action")
    for (size_t dot = chunk.find('.'); dot != std::string_view::npos && dot + 3 <= chunk.size();
         dot = chunk.find('.', dot + 1)) {
      if (slash != std::string_view::npos && dot + 3 < slash && IsAsciiLetter(chunk[dot + 1]) &&
          IsAsciiLetter(chunk[dot + 2])) {
        return true;
      }
      const std::string_view tail = chunk.substr(dot + 1, 3);
      if (tail == "com" || tail == "org" || tail == "net" || tail == "gov" || tail == "edu") return true;
    }
    return false;
  }
  // Nothing but marks and function words among tokens [from, to): "In January, ..." opens
  // its sentence; "on Monday and on Tuesday" chains two expressions.
  bool OnlyMarksOrFunctionWords(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k) {
      if (tokens_[k].kind != TokenKind::kPunct && !IsFunctionWord(k)) return false;
    }
    return true;
  }
  // Nothing but marks before token k in the sentence ("___. 6 p.m.", "[10:24 a.m.").
  bool OnlyMarksBefore(size_t k) const {
    for (size_t j = 0; j < k; ++j) {
      if (tokens_[j].kind != TokenKind::kPunct) return false;
    }
    return true;
  }
  // A noun that names a war, a treaty or the like after a capitalised word ("the Yom Kippur
  // War", "the Good Friday Agreement", "the Six-Day War").
  bool EventNounAt(size_t k) const {
    static const WordSet kEventNames = {"war",     "offensive", "rising", "uprising", "agreement", "accord",
                                        "accords", "treaty",    "truce",  "massacre", "revolution"};
    return k < Size() && kEventNames.contains(tokens_[k].lower);
  }
  // A length in a capitalised name before such a noun: "the Six-Day War", "the Thirty
  // Years' War" (a "44-day war" is a length).
  bool LengthInName(const Match& match) const {
    const size_t first = Is(match.begin_token, "the") ? match.begin_token + 1 : match.begin_token;
    const size_t noun = Is(match.end_token, "'") ? match.end_token + 1 : match.end_token;
    return match.type == TimexType::kDuration && !title_case_ && first < match.end_token &&
           tokens_[first].capitalized && tokens_[match.end_token - 1].capitalized && noun < Size() &&
           tokens_[noun].capitalized && EventNounAt(noun);
  }
  bool IsNumber(size_t k) const { return k < Size() && tokens_[k].kind == TokenKind::kNumber; }
  bool Adjacent(size_t k) const { return k > 0 && k < Size() && tokens_[k].begin == tokens_[k - 1].end; }
  bool Has(size_t k, uint32_t classes) const { return k < Size() && (tokens_[k].classes & classes) != 0; }
  // "early", "late", "mid": a word for a part of a period ("mid-afternoon", "the early summer")
  bool IsEdge(size_t k) const { return Is(k, "early") || Is(k, "late") || Is(k, "mid"); }
  // A word before a deadline: "until Monday", "till mid-November", "through the weekend".
  bool DeadlineWordAt(size_t k) const { return Is(k, "until") || Is(k, "till") || Is(k, "through"); }
  bool IsDash(size_t k) const { return Is(k, "-") || Is(k, "\xE2\x80\x93"); }  // hyphen or en dash
  // What joins two days of one month: "19 and 20", "19 or 20", "19-20", "19 to 21".
  bool IsDayLink(size_t k) const {
    static const WordSet kLinks = {"and", "or", "to", "through", "until"};
    return IsDash(k) || (k < Size() && kLinks.contains(tokens_[k].lower));
  }
  // A function word ("of", "they", "will"); asked only where a rule has matched, so it
  // is no class bit (a class every token would look up).
  bool IsFunctionWord(size_t k) const { return IsWord(k) && lex_.function.count(Lower(k)) != 0; }
  // The entry of `map` for token k's word, or null; the hash is asked only when the
  // token's classes say the word is one of the map's.
  template <typename Map>
  const typename Map::mapped_type* Find(const Map& map, size_t k, uint32_t classes) const {
    if (!Has(k, classes)) return nullptr;
    auto it = map.find(Lower(k));
    return it == map.end() ? nullptr : &it->second;
  }
  int MonthAt(size_t k) const {
    return Has(k, Lex::kMonth) && tokens_[k].capitalized ? MonthFromName(tokens_[k].lower) : 0;
  }
  int WeekdayAt(size_t k) const {
    if (!Has(k, Lex::kWeekday) || !tokens_[k].capitalized) return -1;  // full names only
    return WeekdayFromName(tokens_[k].lower);
  }
  std::optional<std::string> NumberAt(size_t k) const {
    if (IsNumber(k)) {
      std::string digits;
      for (char c : tokens_[k].lower) {
        if (IsDigit(c))
          digits += c;
        else if (c != ',')
          return std::nullopt;
      }
      if (digits.empty() || digits.size() > 6) return std::nullopt;
      return std::to_string(ToLong(digits));
    }
    const std::string* number = Find(lex_.numbers, k, Lex::kNumberWord);
    if (number == nullptr) return std::nullopt;
    return *number;
  }
  // Index of the token that ends at byte `offset`, or npos.
  size_t TokenEndingAt(size_t from, size_t offset) const {
    for (size_t k = from; k < Size() && tokens_[k].begin < offset; ++k) {
      if (tokens_[k].end == offset) return k;
    }
    return std::string::npos;
  }

  // --- tense ---
  // A verb after an intent's "to": a lower-case word, no article or possessive ("agreed
  // to a ceasefire", "agreed to talks" name what was agreed).
  bool IntentVerbAt(size_t k) const {
    static const WordSet kNotVerbs = {"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those"};
    return IsWord(k) && !tokens_[k].capitalized && !kNotVerbs.contains(tokens_[k].lower) &&
           !(Lower(k).ends_with("s") && !Lower(k).ends_with("ss"));  // "talks", not "discuss"
  }

  // "last" as a verb, after a modal, "to" or "not": "will last 72 hours", "could last weeks".
  bool VerbLast(size_t k) const {
    static const WordSet kBeforeVerb = {"will", "would", "to",  "could", "can", "may", "might", "should",
                                        "must", "not",   "did", "does",  "do",  "'ll", "also",  "only"};
    return Is(k, "last") && k > 0 && kBeforeVerb.contains(tokens_[k - 1].lower);
  }

  // The expression opening at k is the day of a statement: "officials said on Monday",
  // "told reporters late Sunday", "announced Tuesday".
  bool StatementDayAt(size_t k) const {
    static const WordSet kSkip = {"on", "late", "early", "reporters", "journalists"};
    static const WordSet kReporting = {"said",      "says",     "told",   "announced", "reported", "stated",  "added",
                                       "confirmed", "declared", "warned", "insisted",  "claimed",  "tweeted", "wrote"};
    size_t j = k;
    while (j > 0 && j + 3 > k && kSkip.contains(tokens_[j - 1].lower)) --j;
    return j > 0 && kReporting.contains(tokens_[j - 1].lower);
  }

  // A past participle at k: a lower-case regular one in -ed ("arrested"), or an
  // irregular past ("shot", "taken"), but no form that is only finite ("was", "did").
  bool ParticipleAt(size_t k) const {
    if (k >= Size() || !IsWord(k) || tokens_[k].capitalized) return false;
    std::string_view w = tokens_[k].lower;
    static const WordSet kFiniteOnly = {"was",   "were", "did",   "ago",   "yesterday", "last", "began",
                                        "took",  "fell", "rose",  "came",  "went",      "gave", "saw",
                                        "broke", "ran",  "wrote", "drove", "chose",     "spoke"};
    if (tokens_[k].classes & Lex::kPast) return !kFiniteOnly.contains(w);
    return w.size() >= 5 && w.ends_with("ed") && !(tokens_[k].classes & Lex::kNotPast);
  }

  // "has been arrested", "have killed", "has already left": the present perfect tells of
  // the past ("has been arrested in the shooting on Thursday" is last Thursday).
  bool PresentPerfectAt(size_t k) const {
    if (!Is(k, "has") && !Is(k, "have")) return false;
    size_t j = k + 1;
    static const WordSet kBetween = {"been", "already", "also", "just", "now", "since"};
    while (j < Size() && j <= k + 2 && kBetween.contains(tokens_[j].lower)) ++j;
    return ParticipleAt(j) && !(Is(j + 1, "for") || Is(j + 1, "to") || Is(j + 1, "until"));
  }

  // A word of the `future` list at k that points ahead here. "plan" and "plans" do only
  // before "to" or "for" ("plans to meet"); else they are the noun ("approved the peace
  // plan on Sunday"). "going" does only before "to", not in "kept going". "due to" before
  // no verb gives a cause ("died due to wounds"), not a date still to come ("due to
  // meet").
  bool FutureWordAt(size_t k) const {
    if (!Has(k, Lex::kFuture)) return false;
    std::string_view w = tokens_[k].lower;
    if (w == "plan" || w == "plans") return Is(k + 1, "to") || Is(k + 1, "for");
    if (w == "going") return Is(k + 1, "to");
    if (w == "next") return !(Is(k + 1, "to") || Is(k + 1, "door"));  // "next to the embassy": a place
    // "soon after arriving at the condo Monday night": how close, not when
    if (w == "soon") return !(Is(k + 1, "after") || Is(k + 1, "before") || Is(k + 1, "afterward"));
    return !(w == "due" && Is(k + 1, "to") && !IntentVerbAt(k + 2));
  }

  // The tense word k marks, if any. `intent`: an intent before "to" counts as a plan
  // (asked only left of an expression that is no weekday: "agreed to admit them in
  // March", but "vowed to retaliate on Monday" is the Monday of the vow).
  std::optional<Tense> TenseAt(size_t k, bool intent) const {
    if (k >= Size() || !IsWord(k)) return std::nullopt;
    // A capital inside a sentence not in title case is a name's, not a verb's: "in May, May
    // 3", "Will Smith", "Said Hassan".
    if (InName(k) || (tokens_[k].capitalized && !title_case_ && k > 0 && Is(k - 1, ","))) return std::nullopt;
    std::string_view w = tokens_[k].lower;
    // A negation written short ("wasn't", one token; "wasn’t", three) carries its verb's
    // tense, and "could not", like "couldn't", mostly reports what was not done ("could
    // not say Tuesday", "could not be reached Saturday").
    if (w.ends_with("n't") || (Is(k + 1, "'") && Is(k + 2, "t"))) {
      static const WordSet kPastShort = {"wasn", "weren", "didn", "hadn", "couldn"};
      static const WordSet kPresentShort = {"isn", "aren", "doesn", "don", "hasn", "haven", "can", "ain"};
      static const WordSet kFutureShort = {"won", "wouldn", "shouldn", "mustn", "shan"};
      const std::string_view verb = w.ends_with("n't") ? w.substr(0, w.size() - 2) : w;
      if (kPastShort.contains(verb)) return Tense::kPast;
      if (kPresentShort.contains(verb)) return Tense::kPresent;
      if (kFutureShort.contains(verb)) return Tense::kFuture;
    }
    if (w == "could" && Is(k + 1, "not")) return Tense::kPast;
    if (w == "not" && k > 0 && Is(k - 1, "could")) return Tense::kPast;
    // "is recovering after being shot early Sunday": what happened before the present state.
    if (w == "being" && k > 0 && Is(k - 1, "after")) return Tense::kPast;
    // "is likely to visit", "were unlikely to meet": a plan, whatever the tense of "be".
    if ((w == "likely" || w == "unlikely") && Is(k + 1, "to") && IntentVerbAt(k + 2)) return Tense::kFuture;
    // "is accused of firing", "are suspected of carrying out", "was charged with": the
    // act charged was done, whatever the tense of the charge (not after "be": "will be
    // charged with murder on Saturday" is the charge's day).
    if ((((w == "accused" || w == "suspected" || w == "convicted") && Is(k + 1, "of")) ||
         (w == "charged" && Is(k + 1, "with"))) &&
        !(k > 0 && Is(k - 1, "be"))) {
      return Tense::kPast;
    }
    // A participle after "be" ("will be held", "has been killed", "is heard") says
    // nothing of the tense; the auxiliary further on does.
    if (k > 0 && (Is(k - 1, "be") || Is(k - 1, "been") || Is(k - 1, "being") || Is(k - 1, "is") || Is(k - 1, "are"))) {
      return std::nullopt;
    }
    const uint32_t classes = tokens_[k].classes;
    // "as planned", "as previously scheduled": the plan is kept, not made; the verb it
    // belongs to tells the time ("the offensive began as planned Saturday night").
    if ((classes & Lex::kFuture) && w.ends_with("ed") && k > 0 && (Is(k - 1, "as") || (k > 1 && Is(k - 2, "as")))) {
      return std::nullopt;
    }
    if (classes & Lex::kFuture) return FutureWordAt(k) ? std::optional(Tense::kFuture) : std::nullopt;
    // ", followed by highs Wednesday": "then", no verb of the sentence
    if (w == "followed" && Is(k + 1, "by") && k > 0 && Is(k - 1, ",")) return std::nullopt;
    // "if needed", "unless requested", "when asked": a participle standing for a clause
    // says nothing of the time ("will work Thursday if needed").
    if (w.ends_with("ed") && k > 0 && (Is(k - 1, "if") || Is(k - 1, "unless") || Is(k - 1, "when"))) {
      return std::nullopt;
    }
    // "if she were to win in November", "the vote was to take place on Sunday": a plan
    // seen from the past, on either side of publication.
    if ((w == "was" || w == "were") && Is(k + 1, "to") && IntentVerbAt(k + 2)) return Tense::kUnknown;
    // "set to resume", "is to meet", "poised to sign": a plan.
    if ((Is(k + 1, "to") && ((classes & Lex::kPresent) || w == "set" || w == "poised")) ||
        (w == "set" && Is(k + 1, "for")) ||
        (intent && (classes & Lex::kIntent) && Is(k + 1, "to") && IntentVerbAt(k + 2))) {
      return Tense::kFuture;
    }
    // "were planning", "was expected", "is due": the auxiliary carries the future.
    if ((classes & (Lex::kPast | Lex::kPresent)) && k + 1 < Size() &&
        (FutureWordAt(k + 1) || Is(k + 1, "planning") || Is(k + 1, "set"))) {
      return Tense::kFuture;
    }
    if (VerbLast(k)) return std::nullopt;  // "need it to last beyond the weekend": no past
    if (PresentPerfectAt(k)) return Tense::kPast;
    if (classes & Lex::kPast) return Tense::kPast;
    // "could not say", "will say", "did not have": a bare verb after a modal, "not" or
    // "did" leaves the tense to them.
    static const WordSet kBeforeBare = {"not",  "could", "would", "will", "can",    "may", "might",
                                        "must", "shall", "did",   "does", "should", "do",  "to"};
    if ((classes & Lex::kPresent) && k > 0 && kBeforeBare.contains(tokens_[k - 1].lower)) {
      // "would have taken it across the bay Sunday night", "could have died": a modal
      // perfect looks back
      static const WordSet kPerfectModals = {"could", "would", "can", "may", "might", "must", "shall", "should"};
      return w == "have" && kPerfectModals.contains(tokens_[k - 1].lower) ? std::optional(Tense::kPast) : std::nullopt;
    }
    if (classes & Lex::kPresent) return Tense::kPresent;
    // A regular past: a lower-case word in -ed ("Mohammed", "United" are names).
    // After a determiner it is an adjective: "a still unspecified date", "the armed men".
    static const WordSet kDeterminers = {"a",  "an",   "the",   "its",   "their", "his",   "her", "our",
                                         "my", "this", "these", "those", "still", "newly", "very"};
    if (w.size() >= 5 && w.ends_with("ed") && !(classes & Lex::kNotPast) && !tokens_[k].capitalized &&
        !(k > 0 && kDeterminers.contains(tokens_[k - 1].lower))) {
      return Tense::kPast;
    }
    return std::nullopt;
  }

  // The tense of the nearest marker within 12 words; a marker after the expression
  // counts as three times as far, as the verb an adjunct of time belongs to mostly comes
  // before it ("will double its flights by August in the search for markets untouched
  // by the crisis"). On TempEval-3, weights of 2.5 to 4 were best (+0.002 value F1
  // over 1); 3 sits in the middle.
  // "since October 7", "ever since March", "since early June", "since shortly after the
  // Oct. 23 slaying": the expression starting at `begin` is a starting point, begun already.
  bool AfterSince(size_t begin) const {
    static const WordSet kBeforeSince = {"shortly", "just", "soon", "after", "the", "on", "a"};
    for (size_t k = begin; k > 0 && begin - k < 5; --k) {
      if (Is(k - 1, "since")) return true;
      if (!IsEdge(k - 1) && !kBeforeSince.contains(tokens_[k - 1].lower)) break;
    }
    return false;
  }

  // "postponed until Tuesday", "adjourned the hearing to Monday", "pushed back to next
  // week": a delay points ahead of the act that made it, and news reports such acts
  // soon, so the day is the coming one even after a past verb.
  bool DelayedTo(size_t begin) const {
    if (begin < 2 || !(DeadlineWordAt(begin - 1) || Is(begin - 1, "to"))) return false;
    static const WordSet kDelay = {"postpone",   "postponed",   "postpones", "postponing", "delayed",
                                   "delaying",   "deferred",    "deferring", "adjourn",    "adjourned",
                                   "adjourning", "rescheduled", "extended"};
    static const WordSet kBeforeBack = {"pushed", "push", "pushing", "moved", "put", "putting"};
    for (size_t k = begin - 1; k > 0 && begin - k <= 5 && IsWord(k - 1); --k) {
      std::string_view w = tokens_[k - 1].lower;
      if (kDelay.contains(w)) return true;
      if ((w == "back" || w == "off") && k > 1 && kBeforeBack.contains(tokens_[k - 2].lower)) return true;
    }
    return false;
  }

  Tense TenseAround(size_t begin, size_t end, bool weekday = false) const {
    if (AfterSince(begin)) return Tense::kSince;
    // "ahead of Sunday's vote", "ahead of the weekend", "effective Feb. 1", "effective from
    // Monday": still to come.
    if (begin > 1 && Is(begin - 1, "of") && Is(begin - 2, "ahead")) return Tense::kFuture;
    if ((begin > 0 && Is(begin - 1, "effective")) ||
        (begin > 1 && Is(begin - 1, "from") && Is(begin - 2, "effective"))) {
      return Tense::kFuture;
    }
    if (DelayedTo(begin)) return Tense::kFuture;
    // A deadline lies ahead of a verb in the present or the future ("will stay until
    // Monday", "remains in force through the weekend") but may lie either side of a past
    // one ("gave them until mid-November").
    if (begin > 0 && DeadlineWordAt(begin - 1)) {
      const Tense tense = MarkerTense(begin, end, weekday);
      return tense == Tense::kFuture || tense == Tense::kPresent ? Tense::kFuture : Tense::kUnknown;
    }
    return MarkerTense(begin, end, weekday);
  }

  // The tense of the nearest marker (see TenseAround).
  Tense MarkerTense(size_t begin, size_t end, bool weekday) const {
    std::optional<Tense> left, right;
    size_t left_distance = 99, right_distance = 99;
    for (size_t distance = 1; distance <= 12 && !left; ++distance) {
      if (begin < distance) break;
      if ((left = TenseAt(begin - distance, !weekday))) left_distance = distance;
    }
    // Before a weekday, a past verb further back, across a long place or name, still
    // dates the event: "The incident happened at Eagle Nation Cycles on Neenah's Main
    // Street shortly before 9 a.m. Saturday" (GVDB: 8 of 8 right, LGL 4 of 5; a future
    // word that far is less often the expression's verb, and before a month in
    // TempEval-3's business news the far verb is mostly another clause's).
    if (!left && weekday) {
      for (size_t distance = 13; distance <= 20 && distance <= begin; ++distance) {
        std::optional<Tense> far = TenseAt(begin - distance, false);
        if (!far) continue;
        if (*far == Tense::kPast) left = far, left_distance = distance;
        break;
      }
    }
    // A marker after wins only when three times nearer, and, with one before, only in the
    // same clause: in "should taper off Wednesday night, with another front arriving late
    // Thursday, forecasters said" the reporting verb past the comma is not the forecast's.
    // With none before, the comma ends a fronted phrase ("On Sunday, police said").
    size_t right_limit = left ? (left_distance - 1) / 3 : 12;
    // An expression opening its sentence before a comma is an adjunct of the main clause,
    // whose verb may come after a long subject: "In January, a week after the anniversary of
    // the court's decision, a clinic bombing in Birmingham, Ala., killed a guard".
    if (!left && Is(end, ",") && OnlyMarksOrFunctionWords(0, begin)) right_limit = 30;
    for (size_t distance = 1; distance <= right_limit && !right; ++distance) {
      if (left && (Is(end - 1 + distance, ",") || Is(end - 1 + distance, ";"))) break;
      if ((right = TenseAt(end - 1 + distance, false))) right_distance = distance;
    }
    Tense tense = Tense::kUnknown;
    if (left && (!right || left_distance <= right_distance * 3))
      tense = *left;
    else if (right)
      tense = *right;
    if (tense == Tense::kUnknown && sentence_tense_ && sentence_tense_->first < begin &&
        previous_end_ > sentence_tense_->first && previous_end_ <= begin) {
      // only across a chain of expressions: nothing but function words and marks since the last
      if (OnlyMarksOrFunctionWords(previous_end_, begin)) tense = sentence_tense_->second;
    }
    if (!sentence_tense_ || sentence_tense_->first < begin) sentence_tense_ = std::make_pair(begin, tense);
    return tense;
  }

  const std::string& PublishedLabel() const { return published_label_; }

  // --- resolution ---
  // Month and day without a year: the year that fits the tense (see the file comment).
  // The distance of a candidate `days` away from publication: a direction the tense
  // rules out counts four times, so a past-tense "Nov. 17" in a Nov. 2 article is
  // still the coming one rather than last year's, while "December" in a past-tense
  // sentence of a September article is last December.
  static long TenseDistance(long days, Tense tense) {
    long distance = days < 0 ? -days : days;
    if (tense == Tense::kSince && days > 0) distance *= 1000;
    if ((tense == Tense::kPast && days > 0) || (tense == Tense::kFuture && days < 0)) distance *= 4;
    return distance;
  }

  // Of `candidates` (invalid ones skipped), the one the tense puts nearest to publication;
  // the earlier on a tie.
  std::optional<CivilDate> NearestByTense(std::initializer_list<CivilDate> candidates, Tense tense) const {
    const long today = DaysFromCivil(published_->year, published_->month, published_->day);
    std::optional<CivilDate> best;
    long best_distance = 0;
    for (const CivilDate& candidate : candidates) {
      if (!IsValidDate(candidate.year, candidate.month, candidate.day)) continue;
      long distance = TenseDistance(DaysFromCivil(candidate.year, candidate.month, candidate.day) - today, tense);
      if (!best || distance < best_distance) {
        best = candidate;
        best_distance = distance;
      }
    }
    return best;
  }

  std::optional<CivilDate> ResolveMonthDay(int month, int day, Tense tense) const {
    if (!published_) return std::nullopt;
    const int year = published_->year;
    return NearestByTense({{year - 1, month, day}, {year, month, day}, {year + 1, month, day}}, tense);
  }

  // The `month`-`day` that falls on `weekday` nearest publication, from twelve years
  // before to a year after (a weekday and a day of the year recur within eleven years);
  // a past or a future tense rules out the other side of publication (its day and the
  // next excepted, for time zones).
  std::optional<CivilDate> YearOfWeekday(int month, int day, int weekday, Tense tense) const {
    if (!published_) return std::nullopt;
    const long today = DayNumber(*published_);
    std::optional<CivilDate> best;
    long best_distance = 0;
    for (int year = published_->year - 12; year <= published_->year + 1; ++year) {
      if (!IsValidDate(year, month, day) || Weekday(year, month, day) != weekday) continue;
      const long days = DaysFromCivil(year, month, day) - today;
      if (((tense == Tense::kPast || tense == Tense::kSince) && days > 1) || (tense == Tense::kFuture && days < -1)) {
        continue;
      }
      if (!best || std::labs(days) < best_distance) best = CivilDate{year, month, day}, best_distance = std::labs(days);
    }
    return best;
  }

  // A year-less `day` written after `weekday` ("Tuesday, Jan. 27"): where it falls on
  // another weekday, the weekday names the year (YearOfWeekday), if one fits; where none
  // fits the tense, one of the years a year-less date may take (ResolveMonthDay) on
  // either side (an old story read later: "will be held Monday, Feb. 18" in a page fetched
  // in March 2009 is 2008-02-18; "will begin Monday, March 28" in March 2009 stays 2009).
  CivilDate OnWeekday(CivilDate day, int weekday, Tense tense) const {
    if (weekday < 0 || Weekday(day.year, day.month, day.day) == weekday) return day;
    std::optional<CivilDate> named = YearOfWeekday(day.month, day.day, weekday, tense);
    if (!named) {
      named = YearOfWeekday(day.month, day.day, weekday, Tense::kUnknown);
      if (named && std::abs(named->year - published_->year) > 1) named.reset();
    }
    return named.value_or(day);
  }

  // modifier: -1 last, +1 next, 0 none, 2 this.
  std::optional<CivilDate> ResolveWeekday(int weekday, Tense tense, int modifier) const {
    if (!published_) return std::nullopt;
    int today = Weekday(published_->year, published_->month, published_->day);
    int back = (today - weekday + 7) % 7;   // 0..6 days back to it
    int ahead = (weekday - today + 7) % 7;  // 0..6 days ahead to it
    long offset;
    if (modifier == -1)
      offset = -(back == 0 ? 7 : back);
    else if (modifier == 1)
      offset = ahead == 0 ? 7 : ahead;
    else if (modifier == 2)
      offset = ahead;
    else if (tense == Tense::kFuture)
      offset = ahead;  // "will resume Tuesday" in a Tuesday article: later that day
    else if (tense == Tense::kPast || tense == Tense::kSince)
      offset = -back;
    else
      offset = back <= ahead ? -back : ahead;
    return AddDays(*published_, offset);
  }

  std::string ResolveMonth(int month, Tense tense, int modifier) const {
    if (!published_) return Format("XXXX-%02d", month);
    int year = published_->year;
    int now = published_->month;
    if (modifier == -1)
      // "last February" in a March article: the month just ended is "last month", so
      // this is the year before's; "last December" in January is the one just ended.
      year = month < now - 1 ? year : year - 1;
    else if (modifier == 1)
      year = month > now ? year : year + 1;
    else if (modifier == 2)
      year = published_->year;
    else {
      // The nearest month, weighing the tense as for month and day; but a past verb
      // rules out a month still to come, as "since" does ("changed in December" in a
      // November article is last December).
      const bool past = tense == Tense::kPast;
      long best_distance = 0;
      for (int candidate = published_->year - 1; candidate <= published_->year + 1; ++candidate) {
        long months = (candidate - published_->year) * 12L + (month - now);
        long distance = TenseDistance(months, past ? Tense::kSince : tense);
        if (candidate == published_->year - 1 || distance < best_distance) {
          year = candidate;
          best_distance = distance;
        }
      }
    }
    return Format("%04d-%02d", year, month);
  }

  Match Make(size_t begin, size_t end, TimexType type, std::string value, bool relative) const {
    Match m;
    m.begin_token = begin;
    m.end_token = end;
    m.type = type;
    m.value = std::move(value);
    if (relative) m.anchor = PublishedLabel();
    return m;
  }

  Match MakeDay(size_t begin, size_t end, std::optional<CivilDate> date, std::string unresolved,
                std::string anchor) const {
    Match m;
    m.begin_token = begin;
    m.end_token = end;
    m.type = TimexType::kDate;
    m.value = date ? IsoDay(*date) : std::move(unresolved);
    m.anchor = std::move(anchor);
    m.full_date = date;
    return m;
  }

  // A part of the day after a day expression ("Tuesday morning") joins the span and the
  // value, TIMEX3 style: 2023-09-19TMO (morning MO, afternoon AF, evening EV, night NI).
  void AddPartOfDay(Match* m) const {
    const std::string* part = Find(lex_.parts, m->end_token, Lex::kPart);
    if (part == nullptr) return;
    ++m->end_token;
    WithPartOfDay(m, *part);
  }
  static void WithPartOfDay(Match* m, const std::string& part) {
    if (m->value.size() != 10 || m->value[4] != '-' || m->value[7] != '-') return;  // a full date only
    m->value += "T" + part;
    m->type = TimexType::kTime;
  }

  // --- rules ---
  // Each rule starts at token i and may be asked by another rule about the token after a
  // match, past the sentence's last one: it then finds nothing.
  std::optional<Match> AbsoluteDate(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    const TimeToken& t = tokens_[i];
    bool starts_right = (t.capitalized && (Has(i, Lex::kMonth) || WeekdayAt(i) >= 0)) ||
                        (IsNumber(i) && (t.lower.size() <= 5 || t.lower.size() == 10));  // "19.09.2023" is one token
    if (!starts_right) return std::nullopt;
    // Inside a path or a longer number ("2012/12/23/5123", "3.12.2020.4") no date starts.
    // But "19-20 September" is a range of days.
    if (IsNumber(i) && i > 0 && Adjacent(i) && (Is(i - 1, "/") || Is(i - 1, ".") || Is(i - 1, "-")) &&
        !(Is(i - 1, "-") && i >= 2 && IsNumber(i - 2) && tokens_[i - 2].lower.size() <= 2 && MonthAt(i + 1) != 0)) {
      return std::nullopt;
    }
    DateTimeOptions options;
    options.allow_missing_year = true;
    std::string_view rest = text_.substr(t.begin, tokens_.back().end - t.begin);
    std::optional<DateTimeMatch> date = MatchDateTime(rest, options);
    if (!date) return std::nullopt;
    size_t last = TokenEndingAt(i, t.begin + date->length);
    if (last == std::string::npos) return std::nullopt;
    // The month word must be capitalised ("may 20" is not a date).
    for (size_t k = i; k <= last; ++k) {
      if (Has(k, Lex::kMonth) && !tokens_[k].capitalized) return std::nullopt;
    }
    Match m;
    m.begin_token = i;
    m.end_token = last + 1;
    std::optional<CivilDate> day;
    if (date->year != 0) {
      day = CivilDate{date->year, date->month, date->day};
    } else if (IsDayLink(last + 1) && IsNumber(last + 2) && Is(last + 3, ",") && YearAt(last + 4) != 0) {
      day = CivilDate{YearAt(last + 4), date->month, date->day};  // "Sept. 19 or 20, 2023", "September 19-20, 2023"
    } else if (size_t after = last + 1; std::optional<int> year = NamedYearAfterDate(&after)) {
      // "October 7 last year", "March 5 this year", "June 16th of last year"
      if (IsValidDate(*year, date->month, date->day)) day = CivilDate{*year, date->month, date->day};
      m.anchor = PublishedLabel();
      last = after - 1;
      m.end_token = after;
    } else {
      const Tense tense = TenseAround(i, last + 1);
      day = ResolveMonthDay(date->month, date->day, tense);
      m.anchor = PublishedLabel();
      // "Tuesday, Jan. 27" where Jan. 27 of the year the tense picks is a Wednesday: an
      // archive page dated when it was fetched, a story from the year before.
      if (day) day = OnWeekday(*day, WeekdayAt(i), tense);
    }
    m.value = day ? IsoDay(*day) : Format("XXXX-%02d-%02d", date->month, date->day);
    m.full_date = day;
    if (date->hour >= 0) {
      m.type = TimexType::kTime;
      m.value += "T" + date->IsoTime();
    } else {
      AddPartOfDay(&m);
    }
    return m;
  }

  // "in December", "last September", "September 2023", "early March".
  std::optional<Match> MonthAlone(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    int modifier = 0;
    bool has_modifier = false;
    if (Is(k, "last") || Is(k, "next") || Is(k, "this") || IsEdge(k)) {
      modifier = Is(k, "last") ? -1 : Is(k, "next") ? 1 : Is(k, "this") ? 2 : 0;
      has_modifier = true;
      ++k;
      if (Is(k, "-")) ++k;
    }
    int month = MonthAt(k);
    if (month == 0) return std::nullopt;
    size_t month_token = k;
    // "last Oct. 23", "next March 5": a day the modifier points to
    if (has_modifier && modifier != 0) {
      if (std::optional<Match> date = AbsoluteDate(k); date && date->anchor.size() > 0 && date->value.size() == 10) {
        const int day = ToInt(date->value.substr(8, 2));
        std::optional<CivilDate> resolved;
        if (published_) {
          const long today = DaysFromCivil(published_->year, published_->month, published_->day);
          int year = published_->year;
          const long days = DaysFromCivil(year, month, day) - today;
          if (modifier < 0 && days > 0) year -= 1;   // the latest on or before publication
          if (modifier > 0 && days <= 0) year += 1;  // the first after it
          if (IsValidDate(year, month, day)) resolved = CivilDate{year, month, day};
        }
        return MakeDay(i, date->end_token, resolved, Format("XXXX-%02d-%02d", month, day), PublishedLabel());
      }
    }
    size_t end = k + 1;
    // "Sept.", "Oct." but not a full stop after "June" or "May"
    if (Is(end, ".") && IsMonthAbbreviation(Lower(k)) && Adjacent(end)) ++end;
    // "September 2023", "September, 2023", "September of 2023"
    size_t y = end;
    if (Is(y, ",") || Is(y, "of")) ++y;
    if (IsNumber(y) && tokens_[y].lower.size() == 4) {
      int year = ToInt(std::string(tokens_[y].lower));
      if (year >= 1000 && year <= 2200)
        return Make(i, y + 1, TimexType::kDate, Format("%04d-%02d", year, month), false);
    }
    if (IsWord(y)) {  // "January nineteen ninety-seven"
      if (std::optional<Match> spoken = SpokenYear(y); spoken && spoken->value.size() == 4) {
        return Make(i, spoken->end_token, TimexType::kDate, spoken->value + Format("-%02d", month), false);
      }
    }
    // "February this year", "March last year", "March of next year"
    if (size_t after = end; std::optional<int> year = NamedYearAfterDate(&after)) {
      return Make(i, after, TimexType::kDate, Format("%04d-%02d", *year, month), true);
    }
    static const WordSet kTriggers = {"in",     "since",      "until",   "till", "by",   "from",  "during", "through",
                                      "before", "after",      "between", "and",  "or",   "to",    "of",     "for",
                                      "since",  "throughout", "last",    "next", "this", "early", "late",   "mid"};
    // A month named before a noun or as a possessive: "the October slaying", "a June
    // agreement", "December's figures" (not "the March on Washington": a function word follows).
    const bool attributive = !has_modifier && i > 0 && tokens_[month_token].lower != "may" &&
                             (((Is(i - 1, "the") || Is(i - 1, "a") || Is(i - 1, "an")) && IsWord(end) &&
                               !tokens_[end].capitalized && !IsFunctionWord(end) && !Has(end, Lex::kUnit)) ||
                              (Is(end, "'") && Is(end + 1, "s") && Adjacent(end)));
    // "between April Ransom and Joseph Cormier", "with June Carter": before a capitalised
    // word that names no time, the month is a first name.
    if (!has_modifier && IsWord(end) && tokens_[end].capitalized && !title_case_ && MonthAt(end) == 0 &&
        WeekdayAt(end) < 0) {
      return std::nullopt;
    }
    if (!has_modifier && !attributive) {
      if (i == 0 || !kTriggers.count(Lower(i - 1))) return std::nullopt;
      // "May" after "in" is still a month; after "and" only when a month came before.
      if ((Is(i - 1, "and") || Is(i - 1, "or") || Is(i - 1, "to")) && (i < 2 || MonthAt(i - 2) == 0)) {
        return std::nullopt;
      }
    }
    if (tokens_[month_token].lower == "may" && !has_modifier && !Is(i - 1, "in") && !Is(i - 1, "since") &&
        !Is(i - 1, "until")) {
      return std::nullopt;
    }
    // "in October and November 2022", "from December to February 2023": the year the
    // second month states (the one before when the first month comes later in a year).
    if (!has_modifier && (Is(end, "and") || Is(end, "or") || Is(end, "to") || Is(end, "through") || IsDash(end))) {
      if (std::optional<Match> second = MonthAlone(end + 1);
          second && second->anchor.empty() && second->value.size() == 7 && IsDigit(second->value[0])) {
        const int year = ToInt(second->value.substr(0, 4));
        const int second_month = ToInt(second->value.substr(5, 2));
        return Make(i, end, TimexType::kDate, Format("%04d-%02d", month > second_month ? year - 1 : year, month),
                    false);
      }
    }
    Tense tense = TenseAround(i, end);
    return Make(i, end, TimexType::kDate, ResolveMonth(month, tense, modifier), true);
  }

  // A possessive "'s" opens at token k: "Friday's", "1988's" (also with "’").
  bool PossessiveAt(size_t k) const { return Is(k, "'") && Is(k + 1, "s"); }

  std::optional<Match> WeekdayRule(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    int modifier = 0;
    // "down 4.5% from the previous Friday", "met again the following Monday": the weekday
    // before or after the last date named, not publication's.
    if (Is(k, "the") && (Is(k + 1, "previous") || Is(k + 1, "preceding") || Is(k + 1, "following"))) {
      const int weekday = WeekdayAt(k + 2);
      if (weekday < 0) return std::nullopt;
      if (!published_) return MakeDay(i, k + 3, std::nullopt, Format("XXXX-WXX-%d", weekday + 1), "");
      Match m = MakeDay(i, k + 3, WeekdayBeside(*last_date_, weekday, Is(k + 1, "following") ? 1 : -1), "",
                        *last_date_label_);
      AddPartOfDay(&m);
      return m;
    }
    if (Is(k, "last") || Is(k, "past"))
      modifier = -1;
    else if (Is(k, "next") || Is(k, "coming"))
      modifier = 1;
    else if (Is(k, "this"))
      modifier = 2;
    if (modifier != 0) ++k;
    int weekday = WeekdayAt(k);
    if (weekday < 0) return std::nullopt;
    // inside a holiday's name ("Good Friday", "Easter Monday"): the holiday's, or where
    // the holiday rule read no date, a name's ("the Good Friday Agreement")
    if (InHolidayName(k)) return std::nullopt;
    if (modifier == 0 && published_) {
      // "Tuesday last week", "Wednesday of last week", "Thursday of this week": that
      // week's day (not "on Monday of last week's shooting").
      const size_t w = Is(k + 1, "of") ? k + 2 : k + 1;
      if ((Is(w, "last") || Is(w, "this") || Is(w, "next")) && Is(w + 1, "week") && !PossessiveAt(w + 2)) {
        const int shift = Is(w, "last") ? -7 : Is(w, "next") ? 7 : 0;
        const CivilDate monday =
            AddDays(*published_, shift - Weekday(published_->year, published_->month, published_->day));
        return MakeDay(i, w + 2, AddDays(monday, weekday), "", PublishedLabel());
      }
      // "on Monday last", "Friday next" (as Indian and Nigerian English write them): the
      // modifier after the weekday.
      if ((Is(k + 1, "last") || Is(k + 1, "next")) && !(IsWord(k + 2) && !IsFunctionWord(k + 2))) {
        const std::optional<CivilDate> day = ResolveWeekday(weekday, Tense::kUnknown, Is(k + 1, "last") ? -1 : 1);
        return MakeDay(i, k + 2, day, "", PublishedLabel());
      }
    }
    Tense tense = TenseAround(i, k + 1, true);
    // "The vote is on Sunday", "the funeral is Thursday": a present copula before the day
    // tells what is set to happen.
    if (modifier == 0 && tense == Tense::kPresent && i > 0) {
      const size_t before = Is(i - 1, "on") ? i - 1 : i;
      if (before > 0 && (Is(before - 1, "is") || Is(before - 1, "are"))) tense = Tense::kFuture;
    }
    // "Monday's debate", "Thursday's closing price": an event named by the weekday has
    // mostly taken place, unless a future verb says otherwise (TempEval-3: 12 before
    // publication, 5 on its day, none after).
    if ((tense == Tense::kUnknown || tense == Tense::kPresent) &&
        (PossessiveAt(k + 1) || (Has(k + 1, Lex::kPart) && PossessiveAt(k + 2)) ||  // also "Monday night's"
         IncidentBefore(i))) {
      tense = Tense::kPast;
    }
    std::optional<CivilDate> day = ResolveWeekday(weekday, tense, modifier);
    std::string anchor = PublishedLabel();
    // "The government announced on Sunday that schools would reopen on Monday": the
    // Monday after that Sunday. "would" puts the day in the statement's future, not
    // publication's (the same day where none lies between them).
    if (modifier == 0 && tense == Tense::kFuture && statement_day_ && WouldBetween(statement_day_->end, i)) {
      day = WeekdayBeside(statement_day_->day, weekday, 1);
      anchor = IsoDay(statement_day_->day) + " (previous date)";
    }
    Match m = MakeDay(i, k + 1, day, Format("XXXX-WXX-%d", weekday + 1), anchor);
    AddPartOfDay(&m);
    // "Thursday night (February 28th)": the date in brackets after the weekday is its day,
    // in whichever week, where it falls on that weekday (else one of them is mistyped).
    if (modifier == 0 && Is(m.end_token, "(")) {
      if (std::optional<Match> beside = AbsoluteDate(m.end_token + 1);
          beside && beside->full_date && Is(beside->end_token, ")")) {
        const CivilDate named = *beside->full_date;
        if (Weekday(named.year, named.month, named.day) == weekday) {
          m = MakeDay(i, k + 1, named, "", IsoDay(named) + " (named beside it)");
          AddPartOfDay(&m);
        }
      }
    }
    return m;
  }

  // "is investigating a shooting in Avondale Sunday", "a suspect in a shooting Sunday
  // evening": a violent incident the weekday dates, a few words before it in the same
  // clause, was reported after it happened, whatever the tense of the report.
  bool IncidentBefore(size_t i) const {
    static const WordSet kIncidents = {"shooting",  "shootings",  "attack",     "attacks",  "killing",  "killings",
                                       "stabbing",  "stabbings",  "blast",      "blasts",   "bombing",  "bombings",
                                       "explosion", "explosions", "crash",      "raid",     "raids",    "clash",
                                       "clashes",   "murder",     "murders",    "homicide", "robbery",  "ambush",
                                       "shelling",  "airstrike",  "airstrikes", "slaying",  "massacre", "assault"};
    for (size_t k = i; k > 0 && i - k < 5; --k) {
      if (!IsWord(k - 1)) return false;
      if (kIncidents.contains(tokens_[k - 1].lower)) return true;
      if (TenseAt(k - 1, false)) return false;
    }
    return false;
  }

  // The first `weekday` after `base` (direction 1) or before it (-1), never `base` itself.
  static CivilDate WeekdayBeside(CivilDate base, int weekday, int direction) {
    const int from = Weekday(base.year, base.month, base.day);
    const int days = direction > 0 ? (weekday - from + 6) % 7 + 1 : (from - weekday + 6) % 7 + 1;
    return AddDays(base, direction * days);
  }

  // "would" (or "'d") among tokens [begin, end).
  bool WouldBetween(size_t begin, size_t end) const {
    for (size_t k = begin; k < end && k < Size(); ++k) {
      if (Is(k, "would") || (Is(k, "d") && k > 0 && Is(k - 1, "'"))) return true;
    }
    return false;
  }

  // Days from publication that "yesterday", "today", "tonight" or "tomorrow" at k names.
  std::optional<long> DeicticOffset(size_t k) const {
    if (Is(k, "today") || Is(k, "tonight")) return 0;
    if (Is(k, "yesterday")) return -1;
    if (Is(k, "tomorrow")) return 1;
    return std::nullopt;
  }

  // "today's youth", "in today's world": the present age, not the day of publication
  // ("today's attack", "today's vote" are the day).
  bool PresentAgeAt(size_t i) const {
    static const WordSet kAges = {"world",      "youth",    "society", "societies",  "generation", "generations",
                                  "young",      "children", "kids",    "teenagers",  "standards",  "terms",
                                  "dollars",    "era",      "age",     "reality",    "realities",  "culture",
                                  "global",     "modern",   "digital", "globalized", "globalised", "interconnected",
                                  "fast-paced", "climate"};
    return Is(i, "today") && Is(i + 1, "'") && Is(i + 2, "s") && i + 3 < Size() && kAges.contains(tokens_[i + 3].lower);
  }

  std::optional<Match> DeicticDay(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (InName(i)) return std::nullopt;
    if (PresentAgeAt(i)) return Make(i, i + 1, TimexType::kDate, "PRESENT_REF", true);
    long offset = 0;
    size_t end = i + 1;
    std::string part;
    if (std::optional<long> deictic = DeicticOffset(i)) {
      offset = *deictic;
      if (Is(i, "tonight")) part = "NI";
    } else if (Is(i, "overnight")) {
      // "struck the city overnight": the night before publication (the coming one in a
      // plan). Not before a day ("overnight Tuesday": the day's rule takes it) nor as a
      // modifier of a thing ("overnight rates", "an overnight stay", "overnight success").
      static const WordSet kNotBefore = {
          "into",    "to",       "on",       "rate",      "rates",     "stay",          "stays",
          "bag",     "bags",     "delivery", "shipping",  "lending",   "loan",          "loans",
          "trip",    "trips",    "success",  "sensation", "celebrity", "star",          "guest",
          "guests",  "camp",     "flight",   "flights",   "train",     "trains",        "bus",
          "parking", "funds",    "money",    "repo",      "repos",     "index",         "interest",
          "deposit", "deposits", "visit",    "visits",    "hike",      "express",       "mail",
          "courier", "shift",    "shifts",   "market",    "markets",   "accommodation", "oats"};
      if (WeekdayAt(i + 1) >= 0 || (i + 1 < Size() && kNotBefore.contains(tokens_[i + 1].lower))) {
        return std::nullopt;
      }
      if (i > 0 && (Is(i - 1, "an") || Is(i - 1, "a") || Is(i - 1, "the"))) return std::nullopt;
      // After a day named ("shares closed lower Friday ... depressed by overnight losses"),
      // the night before that day.
      const bool recent = sentences_since_date_ <= 1;  // a day named further back is another story
      const long night = TenseAround(i, i + 1) == Tense::kFuture ? 0 : -1;
      Match m = !published_ ? MakeDay(i, i + 1, std::nullopt, "XXXX-XX-XX", "")
                            : MakeDay(i, i + 1, AddDays(recent ? *last_date_ : *published_, night), "",
                                      recent ? *last_date_label_ : PublishedLabel());
      WithPartOfDay(&m, "NI");
      return m;
    } else if (Is(i, "the") && Is(i + 1, "day") && Is(i + 2, "before") && Is(i + 3, "yesterday"))
      offset = -2, end = i + 4;
    else if (Is(i, "the") && Is(i + 1, "day") && Is(i + 2, "after") && Is(i + 3, "tomorrow"))
      offset = 2, end = i + 4;
    else if ((Is(i, "this") || Is(i, "last")) && Has(i + 1, Lex::kPart)) {
      offset = Is(i, "last") && Is(i + 1, "night") ? -1 : 0;
      if (Is(i, "last") && !Is(i + 1, "night")) return std::nullopt;
      part = *Find(lex_.parts, i + 1, Lex::kPart);
      end = i + 2;
    } else {
      return std::nullopt;
    }
    std::optional<CivilDate> day;
    if (published_) day = AddDays(*published_, offset);
    Match m = MakeDay(i, end, day, offset == 0 ? "PRESENT_REF" : "XXXX-XX-XX", PublishedLabel());
    if (!part.empty()) WithPartOfDay(&m, part);
    if (part.empty() && (Is(i, "yesterday") || Is(i, "today") || Is(i, "tomorrow"))) AddPartOfDay(&m);
    return m;
  }

  // "last week", "this month", "next year", "earlier this month", "last summer";
  // "the past year" is last year, as TimeML corpora mostly read it ("the past three
  // years", with a number, is a duration); "the past decade" is the ten years to now.
  std::optional<Match> RelativeUnit(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    bool nested = false;  // "earlier this month"
    if (Is(k, "earlier") || Is(k, "later") || Is(k, "early") || Is(k, "late")) {
      nested = true;
      ++k;
    }
    bool with_the = Is(k, "the");
    if (with_the) ++k;
    // "the following month", "the previous week": after the period the text is in, not
    // publication's
    // "The week before, rebels had attacked", "than the month before": ending a clause, the
    // week or month next to the last date's, as "the previous week" ("the week before the
    // vote" counts from an event of unknown day: none).
    const bool beside = with_the && !nested && (Is(k, "week") || Is(k, "month")) &&
                        (Is(k + 1, "before") || Is(k + 1, "after")) && !IsWord(k + 2);
    if (beside && !published_) return std::nullopt;
    const bool anaphoric = beside || (with_the && (Is(k, "following") || Is(k, "previous") || Is(k, "preceding")));
    int modifier;
    if (beside)
      modifier = Is(k + 1, "after") ? 1 : -1;
    else if (Is(k, "last") || Is(k, "past") || Is(k, "previous") || Is(k, "preceding"))
      modifier = -1;
    else if (Is(k, "next") || Is(k, "coming") || Is(k, "upcoming") || Is(k, "following"))
      modifier = 1;
    else if (Is(k, "this") || Is(k, "current"))
      modifier = 0;
    else
      return std::nullopt;
    // "the coming weekend", "this upcoming weekend": the first not yet over, this week's
    // until Sunday ("next weekend" is the week after's).
    const bool coming =
        Is(k, "coming") || Is(k, "upcoming") || (Is(k, "this") && (Is(k + 1, "coming") || Is(k + 1, "upcoming")));
    if (!beside) ++k;  // past the modifier; "the week before" has it after the unit
    if (Is(k - 1, "this") && (Is(k, "past") || Is(k, "coming") || Is(k, "upcoming"))) {  // "this past spring"
      modifier = Is(k, "past") ? -1 : 1;
      ++k;
    }
    if (Is(k, "fiscal") && Is(k + 1, "year")) ++k;  // "the current fiscal year"
    // "the last quarter-century", "the past half-century": 25 or 50 years to now
    if (const int years = PartOfCentury(k); years != 0) {
      if (modifier != -1 || !with_the || nested || beside) return std::nullopt;
      return Make(i, k + 3, TimexType::kDuration, Format("P%dY", years), false);
    }
    // "the last week-long truce", "this year-end rally": a compound, another rule's
    if (OpensCompound(k)) return std::nullopt;
    const std::string* season = Find(lex_.seasons, k, Lex::kSeason);
    const std::string* unit = Find(lex_.units, k, Lex::kUnit);
    if (season == nullptr && (unit == nullptr || Lower(k).back() == 's')) return std::nullopt;
    if (unit != nullptr && tokens_[k].capitalized && !title_case_) return std::nullopt;  // ABC's "This Week"
    // Days are the deictic and anaphoric rules' business ("the next day" follows the
    // last date mentioned, not publication).
    if (unit != nullptr && *unit == "D") return std::nullopt;
    size_t end = beside ? k + 2 : k + 1;
    if (nested && modifier != 0 && !Is(i + (with_the ? 2 : 1), "last")) return std::nullopt;
    // "the past decade", "the last century": the ten or hundred years to now. A
    // fortnight has no calendar name, so "the past fortnight", "the next fortnight" are
    // the two weeks either side of now.
    if (unit != nullptr && ((with_the && modifier == -1 && !anaphoric && (*unit == "DE" || *unit == "CE")) ||
                            (*unit == "2W" && modifier != 0))) {
      return Make(i, end, TimexType::kDuration, DurationValue("1", *unit), false);
    }
    if (!published_) {  // unresolved, in the unit's shape
      static const WordMap<std::string> kUnresolved = {{"W", "XXXX-WXX"}, {"WE", "XXXX-WXX-WE"}, {"M", "XXXX-XX"},
                                                       {"Y", "XXXX"},     {"Q", "XXXX-QX"},      {"DE", "XXX"},
                                                       {"CE", "XX"}};
      if (season != nullptr) return Make(i, end, TimexType::kDate, "XXXX-" + *season, true);
      auto shape = kUnresolved.find(*unit);
      if (shape == kUnresolved.end()) return std::nullopt;
      return Make(i, end, TimexType::kDate, shape->second, true);
    }
    CivilDate base = *published_;
    if (anaphoric) {
      base = unit != nullptr && *unit == "M" && last_month_.year != 0 ? last_month_
             : unit != nullptr && *unit == "Y" && last_year_ != 0     ? CivilDate{last_year_, 6, 15}
                                                                      : *last_date_;
    }
    if (season != nullptr) {
      const int last = SeasonFirstMonth(*season) % 12 + 2;  // winter: February
      int year = base.year;
      if (modifier == -1 && base.month <= last) year -= 1;
      if (modifier == 1 && base.month > last - 2) year += 1;
      return Make(i, end, TimexType::kDate, Format("%04d-", year) + *season, true);
    }
    const std::string& u = *unit;
    std::string value;
    if (u == "W")
      value = IsoWeek(AddDays(base, 7 * modifier));
    else if (u == "WE" && coming && !anaphoric)
      value = IsoWeek(SaturdayFrom(base)) + "-WE";
    else if (u == "WE")
      value = IsoWeek(AddDays(base, modifier == -1 ? -(Weekday(base.year, base.month, base.day) + 1) : 7 * modifier)) +
              "-WE";
    else if (u == "M") {
      CivilDate month = AddMonths(base, modifier);
      value = Format("%04d-%02d", month.year, month.month);
    } else if (u == "Y")
      value = Format("%04d", base.year + modifier);
    else if (u == "Q") {
      int quarter = (base.month - 1) / 3 + 1 + modifier;
      int year = base.year;
      if (quarter == 0) quarter = 4, year -= 1;
      if (quarter == 5) quarter = 1, year += 1;
      value = Format("%04d-Q%d", year, quarter);
    } else if (u == "DE")
      value = Format("%03d", base.year / 10 + modifier);
    else if (u == "CE")
      value = Format("%02d", base.year / 100 + modifier);
    else
      return std::nullopt;
    Match m = Make(i, end, TimexType::kDate, value, true);
    if (anaphoric)
      m.anchor = beside ? *last_date_label_ : Format("%04d-%02d", base.year, base.month) + " (previous date)";
    return m;
  }

  std::string DurationValue(const std::string& count, const std::string& unit) const {
    bool vague = count == "X";
    long n = vague ? 0 : ToLong(count);
    if (unit == "DE") return vague ? "PXDE" : "P" + std::to_string(n * 10) + "Y";
    if (unit == "CE") return vague ? "PXCE" : "P" + std::to_string(n * 100) + "Y";
    if (unit == "2W") return vague ? "PXW" : "P" + std::to_string(n * 2) + "W";
    if (unit == "H") return "PT" + count + "H";
    if (unit == "MIN") return "PT" + count + "M";
    if (unit == "S") return "PT" + count + "S";
    return "P" + count + unit;
  }

  // n and a half units in the next smaller unit: PT5H30M, P2Y6M, P1DT12H (n 0, half a
  // unit: PT30M, P6M, PT12H, P50Y); empty for units without one.
  std::string HalfDurationValue(long n, const std::string& unit) const {
    const std::string whole = std::to_string(n);
    if (unit == "H") return "PT" + (n == 0 ? "" : whole + "H") + "30M";
    if (unit == "MIN") return "PT" + (n == 0 ? "" : whole + "M") + "30S";
    if (unit == "Y") return "P" + (n == 0 ? "" : whole + "Y") + "6M";
    if (unit == "D") return "P" + (n == 0 ? "T" : whole + "DT") + "12H";
    if (unit == "DE") return "P" + std::to_string(n * 10 + 5) + "Y";
    if (unit == "CE" && n == 0) return "P50Y";
    if (unit == "W") return "P" + std::to_string(n * 7 + 3) + "DT12H";
    return "";
  }

  // A number word's value ("ninety": 90), or -1 (none, a vague one: "several", or an
  // article: "a", "an").
  long WordNumber(size_t k) const {
    if (Is(k, "a") || Is(k, "an")) return -1;
    const std::string* number = Find(lex_.numbers, k, Lex::kNumberWord);
    return number == nullptr || *number == "X" ? -1 : ToLong(*number);
  }
  // Tens and ones in words from token k ("ninety-six", "twenty four", "twelve"), with
  // *end past them; -1 when token k is no number word from 10 to 90.
  long TensAndOnes(size_t k, size_t* end) const {
    long tens = WordNumber(k);
    if (tens < 10 || tens > 90) return -1;
    *end = k + 1;
    if (tens >= 20 && tens % 10 == 0) {
      size_t ones_at = Is(k + 1, "-") ? k + 2 : k + 1;
      if (long ones = WordNumber(ones_at); ones >= 1 && ones <= 9) {
        tens += ones;
        *end = ones_at + 1;
      }
    }
    return tens;
  }

  // A plural unit without a number: "for months", "in years", "over the years", "in the coming
  // weeks", "in coming months", "the days ahead" (PXM, PXY, PXW, PXD).
  std::optional<Match> VagueUnits(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!Is(i, "the") && !Has(i, Lex::kUnit) && !Is(i, "coming") && !Is(i, "upcoming")) return std::nullopt;
    auto plural_unit = [this](size_t k) -> const std::string* {
      const std::string* unit = Find(lex_.units, k, Lex::kUnit);
      if (unit == nullptr || Lower(k).back() != 's' || *unit == "Q" || *unit == "S" || tokens_[k].capitalized) {
        return nullptr;
      }
      return unit;
    };
    auto make = [this](size_t begin, size_t end, const std::string& unit) {
      return Make(begin, end, TimexType::kDuration, DurationValue("X", unit), false);
    };
    const bool after_span_preposition =
        i > 0 && (Is(i - 1, "for") || Is(i - 1, "over") || Is(i - 1, "within") || Is(i - 1, "through") ||
                  Is(i - 1, "across") || Is(i - 1, "in") || Is(i - 1, "during"));
    if (const std::string* unit = plural_unit(i);
        unit != nullptr && i > 0 && (Is(i - 1, "for") || Is(i - 1, "over") || Is(i - 1, "within"))) {
      return make(i, i + 1, *unit);  // "for months"
    }
    // "decades-long", "a week-long offensive", "their day-long meeting": a length as an
    // adjective, one of the unit or an unstated number of them.
    if (const std::string* unit = Find(lex_.units, i, Lex::kUnit);
        unit != nullptr && Is(i + 1, "-") && Is(i + 2, "long") && Adjacent(i + 1) && Adjacent(i + 2)) {
      const bool plural = Lower(i).back() == 's';
      return Make(i, i + 3, TimexType::kDuration, DurationValue(plural ? "X" : "1", *unit), false);
    }
    // "the deadliest attack in years", "for the first time in decades"; not "in days of old".
    if (const std::string* unit = plural_unit(i);
        unit != nullptr && i > 0 && Is(i - 1, "in") && !Is(i + 1, "of") && !Is(i + 1, "'")) {
      return make(i, i + 1, *unit);
    }
    size_t k = i;
    const bool with_the = Is(k, "the");
    if (with_the) ++k;
    if (Is(k, "coming") || Is(k, "upcoming")) {  // "the coming weeks"; "in coming months"
      const std::string* unit = plural_unit(k + 1);
      if (unit != nullptr && (with_the || after_span_preposition)) return make(i, k + 2, *unit);
      return std::nullopt;
    }
    if (!with_the) return std::nullopt;
    const std::string* unit = plural_unit(k);
    if (unit == nullptr) return std::nullopt;
    if (Is(k + 1, "ahead")) return make(i, k + 2, *unit);  // "the weeks ahead"
    // "over the years", "through the decades"
    if (Is(i - 1, "over") || Is(i - 1, "through") || Is(i - 1, "across")) return make(i, k + 1, *unit);
    return std::nullopt;
  }

  // "three days", "a 16-hour", "the past three decades", "five months ago", "for years".
  std::optional<Match> CountedUnit(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (SomedayAt(i)) return std::nullopt;  // the Reference rule's
    // "the third attack in as many days": as many days as the count before it, which a
    // reader sees but the tagger does not; no vague count.
    if (i > 0 && Is(i - 1, "as") && Is(i, "many")) return std::nullopt;
    // "half an hour", "half a century"
    if (Is(i, "half") && (Is(i + 1, "a") || Is(i + 1, "an"))) {
      const std::string* unit = Find(lex_.units, i + 2, Lex::kUnit);
      const std::string value = unit == nullptr ? "" : HalfDurationValue(0, *unit);
      if (value.empty()) return std::nullopt;
      return Make(i, i + 3, TimexType::kDuration, value, false);
    }
    size_t k = i;
    bool the_past = false;
    bool article = false;
    if (Is(k, "the") &&
        (Is(k + 1, "past") || Is(k + 1, "last") || Is(k + 1, "next") || Is(k + 1, "coming") || Is(k + 1, "previous") ||
         Is(k + 1, "preceding") || Is(k + 1, "first") || Is(k + 1, "following") || Is(k + 1, "latest"))) {
      the_past = true;
      k += 2;
    } else if (Is(k, "the") && NumberAt(k + 1) && !Is(k + 1, "a") && !Is(k + 1, "an") && YearAt(k + 1) == 0) {
      k += 1;  // "the nine months": the article is in the extent (not in "the 14-day truce", below)
      article = true;
    } else if (Is(k, "past") || Is(k, "last") || Is(k, "next")) {
      // "past 20 years", "last three days" without "the"
      if (!NumberAt(k + 1)) return std::nullopt;
      if (VerbLast(k)) return std::nullopt;  // "the truce will last 72 hours": outside the extent
      the_past = true;
      k += 1;
    }
    std::optional<std::string> count;
    if (Is(k, "a") && (Is(k + 1, "few") || Is(k + 1, "couple"))) {
      count = Is(k + 1, "few") ? "X" : "2";
      k += 2;
      if (Is(k, "of")) ++k;
    } else if (the_past && Is(k, "couple") && Is(k + 1, "of")) {  // "the next couple of years"
      count = "2";
      k += 2;
    } else if (MilitaryClockAt(k)) {
      return std::nullopt;  // "at 1500 hours" is a time of day
    } else if ((count = NumberAt(k))) {
      size_t after = k + 1;
      if (long said = TensAndOnes(k, &after); said > 0) count = std::to_string(said);  // "twenty-five", "twenty four"
      k = after;
    }
    // "5 1/2 hours"
    bool half = false;
    if (count && count != "X" && Is(k, "1") && Is(k + 1, "/") && Is(k + 2, "2")) {
      half = true;
      k += 3;
    } else if (count && count != "X" && Is(k, "and") && Is(k + 1, "a") && Is(k + 2, "half") &&
               Has(k + 3, Lex::kUnit)) {  // "two and a half years"
      half = true;
      k += 3;
    }
    if (!count) return VagueUnits(i);
    const bool hyphenated = Is(k, "-") && Has(k + 1, Lex::kUnit);
    if (hyphenated) ++k;  // "16-hour", "two-year"
    // "two more weeks", "an additional year"
    // "eight trading days", "three consecutive nights", "two long years": a kind of unit
    static const WordSet kBeforeUnit = {"more",       "additional", "extra",       "further",  "trading",
                                        "business",   "working",    "consecutive", "straight", "full",
                                        "successive", "long",       "whole",       "entire"};
    if (kBeforeUnit.contains(Lower(k)) && Has(k + 1, Lex::kUnit)) ++k;
    // "a quarter-century", "a half-century"
    if (const int years = PartOfCentury(k); years != 0 && *count != "X") {
      return Make(i, k + 3, TimexType::kDuration, Format("P%dY", static_cast<int>(ToLong(*count)) * years), false);
    }
    const std::string* unit = Find(lex_.units, k, Lex::kUnit);
    if (unit == nullptr) return std::nullopt;
    if (*count == "1" && Is(i, "a") == false && Is(i, "an") == false && Lower(k).back() == 's' && !IsNumber(i)) {
      return std::nullopt;  // "one years"
    }
    if (*unit == "S" && !IsNumber(k - 1) && !Has(k - 1, Lex::kNumberWord)) return std::nullopt;
    // "5 weekend robberies": a weekend is no length an adjective counts ("a two-day trip");
    // the count is the noun's
    if (*unit == "WE" && *count != "1" && Is(k, "weekend")) return std::nullopt;
    size_t end = k + 1;
    // "a week or so ago": the hedge stays inside.
    if (Is(end, "or") && Is(end + 1, "so") && (Is(end + 2, "ago") || Is(end + 2, "earlier") || Is(end + 2, "later"))) {
      end += 2;
    }
    // "a year-earlier quarter" is the YearEarlier rule's.
    if (Is(end, "-") && (Is(end + 1, "earlier") || Is(end + 1, "ago"))) return std::nullopt;
    // "a week-long offensive": the length as an adjective, its article outside.
    if (Is(end, "-") && Is(end + 1, "long") && Adjacent(end) && Adjacent(end + 1)) {
      const size_t begin = Is(i, "a") || Is(i, "an") ? i + 1 : i;
      return Make(begin, end + 2, TimexType::kDuration, DurationValue(*count, *unit), false);
    }
    // A unit opening a compound is none: "the two second-degree counts", "a day-care centre".
    if (!hyphenated && OpensCompound(end - 1)) return std::nullopt;
    // Ages are not durations: "44-year-old".
    if ((Is(end, "-") && Is(end + 1, "old")) || Is(end, "old")) return std::nullopt;
    // "second" as an ordinal ("a second round") is not a unit.
    if (*unit == "S" && Is(k - 1, "a")) return std::nullopt;
    // "a day" inside "twice a day", "$5 a year", "$2 million a year", "four flights a
    // week" or "24 hours a day" is a rate, not a duration.
    // "two weeks from now", "a month from today": counted from publication, ahead.
    const bool from_now = Is(end, "from") && (Is(end + 1, "now") || Is(end + 1, "today"));
    // "three years back", "a week back": "ago" as Indian and Nigerian English say it (not
    // "two weeks back to the front", "a month back in 2019")
    const bool back = Is(end, "back") &&
                      (!IsWord(end + 1) || (IsFunctionWord(end + 1) && !Is(end + 1, "to") && !Is(end + 1, "from") &&
                                            !Is(end + 1, "into") && !Is(end + 1, "in") && !Is(end + 1, "on")));
    const bool from_publication = Is(end, "ago") || back || from_now;
    const bool relative = from_publication || Is(end, "earlier") || Is(end, "later");
    if ((Is(i, "a") || Is(i, "an")) && i > 0 && !relative &&
        (Is(i - 1, "twice") || Is(i - 1, "times") || Is(i - 1, "once") || IsNumber(i - 1) || Is(i - 1, "%") ||
         Is(i - 1, "cents") || Is(i - 1, "dollars") || Is(i - 1, "percent") || Is(i - 1, "per") ||
         Is(i - 1, "million") || Is(i - 1, "billion") || Is(i - 1, "thousand") ||
         (i > 1 && IsWord(i - 1) && Lower(i - 1).back() == 's' && NumberAt(i - 2) && Lower(i - 2) != "a"))) {
      return std::nullopt;
    }
    // "three-quarters of its food", "a quarter of the market": a share, not a time.
    if (*unit == "Q" && (*count == "1" || *count == "3") && Is(end, "of") && !YearAt(end + 1)) {
      return std::nullopt;
    }
    // A capitalised unit inside a sentence is a name: "CBS's 60 Minutes".
    if (tokens_[k].capitalized && i > 0 && !tokens_[i].capitalized) return std::nullopt;
    if (from_publication || (Is(end, "earlier") && !the_past) || (Is(end, "later") && !the_past)) {
      int sign = Is(end, "later") || from_now ? 1 : -1;
      const size_t last = from_now ? end + 2 : end + 1;
      // "A few days later", or "three days later" with no date named before it: later than
      // an event whose day is not known, so the length alone, as TimeML marks it ("Three
      // days" P3D, "later" a signal); publication's neighbour would be a guess, and a
      // wrong one in a past-tense story.
      const auto length_only = [&] {
        std::string value = half ? HalfDurationValue(ToLong(*count), *unit) : "";
        return Make(i, end, TimexType::kDuration, value.empty() ? DurationValue(*count, *unit) : value, false);
      };
      if (Is(end, "later") && (*count == "X" || !published_)) return length_only();
      if (*count == "X" || !published_) {
        return Make(i, last, TimexType::kDate, from_now ? "FUTURE_REF" : "PAST_REF", true);
      }
      long n = ToLong(*count) * sign;
      std::string_view u = *unit;
      if (IsDigit(u[0])) {  // "fortnight": two weeks
        n *= u[0] - '0';
        u.remove_prefix(1);
      }
      // "a week ago Sunday", "a year ago today": counted back from that day, to a day.
      if (Is(end, "ago") && (u == "D" || u == "W" || u == "M" || u == "Y")) {
        std::optional<CivilDate> day;
        if (Is(end + 1, "today"))
          day = *published_;
        else if (Is(end + 1, "yesterday"))
          day = AddDays(*published_, -1);
        else if (const int weekday = WeekdayAt(end + 1); weekday >= 0)
          day = ResolveWeekday(weekday, Tense::kPast, 0);
        if (day) {
          const CivilDate counted = u == "D"   ? AddDays(*day, n)
                                    : u == "W" ? AddDays(*day, 7 * n)
                                               : AddMonths(*day, static_cast<int>(u == "M" ? n : 12 * n));
          return MakeDay(i, end + 2, counted, "", PublishedLabel());
        }
      }
      CivilDate base = from_publication ? *published_ : *last_date_;
      std::string anchor = from_publication ? PublishedLabel() : *last_date_label_;
      // "a month later" after "in December 2011", "a year later" after "in 2014": months
      // and years count from the last month or year named, as "the following month" does.
      if (!from_publication && u == "M" && last_month_.year != 0 &&
          (last_month_.year != base.year || last_month_.month != base.month)) {
        base = last_month_;
        anchor = Format("%04d-%02d", base.year, base.month) + " (previous date)";
      } else if (!from_publication && u == "Y" && last_year_ != 0 && last_year_ != base.year) {
        base = CivilDate{last_year_, 6, 15};
        anchor = Format("%04d", last_year_) + " (previous date)";
      }
      // Counted on from publication's own day ("Today, ... Six years later, I covered"), a
      // later date would lie ahead of the story: the length alone.
      if (Is(end, "later") && (anchor == PublishedLabel() || DayNumber(base) == DayNumber(*published_))) {
        return length_only();
      }
      std::string value;
      std::optional<CivilDate> full;
      if (u == "D")
        full = AddDays(base, n), value = IsoDay(*full);
      else if (u == "W")
        value = IsoWeek(AddDays(base, 7 * n));
      else if (u == "M") {
        CivilDate month = AddMonths(base, static_cast<int>(n));
        value = Format("%04d-%02d", month.year, month.month);
      } else if (u == "Y" && last_quarter_ != nullptr && !last_quarter_->empty()) {
        // Financial news compares periods: "a year ago" after "the third quarter" is
        // that quarter a year before.
        int quarter_year = ToInt(last_quarter_->substr(0, 4));
        value = Format("%04d", quarter_year + static_cast<int>(n)) + last_quarter_->substr(4);
      } else if (u == "Y" && half) {  // "three and a half years ago": the year 42 months back
        value = Format("%04d", AddMonths(base, static_cast<int>(n) * 12 + (n < 0 ? -6 : 6)).year);
      } else if (u == "Y")
        value = Format("%04d", base.year + static_cast<int>(n));
      else if (u == "DE")
        value = Format("%03d", (base.year + static_cast<int>(n) * 10) / 10);
      else if (u == "Q") {
        CivilDate month = AddMonths(base, static_cast<int>(n) * 3);
        value = Format("%04d-Q%d", month.year, (month.month - 1) / 3 + 1);
      } else
        value = IsoDay(base);
      Match m = Make(i, last, TimexType::kDate, value, false);
      m.anchor = anchor;
      m.full_date = full;
      return m;
    }
    // "an hour and a half"
    if (!half && *count != "X" && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half")) {
      half = true;
      end += 3;
    }
    std::string value = half ? HalfDurationValue(ToLong(*count), *unit) : "";
    if (value.empty()) value = DurationValue(*count, *unit);
    // An adjective's article belongs to its noun: "the 14-day truce" marks "14-day".
    return Make(article && hyphenated ? i + 1 : i, end, TimexType::kDuration, std::move(value), false);
  }

  // Years, year ranges and decades: "in 2020", "since 1991", "2020-2022", "the 1990s".
  std::optional<Match> YearRule(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    // "the first half of 2023", "the last half of 1989", "the first two quarters of 1990":
    // a half year.
    if (Is(k, "the") && (Is(k + 1, "first") || Is(k + 1, "second") || Is(k + 1, "last") || Is(k + 1, "latter"))) {
      size_t of = Is(k + 2, "half") ? k + 3 : Is(k + 2, "two") && Is(k + 3, "quarters") ? k + 4 : 0;
      if (of != 0 && Is(of, "of") && YearAt(of + 1) != 0) {
        return Make(i, of + 2, TimexType::kDate, Format("%04d-H%d", YearAt(of + 1), Is(k + 1, "first") ? 1 : 2), false);
      }
      // "the first half of next year", "the second half of this year"
      size_t named = of + 1;
      if (std::optional<int> year = of != 0 && Is(of, "of") ? NamedYear(&named) : std::nullopt) {
        return Make(i, named, TimexType::kDate, Format("%04d-H%d", *year, Is(k + 1, "first") ? 1 : 2), true);
      }
    }
    // "the late 1970s", "the mid-1990s": a decade's article stays in the extent.
    const bool the_edge = Is(k, "the") && IsEdge(k + 1);
    if (the_edge) ++k;
    // "early 2020", "mid-1996", "late 2019": the year (TIMEX3 keeps the part as a modifier).
    const bool edge = IsEdge(k) && (IsNumber(k + 1) || (Is(k + 1, "-") && IsNumber(k + 2)));
    if (edge) k += Is(k + 1, "-") ? 2 : 1;
    bool with_the = !edge && Is(k, "the") && IsNumber(k + 1);
    if (with_the) ++k;
    if (!IsNumber(k) || tokens_[k].lower.size() != 4) return std::nullopt;
    int year = ToInt(std::string(tokens_[k].lower));
    if (year < 1000 || year > 2200) return std::nullopt;
    // Decade: "1990s"; "the 1800s", "the 1900s" are centuries as news uses them (the
    // 2000s stay a decade: the century is young)
    if (Is(k + 1, "s") && Adjacent(k + 1) && year % 10 == 0) {
      if (year % 100 == 0 && year <= 1900) return Make(i, k + 2, TimexType::kDate, Format("%02d", year / 100), false);
      return Make(i, k + 2, TimexType::kDate, Format("%03d", year / 10), false);
    }
    if (the_edge) return std::nullopt;  // "the early 2020 talks": the year from its edge on
    if (with_the) ++i;                  // "the 1990 budget": the year alone
    static const WordSet kBefore = {
        "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "between", "and", "to",
        "through", "year", "early", "late", "mid", "-", "\xE2\x80\x93", ",", "(", "fiscal", "spring", "summer",
        "autumn", "fall", "winter", "around", "circa", "throughout", "for", "the", "'s", "'",
        // a year used as an adjective: "a 1996 law", "its 1990 invasion", "both 1990 and 1991"
        "a", "an", "its", "his", "her", "their", "our", "both", "is", "was", "that", "this", "due"};
    static const WordSet kNotAfter = {
        "resolution", "no",     "number", "flight", "route",     "article",      "model",    "room", "page",    "f",
        "mig",        "su",     "boeing", "airbus", "$",         "\xE2\x82\xAC", "\xC2\xA3", "code", "section", "rule",
        "law",        "decree", "order",  "ext",    "extension", "hr",           "sb",       "hb"};
    bool before_ok = (k > 0 && kBefore.count(Lower(k - 1))) || with_the ||
                     (k > 1 && Is(k - 1, "s") && Is(k - 2, "'"));  // "the company's 1989 results"
    bool after_ok = k + 1 >= Size() || tokens_[k + 1].kind == TokenKind::kPunct;
    if (k > 0 && kNotAfter.count(Lower(k - 1))) return std::nullopt;
    // ... also after the word's abbreviation point ("Post No. 1922", "Ext. 1223")
    if (k > 1 && Is(k - 1, ".") && kNotAfter.count(Lower(k - 2))) return std::nullopt;
    // ... and after a bill's initials ("H.R. 1546", "S.B. 1070")
    if (k > 3 && Is(k - 1, ".") && Is(k - 3, ".") && Lower(k - 2).size() == 1 && Lower(k - 4).size() == 1 &&
        kNotAfter.count(std::string(Lower(k - 4)) + std::string(Lower(k - 2)))) {
      return std::nullopt;
    }
    // A measure written close up ("2000ft", "1500km") or a code's number ("CVE-2013-3893").
    static const WordSet kMeasures = {"ft", "m",  "km", "kg", "mm", "cm", "mi", "lb",  "lbs", "mph", "kmh",
                                      "kw", "mw", "gb", "mb", "tb", "cc", "ml", "mhz", "ghz", "sq"};
    if (Adjacent(k + 1) && IsWord(k + 1) && kMeasures.count(Lower(k + 1))) return std::nullopt;
    if (IsDash(k + 1) && Adjacent(k + 1) && Adjacent(k + 2) && IsNumber(k + 2) && Lower(k + 2).size() >= 4 &&
        YearAt(k + 2) == 0) {
      return std::nullopt;
    }
    if (!before_ok && !after_ok && !DatedNounAfter(k, year)) return std::nullopt;
    if (ModelYearAt(k)) return std::nullopt;
    // A path ("news/2012/12/23"): no year.
    if (Is(k - 1, "/") && Adjacent(k) && Is(k + 1, "/") && Adjacent(k + 1)) return std::nullopt;
    // The last group of a telephone number ("815-748-2060", "574.2091"): joined to a shorter number.
    if (k >= 2 && (IsDash(k - 1) || Is(k - 1, ".")) && Adjacent(k) && Adjacent(k - 1) && IsNumber(k - 2) &&
        Lower(k - 2).size() < 4) {
      return std::nullopt;
    }
    if (AddressAfter(k)) return std::nullopt;
    if (after_ok && !before_ok && k > 0 && tokens_[k - 1].kind == TokenKind::kNumber) return std::nullopt;
    // "the summer of 2020", "spring 2020"
    size_t begin = i;
    std::string value = Format("%04d", year);
    if (k >= 1 && k - 1 >= previous_end_ && Has(k - 1, Lex::kSeason)) {
      begin = k - 1;
      value += "-" + *Find(lex_.seasons, k - 1, Lex::kSeason);
    } else if (k >= 2 && k - 2 >= previous_end_ && Is(k - 1, "of") && Has(k - 2, Lex::kSeason)) {
      begin = k - 2;
      value += "-" + *Find(lex_.seasons, k - 2, Lex::kSeason);
    }
    return Make(begin, k + 1, TimexType::kDate, value, false);
  }

  // TimeToken k opens a compound written close up: "second-degree", "year-end", "day-to-day"
  // (not "decade-plus", a length and more).
  bool OpensCompound(size_t k) const {
    return Is(k + 1, "-") && Adjacent(k + 1) && IsWord(k + 2) && Adjacent(k + 2) && !Is(k + 2, "plus");
  }

  // 25 for "quarter-century", 50 for "half-century" at token k, else 0.
  int PartOfCentury(size_t k) const {
    if (!OpensCompound(k) || !Is(k + 2, "century")) return 0;
    return Is(k, "quarter") ? 25 : Is(k, "half") ? 50 : 0;
  }

  // A house number or a block, not a year, at token k: "the 2200 block of Batson Avenue",
  // "2115 Windsor Spring Road", "1935 Orchard St." (up to three names before the street word).
  bool AddressAfter(size_t k) const {
    if (Has(k + 1, Lex::kStreet) && !tokens_[k + 1].capitalized) return Is(k + 1, "block") || Is(k + 1, "blocks");
    // "1200 E. Broad", "1400 N. Main": a compass point's abbreviation and a name (not after a
    // word that makes the number a time: "since 2017 N. Korea has")
    static const WordSet kCompass = {"n", "s", "e", "w", "ne", "nw", "se", "sw"};
    if (IsWord(k + 1) && tokens_[k + 1].capitalized && kCompass.count(Lower(k + 1)) && Is(k + 2, ".") &&
        IsWord(k + 3) && tokens_[k + 3].capitalized && !TimeWordBefore(k)) {
      return true;
    }
    for (size_t name = k + 1; name <= k + 4 && IsWord(name) && tokens_[name].capitalized; ++name) {
      if (name == k + 1 || !Has(name, Lex::kStreet)) continue;
      // "St. Louis", "St. Petersburg": a saint, not a street
      const size_t next = Is(name + 1, ".") ? name + 2 : name + 1;
      return !(Is(name, "st") && IsWord(next) && tokens_[next].capitalized && !IsFunctionWord(next));
    }
    return false;
  }

  // In opening hours a weekday or a clock time that no date fixes recurs: a set
  // ("4 p.m." XXXX-XX-XXT16:00, "10 p.m. Monday" XXXX-WXX-1T22:00), neither a day nor
  // an anchor for the next expression.
  void Recurring(Match* match) const {
    if (match->type == TimexType::kDuration || match->type == TimexType::kSet) return;
    int weekday = -1;
    for (size_t k = match->begin_token; k < match->end_token; ++k) {
      if (MonthAt(k) != 0 || YearAt(k) != 0 || Has(k, Lex::kHoliday) || Is(k, "today") || Is(k, "tomorrow") ||
          Is(k, "yesterday") || Is(k, "tonight")) {
        return;  // a date named: "6 p.m. Monday, Feb. 18"
      }
      if (weekday < 0) weekday = WeekdayAt(k);
    }
    // a clock time after a day named keeps that day ("on Saturday, March 21 from 9 a.m.")
    if (weekday < 0 && (match->type != TimexType::kTime || previous_was_day_)) return;
    const size_t time = match->value.find('T');
    match->value = (weekday >= 0 ? Format("XXXX-WXX-%d", weekday + 1) : std::string("XXXX-XX-XX")) +
                   (time == std::string::npos ? "" : match->value.substr(time));
    match->type = TimexType::kSet;
    match->anchor.clear();
    match->full_date.reset();
    match->day_named = false;
  }

  // A model year, not a date, at token k: a year before a maker's name, or before one word
  // and the name ("a 2013 Toyota Camry", "a 2014 black Chevrolet pickup", "Kopp's 1987
  // Chevrolet Cavalier"). Not after a word that makes it a time ("in 2008 Ford lost money").
  bool ModelYearAt(size_t k) const {
    const size_t maker = IsWord(k + 1) && !tokens_[k + 1].capitalized ? k + 2 : k + 1;
    if (!IsWord(maker) || !tokens_[maker].capitalized || !Has(maker, Lex::kVehicle)) return false;
    return !TimeWordBefore(k);
  }

  // A word before token k that makes a number there a time: "in 2008", "since 2010".
  bool TimeWordBefore(size_t k) const {
    static const WordSet kTimeBefore = {"in",     "since", "until",   "till", "by",         "from",    "during",
                                        "before", "after", "through", "of",   "throughout", "between", "around",
                                        "circa",  "early", "late",    "mid",  "fiscal"};
    return k > 0 && kTimeBefore.count(Lower(k - 1)) != 0;
  }

  // A noun that dates `year`, at token k, follows it, at most one word later: "his
  // unsuccessful 1996 campaign", "predicting 1990 BellSouth earnings", "after 2008 financial
  // crisis". Not when the noun is itself a modifier of a plural ("1500 election workers": a count).
  bool DatedNounAfter(size_t k, int year) const {
    if (year < 1800 || year > 2100) return false;
    size_t noun = Has(k + 1, Lex::kDated) ? k + 1 : k + 2;
    if (noun == k + 2 && (!IsWord(k + 1) || IsFunctionWord(k + 1) || !Has(noun, Lex::kDated))) return false;
    const bool plural_after = IsWord(noun + 1) && !tokens_[noun + 1].capitalized && !IsFunctionWord(noun + 1) &&
                              tokens_[noun + 1].lower.back() == 's';
    return !plural_after;
  }

  // The short end of a year range: the "20" of "2019-20", the "16" of "the 2014-16
  // drought", written close up after a year with a hyphen, en dash or slash ("1999-00" is
  // 2000). Only a later year of the same century, or the year after.
  std::optional<Match> YearRangeEnd(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!IsNumber(i) || Lower(i).size() != 2 || i < 2 || !Adjacent(i) || !Adjacent(i - 1)) return std::nullopt;
    if (!IsDash(i - 1) && !Is(i - 1, "/")) return std::nullopt;
    const int first = YearAt(i - 2);
    if (first == 0 || (Adjacent(i + 1) && tokens_[i + 1].kind != TokenKind::kPunct)) return std::nullopt;
    if (i > 2 && Adjacent(i - 2) && (Is(i - 3, "/") || Is(i - 3, "-"))) return std::nullopt;  // "12/2019/20"
    int year = first / 100 * 100 + ToInt(std::string(Lower(i)));
    if (year <= first) year += 100;
    if (year / 100 != first / 100 && year != first + 1) return std::nullopt;
    return Make(i, i + 1, TimexType::kDate, Format("%04d", year), false);
  }

  // A year or decade said in words, as broadcast transcripts write them: "nineteen
  // ninety-six", "the year two thousand", "the nineties", "the '80s".
  std::optional<Match> SpokenYear(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    if (Is(k, "the")) {
      ++k;
      // "the nineties", "the '80s" (the twentieth century's, as news means them)
      if (const int* decade = Find(lex_.decades, k, Lex::kDecade)) {
        return Make(i, k + 1, TimexType::kDate, Format("19%d", *decade), false);
      }
      if (Is(k, "'") && IsNumber(k + 1) && Lower(k + 1).size() == 2 && Lower(k + 1)[1] == '0' && Is(k + 2, "s") &&
          Adjacent(k + 1) && Adjacent(k + 2)) {
        return Make(i, k + 3, TimexType::kDate, Format("19%d", Lower(k + 1)[0] - '0'), false);
      }
      if (!Is(k, "year")) return std::nullopt;
      ++k;
    }
    // A preposition of time makes a round number a year: "in two thousand", "by twelve hundred".
    const bool after_time_preposition =
        i > 0 && (Is(i - 1, "in") || Is(i - 1, "since") || Is(i - 1, "until") || Is(i - 1, "by"));
    int year = 0;
    size_t end = k;
    if (long century = WordNumber(k); century >= 11 && century <= 19) {
      if (Is(k + 1, "hundred")) {
        year = static_cast<int>(century * 100);
        end = k + 2;
      } else if (long rest = TensAndOnes(k + 1, &end); rest >= 10) {
        year = static_cast<int>(century * 100 + rest);
      }
    } else if (WordNumber(k) == 2 && Is(k + 1, "thousand")) {
      // "two thousand" alone is a count unless "the year" or a preposition of time says otherwise
      if (k == i && !after_time_preposition) {
        return std::nullopt;
      }
      year = 2000;
      end = k + 2;
      size_t at = Is(end, "and") ? end + 1 : end;
      if (long rest = WordNumber(at); rest >= 1 && rest <= 9) {
        year += static_cast<int>(rest);
        end = at + 1;
      } else if (size_t two_end = 0; (rest = TensAndOnes(at, &two_end)) >= 10) {
        year += static_cast<int>(rest);
        end = two_end;
      }
    }
    if (year == 0) return std::nullopt;
    // "twelve hundred students" is a count, unless a preposition of time comes first
    if (k == i && year % 100 == 0 && IsWord(end) && !tokens_[end].capitalized && !IsFunctionWord(end) &&
        !after_time_preposition) {
      return std::nullopt;
    }
    size_t begin = i;
    std::string value = Format("%04d", year);
    // "the winter of nineteen ninety-four"
    if (k == i && k >= 2 && Is(k - 1, "of") && Has(k - 2, Lex::kSeason)) {
      begin = k - 2;
      if (begin > 0 && Is(begin - 1, "the")) --begin;
      value += "-" + *Find(lex_.seasons, k - 2, Lex::kSeason);
    }
    return Make(begin, end, TimexType::kDate, value, false);
  }

  // The date of a holiday in `year`.
  static std::optional<CivilDate> HolidayDate(const TimeTagger::Lexicon::Holiday& holiday, int year) {
    using Computed = TimeTagger::Lexicon::Holiday::Computed;
    if (holiday.computed == Computed::kEaster) {  // the Gregorian computus (anonymous algorithm)
      int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
      int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
      int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
      int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
      return AddDays(CivilDate{year, month, day}, holiday.day);  // day: an offset from Easter Sunday
    }
    if (holiday.computed == Computed::kOrthodoxEaster) {
      // The Julian computus (Meeus), its date moved to the Gregorian calendar by the gap
      // between the two that year (13 days from 1900 to 2099).
      if (year < 1583) return std::nullopt;
      const int a = year % 4, b = year % 7, c = year % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
      const int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
      const int shift = year / 100 - year / 400 - 2;  // the calendars' gap that year
      return AddDays(CivilDate{year, month, day}, shift + holiday.day);
    }
    if (holiday.computed == Computed::kHijri) return HijriDateIn(year, holiday.month, holiday.day);
    if (holiday.computed == Computed::kTishrei || holiday.computed == Computed::kHanukkah) {
      const int hebrew_year = year + 3761;  // the one that begins in this year's autumn
      const long new_year = HebrewNewYear(hebrew_year);
      long days = holiday.day;
      if (holiday.computed == Computed::kHanukkah) {  // 25 Kislev: after Tishrei (30) and Heshvan
        const long length = HebrewNewYear(hebrew_year + 1) - new_year;
        days = 30 + (length % 10 == 5 ? 30 : 29) + 24;  // Heshvan has 30 days in a full year (355, 385)
      }
      return CivilFromDays(new_year + days);
    }
    if (holiday.nth == 0) return CivilDate{year, holiday.month, holiday.day};
    const int day = NthWeekdayOfMonth(year, holiday.month, holiday.nth, holiday.weekday);
    if (day == 0) return std::nullopt;
    return AddDays(CivilDate{year, holiday.month, day}, holiday.day);  // day: an offset from the weekday
  }

  // The day (from 1970-01-01) of 1 Tishrei, the Jewish new year, of `year` (5784 began
  // on 2023-09-16): the months elapsed since the calendar's epoch, the mean new moon
  // (molad) in parts of an hour (1080 to the hour), a day later where the day would fall
  // on a Sunday, Wednesday or Friday, and the two postponements that keep a year's length
  // lawful (no 356 days, no 382).
  static long HebrewNewYear(int year) {
    const auto elapsed = [](long y) {
      const long months = (235 * y - 234) / 19;
      const long parts = 12084 + 13753 * months;
      long day = 29 * months + parts / 25920;
      if ((3 * (day + 1)) % 7 < 3) ++day;
      return day;
    };
    const long last = elapsed(year - 1), present = elapsed(year), next = elapsed(year + 1);
    const long delay = next - present == 356 ? 2 : present - last == 382 ? 1 : 0;
    return -2092590L + present + delay;  // the epoch, 1 Tishrei of year 1, is 2,092,590 days before 1970
  }

  // The day of the Islamic calendar's `month` and `day` that falls in Gregorian `year`
  // (the first, in the years that hold two), by the arithmetical (tabular) calendar: 30
  // and 29 days in turn, 11 leap years in 30 (2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29),
  // counted from 1 Muharram 1 AH, 15 July 622 (Julian). The day observed from the new
  // moon may differ by a day: from 2019 to 2025 the arithmetical day of the two Eids was
  // Saudi Arabia's 9 times in 14 and a day early the others.
  static std::optional<CivilDate> HijriDateIn(int year, int month, int day) {
    constexpr long kEpoch = 1948439 - 2440588;  // 1 Muharram 1 AH, in days from 1970-01-01 (Julian days apart)
    const auto day_in = [&](long hijri_year) {
      return kEpoch + day - 1 + (59 * (month - 1) + 1) / 2 + (hijri_year - 1) * 354 + (3 + 11 * hijri_year) / 30;
    };
    const long first = DaysFromCivil(year, 1, 1), last = DaysFromCivil(year, 12, 31);
    // the Islamic year under way at the Gregorian year's start (10,631 days in 30 years), give or take one
    const long estimate = (first - kEpoch) * 30 / 10631 + 1;
    for (long hijri_year = std::max(1L, estimate - 1); hijri_year <= estimate + 1; ++hijri_year) {
      const long days = day_in(hijri_year);
      if (days >= first && days <= last) return CivilFromDays(days);
    }
    return std::nullopt;
  }

  // The day of the month of its nth (-1: last) `weekday` (0 Monday); 0 where the month
  // has none ("the fifth Friday of February").
  static int NthWeekdayOfMonth(int year, int month, int nth, int weekday) {
    const int days = DaysInMonth(year, month);
    if (nth < 0) return days - (Weekday(year, month, days) - weekday + 7) % 7;
    const int day = 1 + (weekday - Weekday(year, month, 1) + 7) % 7 + 7 * (nth - 1);
    return day <= days ? day : 0;
  }

  // Whether the weekday at k is the second word of a holiday's name whose first word,
  // capitalised, stands before it ("Good Friday", "Easter Monday").
  bool InHolidayName(size_t k) const {
    if (k == 0 || !tokens_[k - 1].capitalized) return false;
    const std::vector<TimeTagger::Lexicon::Holiday>* named = Find(lex_.holidays, k - 1, Lex::kHoliday);
    if (named == nullptr) return false;
    return std::any_of(named->begin(), named->end(), [&](const TimeTagger::Lexicon::Holiday& holiday) {
      return holiday.words.size() >= 2 && holiday.words[1] == Lower(k);
    });
  }

  // "Christmas", "Thanksgiving Day", "last Easter", "New Year's Eve": the occurrence
  // nearest publication that fits the tense (or the modifier).
  std::optional<Match> HolidayRule(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    int modifier = 0;
    if (Is(k, "last") || Is(k, "next") || Is(k, "this")) {
      modifier = Is(k, "last") ? -1 : Is(k, "next") ? 1 : 2;
      ++k;
    }
    if (!IsWord(k) || !tokens_[k].capitalized) return std::nullopt;
    const std::vector<TimeTagger::Lexicon::Holiday>* named = Find(lex_.holidays, k, Lex::kHoliday);
    if (named == nullptr) return std::nullopt;
    const TimeTagger::Lexicon::Holiday* best = nullptr;
    size_t best_end = 0;
    for (const TimeTagger::Lexicon::Holiday& holiday : *named) {
      size_t n = 0;
      while (n < holiday.words.size() && Lower(k + n) == holiday.words[n]) ++n;
      if (n == holiday.words.size() && (best == nullptr || k + n > best_end)) best = &holiday, best_end = k + n;
    }
    if (best == nullptr) return std::nullopt;
    // "Christmas trees", "Easter eggs": a one-word name before a lower-case word is a
    // date only after a modifier or a preposition of time ("last Thanksgiving following
    // a boat wreck", "on Christmas morning").
    static const WordSet kPrepositions = {"on",   "at",     "by",   "before",  "after", "since", "till",
                                          "over", "during", "from", "through", "until", "for"};
    if (best->words.size() == 1 && IsWord(best_end) && !tokens_[best_end].capitalized && modifier == 0 &&
        !Has(best_end, Lex::kPart) && !(i > 0 && kPrepositions.count(Lower(i - 1)))) {
      return std::nullopt;
    }
    // "Easter Island", "Christmas Island": before a capitalised word of no holiday, a
    // one-word name is a place's. A longer one names a war or a treaty before such a noun
    // ("the Yom Kippur War", "the Good Friday Agreement", "the Easter Rising"), but still
    // dates other things ("Christmas Day Shooting" in a headline).
    if (IsWord(best_end) && tokens_[best_end].capitalized && !title_case_ &&
        !Has(best_end, Lex::kPart | Lex::kWeekday | Lex::kMonth) &&
        (best->words.size() == 1 || EventNounAt(best_end))) {
      return std::nullopt;
    }
    if (!published_) {
      return MakeDay(i, best_end, std::nullopt,
                     best->nth == 0 && best->computed == TimeTagger::Lexicon::Holiday::Computed::kNone
                         ? Format("XXXX-%02d-%02d", best->month, best->day)
                         : "XXXX-XX-XX",
                     "");
    }
    long today = DaysFromCivil(published_->year, published_->month, published_->day);
    Tense tense = TenseAround(i, best_end);
    std::optional<CivilDate> chosen;
    long chosen_distance = 0;
    for (int year = published_->year - 1; year <= published_->year + 1; ++year) {
      std::optional<CivilDate> date = HolidayDate(*best, year);
      if (!date) continue;
      long days = DaysFromCivil(date->year, date->month, date->day) - today;
      if ((modifier == -1 && days >= 0) || (modifier == 1 && days <= 0) ||
          (modifier == 2 && date->year != published_->year)) {
        continue;
      }
      long distance = modifier != 0 ? (days < 0 ? -days : days) : TenseDistance(days, tense);
      if (!chosen || distance < chosen_distance) chosen = date, chosen_distance = distance;
    }
    Match m = MakeDay(i, best_end, chosen, "", PublishedLabel());
    AddPartOfDay(&m);
    return m;
  }

  // "at 0400 hrs", "by 1800 hours", "at approximately 1500 hours": four digits of the
  // military clock at token k, after a preposition of time ("2000 hours of footage" is a
  // quantity).
  bool MilitaryClockAt(size_t k) const {
    if (!IsNumber(k) || k == 0 || !(Is(k + 1, "hrs") || Is(k + 1, "hours")) || Is(k + 2, "of")) return false;
    std::string_view t = tokens_[k].lower;
    if (t.size() != 4 || !IsDigit(t[0]) || t[0] > '2') return false;
    static const WordSet kClockPrepositions = {"at", "by", "until", "till", "from", "before", "after", "since"};
    static const WordSet kApproximately = {"around", "about", "approximately", "roughly"};
    size_t p = k - 1;
    if (kApproximately.contains(tokens_[p].lower) && p > 0) --p;  // "at about 1500 hours"
    return kClockPrepositions.contains(tokens_[p].lower);
  }

  // The hour of the day a part of the day puts a clock hour of 1 to 12 in: "6" in the
  // afternoon or evening is 18, "9" at night 21 but "2" at night 2, "12" in the morning 0.
  static int HourInPart(int hour, std::string_view part) {
    if (part == "morning") return hour == 12 ? 0 : hour;
    if (part == "afternoon" || part == "evening") return hour < 12 ? hour + 12 : hour;
    return hour >= 6 && hour < 12 ? hour + 12 : hour;  // night
  }

  // "in the morning", "in the afternoon", "in the evening" or "at night" at token k,
  // after a clock hour of 1 to 12 ("4:30 in the morning", "11:45 at night"): *hour moves
  // into that part of the day; the token after the phrase, or k.
  size_t PartOfDayAfterHour(size_t k, int* hour) const {
    if (*hour < 1 || *hour > 12) return k;
    if (Is(k, "in") && Is(k + 1, "the") && (Is(k + 2, "morning") || Is(k + 2, "afternoon") || Is(k + 2, "evening"))) {
      *hour = HourInPart(*hour, Lower(k + 2));
      return k + 3;
    }
    if (Is(k, "at") && Is(k + 1, "night")) {
      *hour = HourInPart(*hour, "night");
      return k + 2;
    }
    return k;
  }

  struct PartAfterClock {
    int hour;         // the hour read in that part of the day
    long day_offset;  // its day, in days from publication
    size_t end;       // the token after the phrase
  };
  // "this afternoon", "tonight", "last night", "yesterday morning" at token k, after a clock
  // hour: that part of a day near publication, and the hour in it (unchanged where its
  // half is known). "at 2 last night" is 2 a.m. of publication's day.
  std::optional<PartAfterClock> PartAfterClockAt(size_t k, int hour, bool half_known) const {
    if (!published_) return std::nullopt;
    const auto in = [&](std::string_view part) { return half_known || hour > 12 ? hour : HourInPart(hour, part); };
    if (Is(k, "this") && (Is(k + 1, "morning") || Is(k + 1, "afternoon") || Is(k + 1, "evening"))) {
      return PartAfterClock{in(tokens_[k + 1].lower), 0, k + 2};
    }
    if (Is(k, "tonight")) return PartAfterClock{in("night"), 0, k + 1};
    if (Is(k, "last") && Is(k + 1, "night")) {
      const int at = in("night");
      return PartAfterClock{at, at < 12 ? 0 : -1, k + 2};
    }
    if (std::optional<long> offset = DeicticOffset(k); offset && Has(k + 1, Lex::kPart) && !Is(k + 1, "overnight")) {
      const int at = in(tokens_[k + 1].lower);
      return PartAfterClock{at, *offset + (Is(k + 1, "night") && at < 12 ? 1 : 0), k + 2};
    }
    return std::nullopt;
  }

  // "13:01 IST", "1 pm local time", "10:35 a.m.", "noon".
  std::optional<Match> ClockTime(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    int hour = -1, minute = 0;
    size_t k = i;
    bool half_known = true;  // "p.m.", "in the morning", "noon": no part of the day changes the hour
    bool bare = false;       // a number alone, a clock hour only before a part of the day
    if (Is(k, "noon") || Is(k, "midday") || Is(k, "midnight")) {
      if (Is(k, "noon") && k > 0 && Is(k - 1, "high")) return std::nullopt;  // "High Noon", the idiom
      hour = Is(k, "midnight") ? 24 : 12;
      ++k;
    } else if (IsNumber(k)) {
      const std::string t(tokens_[k].lower);
      size_t colon = t.find(':');
      // "5.30pm", "5.30 p.m.": a full stop between hour and minutes before am / pm
      const bool meridiem_next = Is(k + 1, "am") || Is(k + 1, "pm") ||
                                 ((Is(k + 1, "a") || Is(k + 1, "p")) && Is(k + 2, ".") && Is(k + 3, "m"));
      if (colon == std::string::npos && meridiem_next) colon = t.find('.');
      // "0300 GMT", "2200 local time": four digits with a zone after them
      const bool zone_next =
          (Has(k + 1, Lex::kZone) && tokens_[k + 1].capitalized) || (Is(k + 1, "local") && Is(k + 2, "time"));
      const bool military = MilitaryClockAt(k);
      if (colon == std::string::npos && t.size() == 4 && (zone_next || military)) {
        if (!ParseDigits(t)) return std::nullopt;  // "(13.0 GMT)" is no clock
        hour = ToInt(t.substr(0, 2));
        minute = ToInt(t.substr(2));
        if (hour > 23 || minute > 59) return std::nullopt;
        colon = 2;  // read as "03:00"
      } else if (colon != std::string::npos) {
        if (colon == 0 || colon > 2 || t.size() - colon != 3) return std::nullopt;
        hour = ToInt(t.substr(0, colon));
        minute = ToInt(t.substr(colon + 1));
        if (hour > 24 || minute > 59) return std::nullopt;
      } else if (t.size() <= 2) {
        hour = ToInt(t);
      } else {
        return std::nullopt;
      }
      ++k;
      if (military) ++k;  // past "hrs"
      // am / pm / a.m. / p.m.
      bool meridiem = false;
      bool oclock = false;
      if (Is(k, "am") || Is(k, "pm")) {
        meridiem = true;
        if (Is(k, "pm") && hour < 12) hour += 12;
        if (Is(k, "am") && hour == 12) hour = 0;
        ++k;
      } else if ((Is(k, "a") || Is(k, "p")) && Is(k + 1, ".") && Is(k + 2, "m")) {
        meridiem = true;
        if (Is(k, "p") && hour < 12) hour += 12;
        if (Is(k, "a") && hour == 12) hour = 0;
        k += 3;
        if (Is(k, ".")) ++k;
      }
      // "10 o'clock", "4 in the morning", "4:30 in the morning", "9 at night"
      if (!meridiem && colon == std::string::npos && hour >= 1 && hour <= 12) {
        if (Is(k, "o'clock")) {
          meridiem = oclock = true;
          ++k;
        } else if (Is(k, "o") && Is(k + 1, "'") && Is(k + 2, "clock")) {  // "o’clock"
          meridiem = oclock = true;
          k += 3;
        }
      }
      if (!meridiem || oclock) {
        if (const size_t after = PartOfDayAfterHour(k, &hour); after != k) {
          meridiem = true;
          oclock = false;
          k = after;
        }
      }
      half_known = meridiem && !oclock;
      bare = !meridiem && colon == std::string::npos;
    } else if (const size_t q = Is(k, "a") ? k + 1 : k;
               (Is(q, "half") && Is(q + 1, "past")) || (Is(q, "quarter") && (Is(q + 1, "past") || Is(q + 1, "to")))) {
      // "half past nine", "a quarter past six", "quarter to ten": the hour is said in words
      // or digits, from 1 to 12.
      const std::optional<std::string> number = NumberAt(q + 2);
      const int said = number ? ToInt(*number) : 0;
      if (said < 1 || said > 12) return std::nullopt;
      hour = Is(q + 1, "to") ? (said == 1 ? 12 : said - 1) : said;
      minute = Is(q, "half") ? 30 : Is(q + 1, "to") ? 45 : 15;
      k = PartOfDayAfterHour(q + 3, &hour);
      half_known = k != q + 3;
    } else {
      return std::nullopt;
    }
    // "6 o'clock this afternoon", "at 9 last night", "11:30 tonight", "midnight last
    // night": the part of the day after the hour gives its day, and the hour's half
    // where nothing else did. A bare hour is one only so, and after a preposition: "at 8
    // this morning", not "rose to 6 this morning".
    static const WordSet kBeforeHour = {"at", "by", "until", "till", "from", "before", "after", "around", "about"};
    const std::optional<PartAfterClock> part = PartAfterClockAt(k, hour, half_known);
    if (bare && (!part || !(i > 0 && kBeforeHour.contains(tokens_[i - 1].lower)))) return std::nullopt;
    if (part) hour = part->hour;
    if (hour > 24) return std::nullopt;
    if (Has(k, Lex::kZone) && tokens_[k].capitalized) ++k;
    if (Is(k, "local") && Is(k + 1, "time"))
      k += 2;
    else if (Is(k, "(") && Is(k + 1, "local") && Is(k + 2, "time") && Is(k + 3, ")"))
      k += 4;
    std::string day = sentence_date_;
    std::string anchor;
    if (part) {  // a day near publication (PartAfterClockAt asks for one)
      Match m = Make(i, part->end, TimexType::kTime,
                     IsoDay(AddDays(*published_, part->day_offset)) + "T" + Format("%02d:%02d", hour, minute), false);
      m.anchor = PublishedLabel();
      m.day_named = true;
      return m;
    }
    // A weekday after the time names its day: "9 a.m. Tuesday", "10:35 a.m. (0735 GMT)
    // Friday", "noon Thursday".
    size_t w = k;
    std::string universal_day, universal_time;  // the local day of a universal time in brackets, if any
    if (Is(w, "(")) {
      while (w < tokens_.size() && w < k + 6 && !Is(w, ")")) ++w;
      if (Is(w, ")")) universal_day = LocalDayFromUniversal(k + 1, w, hour * 60 + minute, &universal_time);
      w = Is(w, ")") ? w + 1 : k;
    }
    if (Is(w, "on") || Is(w, ",")) ++w;
    // "2:35 PM EST, Tue November 14, 2023", "10:00, Tuesday, 14 November": a weekday, in
    // full or cut short, before the date it names.
    int date_weekday = -1;
    if (IsWord(w) && tokens_[w].capitalized && WeekdayFromName(Lower(w)) >= 0) {
      size_t d = w + 1;
      if (Is(d, ".")) ++d;
      if (Is(d, ",")) ++d;
      if (MonthAt(d) != 0 || (IsNumber(d) && MonthAt(d + 1) != 0)) date_weekday = WeekdayFromName(Lower(w)), w = d;
    }
    if (MonthAt(w) != 0 || (IsNumber(w) && MonthAt(w + 1) != 0)) {  // "5 p.m. EST Nov. 9", "14:30 on 3 March"
      if (std::optional<Match> date = AbsoluteDate(w); date && date->full_date && date->value.size() == 10) {
        // "6 p.m. Monday, Feb. 18": the weekday names a year the date leaves open, as before a
        // date alone (the tense asked only then: asking notes the sentence's tense)
        CivilDate named = *date->full_date;
        if (date_weekday >= 0 && !date->anchor.empty() && Weekday(named.year, named.month, named.day) != date_weekday) {
          named = OnWeekday(named, date_weekday, TenseAround(i, date->end_token));
        }
        day = IsoDay(named);
        anchor = date->anchor;
        k = date->end_token;
      }
    } else if (const int weekday = WeekdayAt(w); weekday >= 0) {
      if (std::optional<CivilDate> date = ResolveWeekday(weekday, TenseAround(i, w + 1, true), 0)) {
        day = IsoDay(*date);
        anchor = PublishedLabel();
        k = w + 1;
        // "10 o'clock on Tuesday night": the part of the day gives the half of a bare hour
        if (Has(k, Lex::kPart) && !Is(k, "overnight")) {
          if (!half_known && hour >= 1 && hour <= 12) hour = HourInPart(hour, tokens_[k].lower);
          ++k;
        }
      }
    } else if (std::optional<long> deictic = DeicticOffset(w); deictic && published_) {
      // "3 p.m. yesterday", "10:00 local time (08:00 GMT) tomorrow"
      day = IsoDay(AddDays(*published_, *deictic));
      anchor = PublishedLabel();
      k = w + 1;
    }
    if (day.empty() && !universal_day.empty()) {
      day = universal_day;
      anchor = universal_time + " (universal time)";
    }
    const bool day_named = !day.empty();
    // "from 8:30 a.m. to 12:30 p.m. Saturday", "between 6:50 and 7:30 a.m. Wednesday": the
    // opening time of a range takes the closing one's day, and the half of the day where
    // it states none ("from 3:15 to 5:15 p.m."; not "from 11 a.m. to 1 p.m.").
    if (RangeLinkAt(k, i)) {
      if (std::optional<Match> closing = ClockTime(k + 1); closing && closing->value.size() >= 16) {
        const int closing_hour = ToInt(closing->value.substr(11, 2));
        if (!half_known && hour < 12 && closing_hour >= 12 && hour + 12 <= closing_hour) hour += 12;
        if (day.empty() && closing->day_named) {
          day = closing->value.substr(0, 10);
          anchor = closing->anchor;
        }
      }
    }
    // "___. 6:05 p.m. Donald Trump is demanding ...": a bare clock opening its sentence
    // right before the next one's first word stamps an update of a live report, made on
    // publication's day, whatever day the story named before.
    if (day.empty() && published_ && IsWord(k) && tokens_[k].capitalized && !Has(k, Lex::kZone) && OnlyMarksBefore(i)) {
      day = IsoDay(*published_);
      anchor = PublishedLabel();
    }
    if (day.empty() && published_) {  // the day the text is about: the last one it named,
      // not counting the day of a statement ("late on Sunday, officials said on Monday")
      // about an event of the week before it
      const long event = event_date_ ? DaysFromCivil(event_date_->year, event_date_->month, event_date_->day) : 0;
      const long last = DaysFromCivil(last_date_->year, last_date_->month, last_date_->day);
      const bool event_first = event_date_ && event <= last && last - event <= 7;
      day = IsoDay(event_first ? *event_date_ : *last_date_);
      anchor = event_first ? IsoDay(*event_date_) + " (previous date)" : *last_date_label_;
    }
    if (day.empty()) day = "XXXX-XX-XX";
    Match m = Make(i, k, TimexType::kTime, day + "T" + Format("%02d:%02d", hour, minute), false);
    m.anchor = anchor;
    m.day_named = day_named;
    return m;
  }

  // "2 am (2300 GMT Monday)", "0200 local time (2300 GMT on Monday)": the universal time
  // in brackets from `begin` to `close` states its day, and the local clock (`local`
  // minutes after midnight) lies the zone's offset from it, an offset of -12 to +14
  // hours, the smallest that fits: 2 am after 2300 GMT is the next day (+3 hours),
  // 10 am before 1500 GMT the same (-5). The local day (YYYY-MM-DD), or "", and in
  // *universal_time the universal time it was counted from.
  std::string LocalDayFromUniversal(size_t begin, size_t close, int local, std::string* universal_time) const {
    if (local >= 24 * 60 || !IsNumber(begin) || !(Is(begin + 1, "gmt") || Is(begin + 1, "utc"))) return "";
    const std::optional<Match> universal = ClockTime(begin);
    if (!universal || universal->end_token != close || close <= begin + 2 || universal->value.size() != 16 ||
        !IsDigit(universal->value[0])) {
      return "";  // no day stated in the brackets
    }
    const std::optional<CivilDate> at = ParseDay(universal->value);
    if (!at) return "";
    const int clock = ToInt(universal->value.substr(11, 2)) * 60 + ToInt(universal->value.substr(14, 2));
    int offset = local - clock;
    for (int other : {offset - 24 * 60, offset + 24 * 60}) {
      if (other >= -12 * 60 && other <= 14 * 60 &&
          (offset < -12 * 60 || offset > 14 * 60 || std::abs(other) < std::abs(offset)))
        offset = other;
    }
    if (offset < -12 * 60 || offset > 14 * 60) return "";
    const int minutes = clock + offset;
    const long days = minutes < 0 ? -1 : minutes / (24 * 60);
    *universal_time = universal->value;
    return IsoDay(AddDays(*at, days));
  }

  // A four-digit year at token k, or 0.
  int YearAt(size_t k) const {
    if (!IsNumber(k) || tokens_[k].lower.size() != 4) return 0;
    int year = ToInt(std::string(tokens_[k].lower));
    return year >= 1000 && year <= 2200 ? year : 0;
  }
  // "this year", "last year", "next year" at token *k (also before "'s"): the year, and
  // *k moves past it.
  std::optional<int> NamedYear(size_t* k) const {
    if (!published_ || !(Is(*k, "this") || Is(*k, "last") || Is(*k, "next")) || !Is(*k + 1, "year")) {
      return std::nullopt;
    }
    int year = published_->year + (Is(*k, "last") ? -1 : Is(*k, "next") ? 1 : 0);
    *k += 2;
    return year;
  }

  // The named year after a month or a date: "March last year", "June 16th of last year";
  // *k moves past it.
  std::optional<int> NamedYearAfterDate(size_t* k) const {
    size_t after = Is(*k, "of") ? *k + 1 : *k;
    std::optional<int> year = NamedYear(&after);
    if (year) *k = after;
    return year;
  }

  // A quarter or half of a year written as a code: "Q3 2023", "H1 2024", "Q4 of 2022";
  // "in Q2" without a year after a preposition, the year the tense puts it in. A
  // capitalised word after it makes a name ("Q7 Sportback"), and a half needs its year
  // ("H1 visas").
  std::optional<Match> PeriodCode(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!(Is(i, "q") || Is(i, "h")) || !tokens_[i].capitalized || !IsNumber(i + 1) || !Adjacent(i + 1) ||
        Lower(i + 1).size() != 1 || (Adjacent(i + 2) && IsWord(i + 2))) {
      return std::nullopt;
    }
    const bool half = Is(i, "h");
    const int n = Lower(i + 1)[0] - '0';
    if (n < 1 || n > (half ? 2 : 4)) return std::nullopt;
    size_t end = i + 2;
    const size_t year_at = Is(end, "of") ? end + 1 : end;
    int year = YearAt(year_at);
    if (year != 0) {
      end = year_at + 1;
    } else {
      static const WordSet kBefore = {"in", "during", "by", "since", "for", "until", "through", "from", "to"};
      if (half || i == 0 || !kBefore.contains(Lower(i - 1)) || (IsWord(end) && tokens_[end].capitalized) ||
          Is(end, "-")) {
        return std::nullopt;
      }
    }
    const std::string code = std::string(1, half ? 'H' : 'Q') + std::to_string(n);
    Match m;
    if (year != 0)
      m = Make(i, end, TimexType::kDate, Format("%04d-", year) + code, false);
    else if (!published_)
      m = Make(i, end, TimexType::kDate, "XXXX-" + code, false);
    else  // the year of the quarter's first month, as for a month alone
      m = Make(i, end, TimexType::kDate, ResolveMonth((n - 1) * 3 + 1, TenseAround(i, end), 0).substr(0, 5) + code,
               true);
    m.names_quarter = !half && (year != 0 || published_);  // "the quarter" after it is this one
    return m;
  }

  // Quarters of a (financial) year: "the third quarter", "third-quarter", "the fiscal
  // first quarter", "the 1988 second quarter", "this year's third quarter", "the third
  // quarter of 1990". Without a number, "the quarter", "the latest quarter", "that
  // quarter", "the 1988 period" are the quarter the document has in view (the last one
  // it named), else the last complete one.
  std::optional<Match> Quarter(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    bool determiner = Is(k, "the") || Is(k, "that") || Is(k, "this") || Is(k, "its");
    if (determiner && !(Is(k, "this") && Is(k + 1, "year"))) ++k;
    int year = 0;
    bool stated_year = false;  // "1988", "of 1990": no anchor
    if (int stated = YearAt(k); stated != 0) {
      year = stated;
      stated_year = true;
      ++k;
    } else if (std::optional<int> possessive = NamedYear(&k)) {
      if (!PossessiveAt(k)) return std::nullopt;
      year = *possessive;
      k += 2;
    }
    if (year != 0 && PossessiveAt(k)) k += 2;  // "1988's"
    if (Is(k, "fiscal")) {
      ++k;
      if (Is(k, "-")) ++k;
    }
    int quarter = 0;
    bool latest = false;
    bool hyphenated = false;  // "third-quarter results": an adjective
    if (const int* ordinal = Find(lex_.ordinals, k, Lex::kOrdinal); ordinal != nullptr && *ordinal <= 4) {
      quarter = *ordinal;
      ++k;
      hyphenated = Is(k, "-");
      if (hyphenated) ++k;
      if (!Is(k, "quarter")) return std::nullopt;
    } else if (Is(k, "latest") || Is(k, "same") || Is(k, "current")) {
      latest = Is(k, "latest");
      ++k;
      if (!Is(k, "quarter") && !Is(k, "period")) return std::nullopt;
    } else if (k == i || !(Is(k, "quarter") || (year != 0 && Is(k, "period")))) {
      return std::nullopt;
    }
    // "its quarter-century low", "the quarter-to-quarter comparison": a compound, not a quarter
    if (Is(k, "quarter") && Is(k + 1, "-") && Adjacent(k + 1)) return std::nullopt;
    ++k;
    // "the third quarter of 1990", "the second quarter of last year"
    if (year == 0 && Is(k, "of")) {
      size_t after = k + 1;
      if (int stated = YearAt(after); stated != 0) {
        year = stated;
        stated_year = true;
        k = after + 1;
      } else if (std::optional<int> possessive = NamedYear(&after)) {
        year = *possessive;
        k = after;
      }
    }
    const bool in_view = last_quarter_ != nullptr && !last_quarter_->empty();
    if (quarter == 0 && Lower(k - 1) == "period" && !latest && !in_view) return std::nullopt;
    // A possessive stays outside ("its fourth quarter"), as does the determiner of an
    // adjective ("the third-quarter loss"), as TimeML corpora mark them.
    const size_t begin = determiner && (Is(i, "its") || (hyphenated && k == i + 4)) ? i + 1 : i;
    Match m = Make(begin, k, TimexType::kDate, "", true);
    m.names_quarter = quarter != 0;
    if (quarter == 0 && in_view && !(latest && year == 0)) {
      quarter = (*last_quarter_)[6] - '0';
      if (year == 0) year = ToInt(last_quarter_->substr(0, 4));
    }
    if (!published_ && year == 0) {
      m.value = quarter == 0 ? "XXXX-QX" : Format("XXXX-Q%d", quarter);
      return m;
    }
    if (quarter == 0 && !published_) {  // "the 1988 quarter" with no quarter in view and no date
      m.value = Format("%04d-QX", year);
      return m;
    }
    if (quarter == 0) {  // the last complete quarter
      CivilDate previous = AddMonths(*published_, -3);
      if (year == 0) year = previous.year;
      quarter = (previous.month - 1) / 3 + 1;
    } else if (year == 0) {
      int current = (published_->month - 1) / 3 + 1;
      year = quarter <= current ? published_->year : published_->year - 1;
    }
    m.value = Format("%04d-Q%d", year, quarter);
    if (stated_year) m.anchor.clear();
    // A quarter still to come in a forecast ("expect the slump to continue into the fourth
    // quarter") is no period results are reported for: "the year-ago period" after it
    // compares with the one in view before.
    if (m.names_quarter && !QuarterEnded(m.value) && TenseAround(begin, k) == Tense::kFuture) m.names_quarter = false;
    return m;
  }

  // "every week", "each year", "every Tuesday", "daily", "annually".
  std::optional<Match> SetRule(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    static const WordMap<std::string> kAdverbs = {{"daily", "P1D"},   {"nightly", "P1D"},  {"weekly", "P1W"},
                                                  {"monthly", "P1M"}, {"annually", "P1Y"}, {"yearly", "P1Y"},
                                                  {"hourly", "PT1H"}};
    // An adverb or adjective of frequency ("rallies held almost daily", "a daily basis",
    // "his weekly radio address") is a set; "daily" as a noun before a newspaper's name
    // ("the party daily Granma") is not.
    if (auto adverb = Lower(i).back() == 'y' ? kAdverbs.find(Lower(i)) : kAdverbs.end(); adverb != kAdverbs.end()) {
      if (tokens_[i].capitalized || (IsWord(i + 1) && tokens_[i + 1].capitalized)) return std::nullopt;
      return Make(i, i + 1, TimexType::kSet, adverb->second, false);
    }
    // The part of the day in the plural, at k ("nights"), if any.
    const auto parts_at = [this](size_t k) -> const std::string* {
      const std::string_view word = Lower(k);
      if (word.size() < 5 || word.back() != 's') return nullptr;
      const auto part = lex_.parts.find(word.substr(0, word.size() - 1));
      return part == lex_.parts.end() ? nullptr : &part->second;
    };
    // "on Friday nights", also the first of two: "Monday and Tuesday nights".
    if (const int weekday = WeekdayAt(i); weekday >= 0) {
      const bool first = (Is(i + 1, "and") || Is(i + 1, "or")) && WeekdayAt(i + 2) >= 0;
      const std::string* part = parts_at(first ? i + 3 : i + 1);
      if (part == nullptr) return std::nullopt;
      return Make(i, first ? i + 1 : i + 2, TimexType::kSet, Format("XXXX-WXX-%d", weekday + 1) + "T" + *part, false);
    }
    // "on Fridays", "most Sundays": a weekday in the plural.
    if (tokens_[i].capitalized && Lower(i).size() > 6 && Lower(i).back() == 's' && i > 0 &&
        (Is(i - 1, "on") || Is(i - 1, "most") || Is(i - 1, "some") || Is(i - 1, "many") || Is(i - 1, "all"))) {
      const std::string_view plural = Lower(i);
      if (const int weekday = WeekdayFromName(plural.substr(0, plural.size() - 1)); weekday >= 0) {
        std::string value = Format("XXXX-WXX-%d", weekday + 1);
        size_t end = i + 1;
        if (const std::string* part = parts_at(end); part != nullptr) {
          value += "T" + *part;
          ++end;
        }
        return Make(i, end, TimexType::kSet, std::move(value), false);
      }
    }
    // "twice a week", "once a month", "three times a year": a set of the unit.
    if (Is(i, "once") || Is(i, "twice") || ((IsNumber(i) || Has(i, Lex::kNumberWord)) && Is(i + 1, "times"))) {
      const size_t k = Is(i + 1, "times") ? i + 2 : i + 1;
      if (!Is(k, "a") && !Is(k, "an") && !Is(k, "per")) return std::nullopt;
      const std::string* unit = Find(lex_.units, k + 1, Lex::kUnit);
      // Not "once a year ago": "once" and a distance back.
      if (unit == nullptr || Lower(k + 1).back() == 's' || Is(k + 2, "ago") || Is(k + 2, "earlier") ||
          Is(k + 2, "later")) {
        return std::nullopt;
      }
      return Make(i, k + 2, TimexType::kSet, DurationValue("1", *unit), false);
    }
    if (!Is(i, "every") && !Is(i, "each")) return std::nullopt;
    size_t k = i + 1;
    int weekday = WeekdayAt(k);
    if (weekday >= 0) return Make(i, k + 1, TimexType::kSet, Format("XXXX-WXX-%d", weekday + 1), false);
    // "each July", "every summer"
    if (int month = MonthAt(k); month != 0) return Make(i, k + 1, TimexType::kSet, Format("XXXX-%02d", month), false);
    if (const std::string* season = Find(lex_.seasons, k, Lex::kSeason); season != nullptr && !Is(k, "fall")) {
      return Make(i, k + 1, TimexType::kSet, "XXXX-" + *season, false);
    }
    std::string count = "1";
    if (std::optional<std::string> n = NumberAt(k); n && *n != "X") {  // "every 2 weeks", "every two years"
      count = *n;
      ++k;
    } else if (Is(k, "other")) {  // "every other day": one in two
      count = "2";
      ++k;
    }
    const std::string* unit = Find(lex_.units, k, Lex::kUnit);
    if (unit == nullptr) return std::nullopt;
    return Make(i, k + 1, TimexType::kSet, DurationValue(count, *unit), false);
  }

  // "will one day be", "could one day return": some time to come, not a day's length.
  bool SomedayAt(size_t i) const {
    static const WordSet kModals = {"will", "would", "could", "may", "might", "can", "should", "must", "'ll"};
    return Is(i, "one") && Is(i + 1, "day") && i > 0 && kModals.contains(tokens_[i - 1].lower);
  }

  // "will soon begin", "may soon seek", "plan to strike again soon": some time to come.
  // Not a conjunction ("as soon as", "soon after the vote"), a degree ("too soon", "so
  // soon"), an adjective ("the soon-to-be minister", "a report soon to be released") or a
  // past told ("was soon released", "soon became").
  bool SoonAt(size_t i) const {
    if (!Is(i, "soon")) return false;
    static const WordSet kBefore = {"as", "too", "so", "how", "very"};
    static const WordSet kAfter = {"as", "after", "afterward", "afterwards", "thereafter", "enough", "-", "to"};
    if ((i > 0 && kBefore.contains(Lower(i - 1))) || kAfter.contains(Lower(i + 1))) return false;
    // the verbs next to it first ("was soon released", "soon became"): "soon" itself marks
    // the future for the words around it
    if (i > 0 && Has(i - 1, Lex::kPast)) return false;
    if (TenseAt(i + 1, false) == Tense::kPast) return false;
    return TenseAround(i, i + 1) != Tense::kPast;
  }

  // "now", "currently", "recently", "the past", "the future", "soon", "will one day".
  std::optional<Match> Reference(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (SomedayAt(i)) return Make(i, i + 2, TimexType::kDate, "FUTURE_REF", true);
    if (Is(i, "now") || Is(i, "currently") || Is(i, "nowadays")) {
      return Make(i, i + 1, TimexType::kDate, "PRESENT_REF", true);
    }
    if (Is(i, "recently")) return Make(i, i + 1, TimexType::kDate, "PAST_REF", true);
    if (SoonAt(i)) return Make(i, i + 1, TimexType::kDate, "FUTURE_REF", true);
    // "few people travel these days", "these days are hard" (not "these days' events")
    if (Is(i, "these") && Is(i + 1, "days") && !Is(i + 2, "'"))
      return Make(i, i + 2, TimexType::kDate, "PRESENT_REF", true);
    if (Is(i, "current") && !Is(i + 1, "account")) return Make(i, i + 1, TimexType::kDate, "PRESENT_REF", true);
    // "Elian's future", "our future" (a noun); not "future payments", "the foreseeable
    // future" (a modifier; a phrase with no reference to the time of events).
    // A capitalised "Future" inside a sentence is a name ("Future45", "Future Movement").
    if (Is(i, "future") && !Is(i - 1, "the") && !Is(i - 1, "foreseeable") &&
        !(tokens_[i].capitalized && i > 0 && IsWord(i - 1) && !title_case_)) {
      if (!IsWord(i + 1) || IsFunctionWord(i + 1)) return Make(i, i + 1, TimexType::kDate, "FUTURE_REF", true);
      if (Has(i + 1, Lex::kUnit) && Lower(i + 1).back() == 's') {  // "future quarters"
        return Make(i, i + 2, TimexType::kDate, "FUTURE_REF", true);
      }
    }
    // "in recent years": an unstated number of years, TIMEX3 style (PXY).
    if (const std::string* unit = Is(i, "recent") ? Find(lex_.units, i + 1, Lex::kUnit) : nullptr;
        unit != nullptr && Lower(i + 1).back() == 's') {
      return Make(i, i + 2, TimexType::kDuration, DurationValue("X", *unit), false);
    }
    if (Is(i, "the") && Is(i + 1, "past") && !NumberAt(i + 2) && !Has(i + 2, Lex::kUnit) && !Has(i + 2, Lex::kSeason) &&
        WeekdayAt(i + 2) < 0 && !Is(i + 2, "few")) {
      return Make(i, i + 2, TimexType::kDate, "PAST_REF", true);
    }
    // not "the future of the talks", "the future of our peoples": their prospects
    if (Is(i, "the") && Is(i + 1, "future") && !InName(i + 1) && !Is(i + 2, "of")) {
      return Make(i, i + 2, TimexType::kDate, "FUTURE_REF", true);
    }
    // "in the near term", "over the long term", "at a later date": some time to come (not
    // a modifier: "the short-term debt", "the long term effects").
    if (Is(i, "the") && (Is(i + 1, "near") || Is(i + 1, "short") || Is(i + 1, "long")) && Is(i + 2, "term") &&
        !Is(i + 3, "-") && (!IsWord(i + 3) || IsFunctionWord(i + 3))) {
      return Make(i, i + 3, TimexType::kDate, "FUTURE_REF", true);
    }
    if (Is(i, "a") && Is(i + 1, "later") && Is(i + 2, "date"))
      return Make(i, i + 3, TimexType::kDate, "FUTURE_REF", true);
    // "I met him the other day": a day lately ("every other day" is a set's)
    if (Is(i, "the") && Is(i + 1, "other") && Is(i + 2, "day") && !Is(i + 3, "'") && !IsWord(i + 3)) {
      return Make(i, i + 3, TimexType::kDate, "PAST_REF", true);
    }
    // "for a while", "after a while": a length of no stated unit.
    if (Is(i, "a") && Is(i + 1, "while") && i > 0 && (Is(i - 1, "for") || Is(i - 1, "after") || Is(i - 1, "in"))) {
      return Make(i, i + 2, TimexType::kDuration, "PXX", false);
    }
    return std::nullopt;
  }

  // A quarter ("1989-Q3") that ended by publication: a period results are reported for.
  bool QuarterEnded(const std::string& value) const {
    if (!published_ || value.size() != 7 || value[5] != 'Q' || !IsDigit(value[6])) return true;
    const int year = ToInt(value.substr(0, 4)), quarter = value[6] - '0';
    return year < published_->year || (year == published_->year && quarter * 3 < published_->month);
  }

  // "the year-earlier quarter", "the year-ago period", "year-earlier": the period in view
  // (the last quarter named) a year before.
  std::optional<Match> YearEarlier(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    if (Is(k, "the")) ++k;
    if (!Is(k, "year") || !Is(k + 1, "-") || !(Is(k + 2, "earlier") || Is(k + 2, "ago"))) return std::nullopt;
    size_t end = k + 3;
    if (Is(end, "quarter") || Is(end, "period"))
      ++end;
    else if (Has(end, Lex::kOrdinal) && Is(end + 1, "quarter"))
      end += 2;
    if (last_quarter_ != nullptr && !last_quarter_->empty()) {
      int year = ToInt(last_quarter_->substr(0, 4)) - 1;
      return Make(i, end, TimexType::kDate, Format("%04d", year) + last_quarter_->substr(4), true);
    }
    if (!published_) return std::nullopt;
    return Make(i, end, TimexType::kDate, Format("%04d", published_->year - 1), true);
  }

  // "the weekend": the last one in a past-tense sentence, else the coming one.
  std::optional<Match> Weekend(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!Is(i, "the") || !Is(i + 1, "weekend")) return std::nullopt;
    if (!published_) return Make(i, i + 2, TimexType::kDate, "XXXX-WXX-WE", true);
    int weekday = Weekday(published_->year, published_->month, published_->day);
    const Tense tense = TenseAround(i, i + 2);
    bool past = tense == Tense::kPast || tense == Tense::kSince || tense == Tense::kUnknown;
    // On a Sunday a deadline ("will continue through the weekend") still lies in this one.
    const bool deadline = i > 0 && DeadlineWordAt(i - 1);
    CivilDate saturday = past ? AddDays(*published_, -((weekday + 2) % 7 == 0 ? 7 : (weekday + 2) % 7))
                         : weekday == 6 && deadline ? AddDays(*published_, -1)
                                                    : SaturdayFrom(*published_);
    return Make(i, i + 2, TimexType::kDate, IsoWeek(saturday) + "-WE", true);
  }

  // "the week of March 6": that date's week; "the weekend of October 7-8": its weekend.
  std::optional<Match> WeekOf(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!Is(i, "the") || !(Is(i + 1, "week") || Is(i + 1, "weekend")) || !Is(i + 2, "of") || MonthAt(i + 3) == 0) {
      return std::nullopt;
    }
    std::optional<Match> date = AbsoluteDate(i + 3);
    if (!date || !date->full_date) return std::nullopt;
    Match m = Make(i, date->end_token, TimexType::kDate,
                   IsoWeek(*date->full_date) + (Is(i + 1, "weekend") ? "-WE" : ""), false);
    m.anchor = date->anchor;
    return m;
  }

  // "that year", "the same year", "later that year", "the following year", "the year
  // before": the year of the last date named (publication's when none was).
  std::optional<Match> AnaphoricYear(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    if (Is(k, "later") || Is(k, "earlier")) ++k;
    int offset = 0;
    size_t end;
    if (Is(k, "that") && Is(k + 1, "year")) {
      end = k + 2;
    } else if (Is(k, "the") && Is(k + 2, "year") &&
               (Is(k + 1, "same") || Is(k + 1, "following") || Is(k + 1, "previous") || Is(k + 1, "preceding"))) {
      offset = Is(k + 1, "following") ? 1 : Is(k + 1, "same") ? 0 : -1;
      end = k + 3;
    } else if (Is(k, "the") && Is(k + 1, "year") && (Is(k + 2, "before") || Is(k + 2, "after")) && !Is(k + 3, "last") &&
               !IsNumber(k + 3)) {
      offset = Is(k + 2, "after") ? 1 : -1;
      end = k + 3;
    } else {
      return std::nullopt;
    }
    if (k > i && offset != 0) return std::nullopt;  // "later the following year" is not said
    int year = last_year_ != 0 ? last_year_ : published_ ? published_->year : 0;
    if (year == 0) return Make(i, end, TimexType::kDate, "XXXX", false);
    Match m = Make(i, end, TimexType::kDate, Format("%04d", year + offset), false);
    m.anchor = Format("%04d", year) + (last_year_ != 0 ? " (previous date)" : " (published)");
    return m;
  }

  // "the first Monday of December", "the last Friday in March", "the second week of
  // October", "the last week of January 2024": that day, or that week (the ISO week
  // holding four of its days in the month), in the month's year as the tense resolves it.
  std::optional<Match> OrdinalInMonth(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i + 1;
    int nth = 0;
    if (Is(k, "last") || Is(k, "final")) {
      nth = -1;
      ++k;
    } else if (const size_t after = OrdinalEnd(k); after != 0) {
      nth = IsNumber(k) ? ToInt(std::string(tokens_[k].lower)) : *Find(lex_.ordinals, k, Lex::kOrdinal);
      k = after;
    }
    if (nth == 0 || nth > 5) return std::nullopt;
    const bool week = Is(k, "week");
    const int weekday = WeekdayAt(k);
    if ((!week && weekday < 0) || !(Is(k + 1, "of") || Is(k + 1, "in"))) return std::nullopt;
    const int month = MonthAt(k + 2);
    if (month == 0) return std::nullopt;
    size_t end = k + 3;
    if (Is(end, ".") && IsMonthAbbreviation(Lower(k + 2)) && Adjacent(end)) ++end;
    int year = 0;
    std::string anchor;
    if (size_t y = Is(end, ",") ? end + 1 : end; YearAt(y) != 0) {
      year = YearAt(y);
      end = y + 1;
    } else if (size_t after = end; std::optional<int> named = NamedYearAfterDate(&after)) {
      year = *named;
      end = after;
      anchor = PublishedLabel();
    } else if (published_) {
      year = ToInt(ResolveMonth(month, TenseAround(i, end), 0).substr(0, 4));
      anchor = PublishedLabel();
    } else {
      return std::nullopt;
    }
    const int days = DaysInMonth(year, month);
    if (week) {
      Match m = Make(i, end, TimexType::kDate, IsoWeek(CivilDate{year, month, nth > 0 ? 7 * (nth - 1) + 4 : days - 3}),
                     false);
      m.anchor = anchor;
      return m;
    }
    const int day = NthWeekdayOfMonth(year, month, nth, weekday);
    if (day == 0) return std::nullopt;
    return MakeDay(i, end, CivilDate{year, month, day}, "", anchor);
  }

  // "later in" or "earlier in" comes before token i.
  bool AfterLaterIn(size_t i) const {
    return i >= 2 && Is(i - 1, "in") && (Is(i - 2, "later") || Is(i - 2, "earlier"));
  }

  // "later in the week", "earlier in the month": the week or month of the last day named
  // (publication's when none was), as "later in the day" is that day.
  std::optional<Match> WeekOrMonthOfLastDay(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!AfterLaterIn(i) || !(Is(i + 1, "week") || Is(i + 1, "month")) || !published_) {
      return std::nullopt;
    }
    const CivilDate day = *last_date_;
    Match m = Make(i, i + 2, TimexType::kDate,
                   Is(i + 1, "week") ? IsoWeek(day) : Format("%04d-%02d", day.year, day.month), false);
    m.anchor = *last_date_label_;
    return m;
  }

  // "the next day", "the following day", "the day before", "that day", "the same day";
  // with a part of the day in place of "day": "the next morning", "that night".
  std::optional<Match> AnaphoricDay(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    auto day_word = [this](size_t k) { return Is(k, "day") || (Has(k, Lex::kPart) && !Is(k, "overnight")); };
    long offset;
    size_t word;  // the token of "day" or the part of the day
    // "Today is the eighth day of the operation", "It's the second day of an offensive":
    // in the present tense, the day of publication.
    if (const size_t day = Is(i, "the") ? OrdinalEnd(i + 1) : 0;
        day != 0 && Is(day, "day") && (Is(day + 1, "of") || Is(day + 1, "in")) && published_ && i >= 1 &&
        (Is(i - 1, "is") || Is(i - 1, "marks") || (i >= 2 && Is(i - 1, "s") && Is(i - 2, "'")))) {
      return MakeDay(i, day + 1, *published_, "", PublishedLabel());
    }
    if (Is(i, "the") && Is(i + 1, "day") && AfterLaterIn(i))
      offset = 0, word = i + 1;  // "later in the day" (not "the day before" in "later in the day before leaving")
    else if (Is(i, "the") && (Is(i + 1, "next") || Is(i + 1, "following")) && day_word(i + 2))
      offset = 1, word = i + 2;
    else if (Is(i, "the") && (Is(i + 1, "previous") || Is(i + 1, "preceding")) && day_word(i + 2))
      offset = -1, word = i + 2;
    else if (Is(i, "the") && day_word(i + 1) && Is(i + 2, "before") && !Is(i + 3, "yesterday"))
      offset = -1, word = i + 1;
    else if (Is(i, "the") && day_word(i + 1) && Is(i + 2, "after") && !Is(i + 3, "tomorrow"))
      offset = 1, word = i + 1;
    else if (Is(i, "that") && day_word(i + 1))
      offset = 0, word = i + 1;
    else if (Is(i, "the") && Is(i + 1, "same") && day_word(i + 2))
      offset = 0, word = i + 2;
    else
      return std::nullopt;
    const size_t end = word == i + 1 && offset != 0 ? i + 3 : word + 1;  // past "before" / "after"
    // "Oct. 12, the day before the plunge": an apposition, the same day.
    if (end == i + 3 && i >= 2 && Is(i - 1, ",") && previous_end_ == i - 1 && previous_was_day_) {
      return MakeDay(i, end, *last_date_, "", *last_date_label_);
    }
    // "the day before last Tuesday's hearing", "the day after Christmas": a day from that date.
    if (end == i + 3 && published_) {
      if (std::optional<Match> date = NamedDayAt(end)) {
        return MakeDay(i, date->end_token, AddDays(*date->full_date, offset), "", date->anchor);
      }
    }
    // "the morning after the debate", "the day before authorities issued a warrant" with
    // no date named before it: the day of that event is not known, and publication's
    // neighbour would be a guess.
    if (end == i + 3 && IsWord(end) && !Is(end, "last") && !Is(end, "and") && !Is(end, "or") &&
        *last_date_label_ == PublishedLabel()) {
      return std::nullopt;
    }
    const std::string* part = Find(lex_.parts, word, Lex::kPart);
    if (!published_) {
      Match m = MakeDay(i, end, std::nullopt, "XXXX-XX-XX", "");
      if (part != nullptr) WithPartOfDay(&m, *part);
      return m;
    }
    const CivilDate day = AddDays(*last_date_, offset);
    // "came forward the day after Greene's death" when the last date named is still to come:
    // a past event cannot follow publication, so that date is not this event's.
    if (end == i + 3 && IsWord(end) && DayNumber(day) > DayNumber(*published_) && TenseAround(i, end) == Tense::kPast) {
      return std::nullopt;
    }
    Match m = MakeDay(i, end, day, "", *last_date_label_);
    if (part != nullptr) WithPartOfDay(&m, *part);
    return m;
  }

  // A day named at token k, to count from or to take a part of: a date ("14 February",
  // "Thursday, Jan. 6"), a weekday ("last Tuesday") or a holiday ("Christmas").
  std::optional<Match> NamedDayAt(size_t k) const {
    if (k >= tokens_.size()) return std::nullopt;
    if (k >= Size()) return std::nullopt;
    std::optional<Match> date = AbsoluteDate(k);
    if (!date) date = WeekdayRule(k);
    if (!date) date = HolidayRule(k);
    if (!date) date = DayOfMonth(k, true);  // "the morning of the 13th"
    if (!date || !date->full_date || date->type != TimexType::kDate || date->value.size() != 10) return std::nullopt;
    return date;
  }

  // "on the 14th", "by the 3rd": a day of the month alone. It falls in the month of the
  // last date named; with none named but publication ("today"), in the month the tense
  // points to. `after_part`: asked after a part of the day and "of" ("the morning of
  // the 13th").
  std::optional<Match> DayOfMonth(size_t i, bool after_part = false) const {
    static const WordSet kBefore = {"on", "by", "since", "until", "till", "from", "before", "after", "to"};
    if (i == 0 || !Is(i, "the") || !IsNumber(i + 1) || tokens_[i + 1].lower.size() > 2 ||
        !(after_part || kBefore.contains(tokens_[i - 1].lower))) {
      return std::nullopt;
    }
    const size_t end = OrdinalEnd(i + 1);
    // "the 11th Circuit", "the 25th anniversary", "the 14th of February" (a date's own rule)
    if (end == 0 || (IsWord(end) && !IsFunctionWord(end)) || (Is(end, "of") && MonthAt(end + 1) != 0)) {
      return std::nullopt;
    }
    // "from the 17th through 19th centuries", "the 18th and 19th century": centuries
    if (const size_t second = IsNumber(end + 1) ? OrdinalEnd(end + 1) : 0;
        second != 0 && (Is(second, "century") || Is(second, "centuries"))) {
      return std::nullopt;
    }
    const int day = ToInt(std::string(tokens_[i + 1].lower));
    if (day < 1 || day > 31) return std::nullopt;
    if (!published_) return MakeDay(i, end, std::nullopt, Format("XXXX-XX-%02d", day), "");
    // A date other than publication's was named ("on Sept. 10 ... on the 14th"): its month.
    const bool named = DayNumber(*last_date_) != DayNumber(*published_);
    if (named) {
      if (!IsValidDate(last_date_->year, last_date_->month, day)) return std::nullopt;
      return MakeDay(i, end, CivilDate{last_date_->year, last_date_->month, day}, "", *last_date_label_);
    }
    // As for a weekday, a past verb rules out a day still to come.
    Tense tense = TenseAround(i, end);
    if (tense == Tense::kPast) tense = Tense::kSince;
    const CivilDate month{published_->year, published_->month, 1};
    const CivilDate before = AddMonths(month, -1), after = AddMonths(month, 1);
    std::optional<CivilDate> date = NearestByTense(
        {{before.year, before.month, day}, {month.year, month.month, day}, {after.year, after.month, day}}, tense);
    return MakeDay(i, end, date, Format("XXXX-XX-%02d", day), PublishedLabel());
  }

  // "the summer", "the early spring", "in winter": the season of publication's year
  // that the tense points to (past: the latest begun; future: the next to begin).
  std::optional<Match> Season(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    const bool with_the = Is(k, "the");
    if (with_the) ++k;
    if (IsEdge(k)) ++k;
    if (Is(k, "-")) ++k;
    const std::string* season = Find(lex_.seasons, k, Lex::kSeason);
    if (season == nullptr || tokens_[k].capitalized) return std::nullopt;
    static const WordSet kBefore = {"in",   "during",  "by",         "until",  "till",  "since",
                                    "over", "through", "throughout", "before", "after", "into"};
    const bool preposition = i > 0 && kBefore.count(Lower(i - 1));
    // "summer" alone: "in summer", "in late autumn", "before winter"
    if (!with_the && !((k == i || IsEdge(i)) && preposition)) return std::nullopt;
    // "the fall of Kabul", "the fall in prices", "the spring offensive"
    if (IsWord(k + 1) && (!IsFunctionWord(k + 1) || Is(k + 1, "of"))) return std::nullopt;  // "of 2020": the year's
    if (YearAt(k + 1) != 0) return std::nullopt;  // "the summer 2022 counteroffensive": the year's rule
    if (Is(k, "fall") && !preposition) return std::nullopt;
    if (!published_) return Make(i, k + 1, TimexType::kDate, "XXXX-" + *season, true);
    const int first = SeasonFirstMonth(*season);
    const int month = published_->month;
    // Months since the season last began (winter begins in December).
    const int since = (month - first + 12) % 12;
    int year = published_->year;
    const Tense tense = TenseAround(i, k + 1);
    if (tense == Tense::kFuture && since > 2) {
      if (month > first) year += 1;  // the next one to begin
    } else if (month < first) {
      year -= 1;  // the latest begun
    }
    return Make(i, k + 1, TimexType::kDate, Format("%04d-", year) + *season, true);
  }

  // The token after an ordinal at k ("third", "100th", "21st"), or 0 when none is there.
  size_t OrdinalEnd(size_t k) const {
    if (Has(k, Lex::kOrdinal)) return k + 1;
    if (IsNumber(k) && Adjacent(k + 1) && (Is(k + 1, "th") || Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd"))) {
      return k + 2;
    }
    return 0;
  }

  // "the 20th century", "11th-century", "the nineteenth century": the century's two
  // leading digits (19, 10, 18).
  std::optional<Match> Century(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    if (Is(k, "the")) ++k;
    const size_t after = OrdinalEnd(k);
    if (after == 0 || (IsNumber(k) && tokens_[k].lower.size() > 2)) return std::nullopt;
    const int n = IsNumber(k) ? ToInt(std::string(tokens_[k].lower)) : *Find(lex_.ordinals, k, Lex::kOrdinal);
    k = after;
    if (Is(k, "-")) ++k;
    if (!Is(k, "century") || n < 1 || n > 22) return std::nullopt;
    // "the 11th century temple": "the" is the temple's
    const size_t begin = Is(i, "the") && IsWord(k + 1) && !IsFunctionWord(k + 1) ? i + 1 : i;
    return Make(begin, k + 1, TimexType::kDate, Format("%02d", n - 1), false);
  }

  // "the year", "the full year", "the fiscal year": the year of publication; "the
  // year ended June 30" is the twelve months to that date (P1Y).
  std::optional<Match> TheYear(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!Is(i, "the")) return std::nullopt;
    size_t k = i + 1;
    if (Is(k, "full") || Is(k, "fiscal") || Is(k, "calendar")) ++k;
    if (!Is(k, "year") || tokens_[k].capitalized) return std::nullopt;  // "Person of the Year"
    const size_t end = k + 1;
    static const WordSet kNotAfter = {"-", "before", "after", "ago", "earlier", "later", "since", "in", "two"};
    if (kNotAfter.count(Lower(end)) || IsNumber(end)) return std::nullopt;
    if (Is(end, "ended") || Is(end, "ending") || Is(end, "to")) {
      return Make(i, end, TimexType::kDuration, "P1Y", false);
    }
    if (!published_) return Make(i, end, TimexType::kDate, "XXXX", true);
    return Make(i, end, TimexType::kDate, Format("%04d", published_->year), true);
  }

  // "year-end", "year's end", "year end": the end of the year of publication (of the
  // year before after "since").
  std::optional<Match> YearEnd(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    if (!Is(k, "year")) return std::nullopt;
    if (Is(k + 1, "-") && Adjacent(k + 1) && Is(k + 2, "end") && Adjacent(k + 2))
      k += 2;
    else if (Is(k + 1, "end"))
      k += 1;
    else if (Is(k + 1, "'") && Is(k + 2, "s") && Is(k + 3, "end"))
      k += 3;
    else
      return std::nullopt;
    if (!published_) return Make(i, k + 1, TimexType::kDate, "XXXX", true);
    const int year = published_->year - (Is(i - 1, "since") ? 1 : 0);
    return Make(i, k + 1, TimexType::kDate, Format("%04d", year), true);
  }

  // "the end of the year", "the beginning of March", "the middle of next week": the
  // period named (TIMEX3 would add a modifier; the value is the period).
  std::optional<Match> PartOfPeriod(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!Is(i, "the") || !(Is(i + 1, "end") || Is(i + 1, "beginning") || Is(i + 1, "start") || Is(i + 1, "middle")) ||
        !Is(i + 2, "of")) {
      return std::nullopt;
    }
    const size_t k = i + 3;
    std::optional<Match> inner;
    for (std::optional<Match> candidate : {RelativeUnit(k), MonthAlone(k), YearRule(k), TheYear(k), Quarter(k)}) {
      if (candidate && candidate->begin_token == k && candidate->type == TimexType::kDate &&
          (!inner || candidate->end_token > inner->end_token)) {
        inner = std::move(candidate);
      }
    }
    if (!inner && Is(k, "the") && (Is(k + 1, "month") || Is(k + 1, "week")) && published_) {
      inner = Make(k, k + 2, TimexType::kDate,
                   Is(k + 1, "month") ? Format("%04d-%02d", published_->year, published_->month) : IsoWeek(*published_),
                   true);
    }
    if (!inner) return std::nullopt;
    inner->begin_token = i;
    inner->names_quarter = false;
    return inner;
  }

  // "mid-afternoon", "early morning yesterday", "by the afternoon": a part of the day
  // in view (the day named after it, else the last date named, publication's at first).
  std::optional<Match> PartOfDay(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    size_t k = i;
    const bool with_the = Is(k, "the");
    if (with_the) ++k;
    const bool modified = IsEdge(k);
    if (modified) {
      ++k;
      if (Is(k, "-") && Adjacent(k) && Adjacent(k + 1)) ++k;
    }
    const std::string* part = Find(lex_.parts, k, Lex::kPart);
    if (part == nullptr || Is(k, "overnight") || (!with_the && !modified)) return std::nullopt;
    size_t end = k + 1;
    std::optional<Match> day;
    if (Is(end, "yesterday") || Is(end, "today") || Is(end, "tomorrow")) {
      day = DeicticDay(end);
    } else if (WeekdayAt(end) >= 0) {
      day = WeekdayRule(end);
    } else if (Is(end, "of") && with_the) {
      // "the night of 14 February", "the morning of Tuesday": the day (TimeML corpora
      // give these the date alone)
      if (std::optional<Match> date = NamedDayAt(end + 1)) {
        date->begin_token = i;
        return date;
      }
    }
    if (day && day->value.size() >= 10) {
      Match m = *day;
      m.begin_token = i;
      m.value = m.value.substr(0, 10);
      WithPartOfDay(&m, *part);
      return m;
    }
    // "the morning session", "late night shows": a modifier
    if (IsWord(end) && !IsFunctionWord(end)) return std::nullopt;
    static const WordSet kBefore = {"in", "by", "during", "until", "throughout", "into", "through"};
    if (with_the && !(i > 0 && kBefore.contains(tokens_[i - 1].lower))) {
      return std::nullopt;  // "the evening news", "spent the night"
    }
    if (!published_) return MakeDay(i, end, std::nullopt, "XXXX-XX-XXT" + *part, "");
    Match m = MakeDay(i, end, *last_date_, "", *last_date_label_);
    WithPartOfDay(&m, *part);
    return m;
  }

  // "between 2 and 5 March", "on 19-20 September", "from 19 to 21 September": a day
  // number before a range's second date takes that date's month and year.
  std::optional<Match> DayOpeningARange(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    static const WordSet kBefore = {"on", "between", "from", "of", "since", "until", "by", "during", "(", ","};
    if (i == 0 || !IsNumber(i) || tokens_[i].lower.size() > 2 || !kBefore.contains(tokens_[i - 1].lower) ||
        !IsDayLink(i + 1) || !IsNumber(i + 2)) {
      return std::nullopt;
    }
    std::optional<Match> second = AbsoluteDate(i + 2);
    const int day = ToInt(std::string(tokens_[i].lower));
    if (!second || !second->full_date || MonthAt(i + 3) == 0 || day >= second->full_date->day) return std::nullopt;
    return MakeDay(i, i + 1, CivilDate{second->full_date->year, second->full_date->month, day}, "", second->anchor);
  }

  // "9/11", "the 9/11 attacks", "since 9/11": the day of the attacks on the United States,
  // a name more than a date; written alone, not inside a longer date or a fraction.
  std::optional<Match> NineEleven(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (!Is(i, "9") || !Is(i + 1, "/") || !Is(i + 2, "11") || !Adjacent(i + 1) || !Adjacent(i + 2)) {
      return std::nullopt;
    }
    const auto joined = [this](size_t k) { return Is(k, "/") || Is(k, ".") || IsNumber(k) || IsWord(k); };
    if ((i > 0 && Adjacent(i) && joined(i - 1)) || (Adjacent(i + 3) && joined(i + 3) && !Is(i + 3, "."))) {
      return std::nullopt;  // "12/9/11", "9/11/1975", "9/11ths"; but "(9/11)", "9/11-era", "9/11."
    }
    return MakeDay(i, i + 3, CivilDate{2001, 9, 11}, "", "");
  }

  // "April 24 and 25", "Sept. 19 or 20", "September 19-20": a day number after a month and day takes
  // that month, and the year of the date before it.
  std::optional<Match> CoordinatedDay(size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (i < 3 || !IsNumber(i) || tokens_[i].lower.size() > 2 || !IsDayLink(i - 1)) {
      return std::nullopt;
    }
    if (!IsNumber(i - 2) || tokens_[i - 2].lower.size() > 2) return std::nullopt;
    size_t month_at = Is(i - 3, ".") ? i - 4 : i - 3;
    int month = MonthAt(month_at);
    // "and 25 people" is a count; "October 14-15 left 12 dead", written close up, a day.
    // So is a later day closing "between October 7 and 10" or "from May 2 to 5".
    const bool close_up = IsDash(i - 1) && Adjacent(i - 1) && Adjacent(i);
    int day = ToInt(std::string(tokens_[i].lower));
    const bool closes_range =
        month_at > 0 && day > ToInt(std::string(tokens_[i - 2].lower)) &&
        ((Is(month_at - 1, "between") && Is(i - 1, "and")) ||
         (Is(month_at - 1, "from") && (Is(i - 1, "to") || Is(i - 1, "until") || Is(i - 1, "through"))));
    if (month == 0 || (IsWord(i + 1) && !IsFunctionWord(i + 1) && !close_up && !closes_range)) return std::nullopt;
    size_t end = i + 1;
    std::optional<CivilDate> date;
    std::string anchor;
    if (Is(end, ",") && YearAt(end + 1) != 0) {
      date = CivilDate{YearAt(end + 1), month, day};
      end += 2;
    } else if (published_ && last_date_->month == month) {
      date = CivilDate{last_date_->year, month, day};
      anchor = *last_date_label_;
    } else {
      date = ResolveMonthDay(month, day, TenseAround(i, end));
      anchor = PublishedLabel();
    }
    if (date && !IsValidDate(date->year, date->month, date->day)) return std::nullopt;
    return MakeDay(i, end, date, Format("XXXX-%02d-%02d", month, day), anchor);
  }

  std::string_view text_;
  const std::vector<TimeToken>& tokens_;
  const TimeTagger::Lexicon& lex_;
  std::optional<CivilDate> published_;
  std::string published_label_;
  CivilDate* last_date_;
  std::string* last_date_label_;
  std::string sentence_date_;         // the last full date stated in this sentence, for clock times
  bool sentence_event_date_ = false;  // sentence_date_ is no statement's day
  // The tense a marker gave an expression earlier in this sentence, and where: a later one
  // with no marker near it shares it ("will be on Monday from noon to 8 p.m. and on Tuesday").
  mutable std::optional<std::pair<size_t, Tense>> sentence_tense_;
  // The day of a statement this sentence named ("announced on Sunday"), and the token
  // after it: a weekday the statement put in a future ("would reopen on Monday") counts
  // from that day.
  struct StatementDay {
    CivilDate day;
    size_t end;
  };
  std::optional<StatementDay> statement_day_;
  // The last full date named that is no statement's day ("said on Monday"): the day a
  // clock time without a day of its own belongs to.
  std::optional<CivilDate> event_date_;
  bool title_case_ = false;        // the sentence capitalises (nearly) every word: a headline
  bool opening_hours_ = false;     // the sentence gives opening hours: its weekdays recur
  int sentences_since_date_ = 1;   // 0 when this sentence named a full date, 1 when the one before did
  size_t previous_begin_ = 0;      // the first token of the sentence's last expression
  size_t previous_end_ = 0;        // the end of the sentence's last expression
  bool previous_was_day_ = false;  // and whether it named a day
  struct PreviousWeekday {
    CivilDate day;
    size_t begin;
  };
  std::optional<PreviousWeekday> previous_weekday_;  // the last expression's, a weekday's day
  size_t size_ = 0;                                  // the sentence's token count
 public:
  std::string* last_quarter_ = nullptr;  // "1989-Q3": the last quarter the document named

 private:
  int last_year_ = 0;              // the year of the last date named (0: none yet), for "that year"
  CivilDate last_month_{0, 0, 0};  // the month of the last date named, for "the following month"
};

}  // namespace

namespace {

// A holiday line of resources/time_words.tsv: its name ("new year's day": "'s" is two
// tokens, as the tokenizer reads it) and its rule: "12-25" a fixed date, "11-4-4" the
// fourth Thursday (Monday 1) of November, "05-L-1" the last Monday of May, "easter+N" N
// days after Easter Sunday, "orthodox-easter+N" after the Orthodox one, "tishrei+N" after
// the Jewish new year in that year's autumn ("tishrei-163": the Passover before it),
// "hanukkah" its first day, "hijri-MM-DD" a day of the Islamic calendar.
void AddHoliday(const std::string& name, const std::string& rule, TimeTagger::Lexicon* lexicon) {
  TimeTagger::Lexicon::Holiday holiday;
  size_t start = 0;
  while (start < name.size()) {
    size_t space = name.find(' ', start);
    std::string word = name.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
      holiday.words.push_back(word.substr(0, word.size() - 2));
      holiday.words.push_back("'");
      holiday.words.push_back("s");
    } else if (!word.empty()) {
      holiday.words.push_back(word);
    }
    if (space == std::string::npos) break;
    start = space + 1;
  }
  if (holiday.words.empty()) return;
  using Computed = TimeTagger::Lexicon::Holiday::Computed;
  if (rule.rfind("easter", 0) == 0) {
    holiday.computed = Computed::kEaster;
    holiday.day = rule.size() > 6 ? ToInt(rule.substr(6)) : 0;
  } else if (rule.rfind("orthodox-easter", 0) == 0) {
    holiday.computed = Computed::kOrthodoxEaster;
    holiday.day = rule.size() > 15 ? ToInt(rule.substr(15)) : 0;
  } else if (rule.rfind("tishrei", 0) == 0) {  // "tishrei+9", "tishrei-163"
    holiday.computed = Computed::kTishrei;
    holiday.day = rule.size() > 7 ? ToInt(rule.substr(7)) : 0;
  } else if (rule == "hanukkah") {
    holiday.computed = Computed::kHanukkah;
  } else if (rule.rfind("hijri-", 0) == 0 && rule.size() == 11) {  // "hijri-10-01"
    holiday.computed = Computed::kHijri;
    holiday.month = ToInt(rule.substr(6, 2));
    holiday.day = ToInt(rule.substr(9, 2));
  } else {
    holiday.month = ToInt(rule.substr(0, 2));
    std::string rest = rule.size() > 3 ? rule.substr(3) : "";
    size_t dash = rest.find('-');
    if (dash == std::string::npos) {
      holiday.day = ToInt(rest);
    } else {
      holiday.nth = rest[0] == 'L' ? -1 : ToInt(rest.substr(0, dash));
      holiday.weekday = ToInt(rest.substr(dash + 1)) - 1;
      size_t plus = rest.find('+', dash);  // "11-1-1+1": the day after that weekday
      if (plus != std::string::npos) holiday.day = ToInt(rest.substr(plus + 1));
    }
  }
  lexicon->holidays[holiday.words.front()].push_back(std::move(holiday));
}

}  // namespace

TimeTagger::TimeTagger() : lexicon_(std::make_unique<Lexicon>()) {
  info_ = StageInfo{"time", {Layer::kSentences, Layer::kMetadata}, {Layer::kTime}};
  Lexicon& l = *lexicon_;
  auto mark = [&l](const std::string& word, uint32_t bits) { l.classes[word] |= bits; };
  // The categories that are nothing but a class of the word.
  static const std::pair<std::string_view, uint32_t> kClassOnly[] = {
      {"zone", Lexicon::kZone},        {"future", Lexicon::kFuture},
      {"past", Lexicon::kPast},        {"present", Lexicon::kPresent},
      {"not_past", Lexicon::kNotPast}, {"intent", Lexicon::kIntent},
      {"dated", Lexicon::kDated},      {"after_article", Lexicon::kAfterArticle},
      {"street", Lexicon::kStreet},    {"vehicle", Lexicon::kVehicle}};
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::time_words())) {
    if (row.size() < 2) continue;
    std::string word(row[1]);
    std::string value = row.size() > 2 ? std::string(row[2]) : "";
    if (row[0] == "number")
      lexicon_->numbers[word] = value;
    else if (row[0] == "unit")
      lexicon_->units[word] = value;
    else if (row[0] == "part")
      lexicon_->parts[word] = value;
    else if (row[0] == "season")
      lexicon_->seasons[word] = value;
    else if (row[0] == "ordinal")
      lexicon_->ordinals[word] = ToInt(value);
    else if (row[0] == "decade")
      lexicon_->decades[word] = ToInt(value);
    else if (row[0] == "holiday")
      AddHoliday(word, value, lexicon_.get());
    else if (row[0] == "function")
      lexicon_->function.insert(word);
    else {
      for (const auto& [category, bits] : kClassOnly) {
        if (row[0] == category) mark(word, bits);
      }
    }
  }
  // Each word's classes. Words that can open an expression: the lists above, month and
  // weekday names, and the fixed words of the rules.
  for (const auto& [word, value] : l.numbers) mark(word, Lexicon::kTrigger | Lexicon::kNumberWord);
  for (const auto& [word, value] : l.units) mark(word, Lexicon::kTrigger | Lexicon::kUnit);
  for (const auto& [word, value] : l.seasons) mark(word, Lexicon::kTrigger | Lexicon::kSeason);
  for (const auto& [word, value] : l.ordinals) mark(word, Lexicon::kTrigger | Lexicon::kOrdinal);
  for (const auto& [word, value] : l.decades) mark(word, Lexicon::kTrigger | Lexicon::kDecade);
  for (const auto& [word, value] : l.holidays) mark(word, Lexicon::kTrigger | Lexicon::kHoliday);
  for (const auto& [word, value] : l.parts) mark(word, Lexicon::kPart);
  for (const char* word : {"january",   "february", "march",    "april",    "may",  "june", "july", "august",
                           "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
                           "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"}) {
    mark(word, Lexicon::kTrigger | Lexicon::kMonth);
  }
  for (const char* word : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    mark(word, Lexicon::kTrigger | Lexicon::kWeekday);
  }
  for (const char* word :
       {"today",  "yesterday", "tomorrow", "tonight",    "the",       "this",      "last",      "next",   "past",
        "coming", "upcoming",  "previous", "following",  "current",   "earlier",   "later",     "early",  "late",
        "mid",    "every",     "each",     "now",        "currently", "nowadays",  "recently",  "recent", "future",
        "daily",  "soon",      "weekly",   "monthly",    "hourly",    "nightly",   "annually",  "yearly", "noon",
        "midday", "midnight",  "that",     "year",       "its",       "overnight", "half",      "once",   "twice",
        "these",  "mondays",   "tuesdays", "wednesdays", "thursdays", "fridays",   "saturdays", "sundays"}) {
    mark(word, Lexicon::kTrigger);
  }
  for (const auto& [word, bits] : l.classes) {
    l.longest_word = std::max(l.longest_word, word.size());
    unsigned first = static_cast<unsigned char>(word.front()) - 'a';
    unsigned last = static_cast<unsigned char>(word.back()) - 'a';
    if (word.size() < 16 && first < 26 && last < 26) l.filter[word.size() * 26 + first] |= 1u << last;
  }
}

TimeTagger::~TimeTagger() = default;

Status TimeTagger::Process(Document& document) const {
  document.time_expressions.clear();
  std::optional<CivilDate> published = ParseDay(document.metadata.published);
  CivilDate last_date = published.value_or(CivilDate{});
  std::string last_label = published ? document.metadata.published + " (published)" : "";
  std::string last_quarter;
  std::string lower;              // lower-case token text of the sentence being tagged
  std::vector<TimeToken> tokens;  // the sentence's tokens (one buffer for all)
  // A dated dateline ("MOSCOW, Oct 5 (Reuters) -") is the day the story was filed: its
  // "on Thursday" and "today" count from it when it lies in the week before publication
  // (a story republished, or dated by its crawl).
  std::optional<CivilDate> anchor = published;
  const char* from = "published";
  if (!document.metadata.dateline_span.empty()) {
    SentenceTagger dateline(document.text(), tokens, *lexicon_, published, &last_date, &last_label);
    dateline.last_quarter_ = &last_quarter;
    Tokenize(document.text(), document.metadata.dateline_span, *lexicon_, &lower, &tokens);
    dateline.Run(&document.time_expressions);
    for (const TimeExpression& time : document.time_expressions) {
      const std::string_view day = time.Day();
      if (!published || day.size() != 10) continue;
      const std::optional<CivilDate> filed = ParseDay(day);
      if (!filed) break;
      const long before = DayNumber(*published) - DayNumber(*filed);
      if (before > 0 && before <= 7) anchor = filed, from = "dateline";
      break;
    }
  }
  SentenceTagger tagger(document.text(), tokens, *lexicon_, anchor, &last_date, &last_label, from);
  tagger.last_quarter_ = &last_quarter;
  for (const Sentence& sentence : document.sentences) {
    if (document.PastDeadline()) return Document::DeadlineStatus(info_.name);
    Tokenize(document.text(), sentence.span, *lexicon_, &lower, &tokens);
    tagger.Run(&document.time_expressions);
  }
  return Status::Ok();
}

std::vector<TimeExpression> TimeTagger::Tag(std::string_view text, std::string_view published) const {
  std::optional<CivilDate> date = ParseDay(published);
  CivilDate last_date = date.value_or(CivilDate{});
  std::string last_label = date ? std::string(published) + " (published)" : "";
  std::string lower;
  std::vector<TimeToken> tokens;
  Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, *lexicon_, &lower, &tokens);
  std::vector<TimeExpression> out;
  std::string last_quarter;
  SentenceTagger tagger(text, tokens, *lexicon_, date, &last_date, &last_label);
  tagger.last_quarter_ = &last_quarter;
  tagger.Run(&out);
  return out;
}

}  // namespace casus
