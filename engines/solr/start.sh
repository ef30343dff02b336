#!/usr/bin/env bash
# Starts a SolrCloud cluster on 127.0.0.1 for Duban (two nodes, two shards per collection by
# default): builds engines/solr with Maven the first time (solr-test-framework 9.10.1 and
# lucene-analysis-smartcn from Maven Central, about 100 MB into ~/.m2), then runs it.
#
#   engines/solr/start.sh [WORK_DIR] [NODES] [SHARDS]
#
# Prints `solr-url http://127.0.0.1:PORT/solr` (the URL for `duban ship --to` and
# `duban search --engine`) and `solr-ready …` once every shard is active, then serves until
# its standard input closes or it gets SIGTERM. WORK_DIR (default: a new temporary folder)
# holds ZooKeeper's and the nodes' data. Needs Java 17 and Maven.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-$(mktemp -d -t duban-solr.XXXXXX)}"
nodes="${2:-2}"
shards="${3:-2}"
for tool in java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start.sh: $tool is missing (Java 17 and Maven are needed)" >&2; exit 3; }
done
classes="$here/target/classes"
cp_file="$here/target/classpath.txt"
if [ ! -f "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ] \
  || [ -n "$(find "$here/src" -newer "$cp_file" -print -quit)" ]; then
  echo "start.sh: building engines/solr with Maven" >&2
  mvn -q -B -f "$here/pom.xml" package -DskipTests >&2
fi
mkdir -p "$work"
exec java -Xmx1g -Dsolr.log.dir="$work/logs" -Dlog4j2.configurationFile="$here/log4j2.xml" \
  -cp "$classes:$(cat "$cp_file")" duban.engine.SolrCluster "$here/configset/conf" "$work" "$nodes" "$shards"
