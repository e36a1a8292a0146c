#!/usr/bin/env bash
# Resolve the Kafka broker's runtime classpath from Maven Central into target/libs.
# Idempotent: does nothing when target/libs matches pom.xml (a stamp holds the pom's hash).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
LIBS="$HERE/target/libs"
STAMP="$LIBS/.pom.sha256"

missing=()
command -v java >/dev/null 2>&1 || missing+=("java (JDK 17+, e.g. apt-get install -y openjdk-17-jdk-headless)")
command -v node >/dev/null 2>&1 || missing+=("node (20+)")

want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
complete() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]] && compgen -G "$LIBS/kafka_2.13-*.jar" >/dev/null
}

if complete; then
  if ((${#missing[@]})); then
    printf 'infra/kafka: missing %s\n' "${missing[@]}" >&2
    exit 1
  fi
  exit 0
fi
command -v mvn >/dev/null 2>&1 || missing+=("mvn (Maven 3.8+, e.g. apt-get install -y maven)")
if ((${#missing[@]})); then
  printf 'infra/kafka: cannot run a Kafka broker; install:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

mkdir -p "$HERE/target"
# One fetch at a time (parallel test runs may start brokers together).
exec 9>"$HERE/target/.fetch.lock"
flock 9
complete && exit 0

echo "infra/kafka: fetching the broker classpath with Maven (first run only)..." >&2
tmp="$(mktemp -d "$HERE/target/libs.XXXX")"
trap 'rm -rf "$tmp"' EXIT
# Copy into a fresh directory and swap it in, so a changed pom never leaves stale jars behind.
mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$tmp" >&2
echo "$want" >"$tmp/.pom.sha256"
rm -rf "$LIBS"
mv "$tmp" "$LIBS"
trap - EXIT
echo "infra/kafka: $(ls "$LIBS"/*.jar | wc -l) jars in $LIBS" >&2
