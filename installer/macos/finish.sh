#!/usr/bin/env bash
# Signs and notarises the disk images in a folder (installer/package.sh calls it last), when the
# environment holds the identity and the notary account; otherwise says what it skipped.
#   MACOS_SIGNING_IDENTITY   "Name (TEAMID)" of a "Developer ID Application" certificate
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (an app-specific password)
set -euo pipefail
dist=$1
if [ -z "${MACOS_SIGNING_IDENTITY:-}" ]; then
  echo "macOS: not signed and not notarised (MACOS_SIGNING_IDENTITY is not set); Gatekeeper will ask users to confirm"
  exit 0
fi
keychain=()
if [ -n "${MACOS_SIGNING_KEYCHAIN:-}" ]; then keychain=(--keychain "$MACOS_SIGNING_KEYCHAIN"); fi
for dmg in "$dist"/*.dmg; do
  codesign --force --timestamp ${keychain[@]+"${keychain[@]}"} --sign "Developer ID Application: $MACOS_SIGNING_IDENTITY" "$dmg"
  if [ -z "${MACOS_NOTARY_APPLE_ID:-}" ] || [ -z "${MACOS_NOTARY_TEAM_ID:-}" ] || [ -z "${MACOS_NOTARY_PASSWORD:-}" ]; then
    echo "macOS: $dmg is signed but not notarised (set MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD)"
    continue
  fi
  xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
    --password "$MACOS_NOTARY_PASSWORD" --wait
  xcrun stapler staple "$dmg"
  echo "macOS: $dmg is signed, notarised and stapled"
done
