// Whole-ingest throughput: generates a corpus (default 100,000 articles) as one JSON
// Lines file or as a folder of crawl-format files, ingests it into a fresh database
// with the standard pipeline, checks the result (every article stored, every planted
// boilerplate line marked, no errors), and prints articles/s, MB/s, peak memory and
// the time of each stage. Not a test: run it by hand, see HACKING.md.
//
//   build/bench/casus_ingest_throughput [--articles N] [--files] [--dir DIR] [--keep]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench/corpus_generator.h"
#include "bench/peak_memory.h"
#include "casus/engine/engine.h"

namespace {}  // namespace

int main(int argc, char** argv) {
  using namespace casus;
  namespace fs = std::filesystem;
  uint64_t articles = 100000;
  bool files = false;
  bool keep = false;
  std::string dir = (fs::temp_directory_path() / "casus-bench").string();
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--articles") && i + 1 < argc)
      articles = std::stoull(argv[++i]);
    else if (!std::strcmp(argv[i], "--files"))
      files = true;
    else if (!std::strcmp(argv[i], "--keep"))
      keep = true;
    else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
      dir = argv[++i];
    else {
      std::fprintf(stderr, "usage: %s [--articles N] [--files] [--dir DIR] [--keep]\n", argv[0]);
      return 2;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string input = dir + (files ? "/articles" : "/articles.jsonl");
  int64_t planted = 0;
  uint64_t input_bytes = 0;
  {
    auto start = std::chrono::steady_clock::now();
    std::FILE* out = files ? nullptr : std::fopen(input.c_str(), "wb");
    if (files) fs::create_directories(input);
    for (uint64_t i = 0; i < articles; ++i) {
      bench::GeneratedArticle article = bench::GenerateArticle(i, files);
      planted += article.boilerplate_lines;
      input_bytes += article.text.size();
      if (files) {
        std::string sub = input + "/" + std::to_string(i / 1000);
        if (i % 1000 == 0) fs::create_directories(sub);
        std::FILE* file = std::fopen((sub + "/" + article.id + ".txt").c_str(), "wb");
        std::fwrite(article.text.data(), 1, article.text.size(), file);
        std::fclose(file);
      } else {
        std::string line = bench::ToJsonLine(article);
        std::fwrite(line.data(), 1, line.size(), out);
      }
    }
    if (out != nullptr) std::fclose(out);
    std::fprintf(stderr, "generated %llu articles (%.1f MB of text) in %.1f s\n",
                 static_cast<unsigned long long>(articles), input_bytes / 1e6,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  auto store = Store::Open(dir + "/bench.db");
  auto pipeline = MakeStandardPipeline();
  if (!store.ok() || !pipeline.ok()) {
    std::fprintf(stderr, "setup failed\n");
    return 1;
  }
  int64_t diagnostics = 0;
  IngestReport report = Ingest({input}, *pipeline, **store, IngestOptions{}, [&](ingest::Diagnostic&& d) {
    if (++diagnostics <= 5) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  });
  auto stats = (*store)->Stats();
  int64_t marked = 0;
  for (const auto& [kind, count] : stats->boilerplate_by_kind) {
    if (kind != "crawl_header") marked += count;
  }
  bool ok = report.inserted == static_cast<int64_t>(articles) && report.errors == 0 && marked == planted &&
            stats->documents == static_cast<int64_t>(articles);
  std::printf("input            %s (%s)\n", input.c_str(), files ? "crawl-format files" : "JSON Lines");
  std::printf("articles         %lld stored of %llu, %lld errors\n", static_cast<long long>(report.inserted),
              static_cast<unsigned long long>(articles), static_cast<long long>(report.errors));
  std::printf("boilerplate      %lld lines marked of %lld planted\n", static_cast<long long>(marked),
              static_cast<long long>(planted));
  std::printf("sentences        %lld\n", static_cast<long long>(stats->sentences));
  std::printf("time             %.2f s\n", report.seconds);
  std::printf("throughput       %.0f articles/s, %.2f MB/s of text\n", report.documents / report.seconds,
              report.bytes / 1e6 / report.seconds);
  std::printf("peak memory      %.1f MB (RSS)\n", bench::PeakRssMegabytes());
  std::printf("database         %.1f MB\n", stats->database_bytes / 1e6);
  double stage_total = 0;
  for (size_t i = 0; i < report.timings.names.size(); ++i) {
    double seconds = std::chrono::duration<double>(report.timings.totals[i]).count();
    stage_total += seconds;
    std::printf("stage %-10s %.2f s (%.1f MB/s)\n", report.timings.names[i].c_str(), seconds,
                report.bytes / 1e6 / seconds);
  }
  std::printf("read + store     %.2f s (the rest)\n", report.seconds - stage_total);
  // The corpus step that `casus ingest` runs after the batch: near-duplicates and stories.
  Result<CorpusReport> corpus = UpdateCorpus(**store, corpus::CorpusOptions{});
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().message().c_str());
    return 1;
  }
  std::printf("corpus step      %.2f s (%.0f articles/s): %lld near-duplicates, %lld stories\n", corpus->seconds,
              corpus->placed / corpus->seconds, static_cast<long long>(corpus->duplicates),
              static_cast<long long>(corpus->new_stories));
  std::printf("peak memory      %.1f MB (RSS, after the corpus step)\n", bench::PeakRssMegabytes());
  ok = ok && corpus->placed == static_cast<int64_t>(articles);
  std::printf("check            %s\n", ok ? "ok" : "FAILED");
  if (!keep) fs::remove_all(dir);
  return ok ? 0 : 1;
}
