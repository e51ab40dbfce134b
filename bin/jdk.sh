#!/usr/bin/env bash
# Sourced helper: finds a JDK (java) 21 or newer and exports SGN4J_JAVA, the
# path of its java binary. Looks at, in order: $JAVA_HOME, `java` on PATH,
# then the newest one under /usr/lib/jvm/*, /opt/java/*, /opt/*jdk*,
# ~/.sdkman/candidates/java/*, ~/.jdks/*. If none is found it prints a message
# to stderr and exits 1 (it is meant to be sourced by a script).
#
#   source "$ROOT/bin/jdk.sh"   # then: "$SGN4J_JAVA" -cp ... Main

# Major version of a java binary ("17", "21", "25"), or nothing.
sgn4j_java_major() {
  local bin=$1 out version
  [[ -x $bin && ! -d $bin ]] || return 0
  out=$("$bin" -version 2>&1) || return 0
  [[ $out =~ version\ \"([^\"]+)\" ]] || return 0
  version=${BASH_REMATCH[1]}
  if [[ $version == 1.* ]]; then
    version=${version#1.}
  fi
  version=${version%%[!0-9]*}
  [[ -n $version ]] && printf '%s\n' "$version"
  return 0
}

sgn4j_find_java() {
  local major candidate best="" best_major=0 home nullglob_was
  if [[ -n ${JAVA_HOME:-} ]]; then
    major=$(sgn4j_java_major "$JAVA_HOME/bin/java")
    if [[ -n $major ]] && ((major >= 21)); then
      SGN4J_JAVA="$JAVA_HOME/bin/java"
      return 0
    fi
  fi
  if candidate=$(command -v java 2>/dev/null); then
    major=$(sgn4j_java_major "$candidate")
    if [[ -n $major ]] && ((major >= 21)); then
      SGN4J_JAVA="$candidate"
      return 0
    fi
  fi
  nullglob_was=$(shopt -p nullglob || true)
  shopt -s nullglob
  for home in /usr/lib/jvm/* /opt/java/* /opt/*jdk* \
    "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/*; do
    candidate="$home/bin/java"
    [[ -x $candidate ]] || continue
    major=$(sgn4j_java_major "$candidate")
    if [[ -n $major ]] && ((major >= 21 && major > best_major)); then
      best=$candidate
      best_major=$major
    fi
  done
  eval "$nullglob_was"
  if [[ -n $best ]]; then
    SGN4J_JAVA=$best
    return 0
  fi
  return 1
}

if ! sgn4j_find_java; then
  echo "sgn4j needs a JDK 21 or newer; install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
  exit 1
fi
export SGN4J_JAVA
