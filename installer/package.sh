#!/usr/bin/env bash
# Builds the installer for the system it runs on, the same way on a laptop and in CI:
#
#   bash installer/package.sh [--type TYPE]... [--skip-build]
#
# TYPE: deb and rpm on Linux (default: deb, and rpm too when rpmbuild is installed), msi on
# Windows (Git Bash; needs WiX 3 on the PATH), dmg on macOS, or app-image anywhere.
# Steps: Maven package -> stage the jars, keeping only this platform's natives (strip-natives.sh)
# and with libtorch as plain files (unpack-libtorch.sh) -> jdeps finds the JDK modules -> jlink
# makes a trimmed runtime with its class-data archive -> jpackage makes the app image -> installer/<os>/prepare-image.sh adds
# files -> jpackage makes the installer from the image. Options: jpackage/*.args, then
# jpackage/<os>/*.args.
# Output: target/installer/dist/. On macOS the app is signed when MACOS_SIGNING_IDENTITY is set
# and the disk image notarised when the notary variables are set too (installer/README.md).
# Plain bash 3.2 (macOS) and Git Bash are enough.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,15s/^# \{0,1\}//p' "$0"
}

types=()
skip_build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --type) types+=("$2"); shift 2 ;;
    --skip-build) skip_build=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "package: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "package: unsupported processor $(uname -m)" >&2; exit 2 ;;
esac
platform=$os-$arch

if [ ${#types[@]} -eq 0 ]; then
  case "$os" in
    linux) types=(deb); if command -v rpmbuild >/dev/null 2>&1; then types+=(rpm); fi ;;
    windows) types=(msi) ;;
    macos) types=(dmg) ;;
  esac
fi

# the JDK's tools: JAVA_HOME if set (CI), else the javac on the PATH
if [ -n "${JAVA_HOME:-}" ]; then
  # Git Bash: C:\...\jdk -> /c/.../jdk
  if command -v cygpath >/dev/null 2>&1; then JAVA_HOME=$(cygpath -u "$JAVA_HOME"); fi
  jdk_bin="$JAVA_HOME/bin"
else
  javac_path=$(command -v javac) || { echo "package: no JDK found (set JAVA_HOME)" >&2; exit 2; }
  jdk_bin=$(cd "$(dirname "$(readlink -f "$javac_path")")" && pwd)
fi
export JAVA_HOME="${jdk_bin%/bin}"

step() {
  echo "== $*"
}

if ! $skip_build; then
  step "Maven package"
  ./mvnw -B -q -DskipTests package
fi
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties | tr -d '\r')
# installers want numbers: 0.1.0-SNAPSHOT -> 0.1.0
app_version=${version%%-*}

out=target/installer
rm -rf "$out"
mkdir -p "$out/input" "$out/resources" "$out/dist"

step "Staging the jars of $version for $platform"
cp target/image-organizer.jar "$out/input/"
cp src/main/resources/org/imageorganizer/ui/icons/splash.png "$out/input/" # the window launcher's -splash: (ADR 0027)
cp -R target/lib "$out/input/lib"
bash installer/strip-natives.sh "$platform" "$out/input/lib"
bash installer/unpack-libtorch.sh "$out/input"
if [ -f "installer/$os/prepare-input.sh" ]; then
  bash "installer/$os/prepare-input.sh" "$out/input"
fi

step "jdeps: the JDK modules the jars use"
# -R follows the jars the application reaches; modules that only services or reflection load are
# listed in jpackage/extra-modules.txt
modules=$("$jdk_bin/jdeps" -q -R --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$out/input/lib/*" "$out/input/image-organizer.jar" | tr -d '\r')
extra=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' jpackage/extra-modules.txt | tr -d '\r' | paste -sd, -)
modules="$modules,$extra"
echo "$modules"

step "jlink: a trimmed runtime with its class-data archive"
# --generate-cds-archive writes the runtime's base archive (lib/server/classes.jsa, ADR 0030), which
# every launch maps; it runs the image's bin/java, so the native commands stay (JDK 17's jlink fails
# with --strip-native-commands). The Linux packages' post-install step also uses bin/java.
"$jdk_bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$out/runtime"

# resources jpackage takes from --resource-dir; @APP_VERSION@ becomes the full version
if [ -d "jpackage/$os/resources" ]; then
  cp -R "jpackage/$os/resources/." "$out/resources/"
fi
for file in "$out"/resources/*; do
  if [ -f "$file" ] && grep -q '@APP_VERSION@' "$file"; then
    sed "s/@APP_VERSION@/$version/g" "$file" > "$file.tmp" && mv "$file.tmp" "$file"
  fi
done

# the argument files of one step that exist: common ones first, then this system's
args=()
args_for() {
  local name
  args=()
  for name in "$@"; do
    if [ -f "$name" ]; then args+=("@$name"); fi
  done
}

# macOS refuses a CFBundleVersion that starts with 0: there the bundle version is a build
# number (major*10000 + minor*100 + patch) and Info.plist shows the real version
bundle_version=$app_version
sign_args=()
if [ "$os" = macos ]; then
  IFS=. read -r major minor patch <<< "$app_version"
  bundle_version=$(( ${major:-0} * 10000 + ${minor:-0} * 100 + ${patch:-0} ))
  if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
    sign_args=(--mac-sign --mac-signing-key-user-name "$MACOS_SIGNING_IDENTITY")
    if [ -n "${MACOS_SIGNING_KEYCHAIN:-}" ]; then sign_args+=(--mac-signing-keychain "$MACOS_SIGNING_KEYCHAIN"); fi
  else
    echo "package: MACOS_SIGNING_IDENTITY is not set: the app is not signed (Gatekeeper will warn)"
  fi
fi

step "jpackage: app image"
args_for jpackage/common.args jpackage/app-image.args "jpackage/$os/common.args" "jpackage/$os/app-image.args"
"$jdk_bin/jpackage" --type app-image "${args[@]}" ${sign_args[@]+"${sign_args[@]}"} \
  --input "$out/input" --runtime-image "$out/runtime" --resource-dir "$out/resources" \
  --app-version "$bundle_version" --dest "$out/image"
image=$(find "$out/image" -mindepth 1 -maxdepth 1 | head -n 1)
if [ -f "installer/$os/prepare-image.sh" ]; then
  bash "installer/$os/prepare-image.sh" "$image"
fi

for type in "${types[@]}"; do
  if [ "$type" = app-image ]; then
    cp -R "$image" "$out/dist/"
    continue
  fi
  step "jpackage: $type"
  args_for jpackage/common.args jpackage/installer.args "jpackage/$os/common.args" \
    "jpackage/$os/installer.args" "jpackage/$os/$type.args"
  "$jdk_bin/jpackage" --type "$type" "${args[@]}" \
    --app-image "$image" --resource-dir "$out/resources" --app-version "$bundle_version" --dest "$out/dist"
done

if [ -f "installer/$os/finish.sh" ]; then
  bash "installer/$os/finish.sh" "$out/dist"
fi

step "Done"
ls -l "$out/dist"
