// Sentence boundaries by rule; see sentences.h for the rules and their word lists.
#include "casus/segment/sentences.h"

#include <string>
#include <unordered_set>

#include "casus/core/text.h"
#include "casus/lexicon/resources.h"
#include "casus/lexicon/tsv.h"

namespace casus {

struct SentenceSplitter::Lexicon {
  std::unordered_set<std::string_view> title_abbreviations;
  std::unordered_set<std::string_view> other_abbreviations;
  std::unordered_set<std::string_view> openers;
};

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a closing quote or bracket at `i`, 0 when none.
size_t ClosingMarkLength(std::string_view s, size_t i) {
  char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (s.compare(i, 3, "\xE2\x80\x9D") == 0 || s.compare(i, 3, "\xE2\x80\x99") == 0) return 3;  // ” ’
  if (s.compare(i, 2, "\xC2\xBB") == 0) return 2;                                              // »
  return 0;
}

// True when a sentence may start at `i`: a capital, a digit, an opening quote or
// bracket, or a non-ASCII letter.
bool CanStartSentence(std::string_view s, size_t i) {
  char c = s[i];
  if (IsUpper(c) || IsDigit(c) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) return true;  // “ ‘
  if (s.compare(i, 2, "\xC2\xAB") == 0) return true;                                              // «
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0xC3 && u < 0xE2;  // Latin and other letters with diacritics
}

// The word that follows position `i` (letters only), for the opener check.
std::string_view NextWord(std::string_view s, size_t i) {
  while (i < s.size() && !IsUpper(s[i]) && !IsLower(s[i]) && !IsDigit(s[i]) && i < s.size()) {
    if (IsSpace(s[i])) return {};
    ++i;
  }
  size_t j = i;
  while (j < s.size() && (IsUpper(s[j]) || IsLower(s[j]))) ++j;
  return s.substr(i, j - i);
}

}  // namespace

SentenceSplitter::SentenceSplitter() : lexicon_(std::make_unique<Lexicon>()) {
  info_ = StageInfo{"sentences", {Layer::kBoilerplate, Layer::kMetadata}, {Layer::kSentences}};
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::abbreviations())) {
    if (row.size() < 2) continue;
    (row[1] == "title" ? lexicon_->title_abbreviations : lexicon_->other_abbreviations).insert(row[0]);
  }
  for (const lexicon::TsvRow& row : lexicon::ParseTsv(resources::sentence_openers())) {
    if (!row.empty()) lexicon_->openers.insert(row[0]);
  }
}

SentenceSplitter::~SentenceSplitter() = default;

// Where to cut a run [begin, end) longer than `limit`: the end of the last semicolon,
// else comma, else blank in (begin + limit / 2, begin + limit]; else the last character
// boundary at begin + limit.
uint32_t CutPoint(std::string_view text, uint32_t begin, uint32_t limit) {
  const uint32_t last = begin + limit, half = begin + limit / 2;
  for (const char mark : {';', ','}) {
    for (uint32_t i = last; i > half; --i) {
      if (text[i - 1] == mark) return i;
    }
  }
  for (uint32_t i = last; i > half; --i) {
    if (IsSpace(text[i - 1])) return i;
  }
  uint32_t cut = last;
  while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

void SentenceSplitter::SplitParagraph(std::string_view text, Span paragraph, uint32_t paragraph_index,
                                      std::vector<Sentence>* out) const {
  uint32_t start = paragraph.begin;
  auto emit = [&](uint32_t end) {
    Span sentence = TrimSpan(text, Span{start, end});
    while (sentence.size() > kMaxSentenceBytes) {
      const uint32_t cut = CutPoint(text, sentence.begin, kMaxSentenceBytes);
      Span piece = TrimSpan(text, Span{sentence.begin, cut});
      if (!piece.empty()) out->push_back(Sentence{piece, paragraph_index, false});
      sentence = TrimSpan(text, Span{cut, sentence.end});
    }
    if (!sentence.empty()) out->push_back(Sentence{sentence, paragraph_index, false});
    start = end;
  };
  size_t i = paragraph.begin;
  while (i < paragraph.end) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') {
      ++i;
      continue;
    }
    size_t terminator = i;
    size_t j = i + 1;
    while (j < paragraph.end && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;  // "..." "?!"
    while (j < paragraph.end) {
      size_t mark = ClosingMarkLength(text, j);
      if (mark == 0) break;
      j += mark;
    }
    size_t boundary = j;
    if (j >= paragraph.end || SpaceLengthAt(text, j) == 0) {
      i = j;
      continue;
    }
    while (j < paragraph.end) {
      size_t space = SpaceLengthAt(text, j);
      if (space == 0) break;
      j += space;
    }
    if (j >= paragraph.end || !CanStartSentence(text, j)) {
      i = j;
      continue;
    }
    bool split = true;
    if (c == '.' && boundary == terminator + 1) {
      // The word before the period.
      // (At most 64 bytes back: no abbreviation is longer, and a long run without blanks
      // must not be walked once per period in it.)
      size_t word_begin = terminator;
      while (word_begin > paragraph.begin && terminator - word_begin < 64 && !IsSpace(text[word_begin - 1]) &&
             text[word_begin - 1] != '(' && text[word_begin - 1] != '"') {
        --word_begin;
      }
      std::string_view word = text.substr(word_begin, terminator - word_begin);
      bool single_initial = word.size() == 1 && IsUpper(word[0]);
      bool dotted_acronym = word.find('.') != std::string_view::npos && word.size() <= 8;
      if (lexicon_->title_abbreviations.count(word)) {
        split = false;
      } else if (single_initial || dotted_acronym || lexicon_->other_abbreviations.count(word)) {
        split = lexicon_->openers.count(NextWord(text, j)) > 0;
      }
    }
    if (split) emit(static_cast<uint32_t>(boundary));
    i = j;
  }
  emit(paragraph.end);
}

Status SentenceSplitter::Process(Document& document) const {
  document.sentences.clear();
  std::vector<Span> paragraphs = document.ContentSpans();
  const std::string_view text = document.text();
  for (uint32_t index = 0; index < paragraphs.size(); ++index) {
    size_t first = document.sentences.size();
    SplitParagraph(text, paragraphs[index], index, &document.sentences);
    if (!document.metadata.title_span.empty() && paragraphs[index] == document.metadata.title_span) {
      for (size_t k = first; k < document.sentences.size(); ++k) document.sentences[k].headline = true;
    }
  }
  return Status::Ok();
}

}  // namespace casus
