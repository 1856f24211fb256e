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
#include <cstring>
#include <string>
#include <vector>

#include "casus/core/calendar.h"
#include "casus/ingest/reader.h"

namespace casus::ingest {
namespace {

// Above this nesting depth the page is rejected: gumbo frees trees recursively.
constexpr size_t kMaxNesting = 4000;

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

// Rough nesting depth of the markup: start tags minus end tags, ignoring void tags.
size_t NestingDepth(std::string_view html) {
  size_t depth = 0, deepest = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    char next = html[i + 1];
    if (next == '/') {
      if (depth > 0) --depth;
    } else if (std::isalpha(static_cast<unsigned char>(next))) {
      size_t close = html.find('>', i);
      if (close != std::string_view::npos && close > 0 && html[close - 1] == '/') continue;
      static const char* const kVoid[] = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "col"};
      size_t j = i + 1;
      while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
      std::string name = Lower(html.substr(i + 1, j - i - 1));
      bool is_void = false;
      for (const char* v : kVoid) is_void = is_void || name == v;
      if (!is_void && ++depth > deepest) deepest = depth;
    }
  }
  return deepest;
}

}  // namespace

Result<Document> ParseHtml(std::string_view html, std::string id, std::string source) {
  if (NestingDepth(html) > kMaxNesting) {
    return Status(ErrorCode::kMalformedInput,
                  "HTML nested deeper than " + std::to_string(kMaxNesting) + " elements; skipped");
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
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
  gumbo_destroy_output(&kGumboDefaultOptions, output);

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
