#include "casus/core/utf8.h"

#include <gtest/gtest.h>

#include "casus/core/text.h"

namespace casus {
namespace {

TEST(Utf8, ValidatesAndFindsFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("plain ASCII text, long enough for the fast path"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Guterres: Ant\xC3\xB3nio \xE2\x80\x9Cquote\xE2\x80\x9D \xF0\x9F\x98\x80"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("abc\xFFxyz"), 3u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);             // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);        // surrogate
  EXPECT_EQ(FindInvalidUtf8("0123456789\xE2\x80"), 10u);  // truncated at the end
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);     // above U+10FFFF
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  std::string text = "caf\xE9 au lait \xE2\x80 ok";
  Utf8Repair repair = RepairUtf8(text);
  EXPECT_EQ(repair.replaced, 2u);
  EXPECT_EQ(repair.first_offset, 3u);
  EXPECT_EQ(text, "caf\xEF\xBF\xBD au lait \xEF\xBF\xBD ok");
  EXPECT_EQ(FindInvalidUtf8(text), std::string_view::npos);
  std::string valid = "fine";
  EXPECT_EQ(RepairUtf8(valid).replaced, 0u);
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  std::string out;
  for (char32_t cp : {U'A', U'\u00F3', U'\u201C', U'\U0001F600'}) AppendUtf8(cp, &out);
  size_t offset = 0;
  EXPECT_EQ(DecodeUtf8(out, &offset), U'A');
  EXPECT_EQ(DecodeUtf8(out, &offset), U'\u00F3');
  EXPECT_EQ(DecodeUtf8(out, &offset), U'\u201C');
  EXPECT_EQ(DecodeUtf8(out, &offset), U'\U0001F600');
  EXPECT_EQ(offset, out.size());
}

TEST(Text, TrimsUnicodeSpaces) {
  EXPECT_EQ(TrimSpaces("\xC2\xA0 wounded.\xC2\xA0\xC2\xA0 "), "wounded.");
  EXPECT_EQ(TrimSpaces("\xE2\x80\x89x\xE3\x80\x80"), "x");
  EXPECT_EQ(TrimSpaces("\xC2\xA0"), "");
  std::string_view text = "  ab  ";
  Span span = TrimSpan(text, Span{0, 6});
  EXPECT_EQ(span.begin, 2u);
  EXPECT_EQ(span.end, 4u);
}

TEST(TerminalSafe, EscapesWhatATerminalWouldObey) {
  const struct {
    std::string text;
    bool keep_lines;
    const char* expected;
  } kCases[] = {
      {"plain text, \xC3\xA9t\xC3\xA9", false, "plain text, \xC3\xA9t\xC3\xA9"},
      {"\x1B]0;owned\x07title", false, "\\x1b]0;owned\\x07title"},            // OSC window title
      {"\x1B]8;;http://x\x1B\\link", false, "\\x1b]8;;http://x\\x1b\\link"},  // hyperlink
      {"wiped\x1B[2J", false, "wiped\\x1b[2J"},
      {"safe\rforged\bX\x7F", false, "safe\\rforged\\x08X\\x7f"},
      {"csi \xC2\x9B"
       "31m",
       false, "csi \\u009b31m"},                           // C1 CSI, U+009B
      {"a\xE2\x80\xAEtxt.exe", false, "a\\u202etxt.exe"},  // right-to-left override
      {"bad \xFF\xC3 byte", false, "bad \\xff\\xc3 byte"},
      {"two\nlines\tand", false, "two\\nlines\\tand"},
      {"two\nlines\tand\r", true, "two\nlines\tand\\r"},
  };
  for (const auto& c : kCases) EXPECT_EQ(TerminalSafe(c.text, c.keep_lines), c.expected) << c.text;
}

}  // namespace
}  // namespace casus
