// libFuzzer target: one document, read as the reader would (JSON Lines when it opens
// with '{', HTML with '<', else crawl text), through the whole standard pipeline. The
// pipeline must not fail for a reason of its own (kInternal: a stage threw), and every
// layer must point inside the text: spans ordered and in bounds, references to existing
// mentions, counts that are no negative tolls.
#include <cstddef>
#include <cstdint>
#include <string>

#include "casus/engine/engine.h"
#include "casus/ingest/reader.h"

namespace {

bool Inside(casus::Span span, size_t length) { return span.begin <= span.end && span.end <= length; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casus::Pipeline* pipeline = [] {
    auto* made = new casus::Pipeline(std::move(casus::MakeStandardPipeline().value()));
    made->set_time_limit(std::chrono::milliseconds(0));  // libFuzzer's -timeout watches instead
    return made;
  }();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  casus::ingest::MakeValidUtf8(bytes);
  casus::Result<casus::Document> read = casus::Status(casus::ErrorCode::kEmptyInput, "empty");
  if (!bytes.empty() && bytes[0] == '{') {
    read = casus::ingest::ParseJsonRecord(bytes, "fuzz.jsonl:1");
  } else if (!bytes.empty() && bytes[0] == '<') {
    read = casus::ingest::ParseHtml(bytes, "fuzz", "fuzz.html");
  } else if (casus::ingest::CheckText(bytes).ok()) {
    read = casus::ingest::ParseCrawlText(bytes, "fuzz", "fuzz.txt");
  }
  if (!read.ok()) return 0;
  casus::Document& document = read.value();
  if (document.metadata.published.empty()) document.metadata.published = "2023-09-20";
  const casus::Status status = pipeline->Run(document);
  if (status.code() == casus::ErrorCode::kInternal) __builtin_trap();
  if (!status.ok()) return 0;
  const size_t length = document.text().size();
  uint32_t previous_end = 0;
  for (const casus::Sentence& s : document.sentences) {
    if (!Inside(s.span, length) || s.span.begin < previous_end || s.span.empty()) __builtin_trap();
    previous_end = s.span.end;
  }
  for (const auto& t : document.time_expressions) {
    if (!Inside(t.span, length) || t.span.empty()) __builtin_trap();
  }
  for (const auto& a : document.attributions) {
    if (!Inside(a.cue, length) || !Inside(a.source, length) || !Inside(a.content, length)) __builtin_trap();
  }
  for (const auto& q : document.quotes) {
    if (!Inside(q.span, length)) __builtin_trap();
  }
  for (const auto& c : document.casualties) {
    if (!Inside(c.span, length) || !Inside(c.evidence, length) || !c.evidence.Contains(c.span)) __builtin_trap();
    for (const casus::CasualtyCount* count : {&c.killed, &c.wounded, &c.missing, &c.detained}) {
      if (count->present && count->value < 0) __builtin_trap();
    }
  }
  for (const auto& e : document.entities) {
    if (!Inside(e.span, length)) __builtin_trap();
    if (e.refers_to >= static_cast<int32_t>(document.entities.size())) __builtin_trap();
  }
  return 0;
}
