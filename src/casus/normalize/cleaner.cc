// The cleaner's rules, applied in two passes over the document's lines.
//
// Pass 1 classifies each line alone: an embedded post ("... — Name (@handle) Date"),
// a timestamp ("Updated October 3rd, 2020 at 13:01 IST"), a dated byline ("September
// 20, 2023 by Peoples Dispatch"), a byline ("Reported by: Kunal Gaurav"), then the cue
// lists of resources/boilerplate.tsv (related links, advertisements, image credits,
// widgets). Pass 2 uses neighbours: a short title-case line touching a byline or
// timestamp (no blank line between) is a section label; the first content line, when
// short and unpunctuated and followed by more content, is the headline; the first
// content paragraphs are tried for a dateline ("Moscow [Russia], September 20 : ").
// Classification reads only a line's first bytes for most rules, so cost is linear.
#include "casus/normalize/cleaner.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "casus/core/calendar.h"
#include "casus/core/text.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
// First byte of a non-ASCII letter, treated as a letter of unknown case. C2 (no-break
// space, guillemets, signs), E2 (dashes, quotes, symbols) and EF (BOM, full-width
// forms) start punctuation, not letters.
bool IsNonAsciiLead(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0xC3 && u != 0xE2 && u != 0xEF;
}
char Lower(char c) { return IsUpperAscii(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

std::string_view TrimView(std::string_view s) { return TrimSpaces(s); }

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// True when the last visible character ends a sentence (quotes and brackets skipped).
bool EndsLikeSentence(std::string_view s) {
  s = TrimView(s);
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
      continue;
    }
    // Closing curly quotes ” (E2 80 9D) and ’ (E2 80 99).
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D") {
      s.remove_suffix(3);
      continue;
    }
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x99") {
      s.remove_suffix(3);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return false;
}

// "Kunal Gaurav", "Jean-Yves Le Drian", "J. Smith and A. Jones": every word starts
// with a capital letter (or is a joining word), at most `max_words` words.
bool LooksLikeName(std::string_view s, size_t max_words) {
  std::vector<std::string_view> words = SplitWords(s);
  if (words.empty() || words.size() > max_words) return false;
  for (std::string_view word : words) {
    if (word == "and" || word == "&" || word == "de" || word == "van" || word == "von" || word == "al" ||
        word == "bin" || word == "da" || word == "del" || word == "la" || word == "le") {
      continue;
    }
    char first = word.front();
    if (!IsUpperAscii(first) && !IsNonAsciiLead(first) && !IsDigit(first)) return false;
  }
  return true;
}

// Separators that follow a cue word in "Read - ...", "Read: ...", "Photo | ...".
size_t SeparatorLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ':' || s[0] == '-' || s[0] == '|' || s[0] == '/') return 1;
  if (s.substr(0, 3) == "\xE2\x80\x93" || s.substr(0, 3) == "\xE2\x80\x94") return 3;  // – —
  return 0;
}

struct LineInfo {
  Span span;               // trimmed line, after any crawl header
  bool gap_before = true;  // a blank line (or the start) precedes it
  std::optional<BoilerplateKind> kind;
};

enum class DateCue { kPublished, kDateOnly, kDatedByline, kUpdated };

struct DateCandidate {
  DateCue cue;
  DateTimeMatch date;
};

}  // namespace

struct Cleaner::Lexicon {
  struct Cue {
    BoilerplateKind kind;
    std::string phrase;  // lower case
  };
  std::vector<Cue> prefix_cues;
  std::vector<Cue> lead_cues;
  std::vector<Cue> line_cues;
  std::unordered_set<std::string> widget_tokens;
  std::unordered_set<std::string> outlet_words;
};

namespace {

std::optional<BoilerplateKind> KindFromName(std::string_view name) {
  if (name == "related_link") return BoilerplateKind::kRelatedLink;
  if (name == "advertisement") return BoilerplateKind::kAdvertisement;
  if (name == "image_credit") return BoilerplateKind::kImageCredit;
  if (name == "widget") return BoilerplateKind::kWidget;
  return std::nullopt;
}

// A line reduced for whole-line comparison: lower case, collapsed spaces, no trailing
// punctuation such as ':' or '»'.
std::string NormalizeForLineMatch(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(Lower(c));
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '.' || out.back() == '>' ||
                          out.back() == '!' || out.back() == '|')) {
    out.pop_back();
  }
  // Trailing » or › (C2 BB, E2 80 BA).
  if (out.size() >= 2 && out.substr(out.size() - 2) == "\xC2\xBB") out.resize(out.size() - 2);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// An embedded post: "... — Morgan Ortagus (@statedeptspox) October 5, 2020". Fills
