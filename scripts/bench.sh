#!/usr/bin/env bash
# make bench: runs every scripts/bench-*.sh with the release binary. Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
export PATH="$PWD/.venv/bin:$PATH"
for b in scripts/bench-*.sh; do
  [ -f "$b" ] || continue
  echo "== $b"
  bash "$b" "$bin"
done
