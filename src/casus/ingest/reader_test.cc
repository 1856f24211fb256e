#include "casus/ingest/reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <filesystem>

#include "tests/testing/temp_dir.h"

namespace casus::ingest {
namespace {

struct Batch {
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;

  std::string Messages() const {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.ToString() + "\n";
    return out;
  }
  bool Has(const std::string& id) const {
    for (const Document& d : documents) {
      if (d.id() == id) return true;
    }
    return false;
  }
};

Batch Read(const std::vector<std::string>& paths, ReaderOptions options = {}) {
  Batch batch;
  ReadInputs(
      paths, options, [&](Document&& d) { batch.documents.push_back(std::move(d)); },
      [&](Diagnostic&& d) { batch.diagnostics.push_back(std::move(d)); });
  return batch;
}

const char kArticle[] = " date 2023-09-20 Officials said talks would resume.\n\nMore text here.\n";

TEST(CrawlText, HeaderGivesDateAndBoilerplate) {
  Document d = ParseCrawlText(kArticle, "x", "x.txt");
  EXPECT_EQ(d.metadata.published, "2023-09-20");
  ASSERT_EQ(d.boilerplate.size(), 1u);
  EXPECT_EQ(d.Text(d.boilerplate[0].span), " date 2023-09-20 ");
  Document plain = ParseCrawlText("date of the talks was not set.\n", "y", "y.txt");
  EXPECT_TRUE(plain.boilerplate.empty());
  EXPECT_EQ(plain.metadata.published, "");
}

TEST(JsonRecord, ReadsFieldsAndRejectsBadRecords) {
  Result<Document> d =
      ParseJsonRecord(R"({"id": 42, "text": "Body text.", "title": "T", "url": "https://example.org/a", )"
                      R"("published": "2023-09-20T13:01:00Z", "source": "Example News", "extra": [1, 2]})",
                      "f.jsonl:1");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->id(), "42");
  EXPECT_EQ(d->metadata.title, "T");
  EXPECT_EQ(d->metadata.published, "2023-09-20");
  EXPECT_EQ(d->metadata.published_time, "13:01");
  EXPECT_EQ(d->metadata.publisher, "Example News");
  Result<Document> hashed = ParseJsonRecord(R"({"text": "Body text."})", "f.jsonl:2");
  ASSERT_TRUE(hashed.ok());
  EXPECT_EQ(hashed->id().size(), 16u);
  EXPECT_EQ(ParseJsonRecord(R"({"title": "no text"})", "f").status().message(), "missing required field 'text'");
  EXPECT_EQ(ParseJsonRecord(R"({"text": 7})", "f").status().message(), "field 'text' must be a string");
  EXPECT_EQ(ParseJsonRecord(R"({"text": "x",)", "f").status().code(), ErrorCode::kMalformedInput);
  EXPECT_EQ(ParseJsonRecord(R"([1, 2])", "f").status().code(), ErrorCode::kMalformedInput);
  EXPECT_EQ(ParseJsonRecord(R"({"text": "x"} trailing)", "f").status().code(), ErrorCode::kMalformedInput);
}

TEST(Html, ExtractsArticleTextAndMetadata) {
  const char* page = R"(<!DOCTYPE html><html><head><title>Truce holds | Example News</title>
<meta property="og:title" content="Truce holds in border region">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-06-02T09:30:00+03:00">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://example.org/truce">
<script>var tracking = "Read - this must not appear";</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header class="site-header">Example News Network</header>
<article><h1>Truce holds in border region</h1>
<p>The truce held for a second day on Sunday, officials said.</p>
<div class="share-bar">Share on Facebook</div>
<p>Aid convoys reached the town &amp; its villages, according to the Red Cross. The road remained closed to private traffic, and residents said food was scarce in several districts.</p>
<figure><img src="a.jpg"><figcaption>Photo: Example</figcaption></figure>
<section id="comments"><p>Comment: great article</p></section>
</article><footer>Copyright Example News</footer></body></html>)";
  Result<Document> d = ParseHtml(page, "truce", "truce.html");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->metadata.title, "Truce holds in border region");
  EXPECT_EQ(d->metadata.publisher, "Example News");
  EXPECT_EQ(d->metadata.author, "Ana Ruiz");
  EXPECT_EQ(d->metadata.url, "https://example.org/truce");
  EXPECT_EQ(d->metadata.published, "2024-06-02");
  EXPECT_EQ(d->metadata.published_time, "09:30");
  const std::string& text = d->text();
  EXPECT_NE(text.find("Truce holds in border region\n\nThe truce held for a second day"), std::string::npos) << text;
  EXPECT_NE(text.find("the town & its villages"), std::string::npos);
  for (const char* absent :
       {"tracking", "Home", "Share on Facebook", "Photo: Example", "great article", "Copyright", "Network", "color"}) {
    EXPECT_EQ(text.find(absent), std::string::npos) << absent << " in:\n" << text;
  }
}