// `post` (without its span) and returns true.
bool MatchEmbeddedPost(std::string_view line, EmbeddedPost* post) {
  size_t handle_open = line.rfind("(@");
  if (handle_open != std::string_view::npos) {
    size_t handle_close = line.find(')', handle_open);
    if (handle_close == std::string_view::npos || handle_close - handle_open > 40) return false;
    // Author: the words between the last dash before the handle and the handle.
    std::string_view before = line.substr(0, handle_open);
    size_t dash = before.rfind("\xE2\x80\x94");  // —
    size_t dash_length = 3;
    if (dash == std::string_view::npos) {
      dash = before.rfind(" - ");
      dash_length = 3;
      if (dash != std::string_view::npos) ++dash, dash_length = 1;
    }
    if (dash == std::string_view::npos) {
      dash = before.rfind("&mdash;");
      dash_length = 7;
    }
    if (dash == std::string_view::npos) return false;
    std::string_view author = TrimView(before.substr(dash + dash_length));
    if (author.empty() || author.size() > 60) return false;
    std::string_view after = TrimView(line.substr(handle_close + 1));
    std::optional<DateTimeMatch> date = MatchDateTime(after);
    if (!date) return false;
    post->platform = "twitter";
    post->author = std::string(author);
    post->handle = std::string(line.substr(handle_open + 1, handle_close - handle_open - 1));
    post->date = date->IsoDate();
    return true;
  }
  if (StartsWithIgnoreCase(line, "a post shared by ")) {
    post->platform = "instagram";
    std::string_view rest = line.substr(17);
    size_t open = rest.find(" (@");
    post->author = std::string(TrimView(rest.substr(0, open)));
    if (open != std::string_view::npos) {
      size_t close = rest.find(')', open);
      if (close != std::string_view::npos) post->handle = std::string(rest.substr(open + 2, close - open - 2));
    }
    return true;
  }
  return false;
}

// "Updated October 3rd, 2020 at 13:01 IST", "Published on: 20 Sep 2023", or a line
// that is only a date. Returns the cue and date.
std::optional<DateCandidate> MatchTimestampLine(std::string_view line) {
  struct Cue {
    const char* words;
    DateCue cue;
  };
  static const Cue kCues[] = {
      {"first published", DateCue::kPublished}, {"published", DateCue::kPublished},   {"posted", DateCue::kPublished},
      {"last updated", DateCue::kUpdated},      {"last modified", DateCue::kUpdated}, {"updated", DateCue::kUpdated},
      {"modified", DateCue::kUpdated},          {"date", DateCue::kPublished},
  };
  std::string_view rest = line;
  DateCue cue = DateCue::kDateOnly;
  for (const Cue& candidate : kCues) {
    size_t length = std::char_traits<char>::length(candidate.words);
    if (StartsWithIgnoreCase(line, candidate.words) &&
        (line.size() == length || IsSpace(line[length]) || line[length] == ':')) {
      rest = line.substr(length);
      cue = candidate.cue;
      break;
    }
  }
  rest = TrimView(rest);
  if (!rest.empty() && rest.front() == ':') rest = TrimView(rest.substr(1));
  if (StartsWithIgnoreCase(rest, "on ")) rest = TrimView(rest.substr(3));
  if (StartsWithIgnoreCase(rest, "on:")) rest = TrimView(rest.substr(3));
  std::optional<DateTimeMatch> date = MatchDateTime(rest);
  if (!date) return std::nullopt;
  std::string_view tail = TrimView(rest.substr(date->length));
  // A timestamp line may end with a short note ("| 3 min read"), nothing longer; a
  // bare date line must be the date alone.
  if (cue == DateCue::kDateOnly ? !tail.empty() : CountWords(tail) > 5) return std::nullopt;
  return DateCandidate{cue, *date};
}

bool HasOutletWord(std::string_view name, const std::unordered_set<std::string>& outlet_words) {
  for (std::string_view word : SplitWords(name)) {
    std::string lower = LowerAscii(word);
    while (!lower.empty() && (lower.back() == ',' || lower.back() == '.')) lower.pop_back();
    if (outlet_words.count(lower)) return true;
  }
  return false;
}

struct Credit {
  std::string name;
  bool outlet = false;
};

