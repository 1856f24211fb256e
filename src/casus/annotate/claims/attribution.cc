#include "casus/annotate/claims/attribution.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "casus/annotate/claims/lexicon.h"
#include "casus/annotate/claims/tokens.h"
#include "casus/core/span_index.h"
#include "casus/core/text.h"

namespace casus {
namespace {

using claims::Token;
using claims::TokenKind;

// ---------------------------------------------------------------------------------
// Quotations

struct QuoteMark {
  uint32_t begin, end;
  bool is_double;
  bool can_open, can_close;
};

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC3;
}

// The quotation marks in text[span], with the directions each can face.
std::vector<QuoteMark> FindMarks(std::string_view text, Span span) {
  std::vector<QuoteMark> marks;
  for (size_t i = span.begin; i < span.end;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c != '"' && c != '\'' && c != 0xE2 && c != 0xC2) {  // no quotation mark starts otherwise
      i += n;
      continue;
    }
    std::string_view m = text.substr(i, std::min<size_t>(n, span.end - i));
    bool dbl = claims::IsDoubleQuoteMark(m);
    bool sgl = !dbl && claims::IsSingleQuoteMark(m);
    if (dbl || sgl) {
      unsigned char before = i > span.begin ? static_cast<unsigned char>(text[i - 1]) : ' ';
      unsigned char after = i + n < span.end ? static_cast<unsigned char>(text[i + n]) : ' ';
      bool space_before = i == span.begin || SpaceLengthAt(text, i - 1) > 0 || before == '(' || before == '[' ||
                          before == '-' || before == 0x94 /* dash tail */ || before == ':';
      bool space_after = i + n >= span.end || SpaceLengthAt(text, i + n) > 0 || !IsWordByte(after);
      QuoteMark mark{static_cast<uint32_t>(i), static_cast<uint32_t>(i + n), dbl, false, false};
      if (m == "\u201C" || m == "\u00AB" || m == "\u201E" || m == "\u2018") {
        mark.can_open = true;
      } else if (m == "\u201D" || m == "\u00BB") {
        mark.can_close = true;
      } else if (m == "\u2019") {
        // An apostrophe inside a word ("Azerbaijan’s", "don’t") is not a mark.
        mark.can_close = !(IsWordByte(before) && IsWordByte(after));
      } else {  // straight marks face by their neighbours
        mark.can_open = space_before && !space_after;
        mark.can_close = !space_before && (space_after || !IsWordByte(after));
        if (sgl && IsWordByte(before) && IsWordByte(after)) mark.can_open = mark.can_close = false;
      }
      if (mark.can_open || mark.can_close) marks.push_back(mark);
    }
    i += n;
  }
  return marks;
}

struct RawQuote {
  Span inner;
  bool is_double;
};

// Double-quoted passages (single marks inside them are nested and ignored), and
// single-quoted ones outside double quotes. A double quotation left open at the end of
// a line continues when the next line opens with a mark (the convention for quotations
// over several paragraphs); otherwise it ends with its line.
std::vector<RawQuote> FindQuotes(std::string_view text, const std::vector<Span>& lines) {
  std::vector<RawQuote> quotes;
  bool carry = false;  // a double quotation runs on from the previous line
  uint32_t carry_begin = 0;
  for (size_t l = 0; l < lines.size(); ++l) {
    std::vector<QuoteMark> marks = FindMarks(text, lines[l]);
    size_t m = 0;
    int open_double = -1, open_single = -1;
    uint32_t double_begin = 0;
    if (carry && !marks.empty() && marks[0].begin == lines[l].begin && marks[0].can_open && marks[0].is_double) {
      open_double = 0;
      double_begin = carry_begin;
      m = 1;
    }
    carry = false;
    for (; m < marks.size(); ++m) {
      const QuoteMark& mark = marks[m];
      if (mark.is_double) {
        if (open_double >= 0 && mark.can_close) {
          quotes.push_back({Span{double_begin, mark.begin}, true});
          open_double = -1;
          open_single = -1;
        } else if (open_double < 0 && mark.can_open) {
          open_double = static_cast<int>(m);
          double_begin = mark.end;
          open_single = -1;
        }
      } else if (open_double < 0) {
        if (open_single >= 0 && mark.can_close) {
          quotes.push_back({Span{marks[open_single].end, mark.begin}, false});
          open_single = -1;
        } else if (open_single < 0 && mark.can_open) {
          open_single = static_cast<int>(m);
        }
      }
    }
    if (open_double >= 0) {
      bool next_opens = false;
      if (l + 1 < lines.size()) {
        std::vector<QuoteMark> next =
            FindMarks(text, Span{lines[l + 1].begin, std::min(lines[l + 1].end, lines[l + 1].begin + 4)});
        next_opens = !next.empty() && next[0].begin == lines[l + 1].begin && next[0].can_open && next[0].is_double;
      }
      if (next_opens) {
        carry = true;
        carry_begin = double_begin;
      } else if (lines[l].end > double_begin) {
        quotes.push_back({Span{double_begin, lines[l].end}, true});
      }
    }
  }
  for (RawQuote& q : quotes) {  // trim white space and clause punctuation inside the marks
    q.inner = TrimSpan(text, q.inner);
    while (!q.inner.empty() &&
           (text[q.inner.end - 1] == ',' || text[q.inner.end - 1] == ';' || text[q.inner.end - 1] == ':')) {
      --q.inner.end;
    }
    q.inner = TrimSpan(text, q.inner);
  }
  quotes.erase(std::remove_if(quotes.begin(), quotes.end(), [](const RawQuote& q) { return q.inner.empty(); }),
               quotes.end());
  return quotes;
}

