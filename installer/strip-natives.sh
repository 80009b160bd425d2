#!/usr/bin/env bash
# Keeps one platform's native libraries in the multi-platform jars of a folder of jars.
#
#   bash installer/strip-natives.sh PLATFORM LIB_DIR
#
# PLATFORM is linux-x86_64, linux-aarch64, macos-aarch64 or windows-x86_64. For each jar that
# installer/native-libraries.txt names, the natives outside the platform's folder and all debug
# symbols (.pdb, .dSYM) are deleted and the jar is written again in place: run it on a staged copy.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 PLATFORM LIB_DIR" >&2
  exit 2
fi
platform=$1
lib_dir=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
table="$here/native-libraries.txt"
# shellcheck source-path=SCRIPTDIR source=jar-tools.sh disable=SC1091
. "$here/jar-tools.sh"

is_native() {
  case "$1" in
    *.so | *.so.* | *.dylib | *.jnilib | *.dll | *.a | *.pdb) return 0 ;;
    *) return 1 ;;
  esac
}

# the entries of a jar listing to delete: natives outside $keep, debug symbols anywhere
unwanted_entries() {
  local keep=$1 entry
  while IFS= read -r entry; do
    case "$entry" in
      *.pdb | *.dSYM/*) echo "$entry" ;;
      "$keep"*) ;;
      *) if is_native "$entry"; then echo "$entry"; fi ;;
    esac
  done
}

kept_natives() {
  local keep=$1 entry
  while IFS= read -r entry; do
    case "$entry" in
      "$keep"*) if is_native "$entry"; then echo "$entry"; fi ;;
    esac
  done
}

strip_jar() {
  local jar=$1 keep=$2 work listing unwanted
  listing=$(jar_entries "$jar")
  unwanted=$(unwanted_entries "$keep" <<< "$listing")
  if ! kept_natives "$keep" <<< "$listing" | grep -q .; then
    echo "strip-natives: $(basename "$jar") has nothing under $keep for $platform;" \
      "update installer/native-libraries.txt" >&2
    return 1
  fi
  if [ -z "$unwanted" ]; then
    return 0
  fi
  work=$(mktemp -d)
  unpack_jar "$jar" "$work"
  while IFS= read -r entry; do
    rm -rf "${work:?}/$entry"
  done <<< "$unwanted"
  find "$work" -depth -type d -name '*.dSYM' -exec rm -rf {} +
  repack_jar "$jar" "$work"
  echo "strip-natives: $(basename "$jar"): kept $keep, removed $(grep -c . <<< "$unwanted") entries"
}

found=0
while read -r artifact row_platform keep; do
  case "$artifact" in '' | '#'*) continue ;; esac
  [ "$row_platform" = "$platform" ] || continue
  found=1
  for jar in "$lib_dir/$artifact"-[0-9]*.jar; do
    if [ -e "$jar" ]; then strip_jar "$jar" "$keep"; fi
  done
done < "$table"

if [ "$found" -eq 0 ]; then
  echo "strip-natives: no entry for platform $platform in $table" >&2
  exit 2
fi
