#!/usr/bin/env bash
# Signs the native libraries inside the staged jars (installer/package.sh calls it before the app
# image). Apple's notary service looks into jars too and rejects unsigned dylibs there; jpackage
# signs only the files of the bundle. Without MACOS_SIGNING_IDENTITY it does nothing.
set -euo pipefail
input=$(cd "$1" && pwd)
if [ -z "${MACOS_SIGNING_IDENTITY:-}" ]; then
  exit 0
fi
identity="Developer ID Application: $MACOS_SIGNING_IDENTITY"
keychain=()
if [ -n "${MACOS_SIGNING_KEYCHAIN:-}" ]; then keychain=(--keychain "$MACOS_SIGNING_KEYCHAIN"); fi

for jar in "$input"/lib/*.jar; do
  natives=()
  while IFS= read -r entry; do natives+=("$entry"); done < <(unzip -Z1 "$jar" | grep -E '\.(dylib|jnilib)$' || true)
  if [ ${#natives[@]} -eq 0 ]; then continue; fi
  work=$(mktemp -d)
  (cd "$work" && unzip -q "$jar" "${natives[@]}")
  for entry in "${natives[@]}"; do
    codesign --force --timestamp --options runtime ${keychain[@]+"${keychain[@]}"} --sign "$identity" "$work/$entry"
  done
  (cd "$work" && zip -q "$jar" "${natives[@]}")
  rm -rf "$work"
  echo "signed ${#natives[@]} native libraries in $(basename "$jar")"
done