// Where the quotations of a document begin and end, each sorted, for "is there a
// quotation after (before) this word in its sentence" in logarithmic time.
class QuoteEdges {
 public:
  explicit QuoteEdges(const std::vector<RawQuote>& quotes) {
    for (const RawQuote& q : quotes) {
      begins_.push_back(q.inner.begin);
      ends_.push_back(q.inner.end);
    }
    std::sort(begins_.begin(), begins_.end());
    std::sort(ends_.begin(), ends_.end());
  }
  // Some quotation begins in [from, to).
  bool BeginsIn(uint32_t from, uint32_t to) const {
    auto it = std::lower_bound(begins_.begin(), begins_.end(), from);
    return it != begins_.end() && *it < to;
  }
  // Some quotation ends in (from, to].
  bool EndsIn(uint32_t from, uint32_t to) const {
    auto it = std::upper_bound(ends_.begin(), ends_.end(), to);
    return it != ends_.begin() && *(it - 1) > from;
  }

 private:
  std::vector<uint32_t> begins_, ends_;
};

// ---------------------------------------------------------------------------------
// Attributions

bool IsPunct(const Token& t, std::string_view p) { return t.kind == TokenKind::kPunct && t.lower == p; }
bool IsQuoteMark(const Token& t) {
  return t.kind == TokenKind::kPunct && (claims::IsDoubleQuoteMark(t.lower) || claims::IsSingleQuoteMark(t.lower));
}

struct Source {
  size_t begin = 0, end = 0;  // tokens [begin, end)
  bool empty() const { return end <= begin; }
};

// The sources named so far in a document, newest last: "he" and "she" go back to the
// newest one whose title or role does not say otherwise ("Mr. Schultz" is no "she").
class SourceHistory {
 public:
  void Push(const std::string& name) {
    if (!names_.empty() && names_.back() == name) return;
    names_.push_back(name);
    if (names_.size() > 8) names_.erase(names_.begin());
  }
  const std::string& Last() const { return names_.empty() ? empty_ : names_.back(); }
  const std::string& For(std::string_view pronoun) const {
    const bool he = pronoun == "he", she = pronoun == "she";
    for (size_t i = names_.size(); i-- > 0;) {
      const char gender = GenderOf(names_[i]);
      if ((he && gender == 'f') || (she && gender == 'm')) continue;
      return names_[i];
    }
    return empty_;
  }

 private:
  static char GenderOf(std::string_view name) {
    auto has = [&](std::string_view word) { return name.find(word) != std::string_view::npos; };
    if (name.rfind("Mr.", 0) == 0 || name.rfind("Mr ", 0) == 0 || has("spokesman") || has("congressman")) return 'm';
    if (name.rfind("Mrs", 0) == 0 || name.rfind("Ms", 0) == 0 || name.rfind("Miss ", 0) == 0 || has("woman"))
      return 'f';
    return '?';
  }
  std::vector<std::string> names_;
  std::string empty_;
};

class SentenceAttributor {
 public:
  SentenceAttributor(const Document& doc, Span sentence, const std::vector<Token>& tokens,
                     const std::vector<bool>& quoted, const std::vector<bool>& timed, const QuoteEdges& quotes,
                     SourceHistory* last_source, std::string* last_issuer)
      : doc_(doc),
        sentence_(sentence),
        t_(tokens),
        quoted_(quoted),
        timed_(timed),
        quotes_(quotes),
        last_source_(last_source),
        last_issuer_(last_issuer),
        lex_(claims::ClaimsLexicon()) {}

