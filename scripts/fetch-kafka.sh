#!/usr/bin/env bash
# Fetches the Apache Kafka broker jars (KRaft, single node) from Maven Central into a cache dir
# outside the repository. A no-op when the jars are already there.
#   cache: ${PORTOFINO_CACHE:-$HOME/.cache/portofino}/kafka-<version>/libs
# Used by test/harness/kafka.ts (which calls this script itself when the jars are missing),
# `npm run services` and .ci/run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pom="$here/kafka/pom.xml"
version="4.4.0"
home="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
cache="${PORTOFINO_CACHE:-$home/.cache/portofino}"
dest="$cache/kafka-$version"
libs="$dest/libs"
marker="$libs/.complete"

if [[ -f "$marker" ]] && compgen -G "$libs/kafka_2.13-$version.jar" >/dev/null; then
  echo "fetch-kafka: Kafka $version jars already in $libs"
  exit 0
fi

for bin in java mvn; do
  if ! command -v "$bin" >/dev/null 2>&1; then
    case "$bin" in
      java) pkg="openjdk-17-jre-headless" ;;
      mvn) pkg="maven" ;;
    esac
    echo "fetch-kafka: '$bin' not found on PATH. Install it: apt-get install -y $pkg" >&2
    exit 1
  fi
done

mkdir -p "$dest"
# Copy into a temp dir first, then move into place, so an interrupted fetch never looks complete.
tmp="$(mktemp -d "$dest/libs.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-kafka: downloading Kafka $version jars from Maven Central into $libs"
start=$(date +%s)
mvn -B -q -Dstyle.color=never -f "$pom" \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
  -DoutputDirectory="$tmp" -DincludeScope=runtime

if ! compgen -G "$tmp/kafka_2.13-$version.jar" >/dev/null; then
  echo "fetch-kafka: kafka_2.13-$version.jar missing after the Maven copy" >&2
  exit 1
fi
if ! compgen -G "$tmp/log4j-slf4j-impl-*.jar" >/dev/null; then
  echo "fetch-kafka: log4j-slf4j-impl missing after the Maven copy (the broker would log nothing)" >&2
  exit 1
fi

if [[ -f "$marker" ]]; then
  # Another fetch finished meanwhile: keep its copy.
  echo "fetch-kafka: jars appeared in $libs meanwhile; keeping them"
  exit 0
fi
rm -rf "$libs"
mv -T "$tmp" "$libs"
trap - EXIT
touch "$marker"
echo "fetch-kafka: $(ls "$libs"/*.jar | wc -l) jars in $libs ($(( $(date +%s) - start )) s)"
