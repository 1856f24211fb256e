#!/usr/bin/env bash
# Runs one libFuzzer target of the fuzz preset for SECONDS (default 60), its corpus in
# build-fuzz/corpus/TARGET seeded from examples/ or fuzz/seeds/. Prints libFuzzer's
# last status line (executions, coverage "cov", features "ft"). Crashes are written to
# build-fuzz/crashes/. Usage: fuzz/run.sh TARGET [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
seconds=${2:-60}
binary=build-fuzz/fuzz/$target
[ -x "$binary" ] || { echo "no $binary: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 2; }
corpus=build-fuzz/corpus/$target
mkdir -p "$corpus" build-fuzz/crashes
case $target in
  fuzz_pipeline|fuzz_clean) seeds=examples/corpus ;;
  fuzz_html) seeds=examples/corpus/pages ;;
  fuzz_jsonl) seeds=examples/corpus/feeds ;;
  fuzz_eval_*) seeds=fuzz/seeds/${target#fuzz_eval_} ;;
  *) seeds= ;;
esac
log=build-fuzz/$target.log
"$binary" "$corpus" $seeds -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix=build-fuzz/crashes/"$target"- -print_final_stats=1 >"$log" 2>&1 || true
grep -aE "^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)" "$log" | tail -1
grep -aE "^stat::(number_of_executed_units|peak_rss_mb)" "$log"
grep -E "ERROR|crash-|deadly signal|leak" "$log" | head -5 || true