  void Run(std::vector<Attribution>* out) {
    const size_t first_new = out->size();
    // "X released a statement": X is who "the statement" speaks for later on.
    for (size_t k = 1; k + 2 < t_.size(); ++k) {
      const std::string_view w = t_[k].lower;
      if ((w == "released" || w == "issued" || w == "published") &&
          (t_[k + 1].lower == "a" || t_[k + 1].lower == "its") &&
          (t_[k + 2].lower == "statement" || (k + 3 < t_.size() && t_[k + 3].lower == "statement"))) {
        size_t end = k;
        while (end > 0 && lex_.Is(claims::kAdverb, t_[end - 1])) --end;
        Source issuer = WalkBack(end, 0);
        if (!issuer.empty()) *last_issuer_ = Resolve(issuer);
      }
    }
    std::string form;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (quoted_[k] || t_[k].kind != TokenKind::kWord) continue;
      size_t cue_length = 0;
      if (lex_.Is(claims::kPrepStart, t_[k])) {
        for (const auto& phrase : lex_.prep_cues) {
          if ((cue_length = claims::MatchPhrase(t_, k, phrase.words)) > 0) break;
        }
      }
      if (cue_length > 0) {
        PrepositionalCue(k, cue_length, out);
        k += cue_length - 1;
        continue;
      }
      const CueKind kind = ListedForm(k, &form);
      if (kind != CueKind::kNone) VerbCue(k, form, kind == CueKind::kDirective, out);
    }
    // Hedges: given to the attributions of the sentence, or standing alone.
    std::string hedge;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (quoted_[k]) continue;
      auto it = lex_.hedge.find(t_[k].lower);
      if (it != lex_.hedge.end()) {
        hedge = it->second;
        break;
      }
    }
    if (!hedge.empty()) {
      bool given = false;
      for (size_t a = first_new; a < out->size(); ++a) {
        if ((*out)[a].hedge.empty()) (*out)[a].hedge = hedge;
        given = true;
      }
      if (!given) {
        Attribution bare;
        bare.content = sentence_;
        bare.hedge = hedge;
        out->push_back(std::move(bare));
      }
    }
    // A content running on over a later cue's source stops before it: in "It urged
    // '...', TASS reported", the content of "urged" ends before "TASS".
    for (size_t a = first_new; a < out->size(); ++a) {
      for (size_t b = first_new; b < out->size(); ++b) {
        Attribution& outer = (*out)[a];
        const Attribution& later = (*out)[b];
        if (a == b || later.source.empty() || !outer.content.Contains(later.source) ||
            later.cue.begin < outer.cue.end) {
          continue;
        }
        size_t j = static_cast<size_t>(
            std::partition_point(t_.begin(), t_.end(),
                                 [&](const Token& t) { return t.span.begin < later.source.begin; }) -
            t_.begin());
        while (j > 0 && t_[j - 1].kind == TokenKind::kPunct && !IsQuoteMark(t_[j - 1])) --j;
        if (j > 0 && t_[j - 1].span.end > outer.content.begin) outer.content.end = t_[j - 1].span.end;
      }
    }
    for (size_t a = out->size(); a > first_new; --a) {  // the innermost named source of the last cue
      const Attribution& at = (*out)[a - 1];
      if (!at.chain.empty()) {
        last_source_->Push(at.chain.back());
        break;
      }
    }
  }

 private:
  std::string Text(Source s) const {
    if (s.empty()) return "";
    return std::string(doc_.Text(Span{t_[s.begin].span.begin, t_[s.end - 1].span.end}));
  }
  Span SpanOf(Source s) const {
    if (s.empty()) return Span{};
    return Span{t_[s.begin].span.begin, t_[s.end - 1].span.end};
  }
  bool IsPronoun(Source s) const { return s.end == s.begin + 1 && lex_.Is(claims::kPronoun, t_[s.begin]); }

  // The source as the chain shows it: a pronoun resolved to the last named source.
  std::string Resolve(Source s) const {
    if (IsPronoun(s)) {  // the pronoun as written when no named source fits
      const std::string& named = last_source_->For(t_[s.begin].lower);
      return named.empty() ? Text(s) : named;
    }
    if (s.end == s.begin + 2 && t_[s.begin].lower == "the" && !last_issuer_->empty() &&
        (t_[s.begin + 1].lower == "statement" || t_[s.begin + 1].lower == "communique")) {
      return *last_issuer_;  // "the statement read"
    }
    return Text(s);
  }

  bool NounPhraseWord(size_t j) const {
    const Token& t = t_[j];
    if (t.kind == TokenKind::kNumber) return false;
    if (t.kind == TokenKind::kPunct) return t.lower == "-" || t.lower == "&";
    if (t.lower == "'s") return true;
    if (lex_.Is(claims::kStop, t) && !(t.capitalized && j > 0 && t_[j - 1].capitalized)) return false;
    if (lex_.Is(claims::kSpeech, t) || lex_.Is(claims::kDirective, t)) {
      // "reports said", "statements claimed": the noun before the verb
      return j + 1 < t_.size() && lex_.Is(claims::kSpeech, t_[j + 1]) && claims::HasSuffix(t.lower, "s");
    }
    if (!t.capitalized && (claims::HasSuffix(t.lower, "ing") || claims::HasSuffix(t.lower, "ed")) &&
        !(j > 0 && IsPunct(t_[j - 1], "-"))) {
      return false;
    }
    return true;
  }

  // The noun phrase that ends just before token `end` (adverbs already skipped).
  Source WalkBack(size_t end, size_t floor) const {
    size_t j = end;
    while (j > floor) {
      size_t p = j - 1;
      if (IsPunct(t_[p], ")")) {  // a parenthesis inside the phrase: "the co-chairs (Russia, France)"
        size_t open = p;
        while (open > floor && !IsPunct(t_[open], "(")) --open;
        if (IsPunct(t_[open], "(") && open > floor && p - open < 16) {
          j = open;
          continue;
        }
      }
      if (NounPhraseWord(p)) {
        j = p;
        continue;
      }
      // A comma inside a list of names: "Mike Pompeo, Russian Foreign Minister ..."
      if (IsPunct(t_[p], ",") && p > floor && p + 1 < end && t_[p - 1].capitalized && t_[p + 1].capitalized) {
        j = p;
        continue;
      }
      break;
    }
    Source s{j, end};
    // Stopped by a verb or a number: the words before an "and" belong to another
    // clause ("... expressed concern over the conflict and said").
    if (j > floor) {
      const Token& stopper = t_[j - 1];
      bool verb_like = stopper.kind == TokenKind::kNumber ||
                       (stopper.kind == TokenKind::kWord && !stopper.capitalized &&
                        (claims::HasSuffix(stopper.lower, "ing") || claims::HasSuffix(stopper.lower, "ed") ||
                         lex_.Is(claims::kSpeech, stopper) || lex_.Is(claims::kDirective, stopper)));
      if (verb_like) {
        for (size_t a = end; a > j; --a) {
          if (t_[a - 1].lower == "and") {
            s.begin = a;
            break;
          }
        }
      }
    }
    while (!s.empty() && (t_[s.begin].kind == TokenKind::kPunct || lex_.Is(claims::kLead, t_[s.begin]))) ++s.begin;
    while (!s.empty() &&
           (t_[s.end - 1].lower == "and" || (t_[s.end - 1].kind == TokenKind::kPunct && t_[s.end - 1].lower != ")"))) {
      --s.end;
    }
    if (s.end - s.begin > 24) s.begin = s.end - 24;
    return s;
  }

  // The noun phrase that starts at token `begin`.
  Source WalkForward(size_t begin) const {
    size_t j = begin;
    while (j < t_.size() && j - begin < 14) {
      const Token& t = t_[j];
      if (t.kind == TokenKind::kPunct && t.lower != "-") break;
      if (t.lower == "as" || t.lower == "that" || t.lower == "on" || t.lower == "who" || t.lower == "which") break;
      if (j > begin && !NounPhraseWord(j)) break;
      ++j;
    }
    Source s{begin, j};
    while (!s.empty() && (t_[s.end - 1].lower == "in" || t_[s.end - 1].lower == "of" || t_[s.end - 1].lower == "and"))
      --s.end;
    return s;
  }

  // A name followed by an apposition that ends with the comma at token `comma`: "Phil
  // Smith, a spokesman for the union," or "Quina Jones, 25,"; the apposition opens with
  // a determiner, a capitalised word, a number, "who" or "of", runs at most 30 tokens
  // and holds no double quotation mark, semicolon or full stop. Returns the name (capitalised), or empty.
  // Of several commas the farthest name wins: "Johnnie Wilson, of Springfield, Va.,".
  Source Appositive(size_t comma) const {
    if (!IsPunct(t_[comma], ",") || comma < 3) return Source{};
    static const char* const kOpeners[] = {"a", "an", "the", "his", "her", "its", "their", "one", "who", "whose", "of"};
    Source best;
    const size_t floor = comma > 30 ? comma - 30 : 0;
    for (size_t c = comma; c-- > floor + 1;) {
      const Token& t = t_[c];
      const bool abbreviation = IsPunct(t, ".") && t_[c - 1].capitalized && t_[c - 1].lower.size() <= 3;  // "Va."
      if (claims::IsDoubleQuoteMark(t.lower) || IsPunct(t, ";") || IsPunct(t, ":") ||
          (IsPunct(t, ".") && !abbreviation))
        break;
      if (!IsPunct(t, ",")) continue;
      const Token& opener = t_[c + 1];
      bool opens = opener.capitalized || opener.kind == TokenKind::kNumber;
      for (const char* word : kOpeners) opens |= opener.lower == word;
      if (!opens || c + 1 >= comma) continue;
      Source name = WalkBack(c, 0);
      if (name.empty() || !t_[name.end - 1].capitalized || lex_.Is(claims::kPronoun, t_[name.end - 1])) continue;
      best = name;
    }
    return best;
  }

  // Content from token `k` to the end of the sentence, without the final mark.
  Span ContentFrom(size_t k) const {
    size_t last = t_.size();
    while (last > k && t_[last - 1].kind == TokenKind::kPunct && !IsQuoteMark(t_[last - 1])) --last;
    if (last <= k) return Span{};
    return Span{t_[k].span.begin, t_[last - 1].span.end};
  }

  // Content from the start of the sentence up to token `stop` (exclusive), without a
  // trailing comma.
  Span ContentBefore(size_t stop) const {
    size_t first = 0;
    while (first < stop && t_[first].kind == TokenKind::kPunct && !claims::IsDoubleQuoteMark(t_[first].lower)) ++first;
    size_t last = stop;
    while (last > first && (IsPunct(t_[last - 1], ",") || IsPunct(t_[last - 1], ":"))) --last;
    if (last <= first) return Span{};
    return Span{t_[first].span.begin, t_[last - 1].span.end};
  }

  bool QuoteAfter(size_t k) const { return quotes_.BeginsIn(t_[k].span.end, sentence_.end); }
  // "to" and a word within the six words after the verb at k, before any punctuation:
  // "urges supporters to monitor", "called on the sides to stop".
  bool ToInfinitiveAfter(size_t k) const {
    for (size_t j = k + 1; j < t_.size() && j <= k + 7; ++j) {
      if (t_[j].kind == TokenKind::kPunct) return false;
      if (t_[j].lower == "to" && j + 1 < t_.size() && t_[j + 1].kind != TokenKind::kPunct) return j > k + 1;
    }
    return false;
  }
  // From the word after k to the end of the clause (a semicolon or the sentence's end),
  // the final stop left out.
  Span ClauseAfter(size_t k) const {
    size_t first = k + 1;
    size_t last = first;
    for (size_t j = first; j < t_.size(); ++j) {
      if (IsPunct(t_[j], ";")) break;
      if (t_[j].kind != TokenKind::kPunct) last = j + 1;
    }
    if (first >= last) return Span{};
    return Span{t_[first].span.begin, t_[last - 1].span.end};
  }
  bool QuoteBefore(size_t k) const { return quotes_.EndsIn(sentence_.begin, t_[k].span.begin); }

  void PrepositionalCue(size_t k, size_t length, std::vector<Attribution>* out) {
    Source source = WalkForward(k + length);
    if (source.empty()) return;
    Attribution a;
    a.cue = Span{t_[k].span.begin, t_[k + length - 1].span.end};
    a.source = SpanOf(source);
    a.chain.push_back(Resolve(source));
    // Sentence-initial ("According to X, ...") or after an opening adverb: content after.
    bool words_before = false;
    for (size_t j = 0; j < k && !words_before; ++j) {
      words_before = t_[j].kind == TokenKind::kWord && !lex_.Is(claims::kLead, t_[j]);
    }
    if (!words_before) {
      size_t j = source.end;
      while (j < t_.size() && t_[j].kind == TokenKind::kPunct) ++j;
      a.content = j < t_.size() ? ContentFrom(j) : Span{};
    } else {
      a.content = ContentBefore(k);
    }
    out->push_back(std::move(a));
  }

  static bool IsBe(const Token& t) {
    return t.lower == "is" || t.lower == "are" || t.lower == "was" || t.lower == "were" || t.lower == "been" ||
           t.lower == "be";
  }

  enum class CueKind { kNone, kSpeech, kDirective };
  CueKind KindOf(const std::string& word) const {
    if (lex_.speech.count(word) > 0) return CueKind::kSpeech;
    return lex_.directive.count(word) > 0 ? CueKind::kDirective : CueKind::kNone;
  }

  // Whether token k is a cue, and the form the cue lists hold in *form: the word itself,
  // or for a progressive ("is defending", "were urging") its past form ("defended",
  // "urged"). None for a passive ("was described", "were told": the subject is not the
  // speaker). Most tokens are decided by one or two look-ups.
  CueKind ListedForm(size_t k, std::string* form) const {
    const Token& t = t_[k];
    CueKind kind = lex_.Is(claims::kSpeech, t)      ? CueKind::kSpeech
                   : lex_.Is(claims::kDirective, t) ? CueKind::kDirective
                                                    : CueKind::kNone;
    const bool progressive = kind == CueKind::kNone && claims::HasSuffix(t.lower, "ing");
    if (kind == CueKind::kNone && !progressive) return CueKind::kNone;
    size_t before = k;
    while (before > 0 && (t_[before - 1].lower == "also" || t_[before - 1].lower == "still" ||
                          t_[before - 1].lower == "not" || t_[before - 1].lower == "repeatedly")) {
      --before;
    }
    const bool after_be = before > 0 && IsBe(t_[before - 1]);
    if (progressive) {
      if (!after_be) return CueKind::kNone;
      form->assign(t.lower, 0, t.lower.size() - 3);
      if (form->back() == 'y') form->back() = 'i';
      form->append("ed");
      return KindOf(*form);
    }
    if (after_be && t.lower != "quoted" && (claims::HasSuffix(t.lower, "ed") || t.lower == "told" || t.lower == "said"))
      return CueKind::kNone;
    *form = t.lower;
    return kind;
  }

  void VerbCue(size_t k, const std::string& form, bool directive, std::vector<Attribution>* out) {
    const Token& verb = t_[k];
    // A capitalised word inside a sentence is a name, not a verb: "the United States".
    if (k > 0 && verb.span.size() > 0) {
      const char first = doc_.text()[verb.span.begin];
      if (first >= 'A' && first <= 'Z') return;
    }
    // "the reported attack", "a claimed victory": an adjective, not a cue.
    // After a determiner or preposition the word is a noun: "the reported attack",
    // "alarm at reports of", "its claims".
    if (k > 0) {
      static const char* const kNounMarkers[] = {"the",  "a",     "an",  "at",    "of",   "in",  "for",
                                                 "with", "from",  "to",  "on",    "by",   "its", "his",
                                                 "her",  "their", "our", "these", "those"};
      for (const char* marker : kNounMarkers) {
        if (t_[k - 1].lower == marker) return;
      }
    }
    // "states" is a noun far more often than a verb ("swing states", "member states"):
    // a cue only before "that", a quotation or a colon.
    if (verb.lower == "states") {
      const Token* next = k + 1 < t_.size() ? &t_[k + 1] : nullptr;
      if (next == nullptr || !(next->lower == "that" || IsQuoteMark(*next) || IsPunct(*next, ":"))) return;
    }
    // A directive attributes a quotation after it, or for a verb of appeal "X to do Y"
    // ("urges supporters to monitor", "called on both sides to stop": the rest of the
    // clause, recipient included) or "for X" ("called for a ceasefire": X).
    bool appeal_content = false;
    size_t content_after = k;  // the content starts after this token
    if (directive && !QuoteAfter(k)) {
      if (!lex_.appeal.count(form)) return;
      if (k + 1 < t_.size() && t_[k + 1].lower == "for") {
        content_after = k + 1;  // "called for a ceasefire"
      } else if (!ToInfinitiveAfter(k)) {
        return;
      }
      appeal_content = true;
    }
    // "who asked not to be named": a request about the source, no statement.
    if (k + 1 < t_.size() && t_[k + 1].lower == "not" && (verb.lower == "asked" || verb.lower == "requested")) return;
    // A speech noun before a speech verb is the subject's head: "unconfirmed reports said".
    if (k + 1 < t_.size() && lex_.Is(claims::kSpeech, t_[k + 1]) && claims::HasSuffix(verb.lower, "s")) return;
    // Adverbs between the source and the verb ("also", "reportedly", "had").
    size_t end = k;
    while (end > 0 && lex_.Is(claims::kAdverb, t_[end - 1])) --end;
    Source source = WalkBack(end, 0);
    // A date is no source: "officials on Thursday said" is the officials', "Thursday
    // said" nobody's.
    while (!source.empty() && AllTimed(source)) {
      size_t before = source.begin;
      if (before > 0 && (t_[before - 1].lower == "on" || t_[before - 1].lower == "last" ||
                         t_[before - 1].lower == "this" || t_[before - 1].lower == "late" ||
                         t_[before - 1].lower == "early")) {
        --before;
      }
      source = before < source.begin ? WalkBack(before, 0) : Source{};
      if (source.empty()) return;
    }
    // A subject, then a clause between commas before the verb: "the ministry, which is
    // run by Hamas, said"; "a council member, who asked not to be named, told";
    // "the ministry, citing local officials, said".
    if (source.empty() && end > 1 && IsPunct(t_[end - 1], ",")) {
      size_t open = end - 1;
      while (open > 0 && end - 1 - open < 30 && !IsPunct(t_[open - 1], ",") && !IsQuoteMark(t_[open - 1]) &&
             !IsPunct(t_[open - 1], ";")) {
        --open;
      }
      if (open > 1 && IsPunct(t_[open - 1], ",") && open < end - 1) {
        const std::string_view first = t_[open].lower;
        const bool clause = first == "which" || first == "who" || first == "whose" || first == "citing" ||
                            first == "quoting" || first == "speaking" || first == "according" ||
                            (claims::HasSuffix(first, "ed") && !t_[open].capitalized);
        Source subject = WalkBack(open - 1, 0);
        if (clause && !subject.empty() && !AllTimed(subject)) {
          source = subject;
          // "citing X": X is the inner source
          if (first == "citing" || first == "quoting") {
            Source inner = WalkForward(open + 1);
            if (!inner.empty()) interrupting_inner_ = Resolve(inner);
          }
        }
      }
    }
    bool inverted = false;
    std::string chain_name;  // the chain's name when it is not the source's text
    bool relative = false;   // the source is "who": never a postposed cue
    if (source.empty() && end > 0) {
      // "Scott Pruitt, the attorney general of Oklahoma, said": the name and its
      // apposition; "voters, who said": the relative pronoun, standing for the voters.
      if (Source named = Appositive(end - 1); !named.empty()) {
        source = Source{named.begin, end - 1};
        chain_name = Text(named);
      } else if (t_[end - 1].lower == "who" && end >= 3 && IsPunct(t_[end - 2], ",")) {
        Source antecedent = WalkBack(end - 2, 0);
        if (!antecedent.empty()) {
          source = Source{end - 1, end};
          chain_name = Text(antecedent);
          relative = true;
        }
      }
    }
    if (source.empty()) {
      const Token* before = end > 0 ? &t_[end - 1] : nullptr;
      if (before != nullptr && (IsPunct(*before, ",") || IsQuoteMark(*before)) && !directive) {
        source = WalkForward(k + 1);  // "..., said the ministry"
        inverted = true;
      } else if (before != nullptr && (before->lower == "and" || before->lower == "but")) {
        // "... and added": the subject of the previous cue, or the last source.
        Attribution a;
        a.cue = verb.span;
        if (!out->empty() && out->back().cue.begin >= sentence_.begin)
          a.chain = out->back().chain;
        else if (!last_source_->Last().empty())
          a.chain.push_back(last_source_->Last());
        if (a.chain.empty()) return;
        a.content = ContentAfterVerb(k);
        out->push_back(std::move(a));
        return;
      } else if (verb.lower == "saying" && !out->empty() && out->back().cue.begin >= sentence_.begin) {
        Attribution a;
        a.cue = verb.span;
        a.chain = out->back().chain;
        a.content = ContentAfterVerb(k);
        out->push_back(std::move(a));
        return;
      }
    }
    if (source.empty()) return;
    if (verb.lower == "read") {  // "the statement read": only documents read
      std::string_view head = t_[source.end - 1].lower;
      if (head != "statement" && head != "message" && head != "letter" && head != "note" && head != "post") return;
    }
    if (verb.lower == "saying" && !IsPronoun(source)) return;  // participle after its own subject: handled above
    Attribution a;
    a.cue = verb.span;
    a.source = SpanOf(source);
    std::string resolved = chain_name.empty() ? Resolve(source) : chain_name;
    if (resolved.empty()) return;
    a.chain.push_back(resolved);
    if (!interrupting_inner_.empty()) {
      a.chain.push_back(interrupting_inner_);
      interrupting_inner_.clear();
    }
    auto hedge = lex_.hedge_cue.find(form);
    if (hedge != lex_.hedge_cue.end()) a.hedge = hedge->second;
    size_t after = inverted ? source.end : k + 1;
    // Inner sources: "quoted X (as saying)", "reported citing X", "said, citing X".
    size_t next = after;
    if (verb.lower == "quoted" || verb.lower == "cited") {
      Source inner = WalkForward(after);
      if (!inner.empty()) {
        a.chain.push_back(Resolve(inner));
        next = inner.end;
        if (next + 1 < t_.size() && t_[next].lower == "as" && t_[next + 1].lower == "saying") next += 2;
      }
    } else {
      size_t c = after;
      if (c < t_.size() && IsPunct(t_[c], ",")) ++c;
      if (c < t_.size() && lex_.Is(claims::kChainCue, t_[c])) {
        Source inner = WalkForward(c + 1);
        if (!inner.empty()) {
          a.chain.push_back(Resolve(inner));
          next = inner.end;
        }
      }
    }
    // Postposed ("..., TASS reported"): the cue closes the sentence or clause and
    // follows a comma or a closing mark; the content comes before.
    size_t boundary = inverted ? end : source.begin;
    bool postposed = inverted;
    if (!postposed && !directive && !relative && boundary > 1 &&
        (IsPunct(t_[boundary - 1], ",") || IsQuoteMark(t_[boundary - 1]))) {
      size_t words_after = 0;
      size_t j = next;
      while (j < t_.size() && !IsPunct(t_[j], ",") && !IsPunct(t_[j], ";")) {
        if (t_[j].kind != TokenKind::kPunct) ++words_after;
        ++j;
      }
      postposed = words_after <= 5;
    }
    if (appeal_content) {
      a.content = ClauseAfter(content_after);
    } else if (postposed && boundary > 1) {
      a.content = ContentBefore(boundary);
    } else {
      a.content = ContentAfterVerb(next - 1);
    }
    if (a.content.empty()) return;
    out->push_back(std::move(a));
  }

  bool AllTimed(Source s) const {
    for (size_t j = s.begin; j < s.end; ++j) {
      if (j >= timed_.size() || !timed_[j]) return false;
    }
    return !s.empty();
  }

  // Content after the cue at token k: skips a recipient ("told reporters"), "in a
  // statement", and punctuation.
  Span ContentAfterVerb(size_t k) const {
    size_t j = k + 1;
    if (t_[k].lower == "told" || t_[k].lower == "tells" || t_[k].lower == "asked" || t_[k].lower == "urged") {
      Source recipient = WalkForward(j);
      j = recipient.end;
    }
    while (j < t_.size()) {
      if (t_[j].kind == TokenKind::kPunct && !claims::IsDoubleQuoteMark(t_[j].lower) &&
          !claims::IsSingleQuoteMark(t_[j].lower)) {
        ++j;
      } else if (j + 2 < t_.size() && t_[j].lower == "in" && (t_[j + 1].lower == "a" || t_[j + 1].lower == "its") &&
                 t_[j + 2].lower == "statement") {
        j += 3;
      } else if (j + 3 < t_.size() && t_[j].lower == "on" && t_[j + 1].lower == "condition" &&
                 t_[j + 2].lower == "of" && t_[j + 3].lower == "anonymity") {
        j += 4;  // "said on condition of anonymity that ..."
      } else {
        break;
      }
    }
    if (j >= t_.size()) return Span{};
    return ContentFrom(j);
  }

  const Document& doc_;
  Span sentence_;
  const std::vector<Token>& t_;
  const std::vector<bool>& quoted_;
  const std::vector<bool>& timed_;  // per token: inside a time expression ("Thursday")
  const QuoteEdges& quotes_;
  SourceHistory* last_source_;
  std::string* last_issuer_;
  const claims::Lexicon& lex_;
  std::string interrupting_inner_;  // "the ministry, citing officials, said": the officials
};

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool letter = c != ' ' && c != '\n' && c != '\t';
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

}  // namespace

