#!/usr/bin/env bash
# Crawl throughput: duban (crawler alone; the whole `duban crawl` with extraction, state,
# archive and export; and the same with its search index, as a nightly run does it) side by
# side with Scrapy, on the same loopback site served by nginx, in
# the same run. Politeness off; robots.txt obeyed by all.
#
# Each crawler runs ROUNDS times (default 3), the three taking turns so that a slow spell of
# the machine falls on all of them; the table shows each crawler's median run by wall time.
#
# Needs: nginx (apt-get install nginx-light), Scrapy in a venv (python3 -m venv V &&
# V/bin/pip install scrapy), GNU time (/usr/bin/time). Usage:
#   scripts/bench-crawl/run.sh [PAGES] [SCRAPY_BIN]
set -euo pipefail
PAGES=${1:-3000}
SCRAPY=${2:-/tmp/scrapy-venv/bin/scrapy}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-8090}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d /tmp/duban-bench-crawl.XXXXXX)
chmod 755 "$TMP"  # nginx workers run as another user
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
export CARGO_TARGET_DIR=$TARGET

python3 "$HERE/gen_site.py" "$TMP/site" "$PAGES" > "$TMP/pages"
SITE_PAGES=$(cat "$TMP/pages")
sed -e "s#ROOT#$TMP/site#; s#PORT#$PORT#; s#TMP#$TMP#g" "$HERE/nginx.conf" > "$TMP/nginx.conf"
nginx -c "$TMP/nginx.conf" -p "$TMP"
trap 'kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true' EXIT
sleep 0.5
URL="http://127.0.0.1:$PORT/index.html"

(cd "$REPO" && cargo build --release --bin duban -q && cargo bench -p duban-fetch --bench crawl_throughput --no-run -q 2>/dev/null)
BENCH_BIN=$(ls -t "$TARGET"/release/deps/crawl_throughput-* | grep -v '\.d$' | head -1)

measure() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/$name.time" "$@" > "$TMP/$name.out" 2> "$TMP/$name.err"
}
report() { # name, pages
    read -r wall user sys rss < "$TMP/$1.time"
    awk -v n="${1%.*}" -v p="$2" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
        printf "| %-28s | %6d | %6.2f | %8.0f | %6.2f | %5.0f%% | %6.0f |\n",
            n, p, w, p / w, (u + s) * 1000 / p, (u + s) * 100 / w, r / 1024 }'
}

for round in $(seq 1 "$ROUNDS"); do
    measure "duban-fetch.$round" env BENCH_URL="$URL" BENCH_PAGES="$SITE_PAGES" "$BENCH_BIN"
    rm -rf "$TMP/data"
    measure "duban-crawl.$round" "$TARGET/release/duban" --data "$TMP/data" -q crawl "$URL" \
        --max-pages $((SITE_PAGES + 100)) --max-depth 10 --requests-per-sec 1000000000 \
        --connections-per-host 16 --concurrency 16 --no-index
    rm -rf "$TMP/data"
    measure "duban-crawl+index.$round" "$TARGET/release/duban" --data "$TMP/data" -q crawl "$URL" \
        --max-pages $((SITE_PAGES + 100)) --max-depth 10 --requests-per-sec 1000000000 \
        --connections-per-host 16 --concurrency 16
    measure "scrapy.$round" "$SCRAPY" runspider "$HERE/spider.py" -a start_url="$URL" \
        -a max_pages=$((SITE_PAGES + 100)) -a stats_file="$TMP/scrapy-stats.$round.json" \
        -O "$TMP/scrapy-items.jsonl"
done
median() { # name: the round whose wall time is the median
    for r in $(seq 1 "$ROUNDS"); do echo "$(cut -d' ' -f1 "$TMP/$1.$r.time") $r"; done \
        | sort -n | sed -n "$(((ROUNDS + 1) / 2))p" | cut -d' ' -f2
}
F=$(median duban-fetch); C=$(median duban-crawl); I=$(median duban-crawl+index); S=$(median scrapy)
FETCH_PAGES=$(grep -o 'duban-fetch: [0-9]*' "$TMP/duban-fetch.$F.out" | grep -o '[0-9]*$')
CRAWL_PAGES=$(grep -o '[0-9]* fetched' "$TMP/duban-crawl.$C.out" | grep -o '^[0-9]*')
INDEX_PAGES=$(grep -o '[0-9]* fetched' "$TMP/duban-crawl+index.$I.out" | grep -o '^[0-9]*')
SCRAPY_PAGES=$(python3 -c "import json;print(json.load(open('$TMP/scrapy-stats.$S.json'))['status_200'])")

echo "site: $SITE_PAGES pages (nginx, 127.0.0.1), $(nproc) cores; politeness off, robots.txt obeyed, 16 requests in flight"
echo "median of $ROUNDS rounds each; all rounds (wall s): fetch $(cat "$TMP"/duban-fetch.*.time | cut -d' ' -f1 | tr '\n' ' ')| crawl $(cat "$TMP"/duban-crawl.*.time | cut -d' ' -f1 | tr '\n' ' ')| crawl+index $(cat "$TMP"/duban-crawl+index.*.time | cut -d' ' -f1 | tr '\n' ' ')| scrapy $(cat "$TMP"/scrapy.*.time | cut -d' ' -f1 | tr '\n' ' ')"
echo "| crawler                      |  pages | wall s |  pages/s | CPU ms/page | CPU use | peak RSS MB |"
echo "|------------------------------|--------|--------|----------|-------------|---------|-------------|"
report "duban-fetch.$F" "$FETCH_PAGES"
report "duban-crawl.$C" "$CRAWL_PAGES"
report "duban-crawl+index.$I" "$INDEX_PAGES"
report "scrapy.$S" "$SCRAPY_PAGES"
echo "(raw output in $TMP)"