// "Reported by: Kunal Gaurav", "By Jane Doe, Reuters", "Written by J. Smith | 2 min".
std::optional<Credit> MatchBylineLine(std::string_view line, const std::unordered_set<std::string>& outlet_words) {
  static const char* const kCues[] = {"reported by", "written by",  "posted by", "story by", "words by",
                                      "edited by",   "compiled by", "author",    "by"};
  if (CountWords(line) > 12 || EndsLikeSentence(line)) return std::nullopt;
  for (const char* cue : kCues) {
    size_t length = std::char_traits<char>::length(cue);
    if (!StartsWithIgnoreCase(line, cue)) continue;
    if (line.size() <= length || !(IsSpace(line[length]) || line[length] == ':')) continue;
    std::string_view rest = TrimView(line.substr(length));
    if (!rest.empty() && rest.front() == ':') rest = TrimView(rest.substr(1));
    // Cut a trailing " | ..." or ", Outlet" note; the outlet decides nothing alone.
    size_t bar = rest.find('|');
    if (bar != std::string_view::npos) rest = TrimView(rest.substr(0, bar));
    std::string_view name = rest;
    size_t comma = rest.find(',');
    if (comma != std::string_view::npos) name = TrimView(rest.substr(0, comma));
    if (!LooksLikeName(name, 6)) return std::nullopt;
    return Credit{std::string(name), HasOutletWord(name, outlet_words)};
  }
  return std::nullopt;
}

// "September 20, 2023 by Peoples Dispatch": a date, then "by" or "|" and a name.
std::optional<std::pair<DateTimeMatch, Credit>> MatchDatedByline(std::string_view line,
                                                                 const std::unordered_set<std::string>& outlet_words) {
  std::optional<DateTimeMatch> date = MatchDateTime(line);
  if (!date) return std::nullopt;
  std::string_view rest = TrimView(line.substr(date->length));
  if (StartsWithIgnoreCase(rest, "by ")) {
    rest = TrimView(rest.substr(3));
  } else if (!rest.empty() && rest.front() == '|') {
    rest = TrimView(rest.substr(1));
  } else {
    return std::nullopt;
  }
  if (!LooksLikeName(rest, 6)) return std::nullopt;
  return std::make_pair(*date, Credit{std::string(rest), HasOutletWord(rest, outlet_words)});
}

std::optional<BoilerplateKind> MatchCueLists(std::string_view line, const Cleaner::Lexicon& lexicon) {
  size_t words = CountWords(line);
  std::string_view body = line;
  // Image credits are often set off by a leading bar: "| Image:self".
  if (!body.empty() && body.front() == '|') body = TrimView(body.substr(1));
  if (words <= 40) {
    for (const auto& cue : lexicon.prefix_cues) {
      if (!StartsWithIgnoreCase(body, cue.phrase)) continue;
      std::string_view rest = body.substr(cue.phrase.size());
      size_t spaces = 0;
      while (spaces < rest.size() && IsSpace(rest[spaces])) ++spaces;
      size_t separator = SeparatorLength(rest.substr(spaces));
      if (separator == 0) continue;
      std::string_view after = TrimView(rest.substr(spaces + separator));
      if (after.empty()) continue;
      if (cue.kind == BoilerplateKind::kImageCredit && words > 15) continue;
      return cue.kind;
    }
  }
  if (words <= 8) {
    std::string normalized = NormalizeForLineMatch(body);
    for (const auto& cue : lexicon.line_cues) {
      if (normalized == cue.phrase) return cue.kind;
    }
    // Share bars: every token is a network or action name.
    bool all_tokens = !normalized.empty();
    size_t i = 0;
    while (all_tokens && i < normalized.size()) {
      size_t j = i;
      while (j < normalized.size() && normalized[j] != ' ' && normalized[j] != '|' && normalized[j] != '/' &&
             normalized[j] != ',') {
        ++j;
      }
      if (j > i && !lexicon.widget_tokens.count(normalized.substr(i, j - i))) all_tokens = false;
      i = j + 1;
    }
    if (all_tokens) return BoilerplateKind::kWidget;
  }
  if (words <= 15) {
    for (const auto& cue : lexicon.lead_cues) {
      if (StartsWithIgnoreCase(body, cue.phrase) && body.size() > cue.phrase.size() &&
          IsSpace(body[cue.phrase.size()])) {
        return cue.kind;
      }
    }
  }
  return std::nullopt;
}

