#!/usr/bin/env bash
# Grades extraction on the seeds and on the development set of ../shared, the whole set and
# each source family of it, with `duban eval` (the figures of `score.py`).
#
#   scripts/eval/run.sh              # seeds, dev, dev by family
#   VERBOSE=1 scripts/eval/run.sh    # also every miss, into $OUT/*.verbose
#   DUBAN=target/debug/duban scripts/eval/run.sh
#   TABLE=1 scripts/eval/run.sh      # also the README's table of figures, in Markdown
#
# The dev documents are others' data: they are read where they are, in ../shared, and nothing of
# them is written into the repository (the data folders go to $OUT, a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/gold/dev" ] || { echo "eval: $SHARED/gold/dev is missing" >&2; exit 2; }
DUBAN=${DUBAN:-target/release/duban}
if [ "$DUBAN" = target/release/duban ]; then cargo build --release -q; fi
OUT=${OUT:-$(mktemp -d /tmp/duban-eval.XXXXXX)}
mkdir -p "$OUT"

rm -rf "$OUT/seeds" "$OUT/dev"
"$DUBAN" -q --data "$OUT/seeds" ingest "$SHARED/corpora/seeds" >/dev/null
"$DUBAN" -q --data "$OUT/dev" ingest "$SHARED/corpora/dev" >/dev/null

echo "== seeds"
"$DUBAN" eval --gold "$SHARED/gold/seeds" "$OUT/seeds/export"
echo "== dev (all)"
"$DUBAN" eval --gold "$SHARED/gold/dev" "$OUT/dev/export"
if [ -n "${VERBOSE:-}" ]; then
  "$DUBAN" eval --verbose --gold "$SHARED/gold/seeds" "$OUT/seeds/export" >"$OUT/seeds.verbose"
  "$DUBAN" eval --verbose --gold "$SHARED/gold/dev" "$OUT/dev/export" >"$OUT/dev.verbose"
fi

# Source families: the repository (and, for the Pingtan archive, the way it was stored) a
# document came from, read from SOURCES.tsv.
python3 - "$SHARED/corpora/dev/SOURCES.tsv" <<'PY' >"$OUT/families.tsv"
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"):
    family = r["source repository"].split()[0].split("/")[1]
    if family == "pingtan-gov-zwgk-archive":
        family += "-text" if r["file"].endswith(".txt") else "-pages"
    print(family, r["file"].rsplit(".", 1)[0], sep="\t")
PY
rm -rf "$OUT/families"
while IFS=$'\t' read -r family stem; do
  mkdir -p "$OUT/families/$family"
  ln -sf "$(realpath "$SHARED/gold/dev/$stem.json")" "$OUT/families/$family/$stem.json"
done <"$OUT/families.tsv"
for dir in "$OUT"/families/*/; do
  family=$(basename "$dir")
  echo "== dev: $family ($(ls "$dir" | wc -l) documents)"
  "$DUBAN" eval --gold "$dir" "$OUT/dev/export"
done
if [ -n "${TABLE:-}" ]; then
  rows() { # name, gold dir, export dir
    "$DUBAN" eval --json --gold "$2" "$3" | python3 -c '
import json, sys
r = json.load(sys.stdin); name = sys.argv[1]
f = lambda k: "%.3f" % r[k]["f1"]
docs = r["document_fields"]; low = min(docs.values()) if docs else 0
print("| %s | %d | %s | %s | %s | %s | %s | %.3f | %.3f | %.2f |" % (name, len(r["documents"]),
  f("obligations"), f("deadlines"), f("recurrences"), f("metrics"), f("bodies"),
  r["kind_accuracy"], r["indicator_accuracy"], low))' "$1"
  }
  echo
  echo "| set | docs | obligations | deadlines | recurrences | metrics | bodies | kind | indicator | lowest document field |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  rows "seeds" "$SHARED/gold/seeds" "$OUT/seeds/export"
  rows "dev, all" "$SHARED/gold/dev" "$OUT/dev/export"
  for dir in "$OUT"/families/*/; do
    rows "dev: $(basename "$dir")" "$dir" "$OUT/dev/export"
  done
fi
echo "(data folders and reports in $OUT)"
