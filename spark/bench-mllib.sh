#!/usr/bin/env bash
# netc against Spark MLlib's MultilayerPerceptronClassifier in one local[2] SparkSession
# (dev.netc.spark.MllibBenchmark in spark/src/test/java): scoring rows per second on a generated
# table, and time to MLlib's test accuracy on Fashion-MNIST; prints Markdown tables.
#
#   spark/bench-mllib.sh                                  # 10 million rows; a few minutes
#   JAVA_OPTS="-Drows=1000000 -DmllibIters=10" spark/bench-mllib.sh
#
# Options (system properties in JAVA_OPTS): -Drows (10000000), -Drepeats (2: the last run counts),
# -DmllibIters (15), -Depochs (10: netc's limit), -Dnetc.fashion=DIR (Debian's
# dataset-fashion-mnist by default), -Dtraining=false (scoring only). Needs about 6 GB of heap for
# 10 million cached rows. -Dcost=true runs dev.netc.spark.ScoringCost instead (about 1 minute, no
# Spark session): the CPU time per row of the scoring path's parts, outside Spark.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
data="/usr/share/datasets/fashion-mnist"
for f in train-images-idx3-ubyte.gz t10k-images-idx3-ubyte.gz; do
  if [[ " ${JAVA_OPTS:-} " != *-Dnetc.fashion=* && ! -f "$data/$f" ]]; then
    echo "bench-mllib: $data/$f is missing: install Debian's dataset-fashion-mnist or pass -Dnetc.fashion=DIR in JAVA_OPTS" >&2
    exit 3
  fi
done
cd "$root"
main=dev.netc.spark.MllibBenchmark
if [[ " ${JAVA_OPTS:-} " == *" -Dcost=true "* ]]; then
  main=dev.netc.spark.ScoringCost
fi
mvn -B -q -pl spark -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="spark/target/test-classes:spark/target/classes:$(cat spark/target/bench-classpath.txt)"
# The --add-opens list spark-submit adds (as in the module's Surefire argLine).
exec java -Xmx6g \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false \
  ${JAVA_OPTS:-} -cp "$cp" "$main"