// A section or tag label: one to four words, each capitalised, no punctuation.
bool LooksLikeLabel(std::string_view line) {
  std::vector<std::string_view> words = SplitWords(line);
  if (words.empty() || words.size() > 4 || line.size() > 48) return false;
  for (std::string_view word : words) {
    char first = word.front();
    if (!IsUpperAscii(first) && !IsNonAsciiLead(first)) return false;
    for (char c : word) {
      if (c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' || c == '"') return false;
    }
  }
  return true;
}

// A word of a dateline place: capitalised letters, with '.', '\'', '-' inside.
size_t ReadPlaceWord(std::string_view s, size_t i) {
  if (i >= s.size() || !(IsUpperAscii(s[i]) || IsNonAsciiLead(s[i]))) return 0;
  size_t j = i;
  while (j < s.size() && (IsUpperAscii(s[j]) || IsLowerAscii(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80 ||
                          s[j] == '.' || s[j] == '\'' || s[j] == '-')) {
    ++j;
  }
  return j - i;
}

// Reads 1..4 capitalised words at `*i`; returns their text, empty when none.
std::string_view ReadPlace(std::string_view s, size_t* i) {
  size_t start = *i;
  size_t j = *i;
  size_t words = 0;
  while (words < 4) {
    size_t length = ReadPlaceWord(s, j);
    if (length == 0) break;
    j += length;
    ++words;
    if (j + 1 < s.size() && s[j] == ' ' && (IsUpperAscii(s[j + 1]) || IsNonAsciiLead(s[j + 1]))) {
      // Continue only if another capitalised word follows.
      size_t next = ReadPlaceWord(s, j + 1);
      if (next == 0) break;
      ++j;
      continue;
    }
    break;
  }
  if (words == 0) return {};
  *i = j;
  return s.substr(start, j - start);
}

struct DatelineMatch {
  size_t length = 0;  // bytes of the prefix, separator and following spaces included
  std::string place;
};

// "Moscow [Russia], September 20 : ", "MOSCOW (Reuters) - ", "KYIV, Ukraine, Oct 5 — ".
std::optional<DatelineMatch> MatchDateline(std::string_view s) {
  size_t i = 0;
  std::string_view place = ReadPlace(s, &i);
  if (place.empty() || place.size() > 40) return std::nullopt;
  bool all_caps = std::none_of(place.begin(), place.end(), IsLowerAscii) && place.size() >= 3;
  bool evidence = all_caps;
  // ", Region" (a second place), "[Country]" / "(Agency)", ", Month Day".
  for (int part = 0; part < 4; ++part) {
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j < s.size() && (s[j] == '[' || s[j] == '(')) {
      char close = s[j] == '[' ? ']' : ')';
      size_t end = s.find(close, j);
      if (end == std::string_view::npos || end - j > 40) return std::nullopt;
      i = end + 1;
      evidence = true;
      continue;
    }
    if (j < s.size() && s[j] == ',') {
      size_t k = j + 1;
      while (k < s.size() && s[k] == ' ') ++k;
      DateTimeOptions options;
      options.allow_missing_year = true;
      options.allow_time = false;
      if (std::optional<DateTimeMatch> date = MatchDateTime(s.substr(k), options)) {
        i = k + date->length;
        evidence = true;
        continue;
      }
      size_t region_end = k;
      std::string_view region = ReadPlace(s, &region_end);
      if (!region.empty() && region.size() <= 30) {
        i = region_end;
        continue;
      }
      return std::nullopt;
    }
    break;
  }
  size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  size_t separator = 0;
  if (j < s.size() && s[j] == ':') separator = 1;
  if (s.substr(j, 2) == "--")
    separator = 2;
  else if (j < s.size() && s[j] == '-')
    separator = 1;
  if (s.substr(j, 3) == "\xE2\x80\x94" || s.substr(j, 3) == "\xE2\x80\x93") separator = 3;
  if (separator == 0 || !evidence) return std::nullopt;
  // The separator must stand apart: "Moscow - " or "Moscow: ", not "Moscow-based".
  size_t k = j + separator;
  if (k >= s.size() || s[k] != ' ') return std::nullopt;
  while (k < s.size() && s[k] == ' ') ++k;
  DatelineMatch match;
  match.length = k;
  match.place = std::string(place);
  if (all_caps) {
    // MOSCOW -> Moscow, word by word.
    bool word_start = true;
    for (char& c : match.place) {
      if (!word_start) c = Lower(c);
      word_start = c == ' ' || c == '-';
    }
  }
  return match;
}

std::string_view RemoveCrawlHeader(std::string_view line, Span span, const Document& document, uint32_t* begin) {
  for (const BoilerplateSpan& b : document.boilerplate) {
    if (b.kind == BoilerplateKind::kCrawlHeader && b.span.begin <= span.begin && b.span.end > span.begin) {
      uint32_t skip = std::min(b.span.end, span.end) - span.begin;
      *begin = span.begin + skip;
      return line.substr(skip);
    }
  }
  *begin = span.begin;
  return line;
}

// A line that is only a web address: "http://articles.example.com/2013/may/03/story".
bool IsBareUrl(std::string_view line) {
  const bool scheme = line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0 || line.rfind("www.", 0) == 0;
  return scheme && line.size() > 8 && line.find_first_of(" \t") == std::string_view::npos;
}

}  // namespace