AttributionTagger::AttributionTagger() : info_{"attribution", {Layer::kSentences, Layer::kTokens}, {Layer::kAttribution}} {}

ChainFinder::ChainFinder(const Document& document)
    : document_(document), contents_(std::make_unique<SpanIndex>(document.attributions.size(), [&](size_t a) {
        return document.attributions[a].content;
      })) {}

ChainFinder::~ChainFinder() = default;

void ChainFinder::ChainFor(Span span, std::vector<std::string>* chain, std::string* hedge) const {
  std::vector<uint32_t> overlapping;
  contents_->ForEach(span, [&](uint32_t a) { overlapping.push_back(a); });
  std::sort(overlapping.begin(), overlapping.end());  // document order, as ties are kept
  std::vector<const Attribution*> holders;
  for (uint32_t index : overlapping) {
    const Attribution& a = document_.attributions[index];
    if (a.content.Contains(span) || (a.content.Overlaps(span) && a.content.begin <= span.begin)) {
      holders.push_back(&a);
    }
  }
  std::stable_sort(holders.begin(), holders.end(),
                   [](const Attribution* a, const Attribution* b) { return a->content.size() > b->content.size(); });
  for (const Attribution* a : holders) {
    for (const std::string& s : a->chain) {
      if (std::find(chain->begin(), chain->end(), s) == chain->end()) chain->push_back(s);
    }
    if (hedge->empty()) *hedge = a->hedge;
  }
}

