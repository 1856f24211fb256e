// Golden test: ingests ../shared/seeds through the whole engine (readers, pipeline,
// store) and checks ../shared/gold/seeds.json: publication dates, titles, author,
// publisher, dateline, time of publication, the embedded post, every boilerplate line
// marked and nothing else marked. A mismatch prints the document and the lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "casus/core/text.h"
#include "casus/engine/engine.h"
#include "casus/lexicon/gazetteer.h"
#include "tests/testing/temp_dir.h"

namespace casus {
namespace {

namespace fs = std::filesystem;
const std::string kShared = CASUS_SHARED_DIR;

class GoldenSeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kShared + "/gold/seeds.json")) return;
    std::ifstream in(kShared + "/gold/seeds.json");
    gold_ = new nlohmann::json(nlohmann::json::parse(in));
    dir_ = new testing::TempDir();
    auto store = Store::Open(dir_->Join("seeds.db"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto pipeline = MakeStandardPipeline();
    ASSERT_TRUE(pipeline.ok());
    IngestReport report = Ingest({kShared + "/seeds"}, *pipeline, **store, IngestOptions{},
                                 [](ingest::Diagnostic&& d) { ADD_FAILURE() << d.ToString(); });
    EXPECT_EQ(report.inserted, 5);
    auto corpus_report = UpdateCorpus(**store, corpus::CorpusOptions{});
    ASSERT_TRUE(corpus_report.ok()) << corpus_report.status().message();
    documents_ = new std::map<std::string, Document>();
    for (auto& [id, expected] : (*gold_)["documents"].items()) {
      auto found = (*store)->Get(id);
      ASSERT_TRUE(found.ok() && found->has_value()) << "missing document " << id;
      documents_->emplace(id, std::move(found->value()));
    }
  }
  static void TearDownTestSuite() {
    delete documents_;
    delete dir_;
    delete gold_;
  }
  void SetUp() override {
    if (gold_ == nullptr) GTEST_SKIP() << "no " << kShared << "/gold/seeds.json beside the checkout";
  }

  static nlohmann::json* gold_;
  static testing::TempDir* dir_;
  static std::map<std::string, Document>* documents_;
};

nlohmann::json* GoldenSeeds::gold_ = nullptr;
testing::TempDir* GoldenSeeds::dir_ = nullptr;
std::map<std::string, Document>* GoldenSeeds::documents_ = nullptr;

std::unique_ptr<Store> OpenSeeds(testing::TempDir& dir) {
  auto store = Store::Open(dir.Join("seeds.db"), Store::Mode::kReadOnly);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(store.value()) : nullptr;
}

