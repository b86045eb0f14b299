#!/usr/bin/env bash
# Installs a built docket and everything it reads, so the installed binary finds them by itself:
#   <prefix>/bin/docket                      the executable
#   <prefix>/bin/*.resources                 its resource bundles (JSON Schema meta-schemas; Bundle.module looks beside the binary)
#   <prefix>/share/docket/{Templates,Schemas} the deliverables, schemas and schedule (DocketEnvironment looks in ../share/docket)
# Usage: scripts/install.sh <build-dir, e.g. .build/release> <prefix, e.g. /usr/local>
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?build folder, e.g. .build/release}
prefix=${2:?install prefix, e.g. /usr/local}
[ -x "$build/docket" ] || { echo "install: $build/docket is not built; run 'make release' first" >&2; exit 2; }
mkdir -p "$prefix/bin" "$prefix/share/docket"
install -m 0755 "$build/docket" "$prefix/bin/docket.new" && mv -f "$prefix/bin/docket.new" "$prefix/bin/docket"
for bundle in "$build"/*.resources; do
  [ -d "$bundle" ] || continue
  rm -rf "$prefix/bin/$(basename "$bundle")"
  cp -R "$bundle" "$prefix/bin/"
done
for dir in Templates Schemas; do
  rm -rf "$prefix/share/docket/$dir.new"
  cp -R "$dir" "$prefix/share/docket/$dir.new"
  rm -rf "$prefix/share/docket/$dir"
  mv "$prefix/share/docket/$dir.new" "$prefix/share/docket/$dir"
done
echo "install: docket → $prefix/bin/docket, data → $prefix/share/docket"
