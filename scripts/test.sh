#!/usr/bin/env bash
# Runs every test (unit, golden on ../shared/seeds, command line) with ctest.
# Builds first if needed; run scripts/setup.sh once on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build build --parallel "$(nproc)"
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