Cleaner::Cleaner() : lexicon_(std::make_unique<Lexicon>()) {
  info_ = StageInfo{"clean", {Layer::kText}, {Layer::kMetadata, Layer::kBoilerplate}};
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::boilerplate())) {
    if (row.size() < 3) continue;
    std::optional<BoilerplateKind> kind = KindFromName(row[0]);
    if (!kind) continue;
    Lexicon::Cue cue{*kind, LowerAscii(row[2])};
    if (row[1] == "prefix") lexicon_->prefix_cues.push_back(cue);
    if (row[1] == "lead") lexicon_->lead_cues.push_back(cue);
    if (row[1] == "line") lexicon_->line_cues.push_back(cue);
    if (row[1] == "token") lexicon_->widget_tokens.insert(cue.phrase);
  }
  // Longer phrases first, so "read more" wins over "read".
  std::stable_sort(lexicon_->prefix_cues.begin(), lexicon_->prefix_cues.end(),
                   [](const Lexicon::Cue& a, const Lexicon::Cue& b) { return a.phrase.size() > b.phrase.size(); });
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::outlet_words())) {
    if (!row.empty()) lexicon_->outlet_words.insert(LowerAscii(row[0]));
  }
}

Cleaner::~Cleaner() = default;

Status Cleaner::Process(Document& document) const {
  const std::string_view text = document.text();
  Metadata& metadata = document.metadata;

  // Lines, trimmed, with the crawl header cut off the first.
  std::vector<LineInfo> lines;
  bool gap = true;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) newline = text.size();
    Span raw{static_cast<uint32_t>(pos), static_cast<uint32_t>(newline)};
    uint32_t begin = raw.begin;
    std::string_view line = RemoveCrawlHeader(text.substr(pos, newline - pos), raw, document, &begin);
    std::string_view trimmed = TrimView(line);
    size_t lead = trimmed.empty() ? 0 : static_cast<size_t>(trimmed.data() - line.data());
    if (trimmed.empty()) {
      gap = true;
    } else {
      Span span{static_cast<uint32_t>(begin + lead), static_cast<uint32_t>(begin + lead + trimmed.size())};
      lines.push_back(LineInfo{span, gap, std::nullopt});
      gap = false;
    }
    if (newline == text.size()) break;
    pos = newline + 1;
  }

  std::vector<DateCandidate> dates;
  std::optional<Credit> author_credit;
  std::optional<Credit> outlet_credit;
  // Pass 1: each line alone.
  for (LineInfo& line : lines) {
    std::string_view content = line.span.Of(text);
    EmbeddedPost post;
    if (MatchEmbeddedPost(content, &post)) {
      line.kind = BoilerplateKind::kEmbeddedPost;
      post.span = line.span;
      document.embedded_posts.push_back(std::move(post));
      continue;
    }
    if (IsBareUrl(content)) {
      line.kind = BoilerplateKind::kSourceUrl;
      if (metadata.url.empty()) metadata.url = std::string(content);
      continue;
    }
    if (CountWords(content) <= 16) {
      if (std::optional<DateCandidate> date = MatchTimestampLine(content)) {
        line.kind = BoilerplateKind::kTimestamp;
        dates.push_back(*date);
        continue;
      }
      if (auto dated = MatchDatedByline(content, lexicon_->outlet_words)) {
        line.kind = BoilerplateKind::kByline;
        dates.push_back(DateCandidate{DateCue::kDatedByline, dated->first});
        (dated->second.outlet ? outlet_credit : author_credit) = dated->second;
        continue;
      }
      if (std::optional<Credit> credit = MatchBylineLine(content, lexicon_->outlet_words)) {
        line.kind = BoilerplateKind::kByline;
        if (credit->outlet && !outlet_credit) outlet_credit = credit;
        if (!credit->outlet && !author_credit) {
          author_credit = credit;
          std::string_view name = credit->name;
          size_t at = content.find(name);
          if (at != std::string_view::npos && metadata.author.empty()) {
            metadata.author_span = Span{line.span.begin + static_cast<uint32_t>(at),
                                        line.span.begin + static_cast<uint32_t>(at + name.size())};
          }
        }
        continue;
      }
    }
    line.kind = MatchCueLists(content, *lexicon_);
  }

  // Pass 2a: section labels touching a byline or timestamp.
  auto is_credit_line = [&](size_t index) {
    return lines[index].kind == BoilerplateKind::kByline || lines[index].kind == BoilerplateKind::kTimestamp;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind) continue;
    bool touches = (i > 0 && !lines[i].gap_before && is_credit_line(i - 1)) ||
                   (i + 1 < lines.size() && !lines[i + 1].gap_before && is_credit_line(i + 1));
    if (touches && LooksLikeLabel(lines[i].span.Of(text))) lines[i].kind = BoilerplateKind::kSectionLabel;
  }

  // Pass 2b: headline and dateline among the first content lines.
  std::vector<size_t> content_lines;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].kind) content_lines.push_back(i);
  }
  size_t first_paragraph = 0;
  if (!content_lines.empty()) {
    const LineInfo& first = lines[content_lines[0]];
    std::string_view first_text = first.span.Of(text);
    bool short_line = CountWords(first_text) <= 20 && first_text.size() <= 200;
    bool unpunctuated = !EndsLikeSentence(first_text) || first_text.back() == '?';
    if (!metadata.title.empty()) {
      // A reader gave the title: find it as the first line when it is there.
      if (StartsWithIgnoreCase(metadata.title, first_text) && short_line) {
        metadata.title_span = first.span;
        first_paragraph = 1;
      }
    } else if (short_line && unpunctuated && content_lines.size() > 1 && !MatchDateline(first_text)) {
      metadata.title = std::string(first_text);
      metadata.title_span = first.span;
      first_paragraph = 1;
    }
  }
  for (size_t k = first_paragraph; k < content_lines.size() && k < first_paragraph + 2; ++k) {
    const LineInfo& line = lines[content_lines[k]];
    if (std::optional<DatelineMatch> dateline = MatchDateline(line.span.Of(text))) {
      metadata.dateline = dateline->place;
      metadata.dateline_span = Span{line.span.begin, line.span.begin + static_cast<uint32_t>(dateline->length)};
      break;
    }
  }

  // Metadata from the credits and dates found, where readers left gaps.
  if (metadata.author.empty() && author_credit) metadata.author = author_credit->name;
  if (metadata.publisher.empty() && outlet_credit) metadata.publisher = outlet_credit->name;
  if (!dates.empty()) {
    auto rank = [](DateCue cue) {
      switch (cue) {
        case DateCue::kPublished: return 0;
        case DateCue::kDateOnly: return 1;
        case DateCue::kDatedByline: return 2;
        case DateCue::kUpdated: return 3;
      }
      return 4;
    };
    const DateCandidate* best = &dates[0];
    for (const DateCandidate& candidate : dates) {
      if (rank(candidate.cue) < rank(best->cue)) best = &candidate;
    }
    if (metadata.published.empty()) {
      metadata.published = best->date.IsoDate();
      metadata.published_from = "text";
    }
    // A time stated for the same day refines the date the reader gave.
    if (metadata.published_time.empty() && best->date.IsoDate() == metadata.published) {
      metadata.published_time = best->date.IsoTime();
      metadata.published_zone = best->date.zone;
    }
  }

  // Last, the day a news URL's path names ("/2016/01/26/"): the content system's date,
  // when neither the reader nor the text gave one.
  if (metadata.published.empty() && !metadata.url.empty()) {
    if (std::optional<CivilDate> day = DateFromUrl(metadata.url)) {
      metadata.published = FormatIsoDate(day->year, day->month, day->day);
      metadata.published_from = "url";
    }
  }

  for (const LineInfo& line : lines) {
    if (line.kind) document.boilerplate.push_back(BoilerplateSpan{line.span, *line.kind});
  }
  std::sort(document.boilerplate.begin(), document.boilerplate.end(),
            [](const BoilerplateSpan& a, const BoilerplateSpan& b) { return a.span.begin < b.span.begin; });
  return Status::Ok();
}

}  // namespace casus