TEST(Html, TitleFallsBackToTitleElementWithoutSiteName) {
  Result<Document> d = ParseHtml(
      "<html><head><title>Convoy attacked near Mopti | Sahel Wire</title></head><body><p>Gunmen attacked a "
      "convoy near Mopti on Thursday, the army said.</p></body></html>",
      "c", "c.html");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->metadata.title, "Convoy attacked near Mopti");
}

TEST(Html, SurvivesHostileMarkup) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "text";
  Result<Document> nested = ParseHtml(deep, "deep", "deep.html");
  EXPECT_FALSE(nested.ok());
  EXPECT_NE(nested.status().message().find("nested deeper"), std::string::npos);
  Result<Document> junk = ParseHtml("<p>Unclosed <b>tags <i>and </p></div></span>&#xFFFFFFFF; &bogus; text", "j", "j");
  ASSERT_TRUE(junk.ok());
  EXPECT_NE(junk->text().find("Unclosed tags and"), std::string::npos);
  EXPECT_EQ(ParseHtml("<html><script>only()</script></html>", "e", "e").status().code(), ErrorCode::kEmptyInput);
}

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// Markup that once cost gigabytes or minutes: each is refused, quickly, with a message
// saying which bound it passed.
TEST(Html, RefusesMarkupPastItsBounds) {
  const std::string body = "<html><body><p>Shelling resumed near the border on Monday, officials said.</p>";
  const struct {
    std::string page;
    const char* message;
  } kCases[] = {
      {body + Repeat("<marquee></>", 20000), "nested deeper than 4000"},  // "</>" closes nothing
      {body + Repeat("<div/>", 100000), "nested deeper than 4000"},       // the slash is ignored
      {body + Repeat("<p a=1>x", 260000), "more than 250000 elements"},
      {body + "<div " + Repeat("a b c d ", 100) + ">x</div>", "more than 256 attributes"},
      {body + Repeat("<span a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 j=10>x</span>", 110000),
       "more than 1000000 attributes"},
      // Formatting elements left open are reopened in every later paragraph.
      {body + "<p>" + Repeat("<b class=x>", 1) +
           [] {
             std::string open;
             for (int k = 0; k < 3000; ++k) open += "<b id=" + std::to_string(k) + ">";
             return open;
           }() +
           "</p>" + Repeat("<p>x</p>", 3000),
       "would take more than 64 MB"},
  };
  for (const auto& c : kCases) {
    Result<Document> d = ParseHtml(c.page, "bad", "bad.html");
    ASSERT_FALSE(d.ok()) << c.message;
    EXPECT_EQ(d.status().code(), ErrorCode::kMalformedInput);
    EXPECT_NE(d.status().message().find(c.message), std::string::npos) << d.status().message();
  }
  // A "<" with no ">" after it, many times, is text and costs one pass.
  Result<Document> open = ParseHtml(body + Repeat("<a", 200000) + "</p>", "open", "open.html");
  EXPECT_TRUE(open.ok() || open.status().code() == ErrorCode::kEmptyInput) << open.status().message();
}

