// HTML pages to Documents with gumbo (an HTML5 parser that accepts any input).
//
// Metadata comes from <title>, Open Graph and article meta tags, JSON-LD fields and
// <time datetime>. The main text comes from the best root (an <article>, an element
// marked articleBody, <main>, else <body>) walked in document order with an explicit
// stack (no recursion, so hostile nesting cannot overflow the stack). Scripts, styles,
// navigation, forms, asides, figures and elements whose class or id names a widget
// (share, comments, related, newsletter, ad ...) are skipped. Block elements end
// paragraphs; paragraphs are joined by blank lines, white space collapsed.
#include <gumbo.h>

#include <algorithm>
#include <csetjmp>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "casus/core/calendar.h"
#include "casus/ingest/reader.h"

namespace casus::ingest {
namespace {

// What a page may make gumbo build; a page past any bound is refused with an error
// naming it. Gumbo frees its tree recursively (depth), spends time and memory per
// element, and checks each attribute against the tag's others (quadratic in one tag).
// Real pages stay far below: the 91 pages of the article-extraction benchmark reach a
// depth of at most 51, 1,600 elements and 64 attributes on a tag.
constexpr size_t kMaxNesting = 4000;
constexpr size_t kMaxElements = 250000;
constexpr size_t kMaxAttributes = 256;           // on one tag
constexpr size_t kMaxTotalAttributes = 1000000;  // on the whole page

const char* Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_MENU: return true;
    default: return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: return true;
    default: return false;
  }
}

// Class and id tokens that mark page furniture rather than article text.
bool IsWidgetName(std::string_view value) {
  static const char* const kTokens[] = {
      "comment",    "comments",     "share",   "sharing",       "social",       "related",     "newsletter",
      "subscribe",  "subscription", "advert",  "advertisement", "ad",           "ads",         "promo",
      "sidebar",    "cookie",       "cookies", "breadcrumb",    "breadcrumbs",  "nav",         "navbar",
      "navigation", "menu",         "footer",  "popup",         "modal",        "recommended", "recommendations",
      "outbrain",   "taboola",      "tags",    "masthead",      "paywall",      "signup",      "banner",
      "toolbar",    "disqus",       "caption", "credit",        "byline-share", "most-read",   "trending",
      "read-more",  "readmore"};
  std::string lower = Lower(value);
  size_t i = 0;
  while (i < lower.size()) {
    size_t j = i;
    while (j < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[j])))) ++j;
    std::string_view token(lower.data() + i, j - i);
    for (const char* candidate : kTokens) {
      if (token == candidate) return true;
    }
    i = j + 1;
  }
  return false;
}

bool IsSkippedElement(const GumboNode* node, bool inside_article) {
  GumboTag tag = node->v.element.tag;
  if (IsSkippedTag(tag)) return true;
  if (tag == GUMBO_TAG_HEADER && !inside_article) return true;
  const char* hidden = Attribute(node, "hidden");
  if (hidden != nullptr) return true;
  const char* aria = Attribute(node, "aria-hidden");
  if (aria != nullptr && std::strcmp(aria, "true") == 0) return true;
  const char* role = Attribute(node, "role");
  if (role != nullptr && (std::strcmp(role, "navigation") == 0 || std::strcmp(role, "complementary") == 0 ||
                          std::strcmp(role, "banner") == 0 || std::strcmp(role, "contentinfo") == 0)) {
    return true;
  }
  for (const char* name : {"class", "id"}) {
    const char* value = Attribute(node, name);
    if (value != nullptr && IsWidgetName(value)) return true;
  }
  return false;
}

