#!/usr/bin/env bash
# Moves libtorch out of the staged pytorch-native jar into INPUT_DIR/pytorch/, so it is installed
# as plain files that the launchers point DJL at (-DPYTORCH_LIBRARY_PATH=$APPDIR/pytorch in
# jpackage/app-image.args), instead of being copied out of the jar into every user's cache on
# first start (see docs/decisions/0014-installers-jpackage.md). The jar keeps
# native/lib/pytorch.properties, which tells DJL the version and the JNI library to use. On Linux
# the libraries' symbol tables are stripped.
#
#   bash installer/unpack-libtorch.sh INPUT_DIR
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 INPUT_DIR" >&2
  exit 2
fi
input=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=jar-tools.sh disable=SC1091
. "$here/jar-tools.sh"

jars=("$input"/lib/pytorch-native-*.jar)
if [ ${#jars[@]} -ne 1 ] || [ ! -f "${jars[0]}" ]; then
  echo "unpack-libtorch: expected one pytorch-native jar in $input/lib" >&2
  exit 1
fi
jar=${jars[0]}

# the jar holds pytorch/<flavor>/<classifier>/ with the libraries, for one flavor and platform
folders=$(jar_entries "$jar" | sed -n 's|^\(pytorch/[^/]*/[^/]*/\).\{1,\}$|\1|p' | sort -u)
if [ "$(grep -c . <<< "$folders")" -ne 1 ]; then
  echo "unpack-libtorch: expected one pytorch/<flavor>/<platform>/ folder in $(basename "$jar"), found: $folders" >&2
  exit 1
fi

work=$(mktemp -d)
unpack_jar "$jar" "$work"
rm -rf "$input/pytorch"
mv "$work/$folders" "$input/pytorch"
rm -rf "$work/pytorch"
if [ ! -f "$input/pytorch/libtorch.so" ] && [ ! -f "$input/pytorch/libtorch.dylib" ] && [ ! -f "$input/pytorch/torch.dll" ]; then
  echo "unpack-libtorch: no torch library in $folders of $(basename "$jar")" >&2
  exit 1
fi
repack_jar "$jar" "$work"
# PyTorch's Linux libraries carry their symbol tables (89 MB of libtorch_cpu.so's 446 MB); the
# dynamic symbols stay. Not on macOS, where changing a dylib breaks its signature.
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null 2>&1; then
  find "$input/pytorch" -type f -name '*.so*' -exec strip --strip-unneeded {} +
fi
echo "unpack-libtorch: $folders of $(basename "$jar") -> pytorch/ ($(find "$input/pytorch" -type f | wc -l | tr -d ' ') files)"