// What real pages do in plenty stays within the bounds: paragraphs and list items left
// open, self-closed SVG shapes, tags quoted in scripts and comments.
TEST(Html, MeasuresWhatRealPagesDo) {
  const std::string text = "<p>Shelling resumed near the border on Monday, officials said.</p>";
  EXPECT_EQ(MeasureMarkup("<html><body>" + Repeat("<p>text", 20000) + "<ul>" + Repeat("<li>item", 20000)).depth, 4u);
  EXPECT_EQ(MeasureMarkup("<body><svg>" + Repeat("<path d=\"M0 0\"/>", 50000) + "</svg>").depth, 2u);
  EXPECT_EQ(MeasureMarkup("<body><script>" + Repeat("if (a<b) x = '<div>';", 5000) + "</script><!-- " +
                          Repeat("<div>", 5000) + " --><p>x</p>")
                .depth,
            2u);
  const MarkupCost table = MeasureMarkup("<table>" + Repeat("<tr><td>a<td>b<th>c", 1000) + "</table><dl>" +
                                         Repeat("<dt>t<dd>d", 1000) + "</dl>");
  EXPECT_EQ(table.depth, 3u);
  EXPECT_EQ(table.elements, 6002u);
  EXPECT_EQ(MeasureMarkup("<div class=\"a b\" data-x='1 2 3' hidden>x</div>").attributes, 3u);
  Result<Document> page = ParseHtml("<html><body><article>" + text + Repeat("<p>More text of the report.", 5000) +
                                        "<svg>" + Repeat("<circle r=\"1\"/>", 20000) + "</svg></article></body></html>",
                                    "page", "page.html");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_NE(page->text().find("Shelling resumed"), std::string::npos);
  EXPECT_EQ(HtmlParseBudget(1000), size_t{64} << 20);
  EXPECT_EQ(HtmlParseBudget(size_t{16} << 20), size_t{768} << 20);
}

// --- Bad input: each is reported by file (and line), and the batch goes on. ---

TEST(BadInput, AHostilePageCostsItselfNotTheBatch) {
  testing::TempDir dir;
  dir.Write("a.html", "<html><body><p>" + Repeat("<marquee></>", 50000) + "</p></body></html>");
  dir.Write("b.txt", kArticle);
  Batch batch = Read({dir.path()});
  EXPECT_TRUE(batch.Has("b")) << batch.Messages();
  ASSERT_EQ(batch.diagnostics.size(), 1u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].source, dir.Join("a.html"));
  EXPECT_NE(batch.diagnostics[0].message.find("nested deeper"), std::string::npos);
}

TEST(BadInput, ANulByteAnywhereMakesAFileBinary) {
  testing::TempDir dir;
  std::string text(100000, 'a');
  text[90000] = '\0';
  dir.Write("late.txt", text);
  Batch batch = Read({dir.path()});
  EXPECT_TRUE(batch.documents.empty());
  ASSERT_EQ(batch.diagnostics.size(), 1u);
  EXPECT_NE(batch.diagnostics[0].message.find("NUL byte at offset 90000"), std::string::npos) << batch.Messages();
}

TEST(JsonRecord, BigNumbersInOtherFieldsAndUnreadableDates) {
  testing::TempDir dir;
  dir.Write("a.jsonl",
            "{\"id\":\"big\",\"views\":123456789012345678901234567890,\"text\":\"Talks resumed.\"}\n"
            "{\"id\":\"huge\",\"score\":1e400,\"ratio\":-0.5,\"text\":\"Talks resumed \\\"123\\\".\"}\n"
            "{\"id\":98765432109876543210987654321,\"text\":\"Talks resumed.\"}\n"
            "{\"id\":\"when\",\"published\":\"sometime soon\",\"text\":\"Talks resumed.\"}\n"
            "{\"id\":\"broken\",\"text\":\"Talks resumed.\",\"n\":1e400\n");
  Batch batch = Read({dir.path()});
  EXPECT_TRUE(batch.Has("big")) << batch.Messages();
  EXPECT_TRUE(batch.Has("huge")) << batch.Messages();
  EXPECT_TRUE(batch.Has("98765432109876543210987654321")) << batch.Messages();
  ASSERT_TRUE(batch.Has("when"));
  for (const Document& d : batch.documents) {
    if (d.id() == "huge") {
      EXPECT_EQ(d.text(), "Talks resumed \"123\".");  // strings keep their digits
    }
  }
  ASSERT_EQ(batch.diagnostics.size(), 2u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].line, 4u);
  EXPECT_EQ(batch.diagnostics[0].severity, Severity::kWarning);
  EXPECT_NE(batch.diagnostics[0].message.find("'sometime soon'"), std::string::npos);
  EXPECT_EQ(batch.diagnostics[1].line, 5u);  // still malformed: the object is never closed
  EXPECT_EQ(batch.diagnostics[1].severity, Severity::kError);
}