void AppendCollapsed(std::string_view text, std::string* out) {
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

void EndParagraph(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (out->empty()) return;
  if (out->size() >= 2 && (*out)[out->size() - 1] == '\n' && (*out)[out->size() - 2] == '\n') return;
  if (out->back() == '\n') {
    out->push_back('\n');
  } else {
    out->append("\n\n");
  }
}

// Plain text of a subtree (for <title> and headings), white space collapsed.
std::string TextOf(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(node->v.text.text, &out);
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = node->v.element.children;
      for (size_t i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

struct PageFacts {
  std::string title, og_title, site_name, url, author, published, json_ld;
  std::vector<const GumboNode*> articles, article_bodies, mains, times;
  const GumboNode* body = nullptr;
};

void SetOnce(std::string* field, const char* value) {
  if (field->empty() && value != nullptr && value[0] != '\0') *field = value;
}

// One pass over the whole tree: meta tags, candidate roots, <time> elements.
void CollectFacts(const GumboNode* root, PageFacts* facts) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TITLE && facts->title.empty()) facts->title = TextOf(node);
    if (tag == GUMBO_TAG_META) {
      const char* key = Attribute(node, "property");
      if (key == nullptr) key = Attribute(node, "name");
      if (key == nullptr) key = Attribute(node, "itemprop");
      const char* content = Attribute(node, "content");
      if (key != nullptr && content != nullptr) {
        std::string k = Lower(key);
        if (k == "og:title" || k == "twitter:title") SetOnce(&facts->og_title, content);
        if (k == "og:site_name" || k == "application-name" || k == "publisher") SetOnce(&facts->site_name, content);
        if (k == "og:url") SetOnce(&facts->url, content);
        if (k == "author" || k == "article:author" || k == "byl" || k == "dc.creator" || k == "sailthru.author") {
          std::string value = content;
          if (value.rfind("http", 0) != 0) SetOnce(&facts->author, value.c_str());
        }
        if (k == "article:published_time" || k == "og:published_time" || k == "datepublished" || k == "pubdate" ||
            k == "publishdate" || k == "publish-date" || k == "date" || k == "dc.date" || k == "dc.date.issued" ||
            k == "dcterms.created" || k == "sailthru.date" || k == "parsely-pub-date" || k == "article.published" ||
            k == "citation_publication_date") {
          SetOnce(&facts->published, content);
        }
      }
    }
    if (tag == GUMBO_TAG_LINK) {
      const char* rel = Attribute(node, "rel");
      if (rel != nullptr && std::strcmp(rel, "canonical") == 0) SetOnce(&facts->url, Attribute(node, "href"));
    }
    if (tag == GUMBO_TAG_SCRIPT) {
      const char* type = Attribute(node, "type");
      if (type != nullptr && std::strcmp(type, "application/ld+json") == 0) facts->json_ld += TextOf(node);
      continue;
    }
    if (tag == GUMBO_TAG_ARTICLE) facts->articles.push_back(node);
    if (tag == GUMBO_TAG_MAIN) facts->mains.push_back(node);
    if (tag == GUMBO_TAG_BODY && facts->body == nullptr) facts->body = node;
    if (tag == GUMBO_TAG_TIME && Attribute(node, "datetime") != nullptr) facts->times.push_back(node);
    const char* itemprop = Attribute(node, "itemprop");
    if (itemprop != nullptr && std::strcmp(itemprop, "articleBody") == 0) facts->article_bodies.push_back(node);
    if (itemprop != nullptr && std::strcmp(itemprop, "datePublished") == 0) {
      SetOnce(&facts->published, Attribute(node, "datetime"));
      SetOnce(&facts->published, Attribute(node, "content"));
    }
    const GumboVector& children = node->v.element.children;
    for (size_t i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

// The string value of `"key": "value"` in JSON-LD text, without a JSON parser.
std::string JsonLdString(std::string_view json, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\"";
  size_t at = json.find(needle);
  if (at == std::string_view::npos) return "";
  size_t i = at + needle.size();
  while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\n' || json[i] == '\t')) ++i;
  if (i >= json.size() || json[i] != '"') return "";
  size_t end = json.find('"', i + 1);
  if (end == std::string_view::npos || end - i > 200) return "";
  return std::string(json.substr(i + 1, end - i - 1));
}

// Main text of `root`, see the file comment.
std::string ExtractText(const GumboNode* root, bool inside_article) {
  std::string out;
  struct Item {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Item> stack = {{root, false}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* node = item.node;
    if (item.closing) {
      EndParagraph(&out);
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(node->v.text.text, &out);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node != root && IsSkippedElement(node, inside_article)) continue;
    GumboTag tag = node->v.element.tag;
    bool block = IsBlockTag(tag);
    if (block) {
      EndParagraph(&out);
      stack.push_back({node, true});
    }
    const GumboVector& children = node->v.element.children;
    for (size_t i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// "Truce holds | Example News" -> "Truce holds": a <title> often ends with the site's
// name after a separator; cut it when it is the site name or at most four words.
std::string StripSiteSuffix(const std::string& title, const std::string& site_name) {
  for (const char* separator : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: "}) {
    size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string suffix = title.substr(at + std::strlen(separator));
    size_t words = 1 + static_cast<size_t>(std::count(suffix.begin(), suffix.end(), ' '));
    if (suffix == site_name || words <= 4) return title.substr(0, at);
  }
  return title;
}

// What a page would make gumbo build, read in one linear pass over the markup before
// gumbo sees it: start tags (elements), the deepest nesting and the most attributes on
// one tag. The pass models what makes trees deep or parsing slow, not all of HTML:
// comments, doctypes and the text of raw-text elements (script, style, textarea, ...)
// hold no tags; an end tag closes the nearest open element of its name among the 16
// innermost (else it is ignored, as "</>" and stray end tags are); "<x/>" opens x,
// as HTML ignores the slash, except for void elements and inside SVG or MathML; a
// table row closes the open cells and row, a cell the open cell, a list item, dt or dd
// the open one of its kind, an option the open option, and these and block elements an
// open paragraph, as the HTML parser does.
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool NameIs(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view candidate : names) {
    if (name.size() != candidate.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) same = AsciiLower(name[i]) == candidate[i];
    if (same) return true;
  }
  return false;
}

// Position of the first case-insensitive "</name" at or after `from`, or npos.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() <= html.size() && NameIs(html.substr(i + 2, name.size()), {name})) return i;
  }
  return std::string_view::npos;
}

MarkupCost Measure(std::string_view html) {
  MarkupCost cost;
  std::vector<std::string_view> open;  // names of the open elements, innermost last
  size_t foreign = 0;                  // open <svg> and <math> elements
  const size_t n = html.size();
  size_t i = html.find('<');
  while (i != std::string_view::npos && i + 1 < n) {
    const char next = html[i + 1];
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t close = html.find("-->", i + 4);
      if (close == std::string_view::npos) break;
      i = html.find('<', close + 3);
      continue;
    }
    if (next == '!' || next == '?' || (next == '/' && (i + 2 >= n || !IsAsciiAlpha(html[i + 2])))) {
      const size_t close = html.find('>', i + 1);  // a doctype, a bogus comment, "</>"
      if (close == std::string_view::npos) break;
      i = html.find('<', close + 1);
      continue;
    }
    const bool end_tag = next == '/';
    if (!end_tag && !IsAsciiAlpha(next)) {
      i = html.find('<', i + 1);  // "<" as text: "a < b", "<3"
      continue;
    }
    size_t j = i + (end_tag ? 2 : 1);
    const size_t name_begin = j;
    while (j < n && html[j] != '>' && html[j] != '/' && html[j] != ' ' && html[j] != '\t' && html[j] != '\n' &&
           html[j] != '\r' && html[j] != '\f') {
      ++j;
    }
    const std::string_view name = html.substr(name_begin, j - name_begin);
    // The rest of the tag: attributes (a name after blanks, outside quotes) up to '>'.
    size_t attributes = 0;
    bool blank = true, self_closing = false;
    char quote = 0;
    for (; j < n; ++j) {
      const char c = html[j];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') break;
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        blank = true;
        continue;
      } else if (c != '=' && c != '/' && blank) {
        ++attributes;
      }
      blank = c == '/';
      self_closing = c == '/';
    }
    if (j >= n) break;  // a tag left open: the rest is one tag, nothing more to build
    cost.attributes = std::max(cost.attributes, attributes);
    cost.total_attributes += attributes;
    i = html.find('<', j + 1);
    if (end_tag) {
      for (size_t k = open.size(); k > 0 && open.size() - k < 16; --k) {
        if (!NameIs(open[k - 1], {name})) continue;
        for (size_t popped = k - 1; popped < open.size(); ++popped) {
          if (NameIs(open[popped], {"svg", "math"}) && foreign > 0) --foreign;
        }
        open.resize(k - 1);
        break;
      }
      continue;
    }
    ++cost.elements;
    if (NameIs(name, {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "col", "base", "embed",
                      "param", "track", "keygen"}) ||
        (self_closing && foreign > 0)) {
      continue;
    }
    if (NameIs(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"})) {
      const size_t close = FindEndTag(html, j + 1, name);
      if (close == std::string_view::npos) break;
      i = close;  // the end tag itself is read next and closes nothing open
      continue;
    }
    // The open elements this start tag closes, innermost first.
    auto closes = [&](std::string_view top) {
      if (NameIs(name, {"tr"})) return NameIs(top, {"tr", "td", "th", "p"});
      if (NameIs(name, {"td", "th"})) return NameIs(top, {"td", "th", "p"});
      if (NameIs(name, {"li"})) return NameIs(top, {"li", "p"});
      if (NameIs(name, {"dt", "dd"})) return NameIs(top, {"dt", "dd", "p"});
      if (NameIs(name, {"option"})) return NameIs(top, {"option"});
      return NameIs(top, {"p"}) &&
             NameIs(name, {"p",   "div",  "ul",         "ol",      "table",   "h1",     "h2",     "h3",  "h4",
                           "h5",  "h6",   "blockquote", "section", "article", "header", "footer", "nav", "aside",
                           "pre", "form", "dl",         "hr",      "figure",  "main",   "address"});
    };
    while (!open.empty() && closes(open.back())) open.pop_back();
    open.push_back(name);
    if (NameIs(name, {"svg", "math"})) ++foreign;
    cost.depth = std::max(cost.depth, open.size());
  }
  return cost;
}

// The memory gumbo allocates while parsing one page, all of it from here: each block
// carries a header linking it into a list, so the whole tree is freed at once (no
// recursion over a deep tree), and a parse that would pass its budget is abandoned:
// the allocator jumps back to ParseWithin (only C frames of gumbo's lie between), which
// reports it, and the arena frees what gumbo had built. The budget catches what no
// count of tags predicts, such as formatting elements reopened for every paragraph
// ("<b id=1>...<b id=3000></p><p>x</p>..." builds millions of elements from 60 KB).
class GumboArena {
 public:
  explicit GumboArena(size_t budget) : budget_(budget) {}
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() { Release(); }

  // Parses `html` with `options` (whose allocator fields this sets); nullptr when the
  // budget ran out, and then nothing gumbo built is left.
  GumboOutput* ParseWithin(GumboOptions options, std::string_view html) {
    options.allocator = &Allocate;
    options.deallocator = &Deallocate;
    options.userdata = this;
    if (setjmp(escape_) != 0) {
      Release();
      return nullptr;
    }
    return gumbo_parse_with_options(&options, html.data(), html.size());
  }
  // Frees every block still allocated.
  void Release() {
    while (head_ != nullptr) {
      Block* next = head_->next;
      std::free(head_);
      head_ = next;
    }
    live_ = 0;
  }
  size_t peak() const { return peak_; }

 private:
  struct alignas(std::max_align_t) Block {
    Block* previous;
    Block* next;
    size_t size;
  };
  static void* Allocate(void* userdata, size_t size) {
    auto* arena = static_cast<GumboArena*>(userdata);
    if (arena->live_ + size > arena->budget_) std::longjmp(arena->escape_, 1);
    auto* block = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (block == nullptr) std::longjmp(arena->escape_, 1);
    block->previous = nullptr;
    block->next = arena->head_;
    block->size = size;
    if (arena->head_ != nullptr) arena->head_->previous = block;
    arena->head_ = block;
    arena->live_ += size;
    arena->peak_ = std::max(arena->peak_, arena->live_);
    return block + 1;
  }
  static void Deallocate(void* userdata, void* pointer) {
    if (pointer == nullptr) return;
    auto* arena = static_cast<GumboArena*>(userdata);
    Block* block = static_cast<Block*>(pointer) - 1;
    if (block->previous != nullptr) {
      block->previous->next = block->next;
    } else {
      arena->head_ = block->next;
    }
    if (block->next != nullptr) block->next->previous = block->previous;
    arena->live_ -= block->size;
    std::free(block);
  }

  size_t budget_;
  size_t live_ = 0, peak_ = 0;
  Block* head_ = nullptr;
  std::jmp_buf escape_;
};

}  // namespace

size_t HtmlParseBudget(size_t html_bytes) {
  return std::clamp<size_t>(html_bytes * 48, size_t{64} << 20, size_t{1} << 30);
}

MarkupCost MeasureMarkup(std::string_view html) { return Measure(html); }

Result<Document> ParseHtml(std::string_view html, std::string id, std::string source) {
  const MarkupCost cost = Measure(html);
  if (cost.depth > kMaxNesting) {
    return Status(ErrorCode::kMalformedInput,
                  "HTML nested deeper than " + std::to_string(kMaxNesting) + " elements; skipped");
  }
  if (cost.elements > kMaxElements) {
    return Status(ErrorCode::kMalformedInput, "HTML holds more than " + std::to_string(kMaxElements) + " elements (" +
                                                  std::to_string(cost.elements) + "); skipped");
  }
  if (cost.total_attributes > kMaxTotalAttributes) {
    return Status(ErrorCode::kMalformedInput, "HTML holds more than " + std::to_string(kMaxTotalAttributes) +
                                                  " attributes (" + std::to_string(cost.total_attributes) +
                                                  "); skipped");
  }
  if (cost.attributes > kMaxAttributes) {
    return Status(ErrorCode::kMalformedInput, "an HTML tag holds more than " + std::to_string(kMaxAttributes) +
                                                  " attributes (" + std::to_string(cost.attributes) + "); skipped");
  }
  // No parse errors are kept: casus reads none, and gumbo copies the stack of open
  // elements into each one (quadratic memory on deep, broken markup).
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboArena arena(HtmlParseBudget(html.size()));
  GumboOutput* output = arena.ParseWithin(options, html);
  if (output == nullptr) {
    return Status(ErrorCode::kMalformedInput, "parsing this HTML would take more than " +
                                                  std::to_string(HtmlParseBudget(html.size()) >> 20) +
                                                  " MB (markup that multiplies elements); skipped");
  }
  PageFacts facts;
  CollectFacts(output->root, &facts);
  // Choose the root holding the article text.
  const GumboNode* root = nullptr;
  bool inside_article = true;
  auto longest = [](const std::vector<const GumboNode*>& nodes) -> const GumboNode* {
    const GumboNode* best = nullptr;
    size_t best_length = 0;
    for (const GumboNode* node : nodes) {
      size_t length = ExtractText(node, true).size();
      if (length > best_length) {
        best = node;
        best_length = length;
      }
    }
    return best_length >= 200 ? best : nullptr;
  };
  root = longest(facts.article_bodies);
  if (root == nullptr) root = longest(facts.articles);
  if (root == nullptr) root = longest(facts.mains);
  if (root == nullptr) {
    root = facts.body != nullptr ? facts.body : output->root;
    inside_article = false;
  }
  std::string text = ExtractText(root, inside_article);
  std::string title = !facts.og_title.empty() ? facts.og_title : StripSiteSuffix(facts.title, facts.site_name);
  std::string published = facts.published;
  if (published.empty()) published = JsonLdString(facts.json_ld, "datePublished");
  if (published.empty() && !facts.times.empty()) published = Attribute(facts.times.front(), "datetime");
  std::string site_name = facts.site_name;
  arena.Release();  // the whole tree at once, however deep

  if (text.find_first_not_of(" \n") == std::string::npos) {
    return Status(ErrorCode::kEmptyInput, "HTML page holds no article text; skipped");
  }
  Document document(std::move(id), std::move(source), SourceFormat::kHtml, std::move(text));
  Metadata& metadata = document.metadata;
  metadata.title = std::move(title);
  metadata.url = std::move(facts.url);
  metadata.publisher = std::move(site_name);
  metadata.author = std::move(facts.author);
  if (!published.empty()) {
    std::optional<DateTimeMatch> date = ParseTimestamp(published);
    if (!date) date = MatchDateTime(published);
    if (date) {
      metadata.published = date->IsoDate();
      metadata.published_time = date->IsoTime();
      metadata.published_zone = date->zone;
      metadata.published_from = "html meta";
    }
  }
  return document;
}

}  // namespace casus::ingest
