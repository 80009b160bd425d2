#!/usr/bin/env bash
# Installs a built .deb, checks what it put where (the class-data archive its postinst made and
# that the launcher maps it, ADR 0030), organises photos with the installed command-line launcher
# and the tiny test model, serves /health, checks that `list --json` prints only JSON with a stale
# archive, then removes and purges the
# package and checks that nothing of it is left (the server's /var/lib/image-organizer and the
# system user stay by design). Run as root, on a machine where the package is not installed:
#
#   sudo bash installer/linux/smoke-test.sh target/installer/dist/image-organizer_*.deb [PHOTO_DIR]
#
# Without PHOTO_DIR it draws a few pictures with ImageMagick. SMOKE_PORT (default 18099) is the
# server's port.
set -euo pipefail

if [ $# -lt 1 ] || [ "$(id -u)" -ne 0 ]; then
  echo "usage (as root): $0 PACKAGE.deb [PHOTO_DIR]" >&2
  exit 2
fi
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
model="$repo/src/test/resources/models/tiny-clip"
port=${SMOKE_PORT:-18099}
app=/opt/image-organizer
cli=$app/bin/image-organizer-cli
unit=/usr/lib/systemd/system/image-organizer-server.service
env_file=/etc/image-organizer/server.env

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "smoke-test: FAILED: $*" >&2
  exit 1
}
ok() {
  echo "smoke-test: ok: $*"
}

if dpkg-query -W image-organizer >/dev/null 2>&1; then
  fail "image-organizer is installed already; remove it first (dpkg -P image-organizer)"
fi

photos=${2:-}
if [ -z "$photos" ]; then
  photos="$work/photos"
  mkdir -p "$photos"
  for seed in 1 2 3 4 5 6; do
    convert -seed "$seed" -size 320x240 plasma:fractal "$photos/plasma-$seed.jpg"
  done
fi
count=$(find "$photos" -type f | wc -l)

echo "== install $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg -i "$deb" || { apt-get -f install -y -q && dpkg-query -W image-organizer >/dev/null; } || fail "dpkg -i"
if [ ! -x "$cli" ] || [ ! -x "$app/bin/image-organizer" ]; then fail "launchers missing in $app/bin"; fi
cmp -s "$unit" "$repo/installer/linux/image-organizer-server.service" || fail "unit differs from installer/linux"
[ "$(stat -c '%a %U:%G' "$env_file")" = "640 root:image-organizer" ] || fail "$env_file: $(stat -c '%a %U:%G' "$env_file")"
getent passwd image-organizer >/dev/null || fail "no user image-organizer"
[ "$(readlink /usr/bin/image-organizer-cli)" = "$cli" ] || fail "/usr/bin/image-organizer-cli"
ok "launchers, unit, $env_file, user, /usr/bin/image-organizer-cli"

export IMAGE_ORGANIZER_HOME="$work/home"

# class-data sharing (ADR 0030): the runtime's base archive, and the dynamic archive the postinst made,
# which the launcher maps (JAVA_TOOL_OPTIONS reaches the JVM behind jpackage's launcher)
archive=$app/lib/app/image-organizer.jsa
[ -s "$app/lib/runtime/lib/server/classes.jsa" ] || fail "no base archive in the runtime"
[ -s "$archive" ] || fail "the postinst made no $archive"
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$work/classes.txt" "$cli" --version > /dev/null 2>&1 || fail "--version"
grep -q "source: shared objects file (top)" "$work/classes.txt" || fail "the launcher does not map $archive"
ok "the launcher maps $archive ($(du -h "$archive" | cut -f1)) on the runtime's base archive"

echo "== organize $count photos"
"$cli" organize "$photos" --model-dir "$model" > "$work/organize.out" 2>&1 || { cat "$work/organize.out"; fail "organize"; }
grep -q "Found $count files: $count imported" "$work/organize.out" || { cat "$work/organize.out"; fail "organize output"; }
grep "^Found" "$work/organize.out"
ok "organize"

echo "== serve on port $port"
"$cli" serve --port "$port" --model-dir "$model" > "$work/serve.out" 2>&1 &
server_pid=$!
health=
for _ in $(seq 1 90); do
  if health=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null); then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.out"; fail "serve exited"; }
  sleep 1
done
echo "$health"
grep -q '"status":"ok"' <<< "$health" || { cat "$work/serve.out"; fail "/health"; }
grep -q "\"image_count\":$count" <<< "$health" || fail "/health image_count"
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=
ok "serve and /health"

echo "== a stale archive prints nothing on standard output"
touch "$app/lib/app/image-organizer.jar" # the JVM now refuses the archive: the jar is not the one it was made with
"$cli" list --json > "$work/list.json" 2> "$work/list.err" || { cat "$work/list.err"; fail "list --json"; }
# the JSON array of the photos and nothing else: no JVM log line such as "[0.02s][warning][cds,dynamic] ..."
if [ "$(head -c 1 "$work/list.json")" != "[" ] || grep -q '^\[[0-9.]*s\]' "$work/list.json" \
  || [ "$(grep -o '"id"' "$work/list.json" | wc -l)" -ne "$count" ]; then
  head -c 300 "$work/list.json"
  fail "list --json with a stale archive printed more than the JSON"
fi
ok "list --json with a stale archive"

echo "== remove"
dpkg -r image-organizer
for gone in "$app" "$unit" /usr/bin/image-organizer-cli; do
  if [ -e "$gone" ] || [ -L "$gone" ]; then fail "$gone is still there after dpkg -r"; fi
done
[ -f "$env_file" ] || fail "dpkg -r removed $env_file (only purge should)"
ok "dpkg -r removed $app, the unit and the command, kept the settings"
dpkg -P image-organizer
[ ! -e /etc/image-organizer ] || fail "/etc/image-organizer is still there after dpkg -P"
! dpkg-query -W image-organizer >/dev/null 2>&1 || fail "dpkg still knows image-organizer"
ok "dpkg -P removed /etc/image-organizer; kept /var/lib/image-organizer and the user image-organizer"
echo "smoke-test: passed"