TEST(BadInput, InvalidUtf8IsRepairedWithAWarning) {
  testing::TempDir dir;
  std::string bad = dir.Write("bad.txt", "Line one.\nCaf\xE9 and \xFF more.\n");
  dir.Write("good.txt", kArticle);
  Batch batch = Read({dir.path()});
  ASSERT_EQ(batch.diagnostics.size(), 1u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(batch.diagnostics[0].ToString(),
            bad + ": warning: invalid UTF-8 at line 2, byte 4; 2 invalid sequences replaced by U+FFFD");
  EXPECT_TRUE(batch.Has("bad"));
  EXPECT_TRUE(batch.Has("good"));
}

TEST(BadInput, BinaryFileIsSkipped) {
  testing::TempDir dir;
  std::string binary = dir.Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string nul = dir.Write("nul.txt", std::string("text\0with NUL", 13));
  dir.Write("good.txt", kArticle);
  Batch batch = Read({dir.path()});
  ASSERT_EQ(batch.diagnostics.size(), 2u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].ToString(), binary + ": error: binary file (a PNG image), not text; skipped");
  EXPECT_EQ(batch.diagnostics[1].ToString(), nul + ": error: binary file (NUL byte at offset 4), not text; skipped");
  EXPECT_EQ(batch.documents.size(), 1u);
}

TEST(BadInput, EmptyFilesAreSkipped) {
  testing::TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string blank = dir.Write("blank.txt", " \n\n\t\n");
  std::string empty_jsonl = dir.Write("empty.jsonl", "");
  dir.Write("good.txt", kArticle);
  Batch batch = Read({dir.path()});
  EXPECT_EQ(batch.Messages(), blank + ": error: file holds only white space; skipped\n" + empty_jsonl +
                                  ": error: empty file; skipped\n" + empty + ": error: empty file; skipped\n");
  EXPECT_EQ(batch.documents.size(), 1u);
}

TEST(BadInput, HundredMegabyteLinesAreRejectedWithBoundedMemory) {
  testing::TempDir dir;
  std::string huge(100u << 20, 'a');
  std::string text_file = dir.Write("huge.txt", huge);
  std::string jsonl =
      dir.Write("feed.jsonl", "{\"text\": \"first\"}\n{\"text\": \"" + huge + "\"}\n{\"text\": \"third\"}\n");
  huge.clear();
  huge.shrink_to_fit();
  Batch batch = Read({text_file, jsonl});
  ASSERT_EQ(batch.diagnostics.size(), 2u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].ToString(),
            text_file +
                ": error: file of 104857600 bytes exceeds the document limit of 16777216 bytes (--max-bytes); skipped");
  EXPECT_EQ(
      batch.diagnostics[1].ToString(),
      jsonl + ":2: error: line of 104857612 bytes exceeds the document limit of 16777216 bytes (--max-bytes); skipped");
  ASSERT_EQ(batch.documents.size(), 2u);
  EXPECT_EQ(batch.documents[0].text(), "first");
  EXPECT_EQ(batch.documents[1].text(), "third");
  EXPECT_EQ(batch.documents[1].source(), jsonl + ":3");
}

