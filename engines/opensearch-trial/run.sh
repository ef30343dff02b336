#!/usr/bin/env bash
# Builds and runs the OpenSearch trial (not used by Duban): engines/opensearch-trial/run.sh [NODES]
# Needs Java 17 and Maven; the first build brings about 70 MB of jars into ~/.m2.
# TRIAL_DISK_CHECK=true keeps OpenSearch's disk watermarks (off by default: see README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -q -B -f "$here/pom.xml" package -DskipTests >&2
exec java -Xmx1g -Dtrial.disk.check="${TRIAL_DISK_CHECK:-false}" -Dopensearch.set.netty.runtime.available.processors=false \
  -Dlog4j2.configurationFile="$here/log4j2.xml" \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" duban.trial.OpenSearchTrial "$@"