// "PENCE: Well, look, ..." (a transcript's speaker label, in capitals) anywhere, and
// "Pat Caddell: Democrat Voters Worried ..." (a headline opening with its source): the
// label is the source, the rest of the line what it says. Returns false when `line`
// has no such label.
bool LabelledLine(std::string_view text, Span line, bool headline, Attribution* out) {
  static const char* const kNotSources[] = {
      "read",      "watch",    "video",   "photos",    "photo",     "live",     "breaking", "update",       "updated",
      "exclusive", "analysis", "opinion", "editorial", "also read", "see also", "note",     "editor's note"};
  const std::string_view body = line.Of(text);
  size_t i = 0;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '"')) ++i;
  if (body.substr(i, 3) == "\xE2\x80\x9C") i += 3;  // an opening curly quote
  const size_t label_begin = i;
  int words = 0;
  bool all_capitals = true;
  while (i < body.size() && words < 4) {
    const size_t word_begin = i;
    const auto first = static_cast<unsigned char>(body[i]);
    if (!(first >= 'A' && first <= 'Z') && first < 0xC0) return false;  // every word capitalised
    while (i < body.size() && body[i] != ' ' && body[i] != ':' && body[i] != ',') {
      if (body[i] >= 'a' && body[i] <= 'z') all_capitals = false;
      ++i;
    }
    if (i - word_begin < 2) return false;
    ++words;
    if (i < body.size() && body[i] == ':') break;
    if (i < body.size() && body[i] == ' ') ++i;
  }
  if (i >= body.size() || body[i] != ':' || words == 0) return false;
  if (!headline && !all_capitals) return false;  // in the body, only transcript labels
  const size_t colon = i;
  std::string label(body.substr(label_begin, colon - label_begin));
  std::string folded = label;
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : kNotSources) {
    if (folded == word) return false;
  }
  size_t content_begin = colon + 1;
  while (content_begin < body.size() && body[content_begin] == ' ') ++content_begin;
  size_t content_end = body.size();
  while (content_end > content_begin && (body[content_end - 1] == ' ' || body[content_end - 1] == '\r')) --content_end;
  if (WordCount(body.substr(content_begin, content_end - content_begin)) < 3) return false;
  const auto at = [&](size_t offset) { return static_cast<uint32_t>(line.begin + offset); };
  out->source = Span{at(label_begin), at(colon)};
  out->cue = Span{at(colon), at(colon + 1)};
  out->content = Span{at(content_begin), at(content_end)};
  out->chain = {label};
  return true;
}