// The gold states lines as text; the seeds may use no-break or other Unicode spaces
// where the gold has a plain space. Compare with every run of white space as one space.
std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (size_t space = SpaceLengthAt(text, i)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      i += space;
    } else {
      out += text[i++];
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Or(const nlohmann::json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

TEST_F(GoldenSeeds, Metadata) {
  for (auto& [id, expected] : (*gold_)["documents"].items()) {
    const Metadata& m = documents_->at(id).metadata;
    EXPECT_EQ(m.published, Or(expected, "published")) << id;
    EXPECT_EQ(m.title, Or(expected, "title")) << id;  // null in the gold: no headline
    if (expected.contains("author")) {
      EXPECT_EQ(m.author, Or(expected, "author")) << id;
    }
    if (expected.contains("publisher")) {
      EXPECT_EQ(m.publisher, Or(expected, "publisher")) << id;
    }
    if (expected.contains("dateline")) {
      EXPECT_EQ(m.dateline, Or(expected, "dateline")) << id;
    }
    if (expected.contains("published_time")) {
      EXPECT_EQ(m.published_time + " " + m.published_zone, Or(expected, "published_time")) << id;
    }
  }
}

TEST_F(GoldenSeeds, BoilerplateExactlyAsListed) {
  for (auto& [id, expected] : (*gold_)["documents"].items()) {
    const Document& d = documents_->at(id);
    std::set<std::string> listed;
    if (expected.contains("boilerplate_lines")) {
      for (const auto& line : expected["boilerplate_lines"]) listed.insert(NormalizeSpaces(line.get<std::string>()));
    }
    std::set<std::string> marked;
    for (const BoilerplateSpan& b : d.boilerplate) {
      if (b.kind == BoilerplateKind::kCrawlHeader || b.kind == BoilerplateKind::kEmbeddedPost) continue;
      marked.insert(NormalizeSpaces(d.Text(b.span)));
    }
    for (const std::string& line : listed) EXPECT_TRUE(marked.count(line)) << id << ": not marked: " << line;
    for (const std::string& line : marked) {
      EXPECT_TRUE(listed.count(line)) << id << ": content marked as boilerplate: " << line;
    }
    // No paragraph of the clean text is a listed line.
    for (Span paragraph : d.ContentSpans()) {
      EXPECT_FALSE(listed.count(NormalizeSpaces(d.Text(paragraph)))) << id << ": " << d.Text(paragraph);
    }
  }
}

TEST_F(GoldenSeeds, EmbeddedPosts) {
  for (auto& [id, expected] : (*gold_)["documents"].items()) {
    const Document& d = documents_->at(id);
    if (!expected.contains("embedded_post")) {
      EXPECT_TRUE(d.embedded_posts.empty()) << id;
      continue;
    }
    ASSERT_EQ(d.embedded_posts.size(), 1u) << id;
    const nlohmann::json& post = expected["embedded_post"];
    EXPECT_EQ(d.embedded_posts[0].author, Or(post, "author"));
    EXPECT_EQ(d.embedded_posts[0].handle, Or(post, "handle"));
    EXPECT_EQ(d.embedded_posts[0].date, Or(post, "date"));
    EXPECT_TRUE(d.OverlapsBoilerplate(d.embedded_posts[0].span));
  }
}

TEST_F(GoldenSeeds, SentencesCoverContentOnly) {
  for (const auto& [id, d] : *documents_) {
    EXPECT_GE(d.sentences.size(), 10u) << id;
    for (const Sentence& s : d.sentences) {
      EXPECT_FALSE(d.OverlapsBoilerplate(s.span)) << id << ": " << d.Text(s.span);
      EXPECT_FALSE(s.span.Overlaps(d.metadata.dateline_span)) << id;
    }
  }
  // The dateline is cut from the first sentence of 000.
  const Document& d = documents_->at("000_c3ad1bdbca6b11df");
  EXPECT_EQ(d.Text(d.sentences[0].span).substr(0, 23), "Russia has called for a");
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

// Every relative date of the gold, by document: the gold writes "on Tuesday" where
// TimeML spans are "Tuesday", so a system expression matches when either text
// contains the other and the values are equal.
TEST_F(GoldenSeeds, RelativeDates) {
  int checked = 0;
  for (const auto& item : (*gold_)["relative_dates"]) {
    const Document& d = documents_->at(item["doc"].get<std::string>());
    std::string text = NormalizeSpaces(item["text"].get<std::string>());
    std::string value = item["value"].get<std::string>();
    std::string seen;
    bool found = false;
    for (const TimeExpression& t : d.time_expressions) {
      std::string system = NormalizeSpaces(d.Text(t.span));
      if (text.find(system) == std::string::npos && system.find(text) == std::string::npos) continue;
      seen += " [" + system + " = " + t.value + "]";
      found = found || t.value == value;
    }
    EXPECT_TRUE(found) << d.id() << ": '" << text << "' should be " << value << "; found:" << seen;
    ++checked;
  }
  EXPECT_EQ(checked, 10);
}

// Lower-case words of `text` without punctuation, possessives, parentheses (and what is
// inside) and the words "the", "and", "of", "in", "at", "a", "an".
std::set<std::string> ContentWords(std::string text) {
  for (size_t at; (at = text.find("\u2019")) != std::string::npos;) text.replace(at, 3, "'");
  std::set<std::string> words;
  std::string word;
  int depth = 0;
  auto flush = [&] {
    static const std::set<std::string> kSkip = {"the", "and", "of", "in", "at", "a", "an", "s"};
    if (!word.empty() && !kSkip.count(word) && depth == 0) words.insert(word);
    word.clear();
  };
  for (char c : text) {
    if (c == '(' || c == ')') {
      flush();
      depth = c == '(' ? depth + 1 : std::max(0, depth - 1);
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// A name in the gold matches ours when every content word of the gold one is in ours
// ("Russian Foreign Ministry" and "the Russian Foreign Ministry").
bool SameSource(const std::string& gold, const std::string& ours) {
  std::set<std::string> want = ContentWords(gold), have = ContentWords(ours);
  if (want.empty()) return false;
  for (const std::string& w : want) {
    if (!have.count(w)) return false;
  }
  return true;
}

std::string Describe(const CasualtyClaim& c) {
  std::string chain;
  for (const std::string& s : c.source_chain) chain += (chain.empty() ? "" : " <- ") + s;
  return "killed '" + CountText(c.killed) + "' wounded '" + CountText(c.wounded) + "' source [" + chain + "]";
}

bool SameCount(const nlohmann::json& gold, const CasualtyCount& ours) {
  if (gold.is_null()) return !ours.present;
  if (!ours.present) return false;
  if (gold["value"].is_string()) return ours.qualifier == CountQualifier::kVague;
  return ours.value == gold["value"].get<int64_t>() &&
         std::string(CountQualifierName(ours.qualifier)) == gold["qualifier"].get<std::string>();
}

TEST_F(GoldenSeeds, CasualtyClaims) {
  int checked = 0;
  for (const auto& item : (*gold_)["casualty_claims"]) {
    const Document& d = documents_->at(item["doc"].get<std::string>());
    bool optional = item.value("optional", false);
    const CasualtyClaim* match = nullptr;
    for (const CasualtyClaim& c : d.casualties) {
      if (SameCount(item.value("killed", nlohmann::json()), c.killed) &&
          SameCount(item.value("wounded", nlohmann::json()), c.wounded)) {
        match = &c;
      }
    }
    if (optional) continue;
    ++checked;
    std::string ours;
    for (const CasualtyClaim& c : d.casualties) ours += "\n  " + Describe(c);
    ASSERT_NE(match, nullptr) << item["id"] << " " << item.dump() << "\nours:" << ours;
    std::vector<std::string> chain = item.value("source_chain", std::vector<std::string>());
    ASSERT_EQ(match->source_chain.size(), chain.size()) << item["id"] << ": " << Describe(*match);
    for (size_t i = 0; i < chain.size(); ++i) {
      EXPECT_TRUE(SameSource(chain[i], match->source_chain[i]))
          << item["id"] << ": source " << chain[i] << " vs " << match->source_chain[i];
    }
    if (item.contains("hedged")) {
      EXPECT_EQ(match->hedge, item["hedged"].get<std::string>()) << item["id"];
    }
    if (item.contains("victims")) {
      EXPECT_EQ(match->victims, item["victims"].get<std::string>()) << item["id"];
    }
  }
  EXPECT_EQ(checked, 8);
  // The copy (004) carries the same claims as its original (002).
  const Document& original = documents_->at("002_4cd44367827434d5");
  const Document& copy = documents_->at("004_5d66e677cd03ca33");
  ASSERT_EQ(original.casualties.size(), copy.casualties.size());
  for (size_t i = 0; i < copy.casualties.size(); ++i) {
    EXPECT_EQ(Describe(original.casualties[i]), Describe(copy.casualties[i]));
  }
}

// must_not_be_casualties: population, a deployment, mercenaries, wars, phone calls,
// and anything from linked headlines.
TEST_F(GoldenSeeds, NoFalseCasualties) {
  const char* const kNotCasualties[] = {"inhabitants", "deployed", "mercenaries", "wars", "phone call"};
  size_t total = 0;
  for (const auto& [id, d] : *documents_) {
    total += d.casualties.size();
    for (const CasualtyClaim& c : d.casualties) {
      EXPECT_FALSE(d.OverlapsBoilerplate(c.span)) << id << ": claim in boilerplate: " << d.Text(c.span);
      std::string span(d.Text(c.span));
      for (const char* word : kNotCasualties) {
        EXPECT_EQ(span.find(word), std::string::npos) << id << ": not a casualty: " << span;
      }
    }
  }
  // Eight claims, the optional standfirst (C9) and the five claims of the copy 004.
  EXPECT_LE(total, 8u + 1u + 5u);
}

TEST_F(GoldenSeeds, QuotesWithSpeakers) {
  int checked = 0;
  for (const auto& item : (*gold_)["quotes"]) {
    const Document& d = documents_->at(item["doc"].get<std::string>());
    // The gold gives how a quote starts, sometimes reworded after a few words.
    std::string starts = item["starts"].get<std::string>();
    size_t fourth = 0;
    for (int words = 0; words < 4 && fourth != std::string::npos; ++words) fourth = starts.find(' ', fourth + 1);
    std::string prefix = starts.substr(0, fourth);
    const Quote* match = nullptr;
    for (const Quote& q : d.quotes) {
      if (d.Text(q.span).substr(0, prefix.size()) == prefix) match = &q;
    }
    ASSERT_NE(match, nullptr) << "no quote starting '" << starts << "' in " << d.id();
    ++checked;
    bool partial = item.value("partial", false);
    // A quote the gold marks partial must be partial; the others are full statements or
    // quoted clauses inside reported speech, but never scare quotes.
    if (partial) {
      EXPECT_EQ(match->kind, QuoteKind::kPartial) << starts;
    }
    EXPECT_NE(match->kind, QuoteKind::kScare) << starts;
    EXPECT_TRUE(SameSource(item["speaker"].get<std::string>(), match->speaker))
        << starts << ": speaker " << item["speaker"] << " vs ours '" << match->speaker << "'";
    if (item.contains("via")) {
      ASSERT_GE(match->chain.size(), 2u) << starts;
      EXPECT_TRUE(SameSource(item["via"].get<std::string>(), match->chain.front())) << starts;
    }
  }
  EXPECT_EQ(checked, 9);
}

TEST_F(GoldenSeeds, ScareQuotesAreNotStatements) {
  int seen = 0;
  for (const auto& phrase : (*gold_)["scare_quotes_not_statements"]) {
    std::string want = phrase.get<std::string>();
    for (const auto& [id, d] : *documents_) {
      for (const Quote& q : d.quotes) {
        std::string text(d.Text(q.span));
        while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
        if (text != want) continue;
        ++seen;
        EXPECT_NE(q.kind, QuoteKind::kStatement) << id << ": '" << want << "' is not a statement";
      }
    }
  }
  EXPECT_GE(seen, 10);
}

TEST_F(GoldenSeeds, NearDuplicatesExactlyTheGoldPairs) {
  auto store = OpenSeeds(*dir_);
  ASSERT_NE(store, nullptr);
  std::set<std::set<std::string>> gold_pairs, our_pairs;
  for (const auto& pair : (*gold_)["near_duplicates"]["pairs"]) {
    gold_pairs.insert({pair[0].get<std::string>(), pair[1].get<std::string>()});
  }
  auto duplicates = store->Duplicates();
  ASSERT_TRUE(duplicates.ok());
  for (const DuplicateRecord& record : *duplicates) {
    our_pairs.insert({record.id, record.duplicate_of});
    EXPECT_GE(record.similarity, 0.9) << record.id;
  }
  EXPECT_EQ(our_pairs, gold_pairs);
}

TEST_F(GoldenSeeds, StoriesAsInGold) {
  auto store = OpenSeeds(*dir_);
  ASSERT_NE(store, nullptr);
  auto stories = store->Stories();
  ASSERT_TRUE(stories.ok());
  std::map<std::set<std::string>, const StoryRecord*> ours;
  for (const StoryRecord& story : *stories) {
    auto members = store->StoryMembers(story.id);
    ASSERT_TRUE(members.ok());
    ours[std::set<std::string>(members->begin(), members->end())] = &story;
  }
  EXPECT_EQ(ours.size(), (*gold_)["stories"].size());
  for (auto& [name, gold_story] : (*gold_)["stories"].items()) {
    std::set<std::string> members;
    for (const auto& id : gold_story["members"]) members.insert(id.get<std::string>());
    auto found = ours.find(members);
    if (found == ours.end()) {
      ADD_FAILURE() << "story " << name << " (" << gold_story["label"].get<std::string>()
                    << ") is not one of ours with exactly its members";
      continue;
    }
    EXPECT_EQ(found->second->first, gold_story["span"][0].get<std::string>()) << "story " << name;
    EXPECT_EQ(found->second->last, gold_story["span"][1].get<std::string>()) << "story " << name;
    EXPECT_FALSE(found->second->label.empty());
  }
}

// Story A's figures: Armenian-side counts (C1, C6) against the RT count (C5), the copy
// 004 carrying 002's claims without counting as a second source, background apart.
TEST_F(GoldenSeeds, ConflictingFiguresOfStoryA) {
  auto store = OpenSeeds(*dir_);
  ASSERT_NE(store, nullptr);
  const auto& conflict = (*gold_)["conflicting_figures"][0];
  const std::string story_name = conflict["story"].get<std::string>();
  const std::string first_member = (*gold_)["stories"][story_name]["members"][0].get<std::string>();
  std::map<std::string, nlohmann::json> claims;
  for (const auto& claim : (*gold_)["casualty_claims"]) claims[claim["id"].get<std::string>()] = claim;
  auto stories = store->Stories();
  ASSERT_TRUE(stories.ok());
  int64_t story_id = -1;
  for (const StoryRecord& story : *stories) {
    auto members = store->StoryMembers(story.id);
    if (members.ok() && std::find(members->begin(), members->end(), first_member) != members->end())
      story_id = story.id;
  }
  ASSERT_GE(story_id, 0);
  auto view = LoadStory(*store, story_id);
  ASSERT_TRUE(view.ok() && view->has_value());
  const corpus::Reconciliation& r = view->value().reconciliation;
  for (const char* role : {"killed", "wounded"}) {
    const corpus::Figure* figure = nullptr;
    for (const corpus::Figure& f : r.figures) {
      if (f.role == role && f.victim_class == "general") figure = &f;
    }
    ASSERT_NE(figure, nullptr) << role;
    // C5 counts civilians only (the gold's note): an inner class counting fewer than the
    // people of C1 and C6 is shown within their figure, not as a conflict (issue 33).
    EXPECT_TRUE(figure->nested) << role;
    EXPECT_FALSE(figure->conflicting) << role;
    // Every gold claim of the conflict is a row of the figure, with its count and first source.
    std::vector<int64_t> gold_values;
    for (const auto& id : conflict["claims"]) {
      const auto& gold_claim = claims[id.get<std::string>()];
      if (!gold_claim.contains(role)) continue;
      const int64_t value = gold_claim[role]["value"].get<int64_t>();
      gold_values.push_back(value);
      const std::string source = gold_claim["source_chain"][0].get<std::string>();
      bool found = false;
      for (size_t index : figure->claims) {
        const corpus::ReconciledClaim& ours = r.claims[index];
        const CasualtyCount& count = std::string(role) == "killed" ? ours.claim.killed : ours.claim.wounded;
        if (count.value == value && !ours.claim.source_chain.empty() && ours.claim.source_chain[0] == source &&
            std::find(ours.carriers.begin(), ours.carriers.end(), gold_claim["doc"].get<std::string>()) !=
                ours.carriers.end()) {
          found = true;
        }
      }
      EXPECT_TRUE(found) << role << " " << id << " (" << value << ", " << source << ") not in the figure";
    }
    EXPECT_EQ(figure->low.value, *std::min_element(gold_values.begin(), gold_values.end())) << role;
    EXPECT_EQ(figure->high.value, *std::max_element(gold_values.begin(), gold_values.end())) << role;
    EXPECT_EQ(figure->conservative.value, figure->low.value) << role << ": the lowest count is well sourced";
  }
  EXPECT_EQ(corpus::RangeText(r.figures[0]), "at least 7 to at least 27");
  // Claims of 002 reach 004 word for word: one claim, two carriers, one independent source.
  int copied = 0;
  for (const corpus::ReconciledClaim& claim : r.claims) {
    if (claim.carriers.size() == 2) {
      ++copied;
      EXPECT_EQ(claim.independent_carriers, 1) << claim.evidence;
    }
  }
  EXPECT_GE(copied, 5);  // C5 to C9 of the gold
  // Background: the 2020 war's toll is not a figure of this incident.
  for (const corpus::ReconciledClaim& claim : r.claims) {
    if (claim.claim.when == "2020") {
      EXPECT_FALSE(claim.background.empty()) << claim.evidence;
    }
  }
}

// Incremental: the seeds in two batches (with a reopened store between them) give the
// same duplicate pair and the same stories as one batch: later articles join the stories
// restored from the store.

// ---- Entities ------------------------------------------------------------------------

struct FoundMention {
  const Document* document;
  const EntityMention* mention;
  std::string text;
};

std::vector<FoundMention> AllMentions(const std::map<std::string, Document>& documents) {
  std::vector<FoundMention> all;
  for (const auto& [id, document] : documents) {
    for (const EntityMention& mention : document.entities) {
      all.push_back({&document, &mention, std::string(document.Text(mention.span))});
    }
  }
  return all;
}

// Names match when their keys do (case, accents, hyphens and apostrophes aside).
bool SameName(std::string_view a, std::string_view b) { return lexicon::NameKey(a) == lexicon::NameKey(b); }

bool Named(const FoundMention& found, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (SameName(found.mention->canonical, name) || SameName(found.text, name)) return true;
  }
  return false;
}

std::vector<std::string> NamesOf(const nlohmann::json& item) {
  std::vector<std::string> names = {item.is_string() ? item.get<std::string>() : item["name"].get<std::string>()};
  if (item.is_object() && item.contains("also")) {
    for (const auto& also : item["also"]) names.push_back(also.get<std::string>());
  }
  return names;
}

TEST_F(GoldenSeeds, EntityCountries) {
  const auto all = AllMentions(*documents_);
  for (const auto& country : (*gold_)["entities"]["countries"]) {
    const std::string name = country.get<std::string>();
    const bool found = std::any_of(all.begin(), all.end(), [&](const FoundMention& f) {
      return f.mention->kind == EntityKind::kCountry && Named(f, {name});
    });
    EXPECT_TRUE(found) << "no country mention of " << name;
  }
}

TEST_F(GoldenSeeds, EntityPlacesWithCoordinates) {
  const auto all = AllMentions(*documents_);
  for (const auto& place : (*gold_)["entities"]["places"]) {
    const std::vector<std::string> names = NamesOf(place);
    bool found = false;
    for (const FoundMention& f : all) {
      if (f.mention->kind != EntityKind::kPlace || !Named(f, names)) continue;
      found = true;
      EXPECT_EQ(f.mention->country, Or(place, "country")) << names[0] << " in " << f.document->id();
      if (place.contains("lat")) {
        ASSERT_TRUE(f.mention->located) << names[0] << " has no coordinates in " << f.document->id();
        EXPECT_LE(lexicon::DistanceKm(f.mention->lat, f.mention->lon, place["lat"], place["lon"]), 25.0)
            << names[0] << " at " << f.mention->lat << " " << f.mention->lon;
      }
    }
    EXPECT_TRUE(found) << "no place mention of " << names[0];
  }
  // "a claim swiftly rejected by Ankara": the capital stands for the Turkish government.
  const bool ankara_acts = std::any_of(all.begin(), all.end(), [](const FoundMention& f) {
    return f.text == "Ankara" && f.mention->metonym && f.mention->ActorCode() == "TURGOV";
  });
  EXPECT_TRUE(ankara_acts);
}

TEST_F(GoldenSeeds, EntityPeopleWithRolesAndLaterMentions) {
  const auto all = AllMentions(*documents_);
  for (const auto& person : (*gold_)["entities"]["people"]) {
    const std::string name = person["name"];
    std::vector<std::string> names = {name};
    bool found = false, role_found = false;
    for (const FoundMention& f : all) {
      if (f.mention->kind != EntityKind::kPerson || !SameName(f.mention->canonical, name)) continue;
      found = true;
      std::string gold_role = Or(person, "role"), role = f.mention->role;
      std::transform(gold_role.begin(), gold_role.end(), gold_role.begin(), ::tolower);
      std::transform(role.begin(), role.end(), role.begin(), ::tolower);
      if (!role.empty() && gold_role.find(role) != std::string::npos) role_found = true;
      // A post's credit names its author, not the author's office: no role to compare.
      if (f.mention->role == "author of an embedded post") role_found = true;
    }
    EXPECT_TRUE(found) << "no person " << name;
    EXPECT_TRUE(role_found) << name << " without the role " << Or(person, "role");
    if (!person.contains("also")) continue;
    for (const auto& also : person["also"]) {
      const std::string alias = also;
      if (SameName(alias, name)) continue;
      const bool linked = std::any_of(all.begin(), all.end(), [&](const FoundMention& f) {
        return f.mention->kind == EntityKind::kPerson && SameName(f.text, alias) &&
               SameName(f.mention->canonical, name) && f.mention->refers_to >= 0;
      });
      EXPECT_TRUE(linked) << "\"" << alias << "\" not linked to " << name;
    }
  }
}

TEST_F(GoldenSeeds, EntityOrganizations) {
  const auto all = AllMentions(*documents_);
  for (const auto& organization : (*gold_)["entities"]["organizations"]) {
    const std::string name = organization;
    const bool found = std::any_of(all.begin(), all.end(), [&](const FoundMention& f) {
      return (f.mention->kind == EntityKind::kOrganization || f.mention->kind == EntityKind::kGroup) &&
             Named(f, {name});
    });
    EXPECT_TRUE(found) << "no organisation " << name;
  }
}

TEST_F(GoldenSeeds, EntityNoFalsePeopleAndNothingFromBoilerplate) {
  const auto all = AllMentions(*documents_);
  for (const auto& wrong : (*gold_)["entities"]["must_not_be_people"]) {
    for (const FoundMention& f : all) {
      EXPECT_FALSE(f.mention->kind == EntityKind::kPerson && Named(f, {wrong.get<std::string>()}))
          << wrong << " taken for a person in " << f.document->id();
    }
  }
  for (const FoundMention& f : all) {
    if (f.mention->in_boilerplate) continue;
    EXPECT_FALSE(f.document->OverlapsBoilerplate(f.mention->span))
        << "\"" << f.text << "\" in boilerplate of " << f.document->id() << " but not marked so";
  }
}

// Each event of the gold is found in each of its documents, reported as a fact, with a
// category from its list (the first is the most specific; a coder may give another).
TEST_F(GoldenSeeds, EventsWithTheirCategories) {
  for (const auto& event : (*gold_)["events"]) {
    std::set<std::string> categories;
    for (const auto& c : event["plover"]) categories.insert(c.get<std::string>());
    for (const auto& doc : event["docs"]) {
      const Document* document = nullptr;
      for (const auto& [id, d] : *documents_) {
        if (id.rfind(doc.get<std::string>(), 0) == 0) document = &d;
      }
      ASSERT_NE(document, nullptr) << doc;
      bool found = false;
      std::string ours;
      for (const EventMention& e : document->events) {
        ours += " " + e.plover + "'" + std::string(document->Text(e.trigger)) + "'";
        if (e.modality != EventModality::kAsserted && e.modality != EventModality::kClaimed) continue;
        found = found || categories.count(e.plover) > 0;
      }
      EXPECT_TRUE(found) << Or(event, "id") << " (" << Or(event, "type") << ") not in " << doc << ":" << ours;
    }
  }
}

// Story A as an event table: the military operation on 19 September in Nagorno-Karabakh
// with the figures of both sides (at least 7 to at least 27 killed), the ceasefire of
// 20 September, and in Yerevan the protest and the attack on the protesters, each an
// incident of its own.
TEST_F(GoldenSeeds, IncidentsOfStoryA) {
  auto store = OpenSeeds(*dir_);
  ASSERT_NE(store, nullptr);
  auto incidents = store->Incidents();
  ASSERT_TRUE(incidents.ok()) << incidents.status().message();
  std::set<std::string> story_a;
  for (const auto& id : (*gold_)["stories"]["A"]["members"]) story_a.insert(id.get<std::string>());
  auto in_story_a = [&](const IncidentRecord& i) {
    return std::any_of(i.docs.begin(), i.docs.end(), [&](const std::string& d) { return story_a.count(d) > 0; });
  };
  std::string listing;
  const IncidentRecord *operation = nullptr, *ceasefire = nullptr, *protest = nullptr, *dispersal = nullptr;
  for (const IncidentRecord& i : *incidents) {
    if (!in_story_a(i)) continue;
    listing += "\n  #" + std::to_string(i.id) + " " + i.event_date + " " + i.plover + " " + i.acled + " at " +
               i.location + " actor " + i.actor1 + " target " + i.actor2;
    if (i.plover == "ASSAULT" && i.event_date == "2023-09-19" && operation == nullptr) operation = &i;
    if (i.plover == "RETREAT" && i.mode == "ceasefire" && ceasefire == nullptr) ceasefire = &i;
    if (i.plover == "PROTEST" && protest == nullptr) protest = &i;
    if (i.acled == "FORCE_AGAINST_PROTEST" && dispersal == nullptr) dispersal = &i;
  }
  ASSERT_NE(operation, nullptr) << listing;
  EXPECT_EQ(operation->location, "Nagorno-Karabakh") << listing;
  ASSERT_TRUE(operation->fatalities && operation->fatalities_max) << listing;
  EXPECT_EQ(*operation->fatalities, 7);
  EXPECT_EQ(*operation->fatalities_max, 27);
  EXPECT_TRUE(operation->conflicting);
  EXPECT_GE(operation->independent_sources, 2);
  EXPECT_EQ(operation->actor1_code.substr(0, 3), "AZE") << listing;
  ASSERT_NE(ceasefire, nullptr) << listing;
  EXPECT_EQ(ceasefire->event_date, "2023-09-20") << listing;
  ASSERT_NE(protest, nullptr) << listing;
  EXPECT_EQ(protest->location, "Yerevan") << listing;
  ASSERT_NE(dispersal, nullptr) << listing;
  EXPECT_EQ(dispersal->location, "Yerevan") << listing;
  EXPECT_NE(protest, dispersal);
  // A background event keeps its own incident: the blockade of December 2022.
  bool blockade = false;
  for (const IncidentRecord& i : *incidents) blockade = blockade || (in_story_a(i) && i.event_date == "2022-12");
  EXPECT_TRUE(blockade) << listing;
}

TEST(GoldenSeedsIncremental, TwoBatchesGiveTheGoldStories) {
  if (!fs::exists(kShared + "/gold/seeds.json")) GTEST_SKIP() << "no seeds beside the checkout";
  std::ifstream gold_in(kShared + "/gold/seeds.json");
  nlohmann::json gold = nlohmann::json::parse(gold_in);
  testing::TempDir dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kShared + "/seeds")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 5u);
  for (size_t i = 0; i < files.size(); ++i) {
    std::ifstream in(files[i], std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // 000, 002 and 003 first; 001 (joins 003's story) and 004 (a copy of 002) later.
    dir.Write(std::string(i == 1 || i == 4 ? "second/" : "first/") + files[i].filename().string(), bytes);
  }
  auto pipeline = MakeStandardPipeline();
  ASSERT_TRUE(pipeline.ok());
  for (const char* batch : {"first", "second"}) {
    auto store = Store::Open(dir.Join("c.db"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    Ingest({dir.Join(batch)}, *pipeline, **store, IngestOptions{},
           [](ingest::Diagnostic&& d) { ADD_FAILURE() << d.ToString(); });
    auto report = UpdateCorpus(**store, corpus::CorpusOptions{});
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_EQ(report->new_stories, std::string(batch) == "first" ? 2 : 0) << batch;
  }
  auto store = Store::Open(dir.Join("c.db"), Store::Mode::kReadOnly);
  ASSERT_TRUE(store.ok());
  auto duplicates = (*store)->Duplicates();
  ASSERT_TRUE(duplicates.ok());
  ASSERT_EQ(duplicates->size(), 1u);
  EXPECT_EQ((*duplicates)[0].id, gold["near_duplicates"]["pairs"][0][1].get<std::string>());
  std::set<std::set<std::string>> ours, expected;
  auto stories = (*store)->Stories();
  ASSERT_TRUE(stories.ok());
  for (const StoryRecord& story : *stories) {
    auto members = (*store)->StoryMembers(story.id);
    ASSERT_TRUE(members.ok());
    ours.insert(std::set<std::string>(members->begin(), members->end()));
    EXPECT_EQ(story.articles, static_cast<int64_t>(members->size()));
  }
  for (auto& [name, story] : gold["stories"].items()) {
    std::set<std::string> members;
    for (const auto& id : story["members"]) members.insert(id.get<std::string>());
    expected.insert(members);
  }
  EXPECT_EQ(ours, expected);
}

}  // namespace
}  // namespace casus
