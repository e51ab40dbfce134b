#!/usr/bin/env bash
# Sourced helper for the launchers (./sgn4j, bench/run): rebuilds jars with the
# Maven wrapper only when they are missing or older than their inputs, and
# keeps Maven's output off stdout (it is shown on stderr only if the build
# fails). Needs SGN4J_ROOT (the repository root) and bin/jdk.sh sourced first.

# Lets ./mvnw find a JVM to run Maven on: when neither JAVA_HOME nor `java`
# on PATH exists, use the JDK that bin/jdk.sh found.
sgn4j_maven_java() {
  if [[ -z ${JAVA_HOME:-} ]] && ! command -v java >/dev/null 2>&1; then
    JAVA_HOME=$(dirname "$(dirname "$SGN4J_JAVA")")
    export JAVA_HOME
  fi
}

# sgn4j_build_if_stale NJARS JAR... INPUT... -- MAVEN_ARG...
# Runs `./mvnw MAVEN_ARG...` in SGN4J_ROOT when any JAR is missing, or when
# any file under an INPUT (file or directory) is newer than a JAR.
sgn4j_build_if_stale() {
  local njars=$1
  shift
  local -a jars=("${@:1:njars}")
  shift "$njars"
  local -a inputs=()
  while (($#)) && [[ $1 != -- ]]; do
    [[ -e $1 ]] && inputs+=("$1")
    shift
  done
  [[ ${1:-} == -- ]] && shift
  local jar stale=0 newer
  for jar in "${jars[@]}"; do
    if [[ ! -f $jar ]]; then
      stale=1
      break
    fi
    if ((${#inputs[@]})); then
      newer=$(find "${inputs[@]}" -newer "$jar" -print -quit 2>/dev/null || true)
      if [[ -n $newer ]]; then
        stale=1
        break
      fi
    fi
  done
  ((stale)) || return 0

  sgn4j_maven_java
  echo "sgn4j: building ${jars[0]##*/} with ./mvnw (a minute or two the first time; its output only if it fails)" >&2
  local log status=0
  log=$(mktemp "${TMPDIR:-/tmp}/sgn4j-build.XXXXXX")
  (cd "$SGN4J_ROOT" && ./mvnw "$@") >"$log" 2>&1 </dev/null || status=$?
  if ((status != 0)); then
    cat "$log" >&2
    rm -f "$log"
    echo "sgn4j: build failed (exit $status): ./mvnw $*" >&2
    exit 1
  fi
  rm -f "$log"
  for jar in "${jars[@]}"; do
    if [[ ! -f $jar ]]; then
      echo "sgn4j: build succeeded but $jar is missing" >&2
      exit 1
    fi
  done
  # Maven may leave an up-to-date jar untouched; mark the jars as fresh so an
  # input newer than the old jar does not trigger a rebuild every time.
  touch "${jars[@]}"
}