Status AttributionTagger::Process(Document& document) const {
  document.attributions.clear();
  document.quotes.clear();
  const std::string& text = document.text();
  std::vector<RawQuote> quotes = FindQuotes(text, document.ContentSpans());
  SourceHistory last_source;
  std::string last_issuer;
  // Labelled lines: the headline's own, and transcript speakers in the body.
  bool first_line = true;
  std::vector<Span> headline_sentences;
  for (const Sentence& sentence : document.sentences) {
    if (sentence.headline) headline_sentences.push_back(sentence.span);
  }
  const SpanIndex headlines(headline_sentences.size(), [&](size_t h) { return headline_sentences[h]; });
  for (Span line : document.ContentSpans()) {
    // The headline, or a short first line (a headline the cleaner left in the text).
    bool headline = line.Overlaps(document.metadata.title_span) || (first_line && WordCount(line.Of(text)) <= 25);
    first_line = false;
    if (headlines.Any(line)) headline = true;
    Attribution labelled;
    if (LabelledLine(text, line, headline, &labelled)) document.attributions.push_back(std::move(labelled));
  }
  const SpanIndex quote_index(quotes.size(), [&](size_t q) { return quotes[q].inner; });
  const SpanIndex time_index(document.time_expressions.size(),
                             [&](size_t t) { return document.time_expressions[t].span; });
  // Quotations of more than two words, by the spans of their words.
  std::vector<bool> long_quote(quotes.size());
  for (size_t q = 0; q < quotes.size(); ++q) long_quote[q] = WordCount(quotes[q].inner.Of(text)) > 2;
  const QuoteEdges edges(quotes);
  for (const Sentence& sentence : document.sentences) {
    if (document.PastDeadline()) return Document::DeadlineStatus(info_.name);
    const auto index = static_cast<uint32_t>(&sentence - document.sentences.data());
    std::vector<claims::Token> tokens = claims::SentenceTokens(document, index);
    claims::ClaimsLexicon().Classify(&tokens);
    std::vector<bool> quoted(tokens.size(), false);
    quote_index.ForEach(sentence.span, [&](uint32_t q) {  // only the quotations that reach into this sentence
      if (!long_quote[q]) return;
      const Span inner = quotes[q].inner;
      // The tokens inside: from the first that begins at or after the quotation's start.
      auto first = std::partition_point(tokens.begin(), tokens.end(),
                                        [&](const claims::Token& t) { return t.span.begin < inner.begin; });
      for (auto it = first; it != tokens.end() && it->span.begin < inner.end; ++it) {
        if (inner.Contains(it->span)) quoted[static_cast<size_t>(it - tokens.begin())] = true;
      }
    });
    std::vector<bool> timed(tokens.size(), false);
    time_index.ForEach(sentence.span, [&](uint32_t t) {
      const Span span = document.time_expressions[t].span;
      auto first = std::partition_point(tokens.begin(), tokens.end(),
                                        [&](const claims::Token& token) { return token.span.begin < span.begin; });
      for (auto it = first; it != tokens.end() && it->span.begin < span.end; ++it) {
        if (span.Contains(it->span)) timed[static_cast<size_t>(it - tokens.begin())] = true;
      }
    });
    SentenceAttributor(document, sentence.span, tokens, quoted, timed, edges, &last_source, &last_issuer)
        .Run(&document.attributions);
  }
  const ChainFinder chains(document);
  const SpanIndex sentence_index(document.sentences.size(), [&](size_t k) { return document.sentences[k].span; });
  // Quotes: speaker from the attributions holding them; a quotation with no cue in its
  // sentence takes the speaker of the quotation before it (a statement over paragraphs).
  size_t previous = SIZE_MAX;
  for (const RawQuote& raw : quotes) {
    Quote q;
    q.span = raw.inner;
    std::string hedge;
    chains.ChainFor(raw.inner, &q.chain, &hedge);
    std::string_view body = raw.inner.Of(text);
    size_t words = WordCount(body);
    // Where the quotation sits in its sentence: the first it reaches into.
    const Sentence* home = nullptr;
    sentence_index.ForEach(raw.inner, [&](uint32_t k) {
      if (home == nullptr || &document.sentences[k] < home) home = &document.sentences[k];
    });
    bool starts_sentence = home == nullptr || raw.inner.begin <= home->span.begin + 4;
    bool after_cue_mark = false;  // "said:", "added, ", "as saying"
    if (home != nullptr && !starts_sentence) {
      std::string_view before = TrimSpaces(Span{home->span.begin, raw.inner.begin}.Of(text));
      while (!before.empty() && (before.back() == '"' || static_cast<unsigned char>(before.back()) >= 0x80)) {
        size_t cut = before.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(before[cut]) & 0xC0) == 0x80) --cut;
        before = TrimSpaces(before.substr(0, cut));
      }
      after_cue_mark = !before.empty() && (before.back() == ':' || before.back() == ',' ||
                                           (before.size() >= 6 && before.substr(before.size() - 6) == "saying"));
    }
    bool capital = !body.empty() && ((body[0] >= 'A' && body[0] <= 'Z') || body[0] == '[');
    // A short quoted sentence right after a statement, in its paragraph, goes on with it:
    // "'Here he is, babe,' she said. 'Donald's here.'"
    bool continues = false;
    if (previous != SIZE_MAX && starts_sentence) {
      const Span before = document.quotes[previous].span;
      continues = before.end < raw.inner.begin && raw.inner.begin - before.end < 160 &&
                  Span{before.end, raw.inner.begin}.Of(text).find('\n') == std::string_view::npos;
    }
    if (raw.is_double && capital && (starts_sentence || after_cue_mark) && (words >= 4 || continues)) {
      q.kind = QuoteKind::kStatement;
    } else if (words >= 8 && !q.chain.empty()) {
      q.kind = QuoteKind::kPartial;
    } else {
      q.kind = QuoteKind::kScare;
    }
    if (q.chain.empty() && previous != SIZE_MAX && q.kind == QuoteKind::kStatement) {
      q.chain = document.quotes[previous].chain;
    }
    if (!q.chain.empty()) q.speaker = q.chain.back();
    document.quotes.push_back(std::move(q));
    if (document.quotes.back().kind != QuoteKind::kScare) previous = document.quotes.size() - 1;
  }
  return Status::Ok();
}

}  // namespace casus