TEST(BadInput, MalformedJsonLinesAreReportedByLine) {
  testing::TempDir dir;
  std::string feed = dir.Write("feed.jsonl",
                               "{\"id\": \"a\", \"text\": \"first\"}\n"
                               "{\"id\": \"b\", \"text\": \"broken\n"
                               "\n"
                               "not json at all\n"
                               "{\"id\": \"c\"}\n"
                               "{\"id\": \"d\", \"text\": \"fourth\"}");
  Batch batch = Read({feed});
  ASSERT_EQ(batch.diagnostics.size(), 3u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].line, 2u);
  EXPECT_NE(batch.diagnostics[0].ToString().find(feed + ":2: error: malformed JSON"), std::string::npos);
  EXPECT_EQ(batch.diagnostics[1].line, 4u);
  EXPECT_EQ(batch.diagnostics[2].ToString(), feed + ":5: error: missing required field 'text'");
  ASSERT_EQ(batch.documents.size(), 2u);
  EXPECT_EQ(batch.documents[0].id(), "a");
  EXPECT_EQ(batch.documents[1].id(), "d");
}

TEST(BadInput, UnreadableFilesAreReported) {
  testing::TempDir dir;
  dir.Write("good.txt", kArticle);
  std::string dangling = dir.Join("gone.txt");
  ASSERT_EQ(::symlink(dir.Join("missing-target.txt").c_str(), dangling.c_str()), 0);
  std::string missing = dir.Join("never-existed.txt");
  std::vector<std::string> paths = {dir.path(), missing};
  std::string locked;
  if (::geteuid() != 0) {  // root reads any file, so permission bits test nothing there
    locked = dir.Write("sub/locked.txt", kArticle);
    ::chmod(locked.c_str(), 0);
  }
  Batch batch = Read(paths);
  std::string messages = batch.Messages();
  EXPECT_NE(messages.find(dangling + ": error: cannot read (broken link): No such file or directory"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find(missing + ": error: cannot read: No such file or directory"), std::string::npos) << messages;
  if (!locked.empty()) {
    EXPECT_NE(messages.find(locked + ": error: cannot open: Permission denied"), std::string::npos);
  }
  EXPECT_TRUE(batch.Has("good"));
}

TEST(BadInput, DirectoryLoopsAreReadOnce) {
  testing::TempDir dir;
  dir.Write("a/one.txt", kArticle);
  std::string loop = dir.Join("a/back-to-top");
  ASSERT_EQ(::symlink(dir.path().c_str(), loop.c_str()), 0);
  Batch batch = Read({dir.path()});
  ASSERT_EQ(batch.diagnostics.size(), 1u) << batch.Messages();
  EXPECT_EQ(batch.diagnostics[0].code, ErrorCode::kLoop);
  EXPECT_EQ(batch.diagnostics[0].source, loop);
  EXPECT_EQ(batch.documents.size(), 1u);
}

TEST(Formats, ChosenByExtensionThenContent) {
  testing::TempDir dir;
  dir.Write("page.htm", "<html><body><p>Page text that is long enough.</p></body></html>");
  dir.Write("sniffed", "<!DOCTYPE html><p>Sniffed page.</p>");
  dir.Write("feed.ndjson", "{\"id\": \"j1\", \"text\": \"json text\"}\n");
  dir.Write("plain.txt", "{ not json, a text file that starts with a brace }");
  Batch batch = Read({dir.path()});
  EXPECT_EQ(batch.Messages(), "");
  ASSERT_EQ(batch.documents.size(), 4u);
  EXPECT_EQ(batch.documents[0].id(), "j1");
  EXPECT_EQ(batch.documents[0].format(), SourceFormat::kJsonLines);
  EXPECT_EQ(batch.documents[1].format(), SourceFormat::kHtml);
  EXPECT_EQ(batch.documents[2].format(), SourceFormat::kCrawlText);
  EXPECT_EQ(batch.documents[3].format(), SourceFormat::kHtml);
  EXPECT_EQ(batch.documents[3].id(), "sniffed");
}

}  // namespace
}  // namespace casus::ingest
