#!/usr/bin/env bash
# make serve: the web workspace on the shipped examples, for a first look. Keeps its data in
# .build/serve-data: the example entities (MBRH hospital + its partner ACO NSCC, PVHPP for the
# Strategic Plan, CCP the Community Partner of the IA report), their calendar synced, and an admin
# user `admin` whose password is printed the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
data=${DOCKET_SERVE_DATA:-.build/serve-data}
port=${PORT:-8080}
mkdir -p "$data"
db="$data/tracker.sqlite"
if [ ! -f "$db" ]; then
  "$bin" track entity add MBRH --name "Merrimack Bay Regional Hospital" --type hospital --db "$db"
  "$bin" track entity add NSCC --name "North Shore Community Care ACO" --type aco --partner MBRH --db "$db"
  "$bin" track entity add PVHPP --name "Pioneer Valley Health Partnership Plan" --type acpp --db "$db"
  "$bin" track entity add CCP --name "Community Care Partners, LLC" --type cp --db "$db"
  "$bin" track sync --db "$db"
fi
if ! "$bin" admin user list --data-dir "$data" | grep -q '^admin'; then
  "$bin" admin user add admin --role admin --data-dir "$data"
fi
exec "$bin" serve --port "$port" --data-dir "$data"
