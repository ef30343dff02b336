#!/usr/bin/env bash
# The whole nightly job's cost as the corpus grows: `duban ingest` with and without the search
# index, beside two yardsticks on the same text in the same run (bare jieba-rs segmentation, and
# bare Tantivy indexing of one field cut by jieba-rs: crates/index/benches/yardstick.rs).
#
# For each size (megabytes; default "10 100"; add 1000 for a gigabyte, which needs some 15 GB
# of disk), a corpus is generated from the project's own documents (gen_corpus.py: seeds with
# their regions, years and numbering varied), and each program runs on it once. Prints MB/s,
# documents/s, CPU seconds, peak RSS, the size of the index and of the data folder, and the
# ratios to the indexing yardstick (by wall time and by CPU time).
#
# Needs GNU time (/usr/bin/time). Usage:
#   scripts/bench-ingest/run.sh [SIZE_MB...]
set -euo pipefail
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100)
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TMP=${BENCH_TMP:-$(mktemp -d /tmp/duban-bench-ingest.XXXXXX)}
mkdir -p "$TMP"
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
export CARGO_TARGET_DIR=$TARGET

(cd "$REPO" && cargo build --release --bin duban -q \
    && cargo bench -p duban-index --bench yardstick --no-run -q 2>/dev/null)
YARDSTICK=$(ls -t "$TARGET"/release/deps/yardstick-* | grep -v '\.d$' | head -1)
DUBAN=$TARGET/release/duban

measure() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/$name.time" "$@" > "$TMP/$name.out" 2> "$TMP/$name.err"
}
row() { # name, bytes, documents, yardstick wall, yardstick cpu, index size
    read -r wall user sys rss < "$TMP/$1.time"
    awk -v n="$1" -v b="$2" -v d="$3" -v yw="$4" -v yc="$5" -v ix="$6" -v w="$wall" -v u="$user" \
        -v s="$sys" -v r="$rss" 'BEGIN {
        mb = b / 1048576; cpu = u + s
        printf "| %-22s | %7.1f | %6.2f | %7.0f | %7.1f | %7.0f | %8s | %5.2f | %5.2f |\n",
            n, w, mb / w, d / w, cpu, r / 1024, ix, yw / w, yc / cpu }'
}

echo "$(nproc) cores; one run of each program per size; ratios are the indexing yardstick's"
echo "time over the program's (1.00 = as fast as bare Tantivy + jieba on the same text)"
echo
echo "| run                    |  wall s |   MB/s |  docs/s |   CPU s | peak RSS MB | index | × yardstick (wall) | × yardstick (CPU) |"
echo "|------------------------|--------:|-------:|--------:|--------:|------------:|------:|------:|------:|"
for size in "${SIZES[@]}"; do
    corpus="$TMP/corpus-$size"
    [ -d "$corpus" ] || python3 "$HERE/gen_corpus.py" "$corpus" "$size" > "$TMP/docs-$size"
    docs=$(cat "$TMP/docs-$size")
    bytes=$(find -L "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
    sync
    measure "segment-$size" "$YARDSTICK" segment "$corpus"
    measure "tantivy+jieba-$size" "$YARDSTICK" index "$corpus" "$TMP/yardstick-index-$size"
    read -r yw yu ys _ < "$TMP/tantivy+jieba-$size.time"
    yc=$(awk -v u="$yu" -v s="$ys" 'BEGIN {print u + s}')
    rm -rf "$TMP/data-$size"
    measure "ingest-no-index-$size" "$DUBAN" --data "$TMP/data-$size" -q ingest "$corpus" --no-index
    rm -rf "$TMP/data-$size"
    measure "ingest-$size" "$DUBAN" --data "$TMP/data-$size" -q ingest "$corpus"
    yix=$(du -sh "$TMP/yardstick-index-$size" | cut -f1)
    ix=$(du -sh "$TMP/data-$size/index" | cut -f1)
    row "segment-$size" "$bytes" "$docs" "$yw" "$yc" "-"
    row "tantivy+jieba-$size" "$bytes" "$docs" "$yw" "$yc" "$yix"
    row "ingest-no-index-$size" "$bytes" "$docs" "$yw" "$yc" "-"
    row "ingest-$size" "$bytes" "$docs" "$yw" "$yc" "$ix"
    echo "| ($size MB: $docs documents, $(du -sh "$TMP/data-$size" | cut -f1) data folder) | | | | | | | | |"
    rm -rf "$TMP/yardstick-index-$size"
done
echo
echo "(corpora, data folders and raw output in $TMP)"
