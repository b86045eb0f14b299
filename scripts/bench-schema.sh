#!/usr/bin/env bash
# Benchmark of the JSON Schema engine (DocketSchema): validations per second on 10,000 generated
# instances of a realistic deliverable-style schema (objects, $ref/$defs, patterns, enums,
# multipleOf 0.01, arrays; ~10% invalid), against Python `jsonschema` and `jsonschema-rs` on the
# same schema and instances. Only the validation loops are timed (schemas compiled beforehand).
#   bash scripts/bench-schema.sh [path/to/docket]     (run by `make bench`; needs scripts/setup.sh bench)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
py=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$py" - "$work" <<'PY'
import json, random, sys
out = sys.argv[1]
schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["deliverable", "entity", "period", "contacts", "narrative", "measures"],
  "additionalProperties": False,
  "properties": {
    "deliverable": {"const": "pip-midyear-report"},
    "entity": {"$ref": "#/$defs/entity"},
    "period": {"type": "object", "required": ["start", "end"], "additionalProperties": False,
               "properties": {"start": {"$ref": "#/$defs/date"}, "end": {"$ref": "#/$defs/date"}}},
    "contacts": {"type": "array", "minItems": 1, "maxItems": 5, "items": {"$ref": "#/$defs/contact"}},
    "narrative": {"type": "string", "minLength": 1, "maxLength": 4000},
    "measures": {"type": "array", "items": {"type": "object", "required": ["id", "value"], "additionalProperties": False,
                 "properties": {"id": {"type": "string", "pattern": "^M[0-9]{2}$"},
                                "value": {"type": "number", "minimum": 0, "maximum": 100, "multipleOf": 0.01},
                                "status": {"enum": ["met", "not-met", "partial"]}}}},
    "submitted": {"type": "boolean"},
    "attachments": {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
  },
  "$defs": {
    "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"},
    "entity": {"type": "object", "required": ["name", "abbreviation", "type"], "additionalProperties": False,
               "properties": {"name": {"type": "string", "minLength": 1},
                              "abbreviation": {"type": "string", "pattern": "^[A-Za-z0-9]+$"},
                              "type": {"enum": ["acute-hospital", "aco"]}}},
    "contact": {"type": "object", "required": ["name", "email", "role"], "additionalProperties": False,
                "properties": {"name": {"type": "string", "minLength": 1}, "email": {"type": "string", "format": "email"},
                               "phone": {"type": "string", "pattern": "^[0-9]{3}-[0-9]{3}-[0-9]{4}$"},
                               "role": {"enum": ["primary", "secondary", "executive"]}}}
  }
}
rng = random.Random(20261124)
words = "quality measure improvement plan hospital patient care equity data report".split()
def instance(i):
    d = {
      "deliverable": "pip-midyear-report",
      "entity": {"name": f"Entity {i}", "abbreviation": f"ENT{i}", "type": rng.choice(["acute-hospital", "aco"])},
      "period": {"start": "2026-01-01", "end": "2026-06-30"},
      "contacts": [{"name": f"Person {i}-{k}", "email": f"p{i}.{k}@example.org", "phone": "617-555-%04d" % rng.randrange(10000),
                    "role": rng.choice(["primary", "secondary", "executive"])} for k in range(rng.randint(1, 3))],
      "narrative": " ".join(rng.choice(words) for _ in range(rng.randint(20, 120))),
      "measures": [{"id": "M%02d" % k, "value": round(rng.uniform(0, 100), 2), "status": rng.choice(["met", "not-met", "partial"])}
                   for k in range(rng.randint(2, 8))],
      "submitted": rng.random() < 0.5,
      "attachments": [f"file{k}.pdf" for k in range(rng.randint(0, 3))],
    }
    if rng.random() < 0.1:
        m = rng.randrange(5)
        if m == 0: del d["entity"]["type"]
        elif m == 1: d["contacts"][0]["role"] = "boss"
        elif m == 2: d["measures"][0]["value"] = 100.5
        elif m == 3: d["period"]["start"] = "Jan 1"
        else: d["extra"] = True
    return d
instances = [instance(i) for i in range(10000)]
json.dump(schema, open(f"{out}/schema.json", "w"))
# One instance per line: keeps line lengths (and the parser's column bookkeeping) short.
open(f"{out}/instances.json", "w").write("[\n" + ",\n".join(json.dumps(x) for x in instances) + "\n]\n")
PY

echo "schema bench: 10000 instances ($(du -h "$work/instances.json" | cut -f1) of JSON), schema $work/schema.json"
docket_json=$("$bin" validate "$work/instances.json" --schema "$work/schema.json" --bench-repeat 9)
"$py" - "$work" "$docket_json" <<'PY'
import json, sys, time
work, docket = sys.argv[1], json.loads(sys.argv[2])[0]
schema = json.load(open(f"{work}/schema.json"))
instances = json.load(open(f"{work}/instances.json"))
def rate(fn, repeat):
    # Median of `repeat` timed passes, as docket's --bench-repeat does (after its warm-up pass).
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for x in instances: fn(x)
        times.append(time.perf_counter() - start)
    return len(instances) / sorted(times)[len(times) // 2]
rows = [("docket is_valid", docket["isValidPerSecond"]), ("docket validate (all errors)", docket["validatePerSecond"])]
import jsonschema
v = jsonschema.Draft202012Validator(schema)
py_count = sum(v.is_valid(x) for x in instances)
if py_count != docket["valid"]:
    # Python jsonschema divides floats for multipleOf, so e.g. 57.23 is "not a multiple of 0.01" there.
    print(f"note: python jsonschema finds {py_count} valid (float multipleOf rounding); docket and jsonschema-rs find {docket['valid']}")
py_valid = rate(v.is_valid, 3)
py_errors = rate(lambda x: list(v.iter_errors(x)), 3)
rows += [("python jsonschema is_valid", py_valid), ("python jsonschema iter_errors", py_errors)]
rs_valid = rs_errors = None
try:
    import jsonschema_rs
    r = jsonschema_rs.Draft202012Validator(schema, validate_formats=False)
    assert sum(r.is_valid(x) for x in instances) == docket["valid"], "jsonschema-rs disagrees with docket"
    rs_valid = rate(r.is_valid, 5)
    rs_errors = rate(lambda x: list(r.iter_errors(x)), 5)
    rows += [("jsonschema-rs is_valid", rs_valid), ("jsonschema-rs iter_errors", rs_errors)]
except ImportError:
    print("(jsonschema-rs not installed: bash scripts/setup.sh bench)")
print(f"valid instances: {docket['valid']} of {docket['instances']}; docket compile {docket['compileSeconds'] * 1000:.1f} ms")
for name, r in rows:
    print(f"  {name:34s} {r:>12,.0f} validations/s")
print(f"ratio docket/python jsonschema (is_valid):      {docket['isValidPerSecond'] / py_valid:8.1f}x")
print(f"ratio docket/python jsonschema (all errors):    {docket['validatePerSecond'] / py_errors:8.1f}x")
if rs_valid:
    print(f"ratio docket/jsonschema-rs (is_valid):          {docket['isValidPerSecond'] / rs_valid:8.2f}x")
    print(f"ratio docket/jsonschema-rs (all errors):        {docket['validatePerSecond'] / rs_errors:8.2f}x")
PY
